/**
 * Step 2 of a run (docs/architecture.md; the port is mapped in PORT.md): every prompt file becomes a
 * {@link Unit} — what `pdd sync <basename>` processes for one language — with its paths resolved exactly as PDD
 * resolves them, without running Python.
 */
import * as fsp from 'node:fs/promises'
import * as path from 'node:path'
import { validateContextOverride } from './pddrc/config.js'
import type { InputProblem, SkippedPrompt, Unit } from '../types.js'
import { FsView } from '../pycompat/fsview.js'
import { absolute } from '../pycompat/lexical.js'
import { collectPromptFiles, readPrompt } from './sync-main/prompt-files.js'
import { buildUnit, linkPendingIncludes, type Run } from './unit.js'
import { PromptIndex } from './prompt-index.js'
import { Project } from './project.js'
import { comparePy, sortByPy } from '../pycompat/pyfn.js'
import { candidateBasenames, promptRoots } from './sync-main/prompt-roots.js'
import { pickBasename, SyncSimulator } from './sync-main/discovery.js'
import { SIZE_LIMITS } from './bounded.js'
import { lfsPointerReason } from './lfs-pointer.js'
import { blankPromptReason } from './blank-prompt.js'
import { loadYaml } from './pddrc/yaml.js'

/** Where prompts already read are kept (the state loader's file cache): a prompt it cannot give is read here. */
export interface PromptSource {
  /** The file's text (UTF-8) when it is a readable file of at most `limit` bytes, else null. */
  peekText(rel: string, limit: number): string | null
}

/** Options of {@link discoverUnits}. */
export interface DiscoverOptions {
  /** The project directory; `pdd` runs with it as CWD. */
  repoRoot: string
  /** Environment `pdd` will see (defaults to `process.env`); `PDD_*_OUTPUT_PATH`, `PDD_PROMPTS_DIR` matter. */
  env?: Record<string, string | undefined>
  /** `--context` passed to every `pdd` invocation. */
  context?: string
  /**
   * Where prompts are read (and kept for the state loader, which reads them again) when they are regular files
   * inside the project; a prompt it cannot give is read directly, as without it.
   */
  files?: PromptSource
  /**
   * Only the prompts at these project-relative paths become units (the executor's post-condition re-plans one
   * group): each is resolved exactly as in a full run, since basename choice and path resolution read the whole
   * prompt index, not the other units; only cross-unit links (`pendingIncludes`) and warnings about other
   * prompts are left out.
   */
  onlyPrompts?: ReadonlySet<string>
}

/** Result of {@link discoverUnits}. */
export interface DiscoverResult {
  units: Unit[]
  skipped: SkippedPrompt[]
  problems: InputProblem[]
  warnings: string[]
  /** Why nothing can be synced at all (an unknown `--context`): the run must fail, not report zero units. */
  fatal?: string
}

/** Finds every PDD unit of the project as `pdd sync` would (see the module comment). */
export async function discoverUnits(opts: DiscoverOptions): Promise<DiscoverResult> {
  const root = await fsp.realpath(path.resolve(opts.repoRoot))
  return withYaml(root, opts, project => discoverIn(project, root, opts))
}

/**
 * `attempt` on a new {@link Project}, the `yaml` package loaded first when the project root holds a `.pddrc`;
 * when it met another `.pddrc` without the package, again on a new Project with it (see pddrc/yaml.ts).
 */
async function withYaml<T>(
  root: string,
  opts: DiscoverOptions,
  attempt: (project: Project) => T | Promise<T>
): Promise<T> {
  const fresh = (): Project =>
    new Project(new FsView(root), root, opts.env ?? process.env, opts.context ?? null)
  const project = fresh()
  if (project.findPddrc(root) !== null) await loadYaml()
  try {
    const out = await attempt(project)
    if (!project.wantedYaml) return out
  } catch (e) {
    if (!project.wantedYaml) throw e
  }
  await loadYaml()
  return attempt(fresh())
}

async function discoverIn(project: Project, root: string, opts: DiscoverOptions): Promise<DiscoverResult> {
  const out: DiscoverResult = { units: [], skipped: [], problems: [], warnings: [] }
  const rootSlash = `${root}/`
  const rel = (p: string): string =>
    p.startsWith(rootSlash)
      ? p.slice(root.length + 1)
      : p === root
        ? '.'
        : path.relative(root, p).split(path.sep).join('/') || '.'
  const pddrcFile = project.findPddrc(root)
  if (!checkConfiguration(project, { pddrcFile, context: opts.context, rel, out }))
    return finish(project, out)
  const index = new PromptIndex(project.view)
  const outside: string[] = []
  const roots = promptRoots(
    project,
    pddrcFile === null ? null : project.loadPddrc(pddrcFile).config,
    pddrcFile,
    outside
  )
  for (const d of outside)
    out.problems.push({
      file: rel(d),
      message: 'leads outside the repository (a symbolic link or `..`): its prompts are not searched'
    })
  for (const r of roots) await index.addRoot(r)
  const only = opts.onlyPrompts
  const collected = collectPromptFiles(project, index, out.skipped, rel, only)
  const files = only === undefined ? collected : collected.filter(f => only.has(f.rel))
  const sim = new SyncSimulator(project, index)
  const chosen = new Map<string, string>()
  const run: Run = { project, index, rel, out, declared: new Map(), missing: new Map() }
  for (const f of files) {
    const kept = opts.files?.peekText(f.rel, SIZE_LIMITS.prompt) ?? null
    const text = kept === null ? readPrompt(f.abs) : kept
    if (typeof text !== 'string') {
      out.problems.push({ file: f.rel, message: `cannot read prompt: ${text.message}` })
      continue
    }
    const unusable = lfsPointerReason(text) ?? blankPromptReason(text)
    if (unusable !== null) {
      out.skipped.push({ path: f.rel, reason: unusable })
      continue
    }
    const picked = pickBasename(sim, f, candidateBasenames(f.abs, f.stem, roots, root))
    if ('reason' in picked) {
      out.skipped.push({ path: f.rel, reason: picked.reason })
      continue
    }
    chosen.set(absolute(f.abs), picked.basename)
    const unit = buildUnit(run, f, picked, text)
    if (unit !== null) out.units.push(unit)
  }
  linkPendingIncludes(out.units, run.declared)
  warnOnMissingIncludes(out, run.missing)
  warnOnSharedGroups(sim, chosen, out, rel)
  return finish(project, out)
}

/**
 * Why `--context` cannot be used in this project (unknown context, unreadable `.pddrc`), or null: cheap, so a
 * run checks it before it fetches or reads anything else.
 */
export async function contextProblem(opts: DiscoverOptions): Promise<string | null> {
  const context = opts.context
  if (context === undefined) return null
  const root = await fsp.realpath(path.resolve(opts.repoRoot))
  return withYaml(root, opts, project => {
    const out: DiscoverResult = { units: [], skipped: [], problems: [], warnings: [] }
    const rel = (p: string): string => path.relative(root, p).split(path.sep).join('/')
    checkConfiguration(project, { pddrcFile: project.findPddrc(root), context, rel, out })
    return out.fatal ?? null
  })
}

/**
 * A malformed `.pddrc` is reported (PDD prints "Configuration error" and uses defaults); an unusable `--context`
 * is reported and stops discovery, since every `pdd --context …` invocation would exit 2.
 */
function checkConfiguration(
  project: Project,
  o: {
    pddrcFile: string | null
    context: string | undefined
    rel: (p: string) => string
    out: DiscoverResult
  }
): boolean {
  const load = o.pddrcFile === null ? null : project.loadPddrc(o.pddrcFile)
  const shown = o.pddrcFile === null ? '.pddrc' : o.rel(o.pddrcFile)
  if (load?.error !== undefined && load.refused === true) {
    o.out.problems.push({ file: shown, message: load.error.message })
    o.out.fatal = `${load.error.message.split(project.cwd + path.sep).join('')}. Nothing was run.`
    return false
  }
  if (load?.error !== undefined) {
    o.out.problems.push({
      file: shown,
      message: `${load.error.message} (PDD ignores it and uses default settings)`
    })
  }
  if (o.context === undefined) return true
  const err =
    load?.error !== undefined
      ? `--context ${o.context}: cannot load ${shown}`
      : validateContextOverride(o.context, load?.config ?? null)
  if (err === null) return true
  const message = `${err}; every \`pdd --context ${o.context}\` would exit 2`
  o.out.problems.push({ file: shown, message })
  o.out.fatal = `${message.split(project.cwd + path.sep).join('')}.`
  return false
}

/** An `<include>` of a file that does not exist, and that no unit generates, is named (PDD skips it silently). */
function warnOnMissingIncludes(out: DiscoverResult, missing: ReadonlyMap<string, string[]>): void {
  if (missing.size === 0) return
  const generated = new Set(
    out.units.flatMap(u => [u.paths.code, u.paths.example, u.paths.test, u.paths.prompt, ...u.testFiles])
  )
  missing.forEach((declared, prompt) => {
    const near = (d: string): string => path.posix.normalize(path.posix.join(path.posix.dirname(prompt), d))
    for (const d of declared.filter(x => !generated.has(x) && !generated.has(near(x))))
      out.warnings.push(`${prompt}: <include> of ${d}, which does not exist; PDD leaves it out of the prompt`)
  })
}

/** `pdd sync <basename>` syncs every language it finds: say so when that includes a prompt known by another name. */
function warnOnSharedGroups(
  sim: SyncSimulator,
  chosen: Map<string, string>,
  out: DiscoverResult,
  rel: (p: string) => string
): void {
  for (const basename of new Set(chosen.values())) {
    sim.resolve(basename).langs.forEach((file, lang) => {
      const own = chosen.get(absolute(file))
      if (own !== basename) {
        const as = own === undefined ? 'which is not planned as a unit' : `planned as ${own}_${lang}`
        out.warnings.push(`\`pdd sync ${basename}\` also syncs ${rel(file)} (${lang}), ${as}`)
      }
    })
  }
}

function finish(project: Project, out: DiscoverResult): DiscoverResult {
  sortByPy(out.units, u => u.id)
  sortByPy(out.skipped, s => s.path)
  for (const p of out.problems) p.message = p.message.split(project.cwd + path.sep).join('')
  out.problems.sort((a, b) => comparePy(a.file, b.file) || comparePy(a.message, b.message))
  out.warnings = [
    ...new Set([...project.warnings, ...out.warnings].map(w => w.split(project.cwd + path.sep).join('')))
  ]
  return out
}

/**
 * What `pdd sync <basename>` would find for each basename (language → repository-relative prompt path), using the
 * same simulation as {@link discoverUnits}; ambiguous languages are left out. Useful to explain a skipped prompt.
 */
export async function simulatePddSync(
  opts: DiscoverOptions,
  basenames: string[]
): Promise<Record<string, Record<string, string>>> {
  const root = await fsp.realpath(path.resolve(opts.repoRoot))
  return withYaml(root, opts, project => simulateIn(project, root, basenames))
}

async function simulateIn(
  project: Project,
  root: string,
  basenames: string[]
): Promise<Record<string, Record<string, string>>> {
  const pddrcFile = project.findPddrc(root)
  const index = new PromptIndex(project.view)
  for (const r of promptRoots(
    project,
    pddrcFile === null ? null : project.loadPddrc(pddrcFile).config,
    pddrcFile
  ))
    await index.addRoot(r)
  const sim = new SyncSimulator(project, index)
  const out: Record<string, Record<string, string>> = {}
  for (const b of basenames) {
    out[b] = Object.fromEntries(
      [...sim.resolve(b).langs].map(([lang, p]) => [lang, path.relative(root, p).split(path.sep).join('/')])
    )
  }
  return out
}

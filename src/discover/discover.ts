/**
 * Step 2 of a run (docs/architecture.md; the port is mapped in PORT.md): every prompt file becomes a
 * {@link Unit} — what `pdd sync <basename>` processes for one language — with its paths resolved exactly as PDD
 * resolves them, without running Python.
 */
import * as fsp from 'node:fs/promises'
import * as path from 'node:path'
import { syncDefaults, validateContextOverride } from './pddrc/config.js'
import type { InputProblem, SkippedPrompt, Unit } from '../types.js'
import { FsView } from '../pycompat/fsview.js'
import { declaredIncludeTargets, resolveIncludes } from './includes.js'
import { absolute, parentOf } from '../pycompat/lexical.js'
import {
  PathRefusal,
  resolveUnitPaths,
  unitMetaDirs,
  type ResolvedUnitPaths
} from './file-paths/file-paths.js'
import { collectPromptFiles, includeProbe, readPrompt, type Found } from './sync-main/prompt-files.js'
import { PromptIndex } from './prompt-index.js'
import { Project } from './project.js'
import { comparePy, sortByPy } from '../pycompat/pyfn.js'
import { candidateBasenames, promptRoots } from './sync-main/prompt-roots.js'
import { pickBasename, SyncSimulator, type SyncDiscovery } from './sync-main/discovery.js'

/** Options of {@link discoverUnits}. */
export interface DiscoverOptions {
  /** The project directory; `pdd` runs with it as CWD. */
  repoRoot: string
  /** Environment `pdd` will see (defaults to `process.env`); `PDD_*_OUTPUT_PATH`, `PDD_PROMPTS_DIR` matter. */
  env?: Record<string, string | undefined>
  /** `--context` passed to every `pdd` invocation. */
  context?: string
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
  const project = new Project(new FsView(root), root, opts.env ?? process.env, opts.context ?? null)
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
  const roots = promptRoots(
    project,
    pddrcFile === null ? null : project.loadPddrc(pddrcFile).config,
    pddrcFile
  )
  for (const r of roots) await index.addRoot(r)
  const files = collectPromptFiles(project, index, out.skipped, rel)
  const sim = new SyncSimulator(project, index)
  const chosen = new Map<string, string>()
  const run: Run = { project, index, rel, out, declared: new Map(), missing: new Map() }
  for (const f of files) {
    const text = readPrompt(f.abs)
    if (typeof text !== 'string') {
      out.problems.push({ file: f.rel, message: `cannot read prompt: ${text.message}` })
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
  if (opts.context === undefined) return null
  const root = await fsp.realpath(path.resolve(opts.repoRoot))
  const project = new Project(new FsView(root), root, opts.env ?? process.env, opts.context)
  const out: DiscoverResult = { units: [], skipped: [], problems: [], warnings: [] }
  const rel = (p: string): string => path.relative(root, p).split(path.sep).join('/')
  checkConfiguration(project, { pddrcFile: project.findPddrc(root), context: opts.context, rel, out })
  return out.fatal ?? null
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

interface Run {
  project: Project
  index: PromptIndex
  rel: (p: string) => string
  out: DiscoverResult
  /** Each unit's {@link declaredIncludeTargets}, when it has any (see {@link linkPendingIncludes}). */
  declared: Map<Unit, string[]>
  /** Prompt (repository-relative) → includes it names that do not exist. */
  missing: Map<string, string[]>
}

function buildUnit(
  run: Run,
  f: Found,
  picked: { basename: string; discovery: SyncDiscovery },
  text: string
): Unit | null {
  const { project, rel } = run
  const id = `${picked.basename}_${f.lang}`
  const paths = resolveOrReport(run, f, picked, id)
  if (paths === null) return null
  const all =
    paths.test === null
      ? [paths.prompt, paths.code, paths.example]
      : [paths.prompt, paths.code, paths.example, paths.test]
  const shown = all.map(rel)
  let outsideAt = 0
  while (outsideAt < shown.length && !(shown[outsideAt] as string).startsWith('../')) outsideAt++
  if (outsideAt < shown.length) {
    const outside = all[outsideAt] as string
    run.out.problems.push({
      file: f.rel,
      message: `${id}: path '${outside}' lies outside the repository`,
      units: [id]
    })
    return null
  }
  const trusted = rel(paths.trustedRoot)
  const inc = resolveIncludes({
    text,
    promptPath: shown[0] as string,
    root: trusted,
    exists: includeProbe(project, trusted)
  })
  if (inc.problems.length > 0) {
    const message = `${id}: PDD's prompt hash fails on includes: ${inc.problems.join('; ')}`
    run.out.problems.push({ file: f.rel, message, units: [id] })
    return null
  }
  if (inc.missing.length > 0) run.missing.set(f.rel, inc.missing)
  const unit = toUnit(run, {
    id,
    basename: picked.basename,
    language: f.lang,
    paths,
    all,
    shown,
    includes: inc.includes
  })
  if (paths.needsReview !== undefined) run.out.warnings.push(`${id}: ${paths.needsReview}`)
  const declared = declaredIncludeTargets({ text, promptPath: shown[0] as string, root: trusted })
  if (declared.length > 0) run.declared.set(unit, declared)
  return unit
}

/**
 * Sets `pendingIncludes`: the declared include targets that are files of a unit of another basename but not in
 * `includes` (not generated yet, or shadowed by another candidate), so that dependency edges see them too.
 */
function linkPendingIncludes(units: readonly Unit[], declared: ReadonlyMap<Unit, string[]>): void {
  if (declared.size === 0) return
  const owners = new Map<string, string[]>()
  for (const u of units) {
    for (const f of [u.paths.code, u.paths.example, u.paths.test, u.paths.prompt, ...u.testFiles]) {
      const l = owners.get(f)
      if (l === undefined) owners.set(f, [u.basename])
      else if (!l.includes(u.basename)) l.push(u.basename)
    }
  }
  declared.forEach((targets, u) => {
    const pending = targets.filter(
      t => owners.get(t)?.some(b => b !== u.basename) === true && !u.includes.includes(t)
    )
    if (pending.length > 0) u.pendingIncludes = pending
  })
}

function toUnit(
  run: Run,
  u: {
    id: string
    basename: string
    language: string
    paths: ResolvedUnitPaths
    all: string[]
    /** `all`, repository-relative. */
    shown: string[]
    includes: string[]
  }
): Unit {
  const { project, rel } = run
  const p = u.paths
  const meta = unitMetaDirs(project, u.all)
  const unit: Unit = {
    id: u.id,
    basename: u.basename,
    language: u.language,
    context: p.context,
    paths: {
      prompt: u.shown[0] as string,
      code: u.shown[1] as string,
      example: u.shown[2] as string,
      test: u.shown[3] ?? ''
    },
    projectRoot: rel(parentOf(parentOf(meta.prompt))),
    metaDir: rel(meta.unit),
    testFiles: p.testFiles.map(rel),
    includes: u.includes,
    defaults: syncDefaults(p.contextDefaults)
  }
  if (p.needsReview !== undefined) unit.testOutputNeedsReview = p.needsReview
  return unit
}

/** `get_pdd_file_paths` for the unit, or null after recording PDD's refusal as a problem. */
function resolveOrReport(
  run: Run,
  f: Found,
  picked: { basename: string; discovery: SyncDiscovery },
  id: string
): ResolvedUnitPaths | null {
  try {
    return resolveUnitPaths(run.project, run.index, {
      basename: picked.basename,
      language: f.lang,
      promptFile: f.abs,
      contextOverride: picked.discovery.contextOverride
    })
  } catch (e) {
    if (!(e instanceof PathRefusal)) throw e
    run.out.problems.push({
      file: e.file === undefined ? f.rel : run.rel(e.file),
      message: `${id}: ${e.message}`,
      units: [id]
    })
    return null
  }
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
  const project = new Project(new FsView(root), root, opts.env ?? process.env, opts.context ?? null)
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

import { syncDefaults } from './pddrc/config.js'
import type { InputProblem, Unit } from '../types.js'
import { declaredIncludeTargets, resolveIncludes } from './includes.js'
import { parentOf } from '../pycompat/lexical.js'
import {
  PathRefusal,
  resolveUnitPaths,
  unitMetaDirs,
  type ResolvedUnitPaths
} from './file-paths/file-paths.js'
import { includeProbe, type Found } from './sync-main/prompt-files.js'
import type { PromptIndex } from './prompt-index.js'
import type { Project } from './project.js'
import type { SyncDiscovery } from './sync-main/discovery.js'

/**
 * One prompt file → one {@link Unit}: its paths as `get_pdd_file_paths` resolves them (file-paths/), checked to
 * stay in the repository, and its includes as PDD's prompt hash finds them (includes.ts).
 */

/** What building the units of one discovery run shares. */
export interface Run {
  project: Project
  index: PromptIndex
  rel: (p: string) => string
  /** Where problems and warnings are reported (the {@link DiscoverResult} of discover.ts). */
  out: { problems: InputProblem[]; warnings: string[] }
  /** Each unit's {@link declaredIncludeTargets}, when it has any (see {@link linkPendingIncludes}). */
  declared: Map<Unit, string[]>
  /** Prompt (repository-relative) → includes it names that do not exist. */
  missing: Map<string, string[]>
}

/**
 * The unit of one prompt file and the basename `pdd sync` reaches it by, or null after recording why it cannot be
 * one (PDD refuses its paths, a path leaves the repository, its includes break PDD's prompt hash).
 */
export function buildUnit(
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

/**
 * Sets `pendingIncludes`: the declared include targets that are files of a unit of another basename but not in
 * `includes` (not generated yet, or shadowed by another candidate), so that dependency edges see them too.
 */
export function linkPendingIncludes(units: readonly Unit[], declared: ReadonlyMap<Unit, string[]>): void {
  if (declared.size === 0) return
  // Owners only of the files some unit declares (a few shared ones): not a map entry per file of every unit.
  const wanted = new Set<string>()
  declared.forEach(targets => {
    for (const t of targets) wanted.add(t)
  })
  const owners = new Map<string, string[]>()
  const own = (f: string, basename: string): void => {
    if (!wanted.has(f)) return
    const l = owners.get(f)
    if (l === undefined) owners.set(f, [basename])
    else if (!l.includes(basename)) l.push(basename)
  }
  for (const u of units) {
    own(u.paths.code, u.basename)
    own(u.paths.example, u.basename)
    own(u.paths.test, u.basename)
    own(u.paths.prompt, u.basename)
    for (const f of u.testFiles) own(f, u.basename)
  }
  declared.forEach((targets, u) => {
    const pending = targets.filter(
      t => owners.get(t)?.some(b => b !== u.basename) === true && !u.includes.includes(t)
    )
    if (pending.length > 0) u.pendingIncludes = pending
  })
}

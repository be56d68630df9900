import type { Git } from '../adapters/git.js'
import type { Unit } from '../types.js'
import { compileGlob, matchesAny } from './glob.js'

/** What started the run and what it names. */
export interface ScopeRequest {
  /** `push`, `workflow_dispatch`, `schedule`, or anything else (treated like `schedule`: all units). */
  trigger: string
  /** `push`: the commit before the push (`github.event.before`). */
  before?: string
  /** `push`: the commit after the push; HEAD by default. */
  after?: string
  /**
   * Unit globs (matched against id, basename and prompt path); empty = all. On every trigger: they narrow what
   * the trigger selects (on `push`, the changed units that match; elsewhere, the units that match).
   */
  units?: readonly string[]
}

/** The selected part of the repository. */
export interface Scope {
  mode: 'all' | 'changed' | 'globs'
  /** Why the scope is wider than asked, for the log and summary. */
  notice?: string
  /** Changed paths (mode `changed`). */
  changed?: ReadonlySet<string>
  /** Input `units`: mode `globs` selects by them; mode `changed` keeps the changed units they match. */
  globs?: readonly RegExp[]
  /** The patterns as given, parallel to `globs`. */
  patterns?: readonly string[]
  /** Problems with the request itself (an unusable glob). */
  warnings?: string[]
}

const ZERO = /^0+$/
/** Files whose change can move every unit's paths or settings. */
const GLOBAL_FILES = /(^|\/)(\.pddrc|architecture\.json)$/

/** Resolves the scope of a run; git is asked only for `push` (null: no repository). */
export async function resolveScope(git: Git | null, req: ScopeRequest): Promise<Scope> {
  const filter = req.units && req.units.length > 0 ? globScope(req.units) : undefined
  if (filter && req.trigger !== 'push') return filter
  const scope = await resolveTriggerScope(git, req)
  if (!filter) return scope
  // A push that plans everything (new branch, unknown commit, .pddrc change) still keeps only what `units` names.
  if (scope.mode === 'all') return { ...filter, ...(scope.notice ? { notice: scope.notice } : {}) }
  return { ...scope, globs: filter.globs, patterns: filter.patterns, warnings: filter.warnings }
}

function globScope(units: readonly string[]): Scope {
  const globs: RegExp[] = []
  const patterns: string[] = []
  const warnings: string[] = []
  for (const u of units) {
    const g = compileGlob(u)
    if (g instanceof RegExp) {
      globs.push(g)
      patterns.push(u)
    } else warnings.push(`"units": ${g.error}; ignored.`)
  }
  return { mode: 'globs', globs, patterns, warnings }
}

/** The globs of input `units` that select none of `units` (all the units found, changed or not). */
export function unmatchedPatterns(scope: Scope, units: readonly Unit[]): string[] {
  const names = units.flatMap(u => [u.id, u.basename, u.paths.prompt])
  return (scope.patterns ?? []).filter((_p, i) => !names.some(n => scope.globs?.[i]?.test(n)))
}

async function resolveTriggerScope(git: Git | null, req: ScopeRequest): Promise<Scope> {
  if (req.trigger !== 'push') return { mode: 'all' }
  // A push that deleted the branch (GitHub sends `after` = 000…, `deleted: true`): no commit to sync.
  if (ZERO.test(req.after?.trim() ?? '')) {
    return { mode: 'changed', changed: new Set(), notice: 'The push deleted the branch: nothing to plan.' }
  }
  if (git === null) return { mode: 'all', notice: 'Not a git repository: planning all units.' }
  const before = req.before?.trim() ?? ''
  if (before === '' || ZERO.test(before)) {
    return { mode: 'all', notice: 'The push created the branch (no "before" commit): planning all units.' }
  }
  const after = (await git.commitOf(req.after?.trim() || 'HEAD')) ?? null
  if (!after)
    return {
      mode: 'all',
      notice: `The pushed commit ${req.after ?? 'HEAD'} is unknown here: planning all units.`
    }
  if (!(await git.commitOf(before)) && (await git.isShallow()) && (await git.hasRemote('origin'))) {
    await git.fetchCommit('origin', before)
  }
  if (!(await git.commitOf(before))) {
    return {
      mode: 'all',
      notice: `The commit before the push (${before.slice(0, 12)}) is unknown (force push or missing history): planning all units.`
    }
  }
  const changed = new Set(await git.changedFiles(before, after))
  const global = [...changed].find(p => GLOBAL_FILES.test(p))
  if (global) return { mode: 'all', notice: `${global} changed: planning all units.` }
  return { mode: 'changed', changed }
}

/** Repository-relative files whose change affects a unit (its own files, included files, its state). */
export function unitFiles(unit: Unit, metaStem: string): string[] {
  const p = unit.paths
  return [
    p.prompt,
    p.code,
    p.example,
    p.test,
    ...unit.testFiles,
    ...unit.includes,
    `${unit.metaDir}/${metaStem}.json`,
    `${unit.metaDir}/${metaStem}_run.json`
  ]
}

/** Whether the scope selects a unit. */
export function inScope(scope: Scope, unit: Unit, metaStem: string): boolean {
  if (scope.mode === 'all') return true
  const named =
    scope.globs === undefined || matchesAny(scope.globs, [unit.id, unit.basename, unit.paths.prompt])
  if (scope.mode === 'globs' || !named) return named
  const changed = scope.changed ?? new Set<string>()
  return unitFiles(unit, metaStem).some(f => changed.has(f))
}

import { realpath } from 'node:fs/promises'
import path from 'node:path'
import { Git } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import { SIZE_LIMITS } from '../discover/bounded.js'
import { contextProblem, discoverUnits, type DiscoverResult } from '../discover/discover.js'
import { FileCache } from '../state/files.js'
import { History } from '../state/history.js'
import { loadStates, metaStem, type UnitState } from '../state/load.js'
import { refuseEscapingState, refuseOverlongNames } from './state-paths.js'
import { ContainmentCheck } from '../state/contained.js'
import { NotesStore, type ReadResult, type RunStateStore } from '../state/notes-store.js'
import type { RunRecord, SpendReservation } from '../state/record.js'
import type { Plan, PlannedUnit, Unit } from '../types.js'
import { decide, isIsolatedReplayOrRepair, isTruthyEnv, type DecideInput } from './decide.js'
import { costIndexOf } from './cost-index.js'
import { estimateUnitDetail, expectedOperations, roundCost } from './estimate.js'
import { dependencyEdges, findCycles, topoOrder } from './graph.js'
import { inScope, resolveScope, unmatchedPatterns, type Scope, type ScopeRequest } from './scope.js'

/** Everything planning needs; the CLI and the action build it from their own inputs. */
export interface PlanOptions {
  /** The PDD project directory (where `pdd` runs). */
  repoRoot: string
  env: Record<string, string | undefined>
  /** Force a `.pddrc` context (PDD's `--context`). */
  context?: string
  /** Decide as `pdd --force sync` does (docs/architecture.md step 4); false decides as a plain `pdd sync`. */
  force: boolean
  skipTests: boolean
  skipVerify: boolean
  /** Overrides the `.pddrc` context's `target_coverage` (PDD: CLI > `.pddrc` > 90). */
  targetCoverage?: number
  scope: ScopeRequest
  /** Notes ref holding run records; null disables notes. */
  notesRef: string | null
  /** Remote to fetch notes from; null reads local notes only. */
  remote: string | null
  /** More record stores (e.g. a PR comment fallback). */
  extraStores?: RunStateStore[]
  /**
   * Discover only the prompts at these project-relative paths (the post-condition of one group): see
   * `DiscoverOptions.onlyPrompts`. Their dependency edges then cover only each other.
   */
  onlyPrompts?: readonly string[]
  /**
   * The token (and server) the notes and push-scope fetches authenticate with, per command, so that a checkout
   * without persisted credentials (`persist-credentials: false`) can still read a private origin.
   */
  fetchAuth?: { token: string; serverUrl: string }
}

/**
 * Steps 2–4 of a run (docs/architecture.md): discover units, load their state, decide each unit's next
 * operation, order by dependencies, estimate costs. Starts no `pdd` and calls no LLM.
 */
export async function buildPlan(opts: PlanOptions, reporter: Reporter): Promise<Plan> {
  return (await planRepository(opts, reporter)).plan
}

/** A plan with what it was made from: each unit in scope and its loaded state (the executor restores it). */
export interface PlanWithState {
  plan: Plan
  units: Map<string, { unit: Unit; state: UnitState }>
  history: History
  /** The run records and spend reservations read (every store), for the caps across runs. */
  spend: RecordsRead
}

/** Every run record and spend reservation the stores held. */
export interface RecordsRead {
  records: RunRecord[]
  reservations: SpendReservation[]
}

/** {@link buildPlan}, also returning the units and states behind the plan. */
export async function planRepository(opts: PlanOptions, reporter: Reporter): Promise<PlanWithState> {
  const badContext = await contextProblem({ repoRoot: opts.repoRoot, env: opts.env, context: opts.context })
  if (badContext !== null) throw new Error(badContext)
  // git reads the notes (one cat-file process writing to a file) while discovery walks the work tree. Without
  // notes and push scope (the executor's post-condition) git is not needed: two processes fewer per group.
  const needsGit = opts.notesRef !== null || opts.scope.trigger === 'push'
  const git = needsGit ? await openGit(opts.repoRoot, reporter, opts.fetchAuth) : null
  const historyRead = await beginHistory(git, opts, reporter)
  const scopePromise = resolveScope(git, opts.scope)
  void Promise.allSettled([historyRead.done, scopePromise]) // awaited below: a failure is no unhandled rejection
  const t = phaseTimer(opts.env.PDD_SYNC_TIMING === '1' ? reporter : null)
  // One file cache for discovery and the state loader: each prompt is read once.
  const files = new FileCache(opts.repoRoot, SIZE_LIMITS.include)
  const discovered = await discoverUnits({
    repoRoot: opts.repoRoot,
    env: opts.env,
    context: opts.context,
    files,
    ...(opts.onlyPrompts ? { onlyPrompts: new Set(opts.onlyPrompts) } : {})
  })
  t('discover')
  if (discovered.fatal !== undefined) throw new Error(discovered.fatal)
  const containment = new ContainmentCheck(opts.repoRoot)
  refuseEscapingState(opts.repoRoot, discovered, containment)
  refuseOverlongNames(discovered)
  reportDiscovery(discovered, reporter)
  const [{ history, spend }, scope] = await Promise.all([historyRead.done, scopePromise])
  t('history and scope (git)')
  reportScope(scope, discovered, reporter)
  const changed = scope.changed
    ? relativeToProject(scope.changed, git?.root ?? opts.repoRoot, await realpath(opts.repoRoot))
    : undefined
  const effectiveScope: Scope = changed ? { ...scope, changed } : scope
  // Only units in scope are hashed: the executor's post-condition re-plans one group in a large repository.
  const selected = discovered.units.filter(u => inScope(effectiveScope, u, metaStem(u)))
  // The meta folders' names as the containment check listed them (each folder listed once per plan).
  const names = (dir: string): ReadonlyMap<string, boolean> | null => containment.names(dir)
  const states = loadStates(opts.repoRoot, selected, history, m => reporter.warning(m), files, names)
  t('state')

  const byId = new Map(selected.map((u, i) => [u.id, { unit: u, state: states[i] as UnitState }]))
  const { planned, cycles } = decideInOrder(discovered.units, byId, history, opts, reporter)
  t('decide, order, estimate')
  const plan: Plan = {
    version: 1,
    units: planned,
    estimatedCost: roundCost(planned.reduce((a, u) => a + u.estimatedCost, 0)),
    skipped: discovered.skipped,
    problems: discovered.problems,
    cycles,
    scope: {
      trigger: opts.scope.trigger,
      mode: effectiveScope.mode,
      ...(scope.notice ? { notice: scope.notice } : {})
    },
    calibrating: !costIndexOf(history).hasCosts
  }
  return { plan, units: byId, history, spend }
}

/** The scope's notice and warnings, and each `units` pattern that matches no unit. */
function reportScope(scope: Scope, discovered: DiscoverResult, reporter: Reporter): void {
  if (scope.notice) reporter.notice(scope.notice)
  for (const w of scope.warnings ?? []) reporter.warning(w)
  for (const g of unmatchedPatterns(scope, discovered.units))
    reporter.warning(
      `"units": "${g}" matches no unit (globs are matched against unit ids, basenames and prompt paths).`
    )
}

/** Warnings and errors of discovery: a prompt `pdd sync` cannot reach is never admitted or booked (PDD's words). */
function reportDiscovery(discovered: DiscoverResult, reporter: Reporter): void {
  for (const w of discovered.warnings) reporter.warning(w)
  for (const k of discovered.skipped.slice(0, 10)) reporter.warning(`Skipped ${k.path}: ${k.reason}`)
  if (discovered.skipped.length > 10)
    reporter.warning(`${discovered.skipped.length - 10} more prompt(s) skipped; see the plan.`)
  for (const p of discovered.problems) reporter.error(p.message, { file: p.file })
}

/** The selected units decided, after the units their prompts include (a cycle is ordered by id and reported). */
function decideInOrder(
  all: Unit[],
  selected: ReadonlyMap<string, { unit: Unit; state: UnitState }>,
  history: History,
  opts: PlanOptions,
  reporter: Reporter
): { planned: PlannedUnit[]; cycles: string[][] } {
  const edges = dependencyEdges(all)
  const ids = all.map(u => u.id)
  const cycles = findCycles(ids, edges)
  for (const c of cycles)
    reporter.warning(`Dependency cycle between ${c.join(', ')}: ordered by id, not looped on.`)
  const planned: PlannedUnit[] = []
  for (const id of topoOrder(ids, edges, cycles)) {
    const e = selected.get(id)
    if (e) planned.push(planUnit(e.unit, e.state, edges.get(id) ?? [], history, opts))
  }
  return { planned, cycles }
}

/** With a reporter, logs the wall and CPU milliseconds since the previous call (PDD_SYNC_TIMING=1). */
function phaseTimer(reporter: Reporter | null): (phase: string) => void {
  let last = performance.now()
  let lastCpu = process.cpuUsage()
  return phase => {
    if (!reporter) return
    const now = performance.now()
    const cpu = process.cpuUsage(lastCpu)
    reporter.info(
      `timing: ${phase} ${(now - last).toFixed(0)} ms (CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms)`
    )
    last = now
    lastCpu = process.cpuUsage()
  }
}

function planUnit(
  unit: Unit,
  state: UnitState,
  dependsOn: string[],
  history: History,
  opts: PlanOptions
): PlannedUnit {
  const decision = decide(decideInput(unit, state, opts))
  const ops = expectedOperations(
    decision.operation,
    { skipTests: opts.skipTests, skipVerify: opts.skipVerify },
    state.exists.example
  )
  const estimate = estimateUnitDetail(
    ops,
    { id: unit.id, language: unit.language, promptBytes: state.promptBytes },
    history
  )
  return {
    id: unit.id,
    basename: unit.basename,
    language: unit.language,
    context: unit.context,
    paths: unit.paths,
    operation: decision.operation,
    reason: decision.reason,
    estimatedCost: estimate.cost,
    dependsOn,
    stateSource: state.source,
    selected: true,
    estimatedOperations: ops,
    estimateBasis: estimate.basis,
    promptBytes: state.promptBytes
  }
}

/** The decision input of a unit, with the flags `pdd` will get (docs/architecture.md step 4). */
export function decideInput(unit: Unit, state: UnitState, opts: PlanOptions): DecideInput {
  return {
    language: unit.language,
    fingerprint: state.fingerprint,
    runReport: state.runReport,
    hashes: state.hashes,
    exists: state.exists,
    promptText: state.promptText,
    hasSuccessfulRunHistory: state.hasSuccessfulRunHistory,
    skipTests: opts.skipTests,
    skipVerify: opts.skipVerify,
    targetCoverage: opts.targetCoverage ?? unit.defaults?.targetCoverage ?? 90,
    isolatedReplayOrRepair: isIsolatedReplayOrRepair(opts.force, opts.env.PDD_REPAIR_DIRECTIVE),
    disableTestExtend: isTruthyEnv(opts.env.PDD_DISABLE_TEST_EXTEND),
    testOutputNeedsReview: Boolean(unit.testOutputNeedsReview)
  }
}

async function openGit(
  dir: string,
  reporter: Reporter,
  auth?: PlanOptions['fetchAuth']
): Promise<Git | null> {
  try {
    return (await Git.open(dir)).withAuthIfPossible(auth?.token, auth?.serverUrl ?? '')
  } catch (e) {
    reporter.warning(`${(e as Error).message} — planning without history or change scope.`)
    return null
  }
}

/** Starts reading run records from every store; `done` reports warnings and gives the indexed history. */
async function beginHistory(
  git: Git | null,
  opts: PlanOptions,
  reporter: Reporter
): Promise<{ done: Promise<{ history: History; spend: RecordsRead }> }> {
  const pending: Promise<ReadResult>[] = []
  if (git && opts.notesRef) {
    const notes = new NotesStore(git, { ref: opts.notesRef, remote: opts.remote })
    pending.push((await notes.begin()).done)
  }
  for (const s of opts.extraStores ?? []) pending.push(s.readRecords())
  const done = Promise.all(pending).then(results => {
    for (const w of results.flatMap(r => r.warnings)) reporter.warning(w)
    const records = results.flatMap(r => r.records)
    const reservations = results.flatMap(r => r.reservations ?? [])
    return { history: new History(records), spend: { records, reservations } }
  })
  return { done }
}

/** Maps paths relative to the git top level onto paths relative to the project directory. */
function relativeToProject(paths: ReadonlySet<string>, gitRoot: string, projectRoot: string): Set<string> {
  const prefix = path.relative(gitRoot, path.resolve(projectRoot)).split(path.sep).join('/')
  if (prefix === '') return new Set(paths)
  const out = new Set<string>()
  for (const p of paths) if (p.startsWith(prefix + '/')) out.add(p.slice(prefix.length + 1))
  return out
}

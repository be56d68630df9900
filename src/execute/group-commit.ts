/**
 * What a group commits in its worktree: the synced (and, with keep-partial, the failed) units' own files, with a
 * message naming the run and its cost. A file holding a secret is never committed.
 */
import path from 'node:path'
import { SecretInFileError, type Git, type Identity } from '../adapters/git.js'
import { metaStem } from '../state/load.js'
import type { Unit } from '../types.js'
import type { Judged } from './group-verdict.js'

/** What committing a group needs. */
export interface GroupCommit {
  wt: Git
  projectPrefix: string
  basename: string
  runId: string
  identity: Identity
  keepPartial?: boolean
  /** The `.pdd/meta` folders the repository tracks (only those are committed). */
  tracked: Set<string>
  cost: number | null
}

/** The commit of a group's verdict. */
export interface Committed {
  commit: string | null
  /** keep-partial: the failed members whose files were committed too. */
  kept: Judged[]
  synced: Judged[]
  /** Why the commit was refused (a file holding a secret), if it was. */
  refused?: string
}

/** Commits the synced units' files (and with keep-partial what failed units left, the message says so). */
export async function commitJudged(c: GroupCommit, judged: Judged[]): Promise<Committed> {
  const synced = judged.filter(j => j.status === 'synced')
  const kept = c.keepPartial ? judged.filter(j => j.status === 'failed') : []
  const paths = [...synced, ...kept].flatMap(j => unitPaths(c.projectPrefix, j.unit, c.tracked))
  if (paths.length === 0) return { commit: null, kept, synced }
  const message = commitMessage(c.basename, synced, kept, c.runId, c.cost)
  try {
    return { commit: await c.wt.commitPaths(paths, message, c.identity), kept, synced }
  } catch (e) {
    if (!(e instanceof SecretInFileError)) throw e
    return { commit: null, kept, synced, refused: e.message }
  }
}

/** A unit's own files: prompt, code, example, tests; `.pdd/meta` only where the repository tracks it. */
function unitPaths(prefix: string, unit: Unit, trackedMeta: Set<string>): string[] {
  const p = unit.paths
  const own = [p.prompt, p.code, p.example, p.test, ...unit.testFiles].filter(x => x !== '')
  const meta = [`${unit.metaDir}/${metaStem(unit)}.json`, `${unit.metaDir}/${metaStem(unit)}_run.json`]
  const metaDir = path.posix.join(prefix, unit.metaDir)
  return [...own, ...(trackedMeta.has(metaDir) ? meta : [])].map(f => path.posix.join(prefix, f))
}

function commitMessage(
  basename: string,
  synced: Judged[],
  kept: Judged[],
  runId: string,
  cost: number | null
): string {
  const all = [...synced, ...kept]
  const langs = all.map(j => j.unit.language).join(', ')
  const ops = [...new Set(all.flatMap(j => j.result.operations))].join(', ') || 'sync'
  const costLine = cost === null ? 'unknown' : `$${cost.toFixed(4)}`
  const partial = kept
    .map(j => `PARTIAL (failed, kept by keep-partial): ${j.unit.id}: ${j.result.reason}\n`)
    .join('')
  const subject = `pdd-sync: ${basename} (${langs}): ${ops}${synced.length === 0 ? ' [partial]' : ''}`
  return `${subject}\n\n${partial}${partial ? '\n' : ''}PDD-Sync-Run: ${runId}\nPDD-Sync-Cost: ${costLine}\n`
}

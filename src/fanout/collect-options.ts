import type { Git, Identity } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import type { ShardSpec } from '../plan/matrix.js'

/** Options of `collectShards` (collect.ts), shared with the pruning and the reservations. */
export interface CollectOptions {
  git: Git
  /** Where the shards pushed their refs; null: they are local (the CLI without `--push`). */
  remote: string | null
  runKey: string
  baseSha: string
  specs: readonly ShardSpec[]
  /** basename and language of the units the finalize job planned. */
  known: ReadonlyMap<string, { basename: string; language: string }>
  identity: Identity
  reporter: Reporter
  /** The run records' notes ref: the shards' spend reservations there are released once the run is recorded. */
  notesRef?: string
  now?: () => Date
}

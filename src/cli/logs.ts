/**
 * The CLI's copy of the action's log artifact (docs/architecture.md "Logs"): the same redacted files — each
 * group's full pdd output and a failed group's PDD files — kept in a folder instead of uploaded.
 */
import { rm } from 'node:fs/promises'
import path from 'node:path'
import { DirectoryUploader } from '../adapters/artifact.js'
import type { Git } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import { uploadLogs } from '../publish/log-artifact.js'
import { KEEP_RUNS, pruneRunLogs } from './prune-logs.js'
import type { Redactor } from '../trust/redact.js'

/** Where one run's logs go. */
export interface CliLogs {
  /** The folder that holds `pdd-sync-logs-<run>/`: `--logs DIR`, else `<git dir>/pdd-sync/logs`. */
  root: string
  /** Where the groups write while they run (inside the git dir, removed afterwards). */
  scratch: string
  /** `pdd-sync-logs-<run>`, the action's artifact name. */
  name: string
}

/** The folders of {@link CliLogs}: nothing is written outside the repository unless `--logs` names a place. */
export async function cliLogs(git: Git, option: string | undefined, runId: string): Promise<CliLogs> {
  const own = path.join(await git.commonDir(), 'pdd-sync')
  return {
    root: option === undefined ? path.join(own, 'logs') : path.resolve(option),
    scratch: path.join(own, `logs-raw-${runId}`),
    name: `pdd-sync-logs-${runId}`
  }
}

/**
 * Keeps the logs the groups wrote, redacted, as `<root>/<name>/` and says where (null when none was written);
 * then removes the run folders of `<root>` beyond the newest {@link KEEP_RUNS}.
 */
export async function keepLogs(l: CliLogs, redactor: Redactor, reporter: Reporter): Promise<string | null> {
  const where = await keepRunLogs(l, redactor, reporter)
  const pruned = await pruneRunLogs(l.root, l.name)
  if (pruned.removed.length > 0)
    reporter.info(
      `Logs: removed ${pruned.removed.length} older run folder(s) from ${l.root} (the newest ${KEEP_RUNS} stay).`
    )
  if (pruned.error !== undefined) reporter.warning(`Logs: could not remove old run folders: ${pruned.error}`)
  return where
}

async function keepRunLogs(l: CliLogs, redactor: Redactor, reporter: Reporter): Promise<string | null> {
  const logs = await uploadLogs({
    dir: l.scratch,
    uploader: new DirectoryUploader(l.root),
    name: l.name,
    redactor
  })
  if (logs === null) return null
  if (!logs.uploaded) {
    reporter.warning(logs.message)
    return null
  }
  await rm(`${l.scratch}-redacted`, { recursive: true, force: true })
  const where = path.join(l.root, l.name)
  reporter.info(logs.message)
  return where
}

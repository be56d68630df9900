/**
 * The CLI keeps one log folder a run (docs/architecture.md "Logs"); this keeps their number bounded: after a run,
 * only the newest {@link KEEP_RUNS} run folders stay. It deletes nothing but folders named as a run's
 * (`pdd-sync-logs-<uuid>`) directly inside the logs folder: never a symbolic link, a file, or anything else that
 * lives there (`--logs` may name a folder the user keeps other things in).
 */
import { lstat, readdir, rm } from 'node:fs/promises'
import path from 'node:path'

/** How many run folders stay after a run (the newest, by modification time; the current run's always stays). */
export const KEEP_RUNS = 20

const RUN_FOLDER = /^pdd-sync-logs-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The run folders removed (names, oldest first), and why pruning stopped early if it did. */
export interface Pruned {
  removed: string[]
  error?: string
}

/**
 * Removes the run folders of `root` beyond the `keep` newest, counting `current` (this run's folder name, never
 * removed) as the newest. A folder that cannot be examined is left; pruning never fails a run.
 */
export async function pruneRunLogs(root: string, current: string, keep = KEEP_RUNS): Promise<Pruned> {
  let names: string[]
  try {
    names = await readdir(root)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return code === 'ENOENT' ? { removed: [] } : { removed: [], error: (e as Error).message }
  }
  const runs: { name: string; mtime: number }[] = []
  for (const name of names.filter(n => RUN_FOLDER.test(n) && n !== current)) {
    const st = await lstat(path.join(root, name)).catch(() => null)
    if (st?.isDirectory()) runs.push({ name, mtime: st.mtimeMs })
  }
  // Newest first; the name breaks ties so the order never depends on readdir's.
  runs.sort((a, b) => b.mtime - a.mtime || a.name.localeCompare(b.name))
  const old = runs.slice(Math.max(0, keep - 1)).reverse()
  const removed: string[] = []
  for (const { name } of old) {
    try {
      await rm(path.join(root, name), { recursive: true })
      removed.push(name)
    } catch (e) {
      return { removed, error: `${name}: ${(e as Error).message}` }
    }
  }
  return { removed }
}

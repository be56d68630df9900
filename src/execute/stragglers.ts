import { readdirSync, readFileSync } from 'node:fs'

/** Environment variable that marks every process one group's `pdd sync` starts, however deep. */
export const GROUP_TOKEN_ENV = 'PDD_SYNC_GROUP_TOKEN'

/**
 * Kills what a sync left running. PDD starts pytest and the example programs with `start_new_session=True`
 * (`pdd/pytest_output.py`, `pdd/sync_orchestration.py`), so killing pdd's process group does not reach them: a
 * sync stopped by its timeout left pytest running, orphaned, in the deleted worktree. They all inherit the
 * group's token in their environment; this finds them in /proc and SIGKILLs them, a few rounds in case one forked
 * meanwhile. Linux only: without /proc it finds nothing. Returns the pids killed.
 */
export async function killStragglers(token: string, rounds = 3): Promise<number[]> {
  const needle = `${GROUP_TOKEN_ENV}=${token}\0`
  const killed = new Set<number>()
  for (let i = 0; i < rounds; i++) {
    const found = marked(needle)
    if (found.length === 0) break
    for (const pid of found) {
      try {
        process.kill(pid, 'SIGKILL')
        killed.add(pid)
      } catch {
        // Gone meanwhile.
      }
    }
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  return [...killed]
}

/**
 * Pids whose environment holds `needle` (a `KEY=value\0` entry). Zombies have no readable environment. Read
 * synchronously: a few hundred small /proc reads take milliseconds, where the same reads through the thread pool
 * wait for it once each, which on a loaded runner put a tenth of a second on every group.
 */
function marked(needle: string): number[] {
  let names: string[]
  try {
    names = readdirSync('/proc')
  } catch {
    return []
  }
  const hits: number[] = []
  for (const p of names) {
    if (!/^\d+$/.test(p) || Number(p) === process.pid) continue
    try {
      if (`\0${readFileSync(`/proc/${p}/environ`, 'latin1')}`.includes(`\0${needle}`)) hits.push(Number(p))
    } catch {
      // Gone, or not ours to read.
    }
  }
  return hits
}

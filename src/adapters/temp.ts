import { tmpdir } from 'node:os'

/**
 * Where scratch folders (worktrees, notes, logs) go: `RUNNER_TEMP` in Actions, which the runner empties after
 * each job and which sits on the job's disk, else the system's temporary folder (the CLI).
 */
export function scratchRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP || tmpdir()
}

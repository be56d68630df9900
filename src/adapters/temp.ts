import { accessSync, constants, statSync } from 'node:fs'
import { tmpdir } from 'node:os'

/**
 * Where scratch folders (worktrees, notes, logs) go: `RUNNER_TEMP` in Actions, which the runner empties after
 * each job and which sits on the job's disk, else the system's temporary folder (the CLI).
 */
export function scratchRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.RUNNER_TEMP || tmpdir()
}

/**
 * Why the scratch root cannot hold scratch folders (missing, not a folder, not writable), naming it and the
 * variable that chose it; null when it can. Checked before a run starts: a `mkdtemp` failing halfway through
 * said only "ENOENT … mkdtemp '/nonexistent/pdd-version-XXXXXX'".
 */
export function scratchRootProblem(env: NodeJS.ProcessEnv = process.env): string | null {
  const dir = scratchRoot(env)
  const from = env.RUNNER_TEMP ? 'RUNNER_TEMP' : 'the temporary folder (TMPDIR)'
  try {
    if (!statSync(dir).isDirectory()) return `${from} ${dir} is not a folder: set it to a writable folder.`
    accessSync(dir, constants.W_OK | constants.X_OK)
    return null
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    const what = code === 'ENOENT' ? 'does not exist' : `cannot be written (${code})`
    return `${from} ${dir} ${what}: set it to a writable folder.`
  }
}

import { spawn } from 'node:child_process'

/** Result of a finished child process. */
export interface ProcessResult {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
}

/** Options of {@link runProcess}. */
export interface RunOptions {
  cwd: string
  env?: NodeJS.ProcessEnv
  /** Written to stdin, then stdin is closed. Without it stdin is empty. */
  input?: string | Buffer
  /** Aborts the process (SIGTERM to its group). */
  signal?: AbortSignal
}

/**
 * Runs an executable with an argv array — never through a shell — and collects its output.
 * The child gets its own process group so that an abort reaches everything it started.
 */
export async function runProcess(
  file: string,
  args: readonly string[],
  opts: RunOptions
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    const onAbort = (): void => killGroup(child.pid, 'SIGTERM')
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    child.on('error', e => {
      opts.signal?.removeEventListener('abort', onAbort)
      reject(e)
    })
    child.on('close', (code, signal) => {
      opts.signal?.removeEventListener('abort', onAbort)
      resolve({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      })
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(opts.input ?? '')
  })
}

/** Sends a signal to a whole process group; a group that is already gone is not an error. */
export function killGroup(pid: number | undefined, sig: NodeJS.Signals): void {
  if (pid === undefined) return
  try {
    process.kill(-pid, sig)
  } catch {
    // The group has exited already.
  }
}

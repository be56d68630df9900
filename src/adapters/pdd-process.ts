/**
 * Runs `pdd` as a child process: argv only (never a shell), its own process group, a timeout and an abort signal
 * that reach everything it started, output streamed line by line and a tail kept for the report.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import path from 'node:path'
import { StringDecoder } from 'node:string_decoder'
import { killGroup } from './process.js'
import { installedPddVersion } from './pdd-version.js'
import { scratchRoot } from './temp.js'

/** Which output stream a line came from. */
export type PddStream = 'stdout' | 'stderr'

/** Options of {@link runPdd}. */
export interface RunPddOptions {
  /** The executable and its arguments. */
  argv: readonly string[]
  cwd: string
  /** The complete environment of the child. */
  env: NodeJS.ProcessEnv
  /** After this long the process group gets SIGTERM (`timedOut`). */
  timeoutMs: number
  /** Between SIGTERM and SIGKILL to the group. Default 10 s. */
  graceMs?: number
  /** Aborting stops the run like a timeout does (`cancelled`). */
  signal?: AbortSignal
  /** Each complete line as it arrives; `\r` ends a line too, so progress redraws never pile up. */
  onLine?: (stream: PddStream, line: string) => void
  /** Interval of {@link RunPddOptions.onHeartbeat}. Default 30 s. */
  heartbeatMs?: number
  onHeartbeat?: (elapsedMs: number) => void
  /** Lines kept per stream for the report. Default 40. */
  tailLines?: number
  /** stdout kept whole up to this many characters; beyond it the oldest lines go. Default 16 Mi. */
  maxStdoutChars?: number
}

/** How a run ended. */
export interface RunPddResult {
  /** Exit code, or null when a signal ended the process. */
  code: number | null
  signal: NodeJS.Signals | null
  timedOut: boolean
  cancelled: boolean
  stdoutTail: string[]
  stderrTail: string[]
  /** All of stdout with line ends normalised to `\n` (see `maxStdoutChars`). */
  stdout: string
  durationMs: number
}

/** The executable could not be started at all. */
export class PddExecutableError extends Error {
  constructor(
    readonly executable: string,
    readonly errno: string,
    message: string
  ) {
    super(message)
    this.name = 'PddExecutableError'
  }
}

/** Runs one `pdd` command to its end, its timeout or its abort, and never rejects for a non-zero exit. */
export async function runPdd(opts: RunPddOptions): Promise<RunPddResult> {
  const [file, ...args] = opts.argv
  if (file === undefined) throw new PddExecutableError('', 'EINVAL', 'pdd command is empty')
  const started = Date.now()
  const out = new LineCollector('stdout', opts)
  const err = new LineCollector('stderr', opts)
  if (opts.signal?.aborted) return finish({ code: null, signal: null, cancelled: true }, started, out, err)

  const child = spawn(file, args, {
    cwd: opts.cwd,
    env: opts.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  })
  child.stdout.on('data', (b: Buffer) => out.push(b))
  child.stderr.on('data', (b: Buffer) => err.push(b))
  const stop = new GroupStopper(child.pid, opts.graceMs ?? 10_000)
  const cleanup = watch(opts, stop, started)

  return new Promise<RunPddResult>((resolve, reject) => {
    child.on('error', (e: NodeJS.ErrnoException) => {
      cleanup()
      reject(executableError(file, e))
    })
    // A finished sync must not leave helpers (test runners, agent CLIs) writing into a worktree that is about
    // to be committed, and a helper holding the pipes open would otherwise delay 'close' for ever.
    child.on('exit', () => killGroup(child.pid, 'SIGKILL'))
    child.on('close', (code, signal) => {
      cleanup()
      out.end()
      err.end()
      const ending = {
        code,
        signal,
        timedOut: stop.reason === 'timeout',
        cancelled: stop.reason === 'cancel'
      }
      resolve(finish(ending, started, out, err))
    })
  })
}

/** Starts the timeout, the abort listener and the heartbeat; returns what stops them. */
function watch(opts: RunPddOptions, stop: GroupStopper, started: number): () => void {
  const timer = setTimeout(() => stop.stop('timeout'), opts.timeoutMs)
  const onAbort = (): void => stop.stop('cancel')
  opts.signal?.addEventListener('abort', onAbort, { once: true })
  const beat = opts.onHeartbeat
  const heartbeat = beat
    ? setInterval(() => beat(Date.now() - started), opts.heartbeatMs ?? 30_000)
    : undefined
  return () => {
    clearTimeout(timer)
    if (heartbeat) clearInterval(heartbeat)
    opts.signal?.removeEventListener('abort', onAbort)
    stop.dispose()
  }
}

/**
 * The version `<command> --version` prints (`pdd, version 0.0.310` → `0.0.310`). pip's console script for pdd is
 * answered from its venv's metadata instead ({@link installedPddVersion}): the same answer without ~4 s of imports.
 */
export async function pddVersion(
  command: readonly string[],
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000
): Promise<string> {
  // Even `pdd --version` creates litellm_cache.sqlite/ in its working directory: keep it out of the repository.
  const cwd = mkdtempSync(path.join(scratchRoot(), 'pdd-version-'))
  try {
    const installed = await installedPddVersion(command, env, cwd)
    if (installed) return installed
    const r = await runPdd({ argv: [...command, '--version'], cwd, env, timeoutMs, graceMs: 2_000 })
    const shown = command.join(' ')
    const seconds = Number((timeoutMs / 1000).toFixed(1))
    if (r.timedOut) throw new Error(`\`${shown} --version\` did not answer within ${seconds} s`)
    const text = [...r.stdoutTail, ...r.stderrTail].join('\n')
    const m = /\bpdd(?:-cli)?, version (\S+)/.exec(text)
    if (r.code !== 0 || !m?.[1]) {
      const tail = r.stderrTail.concat(r.stdoutTail).slice(-5).join(' | ')
      throw new Error(`\`${shown} --version\` did not print "pdd, version X" (exit code ${r.code}): ${tail}`)
    }
    return m[1]
  } finally {
    rmSync(cwd, { recursive: true, force: true })
  }
}

function executableError(file: string, e: NodeJS.ErrnoException): Error {
  if (e.code === 'ENOENT') {
    return new PddExecutableError(
      file,
      e.code,
      `pdd executable not found: ${file} (set pdd-command or install pdd-cli)`
    )
  }
  if (e.code === 'EACCES')
    return new PddExecutableError(file, e.code, `pdd executable is not executable: ${file}`)
  return new PddExecutableError(
    file,
    e.code ?? 'UNKNOWN',
    `cannot start pdd executable ${file}: ${e.message}`
  )
}

interface Ending {
  code: number | null
  signal: NodeJS.Signals | null
  timedOut?: boolean
  cancelled?: boolean
}

function finish(end: Ending, started: number, out: LineCollector, err: LineCollector): RunPddResult {
  return {
    code: end.code,
    signal: end.signal,
    timedOut: end.timedOut ?? false,
    cancelled: end.cancelled ?? false,
    stdoutTail: out.tail,
    stderrTail: err.tail,
    stdout: out.all.join('\n'),
    durationMs: Date.now() - started
  }
}

/** SIGTERM to the whole group, then SIGKILL after the grace period. The first reason wins. */
class GroupStopper {
  reason: 'timeout' | 'cancel' | null = null
  private kill: NodeJS.Timeout | undefined

  constructor(
    private readonly pid: number | undefined,
    private readonly graceMs: number
  ) {}

  stop(reason: 'timeout' | 'cancel'): void {
    if (this.reason !== null) return
    this.reason = reason
    killGroup(this.pid, 'SIGTERM')
    this.kill = setTimeout(() => killGroup(this.pid, 'SIGKILL'), this.graceMs)
  }

  dispose(): void {
    if (this.kill) clearTimeout(this.kill)
  }
}

/**
 * A line longer than this is passed on in pieces of this size: output with no line end (a generated test writing
 * megabytes on one line) never grows one string without bound, which ended the run with "Invalid string length".
 */
export const MAX_LINE_CHARS = 64 * 1024

/** Splits a byte stream into lines (`\n`, `\r\n` and a lone `\r` each end one), keeping a tail and all lines. */
class LineCollector {
  readonly tail: string[] = []
  readonly all: string[] = []
  private readonly decoder = new StringDecoder('utf8')
  private partial = ''
  private lastWasCr = false
  private chars = 0

  constructor(
    private readonly stream: PddStream,
    private readonly opts: RunPddOptions
  ) {}

  push(chunk: Buffer): void {
    this.feed(this.decoder.write(chunk))
  }

  end(): void {
    this.feed(this.decoder.end())
    if (this.partial !== '') this.emit(this.partial)
    this.partial = ''
  }

  private feed(text: string): void {
    // A `\r\n` split across two chunks is one line end.
    const body = this.lastWasCr && text.startsWith('\n') ? text.slice(1) : text
    this.lastWasCr = body.endsWith('\r')
    if (body === '') return
    const parts = body.split(/\r\n|\r|\n/)
    const rest = parts.pop() ?? ''
    for (const part of parts) {
      this.emit(this.partial + part)
      this.partial = ''
    }
    this.partial += rest
    while (this.partial.length > MAX_LINE_CHARS) {
      this.emit(this.partial.slice(0, MAX_LINE_CHARS))
      this.partial = this.partial.slice(MAX_LINE_CHARS)
    }
  }

  private emit(line: string): void {
    this.opts.onLine?.(this.stream, line)
    this.tail.push(line)
    if (this.tail.length > (this.opts.tailLines ?? 40)) this.tail.shift()
    if (this.stream !== 'stdout') return
    this.all.push(line)
    this.chars += line.length + 1
    const max = this.opts.maxStdoutChars ?? 16 * 1024 * 1024
    while (this.chars > max && this.all.length > 1) this.chars -= (this.all.shift() ?? '').length + 1
  }
}

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { GitError, OWN_CONFIG, type GitCommand } from './command.js'
import { updateRef } from './refs.js'

/**
 * Moving one ref many times a run (the bot branch, once a landing) through ONE long-lived
 * `git update-ref --stdin` (docs/architecture.md "Performance"): each move is a transaction of its own
 * (`start`, `update <ref> <new> <old>`, `commit`), acknowledged (`commit: ok`) once the ref is written, exactly
 * as a one-shot `git update-ref <ref> <new> <old>` returns; a refused compare-and-swap ends the process with git's
 * message, which is thrown as that command's {@link GitError}, and the next move starts a new process. A git that
 * has no transaction commands (before 2.27) moves every ref with the one-shot command.
 */
export class RefTransactions {
  private child: Child | null = null
  private queue: Promise<unknown> = Promise.resolve()
  private oneShot = false

  constructor(private readonly cmd: GitCommand) {}

  /** Moves `ref` to `to`, only if it still points at `from` (null: must not exist); one move at a time. */
  update(ref: string, to: string, from: string | null): Promise<void> {
    const next = this.queue.then(() => this.move(ref, to, from))
    this.queue = next.catch(() => undefined)
    return next
  }

  /** Ends the process (stdin closed: git exits); waits for it. Later moves start a new one. */
  async close(): Promise<void> {
    await this.queue
    const child = this.child
    this.child = null
    if (child) await child.end()
  }

  private async move(ref: string, to: string, from: string | null): Promise<void> {
    if (this.oneShot) return updateRef(this.cmd, ref, to, from)
    const old = from ?? '0'.repeat(40)
    if (this.child?.ended) this.child = null
    const child = (this.child ??= new Child(this.cmd))
    const answer = await child.ask(`start\nupdate ${ref} ${to} ${old}\ncommit\n`, ['start: ok', 'commit: ok'])
    if (answer.ok) return
    this.child = null
    if (answer.acknowledged === 0 && /unknown command/i.test(answer.stderr)) {
      // This git reads only `update`/`create`/`delete` lines: every move is a one-shot command from now on.
      this.oneShot = true
      return updateRef(this.cmd, ref, to, from)
    }
    throw new GitError(['update-ref', ref, to, old], answer.code, answer.stderr)
  }
}

/** What one request to the process got: the acknowledgements that came, or how the process ended. */
interface Answer {
  ok: boolean
  /** How many of the expected lines came. */
  acknowledged: number
  code: number | null
  stderr: string
}

/** The `git update-ref --stdin` process: requests written to stdin, acknowledgements read line by line. */
class Child {
  private readonly proc: ChildProcessWithoutNullStreams
  private readonly exited: Promise<void>
  private stdout = ''
  private stderr = ''
  private waiter: (() => void) | null = null
  /** Set when the process ended: its exit code (null: killed, or it could not start). */
  private code: number | null | undefined = undefined

  constructor(private readonly cmd: GitCommand) {
    // Its own process group, as every git command (process.ts): an abort of the run's group does not reach it.
    // The configuration every command of the run has (no hooks: a `reference-transaction` hook never runs).
    this.proc = spawn('git', [...OWN_CONFIG, 'update-ref', '--stdin'], {
      cwd: cmd.root,
      env: cmd.env,
      detached: true
    })
    this.proc.stdout.setEncoding('utf8').on('data', (s: string) => this.heard(s, 'stdout'))
    this.proc.stderr.setEncoding('utf8').on('data', (s: string) => this.heard(s, 'stderr'))
    this.proc.stdin.on('error', () => undefined)
    this.exited = new Promise(resolve => {
      const ended = (code: number | null): void => {
        this.code ??= code
        this.wake()
        resolve()
      }
      this.proc.on('error', () => ended(null))
      this.proc.on('close', code => ended(code))
    })
  }

  /** Whether the process has ended (a refused move ends it). */
  get ended(): boolean {
    return this.code !== undefined
  }

  /** Writes `request` and waits until every `expect` line came, or the process ended (it failed). */
  async ask(request: string, expect: readonly string[]): Promise<Answer> {
    this.stdout = ''
    this.stderr = ''
    this.proc.stdin.write(request)
    for (;;) {
      const lines = this.stdout.split('\n')
      const acknowledged = expect.filter((e, i) => lines[i] === e).length
      if (acknowledged === expect.length) return { ok: true, acknowledged, code: 0, stderr: '' }
      if (this.code !== undefined) {
        await this.exited
        return { ok: false, acknowledged, code: this.code, stderr: this.cmd.redact(this.stderr) }
      }
      await new Promise<void>(resolve => (this.waiter = resolve))
    }
  }

  /** Closes stdin: git ends; resolves when it has. */
  async end(): Promise<void> {
    this.proc.stdin.end()
    await this.exited
  }

  private heard(s: string, stream: 'stdout' | 'stderr'): void {
    if (stream === 'stdout') this.stdout += s
    else this.stderr += s
    this.wake()
  }

  private wake(): void {
    const w = this.waiter
    this.waiter = null
    w?.()
  }
}

import { runProcess, type ProcessResult } from '../process.js'
import { Redactor } from '../../trust/redact.js'

/**
 * The one place a git process starts: the runner behind the {@link Git} adapter (`../git.ts`). It is private to
 * the adapter: the per-concern modules of this folder take it, nothing outside `src/adapters/` sees it.
 */

/** A git command that failed: carries the arguments, the exit code and stderr. */
export class GitError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string
  ) {
    super(
      `git ${args.join(' ')} failed (exit ${String(exitCode)}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`
    )
    this.name = 'GitError'
  }
}

/** Author and committer of the commits the action makes. */
export interface Identity {
  name: string
  email: string
}

/** Per-command environment that makes `who` the author and committer, whatever the config or env says. */
export function identityEnv(who: Identity): NodeJS.ProcessEnv {
  return {
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email
  }
}

/** `-c user.name=… -c user.email=…`: the identity of a command that reads it from the config (commit, cherry-pick). */
export function identityConfig(who: Identity): string[] {
  return ['-c', `user.name=${who.name}`, '-c', `user.email=${who.email}`]
}

/**
 * Configuration of every command the action runs (docs/architecture.md "Trust"): the user's hooks never run
 * (a failing `post-checkout` or `pre-commit` hook, or one generated code planted, would fail or steer the bot's
 * worktrees and commits) and nothing is signed (`commit.gpgSign=true` in the user's configuration would fail
 * every bot commit after its sync was paid for, or wait for a passphrase).
 */
export const OWN_CONFIG: readonly string[] = ['-c', 'core.hooksPath=/dev/null', '-c', 'commit.gpgSign=false']

/** Options of one command: stdin, and variables for this command only (an explicit identity, for example). */
export interface CommandOptions {
  input?: string
  env?: NodeJS.ProcessEnv
}

/** Runs git in one work tree with a fixed environment; every stderr it returns or throws is redacted. */
export class GitCommand {
  readonly redactor: Redactor

  constructor(
    /** Top level of the work tree. */
    readonly root: string,
    readonly env: NodeJS.ProcessEnv,
    /** Strings never to show in an error message, a commit message or a note (tokens, the job's secrets). */
    readonly secrets: readonly string[],
    /** Where a warning of the adapter goes (the run's reporter); stderr when none was given. */
    private readonly warnTo?: (message: string) => void
  ) {
    this.redactor = new Redactor(secrets)
  }

  /** `text` without any secret this runner knows. */
  redact(text: string): string {
    return this.redactor.redact(text)
  }

  /** Says `message` (redacted) through the warning sink, or on stderr as `warning: …` without one. */
  warn(message: string): void {
    const said = this.redact(message)
    if (this.warnTo) this.warnTo(said)
    else process.stderr.write(`warning: ${said}\n`)
  }

  /** The result of one command, without throwing on a non-zero exit. */
  async run(args: readonly string[], opts: CommandOptions = {}): Promise<ProcessResult> {
    const env = opts.env ? { ...this.env, ...opts.env } : this.env
    const r = await runProcess('git', [...OWN_CONFIG, ...args], { cwd: this.root, env, input: opts.input })
    return { ...r, stderr: this.redact(r.stderr) }
  }

  /** The stdout of one command; a non-zero exit throws a {@link GitError}. */
  async exec(args: readonly string[], opts: CommandOptions = {}): Promise<string> {
    const r = await this.run(args, opts)
    if (r.code !== 0) throw new GitError(args, r.code, r.stderr)
    return r.stdout
  }

  /** Whether one command exits 0. */
  async ok(args: readonly string[]): Promise<boolean> {
    return (await this.run(args)).code === 0
  }
}

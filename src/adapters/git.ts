import { spawn } from 'node:child_process'
import {
  closeSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import path from 'node:path'
import { runProcess, type ProcessResult } from './process.js'
import { Redactor } from '../trust/redact.js'
import { scratchRoot } from './temp.js'

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

/** One entry of a tree listing. */
export interface TreeBlob {
  oid: string
  path: string
  /** Bytes. */
  size: number
}

const MIN_GIT: [number, number] = [2, 25]
/** `GIT_CONFIG_COUNT` (per-command config through the environment, used by {@link Git.withAuth}) needs 2.31. */
const MIN_GIT_ENV_CONFIG: [number, number] = [2, 31]

/**
 * The `GIT_CONFIG_*` variables that make git send `AUTHORIZATION: basic base64(x-access-token:<token>)` to
 * `serverUrl`, appended after any `GIT_CONFIG_COUNT` entries `env` already has. The header key is
 * URL-specific (`http.<origin>/.extraheader`) and is first set to the empty value: an empty value resets the
 * multi-valued header list, which drops the header `actions/checkout` persisted (under the same key, through
 * `includeIf`) so that exactly one Authorization header is sent. A url-less `http.extraheader=` would NOT do:
 * git ignores a less specific URL match once a more specific one was seen (verified with git 2.39.5).
 */
export function authConfigEnv(
  env: NodeJS.ProcessEnv,
  token: string,
  serverUrl: string
): Record<string, string> {
  const key = `http.${new URL(serverUrl).origin}/.extraheader`
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64')
  const n = Number(env.GIT_CONFIG_COUNT ?? '0')
  const start = Number.isInteger(n) && n > 0 ? n : 0
  const out: Record<string, string> = {}
  const entries: [string, string][] = [
    [key, ''],
    [key, `AUTHORIZATION: basic ${basic}`]
  ]
  entries.forEach(([k, v], i) => {
    out[`GIT_CONFIG_KEY_${start + i}`] = k
    out[`GIT_CONFIG_VALUE_${start + i}`] = v
  })
  out.GIT_CONFIG_COUNT = String(start + entries.length)
  return out
}

/** The strings {@link Git.withAuth} redacts from error messages: the token and its basic-auth encoding. */
export function tokenSecrets(token: string): string[] {
  return [token, Buffer.from(`x-access-token:${token}`).toString('base64')].filter(s => s !== '')
}

/** Replaces every occurrence of each secret, in every form the redactor knows, with `***`. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  return new Redactor(secrets).redact(text)
}

/** Files that hold a secret value the job knows: they are not committed (their names only are reported). */
export class SecretInFileError extends Error {
  constructor(readonly files: readonly string[]) {
    super(
      `${files.join(', ')} ${files.length === 1 ? 'holds' : 'hold'} the value of a secret of this job (a token or key from the environment); not committed`
    )
    this.name = 'SecretInFileError'
  }
}

/** One queue of worktree operations per repository (keyed by the main work tree's path). */
const worktreeLocks = new Map<string, Promise<unknown>>()

/**
 * The git adapter: every git call of the action goes through here, with a non-interactive environment.
 * Created by {@link Git.open}, which checks that git exists and is recent enough.
 */
export class Git {
  private constructor(
    /** Top level of the work tree. */
    readonly root: string,
    private readonly env: NodeJS.ProcessEnv,
    /** The main work tree this one belongs to (itself for the main one). */
    private readonly commonKey: string = root,
    /** `git --version` as [major, minor]. */
    private readonly version: readonly [number, number] = MIN_GIT,
    /** Strings never to show in an error message, a commit message or a note (tokens, the job's secrets). */
    private readonly secrets: readonly string[] = []
  ) {
    this.redactor = new Redactor(secrets)
  }

  private readonly redactor: Redactor

  /** The same repository, also redacting `more` (the job's secrets) from messages, commits and notes. */
  withSecrets(more: readonly string[]): Git {
    return new Git(this.root, this.env, this.commonKey, this.version, [...this.secrets, ...more])
  }

  /** `text` without any secret this adapter knows: for every text written into git (commit messages, notes). */
  redact(text: string): string {
    return this.redactor.redact(text)
  }

  /** Opens the repository that contains `dir`; fails with a clear message when git is missing or too old. */
  static async open(dir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Git> {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...extraEnv,
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: 'echo',
      LC_ALL: 'C'
    }
    let version: string
    try {
      version = (await runProcess('git', ['--version'], { cwd: dir, env })).stdout
    } catch {
      throw new Error('git was not found on PATH: pdd-sync needs git (2.25 or newer).')
    }
    const m = /(\d+)\.(\d+)/.exec(version)
    if (!m || Number(m[1]) < MIN_GIT[0] || (Number(m[1]) === MIN_GIT[0] && Number(m[2]) < MIN_GIT[1])) {
      throw new Error(`git 2.25 or newer is needed; found "${version.trim()}".`)
    }
    const top = await runProcess('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env })
    if (top.code !== 0) throw new Error(`${dir} is not inside a git repository: ${top.stderr.trim()}`)
    return new Git(top.stdout.trim(), env, undefined, [Number(m[1]), Number(m[2])])
  }

  /**
   * The same repository, with every command (fetches and pushes included) authenticated by `token` for
   * `serverUrl` (e.g. `https://github.com`) through `GIT_CONFIG_*` environment variables: nothing is written to
   * the git config, and the header `actions/checkout` persisted is replaced, not doubled (see
   * {@link authConfigEnv}). The token and its encoding are redacted from every {@link GitError}.
   */
  withAuth(token: string, serverUrl: string): Git {
    const [major, minor] = this.version
    if (major < MIN_GIT_ENV_CONFIG[0] || (major === MIN_GIT_ENV_CONFIG[0] && minor < MIN_GIT_ENV_CONFIG[1])) {
      throw new Error(`A push token needs git 2.31 or newer (GIT_CONFIG_COUNT); found ${major}.${minor}.`)
    }
    const env = { ...this.env, ...authConfigEnv(this.env, token, serverUrl) }
    return new Git(this.root, env, this.commonKey, this.version, [...this.secrets, ...tokenSecrets(token)])
  }

  /**
   * Adapter-internal (for `src/adapters/git-*.ts` only; everything else uses the intent-named methods): runs
   * one git command here and returns its result without throwing on a non-zero exit. stderr is redacted.
   * `env` adds variables for this command only (an explicit identity, for example).
   */
  async runRaw(
    args: readonly string[],
    opts: { input?: string; env?: NodeJS.ProcessEnv } = {}
  ): Promise<ProcessResult> {
    const env = opts.env ? { ...this.env, ...opts.env } : this.env
    const r = await runProcess('git', args, { cwd: this.root, env, input: opts.input })
    return { ...r, stderr: this.redact(r.stderr) }
  }

  private async exec(args: string[], input?: string): Promise<string> {
    const r = await runProcess('git', args, { cwd: this.root, env: this.env, input })
    if (r.code !== 0) throw new GitError(args, r.code, this.redact(r.stderr))
    return r.stdout
  }

  private async ok(args: string[]): Promise<boolean> {
    const r = await runProcess('git', args, { cwd: this.root, env: this.env })
    return r.code === 0
  }

  /** The commit a revision names, or null when it does not resolve to a commit here. */
  async commitOf(rev: string): Promise<string | null> {
    const r = await runProcess('git', ['rev-parse', '-q', '--verify', `${rev}^{commit}`], {
      cwd: this.root,
      env: this.env
    })
    return r.code === 0 ? r.stdout.trim() : null
  }

  /** The branch checked out, or null on a detached HEAD. */
  async currentBranch(): Promise<string | null> {
    const r = await runProcess('git', ['symbolic-ref', '--quiet', '--short', 'HEAD'], {
      cwd: this.root,
      env: this.env
    })
    return r.code === 0 ? r.stdout.trim() : null
  }

  /** Whether a ref exists locally. */
  async refExists(ref: string): Promise<boolean> {
    return this.ok(['rev-parse', '-q', '--verify', ref])
  }

  /** The repository's common git directory (absolute; the same from every worktree). */
  async commonDir(): Promise<string> {
    const out = (await this.exec(['rev-parse', '--git-common-dir'])).trim()
    return path.resolve(this.root, out)
  }

  /** Whether the clone is shallow (as `actions/checkout` leaves it by default). */
  async isShallow(): Promise<boolean> {
    return (await this.exec(['rev-parse', '--is-shallow-repository'])).trim() === 'true'
  }

  /** Whether a remote of that name is configured. */
  async hasRemote(name: string): Promise<boolean> {
    return (await this.exec(['remote'])).split('\n').includes(name)
  }

  /** Fetches one commit (and its tree) by id from a remote, for a shallow clone that lacks it. */
  async fetchCommit(remote: string, sha: string): Promise<boolean> {
    return this.ok(['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', remote, sha])
  }

  /** Paths (repository-relative) that differ between two commits; renames count as both paths. */
  async changedFiles(from: string, to: string): Promise<string[]> {
    const out = await this.exec(['diff', '--name-only', '--no-renames', '-z', from, to, '--'])
    return out.split('\0').filter(p => p !== '')
  }

  /**
   * Fetches a remote ref into a local scratch ref (forced: the scratch ref is ours).
   * Returns false when the remote does not have the ref — an absent notes ref is empty history.
   */
  async fetchRefInto(remote: string, ref: string, scratch: string): Promise<boolean> {
    const args = ['fetch', '--no-tags', '--no-recurse-submodules', remote, `+${ref}:${scratch}`]
    const r = await runProcess('git', args, { cwd: this.root, env: this.env })
    if (r.code === 0) return true
    if (/couldn't find remote ref|no such ref/i.test(r.stderr)) return false
    throw new GitError(args, r.code, this.redact(r.stderr))
  }

  /** Every blob below a tree-ish, recursively (notes trees may be fanned out into folders). */
  async listBlobs(treeish: string): Promise<TreeBlob[]> {
    const out = await this.exec(['ls-tree', '-r', '-l', '-z', '--full-tree', treeish])
    const blobs: TreeBlob[] = []
    for (const entry of out.split('\0')) {
      const tab = entry.indexOf('\t')
      if (tab < 0) continue
      // `<mode> <type> <oid> <padded size>`
      const [, type, oid, ...rest] = entry.slice(0, tab).split(/ +/)
      const size = Number(rest.join('').trim())
      if (type === 'blob' && oid) blobs.push({ oid, path: entry.slice(tab + 1), size })
    }
    return blobs
  }

  /** The same repository seen from another work tree (a `git worktree` of it). */
  at(dir: string): Git {
    return new Git(dir, this.env, this.commonKey, this.version, this.secrets)
  }

  /** Adds a detached work tree at `dir` checked out at `commit`. */
  async addWorktree(dir: string, commit: string): Promise<Git> {
    await this.serialized(() => this.exec(['worktree', 'add', '--detach', '--quiet', dir, commit]))
    return this.at(dir)
  }

  /** Removes a work tree and everything in it (rollback is free: nothing of it is kept). */
  async removeWorktree(dir: string): Promise<void> {
    await this.serialized(async () => {
      // `remove` deletes the administrative folder too; `prune` (a scan of all of them) only when it failed.
      const removed = await this.exec(['worktree', 'remove', '--force', dir]).then(
        () => true,
        () => false
      )
      if (!removed) await this.exec(['worktree', 'prune'])
    })
  }

  /**
   * Runs worktree bookkeeping one at a time: concurrent `git worktree add` calls race on the administrative
   * folders under `.git/worktrees` ("failed to read …/commondir").
   */
  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const key = this.commonKey
    const prev = worktreeLocks.get(key) ?? Promise.resolve()
    const next = prev.then(fn, fn)
    worktreeLocks.set(
      key,
      next.catch(() => undefined)
    )
    return next
  }

  /** Which of these directories hold at least one tracked file. */
  async trackedUnder(dirs: readonly string[]): Promise<string[]> {
    const out: string[] = []
    for (const d of new Set(dirs)) {
      const files = await this.exec(['ls-files', '-z', '--', `:(literal)${d === '' ? '.' : d}`])
      if (files !== '') out.push(d)
    }
    return out
  }

  /** Paths (relative to the work tree) that differ from HEAD, untracked ones included. */
  async dirtyPaths(): Promise<string[]> {
    const out = await this.exec(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--no-renames'])
    return out
      .split('\0')
      .filter(e => e.length > 3)
      .map(e => e.slice(3))
  }

  /**
   * Commits exactly these paths (additions, changes and deletions) with a fixed identity and no hooks.
   * Returns the new commit, or null when the paths hold no change. Refuses ({@link SecretInFileError}) when a
   * file holds a secret this adapter knows, in any form: a generated file that copied its environment (a test
   * printing `os.environ` into a source file, an LLM echoing an error) must never reach a branch.
   */
  async commitPaths(paths: readonly string[], message: string, who: Identity): Promise<string | null> {
    if (paths.length === 0) return null
    const holders = paths.filter(p => this.holdsSecret(path.join(this.root, p)))
    if (holders.length > 0) throw new SecretInFileError(holders)
    // Literal pathspecs: file names are data, never globs. Missing files are deletions (or nothing at all).
    const present = paths.filter(p => existsSync(path.join(this.root, p))).map(p => `:(literal)${p}`)
    const missing = paths.filter(p => !existsSync(path.join(this.root, p))).map(p => `:(literal)${p}`)
    if (present.length > 0) await this.exec(['add', '-A', '--', ...present])
    if (missing.length > 0)
      await this.exec(['rm', '--cached', '--quiet', '--ignore-unmatch', '--', ...missing])
    // One process fewer than asking first: git says "nothing to commit" (exit 1) when nothing is staged.
    const r = await this.runRaw([
      '-c',
      `user.name=${who.name}`,
      '-c',
      `user.email=${who.email}`,
      'commit',
      '--quiet',
      '--no-verify',
      '-m',
      this.redact(message)
    ])
    if (r.code !== 0) {
      if (/nothing (added )?to commit|no changes added to commit/i.test(r.stdout + r.stderr)) return null
      throw new GitError(['commit'], r.code, r.stderr || r.stdout)
    }
    return (await this.exec(['rev-parse', 'HEAD'])).trim()
  }

  private holdsSecret(file: string): boolean {
    if (this.secrets.length === 0) return false
    try {
      const st = lstatSync(file)
      if (st.isFile()) return this.redactor.finds(readFileSync(file, 'utf8'))
      if (!st.isDirectory()) return false
      return readdirSync(file, { recursive: true, encoding: 'utf8' }).some(f => {
        const sub = path.join(file, f)
        return lstatSync(sub).isFile() && this.redactor.finds(readFileSync(sub, 'utf8'))
      })
    } catch {
      return false
    }
  }

  /**
   * Re-applies `commit` on top of `onto` in this (clean, detached) work tree. Returns the new commit, or null
   * on a conflict, in which case the work tree is left clean at `onto`.
   */
  async replay(commit: string, onto: string, who: Identity): Promise<string | null> {
    await this.exec(['checkout', '--quiet', '--detach', onto])
    const r = await runProcess(
      'git',
      [
        '-c',
        `user.name=${who.name}`,
        '-c',
        `user.email=${who.email}`,
        'cherry-pick',
        '--allow-empty',
        commit
      ],
      { cwd: this.root, env: this.env }
    )
    if (r.code === 0) return (await this.exec(['rev-parse', 'HEAD'])).trim()
    await runProcess('git', ['cherry-pick', '--abort'], { cwd: this.root, env: this.env })
    return null
  }

  /** Moves a ref to `to`, only if it still points at `from` (compare-and-swap; `from` null = must not exist). */
  async updateRef(ref: string, to: string, from: string | null): Promise<void> {
    await this.exec(['update-ref', ref, to, from ?? '0'.repeat(40)])
  }

  /** Reads many objects with ONE `git cat-file --batch` process. Missing objects are left out. */
  async readObjects(oids: readonly string[]): Promise<Map<string, Buffer>> {
    return catFileBatch(this.root, this.env, oids)
  }
}

/**
 * One `git cat-file --batch` process whose stdin and stdout are temp files rather than pipes: the child runs to
 * the end on its own even while this thread is busy with synchronous work (discovery), instead of stalling on a
 * full pipe. The process is spawned before this function first awaits.
 */
async function catFileBatch(
  cwd: string,
  env: NodeJS.ProcessEnv,
  oids: readonly string[]
): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>()
  if (oids.length === 0) return result
  const dir = mkdtempSync(path.join(scratchRoot(), 'pdd-sync-cat-'))
  try {
    const inFile = path.join(dir, 'in')
    const outFile = path.join(dir, 'out')
    writeFileSync(inFile, oids.join('\n') + '\n')
    const fdIn = openSync(inFile, 'r')
    const fdOut = openSync(outFile, 'w')
    let stderr = ''
    const done = new Promise<number | null>((resolve, reject) => {
      const child = spawn('git', ['cat-file', '--batch'], { cwd, env, stdio: [fdIn, fdOut, 'pipe'] })
      child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()))
      child.on('error', reject)
      child.on('close', resolve)
    })
    closeSync(fdIn)
    closeSync(fdOut)
    const code = await done
    if (code !== 0) throw new GitError(['cat-file', '--batch'], code, stderr)
    parseBatch(readFileSync(outFile), result)
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Parses `git cat-file --batch` output: `<oid> <type> <size>\n<bytes>\n`, or `<oid> missing\n`. */
export function parseBatch(buf: Buffer, into: Map<string, Buffer>): void {
  let pos = 0
  while (pos < buf.length) {
    const nl = buf.indexOf(10, pos)
    if (nl < 0) return
    const header = buf.toString('utf8', pos, nl).split(' ')
    if (header[1] === 'missing' || header.length < 3) {
      pos = nl + 1
      continue
    }
    const size = Number(header[2])
    into.set(header[0] ?? '', buf.subarray(nl + 1, nl + 1 + size))
    pos = nl + 1 + size + 1
  }
}

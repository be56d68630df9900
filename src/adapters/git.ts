import { runProcess } from './process.js'
import { atLeast, authConfigEnv, MIN_GIT, MIN_GIT_ENV_CONFIG, tokenSecrets } from './git/auth.js'
import { GitCommand, type Identity } from './git/command.js'
import * as commits from './git/commits.js'
import * as history from './git/history.js'
import { unlandedPaths } from './git/landed.js'
import * as notes from './git/notes.js'
import * as objects from './git/objects.js'
import * as refs from './git/refs.js'
import { RefTransactions } from './git/ref-transactions.js'
import * as shards from './git/shards.js'
import * as wire from './git/remote.js'
import * as worktrees from './git/worktrees.js'

export { authConfigEnv, redactSecrets, tokenSecrets } from './git/auth.js'
export { GitError, type Identity } from './git/command.js'
export { SecretInFileError } from './git/commits.js'
export type { ChainCommit, CommitInfo, TreeChange } from './git/history.js'
export { parseBatch, type TreeBlob } from './git/objects.js'
export { incomingRef, type LeasePushOutcome } from './git/remote.js'
export { finalizedRef, RUNS_PREFIX, shardRef } from './git/shards.js'

/**
 * The git adapter: every git call of the action goes through one `Git`, with a non-interactive environment, the
 * way actions/checkout's `GitCommandManager` does. Created by {@link Git.open}, which checks that git exists and
 * is recent enough. The commands live in `./git/`, one module a concern (refs, remote, notes, history, objects,
 * worktrees, commits), each run by a private {@link GitCommand}; this class names them.
 */
export class Git {
  private readonly cmd: GitCommand

  private constructor(
    /** Top level of the work tree. */
    readonly root: string,
    private readonly env: NodeJS.ProcessEnv,
    /** The main work tree this one belongs to (itself for the main one). */
    private readonly commonKey: string = root,
    /** `git --version` as [major, minor]. */
    private readonly version: readonly [number, number] = MIN_GIT,
    /** Strings never to show in an error message, a commit message or a note (tokens, the job's secrets). */
    private readonly secrets: readonly string[] = [],
    /** Set by {@link withRefTransactions}: the one process that moves refs (see `updateRef`). */
    private readonly moves?: RefTransactions,
    /** Set by {@link withWarnings}: where the adapter's warnings go (stderr without one). */
    private readonly warn?: (message: string) => void
  ) {
    this.cmd = new GitCommand(root, env, secrets, warn)
  }

  /** Opens the repository that contains `dir`; fails with a clear message when git is missing or too old. */
  static async open(dir: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Git> {
    const env: NodeJS.ProcessEnv = {
      // An HTTP origin that stops answering fails the fetch or push after a minute instead of holding the job
      // until its timeout (docs/architecture.md, "Trust"); the job's own values win.
      GIT_HTTP_LOW_SPEED_LIMIT: '1',
      GIT_HTTP_LOW_SPEED_TIME: '60',
      ...process.env,
      ...extraEnv,
      GIT_TERMINAL_PROMPT: '0',
      GIT_ASKPASS: 'echo',
      LC_ALL: 'C'
    }
    const found = await gitVersion(dir, env)
    const top = await runProcess('git', ['rev-parse', '--show-toplevel'], { cwd: dir, env })
    if (top.code !== 0) throw new Error(`${dir} is not inside a git repository: ${top.stderr.trim()}`)
    return new Git(top.stdout.trim(), env, undefined, found)
  }

  /** The same repository, also redacting `more` (the job's secrets) from messages, commits and notes. */
  withSecrets(more: readonly string[]): Git {
    return new Git(
      this.root,
      this.env,
      this.commonKey,
      this.version,
      [...this.secrets, ...more],
      undefined,
      this.warn
    )
  }

  /**
   * The same repository, saying its warnings (git-lfs missing before a push of LFS files) through `warn`: the
   * run's reporter, so that on Actions they are annotations and pass the redactor.
   */
  withWarnings(warn: (message: string) => void): Git {
    return new Git(this.root, this.env, this.commonKey, this.version, this.secrets, undefined, warn)
  }

  /**
   * The same repository, with every command (fetches and pushes included) authenticated by `token` for
   * `serverUrl` (e.g. `https://github.com`) through `GIT_CONFIG_*` environment variables: nothing is written to
   * the git config, and the header `actions/checkout` persisted is replaced, not doubled (see
   * {@link authConfigEnv}). The token and its encoding are redacted from every `GitError`.
   */
  withAuth(token: string, serverUrl: string): Git {
    const [major, minor] = this.version
    if (!atLeast(this.version, MIN_GIT_ENV_CONFIG)) {
      throw new Error(`A push token needs git 2.31 or newer (GIT_CONFIG_COUNT); found ${major}.${minor}.`)
    }
    const env = { ...this.env, ...authConfigEnv(this.env, token, serverUrl) }
    const secrets = [...this.secrets, ...tokenSecrets(token)]
    return new Git(this.root, env, this.commonKey, this.version, secrets, undefined, this.warn)
  }

  /**
   * {@link withAuth} when this git can take per-command config (2.31 and newer) and a token is given; otherwise
   * the same repository, relying on the credentials the checkout persisted. For reads (fetches) only: a push
   * calls {@link withAuth}, which fails clearly on an older git.
   */
  withAuthIfPossible(token: string | undefined, serverUrl: string): Git {
    return token && this.canAuthenticate() ? this.withAuth(token, serverUrl) : this
  }

  /** Whether this git takes a token per command ({@link withAuth}). */
  canAuthenticate(): boolean {
    return atLeast(this.version, MIN_GIT_ENV_CONFIG)
  }

  /**
   * The same repository, moving refs ({@link updateRef}) through one long-lived `git update-ref --stdin`, a
   * transaction a move (./git/ref-transactions.ts): for a ref moved many times a run. {@link closeRefTransactions}
   * ends that process.
   */
  withRefTransactions(): Git {
    const moves = new RefTransactions(this.cmd)
    return new Git(this.root, this.env, this.commonKey, this.version, this.secrets, moves, this.warn)
  }

  /** Ends the process of {@link withRefTransactions} (nothing to do without one). */
  async closeRefTransactions(): Promise<void> {
    await this.moves?.close()
  }

  /** The same repository seen from another work tree (a `git worktree` of it). */
  at(dir: string): Git {
    return new Git(dir, this.env, this.commonKey, this.version, this.secrets, undefined, this.warn)
  }

  /** `text` without any secret this adapter knows: for every text written into git (commit messages, notes). */
  redact(text: string): string {
    return this.cmd.redact(text)
  }

  // Refs and revisions (./git/refs.ts).
  commitOf(rev: string): Promise<string | null> {
    return refs.commitOf(this.cmd, rev)
  }
  treeOf(rev: string): Promise<string> {
    return refs.treeOf(this.cmd, rev)
  }
  currentBranch(): Promise<string | null> {
    return refs.currentBranch(this.cmd)
  }
  refExists(ref: string): Promise<boolean> {
    return refs.refExists(this.cmd, ref)
  }
  updateRef(ref: string, to: string, from: string | null): Promise<void> {
    if (this.moves) return this.moves.update(ref, to, from)
    return refs.updateRef(this.cmd, ref, to, from)
  }
  deleteRef(ref: string): Promise<void> {
    return refs.deleteRef(this.cmd, ref)
  }
  commonDir(): Promise<string> {
    return refs.commonDir(this.cmd)
  }
  isShallow(): Promise<boolean> {
    return refs.isShallow(this.cmd)
  }

  // Fetch and push (./git/remote.ts).
  hasRemote(name: string): Promise<boolean> {
    return wire.hasRemote(this.cmd, name)
  }
  fetchCommit(remote: string, sha: string): Promise<boolean> {
    return wire.fetchCommit(this.cmd, remote, sha)
  }
  fetchRefInto(remote: string, ref: string, scratch: string): Promise<boolean> {
    return wire.fetchRefInto(this.cmd, remote, ref, scratch)
  }
  fetchBranch(remote: string, branch: string): Promise<string | null> {
    return wire.fetchBranch(this.cmd, remote, branch)
  }
  /** Pushes `localRef` to `refs/heads/<remoteBranch>` with a lease on `expectedSha` (null: must not exist). */
  pushWithLease(
    remote: string,
    localRef: string,
    remoteBranch: string,
    expectedSha: string | null
  ): Promise<wire.LeasePushOutcome> {
    return wire.leasePush(
      this.cmd,
      remote,
      `${localRef}:refs/heads/${remoteBranch}`,
      remoteBranch,
      expectedSha
    )
  }
  /** Deletes `refs/heads/<branch>` on the remote with a lease on `expectedSha` (the commit fetched before). */
  deleteRemoteBranch(remote: string, branch: string, expectedSha: string): Promise<wire.LeasePushOutcome> {
    return wire.leasePush(this.cmd, remote, `:refs/heads/${branch}`, branch, expectedSha)
  }
  dryRunPush(
    remote: string,
    commit: string,
    branch: string
  ): Promise<{ ok: true } | { ok: false; stderr: string }> {
    return wire.dryRunPush(this.cmd, remote, commit, branch)
  }
  pushNotes(remote: string, ref: string): Promise<void> {
    return wire.pushNotes(this.cmd, remote, ref)
  }
  relateShallow(remote: string, base: string, other: string): Promise<boolean> {
    return wire.relateShallow(this.cmd, remote, base, other)
  }

  // Notes (./git/notes.ts).
  mergeNotes(ref: string, incoming: string, who: Identity): Promise<void> {
    return notes.mergeNotes(this.cmd, ref, incoming, who)
  }
  writeNote(ref: string, object: string, text: string, who: Identity): Promise<void> {
    return notes.writeNote(this.cmd, ref, object, text, who)
  }
  readNote(ref: string, object: string): Promise<string | null> {
    return notes.readNote(this.cmd, ref, object)
  }

  // History (./git/history.ts).
  changedFiles(from: string, to: string): Promise<string[]> {
    return history.changedFiles(this.cmd, from, to)
  }
  commitsBetween(base: string, head: string): Promise<history.CommitInfo[]> {
    return history.commitsBetween(this.cmd, base, head)
  }
  chainOf(base: string, head: string): Promise<history.ChainCommit[]> {
    return history.chainOf(this.cmd, base, head)
  }
  changesOf(from: string, to: string): Promise<history.TreeChange[]> {
    return history.changesOf(this.cmd, from, to)
  }
  sameContent(a: string, b: string, paths: readonly string[]): Promise<boolean> {
    return history.sameContent(this.cmd, a, b, paths)
  }
  baseContains(base: string, head: string): Promise<boolean> {
    return history.baseContains(this.cmd, base, head)
  }
  unlandedPaths(base: string, tip: string): Promise<string[]> {
    return unlandedPaths(this.cmd, base, tip)
  }
  createBundle(file: string, ref: string, exclude: string): Promise<void> {
    return history.createBundle(this.cmd, file, ref, exclude)
  }

  // Objects (./git/objects.ts).
  listBlobs(treeish: string): Promise<objects.TreeBlob[]> {
    return objects.listBlobs(this.cmd, treeish)
  }
  readObjects(oids: readonly string[]): Promise<Map<string, Buffer>> {
    return objects.readObjects(this.cmd, oids)
  }

  /** The raw text of one object (a commit's headers and message), '' when it is missing. */
  async objectText(oid: string): Promise<string> {
    return (await this.readObjects([oid])).get(oid)?.toString('utf8') ?? ''
  }

  // Work trees (./git/worktrees.ts).
  async addWorktree(dir: string, commit: string): Promise<Git> {
    await worktrees.addWorktree(this.cmd, this.commonKey, dir, commit)
    return this.at(dir)
  }
  removeWorktree(dir: string): Promise<void> {
    return worktrees.removeWorktree(this.cmd, this.commonKey, dir)
  }
  scrubWorktree(head: string): Promise<void> {
    return worktrees.scrubWorktree(this.cmd, head)
  }
  checkoutDetached(commit: string): Promise<void> {
    return worktrees.checkoutDetached(this.cmd, commit)
  }
  trackedUnder(dirs: readonly string[]): Promise<string[]> {
    return worktrees.trackedUnder(this.cmd, dirs)
  }
  dirtyPaths(): Promise<string[]> {
    return worktrees.dirtyPaths(this.cmd)
  }
  worktreesAt(branch: string): Promise<string[]> {
    return worktrees.worktreesAt(this.cmd, branch)
  }
  worktreePaths(): Promise<string[]> {
    return worktrees.worktreePaths(this.cmd)
  }

  // Commits (./git/commits.ts).
  commitPaths(
    paths: readonly string[],
    message: string,
    who: Identity,
    author?: Identity
  ): Promise<string | null> {
    return commits.commitPaths(this.cmd, paths, message, who, author)
  }
  commitPathsOnto(
    onto: string,
    paths: readonly string[],
    message: string,
    who: Identity,
    author?: Identity,
    known?: ReadonlySet<string>
  ): Promise<string | null> {
    return commits.commitPathsOnto(this.cmd, onto, paths, message, who, author, known)
  }
  /** Throws a SecretInFileError when a file of `paths` holds a secret the job knows (see commitPaths). */
  refuseSecrets(paths: readonly string[]): void {
    commits.refuseSecrets(this.cmd, paths)
  }
  replay(commit: string, onto: string, who: Identity): Promise<string | null> {
    return commits.replay(this.cmd, commit, onto, who)
  }
  replayWithoutWorktree(commit: string, onto: string, who: Identity): Promise<string | null | undefined> {
    return commits.replayWithoutWorktree(this.cmd, commit, onto, who)
  }

  // The per-run refs of a matrix fan-out (docs/architecture.md "Modes").
  writeFileCommit(o: Parameters<typeof shards.writeFileCommit>[1]): Promise<string> {
    return shards.writeFileCommit(this.cmd, o)
  }
  readFileAt(ref: string, name: string): Promise<string | null> {
    return shards.readFileAt(this.cmd, ref, name)
  }
  pushRef(remote: string, ref: string): Promise<void> {
    return shards.pushRef(this.cmd, remote, ref)
  }
  pushRefLeased(remote: string, ref: string, expected: string | null): Promise<boolean> {
    return shards.pushRefLeased(this.cmd, remote, ref, expected)
  }
  fetchRef(remote: string, ref: string): Promise<string | null> {
    return shards.fetchRef(this.cmd, remote, ref)
  }
  runMarkers(remote: string | null): Promise<shards.RunMarker[]> {
    return shards.runMarkers(this.cmd, remote)
  }
  remoteRunRefs(remote: string, runKey: string): Promise<{ ref: string; sha: string }[]> {
    return shards.remoteRunRefs(this.cmd, remote, runKey)
  }
  fetchRunRefs(remote: string, runKey: string): Promise<void> {
    return shards.fetchRunRefs(this.cmd, remote, runKey)
  }
  listRunRefs(runKey: string): Promise<{ ref: string; sha: string }[]> {
    return shards.listRunRefs(this.cmd, runKey)
  }
  deleteRemoteRefs(remote: string, list: readonly { ref: string; sha: string }[]): Promise<string[]> {
    return shards.deleteRemoteRefs(this.cmd, remote, list)
  }
  deleteLocalRefs(list: readonly string[]): Promise<void> {
    return shards.deleteLocalRefs(this.cmd, list)
  }
  commitsOldestFirst(base: string, head: string): Promise<string[]> {
    return shards.commitsOldestFirst(this.cmd, base, head)
  }
}

/**
 * The version of the git on `env`'s PATH, asked once per process and PATH (a plan and a run each open the
 * repository more than once); a failure is not remembered. Fails clearly when git is missing or too old.
 */
const versions = new Map<string, Promise<[number, number]>>()
async function gitVersion(dir: string, env: NodeJS.ProcessEnv): Promise<[number, number]> {
  const key = env.PATH ?? ''
  let asked = versions.get(key)
  if (!asked) {
    asked = askGitVersion(dir, env)
    versions.set(key, asked)
    asked.catch(() => versions.delete(key))
  }
  return asked
}

async function askGitVersion(dir: string, env: NodeJS.ProcessEnv): Promise<[number, number]> {
  let version: string
  try {
    version = (await runProcess('git', ['--version'], { cwd: dir, env })).stdout
  } catch {
    throw new Error('git was not found on PATH: pdd-sync needs git (2.25 or newer).')
  }
  const m = /(\d+)\.(\d+)/.exec(version)
  const found: [number, number] = [Number(m?.[1]), Number(m?.[2])]
  if (!m || !atLeast(found, MIN_GIT))
    throw new Error(`git 2.25 or newer is needed; found "${version.trim()}".`)
  return found
}

import { pushLfsObjects } from './lfs.js'
import { identityEnv, type GitCommand, type Identity } from './command.js'

/**
 * The per-run refs of a matrix fan-out (docs/architecture.md "Modes"):
 * `refs/pdd-sync/runs/<run key>/shard-<k>` is a report commit whose tree holds one file, `shard.json` (the
 * shard's partial result), and whose parent is the head of the shard's commits (the base itself when it
 * synced nothing); `refs/pdd-sync/runs/<run key>/finalized` is a commit holding `finalized.json` (the shards
 * a finalize job already published), so that a re-run shard plus a second finalize add to the first.
 */
export const RUNS_PREFIX = 'refs/pdd-sync/runs'

export function shardRef(runKey: string, shard: number): string {
  return `${RUNS_PREFIX}/${runKey}/shard-${shard}`
}

export function finalizedRef(runKey: string): string {
  return `${RUNS_PREFIX}/${runKey}/finalized`
}

async function run(
  git: GitCommand,
  args: string[],
  o: { input?: string; env?: NodeJS.ProcessEnv } = {}
): Promise<string> {
  return (await git.exec(args, o)).trim()
}

/**
 * Writes a commit whose tree is the one file `name` with `text`, on `parent` (none: a root commit), and
 * points `ref` at it. Returns the commit.
 */
export async function writeFileCommit(
  git: GitCommand,
  o: { ref: string; name: string; text: string; parent: string | null; message: string; who: Identity }
): Promise<string> {
  const blob = await run(git, ['hash-object', '-w', '--stdin'], { input: git.redact(o.text) })
  const tree = await run(git, ['mktree'], { input: `100644 blob ${blob}\t${o.name}\n` })
  const parents = o.parent ? ['-p', o.parent] : []
  const env = identityEnv(o.who)
  const commit = await run(git, ['commit-tree', tree, ...parents, '-F', '-'], { input: o.message, env })
  await run(git, ['update-ref', o.ref, commit])
  return commit
}

/** The text of file `name` in the commit `ref` points at, or null when the ref or file is absent. */
export async function readFileAt(git: GitCommand, ref: string, name: string): Promise<string | null> {
  const r = await git.run(['cat-file', 'blob', `${ref}:${name}`])
  return r.code === 0 ? r.stdout : null
}

/** Force-pushes local `ref` to the same name on the remote (a re-run shard replaces its attempt's report). */
export async function pushRef(git: GitCommand, remote: string, ref: string): Promise<void> {
  await pushLfsObjects(git, remote, `${ref}:${ref}`)
  await run(git, ['push', '--no-verify', '--force', remote, `${ref}:${ref}`])
}

/**
 * Pushes local `ref` to the remote only if the remote still holds `expected` (null: only if it has no such ref),
 * so that two attempts of one shard cannot replace each other's report. False when the lease failed.
 */
export async function pushRefLeased(
  git: GitCommand,
  remote: string,
  ref: string,
  expected: string | null
): Promise<boolean> {
  const lease = `--force-with-lease=${ref}:${expected ?? ''}`
  await pushLfsObjects(git, remote, `${ref}:${ref}`)
  const r = await git.run(['push', '--no-verify', lease, remote, `${ref}:${ref}`])
  if (r.code === 0) return true
  if (/stale info|rejected|fetch first|non-fast-forward/i.test(r.stderr)) return false
  throw new Error(`git push ${ref} failed: ${git.redact(r.stderr.trim())}`)
}

/** Fetches one ref of the remote into the same name here; returns its commit, or null when it has none. */
export async function fetchRef(git: GitCommand, remote: string, ref: string): Promise<string | null> {
  const listed = await run(git, ['ls-remote', '--refs', remote, ref])
  const sha = listed
    .split('\n')
    .find(l => l.endsWith(`\t${ref}`))
    ?.split('\t')[0]
  await git.run(['update-ref', '-d', ref])
  if (!sha) return null
  await run(git, ['fetch', '--no-tags', '--no-recurse-submodules', remote, `+${ref}:${ref}`])
  return sha
}

/** A run's `finalized` marker and when it was written (its commit date, epoch seconds). */
export interface RunMarker {
  runKey: string
  ref: string
  sha: string
  date: number
}

/** Fetches every run's `finalized` marker from the remote (null: only the local ones) and lists them. */
export async function runMarkers(git: GitCommand, remote: string | null): Promise<RunMarker[]> {
  const pattern = `${RUNS_PREFIX}/*/finalized`
  if (remote)
    await run(git, ['fetch', '--no-tags', '--no-recurse-submodules', remote, `+${pattern}:${pattern}`])
  const out = await run(git, [
    'for-each-ref',
    '--format=%(refname) %(objectname) %(committerdate:unix)',
    RUNS_PREFIX
  ])
  return out
    .split('\n')
    .map(l => l.split(' '))
    .filter(([ref]) => ref?.endsWith('/finalized'))
    .map(([ref = '', sha = '', date = '0']) => ({
      runKey: ref.slice(RUNS_PREFIX.length + 1, -'/finalized'.length),
      ref,
      sha,
      date: Number(date)
    }))
}

/** Every ref of a run on the remote, with its commit. */
export async function remoteRunRefs(
  git: GitCommand,
  remote: string,
  runKey: string
): Promise<{ ref: string; sha: string }[]> {
  const out = await run(git, ['ls-remote', '--refs', remote, `${RUNS_PREFIX}/${runKey}/*`])
  return out
    .split('\n')
    .filter(Boolean)
    .map(l => {
      const [sha = '', ref = ''] = l.split('\t')
      return { ref, sha }
    })
}

/**
 * Fetches every ref of the run from the remote into the same names here (forced), after deleting the local
 * ones, so that what is listed afterwards is what the remote holds.
 */
export async function fetchRunRefs(git: GitCommand, remote: string, runKey: string): Promise<void> {
  for (const { ref } of await listRunRefs(git, runKey)) await run(git, ['update-ref', '-d', ref])
  const prefix = `${RUNS_PREFIX}/${runKey}`
  await run(git, ['fetch', '--no-tags', '--no-recurse-submodules', remote, `+${prefix}/*:${prefix}/*`])
}

/** The local refs of a run and their commits. */
export async function listRunRefs(git: GitCommand, runKey: string): Promise<{ ref: string; sha: string }[]> {
  const out = await run(git, [
    'for-each-ref',
    '--format=%(refname) %(objectname)',
    `${RUNS_PREFIX}/${runKey}/`
  ])
  return out
    .split('\n')
    .filter(Boolean)
    .map(l => {
      const [ref = '', sha = ''] = l.split(' ')
      return { ref, sha }
    })
}

/**
 * Deletes refs on the remote, each only if it still holds the commit read (a shard re-run meanwhile keeps its
 * new report). Returns the refs that could not be deleted.
 */
export async function deleteRemoteRefs(
  git: GitCommand,
  remote: string,
  refs: readonly { ref: string; sha: string }[]
): Promise<string[]> {
  const left: string[] = []
  for (const { ref, sha } of refs) {
    const r = await git.run(['push', '--no-verify', `--force-with-lease=${ref}:${sha}`, remote, `:${ref}`])
    if (r.code !== 0) left.push(ref)
  }
  return left
}

/** Deletes local refs (ignoring absent ones). */
export async function deleteLocalRefs(git: GitCommand, refs: readonly string[]): Promise<void> {
  for (const ref of refs) await git.run(['update-ref', '-d', ref])
}

/** The commits `base..head`, oldest first. */
export async function commitsOldestFirst(git: GitCommand, base: string, head: string): Promise<string[]> {
  if (base === head) return []
  const out = await run(git, ['rev-list', '--reverse', '--topo-order', `${base}..${head}`])
  return out.split('\n').filter(Boolean)
}

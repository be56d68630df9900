import type { GitCommand } from './command.js'

/** What commits hold and how two revisions differ. */

/** One commit of a range, with the identities that human-commit detection compares. */
export interface CommitInfo {
  sha: string
  authorName: string
  authorEmail: string
  committerName: string
  committerEmail: string
  subject: string
  /** The whole message (subject, body and trailers). */
  message: string
}

/** Paths (repository-relative) that differ between two commits; renames count as both paths. */
export async function changedFiles(cmd: GitCommand, from: string, to: string): Promise<string[]> {
  const out = await cmd.exec(['diff', '--name-only', '--no-renames', '-z', from, to, '--'])
  return out.split('\0').filter(p => p !== '')
}

/** Commits reachable from `head` but not from `base` (`git log base..head`), newest first, merges included. */
export async function commitsBetween(cmd: GitCommand, base: string, head: string): Promise<CommitInfo[]> {
  // -z ends each record with NUL, which no message holds; the message is the last field.
  const format = '--format=%H%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%s%x1f%B'
  const out = await cmd.exec(['log', '-z', format, `${base}..${head}`, '--'])
  const commits: CommitInfo[] = []
  for (const rec of out.split('\0')) {
    const [sha, authorName, authorEmail, committerName, committerEmail, subject, ...rest] = rec
      .replace(/^\n+/, '')
      .split('\x1f')
    if (!sha || committerEmail === undefined) continue
    commits.push({
      sha,
      authorName: authorName ?? '',
      authorEmail: authorEmail ?? '',
      committerName: committerName ?? '',
      committerEmail,
      subject: subject ?? '',
      message: rest.join('\x1f')
    })
  }
  return commits
}

/** Whether these paths (repository-relative, taken literally) have the same content, or absence, in `a` and `b`. */
export async function sameContent(
  cmd: GitCommand,
  a: string,
  b: string,
  paths: readonly string[]
): Promise<boolean> {
  const literal = paths.map(p => `:(literal)${p}`)
  return cmd.ok(['diff', '--quiet', '--no-renames', a, b, '--', ...literal])
}

/**
 * Whether `base` already holds every change of the commits on `head` that `base` lacks: each path those
 * commits touched has the same content (or absence) in both. Works in a shallow clone, where a merge base may
 * be missing: commits beyond the shallow boundary only add paths to compare, which errs towards "not contained".
 */
export async function baseContains(cmd: GitCommand, base: string, head: string): Promise<boolean> {
  const log = await cmd.run(['log', '--format=', '--name-only', '--no-renames', `${base}..${head}`, '--'])
  if (log.code !== 0) return false
  const paths = [...new Set(log.stdout.split('\n').filter(Boolean))]
  if (paths.length === 0) return true
  return sameContent(cmd, base, head, paths)
}

/**
 * `git bundle create <file> <ref> ^<exclude>`: the commits of `ref` that `exclude` lacks, in one file that
 * `git fetch <file> <ref>` applies to any clone holding `exclude`.
 */
export async function createBundle(
  cmd: GitCommand,
  file: string,
  ref: string,
  exclude: string
): Promise<void> {
  await cmd.exec(['bundle', 'create', file, ref, `^${exclude}`])
}

/** One commit of a linear chain, for re-creating it elsewhere (signed commits). */
export interface ChainCommit {
  sha: string
  parents: string[]
  tree: string
  message: string
}

/** The commits of `base..head`, oldest first, with parents, tree and message. */
export async function chainOf(cmd: GitCommand, base: string, head: string): Promise<ChainCommit[]> {
  const format = '--format=%H%x1f%P%x1f%T%x1f%B'
  const out = await cmd.exec(['log', '-z', '--reverse', '--topo-order', format, `${base}..${head}`, '--'])
  const chain: ChainCommit[] = []
  for (const rec of out.split('\0')) {
    const [sha, parents, tree, ...message] = rec.replace(/^\n+/, '').split('\x1f')
    if (!sha || tree === undefined) continue
    chain.push({
      sha,
      parents: (parents ?? '').split(' ').filter(Boolean),
      tree,
      message: message.join('\x1f')
    })
  }
  return chain
}

/** A path one commit changed: its new mode and blob (mode `000000` and a zero oid: deleted). */
export interface TreeChange {
  path: string
  oldMode: string
  mode: string
  oid: string
}

/** What changed from tree-ish `from` to `to`, path by path (`git diff-tree -r --no-renames`). */
export async function changesOf(cmd: GitCommand, from: string, to: string): Promise<TreeChange[]> {
  const out = await cmd.exec(['diff-tree', '-r', '--no-renames', '--no-commit-id', '-z', from, to])
  const fields = out.split('\0')
  const changes: TreeChange[] = []
  for (let i = 0; i + 1 < fields.length; i += 2) {
    // `:<old mode> <new mode> <old oid> <new oid> <status>`, then the path.
    const [oldMode = '', mode = '', , oid = ''] = (fields[i] ?? '').replace(/^:/, '').split(' ')
    const p = fields[i + 1] ?? ''
    if (p !== '') changes.push({ path: p, oldMode, mode, oid })
  }
  return changes
}

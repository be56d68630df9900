import { GitError, type GitCommand } from './command.js'

/**
 * Git LFS and the bot's pushes. Every git command of a run passes `core.hooksPath=/dev/null` (command.ts), so a
 * user's failing hook cannot lose paid work, but that also skips git-lfs's `pre-push` hook, which uploads the LFS
 * objects the pushed commits point to. A push of bot commits whose outputs match an LFS pattern would then name
 * objects the LFS server never got (GitHub rejects it: GH008). So before such a push the objects are uploaded
 * here, explicitly; without git-lfs the commits hold those files as ordinary blobs (no clean filter ran), which
 * is said once, as a warning through the run's reporter (`Git.withWarnings`; stderr without one).
 */

/** Said once per process when LFS patterns are in use and git-lfs is not installed. */
let warned = false

/** Whether the tree of `rev` has a `.gitattributes` (any folder) that routes files through the LFS filter. */
async function usesLfs(cmd: GitCommand, rev: string): Promise<boolean> {
  const r = await cmd.run(['grep', '-q', '-I', '-e', 'filter=lfs', rev, '--', ':(glob)**/.gitattributes'])
  return r.code === 0
}

/**
 * Before a push of `refspec` (`<local rev>:<remote ref>`) to `remote`: when the tree of the local rev uses LFS,
 * runs what git-lfs's skipped hook would (`git lfs pre-push <remote>`, told the push on stdin), which uploads the
 * LFS objects the pushed commits point to; warns when git-lfs is missing; nothing when LFS is not used. A failed
 * upload throws (the push would be rejected).
 */
export async function pushLfsObjects(cmd: GitCommand, remote: string, refspec: string): Promise<void> {
  const cut = refspec.lastIndexOf(':')
  const [src, dst] = [refspec.slice(0, cut).replace(/^\+/, ''), refspec.slice(cut + 1)]
  if (cut <= 0 || src === '' || !(await usesLfs(cmd, src))) return
  if ((await cmd.run(['lfs', 'version'])).code !== 0) {
    if (!warned)
      cmd.warn(
        `.gitattributes stores files in Git LFS (filter=lfs), but git-lfs is not installed: the bot's commits ` +
          `hold those files as ordinary git objects, not LFS pointers. Install git-lfs to keep them in LFS.`
      )
    warned = true
    return
  }
  const sha = (await cmd.exec(['rev-parse', '--verify', `${src}^{commit}`])).trim()
  const args = ['lfs', 'pre-push', remote]
  const r = await cmd.run(args, { input: `${src} ${sha} ${dst} ${'0'.repeat(sha.length)}\n` })
  if (r.code !== 0) throw new GitError(args, r.code, r.stderr)
}

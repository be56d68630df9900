import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { GitError, identityEnv, type GitCommand, type Identity } from './command.js'

/** Git notes: read, write and merge one note ref (pushing it is in remote.ts). */

/**
 * `git notes --ref=<ref> merge -s cat_sort_uniq <incoming>` under an explicit identity (a merge makes a
 * commit). `incoming` may be any ref (a scratch ref); `ref` must exist and be under `refs/notes/`.
 */
export async function mergeNotes(
  cmd: GitCommand,
  ref: string,
  incoming: string,
  who: Identity
): Promise<void> {
  const args = ['notes', `--ref=${ref}`, 'merge', '-q', '-s', 'cat_sort_uniq', incoming]
  await cmd.exec(args, { env: identityEnv(who) })
}

/**
 * Sets the whole note of `object` (any 40-hex id) in `ref` to `text`, replacing any note it had
 * (`git notes add -f -F <tempfile>`: the text goes through a file, never through argv).
 */
export async function writeNote(
  cmd: GitCommand,
  ref: string,
  object: string,
  text: string,
  who: Identity
): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdd-sync-note-'))
  try {
    const file = path.join(dir, 'note')
    writeFileSync(file, cmd.redact(text))
    await cmd.exec(['notes', `--ref=${ref}`, 'add', '-f', '-F', file, object], { env: identityEnv(who) })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The note of `object` in `ref`, or null when it has none (or the ref does not exist). */
export async function readNote(cmd: GitCommand, ref: string, object: string): Promise<string | null> {
  const args = ['notes', `--ref=${ref}`, 'list', object]
  const listed = await cmd.run(args)
  if (listed.code !== 0) {
    if (/no note found/i.test(listed.stderr)) return null
    throw new GitError(args, listed.code, listed.stderr)
  }
  return cmd.exec(['cat-file', 'blob', listed.stdout.trim()])
}

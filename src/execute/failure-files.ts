import { copyFileSync, lstatSync, mkdirSync, readdirSync } from 'node:fs'
import path from 'node:path'
import type { Unit } from '../types.js'

/** Each file PDD writes for a failed sync is kept up to this size (a debug snapshot is usually far smaller). */
export const MAX_KEPT_FILE_BYTES = 5 * 1024 * 1024

/**
 * The files PDD leaves in the project folder of a sync that went wrong (pdd-cli 0.0.310,
 * `sync_orchestration.py` and `core/dump.py`), relative to the project: the crash and fix error logs it hands to
 * its repair loops, the verify and fix results, its debug snapshots ("Debug snapshot saved … (attach when
 * reporting bugs)", `.pdd/core_dumps/pdd-core-*.json`) and each unit's sync log in its state folder.
 */
export function failureFiles(project: string, members: { unit: Unit }[]): string[] {
  const top = list(project).filter(
    f => f === 'crash.log' || f === 'fix_errors.log' || /_(verify|fix)_results\.log$/.test(f)
  )
  const dumps = list(path.join(project, '.pdd', 'core_dumps'))
    .filter(f => /^pdd-core-.*\.json$/.test(f))
    .map(f => `.pdd/core_dumps/${f}`)
  const logs = [...new Set(members.map(m => m.unit.metaDir))].flatMap(dir =>
    list(path.join(project, dir))
      .filter(f => f.endsWith('_sync.log'))
      .map(f => path.posix.join(dir, f))
  )
  return [...top, ...dumps, ...logs].filter(f => isSmallFile(path.join(project, f)))
}

/**
 * Copies {@link failureFiles} into `dest` (keeping their relative paths) before the worktree is removed. Never
 * throws: what cannot be copied is left out of the log artifact.
 */
export function keepFailureFiles(project: string, dest: string, members: { unit: Unit }[]): string[] {
  const kept: string[] = []
  for (const f of failureFiles(project, members)) {
    try {
      const to = path.join(dest, 'pdd-files', f)
      mkdirSync(path.dirname(to), { recursive: true })
      copyFileSync(path.join(project, f), to)
      kept.push(f)
    } catch {
      // Left out of the artifact.
    }
  }
  return kept
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir)
  } catch {
    return []
  }
}

/** A regular file (never a link: it could point anywhere on the runner) within the size limit. */
function isSmallFile(file: string): boolean {
  try {
    const st = lstatSync(file)
    return st.isFile() && st.size <= MAX_KEPT_FILE_BYTES
  } catch {
    return false
  }
}

/**
 * Copies the files of a paid group whose commit could not be made or put on the bot branch (a full disk, a git
 * error) into `dest/unlanded/`, under their repository-relative paths, before its worktree is scrubbed: true when
 * every one of them that is a regular file was copied. Never throws.
 */
export function keepUnlandedFiles(root: string, paths: readonly string[], dest: string): boolean {
  let all = true
  for (const p of paths) {
    const from = path.join(root, p)
    if (!isRegularFile(from)) continue
    try {
      const to = path.join(dest, 'unlanded', p)
      mkdirSync(path.dirname(to), { recursive: true })
      copyFileSync(from, to)
    } catch {
      all = false
    }
  }
  return all
}

function isRegularFile(file: string): boolean {
  try {
    return lstatSync(file).isFile()
  } catch {
    return false
  }
}

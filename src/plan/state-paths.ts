/**
 * The state paths of discovered units judged before any is read (docs/architecture.md, "Trust"): a `.pdd` folder,
 * meta folder or meta file that is a symlink out of the repository refuses its unit; so does a file name too long
 * for a file system.
 */
import path from 'node:path'
import type { DiscoverResult } from '../discover/discover.js'
import { ContainmentCheck } from '../state/contained.js'
import { metaStem } from '../state/load.js'

/** What no meta file name may hold to be judged by its folder alone (`isPlainRelative` refuses them). */
// eslint-disable-next-line no-control-regex -- control characters never belong in a path we use
const UNPLAIN_NAME = /[\x00-\x1f\x7f\\]/

/**
 * A unit whose `.pdd` folder, meta folder or meta file is a symlink out of the repository is refused like an unsafe output
 * path: PDD would read and write its state there, outside the lines (docs/architecture.md, "Trust").
 */
export function refuseEscapingState(
  root: string,
  d: DiscoverResult,
  // Most units share their `.pdd` and meta folders: each folder is judged and listed once.
  check = new ContainmentCheck(root)
): void {
  // Per project root and meta folder: whether both stay inside and the folder holds no symlink (then no file in it
  // can be a link out, and its units need no path built and judged one by one).
  const safeFolders = new Map<string, boolean>()
  d.units = d.units.filter(u => {
    const key = `${u.projectRoot}\0${u.metaDir}`
    let safe = safeFolders.get(key)
    if (safe === undefined) {
      const dirs = [path.posix.join(u.projectRoot, '.pdd'), u.metaDir]
      safe = dirs.every(p => check.escaping(p) === null) && check.holdsNoLinks(u.metaDir)
      safeFolders.set(key, safe)
    }
    if (safe && !UNPLAIN_NAME.test(u.basename) && !UNPLAIN_NAME.test(u.language)) return true
    const stem = `${u.metaDir}/${metaStem(u)}`
    const paths = [path.posix.join(u.projectRoot, '.pdd'), u.metaDir, `${stem}.json`, `${stem}_run.json`]
    const bad = paths.map(p => check.escaping(p)).find(x => x !== null)
    if (bad === undefined) return true
    d.problems.push({
      file: u.paths.prompt,
      message: `${u.id}: state path '${bad}' goes through a symlink that leaves the repository; refused`,
      units: [u.id]
    })
    return false
  })
}

/** The longest file name the file systems of runners and laptops allow (NAME_MAX), in bytes. */
const NAME_MAX = 255

/**
 * A unit one of whose files would get a name over {@link NAME_MAX} bytes is refused before anything is paid: PDD
 * would pay for the sync and then fail to write it (`.pdd/meta/<basename>_<language>_run.json` is the longest
 * for a long basename), on every run again.
 */
export function refuseOverlongNames(d: DiscoverResult): void {
  d.units = d.units.filter(u => {
    const names = [u.paths.code, u.paths.example, u.paths.test].flatMap(p => p.split('/'))
    names.push(`${metaStem(u)}.json`, `${metaStem(u)}_run.json`)
    const long = names.find(n => Buffer.byteLength(n) > NAME_MAX)
    if (long === undefined) return true
    d.problems.push({
      file: u.paths.prompt,
      message:
        `${u.id}: the file name '${[...long].slice(0, 40).join('')}…' would be ${Buffer.byteLength(long)} bytes, over the ` +
        `${NAME_MAX} a file system allows; pdd would pay for the sync and fail to write it. Shorten the basename.`,
      units: [u.id]
    })
    return false
  })
}

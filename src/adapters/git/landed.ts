import type { GitCommand } from './command.js'

/** Whether a branch's changes reached another line of history, judged by content (docs/architecture.md "Modes"). */

const ZERO = /^0+$/

/**
 * The paths the commits of `tip` that `base` lacks (`base..tip`) changed whose content at `tip` never reached
 * `base`: neither `base` holds it, nor did any commit of `tip..base` set it (a merge, a squash merge or a
 * cherry-pick that was edited afterwards still counts as reached). A deletion reached when `base` lacks the
 * path or a commit deleted it. Empty when everything landed, whatever the commits' ids (squash merges).
 */
export async function unlandedPaths(cmd: GitCommand, base: string, tip: string): Promise<string[]> {
  const log = await cmd.exec([
    'log',
    '--format=',
    '--name-only',
    '--no-renames',
    '-z',
    `${base}..${tip}`,
    '--'
  ])
  const touched = new Set(log.split(/[\0\n]/).filter(p => p !== ''))
  if (touched.size === 0) return []
  // What differs between base and tip, among the touched paths, with tip's blob (zeros: tip lacks it).
  const differ = new Map<string, string>()
  for (const c of await rawChanges(cmd, ['diff-tree', '-r', '--no-renames', '-z', base, tip]))
    if (touched.has(c.path)) differ.set(c.path, c.oid)
  if (differ.size === 0) return []
  const reached = new Map<string, Set<string>>()
  const args = ['--literal-pathspecs', 'log', '--format=', '--raw', '--no-abbrev', '--no-renames', '-z']
  for (const c of await rawChanges(cmd, [...args, `${tip}..${base}`, '--', ...differ.keys()]))
    reached.set(c.path, (reached.get(c.path) ?? new Set()).add(ZERO.test(c.oid) ? 'gone' : c.oid))
  return [...differ].filter(([p, oid]) => !reached.get(p)?.has(ZERO.test(oid) ? 'gone' : oid)).map(([p]) => p)
}

/** The `--raw -z` records of a command: each path with its new blob. */
async function rawChanges(cmd: GitCommand, args: string[]): Promise<{ path: string; oid: string }[]> {
  const fields = (await cmd.exec(args)).split('\0')
  const out: { path: string; oid: string }[] = []
  for (let i = 0; i < fields.length; i++) {
    const head = (fields[i] ?? '').replace(/^\n+/, '')
    if (!head.startsWith(':')) continue
    // `:<old mode> <new mode> <old oid> <new oid> <status>`, then the path.
    const oid = head.slice(1).split(' ')[3] ?? ''
    const p = fields[i + 1] ?? ''
    if (p !== '') out.push({ path: p, oid })
    i++
  }
  return out
}

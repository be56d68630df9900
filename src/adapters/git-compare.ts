import type { Git } from './git.js'

/**
 * Whether `base` already holds every change of the commits on `head` that `base` lacks: each path those
 * commits touched has the same content (or absence) in both. Works in a shallow clone, where a merge base may
 * be missing: commits beyond the shallow boundary only add paths to compare, which errs towards "not contained".
 */
export async function baseContains(git: Git, base: string, head: string): Promise<boolean> {
  const log = await git.runRaw(['log', '--format=', '--name-only', '--no-renames', `${base}..${head}`, '--'])
  if (log.code !== 0) return false
  const paths = [...new Set(log.stdout.split('\n').filter(Boolean))]
  if (paths.length === 0) return true
  const diff = await git.runRaw([
    'diff',
    '--quiet',
    '--no-renames',
    base,
    head,
    '--',
    ...paths.map(p => `:(literal)${p}`)
  ])
  return diff.code === 0
}

/**
 * In a shallow clone (actions/checkout's default depth 1), deepens the history until `base` and `other` (a
 * fetched branch that forked from an older base commit) have a merge base, so that `base..other` is only what
 * `other` added and not the base's history behind the shallow boundary. Deepens by 50, 200 and 1000 commits,
 * then unshallows. Returns whether they are related. A full clone returns at once.
 */
export async function relateShallow(git: Git, remote: string, base: string, other: string): Promise<boolean> {
  const related = async (): Promise<boolean> => (await git.runRaw(['merge-base', base, other])).code === 0
  if (!(await git.isShallow()) || (await related())) return related()
  for (const args of [['--deepen=50'], ['--deepen=200'], ['--deepen=1000'], ['--unshallow']]) {
    const r = await git.runRaw(['fetch', '--quiet', '--no-tags', ...args, remote])
    if (r.code !== 0 && !args.includes('--unshallow')) continue
    if (await related()) return true
    if (!(await git.isShallow())) return false
  }
  return related()
}

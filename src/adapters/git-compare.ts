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

/**
 * `--repo DIR` and input `working-directory` must be where pdd finds the project: the top level of its git
 * repository, or a PDD project inside it (a folder holding a `.pddrc` or a `prompts/` folder, as in a monorepo).
 * pdd run from any other folder (the `prompts/` folder itself, `src/`) looks for `prompts/` below it and for
 * `.pddrc` in every parent folder, so it would not find the units planned from there, and every sync would be
 * paid for nothing.
 */
import { statSync } from 'node:fs'
import path from 'node:path'

const isDir = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false
const exists = (p: string): boolean => statSync(p, { throwIfNoEntry: false }) !== undefined

/** Whether `dir` is a PDD project root: it holds a `.pddrc` or a `prompts/` folder. */
function isProjectRoot(dir: string): boolean {
  return exists(path.join(dir, '.pddrc')) || isDir(path.join(dir, 'prompts'))
}

/** The top level of the git repository holding `dir` (the nearest folder with a `.git`), or null. */
function gitTopOf(dir: string): string | null {
  for (let d = dir; ; d = path.dirname(d)) {
    if (exists(path.join(d, '.git'))) return d
    if (path.dirname(d) === d) return null
  }
}

/**
 * Why `dir` (absolute, an existing folder) is not a project root pdd can run from, ending with `pass(root)`, the
 * way to name the folder to use instead (`--repo`, `working-directory`); null when it is one, or when it is not
 * inside a git repository (reported where git is opened).
 */
export function projectRootProblem(dir: string, pass: (root: string) => string): string | null {
  const top = gitTopOf(dir)
  if (top === null || top === dir || isProjectRoot(dir)) return null
  let root = top
  for (let d = path.dirname(dir); d.startsWith(top) && d !== top; d = path.dirname(d))
    if (isProjectRoot(d)) {
      root = d
      break
    }
  return (
    `is a folder inside the git repository ${top}, not its top level, and holds no .pddrc or prompts/ folder: ` +
    `pdd run there would not find the project's prompts (nor plan what pdd does). ${pass(root)}`
  )
}

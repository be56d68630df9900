/**
 * Paths a run reads from or writes to, checked before planning so that a wrong one is named as the input or
 * flag it came from (without this, a missing `working-directory` surfaced as "git was not found on PATH").
 */
import { accessSync, constants, statSync, type Stats } from 'node:fs'
import path from 'node:path'

/** Why `dir` cannot be the project directory, or null when it can (a readable, searchable directory). */
export function directoryProblem(dir: string): string | null {
  const st = statOrNull(dir)
  if (!st) return `${dir} does not exist`
  if (!st.isDirectory()) return `${dir} is not a directory`
  try {
    accessSync(dir, constants.R_OK | constants.X_OK)
  } catch {
    return `${dir} cannot be read`
  }
  return null
}

/** Why `file` cannot be written (created or replaced), or null when it can. */
export function writableFileProblem(file: string): string | null {
  const st = statOrNull(file)
  if (st?.isDirectory()) return `${file} is a directory`
  if (st) return canWrite(file) ? null : `${file} cannot be written`
  const dir = path.dirname(path.resolve(file))
  const parent = statOrNull(dir)
  if (!parent) return `its folder ${dir} does not exist`
  if (!parent.isDirectory()) return `${dir} is not a folder`
  return canWrite(dir) ? null : `its folder ${dir} cannot be written`
}

function canWrite(p: string): boolean {
  try {
    accessSync(p, constants.W_OK)
    return true
  } catch {
    return false
  }
}

function statOrNull(p: string): Stats | null {
  try {
    return statSync(p)
  } catch {
    return null
  }
}

import { statSync } from 'node:fs'

/**
 * How a `pdd-command` value (input or `--pdd-command`) becomes an argv, never run through a shell (README
 * "Inputs"): a JSON array of strings is taken as the argv; a value that names an existing file is that one
 * executable, spaces and all; anything else is split on whitespace (`uvx --from pdd-cli pdd`).
 */
export function commandWords(raw: string): string[] {
  const value = raw.trim()
  if (value.startsWith('[')) return jsonWords(value) ?? []
  if (isFile(value)) return [value]
  return value.split(/\s+/).filter(Boolean)
}

/** Why a `pdd-command` value cannot be used (a bad JSON array, nothing in it), or null. */
export function commandProblem(raw: string): string | null {
  const value = raw.trim()
  if (value === '') return 'is empty'
  if (value.startsWith('[') && jsonWords(value) === null)
    return 'starts with "[" but is not a JSON array of non-empty strings (["/path/to/pdd", "--flag"])'
  return null
}

function jsonWords(value: string): string[] | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    return null
  }
  if (!Array.isArray(parsed) || parsed.length === 0) return null
  if (!parsed.every((w): w is string => typeof w === 'string' && w !== '' && !w.includes('\0'))) return null
  return parsed
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}

import { readFileSync } from 'node:fs'

/** Parses a `GITHUB_OUTPUT` file written by `@actions/core` (`name<<delimiter … delimiter` blocks). */
export function readOutputs(file: string): Record<string, string> {
  const lines = readFileSync(file, 'utf8').split('\n')
  const out: Record<string, string> = {}
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!m) continue
    const [, name, delim] = m
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] ?? '')
    out[name as string] = value.join('\n')
  }
  return out
}

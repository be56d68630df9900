/**
 * The event payload file, checked before anything loads `@actions/github`: that package parses
 * `GITHUB_EVENT_PATH` while it is being imported, so an unreadable or malformed file would stop the action with a
 * stack trace before any of its own errors (and before the `status` output) could be given.
 */
import { readFileSync } from 'node:fs'

/** Why the file `GITHUB_EVENT_PATH` names cannot be read as a JSON object, else null (no file is fine). */
export function eventFileProblem(env: NodeJS.ProcessEnv): string | null {
  const file = env.GITHUB_EVENT_PATH
  if (!file) return null
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    // A missing file: @actions/github says so and goes on with an empty payload, as the action does.
    if (err.code === 'ENOENT') return null
    return `The event payload file (GITHUB_EVENT_PATH ${file}) cannot be read: ${err.code ?? err.message}`
  }
  try {
    const value: unknown = JSON.parse(text)
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return `The event payload file (GITHUB_EVENT_PATH ${file}) does not hold a JSON object`
    return null
  } catch {
    // Not the parser's message: V8 quotes a piece of the text in it, and the text is not ours to print.
    return `The event payload file (GITHUB_EVENT_PATH ${file}) is not valid JSON (${text.length} characters)`
  }
}

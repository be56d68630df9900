/**
 * The event's payload (`GITHUB_EVENT_PATH`), read as `@actions/github`'s `context` reads it, without loading that
 * package: it brings Octokit and its HTTP client, which a run without REST calls never needs
 * (docs/architecture.md, "Bundle").
 */
import { existsSync, readFileSync } from 'node:fs'
import { EOL } from 'node:os'

let read: { file: string; payload: object } | undefined

/**
 * The payload, `{}` without a file (`@actions/github` prints a line then, and so does this). Read once per file,
 * as `context` is read once per process. src/action/index.ts has already refused a file that is not a JSON object.
 */
export function eventPayload(env: NodeJS.ProcessEnv = process.env): object {
  const file = env.GITHUB_EVENT_PATH
  if (!file) return {}
  if (read?.file === file) return read.payload
  let payload: object = {}
  if (existsSync(file)) payload = JSON.parse(readFileSync(file, { encoding: 'utf8' })) as object
  else process.stdout.write(`GITHUB_EVENT_PATH ${file} does not exist${EOL}`)
  read = { file, payload }
  return payload
}

/**
 * What a job knows about its secrets, built once at an entry point (the action's `main`, the command line) from
 * the environment, the tokens it was given and the `withhold-env` list. Pure: no I/O.
 */
import { buildPddEnv, type PddEnv } from './pdd-env.js'
import { Redactor, secretsOfEnv } from './redact.js'

/** The redactor of every outgoing text and the environment pdd gets. */
export interface JobTrust {
  redactor: Redactor
  pddEnv: PddEnv
}

/** Options of {@link jobTrust}. */
export interface JobTrustOptions {
  /** Names or globs of variables withheld from pdd and redacted everywhere. */
  withhold?: readonly string[]
  /** Tokens given otherwise than by a secret-named variable (inputs, flags). */
  tokens?: readonly string[]
}

/** The job's redactor (tokens, secret-named and withheld variables) and pdd's environment. */
export function jobTrust(env: NodeJS.ProcessEnv, o: JobTrustOptions = {}): JobTrust {
  const tokens = (o.tokens ?? []).filter(Boolean)
  return {
    redactor: new Redactor([...tokens, ...secretsOfEnv(env, o.withhold ?? [])]),
    pddEnv: buildPddEnv(env, { withhold: o.withhold, secrets: tokens })
  }
}

/** One log line naming (never showing) the variables pdd does not get, or null when there are none. */
export function withheldLine(p: PddEnv): string | null {
  if (p.withheld.length === 0) return null
  const names = [...new Set(p.withheld.map(w => w.name))].sort()
  return `pdd runs without ${names.length} variable(s) of the job environment (credentials and withhold-env): ${names.join(', ')}.`
}

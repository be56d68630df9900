/**
 * Checks that can fail cheaply, run before pdd-cli is installed or anything is paid for (docs/architecture.md "Trust";
 * only when the plan has work and it is not a dry run): the push token can push the bot branch, and a
 * provider credential PDD can use is in the environment pdd gets. Every failure is reported at once, with the
 * fix; what cannot be decided is noted and does not block.
 */
import type { Git } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import { parseCatalog } from './catalog.js'
import { findCatalog } from './catalog-source.js'
import packagedCatalog from './packaged-llm-model.json' with { type: 'json' }
import { checkProviderKey } from './provider-key.js'
import { checkPushAccess, type PushAccessOptions } from './push-access.js'

/** A check before spending failed: the run stops with this message and nothing installed or spent. */
export class PreflightError extends Error {
  override name = 'PreflightError'
}

/** What the checks read. */
export interface PreflightOptions {
  git: Git
  /** The commit pdd's worktrees are made from. */
  commit: string
  /** The PDD project directory. */
  repoRoot: string
  /** The environment pdd will get. */
  env: Readonly<Record<string, string | undefined>>
  /** The pdd-cli version that will run, when known before it runs (the pinned install). */
  pddVersion?: string
  strength?: number
  cloud: boolean
  /** The push check, or undefined when nothing is pushed (a fork's pull request, the command line). */
  push?: Omit<PushAccessOptions, 'commit'>
  reporter: Reporter
}

/** Runs every check; throws a {@link PreflightError} naming each problem and its fix. */
export async function checkBeforeSpending(o: PreflightOptions): Promise<void> {
  const problems: string[] = []
  if (o.push) {
    const push = await checkPushAccess({ ...o.push, commit: o.commit })
    if (push.status === 'fail') problems.push(push.message)
    else o.reporter.info(`Push access: ${push.note}`)
  }
  const source = await findCatalog({
    git: o.git,
    commit: o.commit,
    repoRoot: o.repoRoot,
    env: o.env,
    pddVersion: o.pddVersion
  })
  for (const w of source.warnings) o.reporter.warning(w)
  const key = checkProviderKey({
    catalog: source.catalog,
    packaged: source.packaged,
    env: { ...source.dotenv, ...o.env },
    strength: o.strength,
    cloud: o.cloud,
    jwtCached: source.jwtCached
  })
  if (key.status === 'fail') problems.push(key.message)
  else if (key.status === 'undecided') o.reporter.info(`Provider credential: not checked: ${key.note}`)
  else {
    o.reporter.info(`Provider credential: ${key.note}`)
    if (key.warning) o.reporter.warning(key.warning)
  }
  if (problems.length === 1) throw new PreflightError(problems[0])
  if (problems.length > 1)
    throw new PreflightError(`Stopped before spending anything:\n${problems.map(p => `- ${p}`).join('\n')}`)
}

/**
 * Parses the catalog packaged with the pdd-cli version this build knows, so that {@link checkBeforeSpending}
 * finds it parsed (parseCatalog keeps it): for a caller that waits for pdd's version before the checks, this
 * is the checks' main cost moved into that wait.
 */
export function parsePackagedCatalog(): void {
  parseCatalog(packagedCatalog.csv)
}

/** The environment pdd gets, as far as the credential check reads it (`--local` sets PDD_FORCE_LOCAL). */
export function pddEnvironment(cloud: boolean, env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return cloud ? { ...env } : { ...env, PDD_FORCE_LOCAL: '1' }
}

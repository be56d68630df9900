import path from 'node:path'
import { scratchRoot } from '../adapters/temp.js'
import { ActionsCache } from '../adapters/actions-cache.js'
import { installPdd } from '../adapters/pdd-install.js'
import { pddVersion } from '../adapters/pdd-process.js'
import type { Reporter } from '../adapters/reporter.js'
import type { ActionSettings } from '../settings/action-settings.js'
import { withheldLine, type JobTrust } from '../trust/job.js'
import type { RunContext } from './run-context.js'

/** The pdd that runs the syncs: no command and no version when nothing needs it. */
export interface ProvidedPdd {
  command: string[]
  version?: string
}

/** Installs (or checks) pdd before any unit is touched. */
export async function providePddStep(ctx: RunContext): Promise<ProvidedPdd> {
  const withheld = withheldLine(ctx.trust.pddEnv)
  if (withheld) ctx.reporter.info(withheld)
  const pdd = await ctx.reporter.group('Install pdd', () => providePdd(ctx.s, ctx.reporter, ctx.trust))
  ctx.reporter.info(`Using pdd-cli ${pdd.version} (${pdd.command.join(' ')}).`)
  return pdd
}

/** `pdd-command` as given (its version read, see `pddVersion`), else the pinned pdd-cli from the cached venv. */
async function providePdd(
  s: ActionSettings,
  reporter: Reporter,
  trust: JobTrust
): Promise<Required<ProvidedPdd>> {
  if (s.run.pddCommand) {
    const version = await pddVersion(s.run.pddCommand, trust.pddEnv.env).catch((e: Error) => {
      throw new Error(`Input "pdd-command" (${s.run.pddCommand?.join(' ')}) does not work: ${e.message}`)
    })
    return { command: s.run.pddCommand, version }
  }
  const installed = await installPdd({
    version: s.run.pddVersion,
    pythonVersion: s.run.pythonVersion,
    toolDir: toolDir(),
    cache: new ActionsCache(),
    reporter,
    // pip and the venv's python run with pdd's environment too: a package's install hook sees no token.
    env: trust.pddEnv.env
  })
  reporter.info(
    `pdd-cli ${installed.version} in ${installed.venv} (${installed.cacheHit ? 'restored from the cache' : 'installed'}).`
  )
  return installed
}

/** The action's folder in the runner's tool cache (pdd-cli's venv, tsx). */
export function toolDir(): string {
  return path.join(process.env.RUNNER_TOOL_CACHE ?? path.join(scratchRoot(), 'pdd-sync-tools'), 'pdd-sync')
}

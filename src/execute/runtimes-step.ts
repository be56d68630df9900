/**
 * Runtimes before anything is paid (docs/architecture.md "Runtimes"): for the languages of the units with work,
 * the npm tools PDD runs through `npx` are installed (pinned, cached), every other executable PDD's language
 * table runs for them is looked up on pdd's PATH, and a unit whose planned verify or tests PDD runs only through
 * an agent CLI (docs/pdd-agents.md) needs one PDD would accept. A unit that cannot run is skipped with a reason
 * naming what is missing and how to provide it.
 */
import { readdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import { findOnPath, isExecutable } from '../adapters/executables.js'
import type { DirectoryCache } from '../adapters/pdd-install.js'
import type { Reporter } from '../adapters/reporter.js'
import { installNodeTool, PINNED_TSX_VERSION } from '../adapters/runtime-install.js'
import type { PlanWithState } from '../plan/plan.js'
import { availableAgents, missingAgent, type AgentAvailability } from '../preflight/agents.js'
import { missingRuntime, runtimeNeeds } from '../preflight/runtimes.js'
import { hasWork } from '../types.js'

/** Where provided runtimes live and are cached. */
export interface RuntimeProvision {
  /** The action's folder in the tool cache (`$RUNNER_TOOL_CACHE/pdd-sync`). */
  toolDir: string
  cache?: DirectoryCache
  /** Default {@link PINNED_TSX_VERSION}. */
  tsxVersion?: string
}

/** What the executor needs: the provided npm tools and the units that cannot run (id → reason). */
export interface ProvidedRuntimes {
  nodeModules?: string
  missing: Map<string, string>
}

/** Options of {@link checkRuntimes} and {@link provideRuntimes}. */
export interface RuntimeCheckOptions {
  /** Input `agentic-fallback`: whether PDD may start an agent CLI at all. */
  agenticFallback?: boolean
}

/**
 * The units with work that cannot run on this runner (id → reason), found without installing anything: an
 * executable of their language missing from `env`'s PATH, or an agent CLI their planned operations need.
 */
export function checkRuntimes(
  planned: PlanWithState,
  env: NodeJS.ProcessEnv,
  opts: RuntimeCheckOptions = {}
): Map<string, string> {
  const missing = new Map<string, string>()
  const onPath = (exe: string): boolean => findOnPath(exe, env) !== null
  let agents: AgentAvailability | undefined
  for (const u of planned.plan.units.filter(x => hasWork(x.operation))) {
    const why = missingRuntime(u.language, onPath)
    if (why !== null) {
      missing.set(u.id, why)
      continue
    }
    agents ??= { allowed: opts.agenticFallback ?? false, available: agentsOnRunner(env) }
    const noAgent = missingAgent(u.language, u.estimatedOperations, agents)
    if (noAgent !== null) missing.set(u.id, noAgent)
  }
  return missing
}

/** Installs what the planned languages run through `npx` and checks the rest ({@link checkRuntimes}). */
export async function provideRuntimes(
  planned: PlanWithState,
  env: NodeJS.ProcessEnv,
  where: RuntimeProvision,
  reporter: Reporter,
  opts: RuntimeCheckOptions = {}
): Promise<ProvidedRuntimes> {
  const missing = checkRuntimes(planned, env, opts)
  const needTsx = planned.plan.units
    .filter(u => hasWork(u.operation) && !missing.has(u.id))
    .filter(u => runtimeNeeds(u.language).some(n => n.npxTool === 'tsx'))
    .map(u => u.id)
  let nodeModules: string | undefined
  if (needTsx.length > 0) {
    const version = where.tsxVersion ?? PINNED_TSX_VERSION
    try {
      const tsx = await installNodeTool({ name: 'tsx', version, ...where, reporter, env })
      nodeModules = tsx.nodeModules
      reporter.info(
        `tsx ${version} for PDD's \`npx tsx\` in ${tsx.nodeModules} (${tsx.cacheHit ? 'restored from the cache' : 'ready'}).`
      )
    } catch (e) {
      const why = `tsx ${version} could not be provided for PDD's \`npx tsx\`: ${(e as Error).message}`
      for (const id of needTsx) missing.set(id, why)
    }
  }
  for (const [id, why] of missing) reporter.warning(`${id} is skipped (nothing spent): ${why}`)
  return { nodeModules, missing }
}

/**
 * The agent providers PDD would accept with `env` (docs/pdd-agents.md): each CLI looked up as PDD's
 * `_find_cli_binary` does, on PATH and then in its common install folders under the home folder.
 */
export function agentsOnRunner(env: NodeJS.ProcessEnv): string[] {
  const home = env.HOME || homedir()
  return availableAgents({
    env,
    found: exe => findOnPath(exe, env) !== null || commonCliPaths(exe, home).some(isExecutable),
    homeFile: rel => isFile(path.join(home, rel))
  })
}

/** `_iter_common_cli_paths` of `pdd/agentic_common.py`, nvm's node versions expanded. */
function commonCliPaths(name: string, home: string): string[] {
  const dirs = [
    path.join(home, '.npm-global', 'bin'),
    path.join(home, '.local', 'bin'),
    path.join(home, 'bin'),
    '/usr/local/bin',
    '/opt/homebrew/bin',
    '/home/linuxbrew/.linuxbrew/bin',
    ...(name === 'agy' ? [path.join(home, '.antigravity', 'bin')] : [])
  ]
  const nvm = path.join(home, '.nvm', 'versions', 'node')
  try {
    for (const v of readdirSync(nvm)) dirs.push(path.join(nvm, v, 'bin'))
  } catch {
    // no nvm
  }
  return dirs.map(d => path.join(d, name))
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  } catch {
    return false
  }
}

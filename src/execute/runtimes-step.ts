/**
 * Runtimes before anything is paid (docs/architecture.md "Runtimes"): for the languages of the units with work,
 * the npm tools PDD runs through `npx` are installed (pinned, cached), and every other executable PDD's
 * language table runs for them is looked up on pdd's PATH. A unit whose runtime is missing is skipped with a
 * reason naming the executable and the setup action that provides it.
 */
import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'
import type { DirectoryCache } from '../adapters/pdd-install.js'
import type { Reporter } from '../adapters/reporter.js'
import { installNodeTool, PINNED_TSX_VERSION } from '../adapters/runtime-install.js'
import type { PlanWithState } from '../plan/plan.js'
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

/** Installs what the planned languages run through `npx` and checks the rest on `env`'s PATH. */
export async function provideRuntimes(
  planned: PlanWithState,
  env: NodeJS.ProcessEnv,
  where: RuntimeProvision,
  reporter: Reporter
): Promise<ProvidedRuntimes> {
  const work = planned.plan.units.filter(u => hasWork(u.operation))
  const missing = new Map<string, string>()
  const onPath = (exe: string): boolean => findOnPath(exe, env) !== null
  const needTsx: string[] = []
  for (const u of work) {
    const why = missingRuntime(u.language, onPath)
    if (why !== null) missing.set(u.id, why)
    else if (runtimeNeeds(u.language).some(n => n.npxTool === 'tsx')) needTsx.push(u.id)
  }
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

/** The executable file `name` in `env`'s PATH, or null. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv): string | null {
  const key = Object.keys(env).find(k => k.toUpperCase() === 'PATH') ?? 'PATH'
  for (const dir of (env[key] ?? '').split(path.delimiter)) {
    if (dir === '') continue
    const file = path.join(dir, name)
    try {
      if (!statSync(file).isFile()) continue
      accessSync(file, constants.X_OK)
      return file
    } catch {
      continue
    }
  }
  return null
}

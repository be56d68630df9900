import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundlesReady } from './test-bundles.js'

/** The repository's root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
/** The bundles built by global-setup (its folder is passed in PDD_SYNC_TEST_DIST). */
export const TEST_DIST = process.env.PDD_SYNC_TEST_DIST ?? path.join(ROOT, 'build', 'test-dist')
// global-setup builds them in the background: a file that runs a bundle waits here until they are there.
await bundlesReady(process.env.PDD_SYNC_TEST_DIST)

/** Result of running a bundle. */
export interface Ran {
  status: number | null
  stdout: string
  stderr: string
}

/** Runs the bundled `pdd-sync` command (argv, no shell). */
export function runCli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT, timeoutMs?: number): Ran {
  const r = spawnSync(process.execPath, [path.join(TEST_DIST, 'cli.js'), ...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    ...(timeoutMs ? { timeout: timeoutMs } : {})
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** Runs the bundled action entry with the given inputs as `INPUT_*` variables (as the runner passes them). */
export function runAction(inputs: Record<string, string>, env: NodeJS.ProcessEnv, cwd: string): Ran {
  const inputEnv: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(inputs)) inputEnv[`INPUT_${k.replace(/ /g, '_').toUpperCase()}`] = v
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_'))
  )
  const r = spawnSync(process.execPath, [path.join(TEST_DIST, 'index.js')], {
    cwd,
    env: { ...clean, ...inputEnv, ...env },
    encoding: 'utf8'
  })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/**
 * Runs the bundled `pdd-sync` command without blocking this process, so that servers in the test process (the
 * scripted LLM) keep answering while it runs.
 */
export async function runCliAsync(args: string[], env: NodeJS.ProcessEnv, cwd = ROOT): Promise<Ran> {
  const { spawn } = await import('node:child_process')
  const child = spawn(process.execPath, [path.join(TEST_DIST, 'cli.js'), ...args], { cwd, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  const status = await new Promise<number | null>(resolve => child.on('close', code => resolve(code)))
  return { status, stdout, stderr }
}

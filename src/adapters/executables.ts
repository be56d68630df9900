/** Finding executables the way the OS would, without running them. */
import { accessSync, constants, statSync } from 'node:fs'
import path from 'node:path'

/** Whether `file` is a regular file this process may execute. */
export function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The executable file `name` in `env`'s PATH (absolute entries only when `absoluteOnly`), or null. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv, absoluteOnly = false): string | null {
  const key = Object.keys(env).find(k => k.toUpperCase() === 'PATH') ?? 'PATH'
  for (const dir of (env[key] ?? '').split(path.delimiter)) {
    if (dir === '' || (absoluteOnly && !path.isAbsolute(dir))) continue
    const file = path.join(dir, name)
    if (isExecutable(file)) return file
  }
  return null
}

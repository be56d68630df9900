/**
 * Loads code the bundles keep in a chunk file beside them (`dist/<id>.index.js`, docs/architecture.md,
 * "Bundle"): a chunk that is missing (a partial copy of `dist/`) becomes one clear error instead of Node's
 * module-resolution message or an unhandled rejection.
 */
export async function loadChunk<T>(what: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load()
  } catch (e) {
    const err = e as NodeJS.ErrnoException
    if (err.code !== 'ERR_MODULE_NOT_FOUND') throw e
    const file = /Cannot find module '([^']+)'/.exec(err.message)?.[1] ?? err.message
    throw new Error(
      `${file} (the ${what} code of pdd-sync) is missing: the dist/ folder is incomplete; ` +
        'use a complete release (every dist/*.js file).'
    )
  }
}

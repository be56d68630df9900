import type { DirectoryCache } from './pdd-install.js'

/** `@actions/cache`, imported when first used: a chunk of its own that a run without a cache never loads. */
const actionsCache = (): Promise<typeof import('@actions/cache')> => import('@actions/cache')

/** {@link DirectoryCache} backed by the GitHub Actions cache service; a no-op where the service is absent. */
export class ActionsCache implements DirectoryCache {
  async restore(dir: string, key: string): Promise<boolean> {
    const cache = await actionsCache()
    if (!cache.isFeatureAvailable()) return false
    return (await cache.restoreCache([dir], key)) === key
  }

  async save(dir: string, key: string): Promise<void> {
    const cache = await actionsCache()
    if (!cache.isFeatureAvailable()) return
    try {
      await cache.saveCache([dir], key)
    } catch (e) {
      // Another job saved the same key first: that cache is as good as ours.
      if ((e as Error).name === 'ReserveCacheError') return
      throw e
    }
  }
}

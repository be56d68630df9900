/**
 * Setup file (every test file, isolated or not): removes the folders `tempDir` made. A test of a concurrent block
 * runs beside others whose folders are in the same list: its folders go when the file ends instead.
 */
import { afterAll, afterEach } from 'vitest'
import { removeTempDirs } from './git-repo.js'

afterEach(ctx => {
  if (!ctx.task.concurrent) removeTempDirs()
})
// A file's folders can be large (a pdd-cli venv: ~47,000 files) and a loaded machine slow to delete them.
afterAll(removeTempDirs, 300_000)

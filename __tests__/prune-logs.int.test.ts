/**
 * The CLI's log folders are pruned to the newest runs (src/cli/prune-logs.ts), on a real file system, and nothing
 * else in the logs folder (or outside it, through a link) is ever removed.
 */
import { randomUUID } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { keepLogs } from '../src/cli/logs.js'
import { KEEP_RUNS, pruneRunLogs } from '../src/cli/prune-logs.js'
import { Redactor } from '../src/trust/redact.js'
import { tempDir } from './helpers/git-repo.js'
import { CollectingReporter } from './helpers/install-cache.js'

const DAY = 86_400

/** `count` run folders, the first the oldest (one day apart), each holding a log file. */
function runFolders(root: string, count: number): string[] {
  const names = Array.from({ length: count }, () => `pdd-sync-logs-${randomUUID()}`)
  const now = Date.now() / 1000
  names.forEach((name, i) => {
    const dir = path.join(root, name, 'calc')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'pdd-output.log'), 'log\n')
    const t = now - (count - i) * DAY
    utimesSync(path.join(root, name), t, t)
  })
  return names
}

describe('pruneRunLogs', () => {
  it('keeps the newest runs, the current one counted as the newest, and removes the rest oldest first', async () => {
    const root = tempDir()
    const names = runFolders(root, 8)
    const current = names[0] as string // the oldest modification time, yet this run's: it stays
    const r = await pruneRunLogs(root, current, 4)
    expect(r).toEqual({ removed: names.slice(1, 5) })
    expect(readdirSync(root).sort()).toEqual([current, ...names.slice(5)].sort())
  })

  it('leaves everything that is not a run folder: other names, files, and links (never followed)', async () => {
    const root = tempDir()
    const outside = tempDir()
    writeFileSync(path.join(outside, 'precious.txt'), 'keep me\n')
    const names = runFolders(root, 3)
    const linkName = `pdd-sync-logs-${randomUUID()}`
    symlinkSync(outside, path.join(root, linkName))
    writeFileSync(path.join(root, `pdd-sync-logs-${randomUUID()}`), 'a file with a run name\n')
    mkdirSync(path.join(root, 'pdd-sync-logs-not-a-uuid'))
    mkdirSync(path.join(root, 'my-notes'))
    const before = readdirSync(root).length
    const r = await pruneRunLogs(root, 'pdd-sync-logs-current', 1)
    expect(r).toEqual({ removed: names })
    expect(readdirSync(root)).toHaveLength(before - 3)
    expect(existsSync(path.join(root, linkName, 'precious.txt'))).toBe(true)
    expect(existsSync(path.join(outside, 'precious.txt'))).toBe(true)
    expect(existsSync(path.join(root, 'pdd-sync-logs-not-a-uuid'))).toBe(true)
    expect(existsSync(path.join(root, 'my-notes'))).toBe(true)
  })

  it('a logs folder that does not exist yet is nothing to prune', async () => {
    expect(await pruneRunLogs(path.join(tempDir(), 'none'), 'x')).toEqual({ removed: [] })
  })

  it('keeps at most as many as there are (no removal below the limit)', async () => {
    const root = tempDir()
    runFolders(root, 3)
    expect(await pruneRunLogs(root, 'x', KEEP_RUNS)).toEqual({ removed: [] })
    expect(readdirSync(root)).toHaveLength(3)
  })
})

describe('keepLogs prunes after a run', () => {
  it(`leaves the newest ${KEEP_RUNS} run folders and says how many it removed`, async () => {
    const root = tempDir()
    const names = runFolders(root, KEEP_RUNS + 5)
    const name = `pdd-sync-logs-${randomUUID()}`
    const reporter = new CollectingReporter()
    // No group wrote logs this time (scratch missing): nothing is kept, the old folders are still pruned.
    const kept = await keepLogs(
      { root, scratch: path.join(tempDir(), 'missing'), name },
      new Redactor([]),
      reporter
    )
    expect(kept).toBeNull()
    expect(readdirSync(root).sort()).toEqual(names.slice(6).sort())
    expect(reporter.of('info')).toContain(
      `Logs: removed 6 older run folder(s) from ${root} (the newest ${KEEP_RUNS} stay).`
    )
  })
})

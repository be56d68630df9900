/**
 * The run lock left by a killed run whose pid the next run gets again. In a container the CLI's `node` is pid 1
 * in every run: before the fix a lock left by a run killed with SIGKILL (the container stopped) named pid 1,
 * which the next run saw alive (itself), so every later run said "Another pdd-sync run is in progress" for
 * ever. Now a lock naming this process that this process does not hold is stale (src/execute/run-lock.ts).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireRunLock, LOCK_FILE, RunLockBusy } from '../src/execute/run-lock.js'

describe('a lock naming this process’s own pid', () => {
  it('left by an earlier process with the same pid is taken over; one this process holds is still busy', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdd-sync-lock-'))
    const file = path.join(dir, LOCK_FILE)
    writeFileSync(file, JSON.stringify({ pid: process.pid, since: '2026-01-01T00:00:00Z' }))
    const lock = await acquireRunLock(dir)
    expect((JSON.parse(readFileSync(file, 'utf8')) as { since: string }).since).not.toBe(
      '2026-01-01T00:00:00Z'
    )
    await expect(acquireRunLock(dir)).rejects.toBeInstanceOf(RunLockBusy)
    await lock.release()
    expect(existsSync(file)).toBe(false)
  })
})

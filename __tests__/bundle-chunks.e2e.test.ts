/**
 * The action bundle starts without the packages only some runs use (docs/architecture.md, "Bundle"):
 * `@actions/artifact` and `@actions/cache` are chunk files next to `index.js`, read only when used.
 */
import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ROOT, TEST_DIST } from './helpers/bundles.js'

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true })
})

/** Strings of the two packages' own code (artifact name validation, the cache service's feature check). */
const LAZY_MARKERS = ['Artifact name is valid', 'ACTIONS_CACHE_URL']

/** Whether a chunk file carries @actions/artifact or @actions/cache code. */
function isLazyChunk(f: string): boolean {
  const text = readFileSync(path.join(TEST_DIST, f), 'utf8')
  return LAZY_MARKERS.some(m => text.includes(m))
}

/**
 * Copies the action bundle into a fresh folder with the repository's package.json (ES modules): `index.js` and
 * the action's own chunk (`main`, imported once the event file is checked), and with `withChunks` also the chunks
 * of @actions/artifact and @actions/cache.
 */
function copyBundle(withChunks: boolean): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdd-sync-chunks-'))
  dirs.push(dir)
  copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'))
  for (const f of readdirSync(TEST_DIST)) {
    const chunk = /^\d+\.index\.js$/.test(f)
    if (f === 'index.js' || (chunk && (withChunks || !isLazyChunk(f))))
      copyFileSync(path.join(TEST_DIST, f), path.join(dir, f))
  }
  return dir
}

/** Runs the bundled action with an invalid `mode`: it reads its inputs and stops there. */
function coldStart(dir: string): { status: number | null; out: string } {
  const out = path.join(dir, 'output')
  writeFileSync(out, '')
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith('INPUT_') && !k.startsWith('GITHUB_'))
  )
  const r = spawnSync(process.execPath, [path.join(dir, 'index.js')], {
    cwd: dir,
    env: { ...clean, INPUT_MODE: 'not-a-mode', GITHUB_OUTPUT: out, GITHUB_WORKSPACE: dir },
    encoding: 'utf8'
  })
  return { status: r.status, out: r.stdout + r.stderr }
}

describe('the action bundle', () => {
  it('keeps @actions/artifact and @actions/cache out of index.js, in chunk files beside it', () => {
    const chunks = readdirSync(TEST_DIST).filter(f => /^\d+\.index\.js$/.test(f))
    expect(chunks.length).toBeGreaterThan(0)
    const index = readFileSync(path.join(TEST_DIST, 'index.js'), 'utf8')
    const chunkText = chunks.map(f => readFileSync(path.join(TEST_DIST, f), 'utf8')).join('\n')
    for (const marker of LAZY_MARKERS) {
      expect(index).not.toContain(marker)
      expect(chunkText).toContain(marker)
    }
  })

  it('starts and reads its inputs without the chunk files of @actions/artifact and @actions/cache', () => {
    const without = coldStart(copyBundle(false))
    expect(without.status).toBe(1)
    expect(without.out).toMatch(/Input "mode" must be one of plan, run, shard, finalize; got "not-a-mode"/)
    // The same answer with them: they change nothing until an artifact or a cache is used.
    const withChunks = coldStart(copyBundle(true))
    expect(withChunks.status).toBe(1)
    expect(withChunks.out).toBe(without.out)
  })
})

import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ContainmentCheck } from '../src/state/contained.js'
import { FileCache, sha256 } from '../src/state/files.js'
import { findCycles, topoOrder } from '../src/plan/graph.js'
import { tempDir, writeFiles } from './helpers/git-repo.js'

const hex = (...parts: (string | Buffer)[]): string => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest('hex')
}

/** Bytes of a given size whose content differs along the file (a wrong offset shows in the hash). */
const bytes = (size: number, seed = 1): Buffer => {
  const b = Buffer.alloc(size)
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed) & 0xff
  return b
}

describe('FileCache reads', () => {
  const files: Record<string, Buffer> = {
    'small.txt': Buffer.from('hello\n'),
    'chunk.bin': bytes(64 * 1024),
    'large.bin': bytes(200 * 1024, 7),
    'empty.txt': Buffer.alloc(0),
    'sub/deep.txt': Buffer.from('deep\n')
  }
  /** A fresh folder with the files (temporary folders are removed after each test). */
  const repo = (): string => {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'sub'), { recursive: true })
    mkdirSync(path.join(dir, 'folder'))
    for (const [rel, b] of Object.entries(files)) writeFileSync(path.join(dir, rel), b)
    return dir
  }

  it('hashes small, chunk-sized, large and empty files as their bytes', () => {
    const cache = new FileCache(repo())
    for (const [rel, b] of Object.entries(files)) expect(cache.hash(rel), rel).toBe(hex(b))
  })

  it('reads a folder, a missing path and an escaping path as null', () => {
    const cache = new FileCache(repo())
    expect(cache.read('folder')).toBeNull()
    expect(cache.hash('folder')).toBeNull()
    expect(cache.read('missing.txt')).toBeNull()
    expect(cache.read('../small.txt')).toBeNull()
  })

  it('keeps bytes read to be kept, whatever is read after them', () => {
    const cache = new FileCache(repo())
    const kept = cache.peek('small.txt', 1024)
    const read = cache.read('sub/deep.txt')
    // Reads that go through the reused buffer must not change the kept bytes.
    cache.hash('large.bin')
    cache.hash('chunk.bin')
    expect(cache.readOnce('empty.txt')?.length).toBe(0)
    expect(kept?.toString()).toBe('hello\n')
    expect(read?.toString()).toBe('deep\n')
  })

  it('gives the bytes of a file read once, valid until the next read', () => {
    const cache = new FileCache(repo())
    expect(cache.readOnce('sub/deep.txt')?.toString()).toBe('deep\n')
    expect(hex(cache.readOnce('large.bin') as Buffer)).toBe(hex(files['large.bin'] as Buffer))
    expect(cache.readOnce('small.txt')?.toString()).toBe('hello\n')
  })

  it('lists a file over the limit as oversized, small or large, and still hashes it', () => {
    const cache = new FileCache(repo(), 4)
    expect(cache.read('small.txt')).toBeNull()
    expect(cache.readOnce('large.bin')).toBeNull()
    expect(cache.oversized.get('small.txt')).toBe(6)
    expect(cache.oversized.get('large.bin')).toBe(200 * 1024)
    expect(cache.peek('sub/deep.txt', 2)).toBeNull()
    expect(cache.oversized.has('sub/deep.txt')).toBe(false)
    expect(cache.hash('large.bin')).toBe(hex(files['large.bin'] as Buffer))
    expect(cache.hash('chunk.bin')).toBe(hex(files['chunk.bin'] as Buffer))
  })
})

describe('sha256', () => {
  it('hashes one buffer or several as their concatenation', () => {
    const a = Buffer.from('prompt\n')
    const b = bytes(3000)
    expect(sha256(a)).toBe(hex(a))
    expect(sha256(a, b, a)).toBe(hex(a, b, a))
    expect(sha256()).toBe(hex())
  })
})

describe('ContainmentCheck.holdsNoLinks', () => {
  it('is true only for a plain folder inside the root without symlinks', () => {
    const root = tempDir()
    const outside = mkdtempSync(path.join(tmpdir(), 'pdd-sync-outside-'))
    writeFiles(root, { '.pdd/meta/a.json': '{}', 'linked/b.json': '{}' })
    symlinkSync(path.join(outside, 'x.json'), path.join(root, 'linked', 'x.json'))
    symlinkSync(outside, path.join(root, 'out'))
    const check = new ContainmentCheck(root)
    expect(check.holdsNoLinks('.pdd/meta')).toBe(true)
    expect(check.holdsNoLinks('linked')).toBe(false)
    expect(check.escaping('linked/x.json')).toBe('linked/x.json')
    expect(check.holdsNoLinks('out')).toBe(false)
    expect(check.holdsNoLinks('missing')).toBe(false)
    expect(check.holdsNoLinks('.pdd/./meta')).toBe(false)
    expect(check.holdsNoLinks('')).toBe(false)
  })
})

describe('dependency order without edges', () => {
  it('orders ids by code unit and finds no cycle', () => {
    const ids = ['b_python', 'a_python', 'B_python', 'é_python', 'a_typescript']
    const edges = new Map(ids.map(id => [id, [] as string[]]))
    expect(findCycles(ids, edges)).toEqual([])
    expect(topoOrder(ids, edges, [])).toEqual([...ids].sort())
    expect(ids[0]).toBe('b_python')
  })
})

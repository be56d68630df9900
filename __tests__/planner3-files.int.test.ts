import { createHash } from 'node:crypto'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileCache, sha256 } from '../src/state/files.js'
import { FsView } from '../src/pycompat/fsview.js'
import { comparePy, sortPy } from '../src/pycompat/pyfn.js'
import { dependencyEdges } from '../src/plan/graph.js'
import type { Unit } from '../src/types.js'
import { tempDir } from './helpers/git-repo.js'

const hex = (...parts: Buffer[]): string => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest('hex')
}

/** Bytes whose content differs along the buffer (a wrong offset or a stale byte shows in the hash). */
const bytes = (size: number, seed: number): Buffer => {
  const b = Buffer.alloc(size)
  for (let i = 0; i < size; i++) b[i] = (i * 31 + seed) & 0xff
  return b
}

describe('sha256 of several parts (joined in a reused buffer)', () => {
  it('hashes each call from its own bytes only: growing, shrinking, and past the join limit', () => {
    const sizes = [[10, 20], [40_000, 3], [5, 5, 5], [700_000, 400_000], [1], [16 * 1024, 1], [0, 0]]
    sizes.forEach((group, k) => {
      const parts = group.map((n, i) => bytes(n, k * 7 + i))
      expect(sha256(...parts)).toBe(hex(...parts))
    })
  })

  it('leaves the parts as they were', () => {
    const a = bytes(100, 1)
    const b = bytes(200, 2)
    const copies = [Buffer.from(a), Buffer.from(b)]
    sha256(a, b)
    expect(a.equals(copies[0] as Buffer) && b.equals(copies[1] as Buffer)).toBe(true)
  })
})

describe('FileCache text', () => {
  it('decodes a prompt once as UTF-8 and gives the same text to every reader', () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'prompts'))
    const text = 'Write ä, ß and 漢字 — then <include>x.md</include>\n'
    writeFileSync(path.join(dir, 'prompts/a_python.prompt'), text)
    const files = new FileCache(dir)
    const first = files.peekText('prompts/a_python.prompt', 1024)
    expect(first).toBe(text)
    expect(files.readText('prompts/a_python.prompt')).toBe(first)
    expect(files.read('prompts/a_python.prompt')?.toString('utf8')).toBe(text)
  })

  it('is null for a missing file, a folder, a file over the limit, and a link out of the root', () => {
    const dir = tempDir()
    const outside = tempDir()
    writeFileSync(path.join(outside, 'secret.txt'), 'secret')
    mkdirSync(path.join(dir, 'folder'))
    writeFileSync(path.join(dir, 'big.prompt'), 'x'.repeat(2000))
    symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'out.prompt'))
    const files = new FileCache(dir)
    expect(files.peekText('missing.prompt', 1024)).toBeNull()
    expect(files.peekText('folder', 1024)).toBeNull()
    expect(files.peekText('big.prompt', 1000)).toBeNull()
    expect(files.readText('out.prompt')).toBeNull()
    // Over the peek limit is not remembered: a later read without that limit still gets the file.
    expect(files.readText('big.prompt')).toBe('x'.repeat(2000))
  })
})

describe('FsView answers for paths from alternating folders', () => {
  it('match a fresh view asked about one path at a time', () => {
    const dir = tempDir()
    mkdirSync(path.join(dir, 'a'))
    mkdirSync(path.join(dir, 'b'))
    mkdirSync(path.join(dir, 'real'))
    writeFileSync(path.join(dir, 'a/x.py'), '')
    writeFileSync(path.join(dir, 'real/y.py'), '')
    symlinkSync(path.join(dir, 'real'), path.join(dir, 'b/link'))
    const paths = [
      'a/x.py',
      'b/link/y.py',
      'a/missing.py',
      'b/link/z.py',
      'a/x.py',
      'b/link',
      'a',
      'real/y.py'
    ]
    const shared = new FsView(dir)
    for (const p of paths.map(q => path.join(dir, q))) {
      expect(shared.stat(p)).toEqual(new FsView(dir).stat(p))
    }
    expect(shared.realpath(path.join(dir, 'b/link/y.py'))).toBe(path.join(dir, 'real/y.py'))
    expect(shared.stat(path.join(dir, 'b/link/y.py')).symlinked).toBe(true)
    expect(shared.stat(path.join(dir, 'a/x.py')).symlinked).toBe(false)
  })
})

describe('dependencyEdges over included files only', () => {
  const unit = (basename: string, includes: string[], pending?: string[]): Unit => ({
    id: `${basename}_python`,
    basename,
    language: 'python',
    context: 'default',
    paths: {
      prompt: `prompts/${basename}_python.prompt`,
      code: `${basename}.py`,
      example: `examples/${basename}_example.py`,
      test: `test_${basename}.py`
    },
    projectRoot: '.',
    metaDir: '.pdd/meta',
    testFiles: [`test_${basename}.py`, `test_${basename}_more.py`],
    includes,
    ...(pending ? { pendingIncludes: pending } : {})
  })

  it('finds owners by any of their files (pending includes too), without self or duplicate edges', () => {
    const many = Array.from({ length: 20 }, (_, i) => unit(`m${String(i).padStart(2, '0')}`, []))
    const hub = unit(
      'hub',
      [...many.map(u => u.paths.code), ...many.map(u => u.paths.example), 'hub.py', 'context/none.md'],
      ['test_m00_more.py', 'prompts/m01_python.prompt']
    )
    const edges = dependencyEdges([hub, ...many, unit('solo', [])])
    expect(edges.get('hub_python')).toEqual(many.map(u => u.id))
    expect(edges.get('solo_python')).toEqual([])
    expect(edges.get('m00_python')).toEqual([])
  })
})

describe('sortPy on short lists', () => {
  it('orders as a full sort by code point does, for every length up to past the short-list limit', () => {
    const alphabet = ['a', 'B', '_', 'é', '\uffff', '😀', 'a/b', '']
    let seed = 7
    const pick = (): string => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return alphabet[seed % alphabet.length] as string
    }
    for (let n = 0; n <= 12; n++) {
      for (let round = 0; round < 40; round++) {
        const list = Array.from({ length: n }, () => pick() + pick())
        expect(sortPy([...list])).toEqual([...list].sort(comparePy))
      }
    }
  })
})

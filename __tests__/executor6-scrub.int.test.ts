import { mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync, type Dirent } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { git, tempDir, writeFiles } from './helpers/git-repo.js'
import { loggingGit } from './helpers/logging-git.js'

const commands = (calls: string[]): string[] =>
  calls.map(c => c.split(' ').find(w => !w.startsWith('-') && !w.includes('=')) ?? c)

/** A byte path below `dir` (file names that are not UTF-8). */
const bytes = (dir: string, ...name: number[]): Buffer =>
  Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name)])

/** Every path below `root` (latin1, one character a byte) with its kind, the `.git` file left out. */
function listing(root: string, rel = ''): string[] {
  const dir = rel === '' ? Buffer.from(root) : Buffer.from(`${root}/${rel}`, 'latin1')
  const out: string[] = []
  for (const e of readdirSync(dir, { withFileTypes: true, encoding: 'buffer' }) as Dirent<Buffer>[]) {
    const name = e.name.toString('latin1')
    if (rel === '' && name === '.git') continue
    const sub = rel === '' ? name : `${rel}/${name}`
    out.push(`${sub} ${e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : 'file'}`)
    if (e.isDirectory()) out.push(...listing(root, sub))
  }
  return out.sort()
}

interface Variant {
  /** This many more tracked files (`many/f<i>`). */
  many?: number
  objectFormat?: 'sha256'
  indexVersion?: number
  splitIndex?: boolean
  /** `sparse-checkout` patterns: entries outside have the skip-worktree flag (an index of version 3). */
  sparse?: string[]
  sparseIndex?: boolean
}

/**
 * A repository (tracked files in folders, a `.gitignore`, names that are not UTF-8) and two linked worktrees at
 * its commit, each then left as a group might leave it: a tracked file changed, untracked and ignored files and
 * folders, a nested repository, links (one to a folder outside that must survive).
 */
async function twins(
  v: Variant
): Promise<{ a: Git; b: string; head: string; outside: string; calls: () => string[] }> {
  const dir = path.join(tempDir(), 'repo')
  git(
    path.dirname(dir),
    'init',
    '-q',
    '-b',
    'main',
    ...(v.objectFormat ? [`--object-format=${v.objectFormat}`] : []),
    dir
  )
  if (v.indexVersion) git(dir, 'config', 'index.version', String(v.indexVersion))
  if (v.splitIndex) git(dir, 'config', 'core.splitIndex', 'true')
  writeFiles(dir, {
    'a.py': 'a\n',
    '.gitignore': '*.log\nvenv/\n',
    'src/x.py': 'x\n',
    'deep/a/b/c.txt': 'c\n',
    'é.txt': 'e\n'
  })
  writeFileSync(bytes(dir, 0x63, 0xe9), 'latin1 name\n')
  writeFiles(dir, Object.fromEntries(Array.from({ length: v.many ?? 0 }, (_, i) => [`many/f${i}`, ''])))
  git(dir, 'add', '-A')
  git(dir, 'commit', '-qm', 'base')
  const head = git(dir, 'rev-parse', 'HEAD').trim()
  const logged = loggingGit()
  const main = await Git.open(dir, logged.env)
  const outside = tempDir('pdd-sync-outside-')
  writeFiles(outside, { 'keep.txt': 'kept\n' })
  const made: string[] = []
  for (const name of ['a', 'b']) {
    const wt = path.join(tempDir('pdd-sync-wt-'), name)
    await main.addWorktree(wt, head)
    if (v.indexVersion) git(wt, 'update-index', '--index-version', String(v.indexVersion))
    if (v.sparse) git(wt, 'sparse-checkout', 'set', '--no-cone', ...v.sparse)
    if (v.sparseIndex) git(wt, 'sparse-checkout', 'set', '--cone', '--sparse-index', 'src')
    writeFiles(wt, {
      'a.py': 'changed\n',
      'src/new.py': 'n\n',
      'newdir/deep/x.txt': 'x\n',
      'crash.log': 'l\n',
      'venv/lib/x.py': 'v\n',
      'deep/a/b/d.txt': 'd\n',
      'deep/a/z/y.txt': 'y\n',
      '.pdd/meta/a_python.json': '{}',
      'ü.txt': 'u\n'
    })
    writeFileSync(bytes(wt, 0x64, 0xe9), 'untracked latin1 name\n')
    mkdirSync(path.join(wt, 'emptydir'))
    git(path.join(wt, 'newdir'), 'init', '-q', 'nested')
    symlinkSync(outside, path.join(wt, 'out'))
    symlinkSync('../a.py', path.join(wt, 'src', 'lnk'))
    made.push(wt)
  }
  return { a: main.at(made[0] as string), b: made[1] as string, head, outside, calls: logged.calls }
}

/** `scrubWorktree` on one twin, `reset --hard` + `clean -ffdx` on the other: the same files are left. */
async function scrubBoth(v: Variant): Promise<{ calls: string[]; index: Buffer; a: string }> {
  const t = await twins(v)
  const before = t.calls().length
  await t.a.scrubWorktree(t.head)
  const calls = commands(t.calls().slice(before))
  git(t.b, 'reset', '--hard', '--quiet', t.head)
  git(t.b, 'clean', '-ffdxq')
  expect(listing(t.a.root)).toEqual(listing(t.b))
  expect(listing(t.a.root)).toContain(v.sparseIndex ? 'src/x.py file' : 'deep/a/b/c.txt file')
  expect(listing(t.a.root)).toContain(v.sparseIndex ? 'a.py file' : 'c\xe9 file')
  expect(git(t.a.root, 'status', '--porcelain', '--ignored', '--untracked-files=all')).toBe('')
  expect(readFileSync(path.join(t.a.root, 'a.py'), 'utf8')).toBe('a\n')
  expect(readFileSync(path.join(t.outside, 'keep.txt'), 'utf8')).toBe('kept\n')
  const gitDir = git(t.a.root, 'rev-parse', '--absolute-git-dir').trim()
  return { calls, index: readFileSync(path.join(gitDir, 'index')), a: t.a.root }
}

describe('scrubWorktree: a pooled worktree cleaned as `git clean -ffdx` would, without its process (real git)', () => {
  it('index version 2: one git process (`reset`), the same files left as reset + clean leave', async () => {
    const r = await scrubBoth({})
    expect(r.index.readUInt32BE(4)).toBe(2)
    expect(r.calls).toEqual(['reset'])
  })

  it('index version 4 (prefix-compressed names), version 3 (skip-worktree flags), SHA-256 ids: the same', async () => {
    const v4 = await scrubBoth({ indexVersion: 4 })
    expect(v4.index.readUInt32BE(4)).toBe(4)
    expect(v4.calls).toEqual(['reset'])
    const v3 = await scrubBoth({ sparse: ['/*', '!/src/x.py'] })
    expect(v3.index.readUInt32BE(4)).toBe(3)
    expect(v3.calls).toEqual(['reset'])
    const sha256 = await scrubBoth({ objectFormat: 'sha256' })
    expect(sha256.index.length).toBeGreaterThan(0)
    expect(sha256.calls).toEqual(['reset'])
  })

  it('a split index (its entries elsewhere) or a sparse index (folder entries): git cleans, the same files left', async () => {
    expect((await scrubBoth({ splitIndex: true })).calls).toEqual(['reset', 'clean'])
    expect((await scrubBoth({ sparseIndex: true })).calls).toEqual(['reset', 'clean'])
  })

  it('more than 5,000 index entries (the walk would hold the event loop longer than a process): git cleans', async () => {
    expect((await scrubBoth({ many: 5000 })).calls).toEqual(['reset', 'clean'])
  }, 60_000)
})

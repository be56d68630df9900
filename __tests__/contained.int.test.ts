import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ContainmentCheck, escapingComponent } from '../src/state/contained.js'
import { tempDir } from './helpers/git-repo.js'

/** A repository with symlinks in, out and dangling, at the folder and at the file. */
function layout(): string {
  const dir = tempDir()
  const outside = tempDir()
  mkdirSync(path.join(dir, '.pdd/meta'), { recursive: true })
  mkdirSync(path.join(dir, 'inner'), { recursive: true })
  mkdirSync(path.join(dir, 'sub'), { recursive: true })
  writeFileSync(path.join(dir, '.pdd/meta/a_python.json'), '{}')
  writeFileSync(path.join(dir, 'inner/x.json'), '{}')
  writeFileSync(path.join(dir, 'plain'), 'x')
  symlinkSync(path.join(outside, 'secret.json'), path.join(dir, '.pdd/meta/b_python.json'))
  symlinkSync(path.join(dir, 'inner/x.json'), path.join(dir, '.pdd/meta/c_python.json'))
  symlinkSync(path.join(dir, 'nowhere'), path.join(dir, '.pdd/meta/d_python_run.json'))
  symlinkSync(outside, path.join(dir, 'sub/out'))
  symlinkSync(path.join(dir, 'inner'), path.join(dir, 'sub/in'))
  mkdirSync(path.join(outside, 'meta'))
  return dir
}

const PATHS = [
  '.pdd',
  '.pdd/meta',
  '.pdd/meta/a_python.json',
  '.pdd/meta/a_python_run.json',
  '.pdd/meta/b_python.json',
  '.pdd/meta/c_python.json',
  '.pdd/meta/d_python_run.json',
  '.pdd/meta/A_PYTHON.json',
  'sub/out',
  'sub/out/meta/x.json',
  'sub/in/x.json',
  'sub/in/missing/deeper.json',
  'plain/below.json',
  'missing/.pdd/meta',
  './.pdd//meta/b_python.json',
  '../outside.json',
  '/etc/passwd'
]

describe('ContainmentCheck', () => {
  it('answers every path as escapingComponent does, each asked twice', () => {
    const dir = layout()
    const check = new ContainmentCheck(dir)
    const want = PATHS.map(p => escapingComponent(dir, p))
    expect(PATHS.map(p => check.escaping(p))).toEqual(want)
    expect(PATHS.map(p => check.escaping(p))).toEqual(want)
    // The cases the table must cover: a file link out, a dangling link, a folder link out, inside links.
    expect(want).toEqual([
      null,
      null,
      null,
      null,
      '.pdd/meta/b_python.json',
      null,
      '.pdd/meta/d_python_run.json',
      null,
      'sub/out',
      'sub/out',
      null,
      null,
      null,
      null,
      '.pdd/meta/b_python.json',
      '../outside.json',
      '/etc/passwd'
    ])
  })

  it('sees a link created under a folder judged as missing only in a new check (answers are per plan)', () => {
    const dir = tempDir()
    const check = new ContainmentCheck(dir)
    expect(check.escaping('.pdd/meta/x.json')).toBeNull()
    mkdirSync(path.join(dir, '.pdd'))
    symlinkSync(tempDir(), path.join(dir, '.pdd/meta'))
    expect(new ContainmentCheck(dir).escaping('.pdd/meta/x.json')).toBe('.pdd/meta')
  })
})

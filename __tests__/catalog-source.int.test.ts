/**
 * Which catalog PDD will load (home, PDD_PATH, the project's as committed, packaged), read from a real git
 * repository, and the push check against a real bare origin.
 */
import { chmodSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { findCatalog, parseDotenv } from '../src/preflight/catalog-source.js'
import { checkPushAccess } from '../src/preflight/push-access.js'
import { git, makeRepo, tempDir, writeFiles } from './helpers/git-repo.js'

const CSV = 'provider,model\n'

async function source(
  files: Record<string, string>,
  o: { sub?: string; env?: Record<string, string>; version?: string; untracked?: Record<string, string> } = {}
): Promise<Awaited<ReturnType<typeof findCatalog>>> {
  const repo = makeRepo(files)
  if (o.untracked) writeFiles(repo.dir, o.untracked)
  const g = await Git.open(repo.dir)
  return findCatalog({
    git: g,
    commit: git(repo.dir, 'rev-parse', 'HEAD').trim(),
    repoRoot: path.join(repo.dir, o.sub ?? ''),
    env: { HOME: tempDir('home-'), ...o.env },
    pddVersion: o.version
  })
}

describe('findCatalog: the lookup order of pdd/llm_invoke.py', () => {
  it('the project catalog, as committed', async () => {
    const s = await source({ '.pdd/llm_model.csv': CSV + 'A,x\n', 'p.prompt': '' })
    expect(s.catalog).toEqual({ label: '.pdd/llm_model.csv', text: CSV + 'A,x\n' })
  })

  it('~/.pdd/llm_model.csv wins over the project catalog', async () => {
    const home = tempDir('home-')
    writeFiles(home, { '.pdd/llm_model.csv': CSV + 'H,home\n' })
    const s = await source({ '.pdd/llm_model.csv': CSV }, { env: { HOME: home } })
    expect(s.catalog?.text).toBe(CSV + 'H,home\n')
    expect(s.catalog?.label).toMatch(/^~\/\.pdd\/llm_model\.csv/)
  })

  it('$PDD_PATH/.pdd/llm_model.csv comes before the project one', async () => {
    const dir = tempDir('pdd-path-')
    writeFiles(dir, { '.pdd/llm_model.csv': CSV + 'P,path\n', '.env': 'FROM_PDD_PATH=1\n' })
    const s = await source({ '.pdd/llm_model.csv': CSV, '.env': 'FROM_REPO=1\n' }, { env: { PDD_PATH: dir } })
    expect(s.catalog?.text).toBe(CSV + 'P,path\n')
    expect(s.dotenv).toEqual({ FROM_PDD_PATH: '1' })
  })

  it('no catalog: the packaged one, known only for the pdd-cli version this build carries', async () => {
    const known = await source({ 'a.prompt': '' }, { version: '0.0.310' })
    expect(known.catalog).toBeNull()
    expect(known.packaged?.text).toMatch(/^provider,model,input,output/)
    const other = await source({ 'a.prompt': '' }, { version: '0.0.999' })
    expect(other.packaged).toBeNull()
  })

  it('an uncommitted project catalog is not what pdd reads in its worktree: a warning says so', async () => {
    const s = await source({ 'a.prompt': '' }, { untracked: { '.pdd/llm_model.csv': CSV } })
    expect(s.catalog).toBeNull()
    expect(s.warnings.join()).toMatch(/\.pdd\/llm_model\.csv is in the checkout but not committed/)
  })

  it.each([
    [
      'a project folder with pyproject.toml is the root',
      { 'sub/pyproject.toml': '', 'sub/.pdd/llm_model.csv': CSV },
      'sub/.pdd/llm_model.csv'
    ],
    [
      'a project folder with data/ is the root',
      { 'sub/data/x': '', 'sub/.pdd/llm_model.csv': CSV },
      'sub/.pdd/llm_model.csv'
    ],
    [
      'without markers the repository top is the root',
      { 'sub/a.prompt': '', '.pdd/llm_model.csv': CSV, 'sub/.pdd/llm_model.csv': CSV },
      '.pdd/llm_model.csv'
    ]
  ])('working-directory below the top: %s', async (_n, files, label) => {
    const s = await source(files, { sub: 'sub' })
    expect(s.catalog?.label).toBe(label)
  })

  it('a committed .env at the project root adds variables', async () => {
    const s = await source({ '.env': '# keys\nexport OPENAI_API_KEY="sk-x"\nEMPTY=\nB=2 # note\n' })
    expect(s.dotenv).toEqual({ OPENAI_API_KEY: 'sk-x', B: '2' })
    expect(parseDotenv("A='q'\nnot a line\n")).toEqual({ A: 'q' })
  })
})

describe('checkPushAccess against a bare origin', () => {
  it('a dry-run push that is refused fails with the fix, and nothing is pushed', async () => {
    const repo = makeRepo({ 'a.prompt': '' })
    // A push URL that cannot be pushed to (as a token without write access cannot push to GitHub).
    git(repo.dir, 'config', 'remote.origin.pushurl', path.join(tempDir(), 'missing.git'))
    const g = await Git.open(repo.dir)
    const head = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const v = await checkPushAccess({
      git: g,
      remote: 'origin',
      commit: head,
      branch: 'pdd-sync/main',
      api: null,
      pushTokenGiven: false
    })
    expect(v.status).toBe('fail')
    expect(v.status === 'fail' && v.message).toMatch(
      /cannot push the bot branch pdd-sync\/main to origin: a dry-run push failed: .*permissions: contents: write.*"push-token"/s
    )
  })

  it('an accepted dry-run push sends nothing', async () => {
    const repo = makeRepo({ 'a.prompt': '' })
    const g = await Git.open(repo.dir)
    const head = git(repo.dir, 'rev-parse', 'HEAD').trim()
    const hook = path.join(repo.origin, 'hooks', 'pre-receive')
    writeFileSync(hook, '#!/bin/sh\necho hook-ran >&2\nexit 1\n')
    chmodSync(hook, 0o755)
    const v = await checkPushAccess({
      git: g,
      remote: 'origin',
      commit: head,
      branch: 'pdd-sync/main',
      api: null,
      pushTokenGiven: false
    })
    expect(v).toMatchObject({
      status: 'undecided',
      note: expect.stringMatching(/dry-run push was accepted/) as unknown
    })
    expect(git(repo.origin, 'for-each-ref', '--format=%(refname)')).not.toMatch(/pdd-sync/)
  })
})

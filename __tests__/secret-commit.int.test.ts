/**
 * The git adapter writes no secret the job knows into git: a file holding one is refused (named, never shown),
 * and commit messages and notes are redacted. Real git, a fresh repository per test.
 */
import { describe, expect, it } from 'vitest'
import { Git, SecretInFileError } from '../src/adapters/git.js'
import { git, makeRepo, writeFiles } from './helpers/git-repo.js'

const SECRET = 'sk-proj-commitGuard0123456789'
const who = { name: 'bot', email: 'bot@example.com' }
const b64 = (s: string): string => Buffer.from(s).toString('base64')

async function repoWithSecret(): Promise<{ dir: string; g: Git }> {
  const repo = makeRepo({ 'README.md': 'hello\n' })
  return { dir: repo.dir, g: (await Git.open(repo.dir)).withSecrets([SECRET]) }
}

describe('Git.commitPaths refuses a file that holds a secret of the job', () => {
  it.each([
    ['raw', `API_KEY = "${SECRET}"\n`],
    ['inside a printed environment', `# environ({'OPENAI_API_KEY': '${SECRET}', 'HOME': '/root'})\n`],
    ['URL-encoded', `url = "https://x/?k=${encodeURIComponent(SECRET)}"\n`],
    ['base64 at an odd offset of a blob', `blob = "${b64(`xy${SECRET} and more`)}"\n`]
  ])('%s', async (_form, content) => {
    const { dir, g } = await repoWithSecret()
    const head = git(dir, 'rev-parse', 'HEAD').trim()
    writeFiles(dir, { 'leak.py': content, 'ok.py': 'x = 1\n' })
    const err = await g.commitPaths(['ok.py', 'leak.py'], 'add files', who).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(SecretInFileError)
    expect((err as SecretInFileError).files).toEqual(['leak.py'])
    expect((err as Error).message).not.toContain(SECRET)
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(head)
    expect(git(dir, 'diff', '--cached', '--name-only').trim()).toBe('')
  })

  it('a directory holding such a file is refused too; clean files commit', async () => {
    const { dir, g } = await repoWithSecret()
    writeFiles(dir, { 'tests/deep/t.py': SECRET, 'clean.py': 'x = 1\n' })
    await expect(g.commitPaths(['tests'], 'm', who)).rejects.toBeInstanceOf(SecretInFileError)
    expect(await g.commitPaths(['clean.py'], 'm', who)).toMatch(/^[0-9a-f]{40}$/)
  })

  it('commit messages and notes are redacted', async () => {
    const { dir, g } = await repoWithSecret()
    writeFiles(dir, { 'a.py': 'a = 1\n' })
    const sha = (await g.commitPaths(['a.py'], `sync: reason ${SECRET}`, who)) as string
    expect(git(dir, 'log', '-1', '--format=%B', sha).trim()).toBe('sync: reason ***')
    await g.writeNote('refs/notes/pdd-sync', sha, `{"reason":"${b64(`x-access-token:${SECRET}`)}"}\n`, who)
    expect(await g.readNote('refs/notes/pdd-sync', sha)).toBe('{"reason":"***"}\n')
  })

  it('without known secrets nothing is refused (the adapter guards only what the job gave it)', async () => {
    const repo = makeRepo({ 'README.md': 'hello\n' })
    const g = await Git.open(repo.dir)
    writeFiles(repo.dir, { 'k.py': SECRET })
    expect(await g.commitPaths(['k.py'], 'm', who)).toMatch(/^[0-9a-f]{40}$/)
  })
})

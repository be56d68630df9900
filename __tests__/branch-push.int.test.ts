import { execFileSync } from 'node:child_process'
import { chmodSync, realpathSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  authConfigEnv,
  Git,
  GitError,
  redactSecrets,
  tokenSecrets,
  type Identity
} from '../src/adapters/git.js'
import { BOT } from '../src/execute/execute.js'
import { deleteBranch, publishBranch, type PublishBranchOptions } from '../src/publish/branch.js'
import { cloneOf, git, gitEnv, makeRepo, tempDir, writeFiles, type TestRepo } from './helpers/git-repo.js'

const BRANCH = 'pdd-sync/main'
const LOCAL = `refs/heads/${BRANCH}`
const HUMAN: Identity = { name: 'Human', email: 'human@example.com' }

/** Commits every change in the work tree as `who` (author and committer). */
function commitAs(dir: string, who: Identity, files: Record<string, string>, message: string): string {
  writeFiles(dir, files)
  git(dir, 'add', '-A')
  const env = {
    ...gitEnv(),
    GIT_AUTHOR_NAME: who.name,
    GIT_AUTHOR_EMAIL: who.email,
    GIT_COMMITTER_NAME: who.name,
    GIT_COMMITTER_EMAIL: who.email
  }
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], { cwd: dir, env })
  return git(dir, 'rev-parse', 'HEAD').trim()
}

/** Rebuilds the local bot branch from `base` as the executor does: one bot commit with `files`, or none. */
function buildBot(dir: string, base: string, files: Record<string, string> = {}): string {
  git(dir, 'checkout', '-q', '--detach', base)
  const head = Object.keys(files).length > 0 ? commitAs(dir, BOT, files, 'pdd-sync: a') : base
  git(dir, 'update-ref', LOCAL, head)
  return head
}

function remoteSha(origin: string): string | null {
  try {
    return git(origin, 'rev-parse', '--verify', '-q', LOCAL).trim()
  } catch {
    return null
  }
}

async function setup(): Promise<{ repo: TestRepo; clone: string; base: string; opts: PublishBranchOptions }> {
  const repo = makeRepo({ 'a.txt': 'a' })
  const clone = cloneOf(repo.origin)
  const base = git(clone, 'rev-parse', 'HEAD').trim()
  const opts: PublishBranchOptions = {
    git: await Git.open(clone, gitEnv()),
    remote: 'origin',
    branch: BRANCH,
    localRef: LOCAL,
    base,
    identity: BOT,
    overwriteHumanCommits: false,
    allowWorkflowChanges: false
  }
  return { repo, clone, base, opts }
}

describe('publishBranch (real git, bare origin)', () => {
  it('creates the branch, then suppresses a push of identical content', async () => {
    const { repo, clone, base, opts } = await setup()
    const first = buildBot(clone, base, { 'a_gen.py': 'x = 1\n' })
    expect(await publishBranch(opts)).toMatchObject({ operation: 'pushed', remoteSha: null, head: first })
    expect(remoteSha(repo.origin)).toBe(first)
    const again = buildBot(clone, base, { 'a_gen.py': 'x = 1\n' })
    expect(again).not.toBe(first)
    expect(await publishBranch(opts)).toMatchObject({ operation: 'unchanged', remoteSha: first, head: first })
    expect(remoteSha(repo.origin)).toBe(first)
  })

  it('pushes new content with a lease, over bot commits made on an older base', async () => {
    const { repo, clone, base, opts } = await setup()
    const first = buildBot(clone, base, { 'a_gen.py': 'x = 1\n' })
    await publishBranch(opts)
    const newBase = repo.commit({ 'b.txt': 'b' })
    git(clone, 'fetch', '-q', 'origin', 'main')
    const second = buildBot(clone, newBase, { 'a_gen.py': 'x = 2\n' })
    const r = await publishBranch({ ...opts, base: newBase })
    expect(r).toMatchObject({ operation: 'pushed', remoteSha: first, head: second })
    expect(r.humanCommits).toBeUndefined()
    expect(remoteSha(repo.origin)).toBe(second)
  })

  it('leaves human commits on the remote bot branch alone unless told to overwrite them', async () => {
    const { repo, clone, base, opts } = await setup()
    const first = buildBot(clone, base, { 'a_gen.py': 'x = 1\n' })
    await publishBranch(opts)
    const other = cloneOf(repo.origin)
    git(other, 'checkout', '-q', BRANCH)
    const human = commitAs(other, HUMAN, { 'a_gen.py': 'x = 42  # tuned by hand\n' }, 'hand tuning')
    git(other, 'push', '-q', 'origin', BRANCH)
    const local = buildBot(clone, base, { 'a_gen.py': 'x = 2\n' })
    const refused = await publishBranch(opts)
    expect(refused).toMatchObject({
      operation: 'human-commits',
      remoteSha: human,
      head: human,
      humanCommits: [{ sha: human, author: 'Human <human@example.com>', subject: 'hand tuning' }]
    })
    expect(refused.message).toMatch(/1 commit\(s\) not made by github-actions\[bot\]/)
    expect(remoteSha(repo.origin)).toBe(human)
    const forced = await publishBranch({ ...opts, overwriteHumanCommits: true })
    expect(forced).toMatchObject({ operation: 'pushed', remoteSha: human, head: local })
    expect(forced.humanCommits?.map(c => c.sha)).toEqual([human])
    expect(remoteSha(repo.origin)).toBe(local)
    expect(first).not.toBe(local)
  })

  it('reports a lease failure when someone pushes between the fetch and the push', async () => {
    const { repo, clone, base, opts } = await setup()
    const first = buildBot(clone, base, { 'a_gen.py': 'x = 1\n' })
    await publishBranch(opts)
    // Someone else's bot run: it pushes right after our fetch has read the branch (an upload-pack wrapper).
    const other = cloneOf(repo.origin)
    git(other, 'checkout', '-q', BRANCH)
    const theirs = commitAs(other, BOT, { 'a_gen.py': 'x = 3\n' }, 'pdd-sync: concurrent run')
    const marker = path.join(tempDir(), 'pushed')
    const wrapper = path.join(tempDir(), 'upload-pack')
    writeFileSync(
      wrapper,
      `#!/bin/sh\ngit upload-pack "$@"\nrc=$?\nif [ ! -e '${marker}' ]; then touch '${marker}'\n` +
        `  unset GIT_PROTOCOL; git -C '${other}' push -q origin ${BRANCH} >/dev/null 2>&1\nfi\nexit $rc\n`
    )
    chmodSync(wrapper, 0o755)
    git(clone, 'config', 'remote.origin.uploadpack', wrapper)
    buildBot(clone, base, { 'a_gen.py': 'x = 2\n' })
    const r = await publishBranch(opts)
    expect(r).toMatchObject({ operation: 'lease-failed', remoteSha: first, head: theirs })
    expect(r.message).toMatch(/moved while publishing/)
    expect(remoteSha(repo.origin)).toBe(theirs)
    // The low-level form: an empty lease means "must not exist".
    expect(await opts.git.pushWithLease('origin', LOCAL, BRANCH, null)).toBe('lease-rejected')
    expect(remoteSha(repo.origin)).toBe(theirs)
  })

  it('refuses changes under .github/workflows unless allowed', async () => {
    const { repo, clone, base, opts } = await setup()
    const head = buildBot(clone, base, { '.github/workflows/x.yml': 'on: push\n', 'a_gen.py': 'x = 1\n' })
    const r = await publishBranch(opts)
    expect(r).toMatchObject({ operation: 'refused-workflows', remoteSha: null, head: null })
    expect(r.message).toMatch(/\.github\/workflows\/x\.yml/)
    expect(remoteSha(repo.origin)).toBeNull()
    expect(await publishBranch({ ...opts, allowWorkflowChanges: true })).toMatchObject({
      operation: 'pushed',
      head
    })
    expect(remoteSha(repo.origin)).toBe(head)
  })

  it('reports no changes, deletes the branch when asked, and deletes with a lease', async () => {
    const { repo, clone, base, opts } = await setup()
    buildBot(clone, base)
    expect(await publishBranch(opts)).toMatchObject({ operation: 'no-changes', remoteSha: null, head: null })
    const first = buildBot(clone, base, { 'a_gen.py': 'x = 1\n' })
    await publishBranch(opts)
    buildBot(clone, base)
    expect(await publishBranch(opts)).toMatchObject({ operation: 'no-changes', head: first })
    expect(remoteSha(repo.origin)).toBe(first)
    expect(await publishBranch({ ...opts, deleteWhenEmpty: true })).toMatchObject({
      operation: 'deleted',
      remoteSha: first,
      head: null
    })
    expect(remoteSha(repo.origin)).toBeNull()
    expect(await opts.git.fetchBranch('origin', BRANCH)).toBeNull()
    expect(await deleteBranch({ git: opts.git, remote: 'origin', branch: BRANCH })).toBe('absent')
    git(clone, 'push', '-q', 'origin', `${first}:${LOCAL}`)
    expect(await deleteBranch({ git: opts.git, remote: 'origin', branch: BRANCH, expectedSha: base })).toBe(
      'lease-failed'
    )
    expect(await deleteBranch({ git: opts.git, remote: 'origin', branch: BRANCH })).toBe('deleted')
    expect(remoteSha(repo.origin)).toBeNull()
  })
})

describe('push token (withAuth)', () => {
  const TOKEN = 'ghs_S3cretT0ken'
  const BASIC = Buffer.from(`x-access-token:${TOKEN}`).toString('base64')

  it('builds GIT_CONFIG_* entries that replace the persisted header, after existing entries', () => {
    expect(authConfigEnv({}, TOKEN, 'https://github.com')).toEqual({
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_0: '',
      GIT_CONFIG_KEY_1: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_1: `AUTHORIZATION: basic ${BASIC}`
    })
    const env = authConfigEnv({ GIT_CONFIG_COUNT: '2' }, TOKEN, 'https://ghe.example.com/some/path')
    expect(env.GIT_CONFIG_COUNT).toBe('4')
    expect(env.GIT_CONFIG_KEY_2).toBe('http.https://ghe.example.com/.extraheader')
    expect(env.GIT_CONFIG_VALUE_3).toBe(`AUTHORIZATION: basic ${BASIC}`)
    expect(redactSecrets(`fatal: ${TOKEN} and ${BASIC}!`, tokenSecrets(TOKEN))).toBe('fatal: *** and ***!')
  })

  it('sends exactly one Authorization header (the token), and never shows the token in a GitError', async () => {
    // A loopback smart-HTTP stand-in that answers every request with an ERR line quoting the header it got.
    const seen: string[][] = []
    const server = http.createServer((req, res) => {
      const auth = req.headersDistinct.authorization ?? []
      seen.push(auth)
      const decoded = auth.map(a => Buffer.from(a.replace(/^basic /i, ''), 'base64').toString())
      const service = new URL(req.url ?? '/', 'http://x').searchParams.get('service') ?? 'git-upload-pack'
      const pkt = (s: string): string => (s.length + 4).toString(16).padStart(4, '0') + s
      res.setHeader('content-type', `application/x-${service}-advertisement`)
      res.end(
        pkt(`# service=${service}\n`) + '0000' + pkt(`ERR got ${auth.join(',')} = ${decoded.join(',')}\n`)
      )
    })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      const { clone } = await setup()
      // What actions/checkout v6 leaves: the header of another token, through includeIf.
      const creds = path.join(tempDir(), 'creds.config')
      writeFileSync(
        creds,
        `[http "${url}/"]\n\textraheader = AUTHORIZATION: basic ${btoa('x-access-token:OLD')}\n`
      )
      git(clone, 'config', `includeIf.gitdir:${realpathSync(clone)}/.git.path`, creds)
      git(clone, 'remote', 'add', 'gh', `${url}/o/r.git`)
      const plain = await Git.open(clone, gitEnv())
      await expect(plain.fetchBranch('gh', BRANCH)).rejects.toThrow(/x-access-token:OLD/)
      expect(seen.pop()).toEqual([`basic ${btoa('x-access-token:OLD')}`])

      const authed = plain.withAuth(TOKEN, url)
      const fetchError = await authed.fetchBranch('gh', BRANCH).catch((e: unknown) => e)
      const pushError = await authed.pushWithLease('gh', 'HEAD', BRANCH, null).catch((e: unknown) => e)
      expect(seen.slice(-2)).toEqual([[`basic ${BASIC}`], [`basic ${BASIC}`]])
      for (const e of [fetchError, pushError]) {
        expect(e).toBeInstanceOf(GitError)
        const err = e as GitError
        expect(err.message).toMatch(/remote error: got basic \*\*\* = x-access-token:\*\*\*/)
        for (const text of [err.message, err.stderr, err.args.join(' ')]) {
          expect(text).not.toContain(TOKEN)
          expect(text).not.toContain(BASIC)
        }
      }
      // Nothing was persisted: the repository config still has no header of ours.
      expect(git(clone, 'config', '--list')).not.toContain(BASIC)
    } finally {
      server.close()
    }
  })
})

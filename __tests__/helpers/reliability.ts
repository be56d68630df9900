/**
 * A sandbox for the reliability suite (docs/architecture.md, "Trust"): a work repository with a bare origin, a sentinel folder next
 * to them that nothing may touch, a `pdd` stand-in that only records that it was started, and snapshots of
 * everything a run could write (refs of both repositories, the work tree, the sentinel, the sandbox folder).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { git, makeRepo, tempDir, type TestRepo } from './git-repo.js'

/** Fake secrets the runner would hold; none may appear in anything the run leaves behind. */
export const SECRETS = {
  token: 'ghs_RELIABILITYapiToken0123456789abcdefXYZ',
  pushToken: 'ghp_RELIABILITYpushToken0123456789abcdefXYZ',
  runtime: 'RELIABILITYruntimeToken.0123456789abcdef',
  openai: 'sk-RELIABILITYproviderKey0123456789abcdef'
} as const

/** Where one row runs. */
export interface Sandbox extends TestRepo {
  /** Holds `origin.git`, `work` and `outside`. */
  base: string
  /** The sentinel folder beside the repository: links out of the repository point here. */
  outside: string
  /** `pdd-command` value: the stand-in that records each start in `pddLog`. */
  pddCommand: string
  pddLog: string
}

const RECORDER = `import { appendFileSync, existsSync, readFileSync } from 'node:fs'
const [log, ...args] = process.argv.slice(2)
appendFileSync(log, JSON.stringify(args) + '\\n')
if (args.includes('--version')) { console.log('pdd, version 0.0.310'); process.exit(0) }
const said = new URL('./stderr.txt', import.meta.url)
process.stderr.write(existsSync(said) ? readFileSync(said) : 'ValueError: the stand-in does not sync\\n')
process.exit(1)
`

/** A fresh sandbox whose repository holds `files` (committed and pushed to origin). */
export function sandbox(files: Record<string, string>): Sandbox {
  const repo = makeRepo(files)
  const base = path.dirname(repo.dir)
  const outside = path.join(base, 'outside')
  mkdirSync(path.join(outside, 'meta'), { recursive: true })
  writeFileSync(path.join(outside, 'sentinel.txt'), 'do not touch\n')
  writeFileSync(path.join(outside, 'pddrc'), 'contexts:\n  default:\n    defaults:\n      budget: 999\n')
  writeFileSync(path.join(outside, 'architecture.json'), '[]\n')
  const tools = tempDir('pdd-sync-rel-tools-')
  const script = path.join(tools, 'pdd.mjs')
  writeFileSync(script, RECORDER)
  return {
    ...repo,
    base,
    outside,
    pddCommand: `${process.execPath} ${script} ${path.join(tools, 'pdd.log')}`,
    pddLog: path.join(tools, 'pdd.log')
  }
}

/** Makes the stand-in print `text` on stderr when asked to sync. */
export function pddSays(s: Sandbox, text: string | Buffer): void {
  writeFileSync(path.join(path.dirname(s.pddLog), 'stderr.txt'), text)
}

/** Every start of the stand-in (its argv), oldest first. */
export function pddStarts(s: Sandbox): string[][] {
  if (!existsSync(s.pddLog)) return []
  return readFileSync(s.pddLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as string[])
}

/** Everything a run could change, as comparable text. */
export interface Snapshot {
  workRefs: string[]
  originRefs: string[]
  status: string
  outside: string[]
  base: string[]
}

/** Takes a {@link Snapshot}. */
export function snapshot(s: Sandbox): Snapshot {
  const refs = (dir: string): string[] =>
    git(dir, 'for-each-ref', '--format=%(refname) %(objectname)').split('\n').filter(Boolean)
  return {
    workRefs: refs(s.dir),
    originRefs: refs(s.origin),
    status: git(s.dir, 'status', '--porcelain=v1', '--ignored', '--untracked-files=all'),
    outside: listTree(s.outside),
    base: readdirSync(s.base).sort()
  }
}

/** Refs a run may write, per repository (matched against the ref name). */
export interface AllowedRefs {
  work?: RegExp
  origin?: RegExp
}

/** What changed between two snapshots, minus the allowed refs; one line per change. */
export function changes(a: Snapshot, b: Snapshot, allow: AllowedRefs = {}): string[] {
  const out: string[] = []
  const diff = (what: string, x: string[], y: string[], ok?: RegExp): void => {
    const allowed = (l: string): boolean => ok?.test(l.split(' ')[0] ?? '') === true
    for (const l of y) if (!x.includes(l) && !allowed(l)) out.push(`${what}: + ${l}`)
    for (const l of x) if (!y.includes(l) && !allowed(l)) out.push(`${what}: - ${l}`)
  }
  diff('work ref', a.workRefs, b.workRefs, allow.work)
  diff('origin ref', a.originRefs, b.originRefs, allow.origin)
  if (a.status !== b.status)
    out.push(`work tree status: ${JSON.stringify(a.status)} → ${JSON.stringify(b.status)}`)
  diff('outside', a.outside, b.outside)
  diff('sandbox', a.base, b.base)
  return out
}

/** Files below `dir` with a hash of their content (symlinks as their target). */
function listTree(dir: string, prefix = ''): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir).sort()) {
    const abs = path.join(dir, name)
    const st = statSync(abs)
    if (st.isDirectory()) out.push(`${prefix}${name}/`, ...listTree(abs, `${prefix}${name}/`))
    else
      out.push(
        `${prefix}${name} ${createHash('sha256').update(readFileSync(abs)).digest('hex').slice(0, 16)}`
      )
  }
  return out
}

/** The content of every object reachable from any ref of both repositories, and the work tree's files. */
export function repositoryText(s: Sandbox): string {
  const log = (dir: string): string =>
    execFileSync('git', ['log', '--all', '-p', '--format=%H%n%B', '--binary'], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
    })
  const files = git(s.dir, 'ls-files', '--others', '--cached', '-z')
    .split('\0')
    .filter(f => f !== '' && existsSync(path.join(s.dir, f)) && statSync(path.join(s.dir, f)).isFile())
    .map(f => readFileSync(path.join(s.dir, f), 'latin1'))
  return [log(s.dir), log(s.origin), ...files].join('\n')
}

/** The secrets (by name) found in `text`, also URL-encoded or base64-encoded. */
export function leakedSecrets(text: string): string[] {
  return Object.entries(SECRETS)
    .filter(([, v]) =>
      [v, encodeURIComponent(v), Buffer.from(v).toString('base64')].some(form => text.includes(form))
    )
    .map(([k]) => k)
}

/** Lines of an action's stdout without the runner's own `::add-mask::` commands (they carry the secret to mask). */
export function withoutMaskCommands(stdout: string): string {
  return stdout
    .split('\n')
    .filter(l => !l.startsWith('::add-mask::'))
    .join('\n')
}

// Synthetic PDD repository for the planner benchmark: N units (prompts with includes, code/example/test files)
// and R run records in git notes (one record per note, written with git fast-import).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const sha = (...bufs) => {
  const h = createHash('sha256')
  for (const b of bufs) h.update(b)
  return h.digest('hex')
}
const git = (cwd, args, input) =>
  execFileSync('git', args, {
    cwd,
    input,
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' },
    maxBuffer: 1 << 30
  }).toString()

/** Writes the repository; returns the list of files the planner hashes (for the floor measurement). */
export function generate(dir, { units = 5000, records = 10000 } = {}) {
  mkdirSync(dir, { recursive: true })
  const files = new Map()
  const put = (rel, text) => {
    const buf = Buffer.from(text)
    files.set(rel, buf)
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    writeFileSync(path.join(dir, rel), buf)
  }
  for (let s = 0; s < 50; s++) put(`context/shared_${s}.md`, `# Shared context ${s}\n${'Rules and interfaces. '.repeat(40)}\n`)
  const list = []
  const pythonCount = Math.round(units * 0.8)
  for (let i = 0; i < units; i++) {
    const py = i < pythonCount
    const n = py ? i : i - pythonCount // typescript units reuse the first basenames: two-language groups
    const b = `mod${String(n).padStart(5, '0')}`
    const lang = py ? 'python' : 'typescript'
    const ext = py ? '.py' : '.ts'
    const leader = `mod${String(n - (n % 10)).padStart(5, '0')}`
    const includes = [`context/shared_${n % 50}.md`, ...(leader !== b ? [`${leader}.py`] : [])].sort()
    const prompt = `% Write ${b} in ${lang}.\n${includes.map(x => `<include>${x}</include>`).join('\n')}\n${'Requirement line. '.repeat(30)}\n`
    put(`prompts/${b}_${lang}.prompt`, prompt)
    put(`${b}${ext}`, `// code of ${b}\n${'x = 1\n'.repeat(60)}`)
    put(`examples/${b}_example${ext}`, `// example of ${b}\n${'print(1)\n'.repeat(20)}`)
    put(`test_${b}${ext}`, `// tests of ${b}\n${'assert True\n'.repeat(30)}`)
    list.push({ b, lang, ext, prompt, includes })
  }
  git(dir, ['init', '-q', '-b', 'main'])
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '-m', 'synthetic'])
  const fp = (u, stale) => ({
    pdd_version: '0.0.310',
    timestamp: '2026-11-01T00:00:00+00:00',
    command: 'test',
    prompt_hash: stale ? sha(Buffer.from('old')) : sha(files.get(`prompts/${u.b}_${u.lang}.prompt`), ...u.includes.map(x => files.get(x))),
    code_hash: sha(files.get(`${u.b}${u.ext}`)),
    example_hash: sha(files.get(`examples/${u.b}_example${u.ext}`)),
    test_hash: sha(files.get(`test_${u.b}${u.ext}`)),
    include_deps: Object.fromEntries(u.includes.map(x => [x, sha(files.get(x))]))
  })
  const parts = []
  const entries = []
  for (let r = 0; r < records; r++) {
    const u = list[r % list.length]
    const stale = r < list.length // first pass: older records with a stale prompt hash
    const rec = {
      schema: 1,
      runId: String(r),
      trigger: 'schedule',
      baseSha: '0'.repeat(40),
      createdAt: new Date(Date.UTC(2026, 0, 1) + r * 1000).toISOString(),
      budget: 20,
      spent: 0.5,
      units: [{
        id: `${u.b}_${u.lang}`, basename: u.b, language: u.lang, status: 'synced',
        operations: ['generate', 'example', 'crash', 'verify', 'test'], cost: 0.5 + (r % 7) / 10, duration: 60, reason: '',
        fingerprint: fp(u, stale),
        runReport: { timestamp: '2026-11-01T00:00:01+00:00', exit_code: 0, tests_passed: 3, tests_failed: 0, coverage: 95.0 }
      }]
    }
    const data = Buffer.from(JSON.stringify(rec))
    parts.push(Buffer.from(`blob\nmark :${r + 1}\ndata ${data.length}\n`), data, Buffer.from('\n'))
    entries.push(`M 100644 :${r + 1} ${createHash('sha1').update(`run-${r}`).digest('hex')}\n`)
  }
  parts.push(Buffer.from('commit refs/notes/pdd-sync\ncommitter b <b@b> 1767225600 +0000\ndata 5\nnotes\n'), Buffer.from(entries.join('')), Buffer.from('\n'))
  git(dir, ['fast-import', '--quiet'], Buffer.concat(parts))
  // A tenth of the units (none of them included by another) have had their code edited since their last sync.
  for (let i = 5; i < list.length; i += 10) {
    const u = list[i]
    put(`${u.b}${u.ext}`, files.get(`${u.b}${u.ext}`).toString() + '# edited\n')
  }
  git(dir, ['commit', '-q', '-am', 'edits'])
  return [...files.keys()]
}

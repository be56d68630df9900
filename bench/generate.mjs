// Synthetic PDD repositories for the planner benchmark: N units (prompts with includes, code/example/test files)
// with their state in one of four layouts:
//   notes     run records in git notes only (two per unit: an older stale one and a current one);
//   meta      PDD's committed `.pdd/meta` only: fingerprint and run report per unit, plus extra `_run*.json`
//             history files for a fifth of the units;
//   both      the two above together (the committed files win);
//   contexts  a `.pddrc` with several contexts, nested basenames (`pkgK/modN`) under each context's prompts_dir,
//             `outputs` templates for code, example and test; state in notes, and `.pdd/meta` for half the units.
// A tenth of the units have had their code edited since their last sync (unless `edited: false`).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const LAYOUTS = ['notes', 'meta', 'both', 'contexts']
const CONTEXTS = 4

const sha = (...bufs) => {
  const h = createHash('sha256')
  for (const b of bufs) h.update(b)
  return h.digest('hex')
}
const gitEnv = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'b', GIT_AUTHOR_EMAIL: 'b@b', GIT_COMMITTER_NAME: 'b', GIT_COMMITTER_EMAIL: 'b@b' }
const git = (cwd, args, input) => execFileSync('git', args, { cwd, input, env: gitEnv, maxBuffer: 1 << 30 }).toString()

/** Where one unit's files live in a layout (`ctx` is null outside the contexts layout). */
function placeOf(layout, i, n, lang) {
  const name = `mod${String(n).padStart(5, '0')}`
  const ext = lang === 'python' ? '.py' : '.ts'
  if (layout !== 'contexts') {
    return { b: name, lang, ext, prompt: `prompts/${name}_${lang}.prompt`, code: `${name}${ext}`, example: `examples/${name}_example${ext}`, test: `test_${name}${ext}` }
  }
  const ctx = `ctx${n % CONTEXTS}`
  const b = `pkg${Math.floor(n / 100) % 20}/${name}`
  // PDD expands `{dir_prefix}` from the basename relative to the context's `paths` pattern, which is empty here.
  return {
    b, lang, ext, ctx,
    prompt: `prompts/${ctx}/${b}_${lang}.prompt`,
    code: `src/${ctx}/${name}${ext}`,
    example: `examples/${ctx}/${name}_example${ext}`,
    test: `tests/${ctx}/test_${name}${ext}`
  }
}

function pddrc() {
  const ctx = k => [
    `  ctx${k}:`,
    `    paths: ["prompts/ctx${k}/**"]`,
    '    defaults:',
    `      prompts_dir: "prompts/ctx${k}"`,
    '      outputs:',
    `        code: {path: "src/ctx${k}/{dir_prefix}{name}.{ext}"}`,
    `        example: {path: "examples/ctx${k}/{dir_prefix}{name}_example.{ext}"}`,
    `        test: {path: "tests/ctx${k}/{dir_prefix}test_{name}.{ext}"}`
  ]
  const lines = ['version: "1.0"', 'contexts:']
  for (let k = 0; k < CONTEXTS; k++) lines.push(...ctx(k))
  lines.push('  default:', '    defaults: {}', '')
  return lines.join('\n')
}

/** Writes the repository; returns the files a planner must read (for the floor) and how many notes it holds. */
export function generate(dir, { units = 5000, layout = 'notes', edited = true } = {}) {
  mkdirSync(dir, { recursive: true })
  const files = new Map()
  // Files written but never read by a planner (the floor leaves them out): see the run history below.
  const unread = new Set()
  const put = (rel, data, read = true) => {
    const buf = Buffer.from(data)
    files.set(rel, buf)
    if (!read) unread.add(rel)
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    writeFileSync(path.join(dir, rel), buf)
  }
  if (layout === 'contexts') put('.pddrc', pddrc())
  for (let s = 0; s < 50; s++) put(`context/shared_${s}.md`, `# Shared context ${s}\n${'Rules and interfaces. '.repeat(40)}\n`)
  const list = []
  const pythonCount = Math.round(units * 0.8)
  for (let i = 0; i < units; i++) {
    const py = i < pythonCount
    const n = py ? i : i - pythonCount // typescript units reuse the first basenames: two-language groups
    const u = placeOf(layout, i, n, py ? 'python' : 'typescript')
    const leader = placeOf(layout, i, n - (n % 10), 'python')
    const includes = [`context/shared_${n % 50}.md`, ...(leader.b !== u.b ? [leader.code] : [])].sort()
    const prompt = `% Write ${u.b} in ${u.lang}.\n${includes.map(x => `<include>${x}</include>`).join('\n')}\n${'Requirement line. '.repeat(30)}\n`
    put(u.prompt, prompt)
    put(u.code, `// code of ${u.b}\n${'x = 1\n'.repeat(60)}`)
    put(u.example, `// example of ${u.b}\n${'print(1)\n'.repeat(20)}`)
    put(u.test, `// tests of ${u.b}\n${'assert True\n'.repeat(30)}`)
    list.push({ ...u, includes })
  }
  const fp = (u, stale) => ({
    pdd_version: '0.0.310',
    timestamp: '2026-11-01T00:00:00+00:00',
    command: 'test',
    prompt_hash: stale ? sha(Buffer.from('old')) : sha(files.get(u.prompt), ...u.includes.map(x => files.get(x))),
    code_hash: sha(files.get(u.code)),
    example_hash: sha(files.get(u.example)),
    test_hash: sha(files.get(u.test)),
    include_deps: Object.fromEntries(u.includes.map(x => [x, sha(files.get(x))]))
  })
  const report = exit => ({ timestamp: '2026-11-01T00:00:01+00:00', exit_code: exit, tests_passed: 3, tests_failed: exit, coverage: 95.0 })
  const withMeta = layout === 'meta' || layout === 'both' ? () => true : layout === 'contexts' ? i => i % 2 === 0 : () => false
  list.forEach((u, i) => {
    if (!withMeta(i)) return
    const stem = `.pdd/meta/${u.b.replaceAll('/', '_')}_${u.lang}`
    put(`${stem}.json`, JSON.stringify(fp(u, false), null, 2))
    put(`${stem}_run.json`, JSON.stringify(report(0), null, 2))
    // Older run reports: PDD's success-history check stops at the first successful `_run*.json`, and
    // `_run.json` (exit code 0) sorts first, so no planner needs to read these.
    if (i % 5 === 0) {
      put(`${stem}_run_20261001T000000.json`, JSON.stringify(report(1), null, 2), false)
      put(`${stem}_run_20261015T000000.json`, JSON.stringify(report(0), null, 2), false)
    }
  })
  git(dir, ['init', '-q', '-b', 'main'])
  // No automatic gc or maintenance in the background while the benchmark runs (or deletes the repository).
  git(dir, ['config', 'gc.auto', '0'])
  git(dir, ['config', 'maintenance.auto', 'false'])
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '-m', 'synthetic'])
  const notes = layout === 'meta' ? 0 : 2 * list.length
  if (notes > 0) writeNotes(dir, list, notes, fp, report)
  // A tenth of the units (none of them included by another) have had their code edited since their last sync.
  for (let i = 5; edited && i < list.length; i += 10) {
    const u = list[i]
    put(u.code, files.get(u.code).toString() + '# edited\n')
  }
  if (edited) git(dir, ['commit', '-q', '-am', 'edits'])
  return { files: [...files.keys()].filter(f => !unread.has(f)), notes }
}

/** One run record per note, written with git fast-import; the first pass of records has a stale prompt hash. */
function writeNotes(dir, list, records, fp, report) {
  const parts = []
  const entries = []
  for (let r = 0; r < records; r++) {
    const u = list[r % list.length]
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
        fingerprint: fp(u, r < list.length),
        runReport: report(0)
      }]
    }
    const data = Buffer.from(JSON.stringify(rec))
    parts.push(Buffer.from(`blob\nmark :${r + 1}\ndata ${data.length}\n`), data, Buffer.from('\n'))
    entries.push(`M 100644 :${r + 1} ${createHash('sha1').update(`run-${r}`).digest('hex')}\n`)
  }
  parts.push(Buffer.from('commit refs/notes/pdd-sync\ncommitter b <b@b> 1767225600 +0000\ndata 5\nnotes\n'), Buffer.from(entries.join('')), Buffer.from('\n'))
  git(dir, ['fast-import', '--quiet'], Buffer.concat(parts))
}

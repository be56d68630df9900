#!/usr/bin/env node
/**
 * The one `pdd` stand-in, for faults the real pdd-cli cannot be made to show on demand — a hang,
 * a crash after a partial write, a malformed cost CSV, scratch files, a chosen cost per call. It honours the real
 * `pdd [globals] sync [options] <basename>` argv (unknown options are Click usage errors, exit 2), writes a Python
 * unit at PDD's default layout with `.pdd/meta` files hashed as PDD hashes them, prints `PDD_PHASE:` markers and
 * PDD 0.0.310's final table and panel, and appends a 13-column row to `PDD_OUTPUT_COST_PATH`.
 * Fault switches: JSON in the file named by env FAKE_PDD_FAULTS, else `fake-pdd-faults.json` beside this script
 * (see `installFakePdd` in fake-pdd.ts for the fields).
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const VERSION = '0.0.310'
const here = path.dirname(fs.realpathSync(fileURLToPath(import.meta.url)))
const faults = readFaults()
const EXT = { python: '.py', typescript: '.ts', javascript: '.js' }
const CALLS = { generate: 2, example: 3, test: 3, fix: 2 }
const COLUMNS =
  'timestamp,model,command,cost,input_files,output_files,attempted_models,requested_model,resolved_model,model_selection_outcome,strength_used,cli_version,deepswe_manifest_date'

function readFaults() {
  const file = process.env.FAKE_PDD_FAULTS || path.join(here, 'fake-pdd-faults.json')
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}
}

function usage(scope, message) {
  const cmd = scope === 'sync' ? 'pdd sync [OPTIONS] [BASENAME]' : 'pdd [OPTIONS] COMMAND [ARGS]...'
  const help = scope === 'sync' ? 'pdd sync --help' : 'pdd --help'
  process.stderr.write(`Usage: ${cmd}\nTry '${help}' for help.\n\nError: ${message}\n`)
  process.exit(2)
}

function float(scope, name, raw, min, max) {
  const n = Number(raw)
  if (raw === undefined || raw.startsWith('--')) usage(scope, `Option '${name}' requires an argument.`)
  if (raw.trim() === '' || !Number.isFinite(n))
    usage(scope, `Invalid value for '${name}': '${raw}' is not a valid float.`)
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    usage(scope, `Invalid value for '${name}': ${raw} is not in the range ${min}<=x<=${max}.`)
  }
  return n
}

// The options of pdd-cli 0.0.310 that the stand-in knows; any other is a usage error, as in Click.
const GLOBAL_FLAGS = '--force --local --quiet --verbose --color --no-color --core-dump --no-core-dump'.split(
  ' '
)
const GLOBAL_VALUES =
  '--context --strength --temperature --time --model --output-cost --keep-core-dumps'.split(' ')
const SYNC_FLAGS = '--skip-verify --skip-tests --dry-run --json --no-steer --agentic --log --fresh'.split(' ')
const SYNC_VALUES = '--budget --max-attempts --target-coverage --steer-timeout --timeout-adder'.split(' ')

function parseArgs(argv) {
  const o = { flags: new Set(), values: {}, basename: undefined }
  let i = 0
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const a = argv[i]
    if (a === '--version') {
      process.stdout.write(`pdd, version ${VERSION}\n`)
      process.exit(0)
    }
    if (GLOBAL_FLAGS.includes(a)) o.flags.add(a)
    else if (GLOBAL_VALUES.includes(a)) o.values[a] = argv[++i]
    else usage('root', `No such option '${a}'.`)
  }
  if (argv[i] !== 'sync')
    usage('root', argv[i] === undefined ? 'Missing command.' : `No such command '${argv[i]}'.`)
  for (i++; i < argv.length; i++) {
    const a = argv[i]
    if (SYNC_FLAGS.includes(a)) o.flags.add(a)
    else if (SYNC_VALUES.includes(a)) o.values[a] = argv[++i]
    else if (a.startsWith('-')) usage('sync', `No such option '${a}'.`)
    else if (o.basename === undefined) o.basename = a
    else usage('sync', `Got unexpected extra argument (${a})`)
  }
  if (o.values['--strength'] !== undefined) float('root', '--strength', o.values['--strength'], 0, 1)
  if (o.values['--temperature'] !== undefined) float('root', '--temperature', o.values['--temperature'], 0, 2)
  if (o.values['--target-coverage'] !== undefined)
    float('sync', '--target-coverage', o.values['--target-coverage'])
  o.budget = o.values['--budget'] === undefined ? 20 : float('sync', '--budget', o.values['--budget'])
  if (o.budget <= 0) usage('sync', 'Invalid value for --budget: Budget must be a positive number.')
  const attempts = o.values['--max-attempts']
  if (attempts !== undefined && !/^-?\d+$/.test(attempts)) {
    usage('sync', `Invalid value for '--max-attempts': '${attempts}' is not a valid integer.`)
  }
  o.maxAttempts = attempts === undefined ? 3 : Number(attempts)
  if (o.maxAttempts < 0) usage('sync', 'Invalid value for --max-attempts: must be >= 0.')
  return o
}

const sha = file =>
  fs.existsSync(file) ? createHash('sha256').update(fs.readFileSync(file)).digest('hex') : null
const isoNow = () => new Date().toISOString().replace('Z', '000+00:00')
const sleep = ms => new Promise(r => setTimeout(r, ms))

function write(file, text) {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, text)
}

function languagesOf(basename) {
  const dir = path.resolve('prompts', path.dirname(basename))
  const name = path.basename(basename)
  const found = fs.existsSync(dir) ? fs.readdirSync(dir) : []
  const pattern = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}_([A-Za-z]+)\\.prompt$`)
  const langs = found
    .map(f => pattern.exec(f)?.[1])
    .filter(l => l !== undefined && l.toLowerCase() in EXT)
    .map(l => ({ lang: l.toLowerCase(), prompt: path.join(dir, `${name}_${l}.prompt`) }))
  return langs.sort((a, b) =>
    a.lang === 'python' ? -1 : b.lang === 'python' ? 1 : a.lang.localeCompare(b.lang)
  )
}

function unitPaths(basename, lang, prompt) {
  const ext = EXT[lang]
  const dir = path.dirname(basename) === '.' ? '' : `${path.dirname(basename)}/`
  const name = path.basename(basename)
  const safe = basename.replaceAll('/', '_')
  return {
    prompt,
    code: `${dir}${name}${ext}`,
    example: `examples/${name}_example${ext}`,
    test: `${dir}test_${name}${ext}`,
    meta: `.pdd/meta/${safe}_${lang}.json`,
    run: `.pdd/meta/${safe}_${lang}_run.json`
  }
}

function saveFingerprint(p, command) {
  const test = sha(p.test)
  const fp = {
    pdd_version: VERSION,
    timestamp: isoNow(),
    command,
    prompt_hash: sha(p.prompt),
    code_hash: sha(p.code),
    example_hash: sha(p.example),
    test_hash: test,
    test_files: test ? { [path.basename(p.test)]: test } : {},
    include_deps: {}
  }
  write(p.meta, JSON.stringify(fp, null, 2))
}

function saveRunReport(p, failed) {
  const test = sha(p.test)
  const report = {
    timestamp: isoNow(),
    exit_code: failed ? 1 : 0,
    tests_passed: failed ? 0 : 2,
    tests_failed: failed ? 1 : 0,
    coverage: 100.0,
    test_hash: test,
    test_files: { [path.basename(p.test)]: test }
  }
  write(p.run, JSON.stringify(report, null, 2))
}

/** In sync when the fingerprint's hashes are the files' and the last test run passed. */
function inSync(p) {
  if (!fs.existsSync(p.meta) || !fs.existsSync(p.run)) return false
  const fp = JSON.parse(fs.readFileSync(p.meta, 'utf8'))
  const rr = JSON.parse(fs.readFileSync(p.run, 'utf8'))
  const hashes = ['prompt', 'code', 'example', 'test'].every(k => fp[`${k}_hash`] === sha(p[k]))
  return hashes && rr.exit_code === 0
}

function planOps(p, lang, o) {
  if (inSync(p)) return []
  const fails = faults.failAt && (!faults.failLanguage || faults.failLanguage === lang)
  const ops = ['generate', 'example', 'crash', 'test']
  if (fails && faults.failAt === 'fix') ops.push('fix')
  if (o.flags.has('--skip-tests') || o.flags.has('--skip-verify')) ops[2] = 'skip:crash'
  if (o.flags.has('--skip-tests')) ops[3] = 'skip:test'
  return ops
}

function source(name, lang, op, failing) {
  if (op === 'generate') return `def ${name}(a, b):\n    return a + b`
  if (op === 'example') return `from ${name} import ${name}\n\nprint(${name}(1, 2))\n`
  const expected = failing ? 4 : 3
  return `from ${name} import ${name}\n\n\ndef test_${name}():\n    assert ${name}(1, 2) == ${expected}\n`
}

function hang() {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' })
  process.stdout.write(`FAKE_PDD_CHILD_PID: ${child.pid}\n`)
  if (faults.ignoreSigterm) process.on('SIGTERM', () => process.stdout.write('FAKE_PDD: ignoring SIGTERM\n'))
  setInterval(() => {}, 1 << 30)
  return new Promise(() => {})
}

/**
 * Leaves a process running in a session of its own, as PDD starts pytest (`start_new_session=True`): killing
 * pdd's process group does not reach it. After `afterMs` it writes `file`; then it sleeps for ever.
 */
function leaveOrphan({ afterMs, file }) {
  const code = `setTimeout(() => require('fs').writeFileSync(${JSON.stringify(file)}, 'late\\n'), ${afterMs}); setInterval(() => {}, 1 << 30)`
  const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore', detached: true })
  child.unref()
  process.stdout.write(`FAKE_PDD_ORPHAN_PID: ${child.pid}\n`)
}

function crashAfterPartialWrite(p, name, lang) {
  write(p.code, source(name, lang, 'generate'))
  process.stderr.write(
    'Traceback (most recent call last):\n  File "/venv/lib/python3.12/site-packages/pdd/sync_orchestration.py", ' +
      'line 2835, in sync_worker_logic\n    result = code_generator_main(\nOSError: [Errno 28] No space left on device\n'
  )
  process.exit(1)
}

const DEFAULT_FAILURE = {
  generate:
    "Exception during 'generate': An unexpected error occurred: All candidate models failed. Last error " +
    '(InternalServerError): litellm.InternalServerError: InternalServerError: OpenAIException - Connection error.',
  example: "Operation 'example' failed.",
  test: "Operation 'test' failed."
}

async function syncLanguage(o, lang, prompt, budget) {
  const p = unitPaths(o.basename, lang, prompt)
  const name = path.basename(o.basename)
  const costPerCall = faults.costPerCall ?? 0.002
  const r = { lang, cost: 0, completed: [], skipped: [], error: null }
  for (const op of planOps(p, lang, o)) {
    if (r.cost >= budget) {
      r.error = `Budget of $${budget.toFixed(2)} exceeded.`
      break
    }
    console.log(`PDD_PHASE: ${op}`)
    if (faults.hang) await hang()
    if (op.startsWith('skip:')) {
      r.skipped.push(op.slice(5))
      saveFingerprint(p, op)
      if (op === 'skip:crash') saveRunReport(p, false)
      continue
    }
    if (op === 'crash') {
      r.skipped.push('crash')
      continue
    }
    if (faults.partialWrite && op === 'generate') crashAfterPartialWrite(p, name, lang)
    const failing = faults.failAt && (!faults.failLanguage || faults.failLanguage === lang)
    // A failed fix books nothing and PDD puts the test source on the lines after "Sync failed:"
    // (fixtures/pdd-output/fix-failed.stdout.txt, checked by fake-pdd-parity.int.test.ts).
    if (!(failing && faults.failAt === op && op === 'fix')) r.cost += (CALLS[op] ?? 1) * costPerCall
    if (failing && faults.failAt === op) {
      r.error = faults.failMessage ?? DEFAULT_FAILURE[op] ?? `\n${fs.readFileSync(p.test, 'utf8')}`
      break
    }
    if (op !== 'fix')
      write(
        op === 'generate' ? p.code : op === 'example' ? p.example : p.test,
        source(name, lang, op, failing)
      )
    if (op === 'test') saveRunReport(p, failing && faults.failAt === 'fix')
    saveFingerprint(p, op)
    r.completed.push(op)
  }
  if (!r.error) console.log('PDD_PHASE: synced')
  return r
}

function details(r) {
  if (r.error) return r.error === 'Budget exhausted' ? r.error : `Sync failed: ${r.error}`
  const parts = []
  if (r.completed.length) parts.push(`Completed: ${r.completed.join(', ')}`)
  if (r.skipped.length) parts.push(`skipped: ${r.skipped.join(', ')}`)
  return parts.length
    ? parts.join('; ')
    : 'No sync operations required; selected target is already synchronized.'
}

/** PDD's final table and panel as Rich draws them without colour (`pdd/sync_main.py` L1363–1402). */
function printSummary(results, seconds) {
  const rows = results.map(r => [
    r.lang,
    r.error ? 'Failed' : 'Success',
    `$${r.cost.toFixed(4)}`,
    details(r).split('\n')
  ])
  const head = ['Language', 'Status', 'Cost (USD)', 'Details']
  const w = head.map((h, i) =>
    Math.max(h.length, ...rows.map(r => (i < 3 ? r[i].length : Math.max(...r[3].map(l => l.length)))))
  )
  const bar = (l, m, r, c) => l + w.map(n => c.repeat(n + 2)).join(m) + r
  const center = (s, n) =>
    ' '.repeat(Math.floor((n - s.length) / 2)) + s + ' '.repeat(Math.ceil((n - s.length) / 2))
  const cells = (c, sep) => `${sep} ${c.join(` ${sep} `)} ${sep}`
  const total = w.reduce((sum, n) => sum + n + 3, 1)
  const header = cells(
    head.map((h, i) => h.padEnd(w[i])),
    '┃'
  )
  const out = [center('PDD Sync Complete', total), bar('┏', '┳', '┓', '━'), header, bar('┡', '╇', '┩', '━')]
  for (const [lang, status, cost, lines] of rows) {
    lines.forEach((line, k) => {
      const first = k === 0
      const c = [first ? lang : '', first ? center(status, w[1]) : '', first ? cost : '', line]
      out.push(cells([c[0].padEnd(w[0]), c[1].padEnd(w[1]), c[2].padStart(w[2]), c[3].padEnd(w[3])], '│'))
    })
  }
  out.push(bar('└', '┴', '┘', '─'))
  const cost = results.reduce((s, r) => s + r.cost, 0)
  const ok = results.every(r => !r.error)
  const panel = `Total time: ${seconds.toFixed(2)}s | Total cost: $${cost.toFixed(4)} | Overall status: ${ok ? 'Success' : 'Failed'}`
  out.push(box([panel]))
  console.log(out.join('\n'))
  console.log(
    `\n--- Command Execution Summary ---\n  ✓ Step 1 (sync): Cost: $${cost.toFixed(6)}\nTotal Estimated Cost: $${cost.toFixed(6)}`
  )
}

/** A Rich panel (`expand=False`) around lines, with an optional title in the top border. */
function box(lines, title = '') {
  const width = Math.max(...lines.map(l => l.length), title.length + 4)
  const top = title ? `─ ${title} ${'─'.repeat(width - title.length - 1)}` : '─'.repeat(width + 2)
  const body = lines.map(l => `│ ${l.padEnd(width)} │`)
  return [`╭${top}╮`, ...body, `╰${'─'.repeat(width + 2)}╯`].join('\n')
}

/** Python's float repr for the costs PDD writes (`0.016`, `0.0`). */
const pyFloat = n => (Number.isInteger(n) ? `${n}.0` : String(Math.round(n * 1e12) / 1e12))
const csvCell = v => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

function appendCost(o, started, results) {
  const file = o.values['--output-cost'] ?? process.env.PDD_OUTPUT_COST_PATH
  if (!file || faults.noCsv) return
  const fresh = !fs.existsSync(file) || fs.statSync(file).size === 0
  const cost = results.reduce((s, r) => s + r.cost, 0)
  const calls = Math.round(cost / (faults.costPerCall ?? 0.002))
  const model = cost > 0 ? 'openai/fake-coder' : 'unknown'
  const attempted = cost > 0 ? Array(calls).fill(model).join(';') : model
  // Command start, local time without zone, milliseconds (`track_cost.py`).
  const stamp = new Date(started.getTime() - started.getTimezoneOffset() * 60_000).toISOString().slice(0, 23)
  const provenance = [model, model, 'direct', o.values['--strength'] ?? '1.0', '', '']
  const row = [stamp, model, 'sync', pyFloat(cost), '', '', attempted, ...provenance]
  const line = faults.malformedCsv
    ? `${stamp},${model},sync,"not-a-number\r\n`
    : `${row.map(csvCell).join(',')}\r\n`
  fs.appendFileSync(file, (fresh ? `${COLUMNS}\r\n` : '') + line)
}

function leaveScratch(o, langs) {
  const safe = o.basename.replaceAll('/', '_')
  write('crash.log', 'Traceback (most recent call last):\nAssertionError\n')
  write('fix_errors.log', 'FAILED test_x.py::test_x\n')
  write(`${safe}_fix_results.log`, 'attempt 1: failed\n')
  // PDD's debug snapshot ("Debug snapshot saved to …/.pdd/core_dumps/pdd-core-<time>.json", core/dump.py).
  write('.pdd/core_dumps/pdd-core-20261206T180000Z.json', '{"schema_version": 2}\n')
  for (const { lang } of langs) write(`.pdd/locks/${safe}_${lang}.lock`, `${process.pid}\n`)
}

async function main() {
  const o = parseArgs(process.argv.slice(2))
  if (faults.log) {
    const call = { argv: process.argv.slice(2), cwd: process.cwd(), env: process.env }
    fs.appendFileSync(faults.log, `${JSON.stringify(call)}\n`)
  }
  if (o.basename === undefined) usage('sync', 'the fake pdd needs a BASENAME (no project-wide sync)')
  const langs = languagesOf(o.basename)
  if (langs.length === 0) {
    const dir = path.resolve('prompts')
    const msg = `No prompt files found for basename '${o.basename}' in directory '${dir}'.\nExpected files with format: '${o.basename}_<language>.prompt'`
    process.stdout.write(`Error during 'sync' command:\n  Usage Error: ${msg}\n`)
    usage('sync', msg)
  }
  if (o.flags.has('--dry-run')) {
    for (const { lang } of langs)
      console.log(
        `\n--- Log for language: ${lang} ---\nNo sync log found for '${o.basename}' in language '${lang}'.`
      )
    return
  }
  const started = new Date()
  if (o.budget < 1)
    console.log(
      `Warning: Budget of $${o.budget.toFixed(2)} is low. Complex operations may exceed this limit.`
    )
  const facts = [`Basename: ${o.basename}`, `Languages: ${langs.map(l => l.lang).join(', ')}`]
  facts.push(`Budget: $${o.budget.toFixed(2)}`, `Max Attempts: ${o.maxAttempts}`)
  console.log(box(facts, 'PDD Sync Starting'))
  if (faults.delayMs) await sleep(faults.delayMs)
  const results = []
  let spent = 0
  for (const { lang, prompt } of langs) {
    console.log(`\n🚀 Syncing for language: ${lang}...`)
    if (results.length > 0 && o.budget - spent <= 0) {
      console.log(`Budget exhausted. Skipping sync for '${lang}'.`)
      results.push({ lang, cost: 0, completed: [], skipped: [], error: 'Budget exhausted' })
      continue
    }
    console.log('Running sync in headless mode (CI/non-TTY environment)...')
    const r = await syncLanguage(o, lang, prompt, o.budget - spent)
    spent += r.cost
    results.push(r)
  }
  if (faults.scratch) leaveScratch(o, langs)
  if (faults.orphan) leaveOrphan(faults.orphan)
  if (faults.lockIndex) lockIndex()
  printSummary(results, (Date.now() - started.getTime()) / 1000)
  appendCost(o, started, results)
  if (faults.exitCode !== undefined) process.exit(faults.exitCode)
}

/**
 * Leaves `index.lock` in the git folder of the worktree pdd runs in (its `.git` file names it), as a git that
 * crashed or a full disk would: every later `git add` or `commit` there fails.
 */
function lockIndex() {
  const dotGit = fs.readFileSync(path.join(process.cwd(), '.git'), 'utf8')
  const gitDir = path.resolve(process.cwd(), dotGit.replace(/^gitdir: /, '').trim())
  fs.writeFileSync(path.join(gitDir, 'index.lock'), '')
}

await main()

/**
 * The reliability suite (docs/architecture.md, "Trust"): one row per bad input or fault, run through the action bundle or the
 * CLI bundle. Every row asserts (1) the message, (2) that nothing was written that should not be — refs of the
 * work repository and of origin, the work tree, a sentinel folder beside the repository, the sandbox folder —
 * and whether the `pdd` stand-in was started, (3) that no secret appears in any output, summary, file, ref
 * content or API request body.
 *
 * Rows of a class that only checks a value (a bad number, branch or notes ref) start the bundle once per class
 * (the wiring: the check comes before anything is read or written, and the step fails with it); the class's other
 * values are checked in-process through the function that entry calls ({@link inProcess}), against the same
 * message and the same secrets.
 */
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refuseBotBranch } from '../src/action/run-context.js'
import { parseRunArgs, runRequestOf } from '../src/cli/run-options.js'
import { readInputs } from '../src/settings/inputs.js'
import type { RunRecord } from '../src/state/record.js'
import { runActionAsync } from './helpers/action-runner.js'
import { runCliAsync } from './helpers/bundles.js'
import { git } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import { appendRecord, record, unitKey } from './helpers/notes.js'
import {
  changes,
  leakedSecrets,
  pddSays,
  pddStarts,
  repositoryText,
  sandbox,
  SECRETS,
  snapshot,
  withoutMaskCommands,
  type Sandbox
} from './helpers/reliability.js'

const FILES = {
  'prompts/calc_python.prompt': 'Write a calculator.\n',
  'prompts/calc_typescript.prompt': 'Write a calculator.\n',
  'prompts/other_python.prompt': 'Write something else.\n'
}

/** One bad input or fault. */
interface Row {
  name: string
  via: 'action' | 'cli'
  /** Files added to {@link FILES} (a null content removes one). */
  files?: Record<string, string | null>
  /** Changes the sandbox before the snapshot (committed and pushed when `commit`). */
  setup?: (s: Sandbox) => void
  /** Action inputs (mode defaults to plan). */
  inputs?: Record<string, string>
  event?: string
  payload?: object
  /** CLI arguments; `{repo}` stands for the work repository, `{pdd}` for the stand-in. */
  args?: string[]
  /** Whether the step or the command fails. */
  fails: boolean
  /** What the output must say. */
  message: RegExp
  /** Whether the pdd stand-in may start: `never`, `no-sync` (a version check at most) or `any`. */
  pdd?: 'never' | 'no-sync' | 'any'
  /** Refs a row may legitimately write in the work repository (scratch refs of a plan, the local bot branch). */
  allowRefs?: RegExp
  /** Refs it may write on origin: only the run record of a run that paid for something. */
  allowOriginRefs?: RegExp
  /** Checked in-process, not through the bundle (another row of its class runs the bundle). */
  inProcess?: true
}

/** The rows of a class after the first `bundled` (which start the bundle), checked in-process. */
const inProcessAfter = (bundled: number, rows: Row[]): Row[] =>
  rows.map((r, i) => (i < bundled ? r : { ...r, inProcess: true as const }))

const INCOMING = /^refs\/pdd-sync\/incoming\//
/** A run with nothing to sync still points its local bot branch at the base; it pushes nothing. */
const LOCAL_RUN = /^refs\/(pdd-sync\/incoming\/|heads\/pdd-sync\/)/
const RUN_REFS = /^refs\/(pdd-sync\/|notes\/pdd-sync$|heads\/pdd-sync\/)/
const RECORD_REF = /^refs\/notes\/pdd-sync$/
const link = (target: string, at: string) => (s: Sandbox) => {
  mkdirSync(path.dirname(path.join(s.dir, at)), { recursive: true })
  symlinkSync(target.replace('{outside}', s.outside), path.join(s.dir, at))
  s.commit({}, `link ${at}`)
}
const seedRecord = (units: unknown[]) => (s: Sandbox) => {
  const r = record('hostile-run', '2026-01-02T00:00:00Z', units as RunRecord['units'])
  appendRecord(s.dir, r, unitKey(s.dir, 'calc_python'))
  git(s.dir, 'push', '-q', 'origin', 'refs/notes/pdd-sync')
}
const unit = (over: Record<string, unknown>): Record<string, unknown> => ({
  id: 'calc_python',
  basename: 'calc',
  language: 'python',
  status: 'synced',
  operations: ['generate'],
  cost: 0.1,
  duration: 1,
  reason: 'ok',
  fingerprint: {
    pdd_version: '0.0.310',
    timestamp: '2026-01-01T00:00:00Z',
    command: 'test',
    prompt_hash: null,
    code_hash: null,
    example_hash: null,
    test_hash: null
  },
  runReport: null,
  ...over
})
const fp = (over: Record<string, unknown>): Record<string, unknown> => ({
  ...(unit({}).fingerprint as object),
  ...over
})

const refusedBranch = (value: string, message: RegExp, extra: Record<string, string> = {}): Row => ({
  name: `action branch "${value}"`,
  via: 'action',
  inputs: { mode: 'run', branch: value, ...extra },
  fails: true,
  message,
  pdd: 'never'
})
const badNumber = (input: string, value: string): Row => ({
  name: `action ${input} "${value}"`,
  via: 'action',
  inputs: { mode: 'plan', [input]: value },
  fails: true,
  message: new RegExp(`Input "${input}" must be a decimal number`),
  pdd: 'never'
})
const cliNumber = (option: string, value: string): Row => ({
  name: `cli ${option}="${value}"`,
  via: 'cli',
  args: ['run', '--repo', '{repo}', '--pdd-command', '{pdd}', `${option}=${value}`],
  fails: true,
  message: new RegExp(`${option} must be a decimal number`),
  pdd: 'never'
})

const ROWS: Row[] = [
  // §3 the bot branch: never the base, HEAD, the checked-out branch, or no valid branch name
  refusedBranch('main', /Input "branch" "main" is the base branch/),
  ...inProcessAfter(0, [
    refusedBranch('refs/heads/main', /is the base branch "main"/),
    refusedBranch('HEAD', /"HEAD", which is not a branch name/),
    refusedBranch('--force', /starts with "-"/),
    refusedBranch('-x', /starts with "-"/),
    refusedBranch('a..b', /contains "\.\."/),
    refusedBranch('bad name', /contains a space/),
    refusedBranch('x.lock', /ending with "\.lock"/),
    refusedBranch('x~1', /contains "~"/),
    refusedBranch('x^2', /contains "\^"/),
    refusedBranch('a:b', /contains ":"/),
    refusedBranch('.hidden', /starting with "\."/),
    refusedBranch('a//b', /empty path component/),
    refusedBranch('pdd/', /empty path component/),
    refusedBranch('x@{1}', /contains "@\{"/),
    refusedBranch('x*', /contains "\*"/)
  ]),
  refusedBranch('develop', /is the base branch "develop"/, { base: 'develop' }),
  {
    ...refusedBranch('feature', /is the branch checked out in the workspace \("feature"\)/),
    setup: s => git(s.dir, 'checkout', '-q', '-b', 'feature')
  },
  {
    name: 'action base "--upload-pack=x"',
    via: 'action',
    inputs: { mode: 'run', base: '--upload-pack=x' },
    fails: true,
    message: /Input "base" must be a branch name/,
    pdd: 'never'
  },
  {
    name: 'action base "main..x"',
    via: 'action',
    inputs: { mode: 'run', base: 'main..x' },
    fails: true,
    message: /Input "base" .*contains "\.\."/,
    pdd: 'never'
  },
  ...inProcessAfter(
    1,
    ['refs/heads/main', 'refs/notes/../heads/x', 'refs/notes/-x', 'refs/notes/a b', 'refs/notes/'].map(
      (v): Row => ({
        name: `action notes-ref "${v}"`,
        via: 'action',
        inputs: { mode: 'run', 'notes-ref': v },
        fails: true,
        message: /Input "notes-ref" must be a ref under refs\/notes\//,
        pdd: 'never'
      })
    )
  ),
  // §5 numbers are decimal only
  badNumber('budget', '0x10'),
  ...inProcessAfter(0, [
    badNumber('budget', '1e3'),
    badNumber('budget', 'Infinity'),
    badNumber('budget', '1,000'),
    badNumber('budget', '5 USD'),
    badNumber('concurrency', '0x2'),
    badNumber('max-attempts', '3e0'),
    badNumber('target-coverage', 'NaN'),
    badNumber('strength', '0b1'),
    badNumber('timeout-minutes-per-unit', '-Infinity'),
    badNumber('max-shards', '1_000'),
    badNumber('temperature', '.5.')
  ]),
  cliNumber('--budget', '0x10'),
  ...inProcessAfter(0, [
    cliNumber('--budget', '1e3'),
    cliNumber('--budget', ''),
    cliNumber('--budget', '   '),
    cliNumber('--concurrency', '1e1'),
    cliNumber('--max-attempts', 'Infinity'),
    cliNumber('--strength', '0x1')
  ]),
  // §3 the CLI validates branches as the action does
  ...[
    ['--force', /starts with "-"/],
    ['HEAD', /is HEAD/],
    ['main', /is the base branch "main"/],
    ['a..b', /contains "\.\."/],
    ['x.lock', /ending with "\.lock"/]
  ].map(([v, m]): Row => ({
    name: `cli --branch=${String(v)}`,
    via: 'cli',
    args: ['run', '--repo', '{repo}', '--pdd-command', '{pdd}', `--branch=${String(v)}`],
    fails: true,
    message: m as RegExp,
    pdd: 'never'
  })),
  {
    name: 'cli --notes-ref refs/heads/main',
    via: 'cli',
    args: ['plan', '--repo', '{repo}', '--notes-ref', 'refs/heads/main'],
    fails: true,
    message: /--notes-ref "refs\/heads\/main" is not under refs\/notes\//
  },
  {
    name: 'cli --remote=--upload-pack=touch',
    via: 'cli',
    args: ['plan', '--repo', '{repo}', '--remote=--upload-pack=touch'],
    fails: true,
    message: /--remote "--upload-pack=touch" starts with "-"/
  },
  {
    name: 'cli --before=--output=file',
    via: 'cli',
    args: ['plan', '--repo', '{repo}', '--trigger', 'push', '--before=--output=x', '--after', 'HEAD'],
    fails: true,
    message: /--before "--output=x" starts with "-"/
  },
  // §5 an unknown context fails
  {
    name: 'action context "nope" (plan)',
    via: 'action',
    files: { '.pddrc': 'contexts:\n  default:\n    defaults: {}\n' },
    inputs: { mode: 'plan', context: 'nope' },
    fails: true,
    message: /Unknown context 'nope'/
  },
  {
    name: 'action context "nope" (run)',
    via: 'action',
    files: { '.pddrc': 'contexts:\n  default:\n    defaults: {}\n' },
    inputs: { mode: 'run', context: 'nope' },
    fails: true,
    message: /Unknown context 'nope'/,
    pdd: 'never'
  },
  {
    name: 'action context "prod" without .pddrc',
    via: 'action',
    inputs: { mode: 'run', context: 'prod' },
    fails: true,
    message: /Unknown context 'prod' \(no \.pddrc was found/,
    pdd: 'never'
  },
  {
    name: 'cli plan --context nope',
    via: 'cli',
    args: ['plan', '--repo', '{repo}', '--context', 'nope'],
    fails: true,
    message: /Unknown context 'nope'/
  },
  {
    name: 'cli run --context nope',
    via: 'cli',
    args: ['run', '--repo', '{repo}', '--pdd-command', '{pdd}', '--context', 'nope'],
    fails: true,
    message: /Unknown context 'nope'/,
    pdd: 'never'
  },
  // §5 units: brace globs work, unmatched globs and ignored units are named
  {
    name: 'action units brace glob',
    via: 'action',
    inputs: { mode: 'plan', units: 'calc_{python,typescript}' },
    fails: false,
    message: /Planned 2 unit\(s\)/
  },
  {
    name: 'action units brace glob among others',
    via: 'action',
    inputs: { mode: 'plan', units: 'other_*, calc_{python,typescript}' },
    fails: false,
    message: /Planned 3 unit\(s\)/
  },
  {
    name: 'action units matching nothing',
    via: 'action',
    inputs: { mode: 'plan', units: 'calc_python,nomatch*' },
    fails: false,
    message: /::warning[^:]*::"units": "nomatch\*" matches no unit/
  },
  {
    name: 'action units unbalanced brace',
    via: 'action',
    inputs: { mode: 'plan', units: 'calc_{python' },
    fails: false,
    message: /"calc_\{python" is not a usable glob/
  },
  {
    name: 'action units reversed range',
    via: 'action',
    inputs: { mode: 'plan', units: '[z-a]*' },
    fails: false,
    message: /"\[z-a\]\*" is not a usable glob/
  },
  // `units` narrows every trigger (a push with no "before" plans all units, then keeps what units names).
  ...['schedule', 'push', 'pull_request', 'issue_comment'].map((event): Row => ({
    name: `action units on ${event}`,
    via: 'action',
    event,
    inputs: { mode: 'plan', units: 'calc_python' },
    fails: false,
    message: /^(?![\s\S]*(calc_typescript|other_python|is ignored))[\s\S]*Planned 1 unit\(s\)/
  })),
  {
    name: 'cli plan --units brace glob',
    via: 'cli',
    args: [
      'plan',
      '--repo',
      '{repo}',
      '--trigger',
      'workflow_dispatch',
      '--units',
      'calc_{python,typescript}'
    ],
    fails: false,
    message: /calc_python[\s\S]*calc_typescript/
  },
  {
    name: 'cli plan --units on the default trigger (schedule)',
    via: 'cli',
    args: ['plan', '--repo', '{repo}', '--units', 'calc_python'],
    fails: false,
    message: /^(?![\s\S]*(calc_typescript|other_python|is ignored))[\s\S]*calc_python/
  },
  // §3 state is never read or written through a link out of the repository
  ...[
    ['.pdd/meta', '{outside}/meta'],
    ['.pdd', '{outside}'],
    ['.pdd/meta/calc_python.json', '{outside}/sentinel.txt'],
    ['.pdd/meta/calc_python_run.json', '{outside}/missing.json']
  ].flatMap(([at, target]) =>
    ['plan', 'run'].map((mode): Row => ({
      name: `action ${mode}: ${String(at)} links out of the repository`,
      via: 'action',
      setup: link(String(target), String(at)),
      inputs: { mode, units: 'calc_python' },
      fails: false,
      message:
        /calc_python: state path '\.pdd[^']*' goes through a symlink that leaves the repository; refused/,
      pdd: 'never',
      allowRefs: mode === 'run' ? LOCAL_RUN : INCOMING
    }))
  ),
  {
    name: 'cli run: .pdd/meta links out of the repository',
    via: 'cli',
    setup: link('{outside}/meta', '.pdd/meta'),
    args: ['run', '--repo', '{repo}', '--pdd-command', '{pdd}', '--no-fetch'],
    fails: false,
    message: /state path '\.pdd\/meta' goes through a symlink that leaves the repository; refused/,
    pdd: 'never',
    allowRefs: LOCAL_RUN
  },
  // §3 run records are untrusted input
  ...[
    [unit({ id: '../../etc/passwd_python' }), /unit id "\.\.\/\.\.\/etc\/passwd_python" is not a plain/],
    [unit({ id: '/abs/calc_python' }), /unit id "\/abs\/calc_python" is not a plain/],
    [unit({ id: '-calc_python' }), /unit id "-calc_python" is not a plain/],
    [unit({ basename: '../calc' }), /unit id "calc_python" is not a plain/],
    [
      unit({ fingerprint: fp({ include_deps: { '../../outside/sentinel.txt': 'a'.repeat(64) } }) }),
      /include_deps: "\.\.\/\.\.\/outside\/sentinel\.txt" is not a path inside the repository/
    ],
    [
      unit({ fingerprint: fp({ include_deps: { '/etc/passwd': 'a'.repeat(64) } }) }),
      /include_deps: "\/etc\/passwd" is not a path inside/
    ],
    [
      unit({ fingerprint: fp({ test_files: { '../test_x.py': 'a'.repeat(64) } }) }),
      /test_files: "\.\.\/test_x\.py" is not a path inside/
    ],
    [unit({ fingerprint: fp({ prompt_path: '/etc/shadow' }) }), /prompt_path: "\/etc\/shadow" is not a path/],
    [
      unit({ runReport: { test_file: '../../x.py', exit_code: 0 } }),
      /run report\.test_file: "\.\.\/\.\.\/x\.py"/
    ]
  ].map(([u, m], i): Row => ({
    name: `action plan: hostile run record #${i + 1}`,
    via: 'action',
    setup: seedRecord([u]),
    inputs: { mode: 'plan' },
    fails: false,
    message: m as RegExp,
    allowRefs: INCOMING
  })),
  {
    name: 'action plan: a note that is not a run record',
    via: 'action',
    setup: s => {
      git(s.dir, 'notes', '--ref=pdd-sync', 'add', '-m', '{"schema": 1, "units": "x"}', 'HEAD')
      git(s.dir, 'push', '-q', 'origin', 'refs/notes/pdd-sync')
    },
    inputs: { mode: 'plan' },
    fails: false,
    message: /1 line\(s\) are not run records; skipped/,
    allowRefs: INCOMING
  },
  // §3 a basename PDD's CLI would refuse is skipped at plan time, never admitted or booked
  ...['-calc_python.prompt', '--calc_python.prompt', '-_python.prompt'].map((file): Row => ({
    name: `action run: prompt ${file} at the root`,
    via: 'action',
    files: {
      'prompts/calc_python.prompt': null,
      'prompts/calc_typescript.prompt': null,
      'prompts/other_python.prompt': null,
      [file]: 'x\n'
    },
    inputs: { mode: 'run', budget: '0.5' },
    fails: false,
    message: /No such option '-[-\w]*': a BASENAME starting with '-' reads as an option/,
    pdd: 'never',
    allowRefs: LOCAL_RUN
  })),
  // §5 corrupt or wrong-typed state files are named
  ...[
    ['.pdd/meta/calc_python.json', 'not json', /\.pdd\/meta\/calc_python\.json is not valid JSON/],
    ['.pdd/meta/calc_python.json', '[]', /\.pdd\/meta\/calc_python\.json is not a PDD fingerprint/],
    ['.pdd/meta/calc_python.json', '{"pdd_version": 1}', /calc_python\.json is not a PDD fingerprint/],
    ['.pdd/meta/calc_python.json', '"x"', /calc_python\.json is not a PDD fingerprint/]
  ].map(([f, text, m]): Row => ({
    name: `action plan: ${String(f)} = ${String(text)}`,
    via: 'action',
    files: { [String(f)]: String(text) },
    inputs: { mode: 'plan' },
    fails: false,
    message: m as RegExp
  })),
  {
    name: 'action plan: corrupt run report beside a good fingerprint',
    via: 'action',
    files: {
      '.pdd/meta/calc_python.json': JSON.stringify(unit({}).fingerprint),
      '.pdd/meta/calc_python_run.json': '{"exit_code": "zero"'
    },
    inputs: { mode: 'plan' },
    fails: false,
    message: /\.pdd\/meta\/calc_python_run\.json is not valid JSON/
  },
  {
    name: 'action plan: <include> of a missing file',
    via: 'action',
    files: { 'prompts/calc_python.prompt': 'Use <include>docs/missing.md</include>\n' },
    inputs: { mode: 'plan' },
    fails: false,
    message: /prompts\/calc_python\.prompt: <include> of docs\/missing\.md, which does not exist/
  },
  // §5 configuration through links out, and files too large to read
  {
    name: 'action plan: .pddrc links out of the repository',
    via: 'action',
    setup: link('{outside}/pddrc', '.pddrc'),
    inputs: { mode: 'plan' },
    fails: true,
    message: /\.pddrc: is reached through a symlink that leaves the repository; refused, not applied/
  },
  {
    name: 'cli plan: .pddrc links out of the repository',
    via: 'cli',
    setup: link('{outside}/pddrc', '.pddrc'),
    args: ['plan', '--repo', '{repo}'],
    fails: true,
    message: /pdd-sync: \.pddrc: is reached through a symlink that leaves the repository/
  },
  {
    name: 'action plan: architecture.json links out of the repository',
    via: 'action',
    setup: link('{outside}/architecture.json', 'architecture.json'),
    inputs: { mode: 'plan' },
    fails: false,
    message: /architecture\.json is reached through a symlink that leaves the repository; refused/
  },
  {
    name: 'action plan: a 5 MiB prompt',
    via: 'action',
    files: { 'prompts/big_python.prompt': 'x'.repeat(5 * 1024 * 1024) },
    inputs: { mode: 'plan' },
    fails: false,
    message: /cannot read prompt: the prompt is 5\.0 MiB, more than the 4\.0 MiB/
  },
  {
    name: 'action plan: a 17 MiB include',
    via: 'action',
    files: {
      'prompts/calc_python.prompt': 'Use <include>docs/big.md</include>\n',
      'docs/big.md': 'x'.repeat(17 * 1024 * 1024)
    },
    inputs: { mode: 'plan' },
    fails: false,
    message: /docs\/big\.md is 17\.0 MiB, more than the 16\.0 MiB/
  },
  {
    name: 'action plan: a 2 MiB .pddrc',
    via: 'action',
    files: { '.pddrc': `# ${'x'.repeat(2 * 1024 * 1024)}\ncontexts: {}\n` },
    inputs: { mode: 'plan' },
    fails: true,
    message: /\.pddrc is 2\.0 MiB, more than the 1\.0 MiB/
  },
  {
    name: 'action plan: a 5 MiB meta file',
    via: 'action',
    files: { '.pdd/meta/calc_python.json': `{"pad": "${'x'.repeat(5 * 1024 * 1024)}"}` },
    inputs: { mode: 'plan' },
    fails: false,
    message: /\.pdd\/meta\/calc_python\.json is 5\.0 MiB, more than the 4\.0 MiB/
  },
  // §5 a reason PDD printed as escape codes or binary becomes one readable line
  {
    name: 'action run: PDD prints escape codes and control bytes',
    via: 'action',
    setup: s => pddSays(s, 'Traceback (most recent call last):\nValueError: \x1b[31mboom\x1b[0m\x07 here\n'),
    inputs: { mode: 'run', units: 'other_python' },
    fails: true,
    message: /other_python: pdd exited 1: pdd crashed: ValueError: boom here\n/,
    pdd: 'any',
    allowRefs: RUN_REFS,
    allowOriginRefs: RECORD_REF
  },
  {
    name: 'action run: PDD prints binary',
    via: 'action',
    setup: s =>
      pddSays(
        s,
        Buffer.concat([
          Buffer.from('Traceback (most recent call last):\nValueError: '),
          Buffer.from(Array.from({ length: 200 }, (_, i) => 0x80 + (i % 64)))
        ])
      ),
    inputs: { mode: 'run', units: 'other_python' },
    fails: true,
    message: /PDD printed unreadable \(binary\) output instead of a reason/,
    pdd: 'any',
    allowRefs: RUN_REFS,
    allowOriginRefs: RECORD_REF
  }
]

let api: GitHubApi
beforeAll(async () => {
  api = await startGitHubApi()
  api.ensureRepo('acme', 'calc', { defaultBranch: 'main' })
})
afterAll(async () => api.close())

interface Outcome {
  failed: boolean
  text: string
  /** Everything the run left that a reader could see: outputs, summary, files, API bodies. */
  published: string
}

async function runRow(row: Row, s: Sandbox): Promise<Outcome> {
  const env = { ...process.env, ACTIONS_RUNTIME_TOKEN: SECRETS.runtime, OPENAI_API_KEY: SECRETS.openai }
  if (row.via === 'cli') {
    const args = (row.args ?? []).map(a => a.replace('{repo}', s.dir).replace('{pdd}', s.pddCommand))
    const r = await runCliAsync(args, env, s.dir)
    const text = r.stdout + r.stderr
    return { failed: r.status !== 0, text, published: text }
  }
  const first = api.requests.length
  const inputs = {
    mode: 'plan',
    'pdd-command': s.pddCommand,
    token: SECRETS.token,
    'push-token': SECRETS.pushToken,
    ...row.inputs
  }
  const r = await runActionAsync(inputs, {
    workspace: s.dir,
    event: row.event ?? 'workflow_dispatch',
    payload: row.payload ?? (row.event === 'push' ? { before: '0'.repeat(40), after: 'HEAD' } : {}),
    apiUrl: api.url,
    env
  })
  const files = ['plan', 'result'].map(k => (r.outputs[k] ? readFileSync(r.outputs[k], 'utf8') : ''))
  // Every request made while the row ran (rows run side by side: maybe others' too, never fewer than its own).
  const bodies = JSON.stringify(api.requests.slice(first).map(q => q.body))
  const stdout = withoutMaskCommands(r.stdout)
  const text = stdout + r.stderr + r.summary
  return {
    failed: r.status !== 0,
    text,
    published: [text, JSON.stringify(r.outputs), ...files, bodies].join('\n')
  }
}

/**
 * Checks a row in-process through what its entry calls first: the action's input table (`readInputs`, as
 * `readSettings` does) then the bot branch check of `openRun`, or the CLI's `run` options. The runner's
 * defaults are those of the bundled rows (base branch `main`, checked out).
 */
function inProcess(row: Row, pddCommand: string): Outcome {
  let text = ''
  try {
    if (row.via === 'cli') {
      const args = (row.args ?? []).map(a => a.replace('{repo}', '/nonexistent').replace('{pdd}', pddCommand))
      runRequestOf(parseRunArgs(args.slice(1)))
    } else {
      const inputs: Record<string, string> = {
        mode: 'plan',
        token: SECRETS.token,
        'push-token': SECRETS.pushToken,
        ...row.inputs
      }
      const v = readInputs({
        get: n => inputs[n] ?? '',
        warning: () => undefined,
        setSecret: () => undefined
      })
      if (v.branch !== undefined) refuseBotBranch(v.branch, v.base ?? 'main', 'main', true)
    }
  } catch (e) {
    text = (e as Error).message
  }
  return { failed: text !== '', text, published: text }
}

// Each row owns its sandbox, and a row mostly waits on the bundle it starts: three rows run side by side.
describe.concurrent(
  'reliability: bad input and faults get a clear answer, write nothing outside the lines, leak nothing',
  () => {
    it('has at least 60 rows', () => {
      expect(ROWS.length).toBeGreaterThanOrEqual(60)
    })

    it.each(ROWS.filter(r => r.inProcess).map(r => [r.name, r] as const))('%s (in-process)', (_name, row) => {
      expect(row.pdd ?? 'never').toBe('never')
      const out = inProcess(row, 'pdd')
      expect(out.text).toMatch(row.message)
      expect(out.failed).toBe(row.fails)
      expect(leakedSecrets(out.published)).toEqual([])
    })

    it.each(ROWS.filter(r => !r.inProcess).map(r => [r.name, r] as const))('%s', async (_name, row) => {
      const files: Record<string, string> = { ...FILES }
      for (const [k, v] of Object.entries(row.files ?? {})) {
        if (v === null) delete files[k]
        else files[k] = v
      }
      const s = sandbox(files)
      row.setup?.(s)
      const before = snapshot(s)
      const out = await runRow(row, s)
      // (1) the answer
      expect(out.text).toMatch(row.message)
      expect(out.failed, out.text.slice(-2000)).toBe(row.fails)
      if (row.fails && row.via === 'action') expect(out.text).toMatch(/::error::/)
      // (2) nothing written that should not be
      expect(changes(before, snapshot(s), { work: row.allowRefs, origin: row.allowOriginRefs })).toEqual([])
      const starts = pddStarts(s)
      if ((row.pdd ?? 'never') === 'never') expect(starts).toEqual([])
      if (row.pdd === 'no-sync') expect(starts.filter(a => a.includes('sync'))).toEqual([])
      // (3) no secret anywhere
      expect(leakedSecrets(out.published)).toEqual([])
      expect(leakedSecrets(repositoryText(s))).toEqual([])
    })
  }
)

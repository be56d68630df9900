/**
 * Live cross-check of `decide` against the real PDD: each fixture is a small project in PDD's default layout
 * (no .pddrc), evaluated by `sync_determine_operation` in one Python process and by our port from the same
 * files.
 */
import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import {
  type Artifact,
  type DecideInput,
  decide,
  estimateOperationCost,
  hasDependencies,
  isIsolatedReplayOrRepair,
  isTruthyEnv,
  parsePythonIsoDatetime
} from '../src/plan/decide.js'
import {
  isRunHistoryFileName,
  isSuccessfulRunRecord,
  parseFingerprint,
  parseRunReport
} from '../src/state/meta-files.js'
import type { Operation } from '../src/types.js'
import { describeRealPdd } from './helpers/gate.js'
import { pddEnv, requirePddVenv } from './helpers/pdd-venv.js'

type Language = 'python' | 'typescript'
/** `cur`: the file's current hash, or for an absent file a digest of former content; `old`: another digest; null: not recorded. */
type HashSpec = 'cur' | 'old' | null

interface FpSpec {
  command: string
  hashes?: Partial<Record<Artifact, HashSpec>>
  timestamp?: string
}

interface Fixture {
  name: string
  language?: Language
  /** File contents; null = absent. Defaults: all four files. */
  files?: Partial<Record<Artifact, string | null>>
  fp?: FpSpec
  /** Raw fingerprint text (invalid files). */
  rawFp?: string
  /** Run report JSON; the string '@test' anywhere stands for the current test hash. */
  rr?: Record<string, unknown>
  /** Extra `.pdd/meta` files (run history). */
  meta?: Record<string, unknown>
  skipTests?: boolean
  skipVerify?: boolean
  target?: number
  force?: boolean
  repair?: string
  disableTestExtend?: string
}

const B = 'calc'
const T0 = '2026-01-01T00:00:00+00:00'
const T1 = '2026-01-01T00:01:00+00:00'
const DEPS = 'Write add(a, b).\nUse <web>https://example.com/api</web> for the API.\n'
const OLD = crypto.createHash('sha256').update('old content').digest('hex')

const fp = (
  command: string,
  hashes: Partial<Record<Artifact, HashSpec>> = {},
  timestamp?: string
): FpSpec => ({
  command,
  hashes,
  ...(timestamp ? { timestamp } : {})
})
const rr = (o: Record<string, unknown> = {}): Record<string, unknown> => ({
  timestamp: T1,
  exit_code: 0,
  tests_passed: 5,
  tests_failed: 0,
  coverage: 95,
  test_hash: '@test',
  ...o
})
const failing = { exit_code: 1, tests_passed: 0, tests_failed: 0, coverage: 0 }
const lowCov = { tests_passed: 10, coverage: 75 }
const only = (...present: Artifact[]): Partial<Record<Artifact, null>> =>
  Object.fromEntries(
    (['prompt', 'code', 'example', 'test'] as const).filter(a => !present.includes(a)).map(a => [a, null])
  )

const fixtures: Fixture[] = [
  { name: '1 auto-deps → generate', fp: fp('auto-deps'), rr: rr({ tests_failed: 3 }) },
  {
    name: '3a prompt+code changed → fail_and_request_manual_merge',
    fp: fp('test', { prompt: 'old', code: 'old' }),
    rr: rr()
  },
  { name: '3a prompt changed → generate', fp: fp('test', { prompt: 'old' }), rr: rr() },
  {
    name: '3a prompt changed, deps → auto-deps',
    files: { prompt: DEPS },
    fp: fp('test', { prompt: 'old' }),
    rr: rr()
  },
  { name: '3b crash failed → crash', fp: fp('crash'), rr: rr(failing) },
  { name: '3b crash done → verify', fp: fp('crash'), rr: rr() },
  { name: '3b skipped by --skip-verify → test', fp: fp('crash'), rr: rr(), skipVerify: true },
  { name: '3c failures → fix', fp: fp('test'), rr: rr({ tests_failed: 2, exit_code: 1 }) },
  {
    name: '3c failures, no test file → test',
    files: { test: null },
    fp: fp('test', { test: null }),
    rr: rr({ tests_failed: 2 })
  },
  {
    name: '3c --skip-tests hides failures; 7 → crash',
    fp: fp('test'),
    rr: rr({ exit_code: 1, tests_passed: 3, tests_failed: 2 }),
    skipTests: true
  },
  { name: '3d no history → crash', fp: fp('generate', { example: null }), rr: rr(failing) },
  { name: '3d verify history → fix', fp: fp('verify'), rr: rr(failing) },
  {
    name: '3d history file → fix',
    fp: fp('generate'),
    rr: rr(failing),
    meta: { [`${B}_python_run_20250101.json`]: { exit_code: 0 } }
  },
  {
    name: '3d failed history file → crash',
    fp: fp('generate'),
    rr: rr(failing),
    meta: { [`${B}_python_run_old.json`]: { exit_code: 3 } }
  },
  { name: '3d example command → fix', fp: fp('example'), rr: rr(failing) },
  { name: '3d generate command → crash', fp: fp('generate'), rr: rr(failing) },
  { name: '3d #349 passing with exit 1 → nothing', fp: fp('fix'), rr: rr({ exit_code: 1 }) },
  {
    name: '3d --skip-tests keeps exit 2 → fix',
    fp: fp('test'),
    rr: rr({ exit_code: 2, tests_passed: 0, coverage: 0 }),
    skipTests: true
  },
  {
    name: '3d string exit code "0" → crash',
    fp: fp('generate'),
    rr: rr({ exit_code: '0', tests_passed: 0, coverage: 0 })
  },
  {
    name: '3e exit code false counts as 0 → all_synced',
    fp: fp('test'),
    rr: rr({ exit_code: false, tests_passed: 0, coverage: 0 })
  },
  { name: '3e --skip-tests → all_synced', fp: fp('test'), rr: rr(lowCov), skipTests: true },
  {
    name: '3e skip flags swallow failures → all_synced',
    fp: fp('test'),
    rr: rr({ tests_failed: 2, coverage: 80 }),
    skipTests: true,
    skipVerify: true
  },
  {
    name: '3e code missing → generate',
    files: { code: null },
    fp: fp('test', { code: null }),
    rr: rr(lowCov)
  },
  {
    name: '3e python test missing → test',
    files: { test: null },
    fp: fp('example', { test: null }),
    rr: rr({ tests_passed: 1, coverage: 0, test_hash: null })
  },
  {
    name: '3e PDD_DISABLE_TEST_EXTEND=" Yes " → all_synced',
    fp: fp('test'),
    rr: rr(lowCov),
    disableTestExtend: ' Yes '
  },
  {
    name: '3e PDD_DISABLE_TEST_EXTEND=0 → test_extend',
    fp: fp('test'),
    rr: rr(lowCov),
    disableTestExtend: '0'
  },
  { name: '3e python → test_extend', fp: fp('test'), rr: rr(lowCov) },
  { name: '3e unparseable → all_synced', fp: fp('test'), rr: rr({ tests_passed: 0, coverage: 0 }) },
  { name: '3e coverage at target → nothing', fp: fp('test'), rr: rr({ coverage: 90 }) },
  { name: '3e --target-coverage 50 → nothing', fp: fp('test'), rr: rr({ coverage: 75 }), target: 50 },
  { name: '3e typescript → all_synced', language: 'typescript', fp: fp('test'), rr: rr(lowCov) },
  {
    name: '3e typescript, no test, test hash → all_synced',
    language: 'typescript',
    files: { test: null },
    fp: fp('test', { test: null }),
    rr: rr({ coverage: 50, test_hash: OLD })
  },
  {
    name: '3e typescript, no test, synthetic → test',
    language: 'typescript',
    files: { test: null },
    fp: fp('test', { test: null }),
    rr: rr({ coverage: 50, test_hash: null })
  },
  { name: '4 new prompt → generate', files: only('prompt') },
  {
    name: '4 new prompt, bare <include> → auto-deps',
    files: { ...only('prompt'), prompt: 'It needs to <include> another file.\n' }
  },
  { name: '4 empty project → nothing', files: only() },
  {
    name: '4 run report without fingerprint is ignored → generate',
    rr: rr({ tests_failed: 2, exit_code: 1 })
  },
  { name: '5 code missing → generate', files: { code: null }, fp: fp('test') },
  { name: '5 code missing, deps → auto-deps', files: { code: null, prompt: DEPS }, fp: fp('test') },
  { name: '5 code and prompt missing → generate', files: { code: null, prompt: null }, fp: fp('test') },
  { name: '5 example missing → example', files: { example: null }, fp: fp('test') },
  { name: '5 example missing, --force → generate', files: { example: null }, fp: fp('test'), force: true },
  {
    name: '5 example missing, PDD_REPAIR_DIRECTIVE → generate',
    files: { example: null },
    fp: fp('test'),
    repair: 'fix the parser'
  },
  {
    name: '5 example missing, empty PDD_REPAIR_DIRECTIVE → example',
    files: { example: null },
    fp: fp('test'),
    repair: ''
  },
  { name: '5 test missing → test', files: { test: null }, fp: fp('test') },
  {
    name: '5 test missing, --skip-tests → nothing',
    files: { test: null },
    fp: fp('test'),
    rr: rr(),
    skipTests: true
  },
  { name: '5 example and test missing → example', files: { example: null, test: null }, fp: fp('test') },
  { name: '7 complete → nothing', fp: fp('test'), rr: rr() },
  {
    name: '7 both skip flags → nothing',
    files: { test: null },
    fp: fp('example', { test: null }),
    skipTests: true,
    skipVerify: true
  },
  { name: '7 no run report → crash', fp: fp('test') },
  { name: '7 command example → verify', fp: fp('example'), rr: rr() },
  { name: '7 command skip:test → verify', fp: fp('skip:test'), rr: rr() },
  { name: '7 command test_extend → verify', fp: fp('test_extend'), rr: rr() },
  { name: '7 command example, --skip-verify → test', fp: fp('example'), rr: rr(), skipVerify: true },
  { name: '7 report test hash differs → test', fp: fp('test'), rr: rr({ test_hash: OLD }) },
  {
    name: '7 report test_files differ → test',
    fp: fp('test'),
    rr: rr({ test_files: { 'test_calc.py': OLD } })
  },
  {
    name: '7 report test_files match → nothing',
    fp: fp('test'),
    rr: rr({ test_hash: OLD, test_files: { 'test_calc.py': '@test' } })
  },
  {
    name: '7 legacy report older → test',
    fp: fp('test', {}, T1),
    rr: rr({ test_hash: undefined, timestamp: T0 })
  },
  { name: '7 legacy report same time → nothing', fp: fp('test', {}, T1), rr: rr({ test_hash: undefined }) },
  {
    name: '7 legacy naive vs aware → error',
    fp: fp('test', {}, '2026-01-02T00:00:00'),
    rr: rr({ test_hash: undefined })
  },
  {
    name: '7 legacy both naive → test',
    fp: fp('test', {}, '2026-01-02 00:00:00'),
    rr: rr({ test_hash: null, timestamp: '20260101T000000' })
  },
  {
    name: '7 legacy Z suffix → nothing',
    fp: fp('test', {}, '2026-01-01T00:00:00Z'),
    rr: rr({ test_hash: null })
  },
  { name: '7 coverage 0.0, target 0 → test', fp: fp('test'), rr: rr({ coverage: 0 }), target: 0 },
  {
    name: '7 example missing, unrecorded → example',
    files: { example: null, test: null },
    fp: fp('generate', { example: null, test: null })
  },
  {
    name: '7 typescript agentic tests → all_synced',
    language: 'typescript',
    files: { test: null },
    fp: fp('test', { test: null }),
    rr: rr({ test_hash: OLD })
  },
  { name: '7 test missing, no report → crash', files: { test: null }, fp: fp('example', { test: null }) },
  {
    name: '7 test missing, no report, --skip-verify → test',
    files: { test: null },
    fp: fp('example', { test: null }),
    skipVerify: true
  },
  {
    name: '7 test missing, report exit 1 passing → crash',
    files: { test: null },
    fp: fp('example', { test: null }),
    rr: rr({ exit_code: 1, tests_passed: 1, coverage: 100, test_hash: null })
  },
  {
    name: '7 test missing, command example → verify',
    files: { test: null },
    fp: fp('example', { test: null }),
    rr: rr({ coverage: 100, test_hash: null })
  },
  {
    name: '7 test missing, command verify → test',
    files: { test: null },
    fp: fp('verify', { test: null }),
    rr: rr({ coverage: 100, test_hash: null })
  },
  {
    name: '7 code missing, unrecorded → generate',
    files: only('prompt'),
    fp: fp('generate', { code: null, example: null, test: null })
  },
  {
    name: '7 code missing, unrecorded, deps → auto-deps',
    files: { ...only('prompt'), prompt: DEPS },
    fp: fp('generate', { code: null, example: null, test: null })
  },
  { name: '8 prompt changed → generate', fp: fp('test', { prompt: 'old' }) },
  { name: '8 prompt changed, deps → auto-deps', files: { prompt: DEPS }, fp: fp('test', { prompt: 'old' }) },
  { name: '8 prompt gone, hash recorded → error', files: { prompt: null }, fp: fp('test') },
  { name: '8 code changed → update', fp: fp('test', { code: 'old' }), rr: rr() },
  { name: '8 test changed → test', fp: fp('test', { test: 'old' }), rr: rr() },
  { name: '8 example changed → verify', fp: fp('test', { example: 'old' }), rr: rr() },
  {
    name: '9 prompt+code changed → fail_and_request_manual_merge',
    fp: fp('test', { prompt: 'old', code: 'old' })
  },
  {
    name: '9 prompt gone, code changed → fail_and_request_manual_merge',
    files: { prompt: null },
    fp: fp('test', { code: 'old' })
  },
  { name: '9 code+example changed → verify', fp: fp('test', { code: 'old', example: 'old' }), rr: rr() },
  { name: '9 example+test changed → verify', fp: fp('test', { example: 'old', test: 'old' }), rr: rr() },
  {
    name: '10 prompt and code gone, unrecorded → nothing',
    files: { prompt: null, code: null },
    fp: fp('test', { prompt: null, code: null })
  },
  {
    name: '10 --skip-tests, unverified → nothing',
    files: { test: null },
    fp: fp('example', { test: null }),
    rr: rr(),
    skipTests: true
  },
  {
    name: 'fingerprint without command is invalid → generate',
    rawFp: JSON.stringify({ pdd_version: '1', timestamp: T0 })
  },
  { name: 'fingerprint not JSON is invalid → generate', rawFp: '{ not json' },
  {
    name: 'run report without coverage is ignored → crash',
    fp: fp('test'),
    rr: { timestamp: T1, exit_code: 1, tests_passed: 0, tests_failed: 2 }
  }
]

const CONTENT: Record<Language, Record<Artifact, string>> = {
  python: {
    prompt: 'Write add(a, b) returning a + b.\n',
    code: 'def add(a, b):\n    return a + b\n',
    example: 'from calc import add\nprint(add(1, 2))\n',
    test: 'from calc import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n'
  },
  typescript: {
    prompt: 'Write add(a, b) returning a + b.\n',
    code: 'export const add = (a: number, b: number): number => a + b\n',
    example: "import { add } from '../calc'\nconsole.log(add(1, 2))\n",
    test: "import { add } from './calc'\ntest('add', () => expect(add(1, 2)).toBe(3))\n"
  }
}

/** PDD's default layout without a .pddrc (`get_pdd_file_paths`). */
function layout(language: Language): Record<Artifact, string> {
  const ext = language === 'python' ? 'py' : 'ts'
  return {
    prompt: `prompts/${B}_${language}.prompt`,
    code: `${B}.${ext}`,
    example: `examples/${B}_example.${ext}`,
    test: `test_${B}.${ext}`
  }
}

function sha256File(file: string): string | null {
  try {
    return fs.statSync(file).isFile()
      ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
      : null
  } catch {
    return null
  }
}

function substitute(value: unknown, testHash: string | null): unknown {
  if (value === '@test') return testHash
  if (Array.isArray(value)) return value.map(v => substitute(v, testHash))
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, testHash)]))
  }
  return value
}

function writeFixture(dir: string, fx: Fixture): void {
  const language = fx.language ?? 'python'
  const files = layout(language)
  const meta = path.join(dir, '.pdd', 'meta')
  fs.mkdirSync(meta, { recursive: true })
  for (const a of ['prompt', 'code', 'example', 'test'] as const) {
    const content = fx.files?.[a] === undefined ? CONTENT[language][a] : fx.files[a]
    if (content === null) continue
    // The prompt hash is then the plain file hash: no include references, no stored include_deps.
    if (/<\/include>|```</.test(content))
      throw new Error(`fixture ${fx.name}: prompt with include references`)
    fs.mkdirSync(path.dirname(path.join(dir, files[a])), { recursive: true })
    fs.writeFileSync(path.join(dir, files[a]), content)
  }
  const current = (a: Artifact): string | null => sha256File(path.join(dir, files[a]))
  const stem = path.join(meta, `${B}_${language}`)
  if (fx.rawFp !== undefined) fs.writeFileSync(`${stem}.json`, fx.rawFp)
  if (fx.fp) {
    const spec = (a: Artifact): HashSpec =>
      fx.fp?.hashes?.[a] === undefined ? 'cur' : (fx.fp.hashes[a] ?? null)
    const hash = (a: Artifact): string | null =>
      ({ cur: current(a) ?? OLD, old: OLD, none: null })[spec(a) ?? 'none']
    const { command, timestamp = T0 } = fx.fp
    const body = {
      pdd_version: '0.0.310',
      timestamp,
      command,
      prompt_hash: hash('prompt'),
      code_hash: hash('code'),
      example_hash: hash('example'),
      test_hash: hash('test')
    }
    fs.writeFileSync(`${stem}.json`, JSON.stringify(body))
  }
  if (fx.rr) fs.writeFileSync(`${stem}_run.json`, JSON.stringify(substitute(fx.rr, current('test'))))
  for (const [name, body] of Object.entries(fx.meta ?? {}))
    fs.writeFileSync(path.join(meta, name), JSON.stringify(body))
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as unknown
  } catch {
    return undefined
  }
}

/** Our DecideInput from the fixture's files, computed the way a planner would. */
function readInput(dir: string, fx: Fixture): DecideInput {
  const language = fx.language ?? 'python'
  const files = layout(language)
  const at = (a: Artifact): string => path.join(dir, files[a])
  const hashes = {
    prompt: sha256File(at('prompt')),
    code: sha256File(at('code')),
    example: sha256File(at('example')),
    test: sha256File(at('test'))
  }
  const meta = path.join(dir, '.pdd', 'meta')
  const history = fs.readdirSync(meta).filter(name => isRunHistoryFileName(name, B, language))
  return {
    language,
    fingerprint: parseFingerprint(readJson(path.join(meta, `${B}_${language}.json`))),
    runReport: parseRunReport(readJson(path.join(meta, `${B}_${language}_run.json`))),
    hashes: { ...hashes, testFiles: hashes.test ? { [path.basename(files.test)]: hashes.test } : {} },
    exists: {
      prompt: fs.existsSync(at('prompt')),
      code: fs.existsSync(at('code')),
      example: fs.existsSync(at('example')),
      test: fs.existsSync(at('test'))
    },
    promptText: fs.existsSync(at('prompt')) ? fs.readFileSync(at('prompt'), 'utf8') : null,
    hasSuccessfulRunHistory: history.some(name => isSuccessfulRunRecord(readJson(path.join(meta, name)))),
    skipTests: fx.skipTests ?? false,
    skipVerify: fx.skipVerify ?? false,
    targetCoverage: fx.target ?? 90,
    isolatedReplayOrRepair: isIsolatedReplayOrRepair(fx.force ?? false, fx.repair),
    disableTestExtend: isTruthyEnv(fx.disableTestExtend)
  }
}

const DRIVER = String.raw`
import importlib.metadata, json, os, sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from pdd import sync_determine_operation as sdo

spec = json.load(open(sys.argv[1], encoding='utf-8'))

def emit(obj):
    sys.stdout.write('@@PDD@@ ' + json.dumps(obj, default=str) + '\n')
    sys.stdout.flush()

def set_env(name, value):
    if value is None:
        os.environ.pop(name, None)
    else:
        os.environ[name] = value

emit({'kind': 'version', 'version': importlib.metadata.version('pdd-cli')})
for fx in spec['fixtures']:
    os.chdir(fx['dir'])
    set_env('PDD_DISABLE_TEST_EXTEND', fx.get('disable_test_extend'))
    set_env('PDD_REPAIR_DIRECTIVE', fx.get('repair'))
    if hasattr(sdo._directory_entry_index, 'cache_clear'):
        sdo._directory_entry_index.cache_clear()
    # How sync_orchestration / sync_main compute it before calling sync_determine_operation.
    isolated = bool(fx['force']) or bool(os.environ.get('PDD_REPAIR_DIRECTIVE'))
    out = {'kind': 'fixture', 'name': fx['name']}
    try:
        d = sdo.sync_determine_operation(
            fx['basename'], fx['language'], fx['target'], log_mode=True, prompts_dir='prompts',
            skip_tests=fx['skip_tests'], skip_verify=fx['skip_verify'], isolated_replay_or_repair=isolated)
        out.update(operation=d.operation, reason=d.reason, confidence=d.confidence, details=d.details)
    except Exception as e:
        out.update(raised=type(e).__name__, message=str(e))
    try:
        paths = sdo.get_pdd_file_paths(fx['basename'], fx['language'], 'prompts')
        out['paths'] = {k: os.path.relpath(str(v), fx['dir']) for k, v in paths.items() if isinstance(v, Path)}
    except Exception as e:
        out['paths_error'] = repr(e)
    emit(out)

os.chdir(spec['scratch'])
for value in spec['env_values']:
    os.environ['PDD_DISABLE_TEST_EXTEND'] = value
    emit({'kind': 'extend', 'value': value, 'result': sdo.is_test_extend_disabled()})
os.environ.pop('PDD_DISABLE_TEST_EXTEND', None)
for text in spec['prompts']:
    emit({'kind': 'deps', 'text': text, 'result': sdo.check_for_dependencies(text)})
for op in spec['operations']:
    emit({'kind': 'cost', 'op': op, 'result': sdo.estimate_operation_cost(op)})
for text in spec['timestamps']:
    try:
        dt = datetime.fromisoformat(text.replace('Z', '+00:00'))
        epoch = datetime(1970, 1, 1) if dt.tzinfo is None else datetime(1970, 1, 1, tzinfo=timezone.utc)
        result = {'aware': dt.tzinfo is not None, 'micros': str((dt - epoch) // timedelta(microseconds=1))}
    except ValueError:
        result = None
    emit({'kind': 'iso', 'text': text, 'result': result})
meta = Path('.pdd/meta')
meta.mkdir(parents=True, exist_ok=True)
for i, text in enumerate(spec['meta_texts']):
    (meta / 'm_python.json').write_text(text)
    (meta / 'm_python_run.json').write_text(text)
    out = {'kind': 'meta', 'index': i}
    for key, reader in (('fingerprint', sdo.read_fingerprint), ('run_report', sdo.read_run_report)):
        try:
            value = reader('m', 'python')
            out[key] = None if value is None else vars(value)
        except Exception as e:
            out[key] = {'raised': type(e).__name__}
    emit(out)
`

interface PddLine {
  kind: string
  [key: string]: unknown
}

const ENV_VALUES = [
  '1',
  'true',
  'TRUE',
  'Yes',
  '  on  ',
  '\x1con\x1f',
  '\u00a0yes',
  '0',
  'false',
  'off',
  '',
  'maybe'
]
const PROMPTS = [
  'plain',
  'see <include> x',
  '<include select="x">a</include>',
  '<web>u</web>',
  '<shell>ls</shell>',
  '<INCLUDE>',
  'AUTO-DEPS',
  'auto_deps',
  'Dependencies Needed',
  'this requires dependencies',
  'please include dependencies'
]
const OPERATIONS: Operation[] = [
  'auto-deps',
  'generate',
  'example',
  'crash',
  'verify',
  'test',
  'test_extend',
  'fix',
  'update',
  'nothing',
  'all_synced',
  'error',
  'fail_and_request_manual_merge'
]
const TIMESTAMPS = [
  T0,
  '2026-01-01T00:00:00Z',
  '2026-01-01T00:00:00.123456789+05:30',
  '2026-01-01 00:00:00',
  '20260101T000000',
  '2026-01-01',
  '2026-01-01T10',
  '2026-01-01T10:30',
  '2026-01-01T10:30:00,5-02',
  '0001-01-01T00:00:00',
  '9999-12-31T23:59:59.999999+00:00',
  '2025-02-29T00:00:00',
  '2026-01-01T24:00:00',
  't',
  '2026-13-01',
  '2026-01-01T00:00:00+24:00',
  '2026-01-01X00:00:00'
]
const META_TEXTS = [
  JSON.stringify({ pdd_version: '1', timestamp: 't', command: 'fix', prompt_hash: 'p' }),
  JSON.stringify({ pdd_version: '1', timestamp: 't' }),
  JSON.stringify({ pdd_version: null, timestamp: 5, command: null, code_hash: 0, test_files: { a: 'h' } }),
  JSON.stringify({
    timestamp: 't',
    exit_code: 0,
    tests_passed: 1,
    tests_failed: 0,
    coverage: 50.5,
    test_hash: 'x'
  }),
  JSON.stringify({ timestamp: 't', exit_code: 0, tests_passed: 1, tests_failed: 0 }),
  '{ not json'
]

describeRealPdd('decide matches the real PDD', () => {
  let root = ''
  const byName = new Map<string, PddLine>()
  const helpers: PddLine[] = []
  const ours = new Map<string, DecideInput>()
  let version = ''

  beforeAll(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'decide-pdd-')))
    const scratch = path.join(root, 'scratch')
    fs.mkdirSync(scratch)
    const specFixtures = fixtures.map((fx, i) => {
      const dir = path.join(root, String(i).padStart(3, '0'))
      fs.mkdirSync(dir)
      writeFixture(dir, fx)
      ours.set(fx.name, readInput(dir, fx))
      return {
        name: fx.name,
        dir,
        basename: B,
        language: fx.language ?? 'python',
        target: fx.target ?? 90,
        skip_tests: fx.skipTests ?? false,
        skip_verify: fx.skipVerify ?? false,
        force: fx.force ?? false,
        repair: fx.repair ?? null,
        disable_test_extend: fx.disableTestExtend ?? null
      }
    })
    const spec = {
      fixtures: specFixtures,
      scratch,
      env_values: ENV_VALUES,
      prompts: PROMPTS,
      operations: OPERATIONS,
      timestamps: TIMESTAMPS,
      meta_texts: META_TEXTS
    }
    fs.writeFileSync(path.join(root, 'spec.json'), JSON.stringify(spec))
    fs.writeFileSync(path.join(root, 'driver.py'), DRIVER)
    const run = spawnSync(
      requirePddVenv().python,
      [path.join(root, 'driver.py'), path.join(root, 'spec.json')],
      {
        cwd: scratch,
        env: pddEnv(),
        encoding: 'utf8',
        timeout: 240_000,
        maxBuffer: 64 * 1024 * 1024
      }
    )
    if (run.status !== 0) throw new Error(`PDD driver failed (${run.status}): ${run.stderr.slice(-4000)}`)
    for (const line of run.stdout.split('\n')) {
      if (!line.startsWith('@@PDD@@ ')) continue
      const parsed = JSON.parse(line.slice('@@PDD@@ '.length)) as PddLine
      if (parsed.kind === 'version') version = String(parsed.version)
      else if (parsed.kind === 'fixture') byName.set(String(parsed.name), parsed)
      else helpers.push(parsed)
    }
  }, 300_000)

  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true })
  })

  it('runs the expected PDD version in PDD’s default layout', () => {
    expect(version).toBe(requirePddVenv().version)
    const paths = byName.get('7 complete → nothing')?.paths
    expect(paths).toMatchObject(layout('python'))
    expect(byName.get('3e typescript → all_synced')?.paths).toMatchObject(layout('typescript'))
  })

  it.each(fixtures.map(fx => [fx.name]))('%s', name => {
    const pdd = byName.get(name)
    const input = ours.get(name)
    expect(pdd, 'PDD produced no result').toBeDefined()
    expect(input).toBeDefined()
    if (!pdd || !input) return
    const mine = decide(input)
    const theirs = typeof pdd.raised === 'string' ? 'error' : pdd.operation
    // The fixture's name states the branch it was built for: PDD itself must land there too.
    const intended = /→ (\S+)$/.exec(name)?.[1]
    if (intended) expect(theirs, `PDD: ${JSON.stringify(pdd)}`).toBe(intended)
    expect(mine.operation, `PDD: ${JSON.stringify(pdd)}\nours: ${JSON.stringify(mine)}`).toBe(theirs)
    if (typeof pdd.raised === 'string') expect(mine.reason).toContain(pdd.raised)
    else {
      expect(mine.reason).toBe(pdd.reason)
      expect(mine.confidence).toBe(pdd.confidence)
    }
    if (mine.operation === 'fail_and_request_manual_merge') {
      expect(mine.details).toMatchObject({
        classification: 'CONFLICT',
        changed_files: (pdd.details as Record<string, unknown>).changed_files
      })
    }
  })

  it('helpers agree: PDD_DISABLE_TEST_EXTEND, has-deps, costs, ISO timestamps, metadata validity', () => {
    const of = (kind: string): PddLine[] => helpers.filter(h => h.kind === kind)
    for (const h of of('extend')) expect(isTruthyEnv(String(h.value)), JSON.stringify(h.value)).toBe(h.result)
    for (const h of of('deps')) expect(hasDependencies(String(h.text)), String(h.text)).toBe(h.result)
    for (const h of of('cost')) expect(estimateOperationCost(h.op as Operation), String(h.op)).toBe(h.result)
    for (const h of of('iso')) {
      const parsed = parsePythonIsoDatetime(String(h.text))
      expect(parsed && { aware: parsed.aware, micros: parsed.micros.toString() }, String(h.text)).toEqual(
        h.result
      )
    }
    for (const h of of('meta')) {
      const json = readJsonText(META_TEXTS[Number(h.index)] ?? '')
      expect(parseFingerprint(json) === null, `fingerprint ${String(h.index)}`).toBe(h.fingerprint === null)
      expect(parseRunReport(json) === null, `run report ${String(h.index)}`).toBe(h.run_report === null)
    }
    expect(of('deps')).toHaveLength(PROMPTS.length)
    expect(of('cost')).toHaveLength(OPERATIONS.length)
    expect(of('extend')).toHaveLength(ENV_VALUES.length)
    expect(of('iso')).toHaveLength(TIMESTAMPS.length)
    expect(of('meta')).toHaveLength(META_TEXTS.length)
  })
})

function readJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

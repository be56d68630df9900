/**
 * `npm run demo`: the whole action, offline, on a copy of examples/pdd-repo. It runs the committed bundle
 * (dist/index.js) with `mode: run` as a workflow_dispatch would, with the REAL pdd-cli (pinned venv, made by
 * scripts/setup-pdd-venv.sh when missing) answering to a scripted LLM server on 127.0.0.1, a local bare
 * repository as `origin`, and a local stand-in for the GitHub REST API. Then it prints the pull request the
 * action opened and its job summary. Nothing leaves this machine and no money is spent. pdd-cli 0.0.310 verifies
 * and tests TypeScript only through an agent CLI (docs/pdd-agents.md): a stand-in `claude` on PATH answers those
 * tasks (`agentic-fallback: true`), and the output says so. A unit the demo adds to its copy, `greet`, keeps a
 * real failure (tests that keep failing), so the checklist shows a partial result.
 * DEMO_LOG=<file> writes the action's log there; DEMO_KEEP=1 keeps the temporary repositories (and commits
 * what a failed unit left, keep-partial) for inspection.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
process.env.PDD_SYNC_TEST_DIST ??= path.join(root, 'dist')
if (!process.env.PDD_VENV) {
  process.stderr.write('demo: preparing the pinned pdd-cli venv (scripts/setup-pdd-venv.sh)…\n')
  process.env.PDD_VENV = execFileSync('bash', [path.join(root, 'scripts', 'setup-pdd-venv.sh')], {
    encoding: 'utf8'
  }).trim()
}
const { runActionAsync } = await import('../__tests__/helpers/action-runner.js')
const { start } = await import('../__tests__/helpers/llm-server.js')
const { startGitHubApi } = await import('../__tests__/helpers/github-api.js')
const { preparePddProject, realPdd } = await import('../__tests__/helpers/pdd-project.js')
const { agentStandIn } = await import('../__tests__/helpers/agent-standin.js')

const REPORT = [
  'def summarize(values):',
  '    if not values:',
  '        return {"total": 0, "mean": None, "max": None}',
  '    total = sum(values)',
  '    return {"total": total, "mean": total / len(values), "max": max(values)}',
  ''
].join('\n')
const REPORT_EXAMPLE = [
  'import sys',
  'from pathlib import Path',
  '',
  "sys.path.insert(0, str(Path(__file__).resolve().parents[2] / 'src' / 'backend'))",
  'from report import summarize',
  '',
  'print(summarize([1.0, 2.0, 3.0]))',
  ''
].join('\n')
// PDD rewrites sys.path lines of generated tests (its header points at tests/), so the test loads the module
// from its file.
const REPORT_TEST = [
  'import importlib.util',
  'from pathlib import Path',
  '',
  "_path = Path(__file__).resolve().parents[2] / 'src' / 'backend' / 'report.py'",
  "_spec = importlib.util.spec_from_file_location('report', _path)",
  'report = importlib.util.module_from_spec(_spec)',
  '_spec.loader.exec_module(report)',
  '',
  '',
  'def test_summarize():',
  '    assert report.summarize([1.0, 2.0, 3.0]) == {"total": 6.0, "mean": 2.0, "max": 3.0}',
  '',
  '',
  'def test_empty():',
  '    assert report.summarize([]) == {"total": 0, "mean": None, "max": None}',
  ''
].join('\n')
// The test the stand-in agent CLI writes for calculator_typescript (PDD runs it with `npx tsx {file}`).
const CALC_TS_TEST = [
  "import { add, divide } from '../src/calculator'",
  '',
  "if (add(1, 2) !== 3) throw new Error('add')",
  'let threw = false',
  'try {',
  '  divide(1, 0)',
  '} catch (e) {',
  '  threw = e instanceof RangeError',
  '}',
  "if (!threw) throw new Error('divide by zero')",
  "console.log('2 passed')",
  ''
].join('\n')
// A unit the demo adds to its copy (not part of examples/pdd-repo): its code has a bug that its tests catch and
// that no fix attempt repairs, so the run ends partial and the checklist shows a failure with PDD's reason.
const GREET_PROMPT = 'Write a Python module greet with greet(name) returning "Hello, <name>!".\n'
const GREET_BROKEN = 'def greet(name):\n    return f"Bye, {name}!"\n'
const GREET_EXAMPLE = [
  'import sys',
  'from pathlib import Path',
  '',
  "sys.path.insert(0, str(Path(__file__).resolve().parents[1] / 'src'))",
  'from greet import greet',
  '',
  "print(greet('Ada'))",
  ''
].join('\n')
const GREET_TEST =
  "from greet import greet\n\n\ndef test_greet():\n    assert greet('Ada') == 'Hello, Ada!'\n"
const CALC_TS = [
  'export const add = (a: number, b: number): number => a + b',
  'export const subtract = (a: number, b: number): number => a - b',
  'export const multiply = (a: number, b: number): number => a * b',
  'export function divide(a: number, b: number): number {',
  "  if (b === 0) throw new RangeError('division by zero')",
  '  return a / b',
  '}',
  ''
].join('\n')

/**
 * A tool cache holding the tsx the action would install for PDD's `npx tsx` (TypeScript), taken from this
 * repository's own node_modules (the same pinned version), so that the demo needs no registry.
 */
function offlineToolCache(work: string): string {
  const toolCache = path.join(work, 'tool-cache')
  const tsx = path.join(root, 'node_modules', 'tsx')
  const version = (JSON.parse(readFileSync(path.join(tsx, 'package.json'), 'utf8')) as { version: string })
    .version
  const dir = path.join(toolCache, 'pdd-sync', `tsx-${version}-${process.platform}-${process.arch}`)
  mkdirSync(path.join(dir, 'node_modules', '.bin'), { recursive: true })
  symlinkSync(tsx, path.join(dir, 'node_modules', 'tsx'), 'dir')
  symlinkSync(path.join('..', 'tsx', 'dist', 'cli.mjs'), path.join(dir, 'node_modules', '.bin', 'tsx'))
  writeFileSync(path.join(dir, '.complete'), `${version}\n`)
  return toolCache
}

function sh(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' }
  })
}

function branchLog(origin: string): string {
  try {
    return sh(origin, 'log', '--format=%h %an: %s', '-3', 'refs/heads/pdd-sync/main', '--').trim()
  } catch {
    return '(none)'
  }
}

async function main(): Promise<void> {
  const pdd = realPdd()
  if (!pdd) throw new Error('No pdd-cli venv found (set PDD_VENV or run scripts/setup-pdd-venv.sh).')
  const llm = await start(
    {
      units: {
        // Markers: the report's prompt includes src/calculator.py, so its requests also name `calculator`.
        report: { code: REPORT, example: REPORT_EXAMPLE, test: REPORT_TEST, marker: 'summarize(values' },
        calculator: {
          code: CALC_TS,
          example: "import { add } from '../src/calculator'\nconsole.log(add(1, 2))\n",
          test: ''
        },
        greet: { code: GREET_BROKEN, example: GREET_EXAMPLE, test: GREET_TEST }
      }
    },
    { quiet: true }
  )
  const api = await startGitHubApi()
  api.ensureRepo('acme', 'calculator', { defaultBranch: 'main' })
  const work = mkdtempSync(path.join(tmpdir(), 'pdd-sync-demo-'))
  try {
    const origin = path.join(work, 'origin.git')
    const seed = path.join(work, 'seed')
    cpSync(path.join(root, 'examples', 'pdd-repo'), seed, { recursive: true })
    writeFileSync(path.join(seed, 'prompts', 'greet_python.prompt'), GREET_PROMPT)
    // pdd-cli 0.0.310 verifies and tests TypeScript only through an agent CLI (docs/pdd-agents.md): a stand-in
    // `claude` on PATH, allowed by `agentic-fallback: true`, answers its verify and test tasks.
    const agent = agentStandIn(path.join(work, 'agent'), { calculator: CALC_TS_TEST })
    const { PDD_AGENTIC_DISABLED_PROVIDERS: _off, ...pddEnv } = preparePddProject(seed, llm, {
      home: path.join(work, 'home')
    })
    const env = { ...pddEnv, PATH: `${agent.binDir}${path.delimiter}${pddEnv.PATH ?? ''}` }
    sh(work, 'init', '-q', '--bare', '-b', 'main', origin)
    sh(seed, 'init', '-q', '-b', 'main')
    sh(seed, 'add', '-A')
    sh(seed, '-c', 'user.name=Demo', '-c', 'user.email=demo@example.com', 'commit', '-q', '-m', 'example')
    sh(seed, 'push', '-q', origin, 'HEAD:main')
    const checkout = path.join(work, 'checkout')
    sh(work, 'clone', '-q', origin, checkout)

    process.stderr.write('demo: running the action (mode: run, workflow_dispatch)…\n')
    const run = await runActionAsync(
      {
        mode: 'run',
        token: 'ghs_demo_token',
        'pdd-command': path.join(pdd.binDir, 'pdd'),
        budget: '10',
        ...(process.env.DEMO_KEEP ? { 'keep-partial': 'true' } : {}),
        'max-attempts': '1',
        'agentic-fallback': 'true'
      },
      {
        workspace: checkout,
        event: 'workflow_dispatch',
        repository: 'acme/calculator',
        apiUrl: api.url,
        env,
        toolCache: offlineToolCache(work)
      }
    )
    const pr = api.pulls()[0]
    const rule = '='.repeat(100)
    const out: string[] = [
      rule,
      'DEMO — offline run of pdd-sync-action on a copy of examples/pdd-repo',
      `real pdd-cli ${pdd.version} · scripted LLM at ${llm.url} · GitHub API stand-in at ${api.url} · origin ${origin}`,
      'calculator (typescript): PDD verifies and tests TypeScript only through an agent CLI; here a STAND-IN agent',
      '  (`claude` on PATH, a script that writes a prepared test) answers, with agentic-fallback: true. A real run',
      '  needs a real agent CLI on the runner, or skip-verify and skip-tests (see README).',
      'greet (python): added by the demo to its copy, with a bug its tests catch and no fix repairs (a real failure).',
      rule,
      `Action exit status: ${run.status}`,
      `Outputs: ${JSON.stringify(
        Object.fromEntries(
          Object.entries(run.outputs).filter(([k]) => !['plan', 'matrix', 'result'].includes(k))
        )
      )}`,
      '',
      pr
        ? `Pull request #${pr.number} "${pr.title}"${pr.draft ? ' (draft)' : ''}, labels: ${pr.labels.map(l => l.name).join(', ')}`
        : 'No pull request was opened.',
      rule,
      pr?.body ?? '',
      rule,
      'Job summary ($GITHUB_STEP_SUMMARY)',
      rule,
      run.summary,
      rule,
      `LLM calls answered: ${llm.calls().length} · agent tasks: ${
        agent
          .tasks()
          .map(t => t.task)
          .join(', ') || 'none'
      } · API requests: ${api.requests.length} · OpenAPI problems: ${api.problems.length}`,
      `Bot branch on origin: ${branchLog(origin)}`
    ]
    process.stdout.write(out.join('\n') + '\n')
    if (process.env.DEMO_LOG) writeFileSync(process.env.DEMO_LOG, run.stdout)
    if (run.status !== 0 || !pr) process.stderr.write(run.stdout.split('\n').slice(-40).join('\n') + '\n')
  } finally {
    await api.close()
    await llm.close()
    if (!process.env.DEMO_KEEP) rmSync(work, { recursive: true, force: true })
  }
}

await main()

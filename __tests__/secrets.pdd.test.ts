/**
 * Secrets (docs/architecture.md, "Trust") end to end: a generated test that prints its environment and fails, run by the real pdd-cli
 * (scripted LLM) through the bundled action (`mode: run`) and the bundled CLI, with fake credentials in the job
 * environment. pdd's environment holds no GitHub or Actions credential and nothing the user withholds; every
 * text that leaves the process (summary, outputs, files, notes and commits pushed to origin, API bodies, the log)
 * holds none of the job's secrets in any form, not even the provider key the generated test printed.
 */
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { actionWorld, realPddCommand } from './helpers/action-world.js'
import { TEST_DIST } from './helpers/bundles.js'
import { CALC_UNIT, EXAMPLE, PROMPTS } from './helpers/calc-units.js'
import { git, tempDir } from './helpers/git-repo.js'
import type { Script } from './helpers/llm-server.js'
import { realRepo } from './helpers/real-execute.js'
import { describeRealPdd } from './helpers/real-pdd.js'
import { formsOf } from '../src/trust/redact.js'

const TIMEOUT = 480_000

/** Fake credentials of the job, by the variable that carries each (inputs are added by the runner helper). */
const SECRETS = {
  INPUT_TOKEN: 'ghs_secretsE2eApiToken0123456789abcdef',
  'INPUT_PUSH-TOKEN': 'ghp_secretsE2ePushToken0123456789abcde',
  ACTIONS_RUNTIME_TOKEN: 'eyJhbGciOiJSUzI1NiJ9.runtime-e2e-0123456789',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'eyJhbGciOiJSUzI1NiJ9.oidc-e2e-0123456789',
  OPENAI_API_KEY: 'sk-proj-providerKeyE2e0123456789',
  DEPLOY_HOOK_SECRET: 'deploy-hook-e2e-0123456789'
}
/** Variables pdd must never see (the provider key is the one secret it needs). */
const WITHHELD = Object.keys(SECRETS).filter(k => k !== 'OPENAI_API_KEY')

/**
 * The generated test: records its environment where this test can read it, prints it, copies the secret-named
 * variables into the unit's example (committed with `keep-partial`), and fails with them as its message.
 */
const LEAKY_TEST = [
  'import json',
  'import os',
  'from pathlib import Path',
  'from leak import add',
  '',
  '',
  'def test_environment():',
  '    dump = os.environ.get("SECRETS_TEST_DUMP")',
  '    if dump:',
  '        with open(dump, "a") as f:',
  '            f.write(json.dumps(dict(os.environ)) + "\\n")',
  '    print("ENVIRONMENT", dict(os.environ))',
  '    shown = " ".join(f"{k}={v}" for k, v in sorted(os.environ.items()) if "KEY" in k or "TOKEN" in k)',
  '    example = Path(__file__).resolve().parent / "examples" / "leak_example.py"',
  '    if example.exists():',
  '        with open(example, "a") as f:',
  '            f.write("\\n# " + shown + "\\n")',
  '    assert add(1, 2) == 4, "LEAK " + shown',
  ''
].join('\n')

const SCRIPT: Script = {
  units: {
    calc: CALC_UNIT,
    leak: {
      code: CALC_UNIT.code,
      example: EXAMPLE.replace('from calc import', 'from leak import'),
      test: LEAKY_TEST
    }
  }
}
const FILES = {
  ...PROMPTS.calc,
  'prompts/leak_python.prompt': 'Write a Python module leak with add(a, b) and sub(a, b).\n'
}

/** Every form of every secret found in `text`, by sink name (empty when clean). */
function leaks(sinks: Record<string, string>): string[] {
  const found: string[] = []
  for (const [sink, text] of Object.entries(sinks))
    for (const [name, value] of Object.entries(SECRETS))
      for (const form of formsOf(value))
        if (text.includes(form)) found.push(`${name} in ${sink} (as "${form}")`)
  return found
}

/** The environments the generated test recorded. */
function dumped(file: string): Record<string, string>[] {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(l => JSON.parse(l) as Record<string, string>)
}

function expectWithheld(envs: Record<string, string>[]): void {
  expect(envs.length).toBeGreaterThan(0)
  for (const env of envs) {
    expect(Object.keys(env)).toEqual(expect.arrayContaining(['OPENAI_API_KEY', 'PATH', 'HOME']))
    for (const name of WITHHELD) expect(Object.keys(env)).not.toContain(name)
    expect(Object.keys(env).filter(k => k.startsWith('INPUT_') || k.startsWith('ACTIONS_'))).toEqual([])
    const values = Object.values(env).join('\n')
    for (const name of WITHHELD) expect(values).not.toContain(SECRETS[name as keyof typeof SECRETS])
  }
}

describeRealPdd.concurrent(
  'secrets stay secret (real pdd, a generated test that prints its environment)',
  () => {
    it(
      'action: pdd gets no credential; no secret in any form in summary, outputs, files, origin, API bodies or log',
      async t => {
        const { INPUT_TOKEN, 'INPUT_PUSH-TOKEN': push, ...env } = SECRETS
        const { repo, origin, api, run } = await actionWorld(t, SCRIPT, FILES, { token: INPUT_TOKEN })
        const dump = path.join(tempDir('secrets-dump-'), 'env.jsonl')
        const r = await run(
          {
            'push-token': push,
            budget: '5',
            'max-attempts': '1',
            'withhold-env': 'DEPLOY_*',
            'keep-partial': 'true',
            'fail-on': 'never'
          },
          { env: { ...env, SECRETS_TEST_DUMP: dump } }
        )
        expect(r.status, r.stdout + r.stderr).toBe(0)
        expect(r.outputs.synced).toBe('["calc_python"]')
        expect(r.outputs.failed).toBe('["leak_python"]')
        // The generated test ran (it recorded its environment) and pdd passed what it printed on to the LLM:
        // the provider key did travel through pdd's output, so the sinks below had something to redact.
        expectWithheld(dumped(dump))
        const prompts = JSON.stringify(repo.server.calls().map(c => c.request))
        expect(prompts).toContain('LEAK ')
        expect(prompts).toContain(SECRETS.OPENAI_API_KEY)
        expect(r.stdout).toContain('pdd runs without')

        const read = (f: string | undefined): string => (f ? readFileSync(f, 'utf8') : '')
        const sinks = {
          summary: r.summary,
          outputs: JSON.stringify(r.outputs),
          'result file': read(r.outputs.result),
          'plan file': read(r.outputs.plan),
          'origin (every ref, commit message, tree and note)': git(
            origin,
            'log',
            '--all',
            '-p',
            '--format=%H%n%B'
          ),
          'API bodies': JSON.stringify(api.requests.map(q => q.body)),
          log: (r.stdout + r.stderr).replace(/^::add-mask::.*$/gm, '')
        }
        expect(git(origin, 'notes', '--ref=refs/notes/pdd-sync', 'list').trim()).not.toBe('')
        expect(api.pulls()).toHaveLength(1)
        // The example the test wrote the provider key into was refused, named in the failed unit's reason.
        const result = JSON.parse(sinks['result file']) as { units: { id: string; reason: string }[] }
        expect(result.units.find(u => u.id === 'leak_python')?.reason).toMatch(
          /examples\/leak_example\.py holds the value of a secret of this job/
        )
        expect(leaks(sinks)).toEqual([])
        // The failed unit's reason reached the summary and the PR, masked.
        expect(r.summary).toContain('leak')
        expect(api.problems).toEqual([])
      },
      TIMEOUT
    )

    it(
      'CLI: pdd-sync run --withhold-env keeps the listed variables and GitHub tokens from pdd, and prints no secret',
      async t => {
        const repo = await realRepo(SCRIPT, FILES)
        t.onTestFinished(() => repo.server.close())
        const dump = path.join(tempDir('secrets-dump-'), 'env.jsonl')
        const result = path.join(tempDir('secrets-result-'), 'result.json')
        const env = {
          ...repo.env,
          OPENAI_API_KEY: SECRETS.OPENAI_API_KEY,
          GH_TOKEN: SECRETS.INPUT_TOKEN,
          DEPLOY_HOOK_SECRET: SECRETS.DEPLOY_HOOK_SECRET,
          ACTIONS_RUNTIME_TOKEN: SECRETS.ACTIONS_RUNTIME_TOKEN,
          SECRETS_TEST_DUMP: dump
        }
        const pdd = realPddCommand()
        const args = ['run', '--repo', repo.dir, '--pdd-command', pdd, '--max-attempts', '1', '--no-fetch']
        const r = await cli([...args, '--withhold-env', 'DEPLOY_HOOK_*', '--result', result], env, repo.dir)
        expect(r.status, r.stderr).toBe(0)
        const envs = dumped(dump)
        expectWithheld(envs)
        for (const e of envs) expect(Object.keys(e)).not.toContain('GH_TOKEN')
        expect(r.stdout).toMatch(/^failed\s+leak_python/m)
        const sinks = {
          stdout: r.stdout,
          stderr: r.stderr,
          'result file': readFileSync(result, 'utf8'),
          'bot branch': git(repo.dir, 'log', '-p', '--format=%H%n%B', 'pdd-sync/main')
        }
        expect(leaks(sinks)).toEqual([])
      },
      TIMEOUT
    )
  }
)

/** The bundled CLI, asynchronously (the scripted LLM server answers from this process meanwhile). */
async function cli(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [path.join(TEST_DIST, 'cli.js'), ...args], { cwd, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (b: Buffer) => (stdout += b.toString()))
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()))
  const status = await new Promise<number | null>(resolve => child.on('close', resolve))
  writeFileSync(path.join(tempDir('secrets-cli-'), 'log'), stdout + stderr)
  return { status, stdout, stderr }
}

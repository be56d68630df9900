/**
 * The whole plan against the real PDD: for variants of the example repository (a `.pddrc` with two contexts, a
 * nested prompt with an include, committed `.pdd/meta` state), every unit's operation from `pdd-sync plan` must
 * equal what pdd-cli's own `sync_determine_operation` decides on the same files, with and without `--force`.
 */
import { execFile } from 'node:child_process'
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import type { Plan } from '../src/types.js'
import { runCliAsync } from './helpers/bundles.js'
import { EXAMPLE } from './helpers/example-repo.js'
import { tempDir, writeFiles } from './helpers/git-repo.js'
import { describeRealPdd } from './helpers/gate.js'
import { pddEnv, requirePddVenv } from './helpers/pdd-venv.js'

interface Variant {
  name: string
  change: (dir: string) => void
  flags?: { skipTests?: boolean; skipVerify?: boolean }
}

const edit = (dir: string, rel: string, f: (s: string) => string): void =>
  writeFileSync(path.join(dir, rel), f(readFileSync(path.join(dir, rel), 'utf8')))
const runReport = (dir: string, patch: object): void =>
  edit(dir, '.pdd/meta/calculator_python_run.json', s => JSON.stringify({ ...JSON.parse(s), ...patch }))

const VARIANTS: Variant[] = [
  { name: 'as committed', change: () => undefined },
  { name: 'code edited', change: d => edit(d, 'src/calculator.py', s => s + '\n# edited\n') },
  {
    name: 'prompt edited',
    change: d => edit(d, 'prompts/calculator_python.prompt', s => s + '- Also add `power`.\n')
  },
  {
    name: 'prompt and code edited',
    change: d => {
      edit(d, 'prompts/calculator_python.prompt', s => s + '- Also add `power`.\n')
      edit(d, 'src/calculator.py', s => s + '\n# edited\n')
    }
  },
  { name: 'example deleted', change: d => rmSync(path.join(d, 'examples/calculator_example.py')) },
  { name: 'test deleted', change: d => rmSync(path.join(d, 'tests/test_calculator.py')) },
  { name: 'failing tests', change: d => runReport(d, { exit_code: 1, tests_passed: 1, tests_failed: 1 }) },
  { name: 'low coverage', change: d => runReport(d, { coverage: 40.0 }) },
  {
    name: 'low coverage, skip tests',
    change: d => runReport(d, { coverage: 40.0 }),
    flags: { skipTests: true }
  },
  { name: 'run report deleted', change: d => rmSync(path.join(d, '.pdd/meta/calculator_python_run.json')) },
  {
    name: 'last command example',
    change: d =>
      edit(d, '.pdd/meta/calculator_python.json', s =>
        JSON.stringify({ ...JSON.parse(s), command: 'example' })
      )
  },
  {
    name: 'crash state, skip verify',
    change: d => runReport(d, { exit_code: 2 }),
    flags: { skipVerify: true }
  },
  {
    name: 'typescript unit written by hand',
    change: d =>
      writeFiles(d, { 'src/calculator.ts': 'export const add = (a: number, b: number) => a + b\n' })
  }
]

const DRIVER = String.raw`
import contextlib, io, json, os, sys
from pathlib import Path
spec = json.load(open(sys.argv[1], encoding="utf-8"))
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    from pdd import sync_main as sm
    from pdd.construct_paths import construct_paths
    from pdd import sync_determine_operation as sdo
out = []
for fx in spec:
    os.chdir(fx["dir"])
    for basename in fx["basenames"]:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            found = sm._find_prompt_in_contexts(basename)
            override = found[0] if found else None
            prompts_dir = found[1].parent if found else Path("prompts")
            langs = sm._detect_languages_with_context(basename, prompts_dir, context_name=override)
            for lang, prompt in langs.items():
                cfg = construct_paths(input_file_paths={"prompt_file": str(prompt)}, force=True, quiet=True,
                                      command="sync", command_options={"basename": basename, "language": lang},
                                      context_override=override)[0]
                tc = cfg.get("target_coverage") or 90.0
                if hasattr(sdo._directory_entry_index, "cache_clear"):
                    sdo._directory_entry_index.cache_clear()
                d = sdo.sync_determine_operation(basename, lang, tc, 20.0, True, str(prompt.parent),
                                                 fx["skip_tests"], fx["skip_verify"], override,
                                                 isolated_replay_or_repair=fx["force"])
                out.append({"fixture": fx["name"], "id": basename + "_" + lang.lower(), "operation": d.operation})
print("@@PDD@@" + json.dumps(out))
`

/** Runs `jobs` at most `n` at a time. */
async function pool<T>(n: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    for (let i = next++; i < jobs.length; i = next++) out[i] = await (jobs[i] as () => Promise<T>)()
  }
  await Promise.all(Array.from({ length: n }, worker))
  return out
}

/** The Python driver over the prepared fixtures, without blocking the event loop. */
function runDriver(
  python: string,
  driver: string,
  spec: string,
  cwd: string
): Promise<{ stdout: string; stderr: string }> {
  return new Promise(resolve => {
    execFile(
      python,
      [driver, spec],
      { cwd, env: pddEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ stdout, stderr: stderr || (err?.message ?? '') })
    )
  })
}

describeRealPdd('plan vs the real PDD on the example repository', () => {
  it(
    'decides every unit of every variant as pdd-cli does, with and without --force',
    { timeout: 600_000 },
    async () => {
      const root = tempDir()
      const fixtures: {
        name: string
        dir: string
        force: boolean
        skip_tests: boolean
        skip_verify: boolean
        basenames: string[]
      }[] = []
      const plans: string[][] = []
      for (const v of VARIANTS) {
        for (const force of [true, false]) {
          const name = `${v.name}${force ? '' : ' (no --force)'}`
          const dir = path.join(root, String(fixtures.length))
          cpSync(EXAMPLE, dir, { recursive: true })
          v.change(dir)
          const args = ['plan', '--repo', dir, '--json', '--no-notes']
          if (!force) args.push('--no-force')
          if (v.flags?.skipTests) args.push('--skip-tests')
          if (v.flags?.skipVerify) args.push('--skip-verify')
          plans.push(args)
          fixtures.push({
            name,
            dir,
            force,
            skip_tests: v.flags?.skipTests ?? false,
            skip_verify: v.flags?.skipVerify ?? false,
            basenames: ['calculator', 'backend/report']
          })
        }
      }
      const spec = path.join(root, 'spec.json')
      writeFileSync(spec, JSON.stringify(fixtures))
      const driver = path.join(root, 'driver.py')
      writeFileSync(driver, DRIVER)
      // PDD's side (one Python process) and ours (the CLI bundle per fixture, three at a time) side by side: both
      // only read the fixtures.
      const pdd = runDriver(requirePddVenv().python, driver, spec, root)
      const ran = await pool(
        3,
        plans.map(args => () => runCliAsync(args, process.env))
      )
      const ours = new Map<string, string>()
      ran.forEach((r, i) => {
        expect(r.status, r.stderr).toBe(0)
        for (const u of (JSON.parse(r.stdout) as Plan).units)
          ours.set(`${fixtures[i]?.name}|${u.id}`, u.operation)
      })
      const py = await pdd
      const line = py.stdout.split('\n').find(l => l.startsWith('@@PDD@@'))
      expect(line, py.stderr).toBeDefined()
      const theirs = JSON.parse((line as string).slice(7)) as {
        fixture: string
        id: string
        operation: string
      }[]
      expect(theirs.length).toBe(ours.size)
      const mismatches = theirs.filter(t => ours.get(`${t.fixture}|${t.id}`) !== t.operation)
      expect(
        mismatches.map(
          t => `${t.fixture} ${t.id}: pdd ${t.operation}, ours ${ours.get(`${t.fixture}|${t.id}`)}`
        )
      ).toEqual([])
      // The variants reach many different decisions, not one.
      expect([...new Set(theirs.map(t => t.operation))].sort()).toEqual(
        [
          'all_synced',
          'auto-deps',
          'crash',
          'example',
          'fail_and_request_manual_merge',
          'fix',
          'generate',
          'nothing',
          'test',
          'test_extend',
          'update',
          'verify'
        ].sort()
      )
    }
  )
})

/**
 * Several invocations of the real pdd CLI in ONE Python process: the venv's interpreter imports `pdd.cli` once
 * (the ~4 s of CPU every `pdd` start pays, litellm first) and calls its Click group once per argv, as the `pdd`
 * console script does (`sys.exit(cli())`), with that invocation's working directory and environment and its own
 * captured stdout, stderr and exit code. For what does not depend on a fresh process (help texts, usage errors,
 * a dry run): a sync that runs models, files or subprocesses still gets a `pdd` process of its own.
 *
 * Each invocation starts from the same state: the environment and working directory are restored, and the
 * modules stay imported (so state PDD keeps in module globals could leak from one call to the next: keep the
 * calls to ones whose output a test compares exactly).
 */
import { execFile } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { tempDir } from './git-repo.js'
import { requirePddVenv } from './pdd-venv.js'

/** One `pdd <argv>` in `cwd`, with `env` over the process environment. */
export interface InProcessCall {
  argv: string[]
  cwd: string
  env?: Record<string, string>
}

/** What one call printed and the exit code it ended with (Click's `SystemExit`). */
export interface InProcessResult {
  code: number
  stdout: string
  stderr: string
}

const DRIVER = String.raw`
import contextlib, io, json, os, sys
calls = json.load(open(sys.argv[1], encoding="utf-8"))
results_file = sys.argv[2]
base_env = dict(os.environ)
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    from pdd.cli import cli
results = []
for call in calls:
    os.environ.clear()
    os.environ.update(base_env)
    os.environ.update(call["env"])
    os.chdir(call["cwd"])
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            cli.main(args=call["argv"], prog_name="pdd")
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        except BaseException as e:
            err.write("in-process driver: %s: %s\n" % (type(e).__name__, e))
            code = 99
    results.append({"code": code, "stdout": out.getvalue(), "stderr": err.getvalue()})
with open(results_file, "w", encoding="utf-8") as f:
    json.dump(results, f)
`

/**
 * Runs `calls` in order in one Python process of the real PDD venv, with `env` as the base environment (the
 * environment the modules are imported under, e.g. `COLUMNS`). Rejects when the process itself fails.
 */
export function runPddInProcess(calls: InProcessCall[], env: NodeJS.ProcessEnv): Promise<InProcessResult[]> {
  const dir = tempDir('pdd-inprocess-')
  const driver = path.join(dir, 'driver.py')
  const spec = path.join(dir, 'calls.json')
  const results = path.join(dir, 'results.json')
  writeFileSync(driver, DRIVER)
  writeFileSync(spec, JSON.stringify(calls.map(c => ({ argv: c.argv, cwd: c.cwd, env: c.env ?? {} }))))
  return new Promise((resolve, reject) => {
    execFile(
      requirePddVenv().python,
      [driver, spec, results],
      { cwd: dir, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 },
      (err, _stdout, stderr) => {
        if (err) return reject(new Error(`in-process pdd failed: ${err.message}\n${stderr.slice(-4000)}`))
        try {
          resolve(JSON.parse(readFileSync(results, 'utf8')) as InProcessResult[])
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)))
        }
      }
    )
  })
}

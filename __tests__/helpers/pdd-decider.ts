/**
 * The real PDD's own decision for a unit (`sync_determine_operation`, as `pddDecision` of pdd-project.ts asks it),
 * from ONE long-lived Python process per test worker instead of one per question. Importing PDD (litellm) costs
 * about 4 s of CPU; a file whose live checks ask a dozen questions paid it a dozen times.
 *
 * Each question carries its working directory and environment: the process switches to them, clears PDD's
 * `lru_cache`s (so nothing read for an earlier question answers a later one) and calls the same function with the
 * same arguments as `pddDecision`. Questions are answered one at a time, in order.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { createInterface } from 'node:readline'
import { realPdd } from './pdd-project.js'

const SERVER_CODE = String.raw`
import contextlib, functools, io, json, os, sys
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    from pdd import sync_determine_operation as sdo
out = sys.stdout
def clear_caches():
    for name, mod in list(sys.modules.items()):
        if not (name == 'pdd' or name.startswith('pdd.')):
            continue
        for value in list(vars(mod).values()):
            if isinstance(value, functools._lru_cache_wrapper):
                value.cache_clear()
for line in sys.stdin:
    q = json.loads(line)
    try:
        os.environ.clear()
        os.environ.update(q['env'])
        os.chdir(q['cwd'])
        clear_caches()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            d = sdo.sync_determine_operation(q['basename'], q['language'], 90.0, 20.0, True, "prompts", False, False, None, isolated_replay_or_repair=True)
        answer = {'operation': d.operation}
    except BaseException as e:
        answer = {'error': repr(e)[-300:]}
    out.write(json.dumps(answer) + '\n')
    out.flush()
`

interface Pending {
  resolve: (operation: string) => void
}

interface Decider {
  child: ChildProcessWithoutNullStreams
  pending: Pending[]
  /** The answers so far (the tests may assert how many processes their checks started). */
  asked: number
}

let decider: Decider | null = null
/** How many decider processes this worker started (one, unless one died). */
let started = 0

function startDecider(env: NodeJS.ProcessEnv): Decider {
  const child = spawn(realPdd()?.python ?? 'python3', ['-c', SERVER_CODE], { env, stdio: 'pipe' })
  started++
  const d: Decider = { child, pending: [], asked: 0 }
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr = (stderr + s).slice(-2000)))
  createInterface({ input: child.stdout }).on('line', line => {
    const p = d.pending.shift()
    if (!p) return
    const a = JSON.parse(line) as { operation?: string; error?: string }
    p.resolve(a.operation ?? `error: ${a.error ?? line}`)
  })
  child.on('close', code => {
    if (decider === d) decider = null
    for (const p of d.pending.splice(0)) p.resolve(`error: decider exited ${code}: ${stderr.slice(-300)}`)
  })
  // The process ends with its stdin, when this worker exits; it must not keep the worker alive.
  child.unref()
  for (const s of [child.stdin, child.stdout, child.stderr])
    (s as unknown as { unref?: () => void }).unref?.()
  return d
}

/**
 * What the real PDD decides for `basename`/`language` in `dir` under `env` (as `pdd --force sync` would), or
 * `error: …`; the same answer as `pddDecisionAsync`, without starting a Python process per question.
 */
export function sharedPddDecision(
  dir: string,
  env: NodeJS.ProcessEnv,
  basename: string,
  language: string
): Promise<string> {
  const d = (decider ??= startDecider(env))
  return new Promise(resolve => {
    d.pending.push({ resolve })
    d.asked++
    d.child.stdin.write(JSON.stringify({ cwd: dir, env, basename, language }) + '\n')
  })
}

/** How many decider processes this worker has started. */
export function deciderStarts(): number {
  return started
}

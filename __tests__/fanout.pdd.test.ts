/**
 * Matrix fan-out end to end: `mode: plan` → three `mode: shard` jobs as parallel processes (each in its own
 * fresh clone, as matrix jobs check out) → `mode: finalize`, with the bundled action, the real pdd-cli against
 * ONE scripted LLM server, real git with bare origins and the GitHub API stand-in. Compared with a single
 * `mode: run` of the same repository. Beside it (its own world): a shard killed midway, a finalize without it,
 * the shard re-run (attempt 2) and a second finalize.
 */
import { expect, it, type TestContext } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import { runActionAsync, type ActionRun } from './helpers/action-runner.js'
import { CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { cloneOf, git, tempDir } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import type { UnitScript } from './helpers/llm-server.js'
import { runRecordsIn } from './helpers/notes.js'
import { processesMentioning, realRepo, type RealRepo } from './helpers/real-execute.js'
import { describeRealPdd, realPdd } from './helpers/real-pdd.js'

const TOKEN = 'ghs_fanoutTestToken0123456789'
const TIMEOUT = 1_500_000
const BOT = 'pdd-sync/main'

const SHOUT_UNIT: UnitScript = {
  code: 'def shout(text):\n    return text.upper()\n',
  example: GREET_UNIT.example
    .replace('from greet import greet', 'from shout import shout')
    .replace("print(greet('Ada'))", "print(shout('ada'))"),
  test: "from shout import shout\n\n\ndef test_shout():\n    assert shout('ada') == 'ADA'\n"
}
const FILES = {
  ...PROMPTS.calc,
  ...PROMPTS.greet,
  'prompts/shout_python.prompt': 'Write a Python module shout with shout(text) returning it in upper case.\n'
}
const IDS = ['calc_python', 'greet_python', 'shout_python']

interface Leg {
  shard: string
  units: string
  budget: string
}

/** A job's attempt (GITHUB_RUN_ATTEMPT), and a hook given the child process and its clone. */
interface RunOpts {
  attempt?: string
  onStart?: (child: ChildProcess, workspace: string) => void
}

/** One bare origin (a copy of the test repository) and the API's repository of that name. */
class Origin {
  constructor(
    readonly dir: string,
    readonly name: string,
    private readonly repo: RealRepo,
    private readonly api: GitHubApi
  ) {}
  static make(repo: RealRepo, api: GitHubApi, name: string): Origin {
    const dir = path.join(tempDir('pdd-fanout-origin-'), `${name}.git`)
    git(repo.dir, 'clone', '-q', '--bare', git(repo.dir, 'remote', 'get-url', 'origin').trim(), dir)
    api.ensureRepo('acme', name, { defaultBranch: 'main' })
    return new Origin(dir, name, repo, api)
  }
  run(inputs: Record<string, string>, runId: string, o: RunOpts = {}): Promise<ActionRun> {
    const pdd = realPdd()?.pdd ?? 'pdd'
    const workspace = cloneOf(this.dir, 1)
    return runActionAsync(
      { token: TOKEN, 'pdd-command': pdd, budget: '6', 'max-attempts': '2', ...inputs },
      {
        workspace,
        event: 'workflow_dispatch',
        apiUrl: this.api.url,
        repository: `acme/${this.name}`,
        runId,
        env: { ...this.repo.env, GITHUB_RUN_ATTEMPT: o.attempt ?? '1' }
      },
      o.onStart ? child => o.onStart?.(child, workspace) : undefined
    )
  }
  shard(leg: Leg, baseSha: string, runId: string, o: RunOpts = {}): Promise<ActionRun> {
    const inputs = {
      mode: 'shard',
      shard: leg.shard,
      units: leg.units,
      budget: leg.budget,
      'base-sha': baseSha
    }
    return this.run(inputs, runId, o)
  }
  finalize(matrix: string, baseSha: string, runId: string): Promise<ActionRun> {
    return this.run({ mode: 'finalize', matrix, 'base-sha': baseSha }, runId)
  }
  tree(): string {
    return git(this.dir, 'rev-parse', `refs/heads/${BOT}^{tree}`).trim()
  }
  runRefs(): string {
    return git(this.dir, 'for-each-ref', '--format=%(refname)', 'refs/pdd-sync/').trim()
  }
  pulls(): ReturnType<GitHubApi['pulls']> {
    return this.api.pulls(`acme/${this.name}`)
  }
}

const statuses = (r: ActionRun): Record<string, string[]> => ({
  synced: JSON.parse(r.outputs.synced ?? '[]') as string[],
  failed: JSON.parse(r.outputs.failed ?? '[]') as string[]
})

function ok(r: ActionRun): void {
  expect(r.stdout, r.stderr).not.toMatch(/::error::/)
  expect(r.status).toBe(0)
  expect((r.stdout + r.stderr).replace(`::add-mask::${TOKEN}\n`, '')).not.toContain(TOKEN)
}

/** A world of the file's repository: its own scripted server (a killed shard watches its log) and API stand-in. */
async function world(t: Pick<TestContext, 'onTestFinished'>): Promise<{ repo: RealRepo; api: GitHubApi }> {
  const repo = await realRepo({ units: { calc: CALC_UNIT, greet: GREET_UNIT, shout: SHOUT_UNIT } }, FILES)
  t.onTestFinished(() => repo.server.close())
  const api = await startGitHubApi()
  t.onTestFinished(() => api.close())
  return { repo, api }
}

describeRealPdd.concurrent('fan-out over a job matrix: plan → shards → finalize', () => {
  it(
    'three parallel shards and a finalize publish what one mode run does',
    async t => {
      const { repo, api } = await world(t)
      const fan = Origin.make(repo, api, 'fan')
      const single = Origin.make(repo, api, 'single')

      // Plan job: three legs of one unit each, strings only, budget shares within the job budget.
      const plan = await fan.run({ mode: 'plan', 'max-shards': '3' }, '9001')
      ok(plan)
      const baseSha = plan.outputs['base-sha'] ?? ''
      expect(baseSha).toBe(git(fan.dir, 'rev-parse', 'refs/heads/main').trim())
      const matrix = plan.outputs.matrix ?? ''
      const legs = (JSON.parse(matrix) as { include: Leg[] }).include
      expect(legs.map(l => l.units).sort()).toEqual(IDS)
      expect(legs.reduce((a, l) => a + Number(l.budget), 0)).toBeLessThanOrEqual(6)

      // Shard jobs, at once; none touches the bot branch or opens a PR.
      const shards = await Promise.all(legs.map(l => fan.shard(l, baseSha, '9001')))
      for (const [i, s] of shards.entries()) {
        ok(s)
        expect(s.outputs.synced).toBe(JSON.stringify([legs[i]?.units]))
        expect(Number(s.outputs.spent)).toBeLessThanOrEqual(Number(legs[i]?.budget))
        expect(s.summary).toContain(`shard ${legs[i]?.shard}: pushed to refs/pdd-sync/runs/9001/shard-`)
      }
      expect(git(fan.dir, 'branch', '--list', BOT).trim()).toBe('')
      expect(fan.pulls()).toHaveLength(0)
      expect(fan.runRefs().split('\n')).toHaveLength(3)

      const fin = await fan.finalize(matrix, baseSha, '9001')
      ok(fin)
      expect(statuses(fin)).toEqual({ synced: IDS, failed: [] })
      const spentShards = shards.reduce((a, s) => a + Number(s.outputs.spent), 0)
      expect(Number(fin.outputs.spent)).toBeCloseTo(spentShards, 3)
      expect(fin.outputs['pull-request-operation']).toBe('created')
      expect(fan.runRefs()).toBe('refs/pdd-sync/runs/9001/finalized')
      const fanRecords = runRecordsIn(fan.dir)
      expect(fanRecords).toHaveLength(1)
      expect(fanRecords[0]?.units.map(u => `${u.id} ${u.status}`).sort()).toEqual(IDS.map(i => `${i} synced`))

      // The same repository in one job: the same tree, statuses and spend, one PR, one record each.
      const one = await single.run({ mode: 'run' }, '9002')
      ok(one)
      expect(statuses(one)).toEqual(statuses(fin))
      expect(single.tree()).toBe(fan.tree())
      expect(Number(one.outputs.spent)).toBeCloseTo(Number(fin.outputs.spent), 2)
      expect(runRecordsIn(single.dir)).toHaveLength(1)
      expect(fan.pulls()).toHaveLength(1)
      expect(single.pulls()).toHaveLength(1)
      for (const id of IDS) {
        const line = new RegExp(`- \\[x\\] ${id.replace('_python', '')} \\(python\\):.*status=synced`)
        expect(fan.pulls()[0]?.body).toMatch(line)
        expect(single.pulls()[0]?.body).toMatch(line)
      }
      expect(api.problems).toEqual([])
    },
    TIMEOUT
  )

  it(
    'a killed shard is listed by finalize; its re-run (attempt 2) and a second finalize complete the run',
    async t => {
      const { repo, api } = await world(t)
      await killedShard(repo, api)
    },
    TIMEOUT
  )
})

/** The killed-shard phase: finalize lists the missing leg; the re-run leg and a second finalize complete. */
async function killedShard(repo: RealRepo, api: GitHubApi): Promise<void> {
  const kill = Origin.make(repo, api, 'killed')
  const plan = await kill.run({ mode: 'plan', 'max-shards': '3', units: 'calc_python,shout_python' }, '9003')
  ok(plan)
  const baseSha = plan.outputs['base-sha'] ?? ''
  const matrix = plan.outputs.matrix ?? ''
  const legs = (JSON.parse(matrix) as { include: Leg[] }).include
  expect(legs.map(l => l.units).sort()).toEqual(['calc_python', 'shout_python'])
  const victim = legs.find(l => l.units === 'shout_python') as Leg
  const other = legs.find(l => l !== victim) as Leg
  const seen = repo.server.log.length
  let workspace = ''
  // The victim is killed (SIGKILL, as a runner kills a timed-out job) once PDD has asked about its unit.
  const killed = kill.shard(victim, baseSha, '9003', {
    onStart: (child, ws) => {
      workspace = ws
      const timer = setInterval(() => {
        if (!repo.server.log.slice(seen).some(c => c.unit === 'shout')) return
        clearInterval(timer)
        child.kill('SIGKILL')
      }, 50)
      child.on('close', () => clearInterval(timer))
    }
  })
  const [done, dead] = await Promise.all([kill.shard(other, baseSha, '9003'), killed])
  ok(done)
  expect(dead.status).toBeNull()
  // pdd processes the killed job started (in its own clone) are stopped too, as the runner would.
  for (const p of processesMentioning(workspace)) process.kill(p.pid, 'SIGKILL')
  expect(kill.runRefs()).toBe(`refs/pdd-sync/runs/9003/shard-${other.shard}`)

  const fin1 = await kill.finalize(matrix, baseSha, '9003')
  expect(fin1.stdout).toContain(`Shard ${victim.shard} did not report`)
  expect(statuses(fin1)).toEqual({ synced: ['calc_python'], failed: ['shout_python'] })
  expect(fin1.outputs['pull-request-operation']).toBe('created')
  expect(kill.pulls()[0]?.body).toMatch(
    new RegExp(`shout \\(python\\).*shard ${victim.shard} did not report`)
  )
  expect(kill.runRefs()).toBe('refs/pdd-sync/runs/9003/finalized')

  // "Re-run failed jobs": the shard again (attempt 2, same run id and plan outputs), then finalize.
  const again = await kill.shard(victim, baseSha, '9003', { attempt: '2' })
  ok(again)
  expect(again.outputs.synced).toBe('["shout_python"]')
  const fin2 = await kill.finalize(matrix, baseSha, '9003')
  ok(fin2)
  expect(fin2.stdout).toContain(`Published by an earlier finalize of this run: shard(s) ${other.shard}`)
  expect(statuses(fin2)).toEqual({ synced: ['shout_python'], failed: [] })
  expect(fin2.outputs['pull-request-operation']).toBe('updated')
  expect(kill.pulls()).toHaveLength(1)
  // calc (carried over from the first finalize) and shout are both on the bot branch.
  const files = git(kill.dir, 'diff', '--name-only', 'refs/heads/main', `refs/heads/${BOT}`)
    .trim()
    .split('\n')
  expect(files).toEqual(expect.arrayContaining(['calc.py', 'shout.py']))
  const records = runRecordsIn(kill.dir)
  expect(records).toHaveLength(2)
  expect(records.map(r => r.units.map(u => `${u.id} ${u.status}`).join(', ')).sort()).toEqual([
    'calc_python synced, shout_python failed',
    'shout_python synced'
  ])
  expect(kill.runRefs()).toBe('refs/pdd-sync/runs/9003/finalized')
  expect(api.problems).toEqual([])
}

/**
 * Matrix fan-out end to end: `mode: plan` → three `mode: shard` jobs as parallel processes (each in its own
 * fresh clone, as matrix jobs check out) → `mode: finalize`, with the bundled action, the real pdd-cli against
 * ONE scripted LLM server, real git with bare origins and the GitHub API stand-in. Compared with a single
 * `mode: run` of the same repository; then a shard killed midway, a finalize without it, the shard re-run
 * (attempt 2) and a second finalize.
 */
import { afterEach, expect, it } from 'vitest'
import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import { runActionAsync, type ActionRun } from './helpers/action-runner.js'
import { CALC_UNIT, GREET_UNIT, PROMPTS } from './helpers/calc-units.js'
import { cloneOf, git, tempDir } from './helpers/git-repo.js'
import { startGitHubApi, type GitHubApi } from './helpers/github-api.js'
import type { UnitScript } from './helpers/llm-server.js'
import { runRecordsIn } from './helpers/notes.js'
import { realRepo, type RealRepo } from './helpers/real-execute.js'
import { describeRealPdd, realPdd } from './helpers/real-pdd.js'

const TOKEN = 'ghs_fanoutTestToken0123456789'
const TIMEOUT = 600_000
const BOT = 'pdd-sync/main'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c()
})

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
  run(
    inputs: Record<string, string>,
    runId: string,
    onStart?: (c: ChildProcess) => void
  ): Promise<ActionRun> {
    const pdd = path.join(realPdd()?.binDir ?? '', 'pdd')
    return runActionAsync(
      { token: TOKEN, 'pdd-command': pdd, budget: '6', 'max-attempts': '2', ...inputs },
      {
        workspace: cloneOf(this.dir, 1),
        event: 'workflow_dispatch',
        apiUrl: this.api.url,
        repository: `acme/${this.name}`,
        runId,
        env: { ...this.repo.env, ...(inputs.attempt ? { GITHUB_RUN_ATTEMPT: inputs.attempt } : {}) }
      },
      onStart
    )
  }
  shard(leg: Leg, baseSha: string, runId: string, onStart?: (c: ChildProcess) => void): Promise<ActionRun> {
    const inputs = {
      mode: 'shard',
      shard: leg.shard,
      units: leg.units,
      budget: leg.budget,
      'base-sha': baseSha
    }
    return this.run(inputs, runId, onStart)
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

describeRealPdd('fan-out over a job matrix: plan → shards → finalize', () => {
  it(
    'three parallel shards and a finalize publish what one mode run does; a killed shard is listed, its re-run completes the run',
    async () => {
      const repo = await realRepo({ units: { calc: CALC_UNIT, greet: GREET_UNIT, shout: SHOUT_UNIT } }, FILES)
      const api = await startGitHubApi()
      cleanups.push(
        () => api.close(),
        () => repo.server.close()
      )
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
})

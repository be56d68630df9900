import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Evaluator, Lexer, Parser, data } from '@actions/expressions'
import { truthy } from '@actions/expressions/result'
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser'
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index'
import { ErrorPolicy } from '@actions/workflow-parser/model/convert'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { ROOT } from './helpers/bundles.js'

const dir = path.join(ROOT, 'examples', 'workflows')
const files = readdirSync(dir).filter(f => f.endsWith('.yml'))
const ACTION = 'pdd/sync-action@v1'

type Scalar = string | number | boolean | null

interface Step {
  id?: string
  uses?: string
  run?: string
  with?: Record<string, Scalar>
  env?: Record<string, string>
}

interface Job {
  if?: string
  'runs-on'?: string
  steps?: Step[]
}

interface DispatchInput {
  description?: string
  type?: string
  required?: boolean
  default?: Scalar
}

interface Workflow {
  name?: string
  on?: { workflow_dispatch?: { inputs?: Record<string, DispatchInput> } | null } & Record<string, unknown>
  permissions?: Record<string, string> | string
  concurrency?: { group?: string; 'cancel-in-progress'?: boolean | string }
  jobs: Record<string, Job>
}

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string }>
}

const read = (file: string): string => readFileSync(path.join(dir, file), 'utf8')
const workflow = (file: string): Workflow => parse(read(file)) as Workflow
const actionYml = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml

/** Every step of the workflow that uses the action. */
function actionSteps(w: Workflow): Step[] {
  return Object.values(w.jobs).flatMap(j => (j.steps ?? []).filter(s => s.uses === ACTION))
}

/** Every step of the job that holds the action step, in order. */
function jobOfAction(w: Workflow): Step[] {
  const job = Object.values(w.jobs).find(j => (j.steps ?? []).some(s => s.uses === ACTION))
  return job?.steps ?? []
}

/** Workflows whose action step runs the syncs (mode run, the default) rather than only planning. */
const runFiles = files.filter(f =>
  actionSteps(workflow(f)).some(s => String(s.with?.mode ?? 'run') === 'run')
)

describe('example workflows and action.yml pass GitHub’s own workflow parser', () => {
  it('there are example workflows, among them the push, dispatch and nightly run workflows', () => {
    expect(files.length).toBeGreaterThan(0)
    expect(files).toEqual(expect.arrayContaining(['pdd-sync-plan.yml']))
    expect(runFiles.sort()).toEqual([
      'pdd-sync-app-token.yml',
      'pdd-sync-dispatch.yml',
      'pdd-sync-nightly.yml',
      'pdd-sync-pr-control.yml',
      'pdd-sync-push.yml'
    ])
  })

  it.each(files)(
    '%s parses and converts without errors, with permissions and a non-cancelling concurrency group',
    async file => {
      const content = read(file)
      const trace = new NoOperationTraceWriter()
      const parsed = parseWorkflow({ name: file, content }, trace)
      expect(parsed.context.errors.getErrors().map(e => e.message)).toEqual([])
      expect(parsed.value).toBeDefined()
      if (!parsed.value) return
      const template = await convertWorkflowTemplate(parsed.context, parsed.value, undefined, {
        errorPolicy: ErrorPolicy.TryConversion
      })
      expect((template.errors ?? []).map(e => e.Message)).toEqual([])
      expect(template.jobs.length).toBeGreaterThan(0)
      expect(content).toMatch(/^# \S/)
      expect(content).toMatch(/^permissions:/m)
      const w = workflow(file)
      expect(w.concurrency?.['cancel-in-progress']).toBe(false)
      expect(w.concurrency?.group).toMatch(/^pdd-sync-\$\{\{ .*github\.ref \}\}$/)
      expect(actionSteps(w).length).toBeGreaterThan(0)
    }
  )

  it.each(files)('%s gives the action only inputs that action.yml declares', file => {
    const declared = Object.keys(actionYml.inputs)
    for (const step of actionSteps(workflow(file)))
      for (const key of Object.keys(step.with ?? {})) expect(declared, `input "${key}"`).toContain(key)
  })

  it.each(files)('%s refers only to dispatch inputs it declares', file => {
    const w = workflow(file)
    const declared = Object.keys(w.on?.workflow_dispatch?.inputs ?? {})
    for (const m of read(file).matchAll(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g)) expect(declared).toContain(m[1])
  })

  it.each(runFiles)(
    '%s may push, open pull requests and label them, and shares one never-cancelled group per branch',
    file => {
      const w = workflow(file)
      const [step] = actionSteps(w)
      if (step?.with?.token === '${{ steps.app.outputs.token }}') {
        // The App token carries the permissions; GITHUB_TOKEN only needs to read for the checkout.
        expect(w.permissions).toEqual({ contents: 'read' })
        const uses = jobOfAction(w).map(s => s.uses ?? '')
        expect(uses.indexOf('actions/create-github-app-token@v2')).toBeLessThan(uses.indexOf(ACTION))
      } else expect(w.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', issues: 'write' })
      // PR control joins the group of the bot PR's base branch (a pull_request event's github.ref is the PR's).
      const group =
        file === 'pdd-sync-pr-control.yml'
          ? "pdd-sync-${{ github.event.pull_request && format('refs/heads/{0}', github.event.pull_request.base.ref) || github.ref }}"
          : 'pdd-sync-${{ github.ref }}'
      expect(w.concurrency).toEqual({ group, 'cancel-in-progress': false })
    }
  )

  it.each(runFiles)(
    '%s checks out, sets up Python 3.12 and passes provider keys from secrets to the action only',
    file => {
      const steps = jobOfAction(workflow(file))
      const uses = steps.map(s => s.uses ?? '')
      const at = (prefix: string): number => uses.findIndex(u => u.startsWith(prefix))
      expect(uses[at('actions/checkout@')]).toBe('actions/checkout@v6')
      expect(uses[at('actions/setup-python@')]).toBe('actions/setup-python@v6')
      expect(at('actions/checkout@')).toBeLessThan(at(ACTION))
      expect(at('actions/setup-python@')).toBeLessThan(at(ACTION))
      // The default depth: the action fetches the pushed range's "before" commit and the notes itself.
      expect(steps[at('actions/checkout@')]?.with?.['fetch-depth']).toBeUndefined()
      // No token in .git/config for a generated test to read: the action authenticates each fetch and push.
      expect(steps[at('actions/checkout@')]?.with?.['persist-credentials']).toBe(false)
      expect(steps[at('actions/setup-python@')]?.with?.['python-version']).toBe('3.12')

      const sync = steps[at(ACTION)]
      const env = sync?.env ?? {}
      expect(Object.keys(env)).toEqual(expect.arrayContaining(['OPENAI_API_KEY', 'ANTHROPIC_API_KEY']))
      for (const [name, value] of Object.entries(env)) expect(value).toBe(`\${{ secrets.${name} }}`)
      // Keys are not exposed to the other steps.
      for (const s of steps.filter(s => s !== sync)) expect(s.env).toBeUndefined()
    }
  )

  it('the dispatch workflow maps its units, budget and dry-run inputs to the action inputs', () => {
    const w = workflow('pdd-sync-dispatch.yml')
    expect(w.on?.workflow_dispatch?.inputs).toMatchObject({
      units: { type: 'string', required: false, default: '' },
      budget: { type: 'string', default: '5' },
      'dry-run': { type: 'boolean', default: false }
    })
    const [step] = actionSteps(w)
    expect(step?.with).toEqual({
      units: '${{ inputs.units }}',
      budget: '${{ inputs.budget }}',
      'dry-run': '${{ inputs.dry-run }}'
    })
    // The dispatch defaults agree with the action's.
    expect(actionYml.inputs.budget?.default).toBe('5')
    expect(actionYml.inputs['dry-run']?.default).toBe('false')
  })

  it('the push workflow runs on pushes to main and the nightly one on a schedule with a budget policy', () => {
    const push = workflow('pdd-sync-push.yml')
    expect(push.on?.push).toMatchObject({ branches: ['main'] })
    const nightly = workflow('pdd-sync-nightly.yml')
    const schedule = nightly.on?.schedule as { cron: string }[]
    expect(schedule).toHaveLength(1)
    expect(schedule[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/)
    const [step] = actionSteps(nightly)
    expect(step?.with).toMatchObject({ 'budget-policy': 'fit' })
    expect(Number(step?.with?.budget)).toBeGreaterThan(0)
  })

  it('the PR control workflow runs on body edits and new comments, from the bot PR’s base', () => {
    const w = workflow('pdd-sync-pr-control.yml')
    expect(w.on).toEqual({ pull_request: { types: ['edited'] }, issue_comment: { types: ['created'] } })
    const checkout = jobOfAction(w).find(s => s.uses?.startsWith('actions/checkout@'))
    expect(checkout?.with).toEqual({
      ref: '${{ github.event.pull_request.base.ref }}',
      'persist-credentials': false
    })
  })

  it('the fan-out workflow: plan → shard matrix (fail-fast off) → finalize always, all on the planned commit', () => {
    const text = read('pdd-sync-fanout.yml')
    const w = parse(text) as {
      jobs: Record<
        string,
        Job & {
          needs?: string | string[]
          if?: string
          outputs?: Record<string, string>
          strategy?: { 'fail-fast'?: boolean; matrix?: string }
        }
      >
    }
    expect(Object.keys(w.jobs)).toEqual(['plan', 'shard', 'finalize'])
    const { plan, shard, finalize } = w.jobs
    const step = (j: Job | undefined): Step | undefined => j?.steps?.find(s => s.uses === ACTION)
    expect(step(plan)?.with?.mode).toBe('plan')
    expect(plan?.outputs).toMatchObject({
      matrix: '${{ steps.plan.outputs.matrix }}',
      'base-sha': '${{ steps.plan.outputs.base-sha }}'
    })
    expect(shard?.needs).toBe('plan')
    expect(shard?.strategy).toEqual({
      'fail-fast': false,
      matrix: '${{ fromJSON(needs.plan.outputs.matrix) }}'
    })
    expect(step(shard)?.with).toEqual({
      mode: 'shard',
      shard: '${{ matrix.shard }}',
      units: '${{ matrix.units }}',
      budget: '${{ matrix.budget }}',
      'base-sha': '${{ needs.plan.outputs.base-sha }}'
    })
    expect(finalize?.needs).toEqual(['plan', 'shard'])
    expect(finalize?.if).toMatch(/always\(\)/)
    expect(step(finalize)?.with).toMatchObject({
      mode: 'finalize',
      matrix: '${{ needs.plan.outputs.matrix }}',
      'base-sha': '${{ needs.plan.outputs.base-sha }}'
    })
    for (const j of [shard, finalize]) {
      const checkout = j?.steps?.find(s => s.uses?.startsWith('actions/checkout@'))
      expect(checkout?.with?.ref).toBe('${{ needs.plan.outputs.base-sha }}')
      expect(checkout?.with?.['persist-credentials']).toBe(false)
    }
    // Provider keys reach the shards only: finalize starts no pdd.
    expect(Object.keys(step(shard)?.env ?? {})).toContain('OPENAI_API_KEY')
    expect(step(finalize)?.env).toBeUndefined()
    expect(w.jobs && (parse(text) as Workflow).permissions).toEqual({
      contents: 'write',
      'pull-requests': 'write',
      issues: 'write'
    })
  })

  it('action.yml parses as an action running dist/index.js on node24', () => {
    const content = readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
    const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter())
    expect(parsed.context.errors.getErrors().map(e => e.message)).toEqual([])
    expect(parsed.value).toBeDefined()
    if (!parsed.value) return
    const action = convertActionTemplate(parsed.context, parsed.value)
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' })
    expect(action.inputs?.map(i => i.id)).toContain('mode')
    // The yaml package reads the same inputs as GitHub's parser (the with-key check above relies on it).
    expect(action.inputs?.map(i => i.id).sort()).toEqual(Object.keys(actionYml.inputs).sort())
  })
})

describe('the repository’s own workflows (CI and release)', () => {
  const own = path.join(ROOT, '.github', 'workflows')
  const ownFiles = readdirSync(own).filter(f => f.endsWith('.yml'))

  it('there is a CI workflow and a release workflow', () => {
    expect(ownFiles.sort()).toEqual(['ci.yml', 'release.yml'])
  })

  it.each(ownFiles)('%s parses and converts without errors', async file => {
    const content = readFileSync(path.join(own, file), 'utf8')
    const parsed = parseWorkflow({ name: file, content }, new NoOperationTraceWriter())
    expect(parsed.context.errors.getErrors().map(e => e.message)).toEqual([])
    if (!parsed.value) throw new Error(`${file} did not parse`)
    const template = await convertWorkflowTemplate(parsed.context, parsed.value, undefined, {
      errorPolicy: ErrorPolicy.TryConversion
    })
    expect((template.errors ?? []).map(e => e.Message)).toEqual([])
  })

  it('CI runs .ci/run and self-tests the action from this checkout in plan mode and as a dry run', () => {
    const ci = parse(readFileSync(path.join(own, 'ci.yml'), 'utf8')) as Workflow
    const steps = Object.values(ci.jobs).flatMap(j => j.steps ?? [])
    expect(steps.some(s => s.run?.includes('bash .ci/run'))).toBe(true)
    const self = steps.filter(s => s.uses === './')
    expect(self.map(s => s.with?.mode)).toEqual(['plan', 'run'])
    expect(self[1]?.with?.['dry-run']).toBe(true)
    for (const s of self)
      expect(Object.keys(actionYml.inputs)).toEqual(expect.arrayContaining(Object.keys(s.with ?? {})))
    expect(steps.some(s => s.run?.includes('git diff --exit-code -- dist'))).toBe(true)
  })

  it('the release workflow runs on vX.Y.Z tags, checks dist/ and moves the major tag', () => {
    const text = readFileSync(path.join(own, 'release.yml'), 'utf8')
    const release = parse(text) as { on: { push: { tags: string[] } } }
    expect(release.on.push.tags).toEqual(['v[0-9]+.[0-9]+.[0-9]+'])
    expect(text).toContain('git diff --exit-code -- dist')
    expect(text).toContain('gh release create')
    expect(text).toMatch(/git push -f origin "refs\/tags\/\$major"/)
  })

  it('one actions/checkout major everywhere: the examples, the README and these workflows', () => {
    const texts = [
      ...files.map(f => read(f)),
      ...ownFiles.map(f => readFileSync(path.join(own, f), 'utf8')),
      readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    ]
    const majors = new Set(texts.flatMap(t => [...t.matchAll(/actions\/checkout@(v\d+)/g)].map(m => m[1])))
    expect([...majors]).toEqual(['v6'])
  })
})

/** Evaluates a job's `if:` as GitHub does (its own expression library) against an event payload. */
function evaluateIf(condition: string, eventName: string, event: object): boolean {
  const lexed = new Lexer(condition).lex()
  const expr = new Parser(lexed.tokens, ['github'], []).parse()
  const github = new data.Dictionary(
    { key: 'event_name', value: new data.StringData(eventName) },
    { key: 'event', value: JSON.parse(JSON.stringify(event), data.reviver) as data.ExpressionData }
  )
  return truthy(new Evaluator(expr, new data.Dictionary({ key: 'github', value: github })).evaluate())
}

describe('the PR control workflow’s if: guard (no loops, only what the action acts on)', () => {
  const guard = Object.values(workflow('pdd-sync-pr-control.yml').jobs)[0]?.if ?? ''
  const user = { login: 'alice', type: 'User' }
  const bot = { login: 'github-actions[bot]', type: 'Bot' }
  const appBot = { login: 'my-app[bot]', type: 'Bot' }
  const pr = (head: string): object => ({ number: 1, head: { ref: head }, base: { ref: 'main' }, body: 'b' })
  const edit = (
    sender: object,
    head = 'pdd-sync/main',
    changes: object = { body: { from: 'a' } }
  ): object => ({
    action: 'edited',
    changes,
    pull_request: pr(head),
    sender
  })
  const comment = (sender: object, body: string, onPr = true): object => ({
    action: 'created',
    issue: { number: 1, ...(onPr ? { pull_request: { url: 'u' } } : {}) },
    comment: { body, author_association: 'MEMBER', user: sender },
    sender
  })
  it.each<[string, string, object, boolean]>([
    ['a person edits the bot PR’s body', 'pull_request', edit(user), true],
    ['the action rewrites the body (GITHUB_TOKEN)', 'pull_request', edit(bot), false],
    ['the action rewrites the body (an App token)', 'pull_request', edit(appBot), false],
    [
      'a person edits only the title',
      'pull_request',
      edit(user, 'pdd-sync/main', { title: { from: 't' } }),
      false
    ],
    ['a person edits another pull request', 'pull_request', edit(user, 'feature/x'), false],
    [
      'a person comments /pdd-sync retry failed on a PR',
      'issue_comment',
      comment(user, '/pdd-sync retry failed'),
      true
    ],
    [
      'the action replies (its text names /pdd-sync)',
      'issue_comment',
      comment(bot, 'pdd-sync re-ran … /pdd-sync'),
      false
    ],
    ['a comment without a command', 'issue_comment', comment(user, 'LGTM'), false],
    [
      'a command on an issue, not a PR',
      'issue_comment',
      comment(user, '/pdd-sync retry failed', false),
      false
    ],
    ['a push', 'push', { sender: user }, false]
  ])('%s → %s', (_name, eventName, event, expected) => {
    expect(evaluateIf(guard, eventName, event)).toBe(expected)
  })
})

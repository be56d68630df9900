/**
 * `pdd-sync run`'s partial records (cli/progress-record.ts) in a real repository: the first group that lands is
 * recorded at once; groups that land soon after are coalesced into one later write of the newest progress (a
 * write per group cost the executor bench ~65 ms of CPU each); `close` cancels what is pending and waits for the
 * write in flight.
 */
import { describe, expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { ConsoleReporter } from '../src/adapters/reporter.js'
import { ProgressRecorder } from '../src/cli/progress-record.js'
import type { UnitResult } from '../src/execute/result.js'
import { git, gitEnv, makeRepo } from './helpers/git-repo.js'
import { runRecordsIn } from './helpers/notes.js'

const REF = 'refs/notes/pdd-sync'
const sleep = (ms: number): Promise<void> => new Promise(r => setTimeout(r, ms))

function unit(name: string): UnitResult {
  return {
    id: `${name}_python`,
    basename: name,
    language: 'python',
    status: 'synced',
    operations: ['generate'],
    cost: 0.25,
    reason: ''
  }
}

/** How many times the notes ref was written (one notes commit per write). */
function writes(dir: string): number {
  try {
    return Number(git(dir, 'rev-list', '--count', REF).trim())
  } catch {
    return 0
  }
}

async function recorder(spacingMs: number, secrets: string[] = []) {
  const repo = makeRepo({ 'prompts/a_python.prompt': 'a\n' })
  const g = (await Git.open(repo.dir, gitEnv())).withSecrets(secrets)
  const head = git(repo.dir, 'rev-parse', 'HEAD').trim()
  const warnings: string[] = []
  const reporter = new ConsoleReporter()
  reporter.warning = (m: string) => void warnings.push(m)
  const rec = new ProgressRecorder(
    { git: g, notesRef: REF, budget: 5, id: { runId: 'r1', trigger: 'cli', baseSha: head }, reporter },
    spacingMs
  )
  return { dir: repo.dir, head, rec, warnings }
}

describe('ProgressRecorder: partial records, spaced', () => {
  it('records the first landing at once and coalesces the next ones into one write of the newest', async () => {
    const { dir, head, rec, warnings } = await recorder(400)
    rec.offer({ head, units: [unit('a')] })
    await sleep(150)
    expect(writes(dir)).toBe(1)
    rec.offer({ head, units: [unit('a'), unit('b')] })
    rec.offer({ head, units: [unit('a'), unit('b'), unit('c')] })
    await sleep(100)
    expect(writes(dir)).toBe(1)
    await sleep(600)
    expect(writes(dir)).toBe(2)
    const [r] = runRecordsIn(dir)
    expect(r?.partial).toBe(true)
    expect(r?.units.map(u => u.id)).toEqual(['a_python', 'b_python', 'c_python'])
    await rec.close()
    expect(warnings).toEqual([])
  })

  it('close drops what waits for its turn, and nothing is written after it', async () => {
    const { dir, head, rec } = await recorder(400)
    rec.offer({ head, units: [unit('a')] })
    await sleep(150)
    rec.offer({ head, units: [unit('a'), unit('b')] })
    await rec.close()
    const after = writes(dir)
    expect(after).toBe(1)
    rec.offer({ head, units: [unit('a'), unit('b'), unit('c')] })
    await sleep(600)
    expect(writes(dir)).toBe(after)
  })

  it('without spacing, every landing that finds no write in flight is written', async () => {
    const { dir, head, rec } = await recorder(0)
    for (const n of ['a', 'b', 'c']) {
      rec.offer({ head, units: [unit(n)] })
      await sleep(300)
    }
    await rec.close()
    expect(writes(dir)).toBe(3)
  })

  it("a secret of the job in a unit's reason never reaches the partial record", async () => {
    const token = 'ghs_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'
    const { dir, head, rec } = await recorder(0, [token])
    rec.offer({ head, units: [{ ...unit('a'), status: 'failed', reason: `pdd printed ${token}` }] })
    await rec.close()
    expect(writes(dir)).toBe(1)
    const note = git(dir, 'notes', `--ref=${REF}`, 'show', head)
    expect(note).not.toContain(token)
    expect(note).toContain('pdd printed')
  })
})

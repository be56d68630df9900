/** Which units need an agent CLI, which agents PDD would accept, and the reason a unit without one gets. */
import { describe, expect, it } from 'vitest'
import { agentOperations, availableAgents, missingAgent, type AgentProbe } from '../src/preflight/agents.js'
import type { Operation } from '../src/types.js'

const FRESH: Operation[] = ['generate', 'example', 'crash', 'verify', 'test']

describe('operations PDD runs only through an agent CLI', () => {
  it.each<[string, Operation[], Operation[]]>([
    ['typescript', FRESH, ['verify', 'test']],
    ['go', ['fix'], ['fix']],
    ['javascript', ['generate', 'example'], []],
    ['typescriptreact', ['crash'], []],
    ['typescript', ['test_extend'], ['test_extend']],
    ['python', FRESH, []],
    ['Python', ['fix'], []]
  ])('%s %j → %j', (language, planned, expected) => {
    expect(agentOperations(language, planned)).toEqual(expected)
  })
})

describe('the reason a unit without an agent gets', () => {
  it('names what is missing and both ways out', () => {
    const why = missingAgent('typescript', FRESH, { allowed: true, available: [] })
    expect(why).toBe(
      'PDD runs verify and test for typescript only through an agent CLI (claude, gemini, agy, codex or ' +
        'opencode), and none is usable here: install and sign in one on the runner and set ' +
        '`agentic-fallback: true`, or set `skip-verify: true` and `skip-tests: true` for it'
    )
  })

  it('says agentic-fallback is off when an agent is there', () => {
    expect(missingAgent('go', ['test'], { allowed: false, available: ['anthropic'] })).toBe(
      'PDD runs test for go only through an agent CLI, and `agentic-fallback` is off (anthropic found): set ' +
        '`agentic-fallback: true` (agent spending is outside the budget), or set `skip-verify: true` and ' +
        '`skip-tests: true` for it'
    )
  })

  it.each<[string, Operation[], boolean, string[]]>([
    ['typescript', FRESH, true, ['anthropic']],
    ['typescript', ['generate', 'example'], false, []],
    ['python', FRESH, false, []]
  ])('%s %j (allowed %s, %j): no reason', (language, planned, allowed, available) => {
    expect(missingAgent(language, planned, { allowed, available })).toBeNull()
  })
})

describe("the providers PDD's get_available_agents would return", () => {
  const probe = (exes: string[], env: NodeJS.ProcessEnv = {}, files: string[] = []): AgentProbe => ({
    found: e => exes.includes(e),
    env,
    homeFile: f => files.includes(f)
  })
  it.each<[string, AgentProbe, string[]]>([
    ['nothing installed', probe([]), []],
    ['claude needs no key', probe(['claude']), ['anthropic']],
    ['codex without a sign-in', probe(['codex']), []],
    ['codex with OPENAI_API_KEY', probe(['codex'], { OPENAI_API_KEY: 'k' }), ['openai']],
    ['codex with ~/.codex/auth.json', probe(['codex'], {}, ['.codex/auth.json']), ['openai']],
    ['gemini without a key', probe(['gemini']), []],
    ['gemini with GEMINI_API_KEY', probe(['gemini'], { GEMINI_API_KEY: 'k' }), ['google']],
    ['agy with its OAuth file', probe(['agy'], {}, ['.gemini/antigravity-cli/oauth_creds.json']), ['google']],
    [
      'PDD_GOOGLE_CLI pins a missing binary',
      probe(['agy'], { PDD_GOOGLE_CLI: 'gemini', GOOGLE_API_KEY: 'k' }),
      []
    ],
    ['opencode', probe(['opencode']), ['opencode']],
    [
      'default order',
      probe(['opencode', 'claude', 'codex'], { OPENAI_API_KEY: 'k' }),
      ['anthropic', 'openai', 'opencode']
    ],
    [
      'PDD_AGENTIC_PROVIDER orders and filters',
      probe(['claude', 'codex'], { OPENAI_API_KEY: 'k', PDD_AGENTIC_PROVIDER: 'openai,google' }),
      ['openai']
    ],
    [
      'PDD_AGENTIC_DISABLED_PROVIDERS drops',
      probe(['claude', 'codex'], { OPENAI_API_KEY: 'k', PDD_AGENTIC_DISABLED_PROVIDERS: 'anthropic:test' }),
      ['openai']
    ]
  ])('%s', (_name, p, expected) => {
    expect(availableAgents(p)).toEqual(expected)
  })
})

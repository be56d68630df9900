import { describe, expect, it } from 'vitest'
import { AGENT_PROVIDERS, buildSyncInvocation, type SyncInvocationOptions } from '../src/execute/pdd-argv.js'

const base: SyncInvocationOptions = {
  command: ['pdd'],
  basename: 'calc',
  budget: 1.5,
  maxAttempts: 3,
  costFile: '/run/cost.csv',
  local: true
}

describe('buildSyncInvocation argv', () => {
  it.each<[string, Partial<SyncInvocationOptions>, string[]]>([
    [
      'minimal, local',
      {},
      ['pdd', '--force', '--local', 'sync', '--budget', '1.5', '--max-attempts', '3', '--no-steer', 'calc']
    ],
    [
      'cloud: no --local',
      { local: false },
      ['pdd', '--force', 'sync', '--budget', '1.5', '--max-attempts', '3', '--no-steer', 'calc']
    ],
    [
      'every option, globals before the subcommand',
      {
        context: 'backend',
        strength: 0.5,
        temperature: 0.2,
        skipVerify: true,
        skipTests: true,
        targetCoverage: 80,
        maxAttempts: 0
      },
      [
        'pdd',
        '--force',
        '--local',
        '--context',
        'backend',
        '--strength',
        '0.5',
        '--temperature',
        '0.2',
        'sync',
        '--budget',
        '1.5',
        '--max-attempts',
        '0',
        '--skip-verify',
        '--skip-tests',
        '--target-coverage',
        '80',
        '--no-steer',
        'calc'
      ]
    ],
    [
      'pdd-command with arguments, path-qualified basename',
      { command: ['uvx', '--from', 'pdd-cli==0.0.310', 'pdd'], basename: 'core/cloud' },
      [
        'uvx',
        '--from',
        'pdd-cli==0.0.310',
        'pdd',
        '--force',
        '--local',
        'sync',
        '--budget',
        '1.5',
        '--max-attempts',
        '3',
        '--no-steer',
        'core/cloud'
      ]
    ],
    [
      'tiny budget printed without exponent (Click FLOAT)',
      { budget: 1e-7 },
      [
        'pdd',
        '--force',
        '--local',
        'sync',
        '--budget',
        '0.0000001',
        '--max-attempts',
        '3',
        '--no-steer',
        'calc'
      ]
    ],
    [
      'range edges are accepted',
      { strength: 0, temperature: 2, targetCoverage: 100 },
      [
        'pdd',
        '--force',
        '--local',
        '--strength',
        '0',
        '--temperature',
        '2',
        'sync',
        '--budget',
        '1.5',
        '--max-attempts',
        '3',
        '--target-coverage',
        '100',
        '--no-steer',
        'calc'
      ]
    ]
  ])('%s', (_name, over, argv) => {
    expect(buildSyncInvocation({ ...base, ...over }).argv).toEqual(argv)
  })
})

describe('buildSyncInvocation env', () => {
  it('sets the CI contract and the run-scoped cost file', () => {
    const { env } = buildSyncInvocation(base)
    expect(env).toMatchObject({
      PDD_OUTPUT_COST_PATH: '/run/cost.csv',
      CI: '1',
      PDD_FORCE: '1',
      PDD_AUTO_UPDATE: 'false',
      PDD_SUPPRESS_SETUP_REMINDER: '1',
      NO_COLOR: '1',
      TERM: 'dumb',
      PYTHONUNBUFFERED: '1',
      PDD_FORCE_LOCAL: '1'
    })
  })

  it('sets PDD_FORCE_LOCAL only when local', () => {
    expect(buildSyncInvocation({ ...base, local: false }).env).not.toHaveProperty('PDD_FORCE_LOCAL')
  })

  it('disables every agent provider unless agentic fallback is opted in', () => {
    const off = buildSyncInvocation(base).env.PDD_AGENTIC_DISABLED_PROVIDERS ?? ''
    const disabled = off.split(',').map(t => t.split(':')[0])
    expect(disabled).toEqual([...AGENT_PROVIDERS])
    expect(buildSyncInvocation({ ...base, agenticFallback: true }).env).not.toHaveProperty(
      'PDD_AGENTIC_DISABLED_PROVIDERS'
    )
  })
})

describe('buildSyncInvocation validation names the option', () => {
  it.each<[Partial<SyncInvocationOptions>, RegExp]>([
    [{ budget: 0 }, /^budget: .*> 0, got 0/],
    [{ budget: -1 }, /^budget:/],
    [{ budget: Number.NaN }, /^budget:/],
    [{ budget: Number.POSITIVE_INFINITY }, /^budget:/],
    [{ maxAttempts: -1 }, /^max-attempts: .*≥ 0, got -1/],
    [{ maxAttempts: 1.5 }, /^max-attempts:/],
    [{ targetCoverage: 100.5 }, /^target-coverage: .*0 to 100, got 100.5/],
    [{ targetCoverage: -1 }, /^target-coverage:/],
    [{ strength: 1.01 }, /^strength: .*0 to 1/],
    [{ temperature: 2.1 }, /^temperature: .*0 to 2/],
    [{ temperature: -0.1 }, /^temperature:/],
    [{ command: [] }, /^pdd-command:/],
    [{ command: ['pdd', ''] }, /^pdd-command:/],
    [{ basename: '' }, /^basename:/],
    [{ basename: '--help' }, /^basename:/],
    [{ context: '' }, /^context:/],
    [{ costFile: '' }, /^cost file:/]
  ])('%j', (over, message) => {
    expect(() => buildSyncInvocation({ ...base, ...over })).toThrow(message)
  })
})

import { describe, expect, it } from 'vitest'
import { buildPddEnv } from '../src/trust/pdd-env.js'

const TOKEN = 'ghs_pddEnvTestToken0123456789abcd'
const b64 = (s: string): string => Buffer.from(s).toString('base64')

describe('buildPddEnv: credentials withheld, the rest kept', () => {
  it.each([
    ['INPUT_TOKEN', TOKEN, false],
    ['INPUT_PUSH-TOKEN', TOKEN, false],
    ['INPUT_BUDGET', '5', false],
    ['ACTIONS_RUNTIME_TOKEN', 'eyJ0eXAiOiJKV1QifQ.runtime', false],
    ['ACTIONS_RUNTIME_URL', 'https://pipelines.example/', false],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'eyJ0eXAiOiJKV1QifQ.oidc', false],
    ['ACTIONS_ID_TOKEN_REQUEST_URL', 'https://token.example/?audience=x', false],
    ['ACTIONS_CACHE_URL', 'https://cache.example/', false],
    ['ACTIONS_RESULTS_URL', 'https://results.example/', false],
    ['GITHUB_TOKEN', TOKEN, false],
    ['GH_TOKEN', TOKEN, false],
    ['GH_ENTERPRISE_TOKEN', 'enterprise-token-1', false],
    ['GITHUB_ENTERPRISE_TOKEN', 'enterprise-token-2', false],
    ['GITHUB_PAT', 'personal-access-1', false],
    ['GH_DEPLOY_KEY', 'deploy-key-value', false],
    ['GIT_CONFIG_PARAMETERS', "'http.extraheader=AUTHORIZATION: basic eA=='", false],
    ['GIT_ASKPASS', '/tmp/askpass.sh', false],
    ['SSH_AUTH_SOCK', '/tmp/ssh-agent.sock', false],
    ['SOME_NAME', 'ghp_abcdefghijklmnopqrstuvwxyz012345', false],
    ['OTHER', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnop', false],
    ['OPENAI_API_KEY', 'sk-openai-key-123', true],
    ['ANTHROPIC_API_KEY', 'sk-ant-key-123', true],
    ['AWS_SECRET_ACCESS_KEY', 'aws-secret-123', true],
    ['PDD_JWT_TOKEN', 'eyJ0eXAiOiJKV1QifQ.pdd', true],
    ['PDD_PATH', '/opt/pdd', true],
    ['PATH', '/usr/bin:/bin', true],
    ['HOME', '/home/runner', true],
    ['GITHUB_WORKSPACE', '/home/runner/work/r/r', true],
    ['GITHUB_SHA', 'a'.repeat(40), true],
    ['RUNNER_TEMP', '/home/runner/work/_temp', true],
    ['CI', 'true', true]
  ])('%s is kept: %s', (name, value, kept) => {
    const { env, withheld } = buildPddEnv({ [name]: value })
    expect(name in env).toBe(kept)
    expect(withheld.some(w => w.name === name)).toBe(!kept)
  })

  it.each([
    ['an exact name', ['DEPLOY_HOOK'], 'DEPLOY_HOOK'],
    ['a glob', ['DEPLOY_*'], 'DEPLOY_HOOK'],
    ['a name in another case', ['deploy_hook'], 'DEPLOY_HOOK'],
    ['a provider key the user withholds', ['OPENAI_API_KEY'], 'OPENAI_API_KEY']
  ])('the withhold list: %s', (_what, withhold, name) => {
    const { env, withheld } = buildPddEnv({ [name]: 'value-12345', PATH: '/bin' }, { withhold })
    expect(env).toEqual({ PATH: '/bin' })
    expect(withheld).toEqual([{ name, why: 'withhold-env' }])
  })

  it('a copy of a credential under an innocent name is withheld, by value', () => {
    const { env, withheld } = buildPddEnv({
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-value-1',
      INNOCENT: 'prefix runtime-token-value-1 suffix',
      KEPT: 'unrelated'
    })
    expect(env).toEqual({ KEPT: 'unrelated' })
    expect(withheld.map(w => w.why).sort()).toEqual(['copy-of-credential', 'credential'])
  })

  it('a copy of a secret given only as an option (the token input) is withheld', () => {
    const { env } = buildPddEnv({ MY_COPY: TOKEN, KEPT: 'x' }, { secrets: [TOKEN] })
    expect(env).toEqual({ KEPT: 'x' })
  })

  it('the working directory of an input does not withhold PWD (only secrets mark copies)', () => {
    const { env } = buildPddEnv({
      'INPUT_WORKING-DIRECTORY': '/home/runner/work/r/r',
      PWD: '/home/runner/work/r/r'
    })
    expect(env).toEqual({ PWD: '/home/runner/work/r/r' })
  })

  it('GIT_CONFIG entries carrying credentials go, the others stay renumbered', () => {
    const { env, withheld } = buildPddEnv({
      GIT_CONFIG_COUNT: '4',
      GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader',
      GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${b64(`x-access-token:${TOKEN}`)}`,
      GIT_CONFIG_KEY_1: 'core.autocrlf',
      GIT_CONFIG_VALUE_1: 'false',
      GIT_CONFIG_KEY_2: 'url.https://x-access-token:secretvalue1@github.com/.insteadOf',
      GIT_CONFIG_VALUE_2: 'https://github.com/',
      GIT_CONFIG_KEY_3: 'safe.directory',
      GIT_CONFIG_VALUE_3: '*'
    })
    expect(env).toEqual({
      GIT_CONFIG_COUNT: '2',
      GIT_CONFIG_KEY_0: 'core.autocrlf',
      GIT_CONFIG_VALUE_0: 'false',
      GIT_CONFIG_KEY_1: 'safe.directory',
      GIT_CONFIG_VALUE_1: '*'
    })
    expect(withheld.filter(w => w.why === 'git-credential-config')).toHaveLength(2)
    expect(JSON.stringify(env)).not.toContain(TOKEN)
  })

  it('a whole job environment: nothing of any credential survives, in any variable', () => {
    const job = {
      PATH: '/usr/bin',
      HOME: '/home/runner',
      INPUT_TOKEN: TOKEN,
      'INPUT_PUSH-TOKEN': 'ghp_pushTokenValue0123456789abcdef',
      ACTIONS_RUNTIME_TOKEN: 'runtime-jwt-value-1',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-value-1',
      OPENAI_API_KEY: 'sk-provider-key-1',
      PDD_FORCE_LOCAL: '1'
    }
    const { env } = buildPddEnv(job)
    expect(Object.keys(env).sort()).toEqual(['HOME', 'OPENAI_API_KEY', 'PATH', 'PDD_FORCE_LOCAL'])
  })
})

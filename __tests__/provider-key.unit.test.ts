import { describe, expect, it } from 'vitest'
import packaged from '../src/preflight/packaged-llm-model.json' with { type: 'json' }
import { parseCatalog, selectCandidates } from '../src/preflight/catalog.js'
import { checkProviderKey, type ProviderKeyInput } from '../src/preflight/provider-key.js'

const HEADER =
  'provider,model,input,output,coding_arena_elo,model_rank_score,model_rank_source,base_url,api_key,max_reasoning_tokens,structured_output,reasoning_type,location,interactive_only,context_limit'

/** One catalog row: provider, model, $ in/out per million, rank, api_key, interactive_only, location. */
function row(r: {
  provider?: string
  model: string
  cost?: number
  rank?: number
  key: string
  interactive?: boolean
  location?: string
}): string {
  const cost = r.cost ?? 1
  return [
    r.provider ?? 'OpenAI',
    r.model,
    cost,
    cost,
    1000,
    r.rank ?? 1000,
    'test',
    '',
    r.key,
    0,
    'True',
    'none',
    r.location ?? '',
    r.interactive ? 'True' : 'False',
    ''
  ].join(',')
}

const project = (...rows: string[]): ProviderKeyInput['catalog'] => ({
  label: '.pdd/llm_model.csv',
  text: [HEADER, ...rows].join('\n') + '\n'
})
const PACKAGED = { label: 'the packaged catalog', text: packaged.csv }
const FAKE = row({ model: 'openai/fake-coder', key: 'FAKE_LLM_KEY' })
const TWO = [
  row({ model: 'gpt-best', rank: 2000, cost: 10, key: 'OPENAI_API_KEY' }),
  row({ provider: 'Anthropic', model: 'claude-cheap', rank: 1500, cost: 1, key: 'ANTHROPIC_API_KEY' })
]
const VERTEX = row({
  provider: 'Google Vertex AI',
  model: 'vertex_ai/gemini-x',
  key: 'GOOGLE_APPLICATION_CREDENTIALS|VERTEXAI_PROJECT|VERTEXAI_LOCATION'
})

type Case = [string, Partial<ProviderKeyInput>, 'ok' | 'fail' | 'undecided', RegExp]

const cases: Case[] = [
  [
    'project CSV, its key set',
    { catalog: project(FAKE), env: { FAKE_LLM_KEY: 'x' } },
    'ok',
    /openai\/fake-coder.*FAKE_LLM_KEY is set.*\.pdd\/llm_model\.csv/
  ],
  [
    'project CSV, its key unset',
    { catalog: project(FAKE), env: {} },
    'fail',
    /Set FAKE_LLM_KEY from a secret in the step's env[\s\S]*FAKE_LLM_KEY: \$\{\{ secrets\.FAKE_LLM_KEY \}\}/
  ],
  [
    'a key of blanks is no key',
    { catalog: project(FAKE), env: { FAKE_LLM_KEY: '  ' } },
    'fail',
    /FAKE_LLM_KEY/
  ],
  [
    'empty api_key needs no key',
    { catalog: project(row({ model: 'local', key: '' })), env: {} },
    'ok',
    /local .*no key needed/
  ],
  [
    'multi-key A|B, both set',
    { catalog: project(row({ model: 'm', key: 'KEY_A|KEY_B' })), env: { KEY_A: '1', KEY_B: '2' } },
    'ok',
    /KEY_A \+ KEY_B is set/
  ],
  [
    'multi-key A|B, one missing',
    { catalog: project(row({ model: 'm', key: 'KEY_A|KEY_B' })), env: { KEY_A: '1' } },
    'fail',
    /Set KEY_A \+ KEY_B/
  ],
  [
    'Vertex: project and location stand in for the credentials file',
    { catalog: project(VERTEX), env: { GOOGLE_CLOUD_PROJECT: 'p', VERTEXAI_LOCATION: 'us' } },
    'ok',
    /gemini-x/
  ],
  [
    'Vertex: a project alone is not enough',
    { catalog: project(VERTEX), env: { GOOGLE_CLOUD_PROJECT: 'p' } },
    'fail',
    /GOOGLE_APPLICATION_CREDENTIALS \+ VERTEXAI_PROJECT/
  ],
  [
    'GEMINI_API_KEY row, GOOGLE_API_KEY set (alias)',
    { catalog: project(row({ model: 'gemini/g', key: 'GEMINI_API_KEY' })), env: { GOOGLE_API_KEY: 'k' } },
    'ok',
    /gemini\/g/
  ],
  [
    'PDD_LLM_INVOKE_ alias',
    { catalog: project(FAKE), env: { PDD_LLM_INVOKE_FAKE_LLM_KEY: 'k' } },
    'ok',
    /fake-coder/
  ],
  [
    'first model keyless: the next one with a key',
    { catalog: project(...TWO), env: { ANTHROPIC_API_KEY: 'k' } },
    'ok',
    /claude-cheap \(Anthropic, ANTHROPIC_API_KEY is set\)/
  ],
  [
    'no key at all: names them in the order PDD tries',
    { catalog: project(...TWO), env: {} },
    'fail',
    /Set OPENAI_API_KEY \(or ANTHROPIC_API_KEY\)/
  ],
  [
    'PDD_MODEL_DEFAULT with a provider prefix and no row fails',
    { catalog: project(...TWO), env: { PDD_MODEL_DEFAULT: 'anthropic/claude-none', ANTHROPIC_API_KEY: 'k' } },
    'fail',
    /no row under provider "Anthropic"/
  ],
  [
    'PDD_MODEL_DEFAULT unknown without prefix: the first row is the base',
    { catalog: project(...TWO), env: { PDD_MODEL_DEFAULT: 'whatever', OPENAI_API_KEY: 'k' } },
    'ok',
    /gpt-best/
  ],
  [
    'interactive-only rows are dropped',
    { catalog: project(row({ model: 'github_copilot/x', key: '', interactive: true }), FAKE), env: {} },
    'fail',
    /FAKE_LLM_KEY/
  ],
  [
    'an interactive-only base is kept',
    {
      catalog: project(row({ model: 'github_copilot/x', key: '', interactive: true }), FAKE),
      env: { PDD_MODEL_DEFAULT: 'github_copilot/x' }
    },
    'ok',
    /github_copilot\/x/
  ],
  [
    'PDD_ALLOW_INTERACTIVE keeps them',
    {
      catalog: project(row({ model: 'lm', key: '', interactive: true })),
      env: { PDD_ALLOW_INTERACTIVE: 'true' }
    },
    'ok',
    /lm /
  ],
  [
    'PDD_SKIP_LOCAL_MODELS with a local base fails',
    {
      catalog: project(row({ provider: 'lm_studio', model: 'lm', key: '' }), FAKE),
      env: { PDD_SKIP_LOCAL_MODELS: '1', PDD_MODEL_DEFAULT: 'lm', FAKE_LLM_KEY: 'k' }
    },
    'fail',
    /filtered out/
  ],
  [
    'cloud with PDD_JWT_TOKEN',
    { catalog: project(FAKE), env: { PDD_JWT_TOKEN: 'jwt' }, cloud: true },
    'ok',
    /PDD Cloud \(PDD_JWT_TOKEN is set\)/
  ],
  [
    'cloud without PDD_JWT_TOKEN nor key',
    { catalog: project(FAKE), env: {}, cloud: true },
    'fail',
    /PDD_JWT_TOKEN .*would do as well/
  ],
  [
    'cloud without PDD_JWT_TOKEN falls back to local keys',
    { catalog: project(FAKE), env: { FAKE_LLM_KEY: 'k' }, cloud: true },
    'ok',
    /fake-coder/
  ],
  [
    'cloud with a cached login',
    { catalog: project(FAKE), env: {}, cloud: true, jwtCached: true },
    'ok',
    /cached PDD Cloud login/
  ],
  [
    'local run: PDD_JWT_TOKEN does not count',
    { catalog: project(FAKE), env: { PDD_JWT_TOKEN: 'jwt' } },
    'fail',
    /FAKE_LLM_KEY/
  ],
  [
    'packaged catalog, no key',
    { catalog: null, packaged: PACKAGED, env: {} },
    'fail',
    /Set OPENAI_API_KEY \(or .*ANTHROPIC_API_KEY.*more in the packaged catalog\)/
  ],
  [
    'packaged catalog, ANTHROPIC_API_KEY',
    { catalog: null, packaged: PACKAGED, env: { ANTHROPIC_API_KEY: 'k' } },
    'ok',
    /\(Anthropic, ANTHROPIC_API_KEY is set\)/
  ],
  [
    'packaged catalog, OPENAI_API_KEY',
    { catalog: null, packaged: PACKAGED, env: { OPENAI_API_KEY: 'k' } },
    'ok',
    /\(OpenAI, OPENAI_API_KEY is set\)/
  ],
  [
    'packaged catalog not known (other pdd version)',
    { catalog: null, packaged: null, env: {} },
    'undecided',
    /not known/
  ],
  [
    'a catalog without api_key column fails every call',
    { catalog: { label: 'x.csv', text: 'provider,model\nA,b\n' }, env: {} },
    'fail',
    /x\.csv is not usable: it has no "input" column/
  ],
  [
    'an unparseable catalog: PDD loads the packaged one',
    {
      catalog: { label: 'x.csv', text: `${HEADER}\n"broken,\n` },
      packaged: PACKAGED,
      env: { OPENAI_API_KEY: 'k' }
    },
    'ok',
    /packaged catalog/
  ]
]

describe('checkProviderKey', () => {
  it.each(cases)('%s', (_name, input, status, message) => {
    const v = checkProviderKey({ catalog: null, packaged: null, env: {}, cloud: false, ...input })
    expect(v.status).toBe(status)
    expect(v.status === 'fail' ? v.message : v.note).toMatch(message)
  })

  it('warns when PDD_MODEL_DEFAULT is not the model pdd will use for want of its key', () => {
    const v = checkProviderKey({
      catalog: project(...TWO),
      packaged: null,
      env: { PDD_MODEL_DEFAULT: 'gpt-best', ANTHROPIC_API_KEY: 'k' },
      cloud: false
    })
    expect(v).toMatchObject({
      status: 'ok',
      warning: expect.stringMatching(/OPENAI_API_KEY is not set: pdd will use claude-cheap/) as unknown
    })
  })
})

describe('selectCandidates (strength order, as _select_model_candidates)', () => {
  const rows = (() => {
    const p = parseCatalog(
      [
        HEADER,
        row({ model: 'mid', rank: 1500, cost: 5, key: 'K' }),
        row({ model: 'best', rank: 2000, cost: 20, key: 'K' }),
        row({ model: 'cheap', rank: 1000, cost: 1, key: 'K' })
      ].join('\n')
    )
    if (p.kind !== 'ok') throw new Error(p.reason)
    return p.rows
  })()
  it.each([
    [1, undefined, 'best'],
    [0, undefined, 'cheap'],
    [0.5, 'mid', 'mid'],
    [0.5, 'best', 'best'],
    [0.75, 'mid', 'mid'], // target rank 1750: mid and best tie at 250; the stable order keeps mid first
    [0.9, 'mid', 'best']
  ])('strength %s, base %s → %s first', (strength, base, first) => {
    const sel = selectCandidates(rows, { strength, baseModel: base, env: {} })
    if ('error' in sel) throw new Error(sel.error)
    expect(sel.candidates[0]?.model).toBe(first)
    expect(sel.candidates).toHaveLength(3)
  })
})

/**
 * The credential check against the real PDD: for each catalog and environment, PDD's own
 * `_select_model_candidates` and `_ensure_api_key` (pdd/llm_invoke.py, non-interactive) must find a usable model
 * exactly when checkProviderKey says ok, and raise exactly when it says pdd cannot pick a model.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { beforeAll, expect, it } from 'vitest'
import packaged from '../src/preflight/packaged-llm-model.json' with { type: 'json' }
import { checkProviderKey } from '../src/preflight/provider-key.js'
import { describeRealPdd } from './helpers/gate.js'
import { realPdd } from './helpers/pdd-project.js'

const HEADER =
  'provider,model,input,output,coding_arena_elo,model_rank_score,model_rank_source,base_url,api_key,max_reasoning_tokens,structured_output,reasoning_type,location,interactive_only,context_limit'
const CUSTOM = [
  HEADER,
  'OpenAI,openai/a,1,1,1000,1000,x,,KEY_A|KEY_B,0,True,none,,False,',
  'Google Gemini,gemini/g,1,1,900,900,x,,GEMINI_API_KEY,0,True,none,,False,',
  'OpenAI,openai/c,1,1,800,800,x,,KEY_C,0,True,none,,False,',
  'Github Copilot,github_copilot/x,0,0,700,700,x,,,0,True,none,,True,'
].join('\n')

interface Case {
  name: string
  csv?: string
  env: Record<string, string>
  strength?: number
}

const cases: Case[] = [
  { name: 'packaged, nothing', env: {} },
  { name: 'packaged, OPENAI_API_KEY', env: { OPENAI_API_KEY: 'k' } },
  { name: 'packaged, ANTHROPIC_API_KEY', env: { ANTHROPIC_API_KEY: 'k' } },
  { name: 'packaged, GOOGLE_API_KEY for Gemini rows', env: { GOOGLE_API_KEY: 'k' } },
  { name: 'packaged, one AWS variable', env: { AWS_ACCESS_KEY_ID: 'k' } },
  {
    name: 'packaged, all AWS variables',
    env: { AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's', AWS_REGION_NAME: 'r' }
  },
  {
    name: 'packaged, Vertex project and location',
    env: { GOOGLE_CLOUD_PROJECT: 'p', VERTEXAI_LOCATION: 'us' }
  },
  { name: 'packaged, Vertex project only', env: { VERTEXAI_PROJECT: 'p' } },
  { name: 'packaged, blank key', env: { OPENAI_API_KEY: '   ' } },
  {
    name: 'packaged, prefixed default without row',
    env: { PDD_MODEL_DEFAULT: 'anthropic/none-such', ANTHROPIC_API_KEY: 'k' }
  },
  {
    name: 'packaged, default keyless, other key set',
    env: { PDD_MODEL_DEFAULT: 'claude-opus-4-7', OPENAI_API_KEY: 'k' }
  },
  { name: 'packaged, strength 0, DEEPSEEK', env: { DEEPSEEK_API_KEY: 'k' }, strength: 0 },
  { name: 'packaged, interactive allowed', env: { PDD_ALLOW_INTERACTIVE: '1' } },
  { name: 'custom, A only', csv: CUSTOM, env: { KEY_A: '1' } },
  { name: 'custom, A and B', csv: CUSTOM, env: { KEY_A: '1', KEY_B: '2' } },
  { name: 'custom, invoke alias of C', csv: CUSTOM, env: { PDD_LLM_INVOKE_KEY_C: '1' } },
  { name: 'custom, default set, no key at all', csv: CUSTOM, env: { PDD_MODEL_DEFAULT: 'openai/c' } },
  {
    name: 'custom, unknown bare default',
    csv: CUSTOM,
    env: { PDD_MODEL_DEFAULT: 'nothing', GEMINI_API_KEY: 'g' }
  }
]

/** PDD's answer per case: 'error' (selection raised), null (no usable model) or the model it would use. */
function pddAnswers(list: Case[]): (string | null)[] {
  const dir = mkdtempSync(path.join(tmpdir(), 'pdd-keys-'))
  const input = list.map((c, i) => {
    const file = c.csv ? path.join(dir, `${i}.csv`) : null
    if (file && c.csv) writeFileSync(file, c.csv + '\n')
    return { csv: file, env: c.env, strength: c.strength ?? 1 }
  })
  const script = String.raw`
import json, os, sys
from pathlib import Path
from pdd import llm_invoke as L
base = {k: os.environ[k] for k in ("PATH", "HOME", "LITELLM_LOCAL_MODEL_COST_MAP")}
out = []
for c in json.load(sys.stdin):
    os.environ.clear(); os.environ.update(base); os.environ["PDD_FORCE"] = "1"; os.environ.update(c["env"])
    df = L._load_model_data(Path(c["csv"]) if c["csv"] else None)
    try:
        cands = L._select_model_candidates(c["strength"], os.environ.get("PDD_MODEL_DEFAULT"), df)
    except ValueError:
        out.append("error"); continue
    out.append(next((m["model"] for m in cands if L._ensure_api_key(m, {}, False)), None))
print("RESULT" + json.dumps(out))
`
  let stdout: string
  try {
    stdout = execFileSync(realPdd()?.python ?? 'python3', ['-c', script], {
      input: JSON.stringify(input),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir, LITELLM_LOCAL_MODEL_COST_MAP: 'True' },
      stdio: ['pipe', 'pipe', 'ignore'],
      timeout: 120_000
    })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  return JSON.parse(/RESULT(.*)/.exec(stdout)?.[1] ?? 'null') as (string | null)[]
}

describeRealPdd(
  'checkProviderKey agrees with the real PDD (llm_invoke._select_model_candidates, _ensure_api_key)',
  () => {
    let answers: (string | null)[] = []
    beforeAll(() => {
      answers = pddAnswers(cases)
    }, 180_000)
    it.each(cases.map((c, i) => [c.name, c, i] as const))('%s', (_n, c, i) => {
      const pdd = answers[i]
      expect(pdd).not.toBeUndefined()
      const v = checkProviderKey({
        catalog: c.csv ? { label: 'custom.csv', text: c.csv + '\n' } : null,
        packaged: { label: 'packaged', text: packaged.csv },
        env: c.env,
        strength: c.strength,
        cloud: false
      })
      if (pdd === 'error') expect(v.status === 'fail' && v.message).toMatch(/cannot pick a model/)
      else if (pdd === null) expect(v.status === 'fail' && v.message).toMatch(/No provider credential/)
      else expect(v.status).toBe('ok')
    })
  }
)

/**
 * The scripted LLM server over HTTP: how it classifies PDD's requests (trimmed samples of real requests captured
 * from pdd-cli 0.0.310 runs), which unit a request names, and each scripted outcome.
 */
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from './helpers/git-repo.js'
import {
  DEFAULT_USAGE,
  costOf,
  start,
  type JsonSchema,
  type LlmServer,
  type OperationKind,
  type Script
} from './helpers/llm-server.js'

const CALC = 'def add(a, b):\n    return a + b\n\n\ndef sub(a, b):\n    return a - b\n'
const BROKEN = 'def add(a, b):\n    return a - b\n'
const EXAMPLE = 'from calc import add\n\nprint(add(1, 2))\n'
const TESTS = 'from calc import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n'
const ONE_UNIT: Script = { units: { calc: { code: CALC, example: EXAMPLE, test: TESTS } } }

type FieldType = 'string' | 'boolean' | 'integer' | 'array'

/** `response_format` as PDD's llm_invoke sends it for a pydantic model (strict, all properties required). */
function schemaFormat(name: string, fields: Record<string, FieldType>): Record<string, unknown> {
  const properties = Object.fromEntries(
    Object.entries(fields).map(([k, type]) => [
      k,
      type === 'array' ? { type, items: { type: 'object' } } : { type }
    ])
  )
  const schema = {
    properties,
    required: Object.keys(fields),
    title: name,
    type: 'object',
    additionalProperties: false
  }
  return { type: 'json_schema', json_schema: { name, schema, strict: true } }
}

interface Sample {
  kind: OperationKind
  template: string
  text: string
  schema?: [string, Record<string, FieldType>]
}

const EXTRACTED: Record<string, FieldType> = {
  focus: 'string',
  explanation: 'string',
  extracted_code: 'string'
}

/** Openings of real requests (rendered templates with their inputs), trimmed. */
const SAMPLES: Sample[] = [
  {
    kind: 'generate',
    template: 'prompt',
    text: 'Write a Python module calc with add(a, b) and sub(a, b).\n'
  },
  {
    kind: 'extract',
    template: 'extract_code_LLM',
    text:
      '% You are an expert Software Engineer. Your goal is to extract the block of text (usually code) from ' +
      'llm_output to be outputed in JSON format.\n\n% Here is the llm_output to parse: <llm_output>```python\n' +
      'def add(a, b):\n    return a + b\n```\n</llm_output>\n\n% Here is the type of the text block to extract: ' +
      '<block_type>python</block_type>.',
    schema: ['ExtractedCode', EXTRACTED]
  },
  {
    kind: 'example',
    template: 'example_generator_LLM',
    text:
      '% You are an expert software engineer. Generate a concise example of how to use the following module ' +
      'properly: <code_module>def add(a, b):\n    return a + b</code_module>\n\n% Here was the prompt used to ' +
      'generate the module: <prompt_for_code>Write a Python module calc.</prompt_for_code>'
  },
  {
    kind: 'analysis',
    template: 'unfinished_prompt_LLM',
    text:
      '% You are tasked with determining whether a given prompt has finished outputting everything or if it ' +
      'still needs to continue. This is crucial for ensuring that all necessary information has been provided.' +
      '\n<prompt_text>def sub(a, b):\n    return a - b</prompt_text>',
    schema: ['PromptAnalysis', { reasoning: 'string', is_finished: 'boolean' }]
  },
  {
    kind: 'test',
    template: 'generate_test_LLM',
    text:
      '<pdd-reason>Generates unit tests for PDD-generated code modules with auth-aware test patterns.' +
      '</pdd-reason>\n<pdd-interface>\n{\n  "type": "module"\n}\n</pdd-interface>\n% You are an expert Software ' +
      'Test Engineer. <code_under_test>def add(a, b):\n    return a + b</code_under_test>'
  },
  {
    kind: 'test',
    template: 'increase_tests_LLM',
    text:
      '% You are an expert Software Test Engineer. Given an existing set of unit tests along with their ' +
      'coverage reports, generate additional unit tests that provide more coverage for the code under test.'
  },
  {
    kind: 'crash',
    template: 'fix_code_module_errors_LLM',
    text:
      '% You are an expert Software Engineer. Your goal is to fix the errors in a code_module AND/OR program ' +
      'that is causing that program to crash.\n\n<program>from calc import add, mul</program>\n<errors>' +
      "ImportError: cannot import name 'mul' from 'calc'</errors>"
  },
  {
    kind: 'crash',
    template: 'extract_program_code_fix_LLM',
    text:
      '% You are an expert Software Engineer. Your goal is to extract a JSON from a analysis of a program and ' +
      'code module bug fix report. \n\n% IMPORTANT: The crash command is designed to fix errors in BOTH the ' +
      'code module AND the calling program that caused the crash.',
    schema: [
      'CodeFix',
      { update_program: 'boolean', update_code: 'boolean', fixed_program: 'string', fixed_code: 'string' }
    ]
  },
  {
    kind: 'verify',
    template: 'find_verification_errors_LLM',
    text:
      '% You are an expert Software Engineer. Your goal is to identify any discrepancies between a program, ' +
      'its code_module, and a prompt. You also need to check for any potential bugs or issues in the code.',
    schema: ['VerificationOutput', { issues_count: 'integer', details: 'string' }]
  },
  {
    kind: 'verify',
    template: 'fix_verification_errors_LLM',
    text:
      '% You are an expert Software Engineer. Your goal is to fix a code_module given a list of potential ' +
      'issues.\n\n% Here is the program that is running the code_module: <program>from calc import add</program>',
    schema: ['FixerOutput', { explanation: 'string', fixed_code: 'string', fixed_program: 'string' }]
  },
  {
    kind: 'fix',
    template: 'fix_errors_from_unit_tests_LLM',
    text:
      '% You are an expert Software Engineer. Your goal is to diagnose and fix the errors from a unit_test run ' +
      'on the code_under_test. The error might be in the code_under_test or the unit_test or both.\n\n% Here ' +
      'is the unit_test for the code_under_test: <unit_test>from calc import add</unit_test>'
  },
  {
    kind: 'fix',
    template: 'extract_unit_code_fix_LLM',
    text:
      '% You are an expert Software Engineer. Your goal is to extract a JSON (containing keys that have the ' +
      'entire updated code under test and/or unit test) from an analysis of a unit test bug fix report.',
    schema: [
      'CodeFix',
      { update_unit_test: 'boolean', update_code: 'boolean', fixed_unit_test: 'string', fixed_code: 'string' }
    ]
  },
  {
    kind: 'update',
    template: 'update_prompt_LLM',
    text:
      '% You are an expert LLM Prompt Engineer. Your goal is to update the prompt\n% that generated the ' +
      'original code so it now generates the modified code.'
  },
  {
    kind: 'update',
    template: 'extract_prompt_update_LLM',
    text:
      '% You are an expert Software Engineer. Your goal is to extract the updated prompt from the LLM output ' +
      'in JSON format.\n\n% Here is the generated llm_output: <llm_output>Write calc.</llm_output>',
    schema: ['PromptUpdate', { modified_prompt: 'string' }]
  },
  {
    kind: 'auto-deps',
    template: 'auto_include_LLM',
    text:
      '<pdd-reason>LLM prompt template for selecting relevant code and documentation includes for a prompt.' +
      '</pdd-reason>\n\n<overview>\nYou are a prompt expert that selects the necessary dependencies for a ' +
      'prompt and determines how to include them efficiently.',
    schema: [
      'AutoIncludeResult',
      { reasoning: 'string', new_includes: 'array', existing_include_annotations: 'array' }
    ]
  },
  {
    kind: 'auto-deps',
    template: 'insert_includes_LLM',
    text:
      '% You are an expert prompt engineer. Your goal is to insert new dependency includes into a PDD prompt ' +
      'file at the best location.\n<prompt_to_update>Write calc.</prompt_to_update>\n<dependencies_to_insert>' +
      '<include>docs/spec.md</include></dependencies_to_insert>',
    schema: ['InsertIncludesOutput', { output_prompt: 'string' }]
  },
  {
    kind: 'extract',
    template: 'trim_results_start_LLM',
    text:
      '% You are an expert editor and JSON creator. You will be processing the output of a language model ' +
      '(LLM) to extract the unfinished main code block being generated.\n<llm_output>\n```python\ndef add(a, b):' +
      '\n</llm_output>',
    schema: ['TrimResultsStartOutput', { explanation: 'string', code_block: 'string' }]
  },
  {
    kind: 'extract',
    template: 'trim_results_LLM',
    text:
      '% You are an expert JSON editor. You are tasked with trimming potential overlap between a partially ' +
      'generated text and its continuation.\n<continued_generation>\n    return a + b\n</continued_generation>',
    schema: ['TrimResultsOutput', { explanation: 'string', trimmed_continued_generation: 'string' }]
  },
  {
    kind: 'generate',
    template: 'continue_generation_LLM',
    text:
      '% You are an expert software engineer. Generate a concise example of how to use the following module ' +
      'properly.\ndef add(a, b):\ncontinue, by outputting only the rest of the code and no other commentary'
  }
]

let server: LlmServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function serve(script: Script, logFile?: string): Promise<LlmServer> {
  server = await start(script, { quiet: true, ...(logFile ? { logFile } : {}) })
  return server
}

interface Reply {
  status: number
  headers: Headers
  raw: string
  content: string
  finish: string
  usage: Record<string, number>
}

async function chat(s: LlmServer, text: string, responseFormat?: Record<string, unknown>): Promise<Reply> {
  const body = { model: 'fake-coder', messages: [{ role: 'user', content: text }], temperature: 0 }
  const res = await fetch(`${s.url}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer fake' },
    body: JSON.stringify(responseFormat ? { ...body, response_format: responseFormat } : body)
  })
  const raw = await res.text()
  let content = ''
  let finish = ''
  let usage: Record<string, number> = {}
  if (res.status === 200 && raw.endsWith('}')) {
    const parsed = JSON.parse(raw) as {
      choices: { message: { content: string }; finish_reason: string }[]
      usage: Record<string, number>
    }
    content = parsed.choices[0]?.message.content ?? ''
    finish = parsed.choices[0]?.finish_reason ?? ''
    usage = parsed.usage
  }
  return { status: res.status, headers: res.headers, raw, content, finish, usage }
}

const sample = (template: string): Sample => {
  const s = SAMPLES.find(x => x.template === template)
  if (!s) throw new Error(`no sample ${template}`)
  return s
}
const formatOf = (s: Sample): Record<string, unknown> | undefined =>
  s.schema ? schemaFormat(s.schema[0], s.schema[1]) : undefined
const parsed = (r: Reply): Record<string, unknown> => JSON.parse(r.content) as Record<string, unknown>

/** Whether a value satisfies the parts of JSON Schema the default builder handles. */
function satisfies(value: unknown, schema: JsonSchema, root: JsonSchema = schema): boolean {
  if (schema.$ref) return satisfies(value, root.$defs?.[schema.$ref.split('/').pop() ?? ''] ?? {}, root)
  if (schema.const !== undefined) return value === schema.const
  if (schema.enum) return schema.enum.includes(value)
  if (schema.anyOf) return schema.anyOf.some(v => satisfies(value, v, root))
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []
  return types.some(t => {
    if (t === 'null') return value === null
    if (t === 'boolean') return typeof value === 'boolean'
    if (t === 'string') return typeof value === 'string' && value.length >= (schema.minLength ?? 0)
    if (t === 'integer' || t === 'number')
      return (
        typeof value === 'number' &&
        (t === 'number' || Number.isInteger(value)) &&
        value >= (schema.minimum ?? -Infinity)
      )
    if (t === 'array')
      return (
        Array.isArray(value) &&
        value.length >= (schema.minItems ?? 0) &&
        value.every(v => satisfies(v, schema.items ?? {}, root))
      )
    if (t !== 'object' || typeof value !== 'object' || value === null || Array.isArray(value)) return false
    const obj = value as Record<string, unknown>
    const props = schema.properties ?? {}
    return (
      Object.keys(obj).every(k => k in props) &&
      Object.entries(props).every(([k, v]) => k in obj && satisfies(obj[k], v, root))
    )
  })
}

describe('classification of PDD requests', () => {
  const withSchema = SAMPLES.filter(s => s.schema)

  it.each(SAMPLES)('$template → $kind (schema sent when PDD sends one)', async s => {
    const srv = await serve(ONE_UNIT)
    const r = await chat(srv, s.text, formatOf(s))
    expect(r.status).toBe(200)
    expect(srv.calls()[0]).toMatchObject({
      kind: s.kind,
      template: s.template,
      schema: s.schema?.[0] ?? null
    })
    expect(srv.warnings).toEqual([])
    if (s.schema) expect(Object.keys(parsed(r)).sort()).toEqual(Object.keys(s.schema[1]).sort())
  })

  it.each(withSchema)(
    '$template → $kind by its template alone (catalog without structured output)',
    async s => {
      const srv = await serve(ONE_UNIT)
      await chat(srv, s.text)
      expect(srv.calls()[0]).toMatchObject({ kind: s.kind, template: s.template, schema: null })
    }
  )

  it('tells the crash and fix CodeFix models apart by their properties, whatever the text', async () => {
    const srv = await serve(ONE_UNIT)
    await chat(srv, 'Return JSON.', formatOf(sample('extract_program_code_fix_LLM')))
    await chat(srv, 'Return JSON.', formatOf(sample('extract_unit_code_fix_LLM')))
    expect(srv.calls().map(c => c.kind)).toEqual(['crash', 'fix'])
  })
})

describe('scripted answers', () => {
  it('answers generate, example and test with fenced code, and extracts the code back', async () => {
    const srv = await serve(ONE_UNIT)
    const gen = await chat(srv, sample('prompt').text)
    expect(gen.content).toBe('```python\n' + CALC + '```\n')
    const ex = await chat(srv, sample('example_generator_LLM').text)
    expect(ex.content).toBe('```python\n' + EXAMPLE + '```\n')
    const extractText = `% Your goal is to extract the block of text (usually code) from llm_output <llm_output>${gen.content}</llm_output>`
    const extracted = await chat(srv, extractText, formatOf(sample('extract_code_LLM')))
    expect(parsed(extracted)).toMatchObject({ extracted_code: CALC })
    const analysis = await chat(
      srv,
      sample('unfinished_prompt_LLM').text,
      formatOf(sample('unfinished_prompt_LLM'))
    )
    expect(parsed(analysis)).toMatchObject({ is_finished: true })
  })

  it('repairs from attempt k: earlier fix attempts change nothing, attempt k answers the fixed code', async () => {
    const srv = await serve({
      units: { calc: { code: BROKEN, example: EXAMPLE, test: TESTS, fixedCode: CALC, repairOnAttempt: 2 } }
    })
    const report = sample('fix_errors_from_unit_tests_LLM').text
    const extract = sample('extract_unit_code_fix_LLM')
    await chat(srv, report)
    expect(parsed(await chat(srv, extract.text, formatOf(extract)))).toMatchObject({
      update_code: false,
      fixed_code: BROKEN
    })
    await chat(srv, report)
    expect(parsed(await chat(srv, extract.text, formatOf(extract)))).toMatchObject({
      update_code: true,
      fixed_code: CALC,
      update_unit_test: false
    })
  })

  it('reports scripted verify issues until verify has repaired, and answers crash with the fixed example', async () => {
    const unit = {
      code: CALC,
      example: EXAMPLE,
      test: TESTS,
      fixedExample: 'print(1)\n',
      verifyIssues: 'sub is wrong'
    }
    const srv = await serve({ units: { calc: unit } })
    const find = sample('find_verification_errors_LLM')
    const fixer = sample('fix_verification_errors_LLM')
    expect(parsed(await chat(srv, find.text, formatOf(find)))).toEqual({
      issues_count: 1,
      details: 'sub is wrong'
    })
    expect(parsed(await chat(srv, fixer.text, formatOf(fixer)))).toMatchObject({
      fixed_program: 'print(1)\n'
    })
    expect(parsed(await chat(srv, find.text, formatOf(find)))).toEqual({ issues_count: 0, details: null })
    await chat(srv, sample('fix_code_module_errors_LLM').text)
    const crash = sample('extract_program_code_fix_LLM')
    expect(parsed(await chat(srv, crash.text, formatOf(crash)))).toMatchObject({
      update_program: true,
      fixed_program: 'print(1)\n',
      update_code: false
    })
  })
})

describe('which unit a request names', () => {
  const units: Script['units'] = {
    calc: { code: CALC, example: EXAMPLE, test: TESTS },
    calc_utils: {
      code: 'def double(x):\n    return 2 * x\n',
      example: 'print(2)\n',
      test: 'def test_x():\n    pass\n'
    },
    parser: {
      code: 'def parse(s):\n    return s\n',
      example: 'print(3)\n',
      test: 'def test_p():\n    pass\n',
      marker: 'tokenizer'
    }
  }

  it.each([
    ['a unit marker', 'Write a tokenizer that also mentions calc.', 'parser'],
    [
      'a file form, longest basename first',
      'The module lives at ./calc_utils.py and is imported by calc',
      'calc_utils'
    ],
    ['an import', 'Write code that does: from calc import add', 'calc'],
    ['an example path', 'The example file will be saved at: examples/calc_example.py', 'calc'],
    ['a test file', 'Extend test_calc_utils with edge cases', 'calc_utils'],
    ['a word', 'Write the parser module.', 'parser'],
    ['nothing (a longer identifier is not a name)', 'Write a calculator module.', null]
  ])('by %s', async (_rule, text, unit) => {
    const srv = await serve({ units })
    await chat(srv, text)
    expect(srv.calls()[0]).toMatchObject({ unit, kind: unit === null ? 'unknown' : 'generate' })
  })

  it('a follow-up request takes the unit of the earlier answer it quotes', async () => {
    const srv = await serve({ units })
    const gen = await chat(srv, 'Write the calc_utils module.')
    const quoting = `% extract the block of text (usually code) from llm_output <llm_output>${gen.content}</llm_output>`
    const extracted = await chat(srv, quoting, formatOf(sample('extract_code_LLM')))
    expect(srv.calls().map(c => c.unit)).toEqual(['calc_utils', 'calc_utils'])
    expect(parsed(extracted)).toMatchObject({ extracted_code: units.calc_utils?.code })
  })
})

describe('outcomes', () => {
  it.each([429, 500])('HTTP %i twice, then the answer', async status => {
    const srv = await serve({
      ...ONE_UNIT,
      outcomes: { generate: [{ http: status, times: 2, retryAfterMs: 5 }] }
    })
    const replies = [
      await chat(srv, 'Write calc.'),
      await chat(srv, 'Write calc.'),
      await chat(srv, 'Write calc.')
    ]
    expect(replies.map(r => r.status)).toEqual([status, status, 200])
    expect(replies[0]?.headers.get('retry-after-ms')).toBe('5')
    const error = JSON.parse(replies[0]?.raw ?? '') as { error: { message: string } }
    expect(error.error.message).toContain(`HTTP ${status}`)
    expect(srv.calls().map(c => c.outcome)).toEqual([`http ${status}`, `http ${status}`, 'answer'])
  })

  it('the `all` list applies to every kind before the kind’s own list', async () => {
    const srv = await serve({
      ...ONE_UNIT,
      outcomes: { all: [{ http: 500, times: 2 }], example: [{ http: 429 }] }
    })
    const gen = await chat(srv, 'Write calc.')
    const ex1 = await chat(srv, sample('example_generator_LLM').text)
    const ex2 = await chat(srv, sample('example_generator_LLM').text)
    const ex3 = await chat(srv, sample('example_generator_LLM').text)
    expect([gen, ex1, ex2, ex3].map(r => r.status)).toEqual([500, 500, 429, 200])
  })

  it('delays an answer', async () => {
    const srv = await serve({ ...ONE_UNIT, outcomes: { generate: [{ delayMs: 150 }] } })
    const t0 = Date.now()
    const r = await chat(srv, 'Write calc.')
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140)
    expect(r.content).toContain('def add')
  })

  it('sends malformed JSON content, or a body that is not JSON', async () => {
    const srv = await serve({
      ...ONE_UNIT,
      outcomes: { analysis: ['malformed-json'], generate: ['malformed-body'] }
    })
    const a = sample('unfinished_prompt_LLM')
    const bad = await chat(srv, a.text, formatOf(a))
    expect(bad.status).toBe(200)
    expect(() => JSON.parse(bad.content) as unknown).toThrow()
    const res = await fetch(`${srv.url}/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Write calc.' }] })
    })
    await expect(res.json()).rejects.toThrow()
  })

  it('truncates an answer, then continues it when PDD asks, saying "not finished" until then', async () => {
    const srv = await serve({ ...ONE_UNIT, outcomes: { generate: ['truncated'] } })
    const cut = await chat(srv, 'Write calc.')
    expect(cut.finish).toBe('length')
    expect(CALC.startsWith(cut.content.replace('```python\n', ''))).toBe(true)
    const a = sample('unfinished_prompt_LLM')
    const check = `% determining whether a given prompt has finished outputting everything <prompt_text>${cut.content}</prompt_text>`
    expect(parsed(await chat(srv, check, formatOf(a)))).toMatchObject({ is_finished: false })
    const partial = cut.content.replace('```python\n', '')
    const rest = await chat(
      srv,
      `Write calc.\n${partial}\ncontinue, by outputting only the rest of the code and no other commentary`
    )
    expect(partial + rest.content).toBe(CALC + '```\n')
    const again = `% determining whether a given prompt has finished outputting everything <prompt_text>${rest.content}</prompt_text>`
    expect(parsed(await chat(srv, again, formatOf(a)))).toMatchObject({ is_finished: true })
    expect(srv.calls().map(c => c.kind)).toEqual(['generate', 'analysis', 'generate', 'analysis'])
  })

  it('answers scripted text instead of the scripted answer', async () => {
    const srv = await serve({ ...ONE_UNIT, outcomes: { generate: [{ text: 'I cannot help.' }] } })
    expect((await chat(srv, 'Write calc.')).content).toBe('I cannot help.')
  })
})

describe('unknown requests', () => {
  it('answers an unknown schema with a schema-valid default and a warning naming it', async () => {
    const schema: JsonSchema = {
      $defs: {
        Item: {
          type: 'object',
          properties: { name: { type: 'string', minLength: 3 }, n: { type: 'integer', minimum: 2 } }
        }
      },
      type: 'object',
      properties: {
        mode: { enum: ['fast', 'slow'] },
        items: { type: 'array', items: { $ref: '#/$defs/Item' }, minItems: 1 },
        note: { anyOf: [{ type: 'string' }, { type: 'null' }] },
        ok: { type: 'boolean' },
        score: { type: 'number' }
      }
    }
    const srv = await serve(ONE_UNIT)
    const r = await chat(srv, 'Judge the calc module.', {
      type: 'json_schema',
      json_schema: { name: 'NewThing', schema, strict: true }
    })
    const value: unknown = JSON.parse(r.content)
    expect(satisfies(value, schema)).toBe(true)
    expect(srv.calls()[0]).toMatchObject({ kind: 'unknown', schema: 'NewThing' })
    expect(srv.warnings).toHaveLength(1)
    expect(srv.warnings[0]).toContain('"NewThing"')
  })

  it('answers a free-text request that names no unit with plain text and a warning', async () => {
    const srv = await serve({ units: { a: ONE_UNIT.units.calc!, b: ONE_UNIT.units.calc! } })
    const r = await chat(srv, 'Summarise the repository.')
    expect(r.status).toBe(200)
    expect(srv.calls()[0]?.kind).toBe('unknown')
    expect(srv.warnings[0]).toContain('Summarise the repository.')
  })
})

describe('usage, models and the log', () => {
  it.each([
    [undefined, 0.0002],
    [{ prompt_tokens: 1000, completion_tokens: 500 }, 0.002]
  ])('usage %j costs $%d a call at the catalog prices 1.0/2.0', async (usage, dollars) => {
    const srv = await serve({ ...ONE_UNIT, ...(usage ? { usage } : {}) })
    const r = await chat(srv, 'Write calc.')
    const u = usage ?? DEFAULT_USAGE
    expect(r.usage).toEqual({ ...u, total_tokens: u.prompt_tokens + u.completion_tokens })
    expect(costOf(u)).toBeCloseTo(dollars, 12)
  })

  it('lists the model, answers 404 elsewhere, and writes every call as a JSON line', async () => {
    const logFile = path.join(tempDir('llm-log-'), 'calls.jsonl')
    const srv = await serve(ONE_UNIT, logFile)
    const models = (await (await fetch(`${srv.url}/models`)).json()) as { data: { id: string }[] }
    expect(models.data.map(m => m.id)).toEqual(['fake-coder'])
    expect((await fetch(`${srv.url}/embeddings`, { method: 'POST', body: '{}' })).status).toBe(404)
    await chat(srv, 'Write calc.')
    const lines = fs
      .readFileSync(logFile, 'utf8')
      .trim()
      .split('\n')
      .map(l => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map(l => [l.path, l.kind, l.status])).toEqual([
      ['/v1/models', null, 200],
      ['/v1/embeddings', null, 404],
      ['/v1/chat/completions', 'generate', 200]
    ])
    expect(srv.log).toHaveLength(3)
    expect(srv.calls()).toHaveLength(1)
  })
})

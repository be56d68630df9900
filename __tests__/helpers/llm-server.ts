/**
 * A scripted, deterministic OpenAI-compatible LLM server for running the real PDD (pdd-cli) offline in tests
 * (PDD reaches it through a project model catalog row whose base URL points here). Each PDD call is recognised by the JSON-schema name PDD sends
 * (`response_format.json_schema.name`), else by a marker phrase of the PDD template it was rendered from; the
 * server finds the unit the call is about and answers from the test's {@link Script}.
 *
 * How a request names its unit (first rule that matches wins):
 * 1. a unit's `marker` occurs in the request text;
 * 2. the request quotes one of this server's earlier free-text answers (extract, analysis and trim calls and the
 *    JSON extraction of a fix report all embed the answer they post-process) → that answer's unit;
 * 3. a basename occurs in a module or file form — `calc.py`, `calc_example`, `test_calc`, `from calc import`,
 *    `import calc`, `calc_python.prompt` — longest basename first;
 * 4. a basename occurs as a word, not inside a longer identifier (`calc_x` counts, `calculator` does not);
 * 5. the script has exactly one unit.
 * A free-text request with no known template marker is `generate` when it names a unit, else `unknown`.
 *
 * The server is deterministic; PDD is not quite: whether it asks the completeness check (`analysis`) after a
 * generate call depends on a race in its callback bookkeeping, so call counts can differ by one between runs.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'

/** The PDD operation a request belongs to. */
export type OperationKind =
  | 'generate'
  | 'extract'
  | 'example'
  | 'analysis'
  | 'test'
  | 'crash'
  | 'verify'
  | 'fix'
  | 'update'
  | 'auto-deps'
  | 'unknown'

/** What the LLM "knows" about one unit (PDD basename) of the test repository. */
export interface UnitScript {
  /** The module generate answers with (sent in a fenced block; may be wrong on purpose). */
  code: string
  /** The example program the example call answers with. It runs as `python examples/<b>_example.py`, without
   *  the code's folder on `sys.path`, so it should insert that folder itself. */
  example: string
  /** The unit tests the test call answers with (PDD prepends its own `sys.path` header). */
  test: string
  /** The code the repairing calls (fix, crash, verify) answer with. Omitted: they leave the code as it is, so
   *  failing tests keep failing. */
  fixedCode?: string
  /** The example program crash and verify answer with. Omitted: they leave the example as it is. */
  fixedExample?: string
  /** The unit tests fix answers with. Omitted: fix leaves the tests as they are. */
  fixedTest?: string
  /** The attempt (1-based, counted per unit and operation) from which fix, crash and verify repair; earlier
   *  attempts change nothing. Default 1. */
  repairOnAttempt?: number
  /** When set, verify's first check reports this issue (until verify has repaired). Default: no issues. */
  verifyIssues?: string
  /** The prompt text update answers with (default: a one-line prompt naming the unit). */
  updatedPrompt?: string
  /** A phrase only this unit's requests contain (e.g. from its prompt); checked before the name rules. */
  marker?: string
  /** Usage reported with the answers about this unit (default: the script's). */
  usage?: Usage
}

/** How the server answers one request. */
export type Outcome =
  /** The scripted answer. */
  | 'answer'
  /** HTTP 200 whose message content is JSON cut off in the middle (PDD 0.0.310 repairs such JSON and keeps the
   *  cut-off values, e.g. writes a one-letter module). */
  | 'malformed-json'
  /** HTTP 200 whose body is not JSON at all. */
  | 'malformed-body'
  /** The first half of the scripted answer (cut at a line end) with `finish_reason: "length"`; a continuation
   *  request then gets the rest, and the completeness check says "not finished" until then. */
  | 'truncated'
  /** An OpenAI-style error with this status, for `times` consecutive requests (default 1; `Infinity` for
   *  ever). `retryAfterMs` sends a `retry-after-ms` header (the OpenAI SDK honours it when retrying). */
  | { http: number; times?: number; retryAfterMs?: number }
  /** Wait this long, then answer as `then` (default the scripted answer). */
  | { delayMs: number; then?: Outcome }
  /** Answer with this message content instead of the scripted one. */
  | { text: string }

/** Token usage returned with every answer; PDD books usage × its catalog prices. */
export interface Usage {
  prompt_tokens: number
  completion_tokens: number
}

/**
 * The answers for one test repository.
 * @example
 * { units: { calc: { code: BROKEN, example: EXAMPLE, test: TESTS, fixedCode: CALC, repairOnAttempt: 2 } },
 *   outcomes: { generate: [{ http: 500, times: Infinity }] } }
 */
export interface Script {
  /** Per PDD basename. */
  units: Record<string, UnitScript>
  /** Per operation kind, the outcomes of its 1st, 2nd, … request (then `'answer'`); retries by the OpenAI SDK
   *  inside PDD are requests too, and a continuation counts as the kind of the answer it continues. The `all`
   *  list is consumed by every request first; where it says `'answer'` or is used up, the kind's list decides. */
  outcomes?: Partial<Record<OperationKind | 'all', Outcome[]>>
  /** Usage reported with every answer; default 100 prompt + 50 completion tokens. PDD may book the first call of
   *  its process at $0 (a race in its cost bookkeeping; see real-pdd.e2e.test.ts). */
  usage?: Usage
}

/** One request and the server's answer. */
export interface LoggedCall {
  seq: number
  /** When the request arrived and when the answer was sent, in ms since the epoch (`Date.now()`). */
  receivedAt: number
  answeredAt: number
  method: string
  path: string
  /** Null for requests that are not chat completions (e.g. `GET /v1/models`). */
  kind: OperationKind | null
  /** PDD's template file name (e.g. `extract_code_LLM`), `prompt` for generate, null when unknown. */
  template: string | null
  /** `response_format.json_schema.name`, when PDD sent a schema. */
  schema: string | null
  unit: string | null
  /** The outcome applied: `answer`, `http 500`, `delay 200ms`, `truncated`, … */
  outcome: string
  status: number
  /** The parsed request body (or the raw text when it was not JSON). */
  request: unknown
  /** The assistant message content sent, when there was one. */
  content: string | null
  /** The raw response body. */
  response: string
}

export interface LlmServer {
  /** Base URL for PDD's catalog, `http://127.0.0.1:<port>/v1`. */
  url: string
  port: number
  /** Every request, in order. */
  log: LoggedCall[]
  /** Warning lines: unknown templates or schemas, requests that name no unit. */
  warnings: string[]
  /** The chat-completion requests, optionally only those of one kind. */
  calls(kind?: OperationKind): LoggedCall[]
  close(): Promise<void>
}

export interface StartOptions {
  /** Also append every logged call as a JSON line to this file. */
  logFile?: string
  /** Do not print warnings to stderr (they are still collected). */
  quiet?: boolean
}

/** Default usage: 100 + 50 tokens, $0.0002 a call at the 1.0/2.0 $/M prices `preparePddProject` writes. */
export const DEFAULT_USAGE: Usage = { prompt_tokens: 100, completion_tokens: 50 }

/** The dollars PDD books for one answer with this usage at these catalog prices ($ per million tokens). */
export function costOf(usage: Usage = DEFAULT_USAGE, inputPrice = 1.0, outputPrice = 2.0): number {
  return (usage.prompt_tokens * inputPrice + usage.completion_tokens * outputPrice) / 1_000_000
}

/** One PDD template on the sync path. */
export interface Template {
  /** PDD's template file (`pdd/prompts/<id>.prompt`). */
  id: string
  kind: OperationKind
  /** A phrase of the template that survives rendering. */
  marker: string
  /** The pydantic model name PDD sends as the JSON-schema name. */
  schema?: string
  /** Tells apart two models of the same name (both crash and fix call theirs `CodeFix`). */
  property?: string
  /** The template wraps another rendered prompt (its marker comes last), so it wins whenever its marker occurs. */
  wraps?: boolean
}

/** PDD 0.0.310's templates on the sync path, with the schema names sent for them (read from `pdd/prompts/` and
 *  the pydantic models in `pdd/*.py`, confirmed by capturing real requests). */
export const TEMPLATES: readonly Template[] = [
  {
    id: 'unfinished_prompt_LLM',
    kind: 'analysis',
    schema: 'PromptAnalysis',
    marker: 'determining whether a given prompt has finished outputting everything'
  },
  {
    id: 'extract_code_LLM',
    kind: 'extract',
    schema: 'ExtractedCode',
    marker: 'extract the block of text (usually code) from llm_output'
  },
  {
    id: 'trim_results_start_LLM',
    kind: 'extract',
    schema: 'TrimResultsStartOutput',
    marker: 'extract the unfinished main code block being generated'
  },
  {
    id: 'trim_results_LLM',
    kind: 'extract',
    schema: 'TrimResultsOutput',
    marker: 'trimming potential overlap between a partially generated text and its continuation'
  },
  {
    id: 'continue_generation_LLM',
    kind: 'generate',
    marker: 'continue, by outputting only the rest of the code and no other commentary',
    wraps: true
  },
  {
    id: 'example_generator_LLM',
    kind: 'example',
    marker: 'Generate a concise example of how to use the following module'
  },
  { id: 'generate_test_LLM', kind: 'test', marker: '<pdd-reason>Generates unit tests' },
  {
    id: 'increase_tests_LLM',
    kind: 'test',
    marker: 'generate additional unit tests that provide more coverage'
  },
  { id: 'fix_code_module_errors_LLM', kind: 'crash', marker: 'causing that program to crash' },
  {
    id: 'extract_program_code_fix_LLM',
    kind: 'crash',
    schema: 'CodeFix',
    property: 'fixed_program',
    marker: 'extract a JSON from a analysis of a program and code module bug fix report'
  },
  {
    id: 'find_verification_errors_LLM',
    kind: 'verify',
    schema: 'VerificationOutput',
    marker: 'identify any discrepancies between a program, its code_module, and a prompt'
  },
  {
    id: 'fix_verification_errors_LLM',
    kind: 'verify',
    schema: 'FixerOutput',
    marker: 'fix a code_module given a list of potential issues'
  },
  {
    id: 'fix_errors_from_unit_tests_LLM',
    kind: 'fix',
    marker: 'diagnose and fix the errors from a unit_test run'
  },
  {
    id: 'extract_unit_code_fix_LLM',
    kind: 'fix',
    schema: 'CodeFix',
    property: 'fixed_unit_test',
    marker: 'from an analysis of a unit test bug fix report'
  },
  { id: 'update_prompt_LLM', kind: 'update', marker: 'Your goal is to update the prompt' },
  {
    id: 'extract_prompt_update_LLM',
    kind: 'update',
    schema: 'PromptUpdate',
    marker: 'extract the updated prompt from the LLM output'
  },
  {
    id: 'summarize_file_LLM',
    kind: 'auto-deps',
    schema: 'FileSummary',
    marker: 'summarizing code and documentation files'
  },
  {
    id: 'auto_include_LLM',
    kind: 'auto-deps',
    schema: 'AutoIncludeResult',
    marker: 'selects the necessary dependencies for a prompt'
  },
  {
    id: 'insert_includes_LLM',
    kind: 'auto-deps',
    schema: 'InsertIncludesOutput',
    marker: 'insert new dependency includes into a PDD prompt file'
  }
]

/** A JSON schema, as far as the default-answer builder reads it. */
export interface JsonSchema {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  default?: unknown
  $ref?: string
  $defs?: Record<string, JsonSchema>
  definitions?: Record<string, JsonSchema>
  minLength?: number
  minimum?: number
  exclusiveMinimum?: number
  minItems?: number
}

interface ChatRequest {
  text: string
  schemaName: string | null
  schema: JsonSchema | null
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function messageText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content.map(p => (isRecord(p) && typeof p.text === 'string' ? p.text : '')).join('')
}

function readChatRequest(body: unknown): ChatRequest {
  const messages = isRecord(body) && Array.isArray(body.messages) ? body.messages : []
  const text = messages.map(m => (isRecord(m) ? messageText(m.content) : '')).join('\n')
  const format = isRecord(body) ? body.response_format : undefined
  const spec = isRecord(format) && isRecord(format.json_schema) ? format.json_schema : undefined
  return {
    text,
    schemaName: spec && typeof spec.name === 'string' ? spec.name : null,
    schema: spec && isRecord(spec.schema) ? spec.schema : null
  }
}

/** The template of a request: by schema name when sent, else by a wrapping template's marker, else by the marker
 *  found earliest in the text (a template's own phrase comes before any content it embeds). */
export function classifyRequest(
  text: string,
  schemaName: string | null,
  schema: JsonSchema | null
): Template | null {
  if (schemaName !== null) {
    const props = Object.keys(schema?.properties ?? {})
    return (
      TEMPLATES.find(
        t => t.schema === schemaName && (t.property === undefined || props.includes(t.property))
      ) ?? null
    )
  }
  const wrapper = TEMPLATES.find(t => t.wraps === true && text.includes(t.marker))
  if (wrapper) return wrapper
  let best: Template | null = null
  let at = Infinity
  for (const t of TEMPLATES) {
    const i = text.indexOf(t.marker)
    if (i >= 0 && i < at) [best, at] = [t, i]
  }
  return best
}

/** A schema-valid value built from the schema alone (all properties present, as PDD's strict schemas require). */
export function defaultFor(schema: JsonSchema, root: JsonSchema = schema): unknown {
  if (schema.$ref !== undefined) {
    const name = schema.$ref.split('/').pop() ?? ''
    const target = root.$defs?.[name] ?? root.definitions?.[name]
    return target ? defaultFor(target, root) : null
  }
  if (schema.const !== undefined) return schema.const
  if (schema.enum && schema.enum.length > 0) return schema.enum[0]
  const variants = schema.anyOf ?? schema.oneOf
  if (variants && variants.length > 0) return defaultFor(variants[0] ?? {}, root)
  if (schema.allOf && schema.allOf.length > 0)
    return defaultFor(Object.assign({}, ...schema.allOf) as JsonSchema, root)
  const types = Array.isArray(schema.type) ? schema.type : [schema.type]
  const type = types.find(t => t !== 'null') ?? types[0]
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([k, v]) => [k, defaultFor(v, root)])
      )
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => defaultFor(schema.items ?? {}, root))
    case 'string':
      return 'x'.repeat(schema.minLength ?? 0)
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum === undefined ? 0 : schema.exclusiveMinimum + 1)
    case 'boolean':
      return false
    case 'null':
      return null
    default:
      return schema.properties ? defaultFor({ ...schema, type: 'object' }, root) : null
  }
}

const fence = (code: string): string => '```python\n' + code + (code.endsWith('\n') ? '' : '\n') + '```\n'

/** The text inside `<tag>…</tag>` of a rendered template: its first or its last occurrence (templates that show
 *  examples of their own tags put the real input first or last). */
function section(text: string, tag: string, which: 'first' | 'last'): string | null {
  const open = which === 'first' ? text.indexOf(`<${tag}>`) : text.lastIndexOf(`<${tag}>`)
  const close = open < 0 ? -1 : text.indexOf(`</${tag}>`, open)
  return close < 0 ? null : text.slice(open + tag.length + 2, close)
}

/** The body of the first fenced block, else the text without stray fence lines. */
function unfence(text: string): string {
  const m = /```[^\n]*\n([\s\S]*?)```/.exec(text)
  if (m?.[1] !== undefined) return m[1]
  return text.replace(/^\s*```[^\n]*\n/, '').replace(/\n?```\s*$/, '\n')
}

/** Text without its fence lines: what PDD passes on after trimming an answer. */
function withoutFences(text: string): string {
  return text.replace(/^```[^\n]*(\n|$)/gm, '')
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

interface Answered {
  unit: string | null
  kind: OperationKind
  sent: string
  /** For truncated answers: the rest still owed, and whether a continuation has delivered it. */
  rest?: string
  continued?: boolean
}

/** Per-server memory: earlier free-text answers, repair attempts, and where each outcome list stands. */
class Responder {
  private readonly answered: Answered[] = []
  private readonly attempts = new Map<string, number>()
  private readonly repaired = new Set<string>()
  private readonly cursors = new Map<string, { index: number; used: number }>()

  constructor(private readonly script: Script) {}

  nextOutcome(kind: OperationKind): Outcome {
    const fromAll = this.take('all')
    return fromAll === 'answer' ? this.take(kind) : fromAll
  }

  private take(key: OperationKind | 'all'): Outcome {
    const list = this.script.outcomes?.[key] ?? []
    const cur = this.cursors.get(key) ?? { index: 0, used: 0 }
    this.cursors.set(key, cur)
    const o = list[cur.index]
    if (o === undefined) return 'answer'
    const times = typeof o === 'object' && 'http' in o ? (o.times ?? 1) : 1
    if (++cur.used >= times) [cur.index, cur.used] = [cur.index + 1, 0]
    return o
  }

  /** The most recent earlier free-text answer whose ending this request quotes. */
  quoted(text: string): Answered | undefined {
    for (let i = this.answered.length - 1; i >= 0; i--) {
      const a = this.answered[i]
      const probe = a && withoutFences(a.sent).trimEnd().slice(-60)
      if (a && probe && probe.length >= 8 && text.includes(probe)) return a
    }
    return undefined
  }

  unitOf(text: string, quoted: Answered | undefined): string | null {
    const names = Object.keys(this.script.units).sort((a, b) => b.length - a.length)
    const marked = names.find(n => {
      const m = this.script.units[n]?.marker
      return m !== undefined && text.includes(m)
    })
    if (marked) return marked
    if (quoted?.unit) return quoted.unit
    const fileForm = names.find(n => {
      const b = escapeRe(n)
      const forms = `(?<![A-Za-z0-9_])(?:${b}\\.py|${b}_example|test_${b}|${b}_[A-Za-z]+\\.prompt)\\b|\\b(?:from|import) ${b}\\b`
      return new RegExp(forms).test(text)
    })
    if (fileForm) return fileForm
    const word = names.find(n => new RegExp(`(?<![A-Za-z0-9])${escapeRe(n)}(?![A-Za-z0-9])`).test(text))
    if (word) return word
    return names.length === 1 ? (names[0] ?? null) : null
  }

  remember(a: Answered): void {
    this.answered.push(a)
  }

  /** Counts one repairing call of `op` for a unit; it repairs from attempt `repairOnAttempt` on. */
  private attempt(unit: string, op: string): { n: number; repairs: boolean } {
    const key = `${unit}/${op}`
    const n = (this.attempts.get(key) ?? 0) + 1
    this.attempts.set(key, n)
    const repairs = n >= (this.script.units[unit]?.repairOnAttempt ?? 1)
    if (repairs) this.repaired.add(key)
    return { n, repairs }
  }

  private hasRepaired(unit: string, op: string): boolean {
    return this.repaired.has(`${unit}/${op}`)
  }

  /** The scripted message content for a request about a scripted unit. */
  answer(t: Template | null, u: string): string {
    const s = this.script.units[u] as UnitScript
    const json = (v: unknown): string => JSON.stringify(v)
    switch (t?.id ?? 'prompt') {
      case 'prompt':
        return fence(s.code)
      case 'example_generator_LLM':
        return fence(s.example)
      case 'generate_test_LLM':
      case 'increase_tests_LLM':
        return fence(s.test)
      case 'fix_code_module_errors_LLM':
      case 'fix_errors_from_unit_tests_LLM': {
        const op = t?.kind ?? 'fix'
        const { n, repairs } = this.attempt(u, op)
        return `${op} analysis for ${u}, attempt ${n}: ${repairs ? 'repaired' : 'nothing to change'}.\n`
      }
      case 'extract_program_code_fix_LLM': {
        const r = this.hasRepaired(u, 'crash')
        return json({
          update_program: r && s.fixedExample !== undefined,
          update_code: r && s.fixedCode !== undefined,
          fixed_program: r ? (s.fixedExample ?? s.example) : s.example,
          fixed_code: r ? (s.fixedCode ?? s.code) : s.code
        })
      }
      case 'extract_unit_code_fix_LLM': {
        const r = this.hasRepaired(u, 'fix')
        return json({
          update_unit_test: r && s.fixedTest !== undefined,
          update_code: r && s.fixedCode !== undefined,
          fixed_unit_test: r ? (s.fixedTest ?? s.test) : s.test,
          fixed_code: r ? (s.fixedCode ?? s.code) : s.code
        })
      }
      case 'find_verification_errors_LLM':
        return json(
          s.verifyIssues !== undefined && !this.hasRepaired(u, 'verify')
            ? { issues_count: 1, details: s.verifyIssues }
            : { issues_count: 0, details: null }
        )
      case 'fix_verification_errors_LLM': {
        const { n, repairs } = this.attempt(u, 'verify')
        return json({
          explanation: `verify fix for ${u}, attempt ${n}: ${repairs ? 'repaired' : 'nothing to change'}.`,
          fixed_code: repairs ? (s.fixedCode ?? s.code) : s.code,
          fixed_program: repairs ? (s.fixedExample ?? s.example) : s.example
        })
      }
      case 'update_prompt_LLM':
        return `Updated prompt for ${u}:\n${this.updatedPrompt(u)}`
      case 'extract_prompt_update_LLM':
        return json({ modified_prompt: this.updatedPrompt(u) })
      default:
        return ''
    }
  }

  private updatedPrompt(u: string): string {
    return (
      this.script.units[u]?.updatedPrompt ?? `Write the Python module ${u}, keeping its current behaviour.\n`
    )
  }

  /** Answers that need no unit: the post-processing of an earlier answer, and auto-deps. */
  followUp(t: Template, text: string, quoted: Answered | undefined): string {
    const json = (v: unknown): string => JSON.stringify(v)
    switch (t.id) {
      case 'unfinished_prompt_LLM': {
        const open = quoted?.rest !== undefined && !quoted.continued
        return json({
          reasoning: open ? 'The code stops mid-way.' : 'The output is complete.',
          is_finished: !open
        })
      }
      case 'extract_code_LLM': {
        const output = section(text, 'llm_output', 'first') ?? quoted?.sent ?? text
        return json({ focus: '', explanation: 'Extracted the code block.', extracted_code: unfence(output) })
      }
      case 'trim_results_start_LLM': {
        const output = quoted?.sent ?? section(text, 'llm_output', 'first') ?? text
        return json({ explanation: 'Dropped the text before the code.', code_block: unfence(output) })
      }
      case 'trim_results_LLM': {
        const cont = quoted?.sent ?? section(text, 'continued_generation', 'first')?.trim() ?? ''
        return json({
          explanation: 'No overlap.',
          trimmed_continued_generation: cont.replace(/\n?```\s*$/, '\n')
        })
      }
      case 'continue_generation_LLM': {
        const owed = quoted?.rest !== undefined && !quoted.continued ? quoted : undefined
        if (owed) owed.continued = true
        return owed?.rest ?? '\n'
      }
      case 'summarize_file_LLM':
        return json({ file_summary: 'A source file of the project.', key_exports: [], dependencies: [] })
      case 'auto_include_LLM':
        return json({
          reasoning: 'No new includes needed.',
          new_includes: [],
          existing_include_annotations: []
        })
      case 'insert_includes_LLM': {
        const prompt = section(text, 'prompt_to_update', 'last') ?? ''
        return json({ output_prompt: `${prompt}\n${section(text, 'dependencies_to_insert', 'last') ?? ''}` })
      }
      default:
        return ''
    }
  }
}

/** Templates answered without knowing the unit. */
const UNITLESS = new Set([
  'unfinished_prompt_LLM',
  'extract_code_LLM',
  'trim_results_start_LLM',
  'trim_results_LLM',
  'continue_generation_LLM',
  'summarize_file_LLM',
  'auto_include_LLM',
  'insert_includes_LLM'
])

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  429: 'rate_limit_exceeded',
  500: 'server_error',
  503: 'service_unavailable'
}

function describeOutcome(o: Outcome): string {
  if (typeof o === 'string') return o
  if ('http' in o) return `http ${o.http}`
  if ('delayMs' in o) return `delay ${o.delayMs}ms`
  return 'text'
}

/** Where to cut an answer in two: the line end nearest before its middle. */
function cutAt(content: string): number {
  const half = Math.floor(content.length / 2)
  const nl = content.lastIndexOf('\n', half)
  return nl > 0 ? nl + 1 : half
}

interface Classified {
  kind: OperationKind
  template: Template | null
  unit: string | null
  quoted: Answered | undefined
  /** Set when the request cannot be answered from the script. */
  warning: string | null
}

function classify(responder: Responder, n: number, req: ChatRequest): Classified {
  const template = classifyRequest(req.text, req.schemaName, req.schema)
  const quoted = responder.quoted(req.text)
  const unit = responder.unitOf(req.text, quoted)
  const head = JSON.stringify(req.text.slice(0, 80))
  let kind: OperationKind =
    template?.kind ?? (req.schemaName === null && unit !== null ? 'generate' : 'unknown')
  if (template?.id === 'continue_generation_LLM' && quoted) kind = quoted.kind
  let warning: string | null = null
  if (kind === 'unknown' && req.schemaName !== null)
    warning = `[llm-server] #${n} unknown schema "${req.schemaName}": answered with a default built from its JSON schema (${head})`
  else if (kind === 'unknown') warning = `[llm-server] #${n} unknown request that names no unit: ${head}`
  else if (unit === null && !UNITLESS.has(template?.id ?? ''))
    warning = `[llm-server] #${n} ${template?.id ?? kind} names no scripted unit: default answer (${head})`
  return { kind, template, unit, quoted, warning }
}

function scriptedContent(responder: Responder, c: Classified, req: ChatRequest): string {
  if (c.warning !== null)
    return req.schema ? JSON.stringify(defaultFor(req.schema)) : 'No scripted answer for this request.\n'
  if (c.template && UNITLESS.has(c.template.id)) return responder.followUp(c.template, req.text, c.quoted)
  return responder.answer(c.template, c.unit as string)
}

function reply(
  res: http.ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body)
}

/** Starts the server on 127.0.0.1, port 0. */
export async function start(script: Script, options: StartOptions = {}): Promise<LlmServer> {
  const responder = new Responder(script)
  const log: LoggedCall[] = []
  const warnings: string[] = []
  const timers = new Set<NodeJS.Timeout>()
  let seq = 0

  const arrivals = new Map<number, number>()
  const record = (answered: Omit<LoggedCall, 'receivedAt' | 'answeredAt'>): void => {
    const answeredAt = Date.now()
    const call = { ...answered, receivedAt: arrivals.get(answered.seq) ?? answeredAt, answeredAt }
    arrivals.delete(answered.seq)
    log.push(call)
    if (options.logFile) fs.appendFileSync(options.logFile, JSON.stringify(call) + '\n')
  }

  const chat = (n: number, path: string, raw: string, res: http.ServerResponse): void => {
    let body: unknown = raw
    try {
      body = JSON.parse(raw)
    } catch {
      // Kept as text: it classifies as an unknown request.
    }
    const req = readChatRequest(body)
    const c = classify(responder, n, req)
    if (c.warning !== null) {
      warnings.push(c.warning)
      if (!options.quiet) console.warn(c.warning)
    }
    const outcome = responder.nextOutcome(c.kind)
    const base = {
      seq: n,
      method: 'POST',
      path,
      kind: c.kind,
      template: c.template?.id ?? (c.kind === 'generate' ? 'prompt' : null),
      schema: req.schemaName,
      unit: c.unit,
      outcome: describeOutcome(outcome),
      request: body
    }
    const send = (o: Outcome): void => {
      if (typeof o === 'object' && 'http' in o) {
        const type = ERROR_TYPES[o.http] ?? 'api_error'
        const payload = JSON.stringify({
          error: { message: `Scripted HTTP ${o.http} (fake LLM)`, type, code: type }
        })
        record({ ...base, status: o.http, content: null, response: payload })
        reply(
          res,
          o.http,
          payload,
          o.retryAfterMs === undefined ? {} : { 'retry-after-ms': String(o.retryAfterMs) }
        )
        return
      }
      if (o === 'malformed-body') {
        const payload = `{"id": "chatcmpl-${n}", "object": "chat.completion", "choices": [`
        record({ ...base, status: 200, content: null, response: payload })
        reply(res, 200, payload)
        return
      }
      let text = typeof o === 'object' && 'text' in o ? o.text : scriptedContent(responder, c, req)
      let finish = 'stop'
      if (o === 'malformed-json') text = text.startsWith('{') ? text.slice(0, cutAt(text)) : '{"result": "'
      if (o === 'truncated') {
        const cut = cutAt(text)
        responder.remember({ unit: c.unit, kind: c.kind, sent: text.slice(0, cut), rest: text.slice(cut) })
        text = text.slice(0, cut)
        finish = 'length'
      } else if (!text.startsWith('{')) responder.remember({ unit: c.unit, kind: c.kind, sent: text })
      const usage =
        (c.unit === null ? undefined : script.units[c.unit]?.usage) ?? script.usage ?? DEFAULT_USAGE
      const payload = JSON.stringify({
        id: `chatcmpl-${n}`,
        object: 'chat.completion',
        created: 1767225600,
        model: isRecord(body) && typeof body.model === 'string' ? body.model : 'fake-coder',
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: finish }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens }
      })
      record({ ...base, status: 200, content: text, response: payload })
      reply(res, 200, payload)
    }
    if (typeof outcome === 'object' && 'delayMs' in outcome) {
      const timer = setTimeout(() => {
        timers.delete(timer)
        send(outcome.then ?? 'answer')
      }, outcome.delayMs)
      timers.add(timer)
    } else send(outcome)
  }

  const other = (n: number, method: string, path: string, res: http.ServerResponse): void => {
    const isModels = method === 'GET' && /(^|\/)models$/.test(path)
    const payload = isModels
      ? JSON.stringify({
          object: 'list',
          data: [{ id: 'fake-coder', object: 'model', created: 0, owned_by: 'test' }]
        })
      : JSON.stringify({ error: { message: `No route ${method} ${path}`, type: 'invalid_request_error' } })
    const status = isModels ? 200 : 404
    const outcome = isModels ? 'answer' : 'not found'
    record({
      seq: n,
      method,
      path,
      kind: null,
      template: null,
      schema: null,
      unit: null,
      outcome,
      status,
      request: null,
      content: null,
      response: payload
    })
    reply(res, status, payload)
  }

  const server = http.createServer((req, res) => {
    const receivedAt = Date.now()
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const n = ++seq
      arrivals.set(n, receivedAt)
      const method = req.method ?? ''
      const path = (req.url ?? '').split('?')[0] ?? ''
      if (method === 'POST' && /(^|\/)chat\/completions$/.test(path))
        chat(n, path, Buffer.concat(chunks).toString('utf8'), res)
      else other(n, method, path, res)
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    log,
    warnings,
    calls: (kind?: OperationKind): LoggedCall[] =>
      log.filter(c => c.kind !== null && (kind === undefined || c.kind === kind)),
    close: async (): Promise<void> => {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    }
  }
}

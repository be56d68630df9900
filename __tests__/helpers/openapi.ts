/**
 * Offline checks of REST requests and responses against GitHub's official OpenAPI description
 * (`@octokit/openapi/generated/api.github.com.json`). Only that one 13 MB file
 * is loaded (once, on first use): the package index would load every variant (385 MB).
 *
 * Requests: the route must exist, required path/query parameters and body fields must be present, query values
 * must have the documented primitive type and enum value, body values the documented type and enum (recursively),
 * and unknown query or body keys are flagged. Responses: the status must be documented and a JSON body must match
 * the documented schema the same way (required fields, types, enums, no undocumented fields). Not checked: string
 * formats (`date-time`, `uri`), lengths, patterns and numeric ranges.
 */
import { createRequire } from 'node:module'

/** The subset of an OpenAPI 3.0 schema object these checks read. */
interface Schema {
  $ref?: string
  type?: string
  enum?: unknown[]
  nullable?: boolean
  properties?: Record<string, Schema>
  required?: string[]
  additionalProperties?: boolean | Schema
  items?: Schema
  oneOf?: Schema[]
  anyOf?: Schema[]
  allOf?: Schema[]
}

interface Parameter {
  $ref?: string
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema?: Schema
  'x-multi-segment'?: boolean
}

interface Operation {
  operationId: string
  parameters?: Parameter[]
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, { schema?: Schema }> }
  responses: Record<string, unknown>
}

interface Spec {
  paths: Record<string, Record<string, Operation>>
  components: Record<string, Record<string, unknown>>
}

interface Route {
  template: string
  regex: RegExp
  names: string[]
  literals: number
  operations: Record<string, Operation>
}

/** The operation a concrete request path resolves to. */
export interface OperationMatch {
  /** e.g. `pulls/create` (maps to `octokit.rest.pulls.create`). */
  operationId: string
  /** The spec's path template, e.g. `/repos/{owner}/{repo}/pulls`. */
  template: string
  /** The path parameters, percent-decoded (`ref` may contain slashes). */
  params: Record<string, string>
}

/** A request as seen on the wire: `path` without the query string; `body` parsed JSON or undefined. */
export interface RequestToValidate {
  method: string
  path: string
  query?: Record<string, string>
  body?: unknown
}

let loaded: { spec: Spec; routes: Route[] } | undefined

function load(): { spec: Spec; routes: Route[] } {
  if (loaded) return loaded
  const require = createRequire(import.meta.url)
  const spec = require('@octokit/openapi/generated/api.github.com.json') as Spec
  const routes = Object.entries(spec.paths).map(([template, operations]): Route => {
    const names: string[] = []
    const multi = new Set<string>()
    for (const op of Object.values(operations)) {
      for (const p of (op.parameters ?? []).map(q => resolve<Parameter>(spec, q))) {
        if (p.in === 'path' && p['x-multi-segment']) multi.add(p.name)
      }
    }
    const source = template
      .split(/(\{\w+\})/)
      .map(part => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1]
        if (!name) return part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        names.push(name)
        return multi.has(name) ? '(.+?)' : '([^/]+)'
      })
      .join('')
    const literals = template.split('/').filter(s => s && !s.startsWith('{')).length
    return { template, regex: new RegExp(`^${source}$`), names, literals, operations }
  })
  loaded = { spec, routes }
  return loaded
}

function resolve<T>(spec: Spec, value: T | { $ref?: string }): T {
  let v: unknown = value
  for (let i = 0; i < 20; i++) {
    const ref = (v as { $ref?: string }).$ref
    if (typeof ref !== 'string') break
    const parts = ref.replace(/^#\//, '').split('/')
    v = parts.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], spec)
  }
  return v as T
}

function matchRoute(path: string): { route: Route; params: Record<string, string> } | null {
  const candidates: { route: Route; params: Record<string, string>; spans: number }[] = []
  for (const route of load().routes) {
    const m = route.regex.exec(path)
    if (!m) continue
    const raw = m.slice(1)
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(raw[i] ?? '')]))
    candidates.push({ route, params, spans: raw.filter(v => v.includes('/')).length })
  }
  candidates.sort((a, b) => a.spans - b.spans || b.route.literals - a.route.literals)
  return candidates[0] ?? null
}

/** The documented operation for `method` + concrete `path` (query string ignored), or null when none. */
export function operationFor(method: string, path: string): OperationMatch | null {
  const match = matchRoute(path.split('?')[0] ?? path)
  const op = match?.route.operations[method.toLowerCase()]
  if (!match || !op) return null
  return { operationId: op.operationId, template: match.route.template, params: match.params }
}

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function typeMatches(expected: string, actual: string): boolean {
  return expected === actual || (expected === 'number' && actual === 'integer')
}

/**
 * One schema for an `allOf`: the parts' properties and required fields together (a field one part documents is
 * not unknown to the whole). A part with alternatives is kept as an `allOf` of what could not be merged.
 */
function mergeAllOf(spec: Spec, schema: Schema): Schema {
  const parts = (schema.allOf ?? []).map(p => resolve<Schema>(spec, p))
  const flat = parts.map(p => (p.allOf ? mergeAllOf(spec, p) : p))
  const { allOf: _a, ...own } = schema
  return flat.reduce<Schema>(
    (m, p) => ({
      ...p,
      ...m,
      type: m.type ?? p.type,
      nullable: (m.nullable ?? false) || p.nullable,
      properties: { ...p.properties, ...m.properties },
      required: [...new Set([...(m.required ?? []), ...(p.required ?? [])])],
      additionalProperties: m.additionalProperties ?? p.additionalProperties
    }),
    own
  )
}

/** Problems of `value` against `schema` (recursive); `where` names the value in messages. */
function checkValue(spec: Spec, schemaIn: Schema, value: unknown, where: string): string[] {
  const schema = resolve<Schema>(spec, schemaIn)
  if (schema.allOf) return checkValue(spec, mergeAllOf(spec, schema), value, where)
  const alternatives = schema.oneOf ?? schema.anyOf
  if (alternatives) {
    const results = alternatives.map(s => checkValue(spec, s, value, where))
    if (results.some(r => r.length === 0)) return []
    const sameType = results.filter((_r, i) => {
      const t = resolve<Schema>(spec, alternatives[i]!).type
      return !t || typeMatches(t, typeOf(value))
    })
    const pool = sameType.length > 0 ? sameType : results
    return pool.reduce((best, r) => (r.length < best.length ? r : best))
  }
  const actual = typeOf(value)
  if (value === null) return schema.nullable ? [] : [`${where} must not be null`]
  if (schema.type && !typeMatches(schema.type, actual))
    return [`${where} should be ${schema.type}, got ${actual}`]
  if (schema.enum && !schema.enum.includes(value)) {
    return [`${where} = ${JSON.stringify(value)} is not one of [${schema.enum.join('|')}]`]
  }
  const problems: string[] = []
  if (actual === 'array' && schema.items) {
    ;(value as unknown[]).forEach((item, i) =>
      problems.push(...checkValue(spec, schema.items!, item, `${where}[${i}]`))
    )
  }
  if (actual === 'object' && (schema.properties || schema.required)) {
    const obj = value as Record<string, unknown>
    for (const key of schema.required ?? []) {
      if (obj[key] === undefined) problems.push(`missing required field ${where}.${key}`)
    }
    for (const [key, v] of Object.entries(obj)) {
      const prop = schema.properties?.[key]
      if (prop) problems.push(...checkValue(spec, prop, v, `${where}.${key}`))
      else if (typeof schema.additionalProperties === 'object') {
        problems.push(...checkValue(spec, schema.additionalProperties, v, `${where}.${key}`))
      } else if (schema.additionalProperties !== true) problems.push(`unknown field ${where}.${key}`)
    }
  }
  return problems
}

function checkParam(param: Parameter, value: string): string | undefined {
  const schema = param.schema ?? {}
  const where = `${param.in} parameter ${param.name}`
  const t = schema.type
  if (t === 'integer' && !/^-?\d+$/.test(value))
    return `${where} should be integer, got ${JSON.stringify(value)}`
  if (t === 'number' && Number.isNaN(Number(value)))
    return `${where} should be number, got ${JSON.stringify(value)}`
  if (t === 'boolean' && value !== 'true' && value !== 'false')
    return `${where} should be boolean, got ${value}`
  if (schema.enum && !schema.enum.map(String).includes(value)) {
    return `${where} = ${JSON.stringify(value)} is not one of [${schema.enum.join('|')}]`
  }
  return undefined
}

/**
 * Checks a request against the OpenAPI description. Returns the problems found; an empty list means valid.
 * Messages start with the route, e.g. `POST /repos/{owner}/{repo}/pulls: missing required field body.base`.
 */
export function validateRequest(req: RequestToValidate): string[] {
  const { spec } = load()
  const method = req.method.toUpperCase()
  const match = matchRoute(req.path)
  if (!match) return [`${method} ${req.path}: no such path in the OpenAPI description`]
  const op = match.route.operations[method.toLowerCase()]
  const label = `${method} ${match.route.template}`
  if (!op) return [`${label}: method not documented for this path`]
  const problems: string[] = []
  const params = (op.parameters ?? []).map(p => resolve<Parameter>(spec, p))
  const query = req.query ?? {}
  for (const p of params) {
    const value = p.in === 'path' ? match.params[p.name] : p.in === 'query' ? query[p.name] : undefined
    if (value === undefined) {
      if (p.required && p.in !== 'header') problems.push(`missing required ${p.in} parameter ${p.name}`)
      continue
    }
    const problem = checkParam(p, value)
    if (problem) problems.push(problem)
  }
  const known = new Set(params.filter(p => p.in === 'query').map(p => p.name))
  for (const key of Object.keys(query)) if (!known.has(key)) problems.push(`unknown query parameter ${key}`)
  const requestBody = op.requestBody && resolve<NonNullable<Operation['requestBody']>>(spec, op.requestBody)
  const hasBody = req.body !== undefined && req.body !== ''
  if (!requestBody) {
    if (hasBody) problems.push('a request body is not documented for this operation')
  } else if (!hasBody) {
    if (requestBody.required) problems.push('missing required request body')
  } else {
    const schema = requestBody.content?.['application/json']?.schema
    if (schema) problems.push(...checkValue(spec, schema, req.body, 'body'))
  }
  return problems.map(p => `${label}: ${p}`)
}

/** The documented JSON schema of a response, or undefined (no such operation or status, or no JSON body). */
function responseSchema(method: string, path: string, status: number): Schema | undefined {
  const match = operationFor(method, path)
  if (!match) return undefined
  const { spec, routes } = load()
  const op = routes.find(r => r.template === match.template)?.operations[method.toLowerCase()]
  const responses = op?.responses ?? {}
  const key = [String(status), `${Math.floor(status / 100)}XX`, 'default'].find(c => c in responses)
  if (!key) return undefined
  const documented = resolve<{ content?: Record<string, { schema?: Schema }> }>(
    spec,
    responses[key] as object
  )
  return documented.content?.['application/json']?.schema
}

/** A typed placeholder for a required field the stand-in does not model. */
function placeholder(spec: Spec, schemaIn: Schema): unknown {
  const schema = resolve<Schema>(spec, schemaIn)
  if (schema.nullable) return null
  if (schema.enum) return schema.enum[0]
  const alt = schema.allOf?.[0] ?? schema.oneOf?.[0] ?? schema.anyOf?.[0]
  if (alt && !schema.type) return placeholder(spec, alt)
  switch (schema.type) {
    case 'string':
      return ''
    case 'integer':
    case 'number':
      return 0
    case 'boolean':
      return false
    case 'array':
      return []
    default:
      return fill(spec, schema, {})
  }
}

/** `value` with every required field it lacks (recursively) set to a typed placeholder; `value` is not changed. */
function fill(spec: Spec, schemaIn: Schema, value: unknown): unknown {
  const schema = resolve<Schema>(spec, schemaIn)
  if (schema.allOf) return schema.allOf.reduce<unknown>((v, s) => fill(spec, s, v), value)
  const alternatives = schema.oneOf ?? schema.anyOf
  if (alternatives) {
    const scored = alternatives.map(s => ({ s, n: checkValue(spec, s, fill(spec, s, value), 'v').length }))
    return fill(spec, scored.reduce((a, b) => (b.n < a.n ? b : a)).s, value)
  }
  if (Array.isArray(value)) return schema.items ? value.map(v => fill(spec, schema.items!, v)) : value
  if (value === null || typeof value !== 'object') return value
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) }
  for (const [key, v] of Object.entries(out)) {
    const prop = schema.properties?.[key]
    if (prop) out[key] = fill(spec, prop, v)
  }
  for (const key of schema.required ?? []) {
    const prop = schema.properties?.[key]
    if (out[key] === undefined && prop) out[key] = placeholder(spec, prop)
  }
  return out
}

/**
 * The response body the stand-in serves: `body` with every documented required field it does not model filled
 * with a typed placeholder (`""`, `0`, `false`, `[]`, `null` where nullable), so Octokit sees GitHub's shape.
 * Fields the stand-in sets are kept as they are and checked by {@link validateResponse}.
 */
export function completeResponse(method: string, path: string, status: number, body: unknown): unknown {
  const schema = body === undefined ? undefined : responseSchema(method, path, status)
  return schema ? fill(load().spec, schema, body) : body
}

/**
 * Checks a response against the operation's documentation: `status` must be a documented response code and,
 * when the documented response has an `application/json` schema and `body` is given, the body must match it
 * (required fields present, documented types and enums, no undocumented fields). Problems list; empty = valid.
 */
export function validateResponse(method: string, path: string, status: number, body?: unknown): string[] {
  const match = operationFor(method, path)
  const label = `${method.toUpperCase()} ${match?.template ?? path}`
  if (!match) return [`${label}: no such operation in the OpenAPI description`]
  const op = load().routes.find(r => r.template === match.template)?.operations[method.toLowerCase()]
  const codes = Object.keys(op?.responses ?? {})
  const key = [String(status), `${Math.floor(status / 100)}XX`, 'default'].find(c => codes.includes(c))
  if (!key) return [`${label}: status ${status} is not documented (documented: ${codes.join(', ')})`]
  const schema = body === undefined ? undefined : responseSchema(method, path, status)
  if (!schema) return []
  return checkValue(load().spec, schema, body, 'response').map(p => `${label} → ${status}: ${p}`)
}

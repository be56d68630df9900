/**
 * The GraphQL endpoint of the GitHub API stand-in (`POST /graphql`). Every document is parsed and validated against
 * GitHub's published schema (`@octokit/graphql-schema`) and its variables coerced to the declared input types;
 * then it is executed against that same schema, so a response can only hold fields and types the schema has
 * (a non-null field the stand-in cannot fill is an execution error, reported as a problem). Errors a resolver
 * raises on purpose ({@link GraphqlDomainError}, GitHub's own refusals) are served as GitHub serves them: HTTP
 * 200 with `errors[{type, message, path}]`; anything else is a problem of the test.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  buildClientSchema,
  execute,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type IntrospectionQuery
} from 'graphql'

/** A refusal GitHub itself would answer with (served as an `errors` entry, not counted as a problem). */
export class GraphqlDomainError extends Error {
  constructor(
    readonly type: string,
    message: string
  ) {
    super(message)
  }
}

/** Root resolvers: mutation or query field name → function of the field's arguments. */
export type GraphqlRoot = Record<string, (args: Record<string, unknown>) => unknown>

/** One GraphQL request as the stand-in recorded it. */
export interface GraphqlCall {
  /** Names of the root fields selected (e.g. `markPullRequestReadyForReview`). */
  fields: string[]
  variables: Record<string, unknown>
  errors: string[]
}

/**
 * GitHub's schema as `@octokit/graphql-schema` publishes it (its `schema.json`), read on first use: importing the package
 * parses it and builds a schema of its own at once (a quarter of a second of CPU in every test file that
 * imports the API stand-in, most of which never send GraphQL).
 */
const SCHEMA_JSON = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../node_modules/@octokit/graphql-schema/schema.json'
)

let built: GraphQLSchema | undefined
function githubSchema(): GraphQLSchema {
  built ??= buildClientSchema(JSON.parse(readFileSync(SCHEMA_JSON, 'utf8')) as IntrospectionQuery)
  return built
}

/** Problems of a GraphQL document against GitHub's schema (empty: valid). Exported for tests of the checker. */
export function validateDocument(query: string): string[] {
  let doc: DocumentNode
  try {
    doc = parse(query)
  } catch (e) {
    return [`syntax: ${(e as Error).message}`]
  }
  return validate(githubSchema(), doc).map(e => e.message)
}

/**
 * Answers one `POST /graphql` body. `problems` receives every validation failure and every error that is not a
 * {@link GraphqlDomainError}; `calls` gets a record of the request.
 */
export async function answerGraphql(
  body: unknown,
  root: GraphqlRoot,
  problems: string[],
  calls: GraphqlCall[]
): Promise<{ status: number; body: unknown }> {
  const b = (body ?? {}) as { query?: unknown; variables?: unknown }
  const query = typeof b.query === 'string' ? b.query : ''
  const variables = (b.variables ?? {}) as Record<string, unknown>
  const call: GraphqlCall = { fields: [], variables, errors: [] }
  calls.push(call)
  const invalid = validateDocument(query)
  if (invalid.length > 0) {
    problems.push(...invalid.map(m => `POST /graphql: invalid document: ${m}`))
    call.errors.push(...invalid)
    return { status: 200, body: { errors: invalid.map(message => ({ message })) } }
  }
  const document = parse(query)
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue
    for (const sel of def.selectionSet.selections)
      if (sel.kind === Kind.FIELD) call.fields.push(sel.name.value)
  }
  const rootValue = Object.fromEntries(
    Object.entries(root).map(([name, fn]) => [name, (args: Record<string, unknown>) => fn(args)])
  )
  const result = await execute({ schema: githubSchema(), document, rootValue, variableValues: variables })
  const errors = (result.errors ?? []).map(e => {
    const domain = e.originalError instanceof GraphqlDomainError ? e.originalError : undefined
    if (!domain) problems.push(`POST /graphql: ${e.message}${e.path ? ` at ${e.path.join('.')}` : ''}`)
    call.errors.push(e.message)
    return { type: domain?.type ?? 'INTERNAL', message: e.message, path: e.path, locations: e.locations }
  })
  return { status: 200, body: { data: result.data ?? null, ...(errors.length > 0 ? { errors } : {}) } }
}

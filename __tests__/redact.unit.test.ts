import { describe, expect, it } from 'vitest'
import { formsOf, MASK, nameMatcher, Redactor, secretsOfEnv } from '../src/trust/redact.js'
import { RedactingReporter, type Reporter } from '../src/adapters/reporter.js'

const TOKEN = 'ghs_redactTestToken0123456789abcd'
const KEY = 'sk-proj-Provider+Key/With=Odd&Chars'
const b64 = (s: string): string => Buffer.from(s).toString('base64')

/** A base64 blob in which `secret` starts at byte `offset` of a longer payload. */
function blob(secret: string, offset: number): string {
  return b64(`${'p'.repeat(offset)}${secret} and more bytes after it`)
}

describe('Redactor: every form of a known secret is masked', () => {
  const r = new Redactor([TOKEN, KEY])
  it.each([
    ['raw', `token=${TOKEN}.`],
    ['raw provider key', `key: ${KEY}`],
    ['URL-encoded', `https://x/?k=${encodeURIComponent(KEY)}`],
    [
      'URL-encoded, lower-case hex',
      `k=${encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, h => h.toLowerCase())}`
    ],
    ['JSON-escaped', JSON.stringify({ k: 'a"b' + KEY })],
    ['base64 whole', `Basic ${b64(TOKEN)}`],
    ['base64url whole', Buffer.from(KEY).toString('base64url')],
    ['git basic-auth header', `AUTHORIZATION: basic ${b64(`x-access-token:${TOKEN}`)}`],
    ['base64 inside a blob, alignment 0', blob(TOKEN, 3)],
    ['base64 inside a blob, alignment 1', blob(TOKEN, 4)],
    ['base64 inside a blob, alignment 2', blob(TOKEN, 5)],
    ['provider key in a blob, alignment 1', blob(KEY, 7)],
    ['provider key in a blob, alignment 2', blob(KEY, 8)]
  ])('%s', (_name, text) => {
    const out = r.redact(text)
    expect(out).toContain(MASK)
    expect(r.finds(out)).toBe(false)
    expect(out).not.toContain(TOKEN)
    // No long piece of the secret survives (at most the 1-2 edge bytes of an unaligned base64 encoding).
    for (const f of formsOf(TOKEN)) expect(out).not.toContain(f)
  })

  it.each([
    ['a value shorter than 8 characters is not a secret', ['short12'], 'short12 stays', 'short12 stays'],
    ['text without secrets is unchanged', [TOKEN], 'nothing to see', 'nothing to see'],
    ['every occurrence', ['abcdefgh12'], 'abcdefgh12/abcdefgh12', '***/***'],
    [
      'overlapping secrets become one mask',
      ['abcdefgh1234', '1234wxyzwxyz'],
      'x abcdefgh1234wxyzwxyz y',
      'x *** y'
    ],
    [
      'one secret inside another',
      ['innerSecret1', 'outer-innerSecret1-outer'],
      'a outer-innerSecret1-outer b',
      'a *** b'
    ],
    ['adjacent secrets', ['aaaaaaaa1', 'bbbbbbbb2'], 'aaaaaaaa1bbbbbbbb2', '***']
  ])('%s', (_name, secrets, text, expected) => {
    expect(new Redactor(secrets).redact(text)).toBe(expected)
  })

  it('redactJson masks strings and keys, and keeps the shape', () => {
    const r2 = new Redactor([TOKEN])
    expect(r2.redactJson({ a: [`x ${TOKEN}`, 3, null], [TOKEN]: true })).toEqual({
      a: ['x ***', 3, null],
      '***': true
    })
  })

  it('with() adds secrets without changing the original', () => {
    const a = new Redactor(['firstSecret1'])
    const b = a.with(['secondSecret2'])
    expect(a.redact('secondSecret2')).toBe('secondSecret2')
    expect(b.redact('firstSecret1 secondSecret2')).toBe('*** ***')
  })
})

describe('secretsOfEnv', () => {
  it.each([
    ['INPUT_TOKEN', TOKEN, true],
    ['INPUT_PUSH-TOKEN', TOKEN, true],
    ['ACTIONS_RUNTIME_TOKEN', 'eyJhbGciOiJSUzI1NiJ9.runtime', true],
    ['ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'eyJhbGciOiJSUzI1NiJ9.idtoken', true],
    ['OPENAI_API_KEY', KEY, true],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG', true],
    ['PDD_JWT_TOKEN', 'eyJhbGciOiJIUzI1NiJ9.jwt', true],
    ['DB_PASSWORD', 'hunter2hunter2', true],
    ['MY_PAT', 'patvalue12345', true],
    ['FAKE_LLM_KEY', 'catalog-key-0123456789', true],
    ['MONKEY_BUSINESS', 'not-a-secret-value', false],
    ['GOOGLE_APPLICATION_CREDENTIALS', '/tmp/gcp-key.json', false],
    ['GOOGLE_APPLICATION_CREDENTIALS', '{"private_key":"x"}', true],
    ['INPUT_TOKEN', 'short', false],
    ['PATH', '/usr/local/bin:/usr/bin', false],
    ['HOME', '/home/runner', false],
    ['GIT_CONFIG_VALUE_1', `AUTHORIZATION: basic ${b64(`x-access-token:${TOKEN}`)}`, true],
    ['REMOTE_URL', 'https://user:s3cr3tPassw0rd@example.com/repo.git', true]
  ])('%s=%s is a secret: %s', (name, value, secret) => {
    const found = secretsOfEnv({ [name]: value })
    expect(found.length > 0).toBe(secret)
    if (secret) expect(new Redactor(found).redact(`v=${value}`)).not.toContain(value)
  })

  it('values of the names in the withhold list, by glob, whatever their names', () => {
    const env = { DEPLOY_HOOK: 'hook-value-123', OTHER: 'other-value-1', CUSTOM_X: 'custom-value-1' }
    expect(secretsOfEnv(env, ['DEPLOY_*', 'custom_x']).sort()).toEqual(['custom-value-1', 'hook-value-123'])
  })
})

describe('nameMatcher', () => {
  it.each([
    [['MY_SECRET'], 'MY_SECRET', true],
    [['my_secret'], 'MY_SECRET', true],
    [['MY_*'], 'MY_OTHER', true],
    [['MY_?'], 'MY_AB', false],
    [['A.B'], 'AxB', false],
    [[' SPACED '], 'SPACED', true],
    [[], 'ANY', false]
  ])('%j matches %s: %s', (patterns, name, expected) => {
    expect(nameMatcher(patterns)(name)).toBe(expected)
  })
})

describe('RedactingReporter', () => {
  it('masks every message, annotation title and file, and group name before the inner reporter sees it', async () => {
    const seen: string[] = []
    const inner: Reporter = {
      info: m => seen.push(`info ${m}`),
      notice: (m, r) => seen.push(`notice ${m} ${r?.file} ${r?.title}`),
      warning: (m, r) => seen.push(`warning ${m} ${r?.file} ${r?.title}`),
      error: (m, r) => seen.push(`error ${m} ${r?.file} ${r?.title}`),
      group: (name, fn) => (seen.push(`group ${name}`), fn())
    }
    const r = new RedactingReporter(inner, new Redactor([TOKEN]))
    r.info(`a ${TOKEN}`)
    r.notice(`b ${b64(TOKEN)}`, { file: `f${TOKEN}`, title: `t${TOKEN}` })
    r.warning(`c ${encodeURIComponent(TOKEN)}`)
    r.error('d', { title: TOKEN })
    await r.group(`g ${TOKEN}`, () => Promise.resolve())
    expect(seen).toEqual([
      'info a ***',
      'notice b *** f*** t***',
      'warning c *** undefined undefined',
      'error d undefined ***',
      'group g ***'
    ])
  })
})

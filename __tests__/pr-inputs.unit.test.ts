import { describe, expect, it } from 'vitest'
import { readInputs, type InputSource } from '../src/settings/inputs.js'
import { BODY_PREFIX_MAX } from '../src/settings/pr-inputs.js'
import { publishSettings } from '../src/settings/run-inputs.js'

const source = (given: Record<string, string>): InputSource => ({
  get: name => given[name] ?? '',
  warning: () => undefined,
  setSecret: () => undefined
})

describe('pull request inputs (create-pull-request names)', () => {
  it.each<[string, Record<string, string>, Record<string, unknown>]>([
    ['nothing given', {}, { reviewers: [], teamReviewers: [], assignees: [], milestone: undefined }],
    [
      'comma and newline lists, @ dropped, blanks ignored',
      { reviewers: 'alice, @bob\n\ncarol-d,', 'team-reviewers': 'core\nplatform.web', assignees: ' x1 ' },
      { reviewers: ['alice', 'bob', 'carol-d'], teamReviewers: ['core', 'platform.web'], assignees: ['x1'] }
    ],
    ['a milestone number', { milestone: ' 12 ' }, { milestone: 12 }]
  ])('%s', (_name, given, people) => {
    expect(publishSettings(readInputs(source(given))).people).toMatchObject(people)
  })

  it.each<[string, Record<string, string>, RegExp]>([
    [
      'a login with a space',
      { reviewers: 'alice, bob smith' },
      /Input "reviewers" .*entry 2 \("bob smith"\)/
    ],
    ['a login with a double hyphen', { assignees: 'a--b' }, /Input "assignees" .*entry 1/],
    ['a login too long', { reviewers: 'a'.repeat(40) }, /Input "reviewers"/],
    [
      'a team with its organisation',
      { 'team-reviewers': 'acme/core' },
      /Input "team-reviewers".*without the organisation/
    ],
    [
      'a milestone title',
      { milestone: 'v1.0' },
      /Input "milestone" must be the number of a milestone.*"v1.0"/
    ],
    ['milestone zero', { milestone: '0' }, /Input "milestone"/],
    ['a negative milestone', { milestone: '-3' }, /Input "milestone"/],
    ['a body prefix too long', { body: 'x'.repeat(BODY_PREFIX_MAX + 1) }, /Input "body" must be at most 4000/]
  ])('refuses %s, naming the input', (_name, given, message) => {
    expect(() => readInputs(source(given))).toThrow(message)
  })

  it('keeps the body prefix as given (trimmed) and undefined when empty', () => {
    expect(publishSettings(readInputs(source({ body: '  Please review.\n\n-- bot  ' }))).bodyPrefix).toBe(
      'Please review.\n\n-- bot'
    )
    expect(publishSettings(readInputs(source({}))).bodyPrefix).toBeUndefined()
  })
})

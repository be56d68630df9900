import { InputError, list, type InputSpec } from './readers.js'

/**
 * Inputs of the pull request with peter-evans/create-pull-request's names and meanings: `reviewers`,
 * `team-reviewers` and `assignees` (comma- or newline-separated), `milestone` (a number) and `body` (here: text
 * put before the checklist). Each value is checked when the inputs are read, before anything is spent.
 */

/** Who a new pull request is for (inputs `reviewers`, `team-reviewers`, `assignees`, `milestone`). */
export interface PullRequestPeople {
  reviewers: string[]
  teamReviewers: string[]
  assignees: string[]
  milestone?: number
}

/** GitHub's rule for a login: letters, digits and single inner hyphens, at most 39 characters. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/
/** A team slug of the repository's organisation (no `org/` prefix). */
const TEAM = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/

const login = (v: string, i: number, name: string): string | null =>
  LOGIN.test(v.replace(/^@/, ''))
    ? null
    : `Input "${name}" must list GitHub usernames (letters, digits, single hyphens); entry ${i} ("${v}") is not one.`

const team = (v: string, i: number, name: string): string | null => {
  if (TEAM.test(v)) return null
  const hint = v.includes('/') ? ' (give the team slug without the organisation, e.g. "core")' : ''
  return `Input "${name}" must list team slugs of the organisation; entry ${i} ("${v}") is not one${hint}.`
}

/** A list of GitHub usernames; a leading `@` is dropped. */
export function logins(): InputSpec<string[]> {
  const spec = list('', { problem: login })
  return { ...spec, parse: (raw, name) => spec.parse(raw, name).map(v => v.replace(/^@/, '')) }
}

/** A list of team slugs. */
export function teams(): InputSpec<string[]> {
  return list('', { problem: team })
}

/** A milestone number (a positive integer), or undefined when empty. */
export function milestone(): InputSpec<number | undefined> {
  return {
    kind: 'text',
    default: '',
    parse(raw, name) {
      if (raw === '') return undefined
      if (!/^[1-9][0-9]{0,9}$/.test(raw))
        throw new InputError(`Input "${name}" must be the number of a milestone, such as 3; got "${raw}".`)
      return Number(raw)
    }
  }
}

/** Most characters of the `body` input: the rest of the 65,536 a body may hold is the checklist's. */
export const BODY_PREFIX_MAX = 4000

/** Text put before the checklist, or undefined when empty. */
export function bodyPrefix(): InputSpec<string | undefined> {
  return {
    kind: 'text',
    default: '',
    parse(raw, name) {
      if (raw === '') return undefined
      const n = [...raw].length
      if (n > BODY_PREFIX_MAX)
        throw new InputError(`Input "${name}" must be at most ${BODY_PREFIX_MAX} characters; got ${n}.`)
      return raw
    }
  }
}

/** The rows of the input table (src/settings/inputs.ts) these inputs add, in action.yml's order. */
export const PULL_REQUEST_INPUTS = {
  body: bodyPrefix(),
  reviewers: logins(),
  'team-reviewers': teams(),
  assignees: logins(),
  milestone: milestone()
} as const

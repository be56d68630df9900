import { bool, InputError, type InputSpec } from './readers.js'

/**
 * Inputs of the bot's commits with peter-evans/create-pull-request's names and meanings (docs/architecture.md
 * "Bot commits"): `commit-message` (here a template of one group's commit), `author`, `committer` (each
 * `Display Name <email@address.com>`) and `sign-commits`. Each value is checked when the inputs are read,
 * before anything is spent.
 */

/** Author and committer of a commit: the shape of the git adapter's `Identity`. */
export interface CommitPerson {
  name: string
  email: string
}

/** The github-actions bot, create-pull-request's default committer (and this action's default author). */
export const ACTIONS_BOT: CommitPerson = {
  name: 'github-actions[bot]',
  email: '41898282+github-actions[bot]@users.noreply.github.com'
}

/** The placeholders of input `commit-message`, and what each stands for. */
export const COMMIT_PLACEHOLDERS = {
  unit: '`<basename> (<languages>)`, e.g. `calc (python, typescript)`',
  basename: 'the basename, e.g. `pkg/calc`',
  languages: 'the languages, comma-separated',
  operations: 'the operations PDD ran, comma-separated (`sync` when none was reported)'
} as const
export type CommitPlaceholder = keyof typeof COMMIT_PLACEHOLDERS

/** The default of input `commit-message`: the subject every earlier version wrote. */
export const DEFAULT_COMMIT_MESSAGE = 'pdd-sync: {unit}: {operations}'

/** A placeholder in a template: `{name}`. */
export const COMMIT_PLACEHOLDER = /\{([^{}\s]*)\}/g

/** What is wrong with a template (for the error naming the input), or null. */
export function commitTemplateProblem(template: string): string | null {
  if ((template.replace(/\r\n/g, '\n').split('\n')[0] ?? '').trim() === '')
    return 'its first line (the subject) is empty'
  for (const m of template.matchAll(COMMIT_PLACEHOLDER)) {
    const known = Object.keys(COMMIT_PLACEHOLDERS).map(k => `{${k}}`)
    if (!((m[1] ?? '') in COMMIT_PLACEHOLDERS))
      return `"{${m[1] ?? ''}}" is not a placeholder (use ${known.join(', ')})`
  }
  return null
}

/** Input `commit-message`: a template (the first line is the subject). */
export function commitTemplate(): InputSpec<string> {
  return {
    kind: 'text',
    default: DEFAULT_COMMIT_MESSAGE,
    parse(raw, name) {
      const problem = commitTemplateProblem(raw)
      if (problem) throw new InputError(`Input "${name}" is not a commit message template: ${problem}.`)
      return raw
    }
  }
}

// create-pull-request's form: a name, then an email in angle brackets.
const PERSON = /^([^<>\r\n]+?)\s*<([^<>\s@]+@[^<>\s@]+)>$/

/** `Display Name <email@address.com>` as author and committer, or null when it is not one. */
export function parsePerson(raw: string): CommitPerson | null {
  const m = PERSON.exec(raw.trim())
  return m?.[1] && m[2] ? { name: m[1].trim(), email: m[2] } : null
}

/** Input `author` or `committer`. */
export function person(): InputSpec<CommitPerson> {
  return {
    kind: 'text',
    default: `${ACTIONS_BOT.name} <${ACTIONS_BOT.email}>`,
    parse(raw, name) {
      const p = parsePerson(raw)
      if (!p)
        throw new InputError(
          `Input "${name}" must be "Display Name <email@address.com>"; got "${raw.slice(0, 200)}".`
        )
      return p
    }
  }
}

/** The rows of the input table (src/settings/inputs.ts) these inputs add, in action.yml's order. */
export const COMMIT_INPUTS = {
  'commit-message': commitTemplate(),
  author: person(),
  committer: person(),
  'sign-commits': bool(false)
} as const

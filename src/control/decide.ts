/**
 * Whether a `pull_request` or `issue_comment` event asks the action to re-run units of its pull request, and who
 * asked (docs/architecture.md, "PR control"). Reads the event and, for who may ask and which pull request a comment
 * is on, the REST API. Nothing is run or written here.
 */
import type { PullRequest } from '../adapters/github.js'
import { said, type Said } from '../markdown.js'
import { BOT_BRANCH_PREFIX } from '../settings/validate.js'
import { parseCommand, tickedUnits, type ControlRequest } from './commands.js'
import type { PrEvent } from '../settings/pr-event.js'

/** What the event asks for. */
export type ControlDecision =
  /** Not an event on the bot pull request: an ordinary run. */
  | { kind: 'none' }
  /** An event on the bot pull request (or a comment) that asks for no run; `reply` answers the person. */
  | {
      kind: 'ignore'
      reason: string
      /** The reason as Markdown: the action's own `#N` links kept, the event's text escaped. */
      markdown: string
      reply?: { number: number; body: string }
    }
  /** Re-run the units `request` selects, from `base` (the pull request's base), onto its bot branch. */
  | { kind: 'run'; number: number; base: string; request: ControlRequest; by: string; how: string }

/** The API calls a decision may need. */
export interface ControlApi {
  getPullRequest(number: number): Promise<PullRequest>
  collaboratorPermission(login: string): Promise<{ permission: string; role: string }>
}

/** What a decision knows besides the event. */
export interface ControlOptions {
  /** Input `branch` (the bot branch), when given. */
  branch?: string
  api: ControlApi | null
  /** `owner/repo` (`GITHUB_REPOSITORY`): a pull request whose head is elsewhere is a fork's, never the bot's. */
  repository?: string
}

/** The identity `GITHUB_TOKEN` acts as. */
export const ACTIONS_BOT = 'github-actions[bot]'
/** Comment authors GitHub gives write access or membership. */
const TRUSTED_ASSOCIATIONS = new Set(['OWNER', 'MEMBER', 'COLLABORATOR'])
const WRITE = new Set(['admin', 'maintain', 'write'])

/** Whether `head` is a bot branch: `branch` when the input names one, else any `pdd-sync/…`. */
export function isBotHead(head: string | undefined, branch?: string): boolean {
  if (head === undefined) return false
  return branch !== undefined ? head === branch : head.startsWith(BOT_BRANCH_PREFIX)
}

/**
 * Who is the action itself: `github-actions[bot]`, and the bot pull request's author (the identity of the token
 * that opened it: a PAT's user, an App's bot). Their edits and comments never start a run: no loops.
 */
function isSelf(login: string, prAuthor: string | undefined): boolean {
  return login === ACTIONS_BOT || (prAuthor !== undefined && prAuthor !== '' && login === prAuthor)
}

/** What `ev` asks for; `api` is null without a token (then nothing can be checked, and nothing runs). */
export async function decideControl(ev: PrEvent | undefined, o: ControlOptions): Promise<ControlDecision> {
  if (!ev) return { kind: 'none' }
  if (ev.event === 'pull_request') return decideEdit(ev, o)
  return decideComment(ev, o)
}

async function decideEdit(ev: PrEvent, o: ControlOptions): Promise<ControlDecision> {
  if (!isBotHead(ev.headRef, o.branch)) return { kind: 'none' }
  const on = said`pull request #${ev.number} (${ev.headRef ?? ''})`
  // A fork may name its branch pdd-sync/main: ticking a box on its pull request asks the bot for nothing.
  if (fromElsewhere(ev.headRepo, o.repository))
    return ignore(
      said`pull request #${ev.number} is from a fork (${ev.headRepo ?? 'deleted'}), not the bot's`
    )
  if (ev.action !== 'edited' || ev.bodyFrom === undefined || ev.body === undefined)
    return ignore(said`a "${ev.action}" event on the bot's ${on} asks for no run (only ticking a box does)`)
  if (isSelf(ev.sender.login, ev.prAuthor))
    return ignore(said`the edit of ${on} was made by the action's own identity (${ev.sender.login})`)
  const ids = tickedUnits(ev.bodyFrom, ev.body)
  if (ids.length === 0) return ignore(said`the edit of ${on} ticked no unit's box`)
  if (!ev.baseRef) return ignore(said`the event does not name the base branch of ${on}`)
  const denied = await permissionProblem(ev.sender.login, o.api)
  if (denied) return ignore(denied)
  const how = `ticked ${ids.length === 1 ? 'a box' : `${ids.length} boxes`}`
  return {
    kind: 'run',
    number: ev.number,
    base: ev.baseRef,
    request: { kind: 'tick', ids },
    by: ev.sender.login,
    how
  }
}

async function decideComment(ev: PrEvent, o: ControlOptions): Promise<ControlDecision> {
  const c = ev.comment
  if (!ev.onPullRequest || !c)
    return ignore(said`the comment is on issue #${ev.number}, not on a pull request`)
  const command = parseCommand(c.body)
  if (command === null) return ignore(said`the comment on #${ev.number} holds no /pdd-sync command`)
  if (ev.action !== 'created')
    return ignore(said`a comment that was ${ev.action || 'changed'} is not acted on`)
  if (isSelf(c.author, ev.prAuthor) || ev.sender.type === 'Bot')
    return ignore(said`the comment was written by the action's own identity or a bot (${c.author})`)
  if (!TRUSTED_ASSOCIATIONS.has(c.association))
    return ignore(
      said`${'@' + c.author} is ${c.association} on this repository; only people with write access may ask`
    )
  if (!o.api) return ignore(said`no token: the pull request the comment is on cannot be read`)
  const pr = await o.api.getPullRequest(ev.number)
  if (!isBotHead(pr.headRef, o.branch)) return ignore(said`pull request #${ev.number} is not the bot's`)
  // A fork may name its branch pdd-sync/main: its pull request is still not the bot's.
  if (fromElsewhere(pr.headRepo, o.repository))
    return ignore(
      said`pull request #${ev.number} is from a fork (${pr.headRepo ?? 'deleted'}), not the bot's`
    )
  if (pr.state !== 'open') return ignore(said`pull request #${ev.number} is closed`)
  if (command.kind === 'invalid')
    return ignore(said`the command is not understood: ${command.problem}`, {
      number: ev.number,
      body: `@${c.author} pdd-sync did not run: ${command.problem}.`
    })
  return { kind: 'run', number: ev.number, base: pr.baseRef, request: command, by: c.author, how: 'asked' }
}

/** Whether a pull request's head repository (null: deleted) is known and not `repository` (`owner/name`). */
function fromElsewhere(headRepo: string | null | undefined, repository: string | undefined): boolean {
  return repository !== undefined && headRepo !== undefined && headRepo !== repository
}

/** Why `login` may not start a run, or null when they have write access. */
async function permissionProblem(login: string, api: ControlApi | null): Promise<Said | null> {
  if (!api) return said`no token: the permission of ${login} cannot be checked`
  const p = await api.collaboratorPermission(login)
  if (WRITE.has(p.permission) || WRITE.has(p.role)) return null
  return said`${login} has ${p.role || p.permission} access; only people with write access may re-run units`
}

function ignore(why: Said, reply?: { number: number; body: string }): ControlDecision {
  const d = { kind: 'ignore' as const, reason: why.text, markdown: why.markdown }
  return reply ? { ...d, reply } : d
}

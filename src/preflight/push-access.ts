/**
 * Can the push token push the bot branch? Two cheap signals, before anything is paid for: a dry-run push
 * (`dryRunPush`: GitHub refuses a read-only token at that point), then the `permissions.push` the REST API
 * reports for a user token (a PAT). An installation token (`GITHUB_TOKEN`) has no meaningful `permissions`
 * (semantic-release/github `lib/verify.js` skips the same check for it), so the dry run decides alone then.
 * What cannot be decided does not block.
 */
import type { Git } from '../adapters/git.js'
import type { GitHub } from '../adapters/github.js'

/** What the push check needs. */
export interface PushAccessOptions {
  /** The repository, authenticated as the push token. */
  git: Git
  remote: string
  /** The commit the bot branch starts from. */
  commit: string
  branch: string
  /** The REST API as the push token, or null without a token or repository. */
  api: GitHub | null
  /** `owner/repo`, for messages. */
  repository?: string
  /** True when input `push-token` was given (else the push uses `token`). */
  pushTokenGiven: boolean
}

/** The decision. */
export type PushVerdict = { status: 'ok' | 'undecided'; note: string } | { status: 'fail'; message: string }

/** Decides whether the bot branch can be pushed (see the module comment). */
export async function checkPushAccess(o: PushAccessOptions): Promise<PushVerdict> {
  const dry = await o.git.dryRunPush(o.remote, o.commit, o.branch)
  if (!dry.ok)
    return { status: 'fail', message: refused(o, `a dry-run push failed: ${firstLines(dry.stderr)}`) }
  if (!o.api)
    return { status: 'undecided', note: 'a dry-run push was accepted; no API to ask for permissions.' }
  let push: boolean | undefined
  try {
    push = await o.api.pushPermission()
  } catch (e) {
    return {
      status: 'undecided',
      note: `a dry-run push was accepted; the API did not answer: ${(e as Error).message}`
    }
  }
  if (push === true) return { status: 'ok', note: 'the token has push access (dry-run push and API agree).' }
  if (push === undefined || (await o.api.isInstallationToken()))
    return {
      status: 'ok',
      note: 'a dry-run push was accepted (the API reports no permissions for this token).'
    }
  return {
    status: 'fail',
    message: refused(
      o,
      `GET /repos/${o.repository ?? '{owner}/{repo}'} reports permissions.push = false for the token`
    )
  }
}

function refused(o: PushAccessOptions, why: string): string {
  const token = o.pushTokenGiven
    ? 'The token of input "push-token"'
    : 'The token (input "token", by default GITHUB_TOKEN)'
  return (
    `${token} cannot push the bot branch ${o.branch} to ${o.remote}: ${why}. Give the job ` +
    '`permissions: contents: write` (a GITHUB_TOKEN is read-only by default in newer repositories and ' +
    'organizations), or set input "push-token" to a token that can push (a fine-grained PAT or GitHub App token ' +
    'with Contents: write). Nothing was installed or spent.'
  )
}

/** The first lines of git's stderr, on one line. */
function firstLines(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map(l => l.trim())
    .filter(Boolean)
  return lines.slice(0, 3).join(' ') || 'no message'
}

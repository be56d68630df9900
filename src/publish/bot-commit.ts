import type { CommitInfo, Identity } from '../adapters/git.js'
import { TRAILER } from '../execute/commit-message.js'

/**
 * How a commit on the bot branch is known to be the action's (docs/architecture.md "Bot commits"): by the git
 * trailers every commit the action makes carries, and, for commits made before the trailers existed, by the
 * old way — author and committer are the bot, and the subject is `pdd-sync: <basename> (<languages>): …`.
 */

/** GitHub's committer of the commits it creates (and signs) through the API or the web interface. */
export const WEB_FLOW: Identity = { name: 'GitHub', email: 'noreply@github.com' }

/** A bot commit's group, read from its trailers or, for an old commit, its subject. */
export interface BotCommit {
  basename: string
  /** `<basename> (<languages>)`. */
  name: string
  /** Every unit it holds failed (kept by keep-partial): it supersedes nothing and is not carried. */
  partial: boolean
}

const GROUP = /^(.+) \(([^)]*)\)$/
const OLD_SUBJECT = /^pdd-sync: (.+) \(([^)]*)\): .*$/
const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*):[ \t]*(.*)$/

/** The trailers of a message (its last paragraph's `Key: value` lines), values per key in order. */
export function trailersOf(message: string): Map<string, string[]> {
  const paragraphs = message
    .replace(/\r\n/g, '\n')
    .trimEnd()
    .split(/\n[ \t]*\n/)
  const last = paragraphs.length > 1 ? (paragraphs[paragraphs.length - 1] ?? '') : ''
  const out = new Map<string, string[]>()
  for (const line of last.split('\n')) {
    const m = TRAILER_LINE.exec(line.trim())
    if (!m?.[1]) continue
    const key = m[1].toLowerCase()
    out.set(key, [...(out.get(key) ?? []), (m[2] ?? '').trim()])
  }
  return out
}

const get = (t: Map<string, string[]>, name: string): string[] => t.get(name.toLowerCase()) ?? []

/** Whether the message carries the run trailer, the mark of a commit the action made. */
export function hasBotTrailer(message: string): boolean {
  return get(trailersOf(message), TRAILER.run).some(v => v !== '')
}

/**
 * The group a bot commit holds: from `PDD-Sync-Group` (partial when every `PDD-Sync-Unit` is also a
 * `PDD-Sync-Partial`), else from an old commit's subject (partial when it ends in `[partial]`); null when
 * it names no group (not a unit commit, or not the bot's).
 */
export function botCommitOf(c: Pick<CommitInfo, 'subject' | 'message'>): BotCommit | null {
  const t = trailersOf(c.message)
  const group = get(t, TRAILER.group)[0]
  if (group !== undefined && get(t, TRAILER.run).length > 0) {
    const m = GROUP.exec(group)
    if (!m?.[1]) return null
    const units = get(t, TRAILER.unit)
    const partial = new Set(get(t, TRAILER.partial))
    return {
      basename: m[1],
      name: group,
      partial: units.length > 0 && units.every(u => partial.has(u))
    }
  }
  const m = OLD_SUBJECT.exec(c.subject)
  if (!m?.[1]) return null
  return { basename: m[1], name: `${m[1]} (${m[2] ?? ''})`, partial: c.subject.endsWith('[partial]') }
}

/**
 * Whether a commit is someone else's work, not the bot's (emails compared case-insensitively):
 * - with the run trailer, it is the bot's when its committer is the bot (`bot`, the configured committer) or
 *   GitHub itself (a commit the API created and signed for `sign-commits`); a person who amends or
 *   cherry-picks a bot commit becomes its committer, so it is theirs;
 * - without it (a commit older than the trailers), it is the bot's only when author and committer are the bot.
 */
export function isHumanCommit(c: CommitInfo, bot: Identity): boolean {
  const email = bot.email.toLowerCase()
  const committer = c.committerEmail.toLowerCase()
  if (hasBotTrailer(c.message)) return committer !== email && committer !== WEB_FLOW.email
  return c.authorEmail.toLowerCase() !== email || committer !== email
}

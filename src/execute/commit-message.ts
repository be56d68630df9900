import {
  COMMIT_PLACEHOLDER,
  DEFAULT_COMMIT_MESSAGE,
  type CommitPlaceholder
} from '../settings/commit-inputs.js'
import { defuseReferences } from '../markdown.js'

export { DEFAULT_COMMIT_MESSAGE } from '../settings/commit-inputs.js'

/**
 * The message of a group's commit (docs/architecture.md "Bot commits"): the workflow's template (input
 * `commit-message`) with its placeholders filled, ` [partial]` after the subject when every unit it holds
 * failed, a line for each unit kept by keep-partial, then the trailers that make it known as the bot's.
 */

/** The trailer names, in the order they are written (the last paragraph of the message). */
export const TRAILER = {
  /** `<basename> (<languages>)`: the group the commit holds (one per commit). */
  group: 'PDD-Sync-Group',
  /** The id of each unit whose files the commit holds. */
  unit: 'PDD-Sync-Unit',
  /** The id of each unit the commit holds although it failed (keep-partial). */
  partial: 'PDD-Sync-Partial',
  /** The run that made the commit: the mark of a bot commit. */
  run: 'PDD-Sync-Run',
  /** What the group's sync cost, `$0.1234` or `unknown`. */
  cost: 'PDD-Sync-Cost'
} as const

/** One unit of the commit. */
export interface CommittedUnit {
  id: string
  language: string
  operations: readonly string[]
  /** Failed, kept by keep-partial: why it failed. */
  partialReason?: string
}

/** What the message says. */
export interface CommitMessageInput {
  basename: string
  /** Synced units first, then kept partial ones. */
  units: readonly CommittedUnit[]
  runId: string
  cost: number | null
  /** Input `commit-message`; default {@link DEFAULT_COMMIT_MESSAGE}. */
  template?: string
}

const oneLine = (s: string): string => s.replace(/[\r\n]+/g, ' ')

/** The whole commit message. */
export function renderCommitMessage(i: CommitMessageInput): string {
  const languages = i.units.map(u => u.language).join(', ')
  const operations = [...new Set(i.units.flatMap(u => u.operations))].join(', ') || 'sync'
  const group = `${i.basename} (${languages})`
  const values: Record<CommitPlaceholder, string> = {
    unit: group,
    basename: i.basename,
    languages,
    operations
  }
  const filled = (i.template ?? DEFAULT_COMMIT_MESSAGE)
    .replace(/\r\n/g, '\n')
    .replace(COMMIT_PLACEHOLDER, (all, name: string) =>
      name in values ? oneLine(values[name as CommitPlaceholder]) : all
    )
    .trimEnd()
  const [subject = '', ...rest] = filled.split('\n')
  const partialOnly = i.units.length > 0 && i.units.every(u => u.partialReason !== undefined)
  const body = rest.join('\n').trim()
  const kept = i.units
    .filter(u => u.partialReason !== undefined)
    .map(
      u =>
        `PARTIAL (failed, kept by keep-partial): ${u.id}: ${defuseReferences(oneLine(u.partialReason ?? ''))}`
    )
  const trailers = [
    `${TRAILER.group}: ${oneLine(group)}`,
    ...i.units.map(u => `${TRAILER.unit}: ${u.id}`),
    ...i.units.filter(u => u.partialReason !== undefined).map(u => `${TRAILER.partial}: ${u.id}`),
    `${TRAILER.run}: ${i.runId}`,
    `${TRAILER.cost}: ${i.cost === null ? 'unknown' : `$${i.cost.toFixed(4)}`}`
  ]
  const paragraphs = [
    `${subject}${partialOnly ? ' [partial]' : ''}`,
    ...(body ? [body] : []),
    ...(kept.length > 0 ? [kept.join('\n')] : []),
    trailers.join('\n')
  ]
  return `${paragraphs.join('\n\n')}\n`
}

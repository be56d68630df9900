import * as core from '@actions/core'
import { fenceWorkflowCommands } from '../trust/commands.js'
import type { FileRef, Reporter } from './reporter.js'

/**
 * Logs through `@actions/core`: warnings and errors become annotations (their text is escaped by `core`). A
 * message that would read as a workflow command (PDD's output relayed, a reason taken from it) is fenced with
 * `::stop-commands::` (trust/commands.ts), so it is shown and never run.
 */
export class ActionsReporter implements Reporter {
  readonly folds = true
  info(message: string): void {
    core.info(fenceWorkflowCommands(message))
  }
  notice(message: string, ref?: FileRef): void {
    core.notice(message, { file: ref?.file, title: ref?.title })
  }
  warning(message: string, ref?: FileRef): void {
    core.warning(message, { file: ref?.file, title: ref?.title })
  }
  error(message: string, ref?: FileRef): void {
    core.error(message, { file: ref?.file, title: ref?.title })
  }
  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return core.group(name, fn)
  }
}

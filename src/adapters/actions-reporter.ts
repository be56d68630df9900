import * as core from '@actions/core'
import type { FileRef, Reporter } from './reporter.js'

/** Logs through `@actions/core`: warnings and errors become annotations. */
export class ActionsReporter implements Reporter {
  info(message: string): void {
    core.info(message)
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

import { fenceWorkflowCommands, underActionsRunner } from '../trust/commands.js'
import type { Redactor } from '../trust/redact.js'

/** Annotation target. */
export interface FileRef {
  file?: string
  title?: string
}

/** Where the steps log to: the Actions log (with annotations and groups) or a terminal. */
export interface Reporter {
  info(message: string): void
  notice(message: string, ref?: FileRef): void
  warning(message: string, ref?: FileRef): void
  error(message: string, ref?: FileRef): void
  group<T>(name: string, fn: () => Promise<T>): Promise<T>
  /**
   * Whether `group` folds what it holds out of sight until opened (the Actions log does). A terminal shows a
   * group inline, so lines already printed live are not repeated in it (execute/live-log.ts).
   */
  readonly folds?: boolean
}

/**
 * Logs to a terminal: information to stderr so that stdout stays clean for `--json`. Run as a step of an Actions
 * job, a line that would read as a workflow command is fenced (trust/commands.ts), as the action's log is.
 */
export class ConsoleReporter implements Reporter {
  readonly folds = false
  private readonly write: (line: string) => void

  constructor(
    write: (line: string) => void = line => process.stderr.write(line + '\n'),
    private readonly quiet = false,
    fence = underActionsRunner()
  ) {
    this.write = fence ? line => write(fenceWorkflowCommands(line)) : write
  }
  info(message: string): void {
    if (!this.quiet) this.write(message)
  }
  notice(message: string, ref?: FileRef): void {
    this.write(`notice: ${ref?.file ? `${ref.file}: ` : ''}${message}`)
  }
  warning(message: string, ref?: FileRef): void {
    this.write(`warning: ${ref?.file ? `${ref.file}: ` : ''}${message}`)
  }
  error(message: string, ref?: FileRef): void {
    this.write(`error: ${ref?.file ? `${ref.file}: ` : ''}${message}`)
  }
  async group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    this.info(`== ${name}`)
    return fn()
  }
}

/**
 * A reporter that passes every message (annotation titles and file names included) through the redactor
 * before `inner` sees it: the one door of log lines, annotations and group names.
 */
export class RedactingReporter implements Reporter {
  readonly folds: boolean
  constructor(
    private readonly inner: Reporter,
    private readonly redactor: Redactor
  ) {
    this.folds = inner.folds === true
  }
  private ref(ref?: FileRef): FileRef | undefined {
    return (
      ref && {
        file: ref.file && this.redactor.redact(ref.file),
        title: ref.title && this.redactor.redact(ref.title)
      }
    )
  }
  info(message: string): void {
    this.inner.info(this.redactor.redact(message))
  }
  notice(message: string, ref?: FileRef): void {
    this.inner.notice(this.redactor.redact(message), this.ref(ref))
  }
  warning(message: string, ref?: FileRef): void {
    this.inner.warning(this.redactor.redact(message), this.ref(ref))
  }
  error(message: string, ref?: FileRef): void {
    this.inner.error(this.redactor.redact(message), this.ref(ref))
  }
  group<T>(name: string, fn: () => Promise<T>): Promise<T> {
    return this.inner.group(this.redactor.redact(name), fn)
  }
}

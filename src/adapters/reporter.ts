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
}

/** Logs to a terminal: information to stderr so that stdout stays clean for `--json`. */
export class ConsoleReporter implements Reporter {
  constructor(
    private readonly write: (line: string) => void = line => process.stderr.write(line + '\n'),
    private readonly quiet = false
  ) {}
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

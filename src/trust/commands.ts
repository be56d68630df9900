/**
 * Text the action did not write — PDD's output, the generated tests' output it relays, reasons taken from them —
 * must never act as a workflow command on the Actions runner (docs/architecture.md "Trust"). The runner reads
 * every line a step prints (stdout and stderr; a line ends at `\n` or `\r`) and runs it as a command when, after
 * leading blanks, it starts with `::` (`::set-output`, `::add-mask`, `::stop-commands`, …), or when it holds
 * `##[` anywhere (the legacy form, `##[set-output name=x;]y`). Such text is printed between
 * `::stop-commands::<token>` and `::<token>::`, with a random token the text cannot know, so the runner shows it
 * and runs none of it. Pure apart from the random token.
 */
import { randomUUID } from 'node:crypto'

/** A line the runner would read as a workflow command (either form). */
const COMMAND_LINE = /^[ \t]*::|##\[/m

/** The runner's line ends: `\r\n`, `\n` and a lone `\r` (.NET's `ReadLine`). */
const LINE_END = /\r\n|\r|\n/

/** Whether some line of `text` would be read by the runner as a workflow command. */
export function holdsWorkflowCommand(text: string): boolean {
  return text.split(LINE_END).some(line => COMMAND_LINE.test(line))
}

/**
 * `text` as it may be printed to the Actions log: unchanged when no line of it is a workflow command, else
 * between `::stop-commands::<token>` and `::<token>::` (`token` is random unless given, for tests).
 */
export function fenceWorkflowCommands(text: string, token: string = randomUUID()): string {
  if (!holdsWorkflowCommand(text)) return text
  return `::stop-commands::${token}\n${text}\n::${token}::`
}

/**
 * JSON text as it may be printed to the Actions log and still be parsed by a program: a JSON document has `#`
 * only inside strings and no line starting with `::`, so `##[` becomes `#\u0023[` (the same string once parsed).
 */
export function escapeJsonCommands(json: string): string {
  return json.replace(/##\[/g, '#\\u0023[')
}

/** Whether this process runs as a step of an Actions job (the runner reads its output for commands). */
export function underActionsRunner(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GITHUB_ACTIONS === 'true'
}

/**
 * What the command line prints (its table or JSON on stdout, its last error on stderr): under an Actions
 * runner, JSON with `##[` escaped (still the same document) and text fenced; elsewhere as is.
 */
export function forStdout(text: string, json: boolean, env: NodeJS.ProcessEnv = process.env): string {
  if (!underActionsRunner(env)) return text
  return json ? escapeJsonCommands(text) : fenceWorkflowCommands(text)
}

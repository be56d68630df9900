/**
 * What the Actions runner would run of a step's output: a model of `ActionCommandManager.TryProcessCommand` in
 * actions/runner (`ActionCommand.TryParseV2` — a line that starts with `::` after leading blanks — then the
 * legacy `ActionCommand.TryParse` — `##[command props]data` anywhere in a line — and `::stop-commands::<token>`
 * until a line `::<token>::`). Lines end at `\r\n`, `\n` or a lone `\r`, as .NET's `ReadLine` splits them.
 */

/** The commands the runner knows (a line naming another is not a command). */
const REGISTERED = new Set([
  'add-mask',
  'add-matcher',
  'remove-matcher',
  'add-path',
  'set-env',
  'set-output',
  'save-state',
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
  'echo',
  'stop-commands'
])

/** One line the runner would run as a command. */
export interface RunnerCommand {
  command: string
  /** What follows the command and its properties (`::cmd props::data`, `##[cmd props]data`). */
  data: string
  line: string
}

function parse(line: string): RunnerCommand | null {
  const v2 = line.trimStart()
  if (v2.startsWith('::')) {
    const end = v2.indexOf('::', 2)
    const name = end < 0 ? '' : (v2.slice(2, end).split(' ')[0] ?? '')
    if (REGISTERED.has(name.toLowerCase()))
      return { command: name.toLowerCase(), data: v2.slice(end + 2), line }
  }
  const at = line.indexOf('##[')
  const close = at < 0 ? -1 : line.indexOf(']', at)
  if (close < 0) return null
  const name = line.slice(at + 3, close).split(' ')[0] ?? ''
  return REGISTERED.has(name.toLowerCase())
    ? { command: name.toLowerCase(), data: line.slice(close + 1), line }
    : null
}

/** The lines of `output` the runner would run as workflow commands, in order (`stop-commands` itself left out). */
export function runnerCommands(output: string): RunnerCommand[] {
  const run: RunnerCommand[] = []
  let stopToken: string | null = null
  for (const line of output.split(/\r\n|\r|\n/)) {
    if (stopToken !== null) {
      if (line.trim().toLowerCase() === `::${stopToken}::`.toLowerCase()) stopToken = null
      continue
    }
    const c = parse(line)
    if (c === null) continue
    if (c.command === 'stop-commands') {
      const token = line.trimStart().slice('::stop-commands::'.length).trim()
      if (token !== '') stopToken = token
      continue
    }
    run.push(c)
  }
  return run
}

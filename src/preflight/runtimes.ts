/**
 * The executables PDD runs for a language (docs/architecture.md "Runtimes"), from its language table: the
 * `run_command` it runs examples with (crash, verify) and the `run_test_command` it runs tests with. Python
 * needs none: PDD runs both with its own interpreter (`sys.executable`, pytest in the venv). Pure.
 */
import { rowFor } from '../discover/languages.js'

/** npm tools the action installs itself (`npx <tool>`); other executables must be on PATH. */
export const PROVIDED_NPX_TOOLS: readonly string[] = ['tsx']

/** One executable a language needs. */
export interface RuntimeNeed {
  /** The executable looked up on PATH (`go`, `npx`). */
  executable: string
  /** The command of PDD's table it comes from (`go test -v {file}`). */
  command: string
  /** The npm tool run through `npx`, when the action provides it (`tsx`). */
  npxTool?: string
}

/** The setup step that puts an executable on a GitHub runner's PATH. */
const SETUP: Readonly<Record<string, string>> = {
  node: 'actions/setup-node',
  npx: 'actions/setup-node',
  go: 'actions/setup-go',
  java: 'actions/setup-java',
  kotlin: 'actions/setup-java with a Kotlin install (e.g. fwilhe2/setup-kotlin)',
  cargo: 'dtolnay/rust-toolchain',
  dotnet: 'actions/setup-dotnet',
  ruby: 'ruby/setup-ruby',
  php: 'shivammathur/setup-php',
  swift: 'swift-actions/setup-swift',
  dart: 'dart-lang/setup-dart',
  Rscript: 'r-lib/actions/setup-r',
  julia: 'julia-actions/setup-julia',
  elixir: 'erlef/setup-beam',
  escript: 'erlef/setup-beam',
  zig: 'mlugg/setup-zig',
  lua: 'leafo/gh-actions-lua',
  runhaskell: 'haskell-actions/setup',
  perl: 'shogo82148/actions-setup-perl',
  pwsh: 'PowerShell (preinstalled on GitHub-hosted runners)',
  scala: 'coursier/setup-action',
  gfortran: 'fortran-lang/setup-fortran',
  deno: 'denoland/setup-deno'
}

/** The setup action (or step) that provides `executable`. */
export function setupFor(executable: string): string {
  return SETUP[executable] ?? `a setup step that installs \`${executable}\``
}

/**
 * What PDD runs for a unit of `language` (a plan language key such as `typescript`): each distinct executable
 * of its run and test commands. Python, and languages whose commands are empty, need nothing.
 */
export function runtimeNeeds(language: string): RuntimeNeed[] {
  if (language.toLowerCase() === 'python') return []
  const row = rowFor(language)
  if (!row) return []
  const out: RuntimeNeed[] = []
  for (const command of [row.runCommand, row.runTestCommand]) {
    const need = needOf(command.trim())
    if (need && !out.some(n => n.executable === need.executable && n.npxTool === need.npxTool)) out.push(need)
  }
  return out
}

function needOf(command: string): RuntimeNeed | null {
  const [first, second] = command.split(/\s+/)
  if (!first || first.includes('{')) return null
  if (first === 'npx' && second && !second.startsWith('-'))
    return PROVIDED_NPX_TOOLS.includes(second)
      ? { executable: 'npx', command, npxTool: second }
      : { executable: 'npx', command }
  return { executable: first, command }
}

/** Whether any of `languages` runs an npm tool the action provides (so it must be installed first). */
export function npxToolsFor(languages: readonly string[]): string[] {
  const tools = languages.flatMap(l => runtimeNeeds(l).flatMap(n => (n.npxTool ? [n.npxTool] : [])))
  return [...new Set(tools)]
}

/**
 * Why a unit of `language` cannot sync on this runner, or null when it can: the first needed executable that
 * `onPath` does not find, with the command PDD would run and the setup action that provides it.
 */
export function missingRuntime(language: string, onPath: (executable: string) => boolean): string | null {
  for (const need of runtimeNeeds(language)) {
    if (onPath(need.executable)) continue
    return (
      `\`${need.executable}\` is not on PATH: PDD runs \`${need.command}\` for ${language}; ` +
      `add ${setupFor(need.executable)} before this action`
    )
  }
  return null
}

/**
 * What PDD printed about a failed step (pdd-cli 0.0.310), for the reason a checklist shows when PDD's Details
 * cell holds a file's source instead: the command that could not run (`npx canceled …`, `go: not found`), a
 * "… failed: …" message (`Agentic verify fallback failed: No agent providers are available …`), the failing
 * test's assertion, or the last error line. Pure.
 */
import { clipLine } from './reason.js'

const LANGUAGE = /^\s*🚀 Syncing for language: (\S+?)\.\.\.\s*$/
const PHASE = /^\s*PDD_PHASE: (\S+)\s*$/
const TABLE = /PDD Sync Complete|^\s*┏/

/** Patterns in the order they are preferred: the most actionable first. */
const PREFERRED: readonly RegExp[] = [
  // A command that could not run.
  /npx canceled due to missing packages.*$/,
  /(?:^|\s)(?:sh|bash|\/bin\/sh)(?::\s*\d+)?:\s*(\S+: (?:command )?not found)/,
  /\b(\S+): command not found/,
  /spawn \S+ ENOENT/,
  /No such file or directory: '[^']+'/,
  // A step's own failure message.
  /\b(?:Agentic|agentic) [\w ]*? failed: .+$/,
  /\bNo agent(?:ic)? (?:CLI )?providers? .+$/,
  // A failing assertion or an error raised by the program or test.
  /\b(?:AssertionError|assert\.\w+)\b.*$/,
  /\b[A-Z]\w*(?:Error|Exception)\b: .+$/,
  /^\s*(?:Error|error|ERROR): .+$/
]

/**
 * Per language, the most actionable failure line PDD printed in the section of its last step (stdout) or, when
 * that holds none, in stderr. Languages are keyed lower-case; '' holds what came before any language line.
 */
export function stepErrors(stdout: readonly string[], stderr: readonly string[]): Record<string, string> {
  const sections = lastStepSections(stdout)
  const out: Record<string, string> = {}
  const fromErr = bestLine(stderr)
  for (const [language, lines] of Object.entries(sections)) {
    const best = bestLine(lines) ?? fromErr
    if (best) out[language] = best
  }
  if (Object.keys(out).length === 0 && fromErr) out[''] = fromErr
  return out
}

/** For each language, the lines after its last `PDD_PHASE:` marker, up to the next language or the table. */
function lastStepSections(lines: readonly string[]): Record<string, string[]> {
  const sections: Record<string, string[]> = {}
  let language = ''
  let done = false
  for (const line of lines) {
    if (TABLE.test(line)) done = true
    const lang = LANGUAGE.exec(line)?.[1]
    if (lang) {
      language = lang.toLowerCase()
      done = false
      sections[language] = []
      continue
    }
    if (PHASE.test(line)) {
      sections[language] = []
      continue
    }
    if (!done) (sections[language] ??= []).push(line)
  }
  return sections
}

/** The first preferred pattern's last match in `lines`, cleaned to one line. */
export function bestLine(lines: readonly string[]): string | null {
  const plain = lines.map(l => l.replace(/[│╭╮╰╯─┃]/g, ' ').trim()).filter(l => l !== '')
  for (const re of PREFERRED) {
    for (let i = plain.length - 1; i >= 0; i--) {
      const m = re.exec(plain[i] as string)
      if (!m) continue
      const text = m[1] && re.source.includes('not found') ? m[1] : m[0]
      return clipLine(text.replace(/^npm error\s+/, ''), 200)
    }
  }
  return null
}

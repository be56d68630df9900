/** Turning what PDD printed into the one-line reason a checklist shows. Pure. */

/**
 * One readable line from whatever PDD printed: escape codes removed, control characters dropped, a text that
 * is mostly binary or a multi-line source file replaced by a sentence saying so, long text clipped.
 */
export function cleanReason(s: string, max = 240): string {
  const text = s
    // eslint-disable-next-line no-control-regex -- ANSI CSI and OSC sequences
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]/g, '')
  // eslint-disable-next-line no-control-regex -- what no readable reason contains
  const junk = text.match(/[\x00-\x08\x0e-\x1f\x7f\ufffd]/g)?.length ?? 0
  if (text.length > 0 && junk / text.length > 0.1)
    return 'PDD printed unreadable (binary) output instead of a reason'
  // eslint-disable-next-line no-control-regex -- dropped, as a terminal would not show them either
  const visible = text.replace(/[\x00-\x08\x0b-\x1f\x7f\ufffd]/g, '')
  const lines = visible.split('\n').filter(l => l.trim() !== '')
  if (lines.length >= 5 && looksLikeSource(visible.split('\n')))
    return 'PDD gave no reason, only file contents: see the pdd sync log of this unit'
  const one = clipLine(visible, max)
  return one === '' ? 'PDD reported no reason' : one
}

/** Wrapped prose fills its lines; source has blank lines, indentation or code-shaped lines. */
export function looksLikeSource(lines: string[]): boolean {
  if (lines.length < 2) return /^\s*(import |from \S+ import |def |class |#!)/.test(lines[0] ?? '')
  const code =
    /^\s*(import |from \S+ import |def |class |@\w|#|\/\/|const |let |function |export |package |fn |use )/
  return lines.some(l => l.trim() === '' || /^\s{2,}\S/.test(l) || code.test(l))
}

/** A checklist line stays readable: long reasons are cut at a word boundary. */
export function clipLine(s: string, max = 240): string {
  const t = oneLine(s)
  if (t.length <= max) return t
  const cut = t.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max * 0.6))}…`
}

/** Whitespace runs (newlines too) become one space. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim()
}

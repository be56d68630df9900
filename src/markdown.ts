/**
 * Escaping for text that comes from outside (PDD's reasons, file names, notices) and is put into GitHub Markdown:
 * the plan summary and the run summary tables, the checklist and its notes. One home, so every table cell escapes
 * the same way. Pure.
 */

/**
 * Inline text: no HTML can open (so no `<!--` can swallow a marker and no `-->` can close one), and `@name` does
 * not mention anyone.
 */
export function escapeInline(s: string): string {
  return s
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@(?=\w)/g, '@\u200b')
}

/** Whitespace and control characters, newlines included, collapsed to single spaces; trimmed. */
export function flatten(s: string): string {
  // Most text has only single spaces between words: then trimming is all there is to do (no new string per run).
  // eslint-disable-next-line no-control-regex
  if (!/[^\S ]|[\u0000-\u001f\u007f]| {2}/.test(s)) return s.trim()
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim()
}

/**
 * One Markdown table cell: one line; `|` cannot end the cell; a backtick cannot open a code span (inside one the
 * HTML escapes would show as written); backslashes stay literal; plus {@link escapeInline}.
 */
export function mdCell(s: string): string {
  return escapeInline(flatten(s).replace(/[\\`]/g, c => `\\${c}`)).replace(/\|/g, '\\|')
}

/** `s` as an inline code span, with a fence longer than any run of backticks inside. */
export function codeSpan(s: string): string {
  const runs = s.match(/`+/g) ?? []
  const fence = '`'.repeat(Math.max(0, ...runs.map(r => r.length)) + 1)
  const pad = s.startsWith('`') || s.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${s}${pad}${fence}`
}

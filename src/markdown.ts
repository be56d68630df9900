/**
 * Escaping for text that comes from outside (PDD's reasons, file names, notices) and is put into GitHub Markdown:
 * the plan summary and the run summary tables, the checklist and its notes. One home, so every table cell escapes
 * the same way. Pure.
 */

/**
 * A closing keyword before an issue or pull request URL (`fixes https://github.com/o/r/issues/5`): GitHub closes
 * that issue when the pull request (or a commit saying it) is merged.
 */
const CLOSING_URL = /\b(close[sd]?|fix(?:e[sd])?|resolve[sd]?)(?=:?\s+https?:\/\/\S+\/(?:issues|pull)\/\d)/gi

/**
 * Text from outside (a reason PDD printed, a generated test's output) as GitHub must not act on it: no `#12`,
 * `GH-12` or `owner/repo#12` reference (linked, cross-referenced in that timeline, and closed on merge
 * after `fixes`), no closing keyword before an issue URL. A zero-width space breaks each; the text reads the same.
 */
export function defuseReferences(s: string): string {
  if (!/#\d|GH-\d|\/(?:issues|pull)\/\d/i.test(s)) return s
  return s
    .replace(/#(?=\d)/g, '#\u200b')
    .replace(/\b(GH)-(?=\d)/gi, '$1-\u200b')
    .replace(CLOSING_URL, m => `${m[0]}\u200b${m.slice(1)}`)
}

/**
 * Inline text: no HTML can open (so no `<!--` can swallow a marker and no `-->` can close one), `@name` does
 * not mention anyone, and no issue reference or closing keyword acts ({@link defuseReferences}).
 */
export function escapeInline(s: string): string {
  return defuseReferences(
    s
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/@(?=\w)/g, '@\u200b')
  )
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

/** A sentence the action composes, as plain text (logs) and as Markdown (summaries). */
export interface Said {
  text: string
  markdown: string
}

/**
 * Tag for a sentence the action composes around outside values: its own words and references (`#${number}`)
 * stay as written, so they stay links; every interpolated string is flattened and escaped inline
 * ({@link escapeInline}) in the Markdown form. Numbers are the action's (an event's pull request number); a
 * {@link Said} value is nested as it is.
 */
export function said(words: TemplateStringsArray, ...values: (string | number | Said)[]): Said {
  let text = words[0] ?? ''
  let markdown = text
  values.forEach((v, i) => {
    const rest = words[i + 1] ?? ''
    if (typeof v === 'object') {
      text += v.text + rest
      markdown += v.markdown + rest
      return
    }
    text += String(v) + rest
    markdown += (typeof v === 'number' ? String(v) : escapeInline(flatten(v))) + rest
  })
  return { text, markdown }
}

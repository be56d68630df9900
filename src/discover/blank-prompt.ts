/**
 * A prompt with no text (empty, or only blanks and line ends). pdd-cli 0.0.310 refuses to generate from it
 * before any LLM call (`code_generator.py`: "Prompt must be a non-empty string", raised when `prompt.strip()` is
 * empty), so its sync can only fail: it is skipped with this reason, and pdd is neither installed nor started
 * for it.
 */

/**
 * What Python's `str.strip()` removes (`str.isspace`): JavaScript's `\s` lacks the separators U+001C–U+001F and
 * U+0085, and has the byte order mark, which Python keeps (pdd reads it as text and generates from it).
 */
// eslint-disable-next-line no-control-regex -- the separators U+001C–U+001F are blanks to Python
const BLANK = /^[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/u

/** Why `text` is no prompt pdd can sync (it holds no text), or null. */
export function blankPromptReason(text: string): string | null {
  if (!BLANK.test(text)) return null
  return `the prompt is ${text.length === 0 ? 'empty' : 'blank'}: pdd refuses to generate code from it ("Prompt must be a non-empty string"); write what the code should do`
}

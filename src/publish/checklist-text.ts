/**
 * Small pure text helpers for the checklist and the job summary: sizes in code points and UTF-8 bytes, cutting
 * without splitting a surrogate pair, and escaping text that comes from PDD (reasons) or from file names.
 */
import { codeSpan, escapeInline, flatten, mdCell } from '../markdown.js'

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

/** Length of the code point starting at `i` in UTF-16 units (2 for a valid surrogate pair, else 1). */
function unitAt(s: string, i: number): number {
  return isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)) ? 2 : 1
}

/** Code points in `s`, as GitHub counts a pull request body (`[...s].length`, without the array). */
export function codePoints(s: string): number {
  let n = 0
  for (let i = 0; i < s.length; i += unitAt(s, i)) n++
  return n
}

/** UTF-8 bytes of `s`, as GitHub counts a job summary. */
export function utf8Bytes(s: string): number {
  let n = 0
  for (let i = 0; i < s.length;) {
    const w = unitAt(s, i)
    n += bytesAt(s, i, w)
    i += w
  }
  return n
}

function bytesAt(s: string, i: number, w: number): number {
  const c = s.charCodeAt(i)
  return w === 2 ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3
}

/** The longest prefix of `s` whose size (by `size` per code point) is at most `max`. */
function prefix(s: string, max: number, size: (s: string, i: number, w: number) => number): string {
  let used = 0
  let i = 0
  while (i < s.length) {
    const w = unitAt(s, i)
    const n = size(s, i, w)
    if (used + n > max) break
    used += n
    i += w
  }
  return s.slice(0, i)
}

/** The first `max` code points of `s`. */
export function sliceCodePoints(s: string, max: number): string {
  return prefix(s, max, () => 1)
}

/** The longest prefix of `s` of at most `max` UTF-8 bytes. */
export function sliceBytes(s: string, max: number): string {
  return prefix(s, max, bytesAt)
}

/** `s` cut to at most `max` code points, ending in `…` when cut. */
export function truncate(s: string, max: number): string {
  if (max < 1) return ''
  if (s.length <= max || codePoints(s) <= max) return s
  return sliceCodePoints(s, max - 1) + '…'
}

/**
 * One line of at most `max` code points: whitespace and control characters collapse to single spaces. Very long
 * input is cut before collapsing, so a megabyte of log in a reason costs no more than a short one.
 */
export function oneLine(s: string, max: number): string {
  let head = s.length > max * 4 + 16 ? s.slice(0, max * 4 + 16) : s
  if (head !== s && isHigh(head.charCodeAt(head.length - 1))) head = head.slice(0, -1)
  const flat = flatten(head)
  return truncate(head === s ? flat : `${flat}…`, max)
}

/** Text from outside (a reason, a notice) for inline Markdown: see `escapeInline`. */
export const escapeText = escapeInline

/** A basename, language or operation for inline Markdown: text escaping plus the characters that format. */
export function escapeName(s: string): string {
  return escapeText(oneLine(s, 300)).replace(/[\\`*[\]#|]/g, c => `\\${c}`)
}

/** Text for one Markdown table cell of at most `max` code points: see `mdCell`. */
export function cell(s: string, max = 1000): string {
  return mdCell(oneLine(s, max))
}

export { codeSpan }

/** One POSIX shell word: as is when safe, else single-quoted. */
export function shellWord(s: string): string {
  return /^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

/** Dollars as the checklist shows them: `$0.42`; amounts under a cent keep four decimals (`$0.0031`). */
export function dollars(x: number): string {
  return x === 0 || Math.abs(x) >= 0.01 ? `$${x.toFixed(2)}` : `$${x.toFixed(4)}`
}

/** Seconds as `12.3 s` or `3m 05s`. */
export function duration(seconds: number): string {
  if (seconds < 60) return `${seconds.toFixed(1)} s`
  const total = Math.round(seconds)
  return `${Math.floor(total / 60)}m ${String(total % 60).padStart(2, '0')}s`
}

/** A count with thousands separators, the same on every machine. */
export function count(n: number): string {
  return n.toLocaleString('en-US')
}

/** `n unit` / `n units`. */
export function units(n: number, noun = 'unit'): string {
  return `${count(n)} ${noun}${n === 1 ? '' : 's'}`
}

/** A URL safe inside `[text](url)`. */
export function linkUrl(url: string): string {
  return url.replace(/[\s()<>]/g, c => encodeURIComponent(c))
}

/**
 * Small re-implementations of Python standard-library behaviour that PDD's path logic depends on
 * (`fnmatch`, `str.strip`, `str.rstrip(chars)`, code-point string ordering, `os.path.normpath`).
 * Pure functions: PDD's rules only match when these details match too.
 */

const PY_WHITESPACE = new Set([
  ' ',
  '\t',
  '\n',
  '\r',
  '\x0b',
  '\x0c',
  '\x1c',
  '\x1d',
  '\x1e',
  '\x1f',
  '\x85',
  '\xa0',
  '\u1680',
  '\u2000',
  '\u2001',
  '\u2002',
  '\u2003',
  '\u2004',
  '\u2005',
  '\u2006',
  '\u2007',
  '\u2008',
  '\u2009',
  '\u200a',
  '\u2028',
  '\u2029',
  '\u202f',
  '\u205f',
  '\u3000'
])

/** Python `str.strip()` (its whitespace set differs from `String.prototype.trim`). */
export function pyStrip(s: string): string {
  // Nothing to strip (the common case): whitespace is never half of a surrogate pair, so code units suffice.
  if (s === '' || (!PY_WHITESPACE.has(s[0] as string) && !PY_WHITESPACE.has(s[s.length - 1] as string)))
    return s
  const chars = [...s]
  let start = 0
  let end = chars.length
  while (start < end && PY_WHITESPACE.has(chars[start] as string)) start++
  while (end > start && PY_WHITESPACE.has(chars[end - 1] as string)) end--
  return chars.slice(start, end).join('')
}

/** Python `str.rstrip(chars)`: strips any trailing character contained in `chars` (a set, not a suffix). */
export function rstripChars(s: string, chars: string): string {
  let end = s.length
  while (end > 0 && chars.includes(s[end - 1] as string)) end--
  return s.slice(0, end)
}

/** Python's default `str` ordering: by Unicode code point (JS `<` compares UTF-16 code units). */
export function comparePy(a: string, b: string): number {
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i)
    const y = b.charCodeAt(i)
    if (x === y) continue
    // A surrogate half stands for a code point above U+FFFF, which sorts after every BMP character.
    const xs = x >= 0xd800 && x <= 0xdfff
    const ys = y >= 0xd800 && y <= 0xdfff
    if (xs !== ys) return xs ? 1 : -1
    return x < y ? -1 : 1
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1
}

// Code units from the first surrogate up: only with one of these can `<` disagree with code-point order.
const NOT_PLAIN = /[\uD800-\uFFFF]/

/**
 * Sorts `items` in place by `key` in Python's order ({@link comparePy}). When no key has a code unit from
 * U+D800 up, the native `<` orders them the same (and much faster on thousands of units).
 */
export function sortByPy<T>(items: T[], key: (item: T) => string): T[] {
  if (items.some(i => NOT_PLAIN.test(key(i)))) return items.sort((a, b) => comparePy(key(a), key(b)))
  return items.sort((a, b) => {
    const x = key(a)
    const y = key(b)
    return x < y ? -1 : x > y ? 1 : 0
  })
}

/**
 * Sorts `list` in place with {@link comparePy}. Lists of one or two (most here) are ordered directly: `sort`
 * copies into a scratch buffer on every call. Both orders agree, as the sort is stable.
 */
export function sortPy(list: string[]): string[] {
  if (list.length === 2) {
    const a = list[0] as string
    const b = list[1] as string
    if (comparePy(a, b) > 0) {
      list[0] = b
      list[1] = a
    }
  } else if (list.length > 2 && list.length <= 8) {
    // A few names (most include lists): insertion, stable like `sort`, without the scratch copy it makes.
    for (let i = 1; i < list.length; i++) {
      const v = list[i] as string
      let j = i - 1
      while (j >= 0 && comparePy(list[j] as string, v) > 0) {
        list[j + 1] = list[j] as string
        j--
      }
      list[j + 1] = v
    }
  } else if (list.length > 8) list.sort(comparePy)
  return list
}

/** Approximates Python `str.casefold()` for the comparisons PDD makes (ß → ss, ſ → s, …). */
export function casefold(s: string): string {
  return s.toLowerCase().toUpperCase().toLowerCase()
}

const fnmatchCache = new Map<string, RegExp>()

/** Python `fnmatch.fnmatch` on POSIX (case-sensitive; `*` also matches `/`). */
export function fnmatch(name: string, pattern: string): boolean {
  let re = fnmatchCache.get(pattern)
  if (re === undefined) {
    re = new RegExp(`^${translate(pattern)}$`, 'u')
    fnmatchCache.set(pattern, re)
  }
  return re.test(name)
}

/** Port of `fnmatch.translate` (Python 3.12), emitting a JS regex body. */
function translate(pat: string): string {
  let out = ''
  const chars = [...pat]
  let i = 0
  while (i < chars.length) {
    const c = chars[i++] as string
    if (c === '*') {
      while (chars[i] === '*') i++
      out += '[\\s\\S]*'
    } else if (c === '?') {
      out += '[\\s\\S]'
    } else if (c === '[') {
      const cls = bracket(chars, i)
      if (cls === null) out += '\\['
      else {
        out += cls.re
        i = cls.next
      }
    } else out += escapeRe(c)
  }
  return out
}

function bracket(chars: string[], start: number): { re: string; next: number } | null {
  let j = start
  if (chars[j] === '!') j++
  if (chars[j] === ']') j++
  while (j < chars.length && chars[j] !== ']') j++
  if (j >= chars.length) return null
  let stuff = chars.slice(start, j).join('')
  if (stuff === '') return { re: '(?!)', next: j + 1 }
  if (stuff === '!') return { re: '[\\s\\S]', next: j + 1 }
  stuff = stuff.replace(/[\\[\]]/g, m => `\\${m}`)
  if (stuff.startsWith('!')) stuff = '^' + stuff.slice(1)
  else if (stuff.startsWith('^')) stuff = '\\' + stuff
  return { re: `[${stuff}]`, next: j + 1 }
}

function escapeRe(c: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(c) ? `\\${c}` : c
}

const NOT_NORMAL = /(?:^|\/)\.{1,2}(?:\/|$)|\/\/|\/$/

/** POSIX `os.path.normpath` for `/`-separated paths (keeps a leading `/`, resolves `.`/`..` lexically). */
export function normpath(p: string): string {
  // Most paths are already normal: no empty, `.` or `..` part and no trailing slash.
  if (p === '.' || (p !== '' && !NOT_NORMAL.test(p))) return p
  if (p === '') return '.'
  const abs = p.startsWith('/')
  const parts: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop()
      else if (!abs) parts.push('..')
      continue
    }
    parts.push(part)
  }
  const body = parts.join('/')
  if (abs) return '/' + body
  return body === '' ? '.' : body
}

/** `os.path.join` for POSIX strings: an absolute later part restarts the path. */
export function pjoin(...parts: string[]): string {
  let out = ''
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string
    if (part.startsWith('/')) out = part
    else if (out === '' || out.endsWith('/')) out += part
    else out += '/' + part
  }
  return out
}

/** Lexical `pathlib` parts of a relative or absolute POSIX path (no empty or `.` parts). */
export function pathParts(p: string): string[] {
  const parts = p.split('/')
  // Filtered only when some part is empty or `.` (most paths have none): no second array per call.
  for (let i = 0; i < parts.length; i++) {
    const x = parts[i] as string
    if (x === '' || x === '.') return parts.filter(y => y !== '' && y !== '.')
  }
  return parts
}

/** `Path(p).stem` for a file name. */
export function stemOf(name: string): string {
  const leaf = name.slice(name.lastIndexOf('/') + 1)
  const dot = leaf.lastIndexOf('.')
  return dot > 0 && dot < leaf.length - 1 ? leaf.slice(0, dot) : leaf
}

/** `Path(p).suffix` for a file name (`''` when none). */
export function suffixOf(name: string): string {
  const leaf = name.slice(name.lastIndexOf('/') + 1)
  const dot = leaf.lastIndexOf('.')
  return dot > 0 && dot < leaf.length - 1 ? leaf.slice(dot) : ''
}

/** Python's `f'{x:.1f}'`: like `toFixed(1)` but exact ties (x = k.25, k.75) round half to even. */
export function pyFixed1(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  const quarter = x * 4
  let text = x.toFixed(1)
  if (Number.isInteger(quarter) && quarter % 2 !== 0) {
    const scaled = x * 10
    const floor = Math.floor(scaled)
    text = ((floor % 2 === 0 ? floor : floor + 1) / 10).toFixed(1)
  }
  const negative = x < 0 || Object.is(x, -0)
  return negative && !text.startsWith('-') ? `-${text}` : text
}

/** Python's `str(bool)`. */
export function pyBool(value: boolean): string {
  return value ? 'True' : 'False'
}

/** Python's `bisect.bisect_left` over code-unit-ordered strings: the first index whose item is not below `v`. */
export function bisectLeft(sorted: readonly string[], v: string): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] as string) < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

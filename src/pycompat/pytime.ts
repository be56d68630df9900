/**
 * Python 3.12's `datetime.fromisoformat`, for the forms PDD's timestamps use. Pure.
 */

/** Result of Python 3.12 `datetime.fromisoformat`: microseconds since 1970 (UTC when aware). */
export interface PyDatetime {
  aware: boolean
  micros: bigint
}

/**
 * The same instant in Numbers, exact without BigInt: whole seconds since 1970 (at most about 3.2e11 in magnitude
 * for years 1 to 9999, far inside 2^53) and the microseconds past them (0 to 999,999).
 */
export interface PyInstant {
  aware: boolean
  secs: number
  micro: number
}

/** A clock `HH[:MM[:SS[.f…]]]` (or basic): whole seconds and microseconds. */
interface Clock {
  secs: number
  micro: number
}

const TIME_EXT = /^(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?$/
const TIME_BASIC = /^(\d{2})(?:(\d{2})(?:(\d{2})(?:[.,](\d+))?)?)?$/

function parseClock(text: string): Clock | null {
  const m = TIME_EXT.exec(text) ?? TIME_BASIC.exec(text)
  if (!m) return null
  const [h, min, s] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)]
  if (h > 23 || min > 59 || s > 59) return null
  return { secs: (h * 60 + min) * 60 + s, micro: fraction(m[4] ?? '') }
}

/** Python keeps the first six digits of a fraction of a second, as microseconds. */
const fraction = (digits: string): number => Number(digits.slice(0, 6).padEnd(6, '0'))

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

function parseDate(text: string): { days: number; length: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})/.exec(text)
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  const monthDays = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]
  if (y < 1 || monthDays === undefined || d < 1 || d > monthDays) return null
  return { days: daysFromCivil(y, mo, d), length: m[0].length }
}

/**
 * The forms of `datetime.fromisoformat` (after PDD's `.replace('Z', '+00:00')`) that PDD's timestamps use:
 * calendar dates (extended or basic), any one-character separator, `HH[:MM[:SS[.f…]]]` (or basic), and an
 * offset `±HH[:MM[:SS[.f]]]`. Returns null where Python raises ValueError; week dates are not supported.
 */
export function parsePythonIsoDatetime(raw: string): PyDatetime | null {
  const t = parsePythonIsoInstant(raw)
  return t && { aware: t.aware, micros: BigInt(t.secs) * 1_000_000n + BigInt(t.micro) }
}

/** {@link parsePythonIsoDatetime} as a {@link PyInstant}: what the planner compares, once per unit. */
export function parsePythonIsoInstant(raw: string): PyInstant | null {
  const text = raw.includes('Z') ? raw.replaceAll('Z', '+00:00') : raw
  return commonForm(text) ?? anyForm(text)
}

/** Whether `a` is later than `b` (both aware or both naive). */
export function isLater(a: PyInstant, b: PyInstant): boolean {
  return a.secs > b.secs || (a.secs === b.secs && a.micro > b.micro)
}

function anyForm(text: string): PyInstant | null {
  const date = parseDate(text)
  if (!date) return null
  const midnight = date.days * 86_400
  const rest = Array.from(text.slice(date.length))
  if (rest.length === 0) return { aware: false, secs: midnight, micro: 0 }
  const timeAndZone = rest.slice(1).join('')
  const zoneAt = timeAndZone.search(/[+-]/)
  const clock = parseClock(zoneAt < 0 ? timeAndZone : timeAndZone.slice(0, zoneAt))
  if (clock === null) return null
  if (zoneAt < 0) return { aware: false, secs: midnight + clock.secs, micro: clock.micro }
  const offset = parseClock(timeAndZone.slice(zoneAt + 1))
  if (offset === null || offset.secs >= 86_400) return null
  const sign = timeAndZone[zoneAt] === '-' ? -1 : 1
  return instant(true, midnight + clock.secs - sign * offset.secs, clock.micro - sign * offset.micro)
}

/** Seconds and a microsecond count in -999,999 to 1,999,999, carried into 0 to 999,999. */
function instant(aware: boolean, secs: number, micro: number): PyInstant {
  if (micro < 0) return { aware, secs: secs - 1, micro: micro + 1_000_000 }
  if (micro >= 1_000_000) return { aware, secs: secs + 1, micro: micro - 1_000_000 }
  return { aware, secs, micro }
}

/** The digits `text[from, from + count)` as a number, or -1 when one is not an ASCII digit. */
function digitsAt(text: string, from: number, count: number): number {
  let n = 0
  for (let i = from; i < from + count; i++) {
    const c = text.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

/**
 * The form PDD writes (`datetime.isoformat()`: `YYYY-MM-DDTHH:MM:SS[.ffffff][±HH:MM]`, `T` or a space) read
 * without regular expressions; null for anything else (or out of range), which {@link anyForm} then judges.
 */
function commonForm(text: string): PyInstant | null {
  const n = text.length
  if (n < 19 || text[4] !== '-' || text[7] !== '-' || text[13] !== ':' || text[16] !== ':') return null
  if (text[10] !== 'T' && text[10] !== ' ') return null
  // Plain constants, not destructured arrays: every timestamp of a plan passes here.
  const y = digitsAt(text, 0, 4)
  const mo = digitsAt(text, 5, 2)
  const d = digitsAt(text, 8, 2)
  const h = digitsAt(text, 11, 2)
  const mi = digitsAt(text, 14, 2)
  const s = digitsAt(text, 17, 2)
  if (
    y < 1 ||
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > 28 ||
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    s < 0 ||
    s > 59
  )
    return null
  let i = 19
  let micro = 0
  if (text[i] === '.') {
    let end = i + 1
    while (end < n && digitsAt(text, end, 1) >= 0) end++
    if (end === i + 1) return null
    micro = fraction(text.slice(i + 1, end))
    i = end
  }
  const secs = daysFromCivil(y, mo, d) * 86_400 + (h * 60 + mi) * 60 + s
  if (i === n) return { aware: false, secs, micro }
  if (n !== i + 6 || (text[i] !== '+' && text[i] !== '-') || text[i + 3] !== ':') return null
  const [oh, om] = [digitsAt(text, i + 1, 2), digitsAt(text, i + 4, 2)]
  if (oh < 0 || oh > 23 || om < 0 || om > 59) return null
  const offset = (oh * 60 + om) * 60
  return { aware: true, secs: text[i] === '-' ? secs + offset : secs - offset, micro }
}

/**
 * Python 3.12's `datetime.fromisoformat`, for the forms PDD's timestamps use. Pure.
 */

/** Result of Python 3.12 `datetime.fromisoformat`: microseconds since 1970 (UTC when aware). */
export interface PyDatetime {
  aware: boolean
  micros: bigint
}

const TIME_EXT = /^(\d{2})(?::(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?$/
const TIME_BASIC = /^(\d{2})(?:(\d{2})(?:(\d{2})(?:[.,](\d+))?)?)?$/

function parseClock(text: string): bigint | null {
  const m = TIME_EXT.exec(text) ?? TIME_BASIC.exec(text)
  if (!m) return null
  const [h, min, s] = [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)]
  if (h > 23 || min > 59 || s > 59) return null
  const micro = Number((m[4] ?? '').slice(0, 6).padEnd(6, '0'))
  return BigInt((h * 60 + min) * 60 + s) * 1_000_000n + BigInt(micro)
}

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
  const text = raw.replaceAll('Z', '+00:00')
  const date = parseDate(text)
  if (!date) return null
  const midnight = BigInt(date.days) * 86_400_000_000n
  const rest = Array.from(text.slice(date.length))
  if (rest.length === 0) return { aware: false, micros: midnight }
  const timeAndZone = rest.slice(1).join('')
  const zoneAt = timeAndZone.search(/[+-]/)
  const clock = parseClock(zoneAt < 0 ? timeAndZone : timeAndZone.slice(0, zoneAt))
  if (clock === null) return null
  if (zoneAt < 0) return { aware: false, micros: midnight + clock }
  const offset = parseClock(timeAndZone.slice(zoneAt + 1))
  if (offset === null || offset >= 86_400_000_000n) return null
  const signed = timeAndZone[zoneAt] === '-' ? -offset : offset
  return { aware: true, micros: midnight + clock - signed }
}

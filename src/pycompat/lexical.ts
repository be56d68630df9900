/**
 * Lexical path operations for the resolvers' hot paths. Node's `path` functions walk strings character by
 * character in JavaScript, which dominates discovery before the JIT warms up; paths here are nearly always
 * absolute and normal, so these answer with native string searches and fall back to `path` otherwise.
 */
import * as path from 'node:path'

/** `path.resolve`, skipped for paths that are already absolute and normal (the common case here). */
export function absolute(p: string): string {
  return isNormalAbsolute(p) ? p : path.resolve(p)
}

/** True when `path.resolve(p)` would return `p` unchanged (conservatively: a `/.` anywhere says no). */
export function isNormalAbsolute(p: string): boolean {
  return p.startsWith('/') && !p.includes('//') && !p.includes('/.') && (p.length === 1 || !p.endsWith('/'))
}

/** `path.join(dir, name)` for a directory entry's name (never `.`/`..`), by concatenation when `dir` is normal. */
export function joinName(dir: string, name: string): string {
  if (!isNormalAbsolute(dir) || name === '' || name === '.' || name === '..' || name.includes('/'))
    return path.join(dir, name)
  return dir === '/' ? `/${name}` : `${dir}/${name}`
}

/** `path.relative(from, to)`, by slicing when `to` is `from` or lies below it and both are normal. */
export function relativeTo(from: string, to: string): string {
  if (isNormalAbsolute(from) && isNormalAbsolute(to)) {
    if (to === from) return ''
    if (from === '/') return to.slice(1)
    if (to.length > from.length && to.charCodeAt(from.length) === 47 && to.startsWith(from))
      return to.slice(from.length + 1)
  }
  return path.relative(from, to)
}

/** `path.dirname(p)`: for an absolute path without trailing or doubled slash there, everything before the leaf. */
export function parentOf(p: string): string {
  const slash = p.lastIndexOf('/')
  if (slash > 0 && slash < p.length - 1 && p.charCodeAt(slash - 1) !== 47 && p.charCodeAt(0) === 47)
    return p.slice(0, slash)
  if (slash === 0 && p.length > 1) return '/'
  return path.dirname(p)
}

/** `path.basename(p)`: without a trailing slash, everything after the last one. */
export function leafName(p: string): string {
  return p === '' || p.endsWith('/') ? path.basename(p) : p.slice(p.lastIndexOf('/') + 1)
}

/** `path.extname(p)`: from the last `.` of the leaf, unless that `.` starts it (or the leaf is `..`). */
export function extName(p: string): string {
  if (p === '' || p.endsWith('/')) return path.extname(p)
  const leaf = p.slice(p.lastIndexOf('/') + 1)
  const dot = leaf.lastIndexOf('.')
  return dot <= 0 || leaf === '..' ? '' : leaf.slice(dot)
}

/** `p.startsWith(dir + "/")` without building that string (the resolvers ask it for every path they check). */
export function isBelow(p: string, dir: string): boolean {
  return p.length > dir.length && p.charCodeAt(dir.length) === 47 && p.startsWith(dir)
}

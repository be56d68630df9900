/**
 * Minimal glob matching for unit selection (`workflow_dispatch` input `units`): `*` (not `/`), `**` (any depth),
 * `?`, `{a,b}` and `[…]`. Pure; no file system.
 */
export function globToRegExp(glob: string): RegExp {
  let re = ''
  let i = 0
  let braces = 0
  while (i < glob.length) {
    const c = glob[i] as string
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/'
        re += slash ? '(?:.*/)?' : '.*'
        i += slash ? 3 : 2
        continue
      }
      re += '[^/]*'
    } else if (c === '?') re += '[^/]'
    else if (c === '{') {
      braces++
      re += '(?:'
    } else if (c === '}' && braces > 0) {
      braces--
      re += ')'
    } else if (c === ',' && braces > 0) re += '|'
    else if (c === '[') {
      const end = glob.indexOf(']', i + 1)
      if (end < 0) re += '\\['
      else {
        re +=
          '[' +
          glob
            .slice(i + 1, end)
            .replace(/^!/, '^')
            .replace(/\\/g, '\\\\') +
          ']'
        i = end
      }
    } else re += c.replace(/[.+^$()|\\\]]/g, '\\$&')
    i++
  }
  return new RegExp(`^${re}$`)
}

/** Whether any of the globs matches any of the names. */
export function matchesAny(globs: readonly RegExp[], names: readonly string[]): boolean {
  return globs.some(g => names.some(n => g.test(n)))
}

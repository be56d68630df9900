/**
 * Minimal glob matching for unit selection (input `units`, on every trigger; kept rather than picomatch, whose
 * defaults differ: leading dots, extglobs, backslash escapes; see README "Inputs"): `*` (not `/`), `**` (any depth),
 * `?`, `{a,b}` (nested too) and `[…]`. Unbalanced braces are literal characters. Pure; no file system.
 */
export function globToRegExp(glob: string): RegExp {
  const literalBraces = !bracesBalance(glob)
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
    else if (c === '{' && !literalBraces) {
      braces++
      re += '(?:'
    } else if (c === '}' && braces > 0) {
      braces--
      re += ')'
    } else if (c === ',' && braces > 0) re += '|'
    else if (c === '[' && glob.indexOf(']', i + 2) > 0) {
      const end = glob.indexOf(']', i + 2)
      const body = glob.slice(i + 1, end)
      re += '[' + (/^[!^]/.test(body) ? '^' + escapeClass(body.slice(1)) : escapeClass(body)) + ']'
      i = end
    } else re += c.replace(/[.+^$(){}|\\[\]]/g, '\\$&')
    i++
  }
  return new RegExp(`^${re}$`)
}

/** {@link globToRegExp}, or why the glob cannot be used (e.g. a reversed range `[z-a]`). */
export function compileGlob(glob: string): RegExp | { error: string } {
  try {
    return globToRegExp(glob)
  } catch (e) {
    return { error: `"${glob}" is not a usable glob (${(e as Error).message})` }
  }
}

function bracesBalance(glob: string): boolean {
  let depth = 0
  for (const c of glob) {
    if (c === '{') depth++
    else if (c === '}' && --depth < 0) return false
  }
  return depth === 0
}

function escapeClass(body: string): string {
  return body.replace(/[\\\]^]/g, '\\$&')
}

/** Whether any of the globs matches any of the names. */
export function matchesAny(globs: readonly RegExp[], names: readonly string[]): boolean {
  return globs.some(g => names.some(n => g.test(n)))
}

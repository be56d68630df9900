import picomatch from 'picomatch/posix.js'

/**
 * Unit-glob matching (input `units` on every trigger, `/pdd-sync retry <glob>`) with picomatch; see README
 * "Inputs", `units`. Not PDD's `fnmatch` (src/pycompat), which ports Python's semantics for PDD fidelity.
 *
 * Options, chosen so that what a user writes keeps meaning what it meant with the hand-written matcher before:
 * - the POSIX build: unit ids, basenames and prompt paths always use `/`, whatever the runner's OS;
 * - `dot`: `*` and `**` match names starting with a dot (a unit under `.pdd-local/` is a unit like any other);
 * - `posix`: `[!a]` negates a class as in a shell (picomatch otherwise reads it as `!` or `a`), `[[:alpha:]]`;
 * - `noextglob`: `@(…)`, `+(…)`, `!(…)` are literal text; braces (`{a,b}`, nested, `{1..3}`) do alternatives, and
 *   `!(…)` could not mean "not this unit" anyway, since a unit is matched by any of its three names;
 * - `nonegate`: a leading `!` is a literal character, for the same reason (it would select the unit by another name);
 * - `strictBrackets` and `debug`: an unbalanced `{`, `[` or `(`, or a reversed range `[z-a]`, is an error that
 *   names the glob (picomatch otherwise returns a regular expression that matches nothing, without a word).
 * A backslash escapes the next character (`\(`, `\{`); `(`, `)` and `|` group as in a regular expression.
 */
const OPTIONS: picomatch.PicomatchOptions = {
  dot: true,
  posix: true,
  noextglob: true,
  nonegate: true,
  strictBrackets: true,
  debug: true
}

/**
 * At most this many `*` wildcards (a `**` globstar is not one). picomatch compiles each `*` to a lazy `[^/]*?`, and a
 * regular expression with k of them backtracks in the order of n^k steps on a name of n characters that almost
 * matches: `*a*a*a*b` took 1.5 s against one name of 200 `a`s, `*a*a*a*a*a*a*a*a*a*a*b` minutes. Three keep the
 * worst case in milliseconds for any real unit name; `/pdd-sync retry <glob>` comes from a comment.
 */
export const MAX_STARS = 3
/** At most this many characters in one glob. */
export const MAX_GLOB_LENGTH = 256

/** Why a glob is refused before it is compiled (too long, too many `*`), else null. */
function tooCostly(glob: string): string | null {
  if (glob.length > MAX_GLOB_LENGTH) return `longer than ${MAX_GLOB_LENGTH} characters`
  // Escaped characters are literal; a run of two or more `*` is a globstar (or one star, for picomatch).
  const stars = (glob.replace(/\\./g, '').match(/\*+/g) ?? []).filter(run => run.length === 1).length
  if (stars > MAX_STARS)
    return `${stars} "*" wildcards; at most ${MAX_STARS} are allowed, since each one multiplies the cost of matching`
  return null
}

/** The glob as a regular expression over a whole name, or why it cannot be used. Pure; no file system. */
export function compileGlob(glob: string): RegExp | { error: string } {
  const costly = tooCostly(glob)
  if (costly) return { error: `"${glob}" is not a usable glob (${costly})` }
  try {
    return picomatch.makeRe(glob, OPTIONS)
  } catch (e) {
    return { error: `"${glob}" is not a usable glob (${(e as Error).message})` }
  }
}

/** Whether any of the globs matches any of the names. */
export function matchesAny(globs: readonly RegExp[], names: readonly string[]): boolean {
  return globs.some(g => names.some(n => g.test(n)))
}

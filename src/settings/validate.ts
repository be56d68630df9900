/**
 * Pure checks of the ref-like and numeric values a workflow or a command line gives: each returns why the value
 * is refused (a sentence fragment the caller puts after the input's name), or null when it is fine. No I/O.
 */

/**
 * Why git would refuse `name` as a ref name (`git check-ref-format` rules, see git-check-ref-format(1)), or null.
 * Stricter than git where git's leniency only invites trouble: a component may not start with `-` either.
 */
export function refNameProblem(name: string): string | null {
  if (name === '') return 'is empty'
  if (name.length > 255) return 'is longer than 255 characters'
  // eslint-disable-next-line no-control-regex -- control characters are what git refuses
  const bad = /[\x00-\x20\x7f~^:?*[\\]/.exec(name)
  if (bad) return `contains ${describeChar(bad[0])}, which git does not allow in a ref name`
  if (name.includes('..')) return 'contains "..", which git does not allow in a ref name'
  if (name.includes('@{')) return 'contains "@{", which git does not allow in a ref name'
  if (name === '@') return 'is "@", which git does not allow as a ref name'
  if (name.startsWith('/') || name.endsWith('/') || name.includes('//'))
    return 'has an empty path component (a leading, trailing or double "/")'
  if (name.endsWith('.')) return 'ends with "."'
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `has a component starting with "." ("${part}")`
    if (part.endsWith('.lock')) return `has a component ending with ".lock" ("${part}")`
    if (part.startsWith('-')) return `has a component starting with "-" ("${part}"), which reads as an option`
  }
  return null
}

/** Why `name` is no branch name (`git check-ref-format --branch`: also not `HEAD`, not starting with `-`). */
export function branchNameProblem(name: string): string | null {
  if (name === 'HEAD') return 'is "HEAD", which is not a branch name'
  if (name.startsWith('-')) return 'starts with "-", which git reads as an option'
  if (name.startsWith('refs/')) return 'names a ref, not a branch (leave out "refs/…")'
  return refNameProblem(name)
}

/** Why `ref` is no notes ref (a full ref name under `refs/notes/`), or null. */
export function notesRefProblem(ref: string): string | null {
  if (!ref.startsWith('refs/notes/') || ref === 'refs/notes/') return 'is not under refs/notes/'
  return refNameProblem(ref)
}

/** Why `name` is no git remote name, or null. */
export function remoteNameProblem(name: string): string | null {
  if (name.startsWith('-')) return 'starts with "-", which git reads as an option'
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return 'must be a remote name such as origin'
  return refNameProblem(name)
}

/** Why `rev` is no commit id or plain ref a trigger can name (`--before`, `--after`), or null. */
export function revisionProblem(rev: string): string | null {
  if (/^[0-9a-f]{4,64}$/i.test(rev)) return null
  if (rev.startsWith('-')) return 'starts with "-", which git reads as an option'
  if (rev === 'HEAD') return null
  return refNameProblem(rev)
}

/**
 * The bot branch must be a branch of its own: pushing the bot commit onto the base, the checked-out branch or
 * `HEAD` would write past review (docs/architecture.md, "Trust"). `current` is the branch checked out in the workspace, if any.
 */
export function botBranchProblem(
  branch: string,
  o: { base: string; current?: string | null }
): string | null {
  const plain = branch.replace(/^refs\/heads\//, '')
  if (plain === 'HEAD') return 'is HEAD; the bot branch must be a branch of its own'
  if (plain === o.base.replace(/^refs\/heads\//, ''))
    return `is the base branch "${o.base}"; the bot branch must be a branch of its own (e.g. pdd-sync/${o.base})`
  if (o.current && plain === o.current)
    return `is the branch checked out in the workspace ("${o.current}"); the bot branch must be a branch of its own`
  return branchNameProblem(plain)
}

/** Prefix of the bot branches this action makes (`pdd-sync/<base>`). */
export const BOT_BRANCH_PREFIX = 'pdd-sync/'

/**
 * Why `base` cannot be a run's base, or null. A run started by an event on a bot branch or on the bot's own pull
 * request (a push workflow on every branch, `pull_request` on the bot PR) would take the bot branch as its base,
 * push `pdd-sync/pdd-sync/…` and open a pull request into the bot branch: the base is never a bot branch.
 */
export function botBaseProblem(base: string): string | null {
  const plain = base.replace(/^refs\/heads\//, '')
  if (!plain.startsWith(BOT_BRANCH_PREFIX)) return null
  return (
    `is a bot branch: this run was started by an event on the bot's own branch or pull request, and a run ` +
    `never starts from one. Guard the workflow with ` +
    `"if: \${{ !startsWith(github.head_ref || github.ref_name, '${BOT_BRANCH_PREFIX}') }}", or set the "base" input`
  )
}

/**
 * A decimal number as people write amounts (`5`, `0.5`, `.5`, `-1`, `+2.25`), or null. Hexadecimal (`0x10`),
 * exponents (`1e3`), `Infinity`, `NaN`, thousands separators and blank text are not numbers here, although
 * JavaScript's `Number()` accepts most of them: `0x10` must not become a $16 budget.
 */
export function parseDecimal(raw: string): number | null {
  const t = raw.trim()
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t)) return null
  const n = Number(t)
  return Number.isFinite(n) ? n : null
}

function describeChar(c: string): string {
  if (c === ' ') return 'a space'
  const code = c.charCodeAt(0)
  if (code < 0x20 || code === 0x7f) return `a control character (0x${code.toString(16).padStart(2, '0')})`
  return `"${c}"`
}

/** Splits on newlines and on commas outside `{…}`; trims; drops empty entries. */
export function splitGlobList(text: string): string[] {
  const out: string[] = []
  let depth = 0
  let cur = ''
  for (const c of text) {
    if (c === '{') depth++
    else if (c === '}' && depth > 0) depth--
    if (c === '\n' || (c === ',' && depth === 0)) {
      out.push(cur)
      cur = ''
      depth = c === '\n' ? 0 : depth
    } else cur += c
  }
  out.push(cur)
  return out.map(s => s.trim()).filter(Boolean)
}

/**
 * The files a prompt includes, found exactly as PDD's prompt hash finds them during `pdd sync`
 * (`sync_determine_operation._legacy_include_references`, `_safe_report_include`,
 * `_validated_report_live_includes`, `calculate_prompt_hash` with hash version 1). Pure: the file system is
 * consulted only through the `exists` callback.
 */
import { normpath, pyStrip, sortPy } from '../pycompat/pyfn.js'
import { isBelow } from '../pycompat/lexical.js'

/** What the callback reports about a repository-relative path (symlinks already judged by the caller). */
export type IncludeTarget = 'file' | 'missing' | 'other' | 'unsafe'

/** Inputs of {@link resolveIncludes}; every path is repository-relative with `/`. */
export interface IncludeInput {
  /** The prompt's text. */
  text: string
  /** The prompt file, e.g. `prompts/calc_python.prompt`. */
  promptPath: string
  /**
   * PDD's trusted hash root (`trusted_hash_root_for_paths`): the `.pddrc` directory above the prompt, else the
   * nearest ancestor holding `.pdd/`, else the `architecture.json` directory, else the CWD (`.`).
   */
  root?: string
  /** `file` for a regular file, `missing`, `other` (directory, device…), `unsafe` (a symlink hop leaves root). */
  exists: (path: string) => IncludeTarget | boolean
}

/** Resolved includes in PDD's hashing order, and the references that make PDD's hash fail. */
export interface IncludeResult {
  includes: string[]
  problems: string[]
  /** Declared includes (as written) no candidate of which exists: PDD hashes the prompt without them. */
  missing: string[]
}

// `\b` in Python's str regexes is Unicode-aware; JS `\b` is ASCII-only, hence the explicit look-ahead.
// `.` in Python (without DOTALL) only excludes `\n`; JS `.` also excludes `\r`, U+2028 and U+2029.
const XML_INCLUDE = /<include(?![\p{L}\p{N}_])[^>]*>([^\n]*?)<\/include>/gu
const BACKTICK_INCLUDE = /```<([^>]*?)>```/gu

/**
 * The raw declared paths of a prompt's include references, in PDD's order: every
 * `<include …>path</include>` (attributes allowed; the body must stay on one line), then every
 * ```` ```<path>``` ````. A self-closing `<include …/>` only counts when a `</include>` follows on the same line,
 * in which case PDD (and this port) take the text in between as the path.
 */
export function parseIncludeReferences(text: string): string[] {
  const out: string[] = []
  // Each pattern starts with a literal: without it in the text, the (slower, Unicode) scan cannot match.
  if (text.includes('<include')) collect(XML_INCLUDE, text, out)
  if (text.includes('```<')) collect(BACKTICK_INCLUDE, text, out)
  return out
}

/** Appends every match's first group, as `matchAll` finds them (neither pattern can match the empty string). */
function collect(re: RegExp, text: string, out: string[]): void {
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m[1] as string)
}

/**
 * Resolves a prompt's include references the way `pdd sync` hashes them: each declared path (stripped) is
 * tried against the prompt's directory, then against the trusted root; candidates outside the root are
 * passed over; missing files are skipped; the result is de-duplicated and sorted by declared text (code-point
 * order). Absolute paths, paths that only escape the root, non-regular files and unsafe symlinks make PDD raise
 * while hashing: they are returned as problems.
 */
export function resolveIncludes(input: IncludeInput): IncludeResult {
  const root = normpath(input.root ?? '.')
  const promptDir = parentOf(normpath(input.promptPath))
  const byDeclared = new Map<string, string>()
  const problems: string[] = []
  const missing: string[] = []
  const refs = parseIncludeReferences(input.text)
  for (let i = 0; i < refs.length; i++) {
    const declared = pyStrip(refs[i] as string)
    const outcome = resolveOne(declared, promptDir, root, input.exists)
    if (outcome !== null && typeof outcome === 'object') {
      if ('missing' in outcome) missing.push(declared)
      else problems.push(`${outcome.error}: ${declared === '' ? '(empty)' : declared}`)
    } else if (outcome !== null) byDeclared.set(declared, outcome)
  }
  const includes = sortPy([...byDeclared.keys()])
  // Rebuilt, as normalising used to: a declared path is a slice of the prompt's text, which it would keep alive.
  for (let i = 0; i < includes.length; i++)
    includes[i] = (byDeclared.get(includes[i] as string) as string).split('/').join('/')
  return { includes, problems, missing }
}

function resolveOne(
  declared: string,
  promptDir: string,
  root: string,
  exists: IncludeInput['exists']
): string | null | { error: string } | { missing: string } {
  if (declared.startsWith('/')) return { error: 'absolute include path is unsafe' }
  const nearPrompt = join(promptDir, declared)
  const underRoot = join(root, declared)
  const candidates = nearPrompt === underRoot ? [nearPrompt] : [nearPrompt, underRoot]
  let escaped = false
  let contained: string | null = null
  for (const candidate of candidates) {
    const normalized = normpath(candidate)
    if (!within(normalized, root)) {
      escaped = true
      continue
    }
    contained ??= normalized
    const kind = toTarget(exists(normalized))
    if (kind === 'missing') continue
    if (kind === 'unsafe') return { error: 'symlink include path is unsafe' }
    if (kind === 'other') return { error: 'non-regular include path' }
    return normalized
  }
  if (escaped && contained === null) return { error: 'include path escapes project' }
  return contained === null ? null : { missing: contained }
}

function toTarget(v: IncludeTarget | boolean): IncludeTarget {
  if (v === true) return 'file'
  if (v === false) return 'missing'
  return v
}

function join(dir: string, p: string): string {
  if (dir === '.' || dir === '') return p === '' ? '.' : p
  return p === '' ? dir : `${dir}/${p}`
}

function parentOf(p: string): string {
  const i = p.lastIndexOf('/')
  return i < 0 ? '.' : p.slice(0, i)
}

function within(p: string, root: string): boolean {
  if (root === '.') return p !== '..' && !p.startsWith('../') && !p.startsWith('/')
  return p === root || isBelow(p, root)
}

/** Inputs of {@link declaredIncludeTargets}; every path is repository-relative with `/`. */
export interface DeclaredIncludeInput {
  /** The prompt's text. */
  text: string
  /** The prompt file, e.g. `prompts/calc_python.prompt`. */
  promptPath: string
  /** PDD's trusted hash root (see {@link IncludeInput.root}); `.` (the CWD `pdd` runs in) is always tried too. */
  root?: string
}

/**
 * Every repository path a prompt's includes may name, whether or not the file exists yet: for dependency edges
 * only, never for the hash (which {@link resolveIncludes} ports). Each declared path (see
 * {@link parseDeclaredIncludes}) is resolved against every place PDD looks — the prompt's directory and the
 * trusted root (the hash), the CWD (`preprocess.get_file_path` when generating) — and kept when it stays inside
 * the repository. Absolute paths are left out. Sorted, without duplicates. No file system access.
 */
export function declaredIncludeTargets(input: DeclaredIncludeInput): string[] {
  const refs = parseDeclaredIncludes(input.text)
  if (refs.length === 0) return []
  // The prompt's folder, the trusted root and the CWD, each once (in that order).
  const bases = [parentOf(normpath(input.promptPath))]
  const root = normpath(input.root ?? '.')
  if (root !== bases[0]) bases.push(root)
  if (!bases.includes('.')) bases.push('.')
  const out: string[] = []
  let seen: Set<string> | null = null // only for a prompt with many includes
  for (let i = 0; i < refs.length; i++) {
    const declared = refs[i] as string
    if (declared.startsWith('/')) continue
    for (let j = 0; j < bases.length; j++) {
      const candidate = normpath(join(bases[j] as string, declared))
      if (candidate === '.' || !within(candidate, '.')) continue
      if (seen === null && out.length >= 16) seen = new Set(out)
      if (seen !== null ? seen.has(candidate) : out.includes(candidate)) continue
      out.push(candidate)
      seen?.add(candidate)
    }
  }
  return sortPy(out)
}

/**
 * The paths of every include form PDD's `preprocess` expands while generating (the grammar of
 * `sync_core.includes.parse_include_references`, without its Markdown code-span mask — an include shown
 * inside a code fence still counts, which at worst orders one unit more): `<include>path</include>` (the body
 * may span lines, the stripped path may not), a `path="…"` attribute on the body or self-closing form, every
 * comma- or line-separated item of `<include-many>…</include-many>`, and ```` ```<path>``` ````. Stripped,
 * non-empty, in no particular order; duplicates kept.
 */
export function parseDeclaredIncludes(text: string): string[] {
  const out: string[] = []
  if (text.includes('<include')) {
    scanXmlIncludes(text, out)
    scanIncludeMany(text, out)
  }
  if (text.includes('```<')) scanBacktickIncludes(text, out)
  return out
}

const TAG = '<include'
const CLOSE = '</include>'
const MANY_TAG = '<include-many'
const MANY_CLOSE = '</include-many>'
const PATH_ATTR = /([\p{L}\p{N}_]+)\s*=\s*["']([^"']*)["']/gu
// Python's `str.splitlines` boundaries.
// eslint-disable-next-line no-control-regex -- FS, GS and RS are line boundaries in Python
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/u

/** `_is_tag_boundary`: the tag name ends at whitespace, `>`, `/` or the end of the text. */
function tagBoundary(text: string, i: number): boolean {
  if (i >= text.length) return true
  const c = text[i] as string
  return c === '>' || c === '/' || pyStrip(c) === ''
}

function scanXmlIncludes(text: string, out: string[]): void {
  let closeMissing = false
  let cursor = 0
  for (;;) {
    const start = text.indexOf(TAG, cursor)
    if (start < 0) return
    const nameEnd = start + TAG.length
    if (!tagBoundary(text, nameEnd)) {
      cursor = nameEnd
      continue
    }
    const openEnd = text.indexOf('>', nameEnd)
    if (openEnd < 0) return
    let attrs = text.slice(nameEnd, openEnd)
    const trimmed = attrs.trimEnd()
    let declared: string
    if (trimmed.endsWith('/')) {
      attrs = trimmed.slice(0, -1)
      declared = pyStrip(pathAttr(attrs) ?? '')
      cursor = openEnd + 1
    } else {
      const close = closeMissing ? -1 : text.indexOf(CLOSE, openEnd + 1)
      if (close < 0) {
        // No `</include>` after this tag: none after any later one either.
        closeMissing = true
        cursor = openEnd + 1
        continue
      }
      declared = pyStrip(pathAttr(attrs) || text.slice(openEnd + 1, close))
      cursor = close + CLOSE.length
      if (/[<>\r\n]/.test(declared)) {
        cursor = openEnd + 1
        continue
      }
    }
    if (declared !== '') out.push(declared)
  }
}

/** The last `path="…"` attribute, as `_parse_attrs` (a dict) keeps it. */
function pathAttr(attrs: string): string | undefined {
  if (!attrs.includes('path')) return undefined
  let found: string | undefined
  PATH_ATTR.lastIndex = 0
  for (let m = PATH_ATTR.exec(attrs); m !== null; m = PATH_ATTR.exec(attrs)) if (m[1] === 'path') found = m[2]
  return found
}

function scanIncludeMany(text: string, out: string[]): void {
  let cursor = 0
  for (;;) {
    const start = text.indexOf(MANY_TAG, cursor)
    if (start < 0) return
    const nameEnd = start + MANY_TAG.length
    if (!tagBoundary(text, nameEnd)) {
      cursor = nameEnd
      continue
    }
    const openEnd = text.indexOf('>', nameEnd)
    if (openEnd < 0) return
    const close = text.indexOf(MANY_CLOSE, openEnd + 1)
    if (close < 0) return
    for (const line of text.slice(openEnd + 1, close).split(LINE_BREAK))
      for (const item of line.split(',')) {
        const declared = pyStrip(item)
        if (declared !== '') out.push(declared)
      }
    cursor = close + MANY_CLOSE.length
  }
}

function scanBacktickIncludes(text: string, out: string[]): void {
  let cursor = 0
  for (;;) {
    const start = text.indexOf('```<', cursor)
    if (start < 0) return
    const pathStart = start + 4
    const end = text.indexOf('>', pathStart)
    if (end < 0) return
    if (text.startsWith('```', end + 1)) {
      const declared = pyStrip(text.slice(pathStart, end))
      if (declared !== '' && !/[\r\n]/.test(declared)) out.push(declared)
      cursor = end + 4
    } else cursor = pathStart
  }
}

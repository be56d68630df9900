/**
 * Output-path rules shared by PDD's resolvers: `generate_output_paths.generate_output_paths` (one key),
 * `template_expander.expand_template`, `sync_determine_operation._expand_output_templates` and
 * `_reanchor_under_basename_subdir`. Paths are absolute POSIX strings; the file system is reached only through
 * the `isDir`/`realpath` callbacks.
 */
import { dotted } from '../languages.js'
import { normpath, pjoin } from '../../pycompat/pyfn.js'
import { isBelow } from '../../pycompat/lexical.js'

/** The `construct_paths` commands whose output paths sync uses. */
export type OutputCommand = 'sync' | 'example' | 'test'
/** Output keys: `sync` has three, `example`/`test` have `output`. */
export type OutputKey = 'generate_output_path' | 'test_output_path' | 'example_output_path' | 'output'

/** Per `<command>/<key>`: the default file-name pattern, the context key and the environment variable. */
interface OutputRule {
  /** `pre{basename}mid{ext}` */
  pattern: string
  pre: string
  mid: string
  contextKey: string
  envVar: string
}

const rule = (pattern: string, contextKey: string, envVar: string): OutputRule => {
  const [pre, rest] = pattern.split('{basename}') as [string, string]
  return { pattern, pre, mid: rest.slice(0, rest.indexOf('{ext}')), contextKey, envVar }
}

// Looked up by command, then key: no `<command>/<key>` string to build on every call.
const RULES: Record<OutputCommand, Partial<Record<OutputKey, OutputRule>>> = {
  sync: {
    generate_output_path: rule('{basename}{ext}', 'generate_output_path', 'PDD_GENERATE_OUTPUT_PATH'),
    test_output_path: rule('test_{basename}{ext}', 'test_output_path', 'PDD_TEST_OUTPUT_PATH'),
    example_output_path: rule('{basename}_example{ext}', 'example_output_path', 'PDD_EXAMPLE_OUTPUT_PATH')
  },
  example: { output: rule('{basename}_example{ext}', 'example_output_path', 'PDD_EXAMPLE_OUTPUT_PATH') },
  test: { output: rule('test_{basename}{ext}', 'test_output_path', 'PDD_TEST_OUTPUT_PATH') }
}

/** Inputs of {@link generateOutputPath}. */
export interface OutputPathInput {
  command: OutputCommand
  key: OutputKey
  basename: string
  /** Dotted extension (`.py`) or `''`. */
  ext: string
  /** The context's defaults, with `PDD_*_OUTPUT_PATH` values injected for keys the context lacks. */
  contextConfig: Record<string, unknown>
  env: Record<string, string | undefined>
  /** Real absolute CWD. */
  cwd: string
  /** Directory of the selected `.pddrc` (for `config_base` resolution). */
  configBase: string | null
  mode: 'cwd' | 'config_base'
  isDir: (abs: string) => boolean
}

/** `_get_default_filename`: the pattern applied to the leaf, with the basename's directory kept in front. */
export function defaultFilename(
  command: OutputCommand,
  key: OutputKey,
  basename: string,
  ext: string
): string {
  const slash = basename.lastIndexOf('/')
  const dirPrefix = slash < 0 ? '' : basename.slice(0, slash + 1)
  const name = basename.slice(slash + 1)
  const r = RULES[command][key] as OutputRule
  // `replace` expands `$` patterns in the replacement, and a `{` in the name could hold the first `{ext}`:
  // only then is the literal assembly below not what the two replacements produce.
  if (name.includes('$') || name.includes('{') || ext.includes('$'))
    return dirPrefix + r.pattern.replace('{basename}', name).replace('{ext}', ext)
  return dirPrefix + r.pre + name + r.mid + ext
}

/**
 * `generate_output_paths` for one key, as an absolute path. Order: `.pddrc` context value (a value ending in `/`
 * is "put files directly here": the basename's directory is dropped; an existing directory keeps it; anything
 * else is a file path), then the environment variable, then the default (`examples/` for `example`, else CWD).
 */
export function generateOutputPath(o: OutputPathInput): string {
  const r = RULES[o.command][o.key] as OutputRule
  const defaultName = defaultFilename(o.command, o.key, o.basename, o.ext)
  const contextPath = o.contextConfig[r.contextKey]
  const envPath = o.env[r.envVar]
  let finalPath: string
  if (typeof contextPath === 'string' && contextPath !== '') {
    const endsWithSlash = contextPath.endsWith('/')
    const p = anchorRelative(contextPath, o)
    if (endsWithSlash || o.isDir(p)) {
      const leaf = o.basename.slice(o.basename.lastIndexOf('/') + 1)
      finalPath = pjoin(p, endsWithSlash ? defaultFilename(o.command, o.key, leaf, o.ext) : defaultName)
    } else finalPath = p
  } else if (envPath !== undefined && envPath !== '') {
    const p = anchorRelative(envPath, o)
    finalPath = p.endsWith('/') || o.isDir(p) ? pjoin(p, defaultName) : p
  } else {
    finalPath = o.command === 'example' ? pjoin('examples', defaultName) : defaultName
  }
  return normpath(pjoin(o.cwd, finalPath))
}

function anchorRelative(p: string, o: OutputPathInput): string {
  if (p.startsWith('/')) return p
  if (o.mode === 'cwd') return pjoin(o.cwd, p)
  return o.configBase === null ? p : pjoin(o.configBase, p)
}

/** Placeholder values of an output template. */
export interface TemplateContext {
  name: string
  category: string
  dir_prefix: string
  ext: string
  language: string
}

/** `expand_template`: substitutes placeholders (incl. `name_snake/pascal/kebab`) and drops empty segments. */
export function expandTemplate(template: string, ctx: TemplateContext): string {
  let out = template
  // In PDD's order; a placeholder not in the text is skipped (its replacement would change nothing), and the
  // derived names are computed only when asked for.
  for (const [placeholder, value] of PLACEHOLDERS) {
    if (out.includes(placeholder)) out = replaceLiteral(out, placeholder, value(ctx))
  }
  if (out === '') return out
  // Empty segments dropped: a path without any (the usual case) is kept as is.
  const segmented =
    out.startsWith('/') || out.endsWith('/') || out.includes('//')
      ? out
          .split('/')
          .filter(p => p !== '')
          .join('/')
      : out
  return normpath(segmented)
}

/** Every occurrence of `find` in `s` replaced by `by`, taken literally (as Python's `str.replace`). */
function replaceLiteral(s: string, find: string, by: string): string {
  let at = s.indexOf(find)
  let out = ''
  let from = 0
  while (at >= 0) {
    out += s.slice(from, at) + by
    from = at + find.length
    at = s.indexOf(find, from)
  }
  return out + s.slice(from)
}

const PLACEHOLDERS: ReadonlyArray<readonly [string, (c: TemplateContext) => string]> = [
  ['{name}', c => c.name],
  ['{category}', c => c.category],
  ['{dir_prefix}', c => c.dir_prefix],
  ['{ext}', c => c.ext],
  ['{language}', c => c.language],
  ['{name_snake}', c => snake(c.name, '_')],
  ['{name_pascal}', c => pascal(c.name)],
  ['{name_kebab}', c => snake(c.name, '-')]
]

function snake(s: string, sep: string): string {
  if (s === '') return s
  return s.replace(/(?!^)(?=[A-Z])/g, sep).toLowerCase()
}

function pascal(s: string): string {
  if (s === '') return s
  return s
    .split(/[_\-\s]+/)
    .filter(p => p !== '')
    .map(titleCase)
    .join('')
}

/** Python `str.title()` for one word: upper-case after every non-letter, lower-case elsewhere. */
function titleCase(word: string): string {
  let out = ''
  let prevLetter = false
  for (const ch of word) {
    const letter = /\p{L}/u.test(ch)
    out += letter ? (prevLetter ? ch.toLowerCase() : ch.toUpperCase()) : ch
    prevLetter = letter
  }
  return out
}

/**
 * `_expand_output_templates`: expands the configured `outputs` templates (relative to the CWD unless absolute)
 * and fills missing artifacts with `<dir_prefix><name>.<ext>`, `examples/<name>_example.<ext>`,
 * `tests/test_<name>.<ext>`. `ext` is undotted here, as in PDD.
 */
export function expandOutputTemplates(opts: {
  basename: string
  language: string
  ext: string
  outputs: Record<string, unknown>
  promptPath: string
}): Record<'prompt' | 'code' | 'example' | 'test', string> & Record<string, string> {
  const parts = opts.basename.split('/')
  const name = parts[parts.length - 1] as string
  const category = parts.slice(0, -1).join('/')
  const dirPrefix = parts.length > 1 ? `${category}/` : ''
  const ctx: TemplateContext = {
    name,
    category,
    dir_prefix: dirPrefix,
    ext: opts.ext,
    language: opts.language
  }
  const result: Record<string, string> = {}
  for (const [artifact, config] of Object.entries(opts.outputs)) {
    if (typeof config !== 'object' || config === null || !('path' in config)) continue
    const raw: unknown = config.path
    const template = typeof raw === 'string' ? raw : JSON.stringify(raw)
    let expanded = expandTemplate(template, ctx)
    if (template.startsWith('/') && !expanded.startsWith('/')) expanded = `/${expanded}`
    result[artifact] = expanded === '' ? '.' : expanded
  }
  result.prompt ??= opts.promptPath
  result.code ??= `${dirPrefix}${name}${dotted(opts.ext)}`
  result.example ??= `examples/${name}_example${dotted(opts.ext)}`
  result.test ??= `tests/test_${name}${dotted(opts.ext)}`
  return result as Record<'prompt' | 'code' | 'example' | 'test', string> & Record<string, string>
}

/** `_leading_overlap`: how many leading `sub` parts `base` already provides (tail/head or common prefix). */
export function leadingOverlap(base: string[], sub: string[]): number {
  let tailHead = 0
  for (let k = Math.min(base.length, sub.length); k > 0; k--) {
    if (base.slice(-k).join('\0') === sub.slice(0, k).join('\0')) {
      tailHead = k
      break
    }
  }
  let common = 0
  for (let j = Math.min(base.length, sub.length); j > 0; j--) {
    if (base.slice(0, j).join('\0') === sub.slice(0, j).join('\0')) {
      common = j
      break
    }
  }
  return Math.max(tailHead, common)
}

/**
 * `_reanchor_under_basename_subdir`: inserts a path-qualified basename's directory into an output path unless
 * the path's directory (relative to the CWD) already provides it.
 */
export function reanchorUnderBasenameSubdir(
  absPath: string,
  basename: string,
  cwd: string,
  realpath: (p: string) => string | null
): string {
  if (!basename.includes('/')) return absPath
  const sub = basename
    .slice(0, basename.lastIndexOf('/'))
    .split('/')
    .filter(p => p !== '' && p !== '.' && p !== '..')
  if (sub.length === 0) return absPath
  const parent = absPath.slice(0, absPath.lastIndexOf('/')) || '/'
  const realParent = realpath(parent) ?? parent
  const realCwd = realpath(cwd) ?? cwd
  let baseParts: string[]
  if (realParent === realCwd) baseParts = []
  else if (isBelow(realParent, realCwd)) baseParts = realParent.slice(realCwd.length + 1).split('/')
  else baseParts = ['/', ...parent.split('/').filter(p => p !== '')]
  const remaining = sub.slice(leadingOverlap(baseParts, sub))
  if (remaining.length === 0) return absPath
  return `${parent === '/' ? '' : parent}/${remaining.join('/')}/${absPath.slice(absPath.lastIndexOf('/') + 1)}`
}

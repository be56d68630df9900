/**
 * `.pddrc` context selection, as PDD does it (`pdd/construct_paths.py` `_match_path_to_contexts`, `_detect_context`,
 * `detect_context_for_file`, `_detect_context_from_basename`, `_get_relative_basename`;
 * `sync_determine_operation._relative_basename_for_context` and its `sync_main` twin).
 */
import * as path from 'node:path'
import { fnmatch, rstripChars } from '../../pycompat/pyfn.js'
import type { PddrcConfig, PddrcContext } from './config.js'
import { isBelow } from '../../pycompat/lexical.js'

/** `pattern.rstrip('/**').rstrip('/*')`: Python strips a *set* of characters, not a suffix. */
export function patternBase(pattern: string): string {
  return rstripChars(rstripChars(pattern, '/*'), '/*')
}

/** `_extract_prefix_from_prompts_dir`: the part of `prompts_dir` after its `prompts` segment. */
export function extractPrefixFromPromptsDir(promptsDir: string): string {
  const parts = rstripChars(promptsDir, '/').split('/')
  const idx = parts.indexOf('prompts')
  return idx < 0 ? parts.join('/') : parts.slice(idx + 1).join('/')
}

/** `_match_path_to_contexts`: first (or most specific) non-default context whose `paths` glob matches. */
export function matchPathToContexts(
  pathStr: string,
  config: PddrcConfig,
  opts: { specific: boolean; absolute: boolean }
): string | null {
  const matches: Array<[string, number]> = []
  for (const ctx of config.contexts) {
    if (ctx.name === 'default') continue
    for (const pattern of ctx.paths) {
      const base = patternBase(pattern)
      const matched = opts.absolute
        ? fnmatch(pathStr, `*/${pattern}`) || fnmatch(pathStr, pattern) || pathStr.endsWith(`/${base}`)
        : fnmatch(pathStr, pattern) || isBelow(pathStr, base) || pathStr.startsWith(base)
      if (!matched) continue
      if (!opts.specific) return ctx.name
      matches.push([ctx.name, base.length])
    }
  }
  if (matches.length > 0) return longest(matches)
  return config.contexts.some(c => c.name === 'default') ? 'default' : null
}

/** `_detect_context(cwd)` without an override: the first context whose `paths` match the absolute CWD. */
export function detectContextForCwd(cwdAbs: string, config: PddrcConfig): string | null {
  return matchPathToContexts(cwdAbs, config, { specific: false, absolute: true })
}

/**
 * `detect_context_for_file`: the most specific context whose `prompts_dir` contains the file, else the most
 * specific `paths` match, else `default` (when defined). `relPath` is relative to the `.pddrc` directory.
 */
export function detectContextForFile(relPath: string, config: PddrcConfig): string | null {
  const byPromptsDir: Array<[string, number]> = []
  for (const ctx of config.contexts) {
    if (ctx.name === 'default') continue
    const pd = ctx.defaults.prompts_dir
    if (typeof pd !== 'string' || pd === '') continue
    const norm = rstripChars(pd, '/')
    if (isBelow(relPath, norm) || relPath === norm) byPromptsDir.push([ctx.name, norm.length])
  }
  if (byPromptsDir.length > 0) return longest(byPromptsDir)
  return matchPathToContexts(relPath, config, { specific: true, absolute: false })
}

/**
 * `_detect_context_from_basename`: longest match of a sync basename against each context's prompts_dir prefix
 * or `paths` globs; contexts whose prompts_dir is a nested `…/prompts` are probed on disk via `hasPrompt`.
 */
export function detectContextFromBasename(
  basename: string,
  config: PddrcConfig,
  hasPrompt: (dirAbs: string, namePart: string) => boolean
): string | null {
  if (basename === '') return null
  const matches: Array<[string, number]> = []
  const nested: Array<[string, string]> = []
  for (const ctx of config.contexts) {
    if (ctx.name === 'default') continue
    const pd = ctx.defaults.prompts_dir
    if (typeof pd === 'string' && pd !== '') {
      const prefix = extractPrefixFromPromptsDir(pd)
      if (prefix !== '' && (basename === prefix || isBelow(basename, prefix))) {
        matches.push([ctx.name, prefix.length])
        continue
      }
      const parts = rstripChars(pd, '/').split('/')
      if (prefix === '' && parts.length > 1 && parts[parts.length - 1] === 'prompts')
        nested.push([ctx.name, pd])
    }
    for (const pattern of ctx.paths) {
      const base = patternBase(pattern)
      if (fnmatch(basename, pattern) || isBelow(basename, base) || basename === base) {
        matches.push([ctx.name, base.length])
      }
    }
  }
  if (matches.length === 0) {
    const slash = basename.lastIndexOf('/')
    const dirPart = slash < 0 ? '' : basename.slice(0, slash)
    const namePart = basename.slice(slash + 1)
    for (const [name, pd] of nested) {
      const dir = path.resolve(config.dir, pd, dirPart)
      if (hasPrompt(dir, namePart)) matches.push([name, pd.length])
    }
  }
  return matches.length > 0 ? longest(matches) : null
}

/** `_get_relative_basename`: a path relative to the base of the `paths` glob that matched it. */
export function getRelativeBasename(input: string, pattern: string): string {
  const base = rstripChars(rstripChars(rstripChars(rstripChars(pattern, '/*'), '/*'), '*'), '/')
  if (isBelow(input, base)) return input.slice(base.length + 1)
  if (input.startsWith(base) && input.length > base.length) {
    const rest = input.slice(base.length)
    return rest.startsWith('/') ? rest.slice(1) : rest
  }
  if (input === base) return input.includes('/') ? (input.split('/').pop() as string) : input
  return input
}

/**
 * `_relative_basename_for_context`: the basename with the context's prompts_dir prefix or `paths` base removed
 * (longest match). `order` reproduces the two ports in PDD, which differ in how ties are broken:
 * sync_main checks `paths` first, sync_determine_operation checks `prompts_dir` first.
 */
export function relativeBasenameForContext(
  basename: string,
  ctx: PddrcContext | undefined,
  order: 'paths-first' | 'prompts-first'
): string {
  if (ctx === undefined) return basename
  const byPaths: Array<[number, string]> = []
  for (const pattern of ctx.paths) {
    const base = patternBase(pattern)
    if (fnmatch(basename, pattern) || isBelow(basename, base) || basename === base) {
      byPaths.push([base.length, getRelativeBasename(basename, pattern)])
    }
  }
  const byPrompts: Array<[number, string]> = []
  const pd = ctx.defaults.prompts_dir
  if (typeof pd === 'string' && pd !== '') {
    const prefix = extractPrefixFromPromptsDir(pd)
    if (prefix !== '' && (basename === prefix || isBelow(basename, prefix))) {
      const rel =
        basename === prefix ? (basename.split('/').pop() as string) : basename.slice(prefix.length + 1)
      byPrompts.push([prefix.length, rel])
    }
  }
  const all = order === 'paths-first' ? [...byPaths, ...byPrompts] : [...byPrompts, ...byPaths]
  if (all.length === 0) return basename
  return all.reduce((best, m) => (m[0] > best[0] ? m : best))[1]
}

/** Python's `sort(key=len, reverse=True)[0]`: the longest, first-listed on ties. */
function longest(matches: Array<[string, number]>): string {
  return matches.reduce((best, m) => (m[1] > best[1] ? m : best))[0]
}

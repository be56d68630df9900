/**
 * Prompt discovery through `.pddrc` contexts (`sync_main._find_prompt_in_contexts` and the template half of
 * `_detect_languages_with_context`): `outputs.prompt.path` templates, else a context's `prompts_dir`.
 */
import * as path from 'node:path'
import type { PddrcConfig, PddrcContext } from '../pddrc/config.js'
import { relativeBasenameForContext } from '../pddrc/contexts.js'
import { isKnownLanguage, rowFor, SYNC_LANGUAGES } from '../languages.js'
import { expandTemplate } from '../construct-paths/output-paths.js'
import type { PromptIndex } from '../prompt-index.js'
import type { Project } from '../project.js'
import { stemOf } from '../../pycompat/pyfn.js'
import { detectLanguages, pythonFirst, splitAmbiguous, type LangMatches } from './detect-languages.js'
import { parentOf } from '../../pycompat/lexical.js'

/** A prompt found through a context, or the candidates when PDD's pick depends on directory order. */
export type ContextHit =
  { context: string; path: string; lang: string } | { ambiguous: Map<string, string[]> }

/** The context's `outputs.prompt.path`, when it is a non-empty string. */
export function promptTemplate(ctx: PddrcContext): string | null {
  const outputs = ctx.defaults.outputs
  if (typeof outputs !== 'object' || outputs === null) return null
  const prompt = (outputs as Record<string, unknown>).prompt
  if (typeof prompt !== 'object' || prompt === null) return null
  const p = (prompt as Record<string, unknown>).path
  return typeof p === 'string' && p !== '' ? p : null
}

const resolvedDirs = new Map<string, Map<string, string>>()

/**
 * `path.resolve(dir, pd)`, kept: every unit's basename is tried against the same contexts. Keyed by the two
 * strings of the configuration as they are (no key built per call, whose hash would be computed every time).
 */
function resolvedPromptsDir(dir: string, pd: string): string {
  let byDir = resolvedDirs.get(dir)
  if (byDir === undefined) {
    if (resolvedDirs.size > 1_000) resolvedDirs.clear()
    resolvedDirs.set(dir, (byDir = new Map<string, string>()))
  }
  let abs = byDir.get(pd)
  if (abs === undefined) byDir.set(pd, (abs = path.resolve(dir, pd)))
  return abs
}

/** `_find_prompt_in_contexts`: the first non-default context (file order) that reaches a prompt for the basename. */
export function findPromptInContexts(
  project: Project,
  index: PromptIndex,
  config: PddrcConfig,
  basename: string
): ContextHit | null {
  for (const ctx of config.contexts) {
    if (ctx.name === 'default') continue
    const template = promptTemplate(ctx)
    if (template === null) {
      const pd = ctx.defaults.prompts_dir
      if (typeof pd !== 'string' || pd === '') continue
      const dir = resolvedPromptsDir(config.dir, pd)
      if (!project.view.isDir(dir)) continue
      const found = detectLanguages(project, index, basename, dir)
      const first = pythonFirst([...found.langs.keys(), ...found.ambiguous.keys()])[0]
      if (first === undefined) continue
      const file = found.langs.get(first)
      if (file === undefined) return { ambiguous: found.ambiguous }
      return { context: ctx.name, path: file, lang: first }
    }
    const parts = nameParts(relativeBasenameForContext(basename, ctx, 'paths-first'))
    for (const lang of SYNC_LANGUAGES) {
      if (!template.includes('{name}') && ctx.name !== basename) continue
      const file = lookup(
        project,
        path.join(config.dir, expandTemplate(template, { ...parts, ext: csvExt(lang), language: lang }))
      )
      if (file !== null) return { context: ctx.name, path: file, lang }
    }
  }
  return null
}

/**
 * The template half of `_detect_languages_with_context`: languages reachable through the context's
 * `outputs.prompt.path`, else its recursive fallback below the template's fixed prefix; null when the context
 * has no template or nothing was found (PDD then scans the prompts directory).
 */
export function templateLanguages(
  project: Project,
  index: PromptIndex,
  config: PddrcConfig,
  basename: string,
  contextName: string
): LangMatches | null {
  const ctx = config.contexts.find(c => c.name === contextName)
  const template = ctx === undefined ? null : promptTemplate(ctx)
  if (ctx === undefined || template === null) return null
  const parts = nameParts(relativeBasenameForContext(basename, ctx, 'paths-first'))
  const seen = new Map<string, string[]>()
  if (!template.includes('{language}') && !template.includes('{ext}')) {
    const full = path.join(config.dir, template)
    if (project.view.exists(full)) {
      const suffix = (stemOf(full).split('_').pop() as string).toLowerCase()
      seen.set(isKnownLanguage(suffix) ? suffix : 'python', [full])
      return splitAmbiguous(seen)
    }
  } else {
    for (const lang of SYNC_LANGUAGES) {
      const file = lookup(
        project,
        path.join(config.dir, expandTemplate(template, { ...parts, ext: csvExt(lang), language: lang }))
      )
      if (file !== null) seen.set(lang, [file])
    }
    if (seen.size > 0) return splitAmbiguous(seen)
  }
  const base = promptsBaseDir(template)
  if (base === null || !project.view.isDir(path.join(config.dir, base))) return null
  for (const file of index.globRecursive(path.join(config.dir, base), parts.name)) {
    const stem = stemOf(file)
    if (!stem.startsWith(`${parts.name}_`)) continue
    const lang = stem.slice(parts.name.length + 1)
    if (isKnownLanguage(lang) && lang.toLowerCase() !== 'llm') {
      seen.set(lang.toLowerCase(), [...(seen.get(lang.toLowerCase()) ?? []), file])
    }
  }
  return seen.size > 0 ? splitAmbiguous(seen) : null
}

function nameParts(contextBasename: string): { name: string; category: string; dir_prefix: string } {
  const parts = contextBasename === '' ? [''] : contextBasename.split('/')
  const category = parts.length > 1 ? parts.slice(0, -1).join('/') : ''
  return {
    name: parts[parts.length - 1] as string,
    category,
    dir_prefix: category === '' ? '' : `${category}/`
  }
}

/** `construct_paths.get_extension` as `_get_extension_safe` calls it: the CSV extension *with* its dot, or ''. */
function csvExt(lang: string): string {
  return rowFor(lang)?.extension ?? ''
}

/** `_case_insensitive_prompt_lookup`: the path if it exists, else a same-named (case-insensitive) sibling file. */
function lookup(project: Project, p: string): string | null {
  if (project.view.exists(p)) return p
  const lower = path.basename(p).toLowerCase()
  const hits = [...(project.view.list(parentOf(p))?.values() ?? [])]
    .filter(e => e.kind === 'file' && e.name.toLowerCase() === lower)
    .map(e => e.name)
    .sort()
  return hits[0] === undefined ? null : path.join(parentOf(p), hits[0])
}

/** `_extract_prompts_base_dir`: the template's fixed directory before its first placeholder. */
export function promptsBaseDir(template: string): string | null {
  const i = template.indexOf('{')
  if (i === -1) return path.posix.dirname(template)
  if (i === 0) return null
  const prefix = template.slice(0, i).replace(/\/+$/, '')
  return prefix === '' ? null : prefix
}

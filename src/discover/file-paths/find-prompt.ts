/**
 * `sync_determine_operation._find_prompt_file`: which prompt file `get_pdd_file_paths` settles on for a basename
 * inside a prompts root (direct case-insensitive path, `architecture.json` hint, then a recursive search scoped
 * to the context's prefix and aligned with a path-qualified basename).
 */
import * as path from 'node:path'
import type { PddrcConfig } from '../pddrc/config.js'
import { detectContextFromBasename, relativeBasenameForContext } from '../pddrc/contexts.js'
import { filepathFromArchitecture, type Architecture } from '../architecture/architecture.js'
import { extractModuleFromInclude, stripOverlap, walkCaseInsensitive } from '../architecture/territory.js'
import type { PromptIndex } from '../prompt-index.js'
import { safeRelativePath, type Project } from '../project.js'
import { casefold, comparePy, pathParts, stemOf } from '../../pycompat/pyfn.js'
import { isBelow, joinName, parentOf } from '../../pycompat/lexical.js'

/** Inputs of {@link findPromptFile}. */
export interface FindPromptInput {
  basename: string
  language: string
  /** Absolute prompts root (sync passes the prompt's own directory). */
  promptsRoot: string
  arch: Architecture | null
  override: string | null
}

/** The prompt PDD resolves, null when none, or the unsafe candidate that makes it fail closed. */
export type FoundPrompt = string | null | { unsafe: string }

/** `_find_prompt_file`. */
export function findPromptFile(project: Project, index: PromptIndex, q: FindPromptInput): FoundPrompt {
  const root = q.promptsRoot
  const realRoot = project.real(root)
  const config = project.configAt(realRoot)
  const contextName =
    q.override ?? (config === null ? null : detectContextFromBasename(q.basename, config, index.hasPrompt))
  const ctx = config?.contexts.find(c => c.name === contextName)
  const relBase = relativeBasenameForContext(q.basename, ctx, 'prompts-first')
  const candidates = contextName !== null && relBase !== q.basename ? [q.basename, relBase] : [q.basename]
  const prefix = contextPrefix(project, config, contextName, realRoot)
  for (const cand of candidates) {
    const parts = pathParts(`${cand}_${q.language}.prompt`)
    if (prefix !== null && !hasPrefix(parts, prefix)) continue
    const hit = walkCaseInsensitive(project, root, parts)
    if (hit !== null && typeof hit === 'object') return { unsafe: path.join(root, ...parts) }
    if (hit !== null) return hit
  }
  const viaArch =
    q.arch === null
      ? null
      : archHint(project, index, q, { config, contextName, prefix, first: candidates[0] as string })
  if (viaArch !== null) return viaArch
  const variants = [q.basename, ...(relBase !== q.basename ? [relBase] : [])].map(b =>
    pathParts(b).map(p => p.toLowerCase())
  )
  const leaves = new Set(
    candidates.map(c => `${(c.split('/').pop() as string).toLowerCase()}_${q.language.toLowerCase()}.prompt`)
  )
  return pickRecursive(project, index, root, {
    leaves,
    prefix,
    qualified: q.basename.includes('/'),
    variants
  })
}

function contextPrefix(
  project: Project,
  config: PddrcConfig | null,
  contextName: string | null,
  realRoot: string
): string[] | null {
  if (config === null || contextName === null) return null
  const pd = config.contexts.find(c => c.name === contextName)?.defaults.prompts_dir
  if (typeof pd !== 'string' || pd.trim() === '') return null
  const configured = project.real(path.resolve(config.dir, pd.trim()))
  if (!isBelow(configured, realRoot)) return null
  return configured.slice(realRoot.length + 1).split('/')
}

/** `_prompt_path_has_context_prefix` on root-relative parts. */
function hasPrefix(relParts: string[], prefix: string[]): boolean {
  if (prefix.length === 0 || prefix.length > relParts.length) return false
  return prefix.every((p, i) => p.toLowerCase() === (relParts[i] as string).toLowerCase())
}

/** `_prompt_candidate_aligns_basename`/the step-4 alignment: the basename is a path-suffix of the module path. */
function aligned(file: string, variants: string[][]): boolean {
  const leaf = extractModuleFromInclude(path.basename(file)) ?? stemOf(file)
  const module = ['/', ...pathParts(parentOf(file)), leaf]
  // Part by part from the end: no part holds a `/` (only the first is one), so this is the joined comparison.
  return variants.some(v => {
    if (v.length > module.length) return false
    for (let i = 1; i <= v.length; i++)
      if ((module[module.length - i] as string).toLowerCase() !== v[v.length - i]) return false
    return true
  })
}

function archHint(
  project: Project,
  index: PromptIndex,
  q: FindPromptInput,
  c: { config: PddrcConfig | null; contextName: string | null; prefix: string[] | null; first: string }
): string | null {
  const arch = q.arch as Architecture
  const row = filepathFromArchitecture(project, arch, {
    promptFilename: `${c.first}_${q.language}.prompt`,
    basename: q.basename,
    language: q.language,
    promptPath: null,
    promptsRoot: q.promptsRoot,
    promptRoots: [],
    contextName: c.contextName,
    territory: project.configAt(parentOf(arch.file))
  })
  const parts = row === null ? null : safeRelativePath(row[1])
  if (parts === null) return null
  const variants = q.basename.includes('/') ? [pathParts(q.basename).map(p => p.toLowerCase())] : []
  const rel = stripOverlap(q.promptsRoot, parts)
  const joined = walkCaseInsensitive(project, q.promptsRoot, rel)
  if (
    typeof joined === 'string' &&
    (variants.length === 0 || aligned(joined, variants)) &&
    (c.prefix === null || hasPrefix(rel, c.prefix))
  ) {
    return joined
  }
  const leaf = (parts[parts.length - 1] as string).toLowerCase()
  const found = pickRecursive(project, index, q.promptsRoot, {
    leaves: new Set([leaf]),
    prefix: c.prefix,
    qualified: variants.length > 0,
    variants
  })
  return typeof found === 'string' ? found : null
}

function pickRecursive(
  project: Project,
  index: PromptIndex,
  root: string,
  o: { leaves: Set<string>; prefix: string[] | null; qualified: boolean; variants: string[][] }
): FoundPrompt {
  const realRoot = project.real(root)
  const git = project.gitRoot(realRoot)
  const safe = (abs: string): boolean => safeCandidate(project, abs, { root, realRoot, git })
  // Fast path: matches directly in the root have the smallest depth, so when one survives every filter, the
  // answer is among them (PDD sorts by depth, then path).
  if (o.prefix === null) {
    const direct = [...o.leaves]
      .flatMap(l => project.view.byLowerName(root).get(l) ?? [])
      .filter(e => e.kind === 'file')
      .map(e => joinName(root, e.name))
      .filter(m => safe(m) && (!o.qualified || aligned(m, o.variants)))
    if (direct.length > 0) return direct.sort(comparePy)[0] as string
  }
  let matches: string[] = []
  let unsafe: string[] = []
  for (const e of index.filesNamed(root, o.leaves)) (safe(e.abs) ? matches : unsafe).push(e.abs)
  const scoped = (list: string[]): string[] =>
    o.prefix === null
      ? list
      : list.filter(m => hasPrefix(path.relative(root, m).split('/'), o.prefix as string[]))
  matches = scoped(matches)
  unsafe = scoped(unsafe)
  if (matches.length > 0) {
    if (o.qualified) {
      matches = matches.filter(m => aligned(m, o.variants))
      if (matches.length === 0) return null
    }
    const depth = (p: string): number => pathParts(p).length
    return matches.sort((a, b) => depth(a) - depth(b) || comparePy(a, b))[0] as string
  }
  if (o.qualified) unsafe = unsafe.filter(m => aligned(m, o.variants))
  return unsafe.length > 0
    ? { unsafe: unsafe.sort((a, b) => comparePy(casefold(a), casefold(b)))[0] as string }
    : null
}

/** `_prompt_candidate_within_root`: inside the root without an outside hop, or an approved in-repository alias. */
function safeCandidate(
  project: Project,
  abs: string,
  r: { root: string; realRoot: string; git: string | null }
): boolean {
  const real = project.real(abs)
  if (real === r.realRoot || isBelow(real, r.realRoot)) {
    return (
      !project.view.hasSymlink(abs) ||
      project.chainWithin(abs, r.git === null ? [r.realRoot, r.root] : [r.git])
    )
  }
  return r.git !== null && isBelow(real, r.git) && project.chainWithin(abs, [r.git])
}

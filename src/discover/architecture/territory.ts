/**
 * Which `architecture.json` rows a prompt may borrow its code path from (`_borrow_ownership_ok`,
 * `_belongs_to_resolved_prompt`, `_filepath_matches_context`, `_context_owned_filepath`,
 * `_filepath_owned_by_other_context`, `_contained_architecture_code_path`, `sync_order.extract_module_from_include`).
 */
import * as path from 'node:path'
import type { PddrcConfig, PddrcContext } from '../pddrc/config.js'
import { joinName, parentOf, isBelow } from '../../pycompat/lexical.js'
import { isKnownLanguage } from '../languages.js'
import { casefold, comparePy, fnmatch, rstripChars } from '../../pycompat/pyfn.js'
import { safeRelativePath, type Project } from '../project.js'

/** One `modules[]` row of `architecture.json`. */
export type ArchModule = Record<string, unknown>

/** A loaded `architecture.json`. */
export interface Architecture {
  file: string
  modules: ArchModule[]
}

/** Everything ownership needs to know about the prompt being resolved. */
export interface OwnershipInput {
  module: ArchModule
  /** The prompt file name relative to its prompts root. */
  promptFilename: string
  basename: string
  /** Absolute prompt path (null while discovering the prompt itself). */
  promptPath: string | null
  /** Absolute prompts root. */
  promptsRoot: string
  /** Absolute roots that may own architecture prompt names (`_architecture_prompt_roots`). */
  promptRoots: string[]
  /** The resolving context, if known. */
  contextName: string | null
  /** The `.pddrc` found from the architecture directory (`territory_config`). */
  territory: PddrcConfig | null
}

/** `extract_module_from_include`: the module name of `<name>_<lang>.prompt` / `<name>_example.*`, else null. */
export function extractModuleFromInclude(includePath: string): string | null {
  // `path.posix.basename`, by slicing when there is no trailing slash (every prompt candidate passes here).
  const filename =
    includePath === '' || includePath.endsWith('/')
      ? path.posix.basename(includePath)
      : includePath.slice(includePath.lastIndexOf('/') + 1)
  const dot = filename.lastIndexOf('.')
  const stem = dot > 0 && dot < filename.length - 1 ? filename.slice(0, dot) : filename
  const isExample = stem.includes('_example')
  const suffix = /_([a-zA-Z0-9]+)$/.exec(stem)?.[1]?.toLowerCase() ?? null
  const isLang = suffix !== null && suffix !== 'llm' && suffix !== 'prompt' && isKnownLanguage(suffix)
  if (!(isExample || (filename.endsWith('.prompt') && isLang))) return null
  let clean = isLang ? stem.replace(/_[a-zA-Z0-9]+$/, '') : stem
  clean = clean.replace(/_example$/i, '')
  return clean === '' ? null : clean
}

/** `_contained_architecture_code_path`: the resolved code path when the row's filepath is safe, else null. */
export function containedCodePath(project: Project, archDir: string, filepath: unknown): string | null {
  if (typeof filepath !== 'string') return null
  const parts = safeRelativePath(filepath)
  if (parts === null) return null
  const root = project.real(archDir)
  const candidate = project.real(path.join(root, ...parts))
  return candidate === root || isBelow(candidate, root) ? candidate : null
}

/** `_filepath_matches_context`: null when the context declares no territory. */
export function filepathMatchesContext(
  normalized: string,
  ctx: PddrcContext,
  projectRoot: string,
  rootOutputMatches: boolean
): boolean | null {
  const rel = (v: string): string | null => {
    const p = path.posix.normalize(v.replace(/\\/g, '/'))
    if (!p.startsWith('/')) return p.replace(/^\.\//, '')
    return p === projectRoot ? '.' : isBelow(p, projectRoot) ? p.slice(projectRoot.length + 1) : null
  }
  const globs = ctx.paths.filter(p => p !== '')
  const prefixes: string[] = []
  for (const k of ['generate_output_path', 'test_output_path', 'example_output_path']) {
    const v = ctx.defaults[k]
    if (typeof v === 'string' && v.trim() !== '') prefixes.push(v)
  }
  const outputs = ctx.defaults.outputs
  if (typeof outputs === 'object' && outputs !== null) {
    for (const spec of Object.values(outputs as Record<string, unknown>)) {
      const t = typeof spec === 'object' && spec !== null ? (spec as Record<string, unknown>).path : undefined
      if (typeof t === 'string' && t.trim() !== '') prefixes.push(t)
    }
  }
  if (globs.length === 0 && prefixes.length === 0) return null
  for (const g of globs) {
    const pat = rel(g)
    if (pat === null) continue
    const base = rstripChars(rstripChars(pat, '*'), '/')
    if (fnmatch(normalized, pat) || normalized === base || (base !== '' && isBelow(normalized, base)))
      return true
  }
  for (const prefix of prefixes) {
    const head = prefix.replace(/\\/g, '/').split('{')[0] as string
    const norm = rel(head)
    if (norm === null) continue
    let base = rstripChars(norm.trim(), '/')
    if (base.startsWith('./')) base = base.slice(2)
    if (base === '' || base === '.') {
      if (rootOutputMatches) return true
      continue
    }
    if (normalized === base || isBelow(normalized, base)) return true
  }
  return false
}

function inOtherContext(filepath: string, contextName: string | null, cfg: PddrcConfig | null): boolean {
  if (cfg === null) return false
  const normalized = path.posix.normalize(filepath.trim().replace(/\\/g, '/'))
  return cfg.contexts.some(
    c =>
      c.name !== 'default' &&
      c.name !== contextName &&
      filepathMatchesContext(normalized, c, cfg.dir, false) === true
  )
}

/** `_module_filepath_names_code_identity`: a qualified basename that spells the row's code path. */
function namesCodeIdentity(filepath: string, basename: string): boolean {
  if (filepath.trim() === '' || !basename.includes('/')) return false
  const requested = path.posix.normalize(basename).toLowerCase()
  const fp = filepath.replace(/\\/g, '/')
  const leaf = path.posix.basename(fp)
  const dot = leaf.lastIndexOf('.')
  const code = (
    dot > 0 && dot < leaf.length - 1 ? fp.slice(0, fp.length - leaf.length + dot) : fp
  ).toLowerCase()
  return requested === path.posix.normalize(code) || (code.startsWith('pdd/') && requested === code.slice(4))
}

type Ownership = 'ineligible' | 'eligible' | 'proven'

/** `_belongs_to_resolved_prompt`: does the row's own prompt filename name this very prompt? */
function ownership(project: Project, q: OwnershipInput): Ownership {
  const fn = q.module.filename
  if (typeof fn !== 'string' || fn === '') return 'eligible'
  const parts = safeRelativePath(fn)
  if (parts === null) return 'ineligible'
  if (q.promptPath === null) return 'eligible'
  if (extractModuleFromInclude(parts[parts.length - 1] as string) === null) return 'eligible'
  const owners = new Set<string>()
  for (const root of q.promptRoots) {
    const owner = walkCaseInsensitive(project, root, stripOverlap(root, parts))
    if (owner !== null && typeof owner === 'object') {
      if (project.real(root) === project.real(q.promptsRoot)) return 'ineligible'
      continue
    }
    if (owner !== null) owners.add(project.real(owner))
  }
  if (owners.size === 0) return 'eligible'
  if (![...owners].every(o => o === project.real(q.promptPath as string))) return 'ineligible'
  return owners.size === 1 ? 'proven' : 'eligible'
}

/** `_borrow_ownership_ok`: may this row supply the code path of the prompt being resolved? */
export function borrowAllowed(project: Project, arch: Architecture, q: OwnershipInput): boolean {
  const fp = q.module.filepath
  if (typeof fp !== 'string') return false
  const archDir = parentOf(arch.file)
  const contained = containedCodePath(project, archDir, fp)
  if (contained === null) return false
  const fn = q.module.filename
  const fnSafeOrAbsent = !(typeof fn === 'string' && fn !== '' && safeRelativePath(fn) === null)
  const namesCode = fnSafeOrAbsent && namesCodeIdentity(fp, q.basename)
  const root = project.real(archDir)
  const identities = [fp]
  const resolvedRel = contained === root ? '' : contained.slice(root.length + 1)
  if (resolvedRel !== '' && resolvedRel !== path.posix.normalize(fp.replace(/\\/g, '/')))
    identities.push(resolvedRel)
  if (
    q.contextName !== null &&
    identities.some(i => inOtherContext(i, q.contextName, q.territory)) &&
    !namesCode
  )
    return false
  const ctx = q.territory?.contexts.find(c => c.name === q.contextName)
  const normalized = path.posix.normalize(fp.trim().replace(/\\/g, '/'))
  const owned =
    q.contextName === null || ctx === undefined || q.territory === null
      ? true
      : (filepathMatchesContext(normalized, ctx, q.territory.dir, true) ?? true)
  const own = ownership(project, q)
  if (own === 'ineligible' && !namesCode) return false
  const fnText = typeof fn === 'string' ? fn : fn === null || fn === undefined ? '' : JSON.stringify(fn)
  const namesModule = fnText.trim().toLowerCase() === q.promptFilename.trim().toLowerCase()
  if (q.contextName === null && own !== 'proven' && !namesModule && !namesCode && q.territory !== null) {
    if (identities.some(i => inOtherContext(i, null, q.territory))) return false
  }
  return owned || own === 'proven' || namesModule || namesCode
}

/** `_prompt_relative_parts_for_root`: drops leading filename parts the root already ends with (case-insensitive). */
export function stripOverlap(root: string, parts: string[]): string[] {
  const rootParts = root.split('/').filter(p => p !== '')
  for (let k = Math.min(rootParts.length, parts.length); k > 0; k--) {
    const tail = rootParts
      .slice(-k)
      .map(p => p.toLowerCase())
      .join('/')
    if (
      tail ===
      parts
        .slice(0, k)
        .map(p => p.toLowerCase())
        .join('/')
    )
      return parts.slice(k)
  }
  return parts
}

/**
 * `_walk_prompt_relative_path`: child-by-child, case-insensitive (exact name preferred) walk below `root`.
 * Returns the file, null when absent, or `escape` when a step resolves outside the root.
 */
/** A walk's outcome: the file, nothing, or `escape` when a step leaves the root. */
export type WalkResult = string | null | { escape: true }
const ESCAPE: { escape: true } = { escape: true }

export function walkCaseInsensitive(project: Project, root: string, parts: string[]): WalkResult {
  if (parts.length === 0) return null
  const realRoot = project.real(root)
  let cur = root
  for (let i = 0; i < parts.length; i++) {
    const last = i === parts.length - 1
    const hit = childCaseInsensitive(project, cur, parts[i] as string, last ? 'file' : 'dir')
    if (hit === null) return null
    cur = hit
    if (!last && !within(project.real(cur), realRoot)) return ESCAPE
  }
  const git = project.gitRoot(realRoot)
  if (within(project.real(cur), realRoot)) {
    if (!project.view.hasSymlink(cur)) return cur
    return project.chainWithin(cur, git === null ? [realRoot, root] : [git]) ? cur : ESCAPE
  }
  // An approved in-repository alias (#1991): a prompt symlink that stays inside the git worktree.
  const real = project.real(cur)
  return git !== null && isBelow(real, git) && project.chainWithin(cur, [git]) ? cur : ESCAPE
}

function within(p: string, root: string): boolean {
  return p === root || isBelow(p, root)
}

/** `_indexed_directory_child`: the exact-cased child, else the first case-insensitive match in stable order. */
export function childCaseInsensitive(
  project: Project,
  dir: string,
  name: string,
  kind: 'file' | 'dir'
): string | null {
  const exact = project.view.list(dir)?.get(name)
  return exact?.kind === kind ? joinName(dir, name) : caseInsensitiveChild(project, dir, name, kind)
}

function caseInsensitiveChild(
  project: Project,
  dir: string,
  name: string,
  kind: 'file' | 'dir'
): string | null {
  const matches = (project.view.byLowerName(dir).get(name.toLowerCase()) ?? [])
    .filter(e => e.kind === kind)
    .sort((a, b) => comparePy(casefold(a.name), casefold(b.name)) || comparePy(a.name, b.name))
  return matches[0] === undefined ? null : joinName(dir, matches[0].name)
}

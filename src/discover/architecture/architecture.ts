/**
 * `architecture.json` lookups of `sync_determine_operation`: loading (`MalformedArchitectureError`), bare-basename
 * ambiguity (`_architecture_module_choices`, `AmbiguousModuleError`) and the module row that supplies a unit's
 * code path (`_get_filepath_from_architecture`). Context territory rules come from territory.ts.
 */
import { readTextBounded, SIZE_LIMITS, TooLargeError } from '../bounded.js'
import * as path from 'node:path'
import type { PddrcConfig } from '../pddrc/config.js'
import { relativeBasenameForContext } from '../pddrc/contexts.js'
import { extensionFor } from '../languages.js'
import type { Project } from '../project.js'
import { safeRelativePath } from '../project.js'
import {
  borrowAllowed,
  containedCodePath,
  extractModuleFromInclude,
  type Architecture,
  type ArchModule,
  type OwnershipInput
} from './territory.js'
import { parentOf } from '../../pycompat/lexical.js'

export type { Architecture, ArchModule } from './territory.js'

/** Reads `architecture.json`; a present but unusable file is an error, as in PDD (fail closed). */
export function loadArchitecture(file: string): Architecture | { error: string } {
  let data: unknown
  try {
    data = JSON.parse(readTextBounded(file, SIZE_LIMITS.architecture, 'architecture.json'))
  } catch (e) {
    if (e instanceof TooLargeError) return { error: e.message }
    return { error: `malformed architecture.json: ${(e as Error).message}` }
  }
  const isObj = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
  let list: unknown[]
  if (Array.isArray(data)) list = data
  else if (isObj(data) && !('modules' in data)) list = []
  else if (isObj(data) && Array.isArray(data.modules)) list = data.modules
  else return { error: 'malformed architecture.json: unsupported architecture schema' }
  if (!list.every(isObj))
    return { error: 'malformed architecture.json: modules list contains a non-object entry' }
  return { file, modules: list }
}

const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v)
const leafLower = (v: unknown): string => path.posix.basename(str(v).replace(/\\/g, '/')).toLowerCase()
const withoutSuffix = (p: string): string => {
  const leaf = path.posix.basename(p)
  const dot = leaf.lastIndexOf('.')
  return dot > 0 && dot < leaf.length - 1 ? p.slice(0, p.length - (leaf.length - dot)) : p
}
const suffixLower = (p: string): string => {
  const leaf = path.posix.basename(p)
  const dot = leaf.lastIndexOf('.')
  return dot > 0 && dot < leaf.length - 1 ? leaf.slice(dot + 1).toLowerCase() : ''
}

/**
 * `_architecture_module_choices` for a bare basename: the distinct safe code paths of rows whose prompt filename
 * leaf is `<basename>_<language>.prompt` (or, for non-prompt filenames, whose filepath stem is the basename).
 * Path-qualified basenames: rows whose filepath ends with the (context-relative) basename.
 */
export function moduleChoices(
  project: Project,
  arch: Architecture,
  basename: string,
  language: string,
  territory: PddrcConfig | null,
  contextName: string | null
): string[] {
  const archDir = parentOf(arch.file)
  const langExt = extensionFor(language).toLowerCase()
  const distinct = new Set<string>()
  const qualified = basename.includes('/')
  const target =
    `${(qualified ? basename.split('/').pop() : basename) as string}_${language}.prompt`.toLowerCase()
  const relBase = qualified
    ? relativeBasenameForContext(
        basename,
        territory?.contexts.find(c => c.name === contextName),
        'prompts-first'
      )
    : basename
  for (const m of arch.modules) {
    const fp = m.filepath
    if (typeof fp !== 'string' || fp.trim() === '') continue
    const fn = m.filename
    if (typeof fn === 'string' && fn !== '' && safeRelativePath(fn) === null) continue
    let matched: boolean
    if (qualified) {
      const isForeignPrompt =
        leafLower(fn) !== target && str(fn) !== '' && extractModuleFromInclude(leafLower(fn)) !== null
      matched = !isForeignPrompt && filepathEndsWith(fp, relBase) && suffixLower(fp) === langExt
    } else {
      if (str(fn).endsWith('_LLM.prompt')) continue
      const leaf = path.posix.basename(str(fn))
      matched = leaf.toLowerCase() === target
      if (!matched && extractModuleFromInclude(leaf) === null) {
        const stem = path.posix.basename(withoutSuffix(fp.trim())).toLowerCase()
        matched = stem === basename.toLowerCase() && langExt !== '' && suffixLower(fp.trim()) === langExt
      }
    }
    if (matched && containedCodePath(project, archDir, fp) !== null)
      distinct.add(path.posix.normalize(fp.trim()))
  }
  return [...distinct].sort()
}

/** `_module_filepath_matches_basename`: leaf equality for a flat basename, path-suffix for a qualified one. */
export function filepathEndsWith(filepath: unknown, relBasename: string): boolean {
  if (typeof filepath !== 'string' || filepath === '') return false
  const b = relBasename
    .split('/')
    .filter(p => p !== '' && p !== '.')
    .map(p => p.toLowerCase())
  const f = withoutSuffix(filepath)
    .split('/')
    .filter(p => p !== '' && p !== '.')
    .map(p => p.toLowerCase())
  if (b.length === 0 || f.length === 0) return false
  if (b.length === 1) return f[f.length - 1] === b[0]
  return b.length <= f.length && f.slice(-b.length).join('/') === b.join('/')
}

/** Inputs of {@link filepathFromArchitecture}. */
export interface ArchLookup extends Omit<OwnershipInput, 'module'> {
  /** The prompt's path relative to its prompts root (its file name for `pdd sync`). */
  promptFilename: string
  basename: string
  language: string
}

/** `_get_filepath_from_architecture`: the `filepath` (and `filename`) of the row that owns this prompt. */
export function filepathFromArchitecture(
  project: Project,
  arch: Architecture,
  q: ArchLookup
): [string, string] | null {
  const langExt = extensionFor(q.language).replace(/^\./, '').toLowerCase()
  const qualified = q.basename.includes('/')
  const ctx = q.territory?.contexts.find(c => c.name === q.contextName)
  const relBase = relativeBasenameForContext(q.basename, ctx, 'prompts-first')
  const languageOk = (m: ArchModule): boolean =>
    langExt === '' ||
    typeof m.filepath !== 'string' ||
    m.filepath.trim() === '' ||
    suffixLower(m.filepath.replace(/\\/g, '/')) === langExt
  const aligns = (m: ArchModule): boolean =>
    languageOk(m) && (!qualified || filepathEndsWith(m.filepath, relBase))
  const ok = (m: ArchModule): boolean => aligns(m) && borrowAllowed(project, arch, { ...q, module: m })
  const pick = (m: ArchModule | undefined): [string, string] | null =>
    m === undefined ? null : [str(m.filepath), str(m.filename)]

  const exact = arch.modules.find(m => m.filename === q.promptFilename && ok(m))
  if (exact !== undefined) return pick(exact)
  const ci = arch.modules.find(m => str(m.filename).toLowerCase() === q.promptFilename.toLowerCase() && ok(m))
  if (ci !== undefined) return pick(ci)
  const leaf = unique(
    arch.modules.filter(m => leafLower(m.filename) === leafLower(q.promptFilename) && ok(m))
  )
  if (leaf !== null) return pick(leaf)
  return byBasename(arch, q, relBase, ok, languageOk)
}

function byBasename(
  arch: Architecture,
  q: ArchLookup,
  relBase: string,
  ok: (m: ArchModule) => boolean,
  languageOk: (m: ArchModule) => boolean
): [string, string] | null {
  const candidates = [q.basename]
  if (q.contextName !== null && relBase !== q.basename) candidates.push(relBase)
  for (const c of candidates) {
    const expected = `${c}_${q.language}.prompt`.toLowerCase()
    const row = arch.modules.find(m => str(m.filename).toLowerCase() === expected && ok(m))
    if (row !== undefined) return [str(row.filepath), str(row.filename)]
  }
  if (q.basename.includes('/')) {
    const simple = `${q.basename.split('/').pop() as string}_${q.language}.prompt`.toLowerCase()
    const safe = arch.modules.filter(
      m =>
        str(m.filename).toLowerCase() === simple &&
        languageOk(m) &&
        filepathEndsWith(m.filepath, relBase) &&
        ok(m)
    )
    if (safe.length === 1)
      return [str((safe[0] as ArchModule).filepath), str((safe[0] as ArchModule).filename)]
  }
  const ext = extensionFor(q.language).toLowerCase()
  const targetLeaf = (relBase.split('/').pop() as string).toLowerCase()
  const byStem = unique(
    arch.modules.filter(
      m =>
        extractModuleFromInclude(path.posix.basename(str(m.filename).replace(/\\/g, '/'))) === null &&
        typeof m.filepath === 'string' &&
        path.posix.basename(withoutSuffix(m.filepath)).toLowerCase() === targetLeaf &&
        (ext === '' || suffixLower(m.filepath) === ext) &&
        ok(m)
    )
  )
  return byStem === null ? null : [str(byStem.filepath), str(byStem.filename)]
}

/** `_unique_match`: one row per distinct filepath, or nothing when several outputs compete. */
function unique(rows: ArchModule[]): ArchModule | null {
  const byPath = new Map<string, ArchModule>()
  for (const r of rows) {
    if (typeof r.filepath !== 'string' || r.filepath.trim() === '') continue
    const key = path.posix.normalize(r.filepath)
    if (!byPath.has(key)) byPath.set(key, r)
  }
  return byPath.size === 1 ? ([...byPath.values()][0] as ArchModule) : null
}

/**
 * The prompt files a discovery run considers: every `*.prompt` entry below the scanned roots, at the top of the
 * CWD and (with a language suffix, named by architecture.json) elsewhere below it, classified by language suffix,
 * plus their text (read concurrently) and the include probe.
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { SkippedPrompt } from '../../types.js'
import { isNormalAbsolute } from '../../pycompat/lexical.js'
import { SIZE_LIMITS, sizeProblem, TooLargeError } from '../bounded.js'
import { loadArchitecture } from '../architecture/architecture.js'
import type { IncludeTarget } from '../includes.js'
import { languageForSuffix } from '../languages.js'
import type { PromptEntry, PromptIndex } from '../prompt-index.js'
import type { Project } from '../project.js'
import { sortByPy } from '../../pycompat/pyfn.js'

/**
 * Directories the search for prompt files outside the prompt roots does not enter: git's own, and installed
 * packages (a prompt shipped inside a dependency is not one of the project's units).
 */
const NOT_WALKED: ReadonlySet<string> = new Set(['.git', 'node_modules'])

/** A prompt file with a syncable language suffix. */
export interface Found {
  abs: string
  rel: string
  stem: string
  lang: string
}

/** Prompt files with a known, syncable language; the rest are appended to `skipped` with the reason. */
export function collectPromptFiles(
  project: Project,
  index: PromptIndex,
  skipped: SkippedPrompt[],
  rel: (p: string) => string,
  only?: ReadonlySet<string>
): Found[] {
  const seen = new Set<string>()
  const found: Found[] = []
  const topLevel = [...(project.view.list(project.cwd)?.values() ?? [])]
    .filter(e => e.name.endsWith('.prompt'))
    .map(e => ({ abs: path.join(project.cwd, e.name), leaf: e.name, isFile: e.kind === 'file' }))
  const listed = topLevel.length + index.entries().length
  // Outside the roots, only the prompts architecture.json names (a repository's test fixtures are reachable too,
  // but are not its units): those paths are looked at directly, so no tree is walked for them.
  const declared = declaredPrompts(project)
  const strays = named(project, only === undefined ? declared : [...only].filter(p => declared.has(p)))
  const entries = [...topLevel, ...index.entries(), ...strays]
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as PromptEntry
    if (seen.has(e.abs)) continue
    seen.add(e.abs)
    // A file outside the prompt roots is a unit only when it looks like one: include fragments (context/*.prompt)
    // and other non-unit files there are not worth a warning.
    const stray = i >= listed
    if (!e.isFile) {
      if (!stray) skipped.push({ path: rel(e.abs), reason: 'not a regular file' })
      continue
    }
    const base = e.leaf.slice(0, -'.prompt'.length)
    const us = base.lastIndexOf('_')
    const suffix = us < 0 ? '' : base.slice(us + 1)
    const lang = us <= 0 ? null : languageForSuffix(suffix)
    if (stray && (lang === null || lang.runtimeOnly)) continue
    if (lang === null) {
      const why = us < 0 ? 'no _<language> suffix in the file name' : `unknown language suffix '${suffix}'`
      skipped.push({
        path: rel(e.abs),
        reason: `${why}; pdd sync only processes <basename>_<language>.prompt`
      })
    } else if (lang.runtimeOnly) {
      skipped.push({ path: rel(e.abs), reason: 'runtime LLM prompt (_LLM): pdd sync never processes it' })
    } else found.push({ abs: e.abs, rel: rel(e.abs), stem: base.slice(0, us), lang: lang.key })
  }
  return sortByPy(found, f => f.rel)
}

/** The project-relative prompt paths the CWD's architecture.json names as module `filename`s. */
function declaredPrompts(project: Project): Set<string> {
  const file = project.findArchitecture(project.cwd)
  const arch = file === null ? null : loadArchitecture(file)
  const out = new Set<string>()
  if (arch === null || 'error' in arch) return out
  for (const m of arch.modules) {
    const f = (m as { filename?: unknown }).filename
    if (typeof f === 'string' && f.endsWith('.prompt')) out.add(path.posix.normalize(f.split('\\').join('/')))
  }
  return out
}

/** The `.prompt` entries at project-relative `paths` (none outside the project or through `node_modules/`, `.git/`). */
function named(project: Project, paths: Iterable<string>): PromptEntry[] {
  const out: PromptEntry[] = []
  for (const p of paths) {
    const parts = p.split('/')
    // Never a path leaving the project (architecture.json is repository text).
    if (!p.endsWith('.prompt') || path.isAbsolute(p) || parts.some(x => x === '..' || NOT_WALKED.has(x)))
      continue
    const abs = path.join(project.cwd, p)
    const kind = project.view.entry(abs)?.kind
    if (kind !== undefined) out.push({ abs, leaf: path.basename(abs), isFile: kind === 'file' })
  }
  return out
}

/** What the include resolver needs to know about a repository-relative path (symlink hops judged here). */
export function probe(project: Project, relPath: string, trustedRel: string): IncludeTarget {
  const joined = `${project.cwd}/${relPath}`
  const abs = isNormalAbsolute(joined) ? joined : path.resolve(project.cwd, relPath)
  const st = project.view.stat(abs)
  const entry = abs === project.cwd ? { kind: 'dir' } : st.entry
  if (entry === null || entry.kind === 'broken') return 'missing'
  if (st.symlinked && !project.chainWithin(abs, [project.real(path.resolve(project.cwd, trustedRel))])) {
    return 'unsafe'
  }
  return entry.kind === 'file' ? 'file' : 'other'
}

/** {@link probe}, with answers remembered per trusted root: prompts include the same shared files over and over. */
export function includeProbe(project: Project, trustedRel: string): (relPath: string) => IncludeTarget {
  const cache = project.table<IncludeTarget>(`probe:${trustedRel}`)
  return relPath => {
    let target = cache.get(relPath)
    if (target === undefined) cache.set(relPath, (target = probe(project, relPath, trustedRel)))
    return target
  }
}

// An options object, not 'utf8': `readFileSync` copies a string option into a fresh object on every call.
const UTF8 = { encoding: 'utf8', flag: 'r' } as const

/**
 * Reads one prompt file. Synchronous on purpose: for thousands of small files `readFileSync` measured ~8× faster
 * than `fs.promises.readFile` (which costs an open, fstat, read and close round trip each). Each text is read
 * just before use, so it dies young instead of being copied through the garbage collector's generations.
 */
export function readPrompt(file: string): string | Error {
  try {
    const big = sizeProblem('the prompt', fs.statSync(file).size, SIZE_LIMITS.prompt)
    if (big !== null) return new TooLargeError(big)
    return fs.readFileSync(file, UTF8)
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e))
  }
}

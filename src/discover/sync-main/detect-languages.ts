/**
 * `sync_main._detect_languages` and `_python_first_sorted`: which `<name>_<language>.prompt` files a basename
 * reaches in a prompts directory.
 */
import { isKnownLanguage } from '../languages.js'
import type { PromptIndex } from '../prompt-index.js'
import type { Project } from '../project.js'
import { comparePy, pathParts, stemOf } from '../../pycompat/pyfn.js'

/** Languages found for a basename: determinate ones, and those whose file PDD picks by directory order. */
export interface LangMatches {
  langs: Map<string, string>
  ambiguous: Map<string, string[]>
}

/**
 * `_detect_languages`: `<name>_*.prompt` in the prompts directory (the basename's directory part is matched
 * there unless the directory already ends with it), else the same pattern at any depth below it.
 */
export function detectLanguages(
  project: Project,
  index: PromptIndex,
  basename: string,
  promptsDir: string
): LangMatches {
  if (!project.view.isDir(promptsDir)) return { langs: new Map(), ambiguous: new Map() }
  const slash = basename.lastIndexOf('/')
  const namePart = basename.slice(slash + 1)
  const dirParts = slash < 0 ? [] : pathParts(basename.slice(0, slash))
  const tailMatches = dirParts.length > 0 && endsWithParts(promptsDir, dirParts)
  let matches = index.globHere(promptsDir, namePart, tailMatches ? [] : dirParts)
  if (matches.length === 0) {
    matches = index.globRecursive(promptsDir, namePart, dirParts.length > 0 && !tailMatches ? dirParts : [])
  }
  const seen = new Map<string, string[]>()
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i] as string
    const stem = stemOf(m)
    if (!stem.startsWith(`${namePart}_`)) continue
    const lang = stem.slice(namePart.length + 1)
    const key = lang.toLowerCase()
    if (!isKnownLanguage(lang) || key === 'llm') continue
    const files = seen.get(key)
    if (files === undefined) seen.set(key, [m])
    else files.push(m)
  }
  return splitAmbiguous(seen)
}

/** `['/', ...parts of dir]` per prompts directory: every basename of a unit asks about the same few. */
const dirPartsCache = new Map<string, string[]>()

/** Whether the last parts of `['/', ...pathParts(dir)]` are `parts`. */
function endsWithParts(dir: string, parts: string[]): boolean {
  let own = dirPartsCache.get(dir)
  if (own === undefined) {
    if (dirPartsCache.size > 10_000) dirPartsCache.clear()
    dirPartsCache.set(dir, (own = ['/', ...pathParts(dir)]))
  }
  if (parts.length > own.length) return own.slice(-parts.length).join('/') === parts.join('/')
  for (let i = 1; i <= parts.length; i++) if (own[own.length - i] !== parts[parts.length - i]) return false
  return true
}

/** Files PDD would pick by directory order (several per language) are reported as ambiguous. */
export function splitAmbiguous(seen: Map<string, string[]>): LangMatches {
  const out: LangMatches = { langs: new Map(), ambiguous: new Map() }
  const keys = [...seen.keys()]
  // One language with one file is the common case: no ordering or de-duplication to do.
  const langs = keys.length > 1 ? pythonFirst(keys) : keys
  for (let i = 0; i < langs.length; i++) {
    const lang = langs[i] as string
    const listed = seen.get(lang) as string[]
    const files = listed.length === 1 ? listed : [...new Set(listed)]
    if (files.length === 1) out.langs.set(lang, files[0] as string)
    else out.ambiguous.set(lang, files.sort(comparePy))
  }
  return out
}

/** `_python_first_sorted`. */
export function pythonFirst(langs: string[]): string[] {
  const rest = langs.filter(l => l !== 'python').sort(comparePy)
  return langs.includes('python') ? ['python', ...rest] : rest
}

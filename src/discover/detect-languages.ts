/**
 * `sync_main._detect_languages` and `_python_first_sorted`: which `<name>_<language>.prompt` files a basename
 * reaches in a prompts directory.
 */
import { isKnownLanguage } from './languages.js'
import type { PromptIndex } from './prompt-index.js'
import type { Project } from './project.js'
import { comparePy, pathParts, stemOf } from './pyfn.js'

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
  const out: LangMatches = { langs: new Map(), ambiguous: new Map() }
  if (!project.view.isDir(promptsDir)) return out
  const slash = basename.lastIndexOf('/')
  const namePart = basename.slice(slash + 1)
  const dirParts = slash < 0 ? [] : pathParts(basename.slice(0, slash))
  const rootParts = ['/', ...pathParts(promptsDir)]
  const tailMatches =
    dirParts.length > 0 && rootParts.slice(-dirParts.length).join('/') === dirParts.join('/')
  let matches = index.globHere(promptsDir, namePart, tailMatches ? [] : dirParts)
  if (matches.length === 0) {
    matches = index.globRecursive(promptsDir, namePart, dirParts.length > 0 && !tailMatches ? dirParts : [])
  }
  const seen = new Map<string, string[]>()
  for (const m of matches) {
    const stem = stemOf(m)
    if (!stem.startsWith(`${namePart}_`)) continue
    const lang = stem.slice(namePart.length + 1)
    if (!isKnownLanguage(lang) || lang.toLowerCase() === 'llm') continue
    seen.set(lang.toLowerCase(), [...(seen.get(lang.toLowerCase()) ?? []), m])
  }
  return splitAmbiguous(seen)
}

/** Files PDD would pick by directory order (several per language) are reported as ambiguous. */
export function splitAmbiguous(seen: Map<string, string[]>): LangMatches {
  const out: LangMatches = { langs: new Map(), ambiguous: new Map() }
  for (const lang of pythonFirst([...seen.keys()])) {
    const files = [...new Set(seen.get(lang))]
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

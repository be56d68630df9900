/**
 * Where to look for prompt files and which basenames to try for each: the directories `pdd sync` can search
 * (`prompts/`, every context's `prompts_dir`, `outputs.prompt.path` prefixes, `PDD_PROMPTS_DIR`, the
 * `<generate dir>/prompts` fallback of `construct_paths`, and the CWD's top level), and, for a prompt file, the
 * basenames that might reach it, most preferred first.
 */
import * as path from 'node:path'
import type { PddrcConfig } from '../pddrc/config.js'
import { parentOf, relativeTo, isBelow } from '../../pycompat/lexical.js'
import type { Project } from '../project.js'
import { promptsBaseDir, promptTemplate } from './context-prompts.js'

/**
 * Absolute directories to scan recursively (existing ones only, parents before children). A directory whose real
 * path leaves the repository (`prompts` linked to `/`, `prompts_dir: ../..`, `PDD_PROMPTS_DIR=/`) is never
 * walked — that walked the whole disk and named its files in warnings — but appended to `outside`.
 */
export function promptRoots(
  project: Project,
  config: PddrcConfig | null,
  pddrcFile: string | null,
  outside: string[] = []
): string[] {
  const base = pddrcFile === null ? project.cwd : parentOf(pddrcFile)
  const out = new Set<string>([path.join(project.cwd, 'prompts'), path.join(base, 'prompts')])
  const add = (dir: unknown, from: string): void => {
    if (typeof dir === 'string' && dir !== '') out.add(path.resolve(from, dir))
  }
  add(project.env.PDD_PROMPTS_DIR, base)
  addGenerated(project.env.PDD_GENERATE_OUTPUT_PATH, project.cwd, out)
  for (const ctx of config?.contexts ?? []) {
    add(ctx.defaults.prompts_dir, base)
    const template = promptTemplate(ctx)
    if (template !== null) add(promptsBaseDir(template), base)
    if (!('prompts_dir' in ctx.defaults)) addGenerated(ctx.defaults.generate_output_path, project.cwd, out)
  }
  return [...out]
    .filter(d => d !== project.cwd && project.view.isDir(d) && inside(project, d, outside))
    .sort((a, b) => a.length - b.length || (a < b ? -1 : 1))
}

function inside(project: Project, dir: string, outside: string[]): boolean {
  const real = project.real(dir)
  if (real === project.cwd || isBelow(real, project.cwd)) return true
  outside.push(dir)
  return false
}

/** `construct_paths` falls back to `<directory of the generated code>/prompts` for unconfigured contexts. */
function addGenerated(value: unknown, cwd: string, out: Set<string>): void {
  if (typeof value !== 'string' || value === '') return
  const dir = value.endsWith('/') ? value : parentOf(value)
  out.add(path.resolve(cwd, dir, 'prompts'))
}

/**
 * Basenames to try for a prompt file, most preferred first: its path (minus `_<language>.prompt`) relative to
 * each scanned root that holds it, deepest root first (the design's rule); then the bare name; then every
 * longer path suffix. Only a basename whose simulated `pdd sync` reaches exactly this file is used.
 */
export function candidateBasenames(file: string, stem: string, roots: string[], cwd: string): string[] {
  const out: string[] = []
  const prefixes = directoryPrefixes(parentOf(file), roots, cwd)
  for (let i = 0; i < prefixes.length; i++) {
    const b = join(prefixes[i] as string, stem)
    if (b !== '' && !out.includes(b)) out.push(b)
  }
  return out
}

const prefixCache = new WeakMap<string[], Map<string, Map<string, string[]>>>()

/** The directory parts of {@link candidateBasenames} in order (`''` for the bare name), computed once per directory. */
function directoryPrefixes(dir: string, roots: string[], cwd: string): string[] {
  let byCwd = prefixCache.get(roots)
  if (byCwd === undefined) prefixCache.set(roots, (byCwd = new Map<string, Map<string, string[]>>()))
  let byDir = byCwd.get(cwd)
  if (byDir === undefined) byCwd.set(cwd, (byDir = new Map<string, string[]>()))
  let out = byDir.get(dir)
  if (out !== undefined) return out
  const holding = roots.filter(r => dir === r || isBelow(dir, r)).sort((a, b) => b.length - a.length)
  out = [...holding.map(r => relativeTo(r, dir)), '']
  const parts = relativeTo(cwd, dir)
    .split(path.sep)
    .filter(p => p !== '' && p !== '..')
  for (let i = parts.length - 1; i >= 0; i--) out.push(parts.slice(i).join('/'))
  byDir.set(dir, out)
  return out
}

function join(dir: string, stem: string): string {
  return dir === '' ? stem : `${dir.split(path.sep).join('/')}/${stem}`
}

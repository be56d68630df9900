/**
 * What `pdd sync <basename>` finds, without running it: `sync_main._validate_basename`,
 * `_find_prompt_in_contexts`, the `construct_paths` discovery of the prompts directory, and
 * `_detect_languages_with_context` / `_detect_languages`.
 */
import * as path from 'node:path'
import { constructContext } from '../construct-paths/construct.js'
import { detectLanguages, type LangMatches } from './detect-languages.js'
import { absolute, joinName, parentOf } from '../../pycompat/lexical.js'
import { generateOutputPath } from '../construct-paths/output-paths.js'
import type { PromptIndex } from '../prompt-index.js'
import type { Project } from '../project.js'
import { pathParts } from '../../pycompat/pyfn.js'
import { findPromptInContexts, templateLanguages } from './context-prompts.js'

// sync_main.DANGEROUS_BASENAME_CHARS
// eslint-disable-next-line no-control-regex -- the control characters are part of PDD's blocklist
const DANGEROUS = /[;|&$`><!'"~{}*?#\\%\s\x00-\x1f\x7f]/u

/** `_validate_basename`: why `pdd sync` would reject this basename (exit 2), or null. */
export function validateBasename(basename: string): string | null {
  if (basename === '') return 'BASENAME cannot be empty.'
  // Click reads an argument starting with '-' as an option before sync_main sees it (exit 2).
  if (basename.startsWith('-'))
    return `No such option '${basename.startsWith('--') ? basename.split('=')[0] : basename.slice(0, 2)}': a BASENAME starting with '-' reads as an option.`
  // Only a name containing `.` can have a `.` or `..` segment.
  if (basename.includes('.') && basename.split('/').some(s => s === '.' || s === '..'))
    return "Path traversal ('..' or '.') is not allowed in BASENAME."
  if (basename.startsWith('/')) return 'Absolute paths not allowed in BASENAME.'
  if (basename.endsWith('/') || basename.includes('//')) return 'Malformed path in BASENAME.'
  const bad = DANGEROUS.exec(basename)
  return bad === null ? null : `Basename '${basename}' contains dangerous character '${bad[0]}'.`
}

/** The outcome of simulating `pdd sync <basename>` discovery. */
export interface SyncDiscovery extends LangMatches {
  /** Directory whose path sync passes on (`prompt_file_path.parent` is used per language). */
  promptsDir: string
  /** The context `pdd sync` passes to its resolvers (`--context`, else the one template discovery found). */
  contextOverride: string | null
  /** Why `pdd sync <basename>` would stop before syncing anything. */
  error?: string
}

/** The context sets `prompts_dir` or some `*_output_path`. */
function configuresOutputs(defaults: Record<string, unknown>): boolean {
  const keys = Object.keys(defaults)
  return keys.includes('prompts_dir') || keys.some(k => k.endsWith('_output_path'))
}

function noMatches(): LangMatches {
  return { langs: new Map(), ambiguous: new Map() }
}

/** Memoised simulation of `pdd sync <basename>` discovery for one project. */
export class SyncSimulator {
  private readonly memo = new Map<string, SyncDiscovery>()

  constructor(
    private readonly project: Project,
    private readonly index: PromptIndex
  ) {}

  /** What `pdd sync <basename>` would find. */
  resolve(basename: string): SyncDiscovery {
    let out = this.memo.get(basename)
    if (out === undefined) {
      out = this.compute(basename)
      this.memo.set(basename, out)
    }
    return out
  }

  private compute(basename: string): SyncDiscovery {
    const invalid = validateBasename(basename)
    if (invalid !== null) return { ...noMatches(), promptsDir: '', contextOverride: null, error: invalid }
    const cwdPddrc = this.project.findPddrc(this.project.cwd)
    const config = cwdPddrc === null ? null : this.project.loadPddrc(cwdPddrc).config
    let override = this.project.cliContext
    let promptsDir: string
    const found = config === null ? null : findPromptInContexts(this.project, this.index, config, basename)
    if (found !== null && 'ambiguous' in found) {
      return {
        ...noMatches(),
        ambiguous: found.ambiguous,
        promptsDir: '',
        contextOverride: override,
        error: 'ambiguous'
      }
    }
    if (found !== null) {
      promptsDir = parentOf(found.path)
      override ??= found.context
    } else {
      const dir = this.discoveryPromptsDir(basename, override, cwdPddrc)
      if (dir === null)
        return {
          ...noMatches(),
          promptsDir: '',
          contextOverride: override,
          error: 'Error initializing PDD paths'
        }
      promptsDir = dir
    }
    const byTemplate =
      config === null || override === null
        ? null
        : templateLanguages(this.project, this.index, config, basename, override)
    const matches = byTemplate ?? detectLanguages(this.project, this.index, basename, promptsDir)
    return { langs: matches.langs, ambiguous: matches.ambiguous, promptsDir, contextOverride: override }
  }

  /** `construct_paths(command="sync", input_file_paths={})`: the prompts directory sync searches. */
  private discoveryPromptsDir(
    basename: string,
    override: string | null,
    cwdPddrc: string | null
  ): string | null {
    const cc = constructContext(this.project, this.index, { basenameHint: basename, override })
    let pd: unknown = cc.promptsDir
    if (pd === undefined || pd === null || pd === '' || pd === false || pd === 0) {
      const slash = basename.lastIndexOf('/')
      const dirParts = slash < 0 ? [] : pathParts(basename.slice(0, slash))
      const leaf = basename.slice(slash + 1)
      if (this.index.globHere(this.project.cwd, leaf, dirParts).length > 0) pd = this.project.cwd
      else if (configuresOutputs(cc.original)) {
        pd = 'prompts_dir' in cc.original ? cc.original.prompts_dir : 'prompts'
      } else {
        const gen = generateOutputPath({
          command: 'sync',
          key: 'generate_output_path',
          basename,
          ext: '.py',
          contextConfig: cc.contextConfig,
          env: this.project.env,
          cwd: this.project.cwd,
          configBase: cc.pddrcFile === null ? null : parentOf(cc.pddrcFile),
          mode: 'cwd',
          isDir: this.project.isDir
        })
        pd = joinName(parentOf(gen), 'prompts')
      }
    }
    if (typeof pd !== 'string') return null
    if (cwdPddrc !== null && !pd.startsWith('/')) return path.resolve(parentOf(cwdPddrc), pd)
    return pd.startsWith('/') ? absolute(pd) : path.resolve(this.project.cwd, pd)
  }
}

/** A prompt's basename and what its `pdd sync` finds, or why no basename reaches the prompt. */
export type Pick = { basename: string; discovery: SyncDiscovery } | { reason: string }

/** The first candidate basename whose simulated `pdd sync` reaches exactly this file for its language. */
export function pickBasename(
  sim: SyncSimulator,
  f: { abs: string; lang: string },
  candidates: string[]
): Pick {
  const target = absolute(f.abs)
  const reasons: string[] = []
  for (let i = 0; i < candidates.length; i++) {
    const b = candidates[i] as string
    const d = sim.resolve(b)
    const hit = d.langs.get(f.lang)
    if (hit !== undefined && (hit === f.abs || absolute(hit) === target)) return { basename: b, discovery: d }
    const why = missReason(b, d, f.lang, target)
    if (why !== null) reasons.push(why)
  }
  const why = reasons[0] ?? `no basename reaches it (tried ${candidates.join(', ')})`
  return { reason: `not reachable by pdd sync: ${why}` }
}

/** Why `pdd sync <b>` does not reach the prompt at `target`, if it says anything useful. */
function missReason(b: string, d: SyncDiscovery, lang: string, target: string): string | null {
  const hit = d.langs.get(lang)
  if (d.ambiguous.get(lang)?.some(p => absolute(p) === target) === true)
    return `\`pdd sync ${b}\` matches several ${lang} prompts and picks one by directory order`
  if (d.error !== undefined && d.error !== 'ambiguous') return `\`pdd sync ${b}\`: ${d.error}`
  if (hit !== undefined) return `\`pdd sync ${b}\` reaches ${path.relative(parentOf(target), hit)} instead`
  return null
}

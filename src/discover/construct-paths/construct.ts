/**
 * The parts of `construct_paths.construct_paths` that sync relies on: which `.pddrc` and context apply, the
 * configuration hierarchy (context > environment), and the output path of one command.
 */
import * as path from 'node:path'
import { contextDefaults, type PddrcConfig } from '../pddrc/config.js'
import { detectContextForCwd, detectContextForFile, detectContextFromBasename } from '../pddrc/contexts.js'
import { dotted, extensionFor, languageForExtension } from '../languages.js'
import { generateOutputPath, type OutputCommand, type OutputKey } from './output-paths.js'
import type { PromptIndex } from '../prompt-index.js'
import type { Project } from '../project.js'
import { suffixOf } from '../../pycompat/pyfn.js'
import { absolute, parentOf, relativeTo, isBelow } from '../../pycompat/lexical.js'

/** The configuration `construct_paths` works with for one call. */
export interface ConstructContext {
  pddrcFile: string | null
  config: PddrcConfig | null
  context: string | null
  /** Context defaults with `PDD_*_OUTPUT_PATH` values injected for keys the context lacks. */
  contextConfig: Record<string, unknown>
  /** The context defaults as written (empty without a usable `.pddrc`). */
  original: Record<string, unknown>
  /** `prompts_dir` after the hierarchy (context, then `PDD_PROMPTS_DIR`), undefined when unset. */
  promptsDir: unknown
  /** The selected `.pddrc` lies below the CWD: relative outputs anchor at its directory. */
  subproject: boolean
}

const HIERARCHY: Array<[string, string | null]> = [
  ['generate_output_path', 'PDD_GENERATE_OUTPUT_PATH'],
  ['test_output_path', 'PDD_TEST_OUTPUT_PATH'],
  ['example_output_path', 'PDD_EXAMPLE_OUTPUT_PATH'],
  ['prompts_dir', 'PDD_PROMPTS_DIR'],
  ['auto_deps_csv_path', 'PDD_AUTO_DEPS_CSV_PATH']
]

/**
 * `.pddrc` selection and context detection of `construct_paths`: the prompt's own `.pddrc` wins when it is a
 * descendant of the CWD's; then `--context`, else the prompt file's context, else the basename's, else the CWD's.
 * A malformed `.pddrc` or an override it does not define leaves PDD with no context configuration at all.
 */
export function constructContext(
  project: Project,
  index: PromptIndex,
  opts: { promptFile?: string; basenameHint?: string; override: string | null }
): ConstructContext {
  const { pddrcFile, subproject } = selectPddrc(project, opts.promptFile)
  const config = pddrcFile === null ? null : project.loadPddrc(pddrcFile).config
  if (pddrcFile !== null && config === null) return emptyContext(pddrcFile, subproject)
  let context: string | null = null
  if (config !== null) {
    if (opts.override !== null) {
      if (unknownContext(project, config, opts.override, opts.promptFile))
        return emptyContext(pddrcFile, subproject)
      context = opts.override
    } else context = detectContext(project, index, config, opts)
  }
  const { contextConfig, original, promptsDir } = contextSettings(project, config, context)
  return { pddrcFile, config, context, contextConfig, original, promptsDir, subproject }
}

function emptyContext(pddrcFile: string | null, subproject: boolean): ConstructContext {
  return {
    pddrcFile,
    config: null,
    context: null,
    contextConfig: {},
    original: {},
    promptsDir: undefined,
    subproject
  }
}

/** `--context` names a context the `.pddrc` lacks: construct_paths says so and continues without any settings. */
function unknownContext(
  project: Project,
  config: PddrcConfig,
  override: string,
  promptFile: string | undefined
): boolean {
  if (config.contexts.some(c => c.name === override)) return false
  const where = path.relative(project.cwd, config.file)
  project.warnings.push(
    `${where} has no context '${override}': PDD ignores its settings for ${promptFile === undefined ? 'discovery' : path.relative(project.cwd, promptFile)} ("Configuration error")`
  )
  return true
}

type Settings = Pick<ConstructContext, 'contextConfig' | 'original' | 'promptsDir'>

const settingsCache = new WeakMap<Project, Map<PddrcConfig | null, Map<string | null, Settings>>>()

/**
 * The configuration hierarchy for one context: a function of the config, the context and the environment, so
 * it is built once per run and shared (read-only) by every call that selects that context.
 */
function contextSettings(project: Project, config: PddrcConfig | null, context: string | null): Settings {
  let byConfig = settingsCache.get(project)
  if (byConfig === undefined)
    settingsCache.set(project, (byConfig = new Map<PddrcConfig | null, Map<string | null, Settings>>()))
  let byContext = byConfig.get(config)
  if (byContext === undefined) byConfig.set(config, (byContext = new Map<string | null, Settings>()))
  let settings = byContext.get(context)
  if (settings !== undefined) return settings
  const original = { ...contextDefaults(config, context) }
  const contextConfig = { ...original }
  let promptsDir: unknown
  for (const [key, envVar] of HIERARCHY) {
    let value: unknown
    if (key in original) value = original[key]
    else if (envVar !== null && project.env[envVar] !== undefined) value = project.env[envVar]
    else continue
    if (key === 'prompts_dir') promptsDir = value
    else if (!(key in contextConfig)) contextConfig[key] = value
  }
  settings = { contextConfig, original, promptsDir }
  byContext.set(context, settings)
  return settings
}

/** Issue #1211: the prompt's `.pddrc` wins over the CWD's only when it is a descendant (a subproject). */
function selectPddrc(
  project: Project,
  promptFile: string | undefined
): { pddrcFile: string | null; subproject: boolean } {
  const cwdPddrc = project.findPddrc(project.cwd)
  const promptPddrc = promptFile === undefined ? null : project.findPddrc(parentOf(promptFile))
  if (promptPddrc === null) return { pddrcFile: cwdPddrc, subproject: false }
  if (cwdPddrc === null) return { pddrcFile: promptPddrc, subproject: true }
  const p = project.real(parentOf(promptPddrc))
  const c = project.real(parentOf(cwdPddrc))
  if (p === c || isBelow(p, c)) return { pddrcFile: promptPddrc, subproject: promptPddrc !== cwdPddrc }
  return { pddrcFile: cwdPddrc, subproject: false }
}

function detectContext(
  project: Project,
  index: PromptIndex,
  config: PddrcConfig,
  opts: { promptFile?: string; basenameHint?: string }
): string | null {
  if (opts.promptFile !== undefined && project.view.exists(opts.promptFile)) {
    const own = project.findPddrc(parentOf(opts.promptFile))
    const ownConfig = own === null ? null : project.loadPddrc(own).config
    if (ownConfig !== null) {
      const rel = relativeTo(ownConfig.dir, absolute(opts.promptFile))
      const detected = detectContextForFile(rel, ownConfig)
      if (detected !== null) return detected
    }
  } else if (opts.basenameHint !== undefined && opts.basenameHint !== '') {
    const detected = detectContextFromBasename(opts.basenameHint, config, index.hasPrompt)
    if (detected !== null) return detected
  }
  return detectContextForCwd(project.cwd, config)
}

/** One output path of `construct_paths(command, …)` for sync's purposes (absolute). */
export function constructOutput(
  project: Project,
  cc: ConstructContext,
  opts: { command: OutputCommand; key: OutputKey; basename: string; language: string; codeFile?: string }
): string {
  const language = outputLanguage(opts.language, opts.codeFile, opts.command)
  return generateOutputPath({
    command: opts.command,
    key: opts.key,
    basename: opts.basename,
    ext: dotted(extensionFor(language)),
    contextConfig: cc.contextConfig,
    env: project.env,
    cwd: project.cwd,
    configBase: cc.pddrcFile === null ? null : parentOf(cc.pddrcFile),
    mode: cc.subproject ? 'config_base' : 'cwd',
    isDir: project.isDir
  })
}

/**
 * `_determine_language` for the `example`/`test` calls: the existing code file's extension names the language
 * (`.jsx` → JavaScriptReact), else the prompt's suffix. `sync` passes its language explicitly.
 */
function outputLanguage(language: string, codeFile: string | undefined, command: OutputCommand): string {
  if (command === 'sync' || codeFile === undefined) return language
  const ext = suffixOf(codeFile)
  const byExt = ext !== '' && ext !== '.prompt' ? languageForExtension(ext) : ''
  if (byExt !== '') return byExt.toLowerCase()
  if (ext === '') {
    const byName = languageForExtension(path.basename(codeFile))
    if (byName !== '') return byName.toLowerCase()
  }
  return language
}

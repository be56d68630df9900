/**
 * Port of `sync_determine_operation.get_pdd_file_paths` for a prompt that exists, as `pdd sync` calls it
 * (prompts root = the prompt's directory): `architecture.json` `filepath` → `.pddrc` `outputs` templates →
 * the context's `generate/example/test_output_path` → `PDD_*_OUTPUT_PATH` → defaults; then containment checks,
 * `test_files` and co-located test adoption. Refusals are thrown as {@link PathRefusal}.
 */
import * as path from 'node:path'
import type { PddrcConfig, PddrcContext } from '../pddrc/config.js'
import { detectContextFromBasename, relativeBasenameForContext } from '../pddrc/contexts.js'
import { archBranch } from './architecture-branch.js'
import { loadArchitecture, moduleChoices, type Architecture } from '../architecture/architecture.js'
import { legacyPaths, templatePaths, type RawPaths } from './configured-branch.js'
import { adoptCollocatedTest } from './collocated-test.js'
import { constructContext } from '../construct-paths/construct.js'
import {
  checkArtifact,
  governingRoot,
  PathRefusal,
  rejectUnsafeConfig,
  rejectUnsafeOutputs,
  siblingTests,
  type Governing
} from './containment.js'
import { findPromptFile } from './find-prompt.js'
import { absolute, parentOf, relativeTo } from '../../pycompat/lexical.js'
import type { PromptIndex } from '../prompt-index.js'
import { safeLanguage, safeRelativePath, type Project } from '../project.js'
import { testOutputPinned, trustedHashRoot } from './roots.js'

export { PathRefusal }
export { unitMetaDirs } from './roots.js'

/** One unit to resolve. */
export interface UnitPathQuery {
  basename: string
  /** Lower-case language key. */
  language: string
  /** Absolute path of the discovered prompt file. */
  promptFile: string
  /** The context `pdd sync` passes down (`--context`, else the one its template discovery found). */
  contextOverride: string | null
}

/** Resolved absolute paths of one unit. */
export interface ResolvedUnitPaths {
  prompt: string
  code: string
  example: string
  /** Null when PDD selects no test path (JS/TS runner needing review). */
  test: string | null
  testFiles: string[]
  /** The `.pddrc` context `construct_paths` selects for the prompt (`default` without one). */
  context: string
  /** That context's raw `defaults` (empty without a usable `.pddrc`). */
  contextDefaults: Record<string, unknown>
  /** `trusted_hash_root_for_paths` of the prompt (absolute). */
  trustedRoot: string
  needsReview?: string
}

/** What `get_pdd_file_paths` establishes before choosing a branch. */
interface Setup {
  promptsRoot: string
  anchor: string
  configAnchor: string
  gov: Governing
  resolvedContext: string | null
  /** `construct_paths_basename`: the basename relative to its context. */
  cpb: string
  ctx: PddrcContext | undefined
  arch: Architecture | null
}

/** `get_pdd_file_paths(basename, language, prompts_dir=<prompt dir>, context_override)`. */
export function resolveUnitPaths(project: Project, index: PromptIndex, q: UnitPathQuery): ResolvedUnitPaths {
  const st = setup(project, index, q)
  const prompt = checkFoundPrompt(project, index, q, st.promptsRoot, st.arch)
  const discovered = discoveredBasename(prompt, st.promptsRoot, q.language)
  const templateBasename = relativeBasenameForContext(discovered, st.ctx, 'prompts-first')
  let pinned = testOutputPinned(project, prompt, q.contextOverride ?? st.resolvedContext, st.anchor)
  const cc = constructContext(project, index, { promptFile: prompt, override: q.contextOverride })
  const context = cc.context ?? 'default'
  const { promptsRoot, configAnchor, resolvedContext, cpb, gov } = st
  const fromArch =
    st.arch === null
      ? null
      : archBranch(project, {
          arch: st.arch,
          ...q,
          override: q.contextOverride,
          prompt,
          promptsRoot,
          configAnchor,
          resolvedContext,
          templateBasename
        })
  let raw: RawPaths
  if (fromArch !== null) {
    raw = fromArch
    pinned = fromArch.pinned
  } else {
    const outputs = cc.original.outputs
    rejectUnsafeOutputs(project, outputs, gov.real, `context '${context}'`, cc.pddrcFile ?? undefined)
    raw =
      typeof outputs === 'object' && outputs !== null && Object.keys(outputs).length > 0
        ? templatePaths(project, {
            q,
            cc,
            cpb,
            templateBasename,
            prompt,
            outputs: outputs as Record<string, unknown>,
            configAnchor
          })
        : legacyPaths(project, { q, cc, cpb, prompt, gov })
  }
  return finish(project, { prompt, raw, gov, pinned, context, contextDefaults: cc.original })
}

/** Validation, the config anchor and governing root, the basename's context, and the architecture snapshot. */
function setup(project: Project, index: PromptIndex, q: UnitPathQuery): Setup {
  if (safeRelativePath(q.basename) === null)
    throw new PathRefusal(`unsafe prompt basename '${q.basename}'`, q.promptFile)
  if (!safeLanguage(q.language)) throw new PathRefusal(`unsafe prompt language '${q.language}'`, q.promptFile)
  const promptsRoot = parentOf(q.promptFile)
  const { anchor, configAnchor, config } = rootFacts(project, promptsRoot)
  rejectUnsafeConfig(project, config)
  const resolvedContext =
    q.contextOverride ??
    (config === null ? null : detectContextFromBasename(q.basename, config, index.hasPrompt))
  const ctx = config?.contexts.find(c => c.name === resolvedContext)
  const arch = loadArch(project, configAnchor)
  if (arch !== null) {
    const territory = project.configAt(parentOf(arch.file))
    const choices = moduleChoices(project, arch, q.basename, q.language, territory, resolvedContext)
    if (choices.length > 1) {
      const message = `ambiguous module '${q.basename}' (${q.language}) in architecture.json: ${choices.join(', ')}`
      throw new PathRefusal(message, arch.file)
    }
  }
  const cpb = relativeBasenameForContext(q.basename, ctx, 'prompts-first')
  return {
    promptsRoot,
    anchor,
    configAnchor,
    gov: governingRoot(project, configAnchor),
    resolvedContext,
    cpb,
    ctx,
    arch
  }
}

/** The anchors and configuration `get_pdd_file_paths` derives from the prompts root alone, once per root. */
function rootFacts(
  project: Project,
  promptsRoot: string
): { anchor: string; configAnchor: string; config: PddrcConfig | null } {
  const cache = project.table<ReturnType<typeof rootFacts>>('promptsRoot')
  let facts = cache.get(promptsRoot)
  if (facts !== undefined) return facts
  const anchor = project.real(promptsRoot)
  // With no project configuration above the prompts root, PDD anchors its config lookups at the CWD.
  const noConfig = project.findPddrc(anchor) === null && project.findArchitecture(anchor) === null
  const configAnchor = noConfig ? project.cwd : anchor
  const pddrc = project.findPddrc(configAnchor)
  facts = { anchor, configAnchor, config: pddrc === null ? null : project.loadPddrc(pddrc).config }
  cache.set(promptsRoot, facts)
  return facts
}

function loadArch(project: Project, configAnchor: string): Architecture | null {
  const file = project.findArchitecture(configAnchor)
  if (file === null) return null
  // Read and parsed once per run: every unit under the file consults it.
  const cache = project.table<Architecture | { error: string }>('architecture')
  let loaded = cache.get(file)
  if (loaded === undefined) {
    const outside = project.leavesRepository(file)
    loaded = outside !== null ? { error: `architecture.json ${outside}` } : loadArchitecture(file)
    cache.set(file, loaded)
  }
  if ('error' in loaded) throw new PathRefusal(loaded.error, file)
  return loaded
}

function checkFoundPrompt(
  project: Project,
  index: PromptIndex,
  q: UnitPathQuery,
  promptsRoot: string,
  arch: Architecture | null
): string {
  const found = findPromptFile(project, index, {
    basename: q.basename,
    language: q.language,
    promptsRoot,
    arch,
    override: q.contextOverride
  })
  if (found !== null && typeof found === 'object') {
    throw new PathRefusal(
      `prompt '${path.relative(project.cwd, found.unsafe)}' goes through a symlink that leaves the project`,
      found.unsafe
    )
  }
  if (found === null || (found !== q.promptFile && absolute(found) !== absolute(q.promptFile))) {
    const which = found === null ? 'no prompt' : `'${path.relative(project.cwd, found)}'`
    throw new PathRefusal(
      `PDD's path resolver selects ${which} for ${q.basename} (${q.language}), not this prompt`,
      q.promptFile
    )
  }
  return found
}

/** The prompt's path relative to its prompts root with `_<language>` removed (case-insensitively). */
function discoveredBasename(prompt: string, promptsRoot: string, language: string): string {
  const rel = relativeTo(promptsRoot, prompt)
  const slash = rel.lastIndexOf('/')
  const leaf = rel.slice(slash + 1)
  const dot = leaf.lastIndexOf('.')
  let stem = dot > 0 && dot < leaf.length - 1 ? leaf.slice(0, dot) : leaf
  if (stem.toLowerCase().endsWith(`_${language}`.toLowerCase()))
    stem = stem.slice(0, stem.length - language.length - 1)
  return rel.slice(0, slash + 1) + stem
}

function finish(
  project: Project,
  o: {
    prompt: string
    raw: RawPaths
    gov: Governing
    pinned: boolean
    context: string
    contextDefaults: Record<string, unknown>
  }
): ResolvedUnitPaths {
  const code = o.raw.codeChecked === true ? o.raw.code : checkArtifact(project, 'code', o.raw.code, o.gov)
  const example = checkArtifact(project, 'example', o.raw.example, o.gov)
  const test = checkArtifact(project, 'test', o.raw.test, o.gov)
  const testFiles = siblingTests(project, test, o.gov)
  const trustedRoot = trustedHashRoot(project, o.prompt)
  const adopted = adoptCollocatedTest(project, { code, test, testFiles, trustedRoot }, o.pinned)
  const out: ResolvedUnitPaths = {
    prompt: o.prompt,
    code,
    example,
    test: adopted.test,
    testFiles: adopted.testFiles,
    context: o.context,
    contextDefaults: o.contextDefaults,
    trustedRoot
  }
  if (adopted.needsReview !== undefined) out.needsReview = adopted.needsReview
  return out
}

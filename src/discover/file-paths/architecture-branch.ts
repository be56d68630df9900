/**
 * The `architecture.json` branch of `get_pdd_file_paths`: when a module row owns the prompt, its `filepath` is
 * the code path and the example/test live under the context's example/test directories relative to the
 * architecture file's directory (or come from `.pddrc` `outputs` templates).
 */
import * as path from 'node:path'
import { contextDefaults } from '../pddrc/config.js'
import { detectContextForCwd } from '../pddrc/contexts.js'
import { filepathFromArchitecture, moduleChoices, type Architecture } from '../architecture/architecture.js'
import { childCaseInsensitive, containedCodePath } from '../architecture/territory.js'
import { dotted, extensionFor } from '../languages.js'
import { expandOutputTemplates } from '../construct-paths/output-paths.js'
import type { Project } from '../project.js'
import { pjoin } from '../../pycompat/pyfn.js'
import { extName, parentOf, isBelow } from '../../pycompat/lexical.js'

/** What the architecture branch needs from `get_pdd_file_paths`. */
export interface ArchBranchInput {
  arch: Architecture
  basename: string
  language: string
  prompt: string
  promptsRoot: string
  configAnchor: string
  /** `--context`/discovered override. */
  override: string | null
  /** The basename-detected context (`resolved_context_name`). */
  resolvedContext: string | null
  templateBasename: string
}

/** Paths from the architecture branch (absolute), or null when no usable row owns the prompt. */
export interface ArchPaths {
  code: string
  example: string
  test: string
  pinned: boolean
}

/** `_architecture_prompt_roots`: directories that may own architecture prompt file names. */
export function archPromptRoots(project: Project, promptsRoot: string, archFile: string): string[] {
  const projectRoot = project.real(parentOf(archFile))
  const candidates = [
    project.real(promptsRoot),
    path.join(projectRoot, 'prompts'),
    path.join(projectRoot, 'pdd', 'prompts')
  ]
  const config = project.configAt(promptsRoot)
  for (const ctx of config?.contexts ?? []) {
    const pd = ctx.defaults.prompts_dir
    if (typeof pd === 'string' && pd.trim() !== '') candidates.push(pjoin(projectRoot, pd.trim()))
  }
  for (const c of [...candidates]) if (parentOf(c) !== projectRoot) candidates.push(parentOf(c))
  const out: string[] = []
  for (const c of candidates) {
    const real = project.real(c)
    if ((real === projectRoot || isBelow(real, projectRoot)) && !out.includes(real)) out.push(real)
  }
  return out
}

/** The safe `filepath` of the row that owns the prompt, or null (unsafe rows are ignored with a warning, as in PDD). */
function ownerFilepath(project: Project, q: ArchBranchInput): string | null {
  const archDir = parentOf(q.arch.file)
  const row = filepathFromArchitecture(project, q.arch, {
    promptFilename: path.relative(q.promptsRoot, q.prompt).split(path.sep).join('/'),
    basename: q.basename,
    language: q.language,
    promptPath: q.prompt,
    promptsRoot: q.promptsRoot,
    promptRoots: archPromptRoots(project, q.promptsRoot, q.arch.file),
    contextName: q.resolvedContext,
    territory: project.configAt(archDir)
  })
  if (row === null || row[0] === '') return null
  if (containedCodePath(project, archDir, row[0]) === null) {
    const file = path.relative(project.cwd, q.arch.file)
    project.warnings.push(`${file}: ignoring unsafe filepath '${row[0]}' for ${q.basename}`)
    return null
  }
  return path.posix.normalize(row[0])
}

/** Runs the architecture branch. */
export function archBranch(project: Project, q: ArchBranchInput): ArchPaths | null {
  const filepath = ownerFilepath(project, q)
  if (filepath === null) return null
  const projectRoot = project.real(parentOf(q.arch.file))
  const codePath = path.join(projectRoot, filepath)
  const ext = dotted(extensionFor(q.language))
  const d = dirs(project, q, codePath)
  const name = q.basename.split('/').pop() as string
  const codeStem = path.basename(codePath, extName(codePath))
  let stem = codeStem
  if (moduleChoices(project, q.arch, name, q.language, null, null).length > 1) {
    stem = filepath.slice(0, filepath.length - extName(filepath).length).replace(/\//g, '_')
  }
  const code =
    d.generate !== '' && !filepath.includes('/') ? pjoin(projectRoot, d.generate, filepath) : codePath
  let example = pjoin(projectRoot, d.example, `${stem}_example${ext}`)
  let test = pjoin(projectRoot, d.test, `test_${stem}${ext}`)
  const configured = { example: false, test: false }
  if (Object.keys(d.outputs).length > 0) {
    const t = expandOutputTemplates({
      basename: q.templateBasename,
      language: q.language,
      ext: extensionFor(q.language),
      outputs: d.outputs,
      promptPath: q.prompt
    })
    if ('example' in d.outputs) [example, configured.example] = [pjoin(projectRoot, t.example), true]
    if ('test' in d.outputs) [test, configured.test] = [pjoin(projectRoot, t.test), true]
  }
  if (name !== codeStem && stem === codeStem) {
    example = configured.example
      ? example
      : (named(project, pjoin(projectRoot, d.example), `${name}_example${ext}`) ?? example)
    test = configured.test ? test : (named(project, pjoin(projectRoot, d.test), `test_${name}${ext}`) ?? test)
  }
  return { code, example, test, pinned: d.pinned }
}

function dirs(
  project: Project,
  q: ArchBranchInput,
  codePath: string
): { example: string; test: string; generate: string; outputs: Record<string, unknown>; pinned: boolean } {
  let pinned = project.env.PDD_TEST_OUTPUT_PATH !== undefined
  const pddrc = project.findPddrc(q.configAnchor)
  const config = pddrc === null ? null : project.loadPddrc(pddrc).config
  if (config === null) return { example: 'examples/', test: 'tests/', generate: '', outputs: {}, pinned }
  const name =
    q.override ??
    q.resolvedContext ??
    detectContextForCwd(codePath, config) ??
    detectContextForCwd(project.cwd, config)
  const d = contextDefaults(config, name)
  const pick = (k: string, dflt: string): string => {
    const v = d[k]
    const s = typeof v === 'string' && v !== '' ? v : dflt
    return s !== '' && !s.endsWith('/') ? `${s}/` : s
  }
  const outputs =
    typeof d.outputs === 'object' && d.outputs !== null ? (d.outputs as Record<string, unknown>) : {}
  pinned ||= pinsTestOutput(d)
  return {
    example: pick('example_output_path', 'examples/'),
    test: pick('test_output_path', 'tests/'),
    generate: pick('generate_output_path', ''),
    outputs,
    pinned
  }
}

/** `_pins_test_output_location`: an explicit `test_output_path` or `outputs.test.path` (presence, not truthiness). */
export function pinsTestOutput(defaults: Record<string, unknown>): boolean {
  if (defaults.test_output_path !== undefined && defaults.test_output_path !== null) return true
  const outputs = defaults.outputs
  if (typeof outputs !== 'object' || outputs === null) return false
  const t = (outputs as Record<string, unknown>).test
  return (
    typeof t === 'object' &&
    t !== null &&
    (t as Record<string, unknown>).path !== undefined &&
    (t as Record<string, unknown>).path !== null
  )
}

/** `_find_named_file`: exact name, else the case-insensitive match in stable order. */
function named(project: Project, dir: string, filename: string): string | null {
  return project.view.isDir(dir) ? childCaseInsensitive(project, dir, filename, 'file') : null
}

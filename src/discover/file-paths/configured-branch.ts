/**
 * The two non-architecture branches of `get_pdd_file_paths` for an existing prompt: `.pddrc` `outputs` templates
 * (`_generate_paths_from_templates` + `_overlay_configured_output_paths` + `_anchor_output_paths_at_project`) and
 * the legacy `construct_paths` outputs (`sync`, `example`, `test` commands, then `_reanchor_under_basename_subdir`).
 */
import * as path from 'node:path'
import { relativeBasenameForContext } from '../pddrc/contexts.js'
import { constructOutput, type ConstructContext } from '../construct-paths/construct.js'
import { checkArtifact, type Governing } from './containment.js'
import { extensionFor } from '../languages.js'
import { expandOutputTemplates, reanchorUnderBasenameSubdir } from '../construct-paths/output-paths.js'
import type { Project } from '../project.js'
import { extName, parentOf, isBelow } from '../../pycompat/lexical.js'

/** Raw (unchecked) absolute artifact paths. */
export interface RawPaths {
  code: string
  example: string
  test: string
  /** `code` already passed `checkArtifact` (checking it again would return it unchanged). */
  codeChecked?: boolean
}

/** The query fields the branches use. */
export interface BranchQuery {
  basename: string
  language: string
  contextOverride: string | null
}

export function legacyPaths(
  project: Project,
  o: { q: BranchQuery; cc: ConstructContext; cpb: string; prompt: string; gov: Governing }
): RawPaths {
  const { q, cc } = o
  const code = checkArtifact(
    project,
    'code',
    constructOutput(project, cc, {
      command: 'sync',
      key: 'generate_output_path',
      basename: o.cpb,
      language: q.language
    }),
    o.gov
  )
  const codeReal = project.real(code)
  const codeFile = project.view.isFile(codeReal) && isBelow(codeReal, o.gov.real) ? codeReal : undefined
  const example = constructOutput(project, cc, {
    command: 'example',
    key: 'output',
    basename: q.basename,
    language: q.language,
    codeFile
  })
  const test = constructOutput(project, cc, {
    command: 'test',
    key: 'output',
    basename: q.basename,
    language: q.language,
    codeFile
  })
  const { cwd, realpath } = project
  const reanchored = reanchorUnderBasenameSubdir(code, o.cpb, cwd, realpath)
  return {
    code: reanchored,
    example: reanchorUnderBasenameSubdir(example, o.cpb, cwd, realpath),
    test: reanchorUnderBasenameSubdir(test, o.cpb, cwd, realpath),
    codeChecked: reanchored === code
  }
}

export function templatePaths(
  project: Project,
  o: {
    q: BranchQuery
    cc: ConstructContext
    cpb: string
    templateBasename: string
    prompt: string
    outputs: Record<string, unknown>
    configAnchor: string
  }
): RawPaths {
  const { q, cc } = o
  const ext = extensionFor(q.language)
  const t = expandOutputTemplates({
    basename: o.templateBasename,
    language: q.language,
    ext,
    outputs: o.outputs,
    promptPath: o.prompt
  })
  if ('prompt' in o.outputs && path.resolve(project.cwd, t.prompt) !== path.resolve(o.prompt)) {
    project.warnings.push(
      `${path.relative(project.cwd, o.prompt)}: outputs.prompt.path names '${t.prompt}'; PDD hashes and updates that file instead`
    )
  }
  let code = t.code
  if (!('code' in o.outputs)) {
    const generated = constructOutput(project, cc, {
      command: 'sync',
      key: 'generate_output_path',
      basename: o.cpb,
      language: q.language
    })
    const ctxName = q.contextOverride ?? cc.context ?? 'default'
    const rel = relativeBasenameForContext(
      q.basename,
      project.configAt(project.real(parentOf(o.prompt)))?.contexts.find(c => c.name === ctxName),
      'prompts-first'
    )
    const slash = rel.lastIndexOf('/')
    const file = `${rel.slice(slash + 1)}${ext === '' ? '' : `.${ext}`}`
    code = extName(generated) === '' ? path.join(generated, rel.slice(0, slash + 1), file) : generated
  }
  const pddrc = project.findPddrc(o.configAnchor)
  const base = pddrc !== null && project.real(parentOf(pddrc)) !== project.cwd ? parentOf(pddrc) : project.cwd
  const at = (p: string): string => path.resolve(base, p)
  return { code: at(code), example: at(t.example), test: at(t.test) }
}

/**
 * Project roots PDD derives for a unit: the trusted hash root (`trusted_hash_root_for_paths`), the metadata
 * directory (`operation_log._resolve_meta_dir`) and whether the test location is pinned
 * (`content_selector.configured_test_output_pinned`).
 */
import * as path from 'node:path'
import { contextDefaults } from '../pddrc/config.js'
import { detectContextForFile } from '../pddrc/contexts.js'
import { pinsTestOutput } from './architecture-branch.js'
import type { Project } from '../project.js'
import { absolute, parentOf, relativeTo } from '../../pycompat/lexical.js'

/** `content_selector.configured_test_output_pinned`. */
export function testOutputPinned(
  project: Project,
  prompt: string,
  contextName: string | null,
  searchFrom: string
): boolean {
  if (project.env.PDD_TEST_OUTPUT_PATH !== undefined) return true
  const config = project.configAt(searchFrom)
  if (config === null) return false
  let name = contextName ?? detectContextForFile(relativeTo(config.dir, prompt), config)
  if (name === null && config.contexts.some(c => c.name === 'default')) name = 'default'
  return pinsTestOutput(contextDefaults(config, name))
}

/** `trusted_hash_root_for_paths({"prompt": …})`: `.pddrc` dir, else nearest dir with `.pdd/`, else `architecture.json` dir, else CWD. */
export function trustedHashRoot(project: Project, prompt: string): string {
  // A function of the prompt's directory: computed once per directory.
  const anchor = parentOf(prompt)
  const cache = project.table<string>('trustedHashRoot')
  let root = cache.get(anchor)
  if (root === undefined) cache.set(anchor, (root = hashRootFor(project, anchor)))
  return root
}

function hashRootFor(project: Project, anchor: string): string {
  const pddrc = project.findPddrc(anchor)
  if (pddrc !== null) return parentOf(pddrc)
  for (let dir = path.resolve(anchor); ; dir = parentOf(dir)) {
    if (project.view.isDir(path.join(dir, '.pdd'))) return dir
    if (dir === project.cwd || dir === parentOf(dir)) break
  }
  const arch = project.findArchitecture(anchor)
  return arch !== null ? parentOf(arch) : project.cwd
}

/**
 * `operation_log._resolve_meta_dir` (`.pdd/meta` under the `.pddrc` found above the first existing path) for a
 * unit's paths, prompt first, and for the prompt alone: the prompt's answer, when it has one, serves both.
 */
export function unitMetaDirs(project: Project, paths: string[]): { prompt: string; unit: string } {
  const first = metaDirOf(project, paths[0] as string)
  if (first !== '') return { prompt: first, unit: first }
  const fallback = metaDirAt(project, null)
  for (let i = 1; i < paths.length; i++) {
    const dir = metaDirOf(project, paths[i] as string)
    if (dir !== '') return { prompt: fallback, unit: dir }
  }
  return { prompt: fallback, unit: fallback }
}

/** The metadata directory a path selects, or '' when it does not exist or has no `.pddrc` above it. */
function metaDirOf(project: Project, p: string): string {
  const st = project.view.stat(p)
  if (st.entry === null || st.entry.kind === 'broken') return ''
  const real = st.real ?? absolute(p)
  const isFile = (real === p ? st : project.view.stat(real)).entry?.kind === 'file'
  const pddrc = project.findPddrc(isFile ? parentOf(real) : real)
  return pddrc === null ? '' : metaDirAt(project, pddrc)
}

/** `<.pddrc directory>/.pdd/meta`, or `<CWD>/.pdd/meta` for null; built once per `.pddrc`. */
function metaDirAt(project: Project, pddrc: string | null): string {
  const cache = project.table<string>('metaDir')
  const key = pddrc ?? ''
  let dir = cache.get(key)
  if (dir === undefined) {
    dir = path.join(pddrc === null ? project.cwd : parentOf(pddrc), '.pdd', 'meta')
    cache.set(key, dir)
  }
  return dir
}

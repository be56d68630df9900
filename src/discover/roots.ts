/**
 * Project roots PDD derives for a unit: the trusted hash root (`trusted_hash_root_for_paths`), the metadata
 * directory (`operation_log._resolve_meta_dir`) and whether the test location is pinned
 * (`content_selector.configured_test_output_pinned`).
 */
import * as path from 'node:path'
import { contextDefaults, detectContextForFile } from '../settings/pddrc.js'
import { pinsTestOutput } from './arch-branch.js'
import type { Project } from './project.js'

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
  let name = contextName ?? detectContextForFile(path.relative(config.dir, prompt), config)
  if (name === null && config.contexts.some(c => c.name === 'default')) name = 'default'
  return pinsTestOutput(contextDefaults(config, name))
}

/** `trusted_hash_root_for_paths({"prompt": …})`: `.pddrc` dir, else nearest dir with `.pdd/`, else `architecture.json` dir, else CWD. */
export function trustedHashRoot(project: Project, prompt: string): string {
  const anchor = path.dirname(prompt)
  const pddrc = project.findPddrc(anchor)
  if (pddrc !== null) return path.dirname(pddrc)
  for (let dir = path.resolve(anchor); ; dir = path.dirname(dir)) {
    if (project.view.isDir(path.join(dir, '.pdd'))) return dir
    if (dir === project.cwd || dir === path.dirname(dir)) break
  }
  const arch = project.findArchitecture(anchor)
  return arch !== null ? path.dirname(arch) : project.cwd
}

/** `operation_log._resolve_meta_dir`: `.pdd/meta` under the `.pddrc` found above the unit's first existing path. */
export function metaDirFor(project: Project, paths: Array<string | null>): string {
  for (const p of paths) {
    if (p === null || !project.view.exists(p)) continue
    const real = project.real(p)
    const pddrc = project.findPddrc(project.view.isFile(real) ? path.dirname(real) : real)
    if (pddrc !== null) return path.join(path.dirname(pddrc), '.pdd', 'meta')
  }
  return path.join(project.cwd, '.pdd', 'meta')
}

/**
 * `get_pdd_file_paths._finalize_output_paths` and the up-front `.pddrc` output checks
 * (`_reject_unsafe_pddrc_output_config`, `_reject_unsafe_outputs_templates`): every output is re-anchored under
 * the governing project root and refused when it escapes it, goes through a symlink hop that leaves it, is not
 * portable, or names an existing non-file. Refusals are per-unit problems that name the path.
 */
import * as path from 'node:path'
import type { PddrcConfig } from '../pddrc/config.js'
import type { PathInfo } from '../../pycompat/fsview.js'
import { hasDisallowedText, portableRelative, unsafePortableComponent, type Project } from '../project.js'
import { comparePy } from '../../pycompat/pyfn.js'
import { absolute, leafName, parentOf, isBelow } from '../../pycompat/lexical.js'

/** A refusal of `get_pdd_file_paths` (PDD's `AmbiguousModuleError` family). */
export class PathRefusal extends Error {
  constructor(
    message: string,
    /** Absolute path of the input file at fault (`.pddrc`, `architecture.json`, the prompt), if any. */
    readonly file?: string
  ) {
    super(message)
    this.name = 'PathRefusal'
  }
}

/** The governing root every output must stay under, and whether it comes from project configuration. */
export interface Governing {
  root: string
  real: string
  hasConfig: boolean
}

/** `_governing_output_root`: the `.pddrc` directory, else the `architecture.json` directory, else the anchor. */
export function governingRoot(project: Project, configAnchor: string): Governing {
  // A function of the anchor alone; the (read-only) result is shared by every unit anchored there.
  const cache = project.table<Governing>('governingRoot')
  let gov = cache.get(configAnchor)
  if (gov === undefined) cache.set(configAnchor, (gov = governing(project, configAnchor)))
  return gov
}

function governing(project: Project, configAnchor: string): Governing {
  const pddrc = project.findPddrc(configAnchor)
  const arch = pddrc === null ? project.findArchitecture(configAnchor) : null
  const root = pddrc !== null ? parentOf(pddrc) : arch !== null ? parentOf(arch) : configAnchor
  return { root: project.real(root), real: project.real(root), hasConfig: pddrc !== null || arch !== null }
}

/** `_configured_output_string_is_unsafe` + `_configured_output_escapes_root` for one raw value. */
function unsafeValue(project: Project, raw: unknown, root: string): string | null {
  if (raw === null || raw === undefined || raw === '') return null
  if (typeof raw !== 'string') return 'is not a string'
  if (raw.includes('\\') || hasDisallowedText(raw) || /^[A-Za-z]:/.test(raw)) return 'is not a portable path'
  for (const part of raw.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') return "contains '..'"
    if (part.startsWith('{') && part.endsWith('}')) continue
    if (unsafePortableComponent(part)) return 'is not a portable path'
  }
  if (raw.startsWith('/')) {
    const real = project.real(raw)
    if (real !== root && !isBelow(real, root)) return 'points outside the project'
  }
  const candidate = path.resolve(root, raw)
  if (raw.includes('{') || raw.includes('}') || !project.view.hasSymlink(candidate)) return null
  const git = project.gitRoot(root)
  return project.chainWithin(candidate, git === null ? [root] : [git])
    ? null
    : 'goes through a symlink that leaves the project'
}

const checkedConfigs = new WeakMap<PddrcConfig, PathRefusal | null>()

/** Fails closed on unsafe output settings in any context of the `.pddrc` (as PDD checks them all up front). */
export function rejectUnsafeConfig(project: Project, config: PddrcConfig | null): void {
  if (config === null) return
  let verdict = checkedConfigs.get(config)
  if (verdict === undefined) {
    try {
      checkConfig(project, config)
      verdict = null
    } catch (e) {
      if (!(e instanceof PathRefusal)) throw e
      verdict = e
    }
    checkedConfigs.set(config, verdict)
  }
  if (verdict !== null) throw verdict
}

function checkConfig(project: Project, config: PddrcConfig): void {
  const root = project.real(config.dir)
  for (const ctx of config.contexts) {
    const d = ctx.defaults
    for (const [key, artifact] of [
      ['generate_output_path', 'code'],
      ['example_output_path', 'example'],
      ['test_output_path', 'test']
    ] as const) {
      const why = unsafeValue(project, d[key], root)
      if (why !== null)
        throw new PathRefusal(
          `unsafe ${artifact} output path '${String(d[key])}' in context '${ctx.name}': ${why}`,
          config.file
        )
    }
    rejectUnsafeOutputs(project, d.outputs, root, `context '${ctx.name}'`, config.file)
    if (d.prompts_dir !== undefined && d.prompts_dir !== null && typeof d.prompts_dir !== 'string') {
      throw new PathRefusal(`prompts_dir of context '${ctx.name}' is not a string`, config.file)
    }
  }
}

const checkedOutputs = new WeakMap<Project, WeakMap<object, Map<string, PathRefusal | null>>>()

/**
 * `_reject_unsafe_outputs_templates`: `outputs` must map artifacts to `{path: <non-empty string>}`. Every unit
 * of a context checks that context's (shared, read-only) `outputs`: each verdict is reached once per run.
 */
export function rejectUnsafeOutputs(
  project: Project,
  outputs: unknown,
  root: string,
  where: string,
  file?: string
): void {
  if (outputs === undefined || outputs === null) return
  if (typeof outputs !== 'object' || Array.isArray(outputs))
    throw new PathRefusal(`outputs of ${where} must be a mapping`, file)
  let byOutputs = checkedOutputs.get(project)
  if (byOutputs === undefined) checkedOutputs.set(project, (byOutputs = new WeakMap()))
  let verdicts = byOutputs.get(outputs)
  if (verdicts === undefined) byOutputs.set(outputs, (verdicts = new Map<string, PathRefusal | null>()))
  const key = `${root}\0${where}\0${file ?? ''}`
  let verdict = verdicts.get(key)
  if (verdict === undefined) {
    try {
      checkOutputs(project, outputs as Record<string, unknown>, root, where, file)
      verdict = null
    } catch (e) {
      if (!(e instanceof PathRefusal)) throw e
      verdict = e
    }
    verdicts.set(key, verdict)
  }
  if (verdict !== null) throw verdict
}

function checkOutputs(
  project: Project,
  outputs: Record<string, unknown>,
  root: string,
  where: string,
  file: string | undefined
): void {
  for (const [artifact, entry] of Object.entries(outputs)) {
    const p =
      typeof entry === 'object' && entry !== null && !Array.isArray(entry)
        ? (entry as Record<string, unknown>).path
        : undefined
    if (typeof p !== 'string' || p === '')
      throw new PathRefusal(`outputs.${artifact} of ${where} needs a non-empty 'path'`, file)
    const why = unsafeValue(project, p, root)
    if (why !== null)
      throw new PathRefusal(`unsafe outputs.${artifact}.path '${p}' in ${where}: ${why}`, file)
  }
}

/**
 * `_reanchor_output_to_root`: relative outputs are CWD-relative; they always end up under the governing root.
 * `st` is the file-system view's answer for `p` when it is absolute (null when relative).
 */
function reanchor(project: Project, p: string, gov: Governing, st: Readonly<PathInfo> | null): string {
  if (st === null) return path.resolve(project.cwd === gov.real ? project.cwd : gov.root, p)
  const real = st.real ?? absolute(p)
  if (real === gov.real || isBelow(real, gov.real)) return p
  if (gov.hasConfig && project.cwd !== gov.real && isBelow(real, project.cwd)) {
    return path.join(gov.root, real.slice(project.cwd.length + 1))
  }
  return p
}

/** The checks `_finalize_output_paths` applies to one artifact (code, example or test); returns its path. */
export function checkArtifact(project: Project, artifact: string, candidate: string, gov: Governing): string {
  if (candidate.includes('{') || candidate.includes('}')) {
    throw refusal(project, artifact, candidate, 'unexpanded template placeholder')
  }
  const first = candidate.startsWith('/') ? project.view.stat(candidate) : null
  const p = reanchor(project, candidate, gov, first)
  const st = first !== null && p === candidate ? first : project.view.stat(p)
  const real = st.real ?? absolute(p)
  const rel = real === gov.real ? '' : isBelow(real, gov.real) ? real.slice(gov.real.length + 1) : null
  if (rel === null || !portableRelative(rel)) {
    throw refusal(project, artifact, candidate, `resolves outside project root '${gov.root}'`)
  }
  if (rel === '') throw refusal(project, artifact, candidate, 'is the project root itself')
  const kind = (real === p ? st : project.view.stat(real)).entry?.kind
  if (kind !== undefined && kind !== 'broken' && kind !== 'file') {
    throw refusal(project, artifact, candidate, 'exists and is not a regular file')
  }
  if (st.symlinked) {
    const git = project.gitRoot(gov.root)
    if (!project.chainWithin(p, git === null ? [gov.real, gov.root] : [git])) {
      throw refusal(project, artifact, candidate, 'goes through a symlink that leaves the project')
    }
  }
  return p
}

/** A refusal of one artifact path, which it names relative to the CWD. */
function refusal(project: Project, artifact: string, candidate: string, why: string): PathRefusal {
  const shown = path.relative(project.cwd, path.resolve(project.cwd, candidate)) || '.'
  return new PathRefusal(`unsafe ${artifact} output path '${shown}': ${why}`)
}

/** The rebuilt `test_files`: the primary test, then sorted `<stem>*<suffix>` siblings inside the root. */
export function siblingTests(project: Project, test: string, gov: Governing): string[] {
  const dir = parentOf(test)
  const leaf = leafName(test)
  const dot = leaf.lastIndexOf('.')
  const hasSuffix = dot > 0 && dot < leaf.length - 1
  const stem = hasSuffix ? leaf.slice(0, dot) : leaf
  const suffix = hasSuffix ? leaf.slice(dot) : ''
  const found = project.view.namesStartingWith(dir, stem)
  // Usually the test itself is the only name with its stem.
  if (found.length === 0 || (found.length === 1 && found[0] === leaf)) return [test]
  return withSiblings(project, { test, dir, leaf, stem, suffix, found }, gov)
}

function withSiblings(
  project: Project,
  t: { test: string; dir: string; leaf: string; stem: string; suffix: string; found: string[] },
  gov: Governing
): string[] {
  const names = t.found
    .filter(n => n !== t.leaf && n.endsWith(t.suffix) && n.length >= t.stem.length + t.suffix.length)
    .filter(n => project.view.entry(path.join(t.dir, n))?.kind === 'file')
    .sort(comparePy)
  const out = [t.test]
  for (const n of names) {
    const real = project.real(path.join(t.dir, n))
    if (isBelow(real, gov.real) && portableRelative(real.slice(gov.real.length + 1)))
      out.push(path.join(t.dir, n))
  }
  return out
}

/**
 * The state shared by the ported resolvers for one discovery run: the cached file system view, the CWD
 * (= repository root, where the executor runs `pdd`), the environment, the `--context` override and cached
 * `.pddrc` loads. Also PDD's path-safety predicates (`_unsafe_portable_path_component`,
 * `_contains_disallowed_path_text`, `_symlink_chain_within_root`).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parsePddrc, PddrcError, type PddrcConfig } from '../settings/pddrc.js'
import { absolute, type FsView } from './fsview.js'

/** A `.pddrc` load: the config, or the error PDD would hit. */
export type PddrcLoad = { config: PddrcConfig; error?: undefined } | { config: null; error: PddrcError }

/** Shared state of one discovery run. */
export class Project {
  private readonly loads = new Map<string, PddrcLoad>()
  private readonly pddrcAt = new Map<string, string | null>()
  private readonly archAt = new Map<string, string | null>()
  private readonly gitAt = new Map<string, string | null>()
  /** Warnings collected while resolving (deduplicated by the caller). */
  readonly warnings: string[] = []

  constructor(
    readonly view: FsView,
    /** Real absolute path of the repository root, which is `pdd`'s CWD. */
    readonly cwd: string,
    readonly env: Record<string, string | undefined>,
    /** `--context` given to every `pdd` invocation, or null. */
    readonly cliContext: string | null
  ) {}

  /** `_find_pddrc_file(start)`: upward search, bounded by the repository root when `start` lies inside it. */
  findPddrc(startAbs: string): string | null {
    const start = absolute(startAbs)
    return memo(this.pddrcAt, start, () => {
      const candidate = path.join(start, '.pddrc')
      if (this.view.isFile(candidate)) return candidate
      const parent = path.dirname(start)
      const inside = start === this.cwd || start.startsWith(`${this.cwd}/`)
      return (inside && start === this.cwd) || parent === start ? null : this.findPddrc(parent)
    })
  }

  /** `_load_pddrc_config`, cached. */
  loadPddrc(file: string): PddrcLoad {
    const cached = this.loads.get(file)
    if (cached !== undefined) return cached
    let load: PddrcLoad
    try {
      const parsed = parsePddrc(fs.readFileSync(file, 'utf8'), file)
      this.warnings.push(...parsed.warnings)
      load = { config: parsed.config }
    } catch (e) {
      const err =
        e instanceof PddrcError ? e : new PddrcError(file, `${file}: cannot read .pddrc: ${String(e)}`)
      load = { config: null, error: err }
    }
    this.loads.set(file, load)
    return load
  }

  /** The config of the nearest `.pddrc` above `startAbs`, or null when there is none or it is malformed. */
  configAt(startAbs: string): PddrcConfig | null {
    const file = this.findPddrc(startAbs)
    return file === null ? null : this.loadPddrc(file).config
  }

  /** `_find_architecture_json`: upward from `startAbs`, stopping at a directory holding `.pddrc`. */
  findArchitecture(startAbs: string): string | null {
    const cur = absolute(startAbs)
    return memo(this.archAt, cur, () => {
      if (cur === path.dirname(cur)) return null
      const arch = path.join(cur, 'architecture.json')
      if (this.view.exists(arch)) return arch
      const inside = cur === this.cwd || cur.startsWith(`${this.cwd}/`)
      if (this.view.exists(path.join(cur, '.pddrc')) || (inside && cur === this.cwd)) return null
      return this.findArchitecture(path.dirname(cur))
    })
  }

  /** `os.path.realpath` (cached). */
  real(p: string): string {
    return this.view.realpath(p) ?? absolute(p)
  }

  /** The enclosing git worktree root (a `.git` entry), searched no higher than the repository root. */
  gitRoot(startAbs: string): string | null {
    const dir = absolute(startAbs)
    return memo(this.gitAt, dir, () => {
      if (this.view.exists(path.join(dir, '.git'))) return this.real(dir)
      return dir === this.cwd || dir === path.dirname(dir) ? null : this.gitRoot(path.dirname(dir))
    })
  }

  /** `_symlink_chain_within_root`: every physical hop of `p` stays on the way to, or inside, one of `roots`. */
  chainWithin(p: string, roots: string[]): boolean {
    const norms = roots.map(r => path.normalize(r))
    const relation = (node: string): 'inside' | 'ancestor' | 'outside' => {
      for (const rn of norms) {
        if (node === rn || node.startsWith(rn.endsWith('/') ? rn : `${rn}/`)) return 'inside'
        if (rn.startsWith(node.endsWith('/') ? node : `${node}/`)) return 'ancestor'
      }
      return 'outside'
    }
    const queue = path
      .resolve(p)
      .split('/')
      .filter(x => x !== '')
    let resolved = '/'
    for (let steps = 0; queue.length > 0; steps++) {
      if (steps > 4096) return false
      const comp = queue.shift() as string
      if (comp === '.') continue
      if (comp === '..') {
        resolved = path.dirname(resolved)
        continue
      }
      const node = path.join(resolved, comp)
      const rel = relation(node)
      if (rel === 'outside') return false
      const link = rel === 'inside' && this.view.entry(node)?.symlink === true ? readlink(node) : null
      if (link === null) {
        resolved = node
        continue
      }
      if (link.startsWith('/')) resolved = '/'
      queue.unshift(...link.split('/').filter(x => x !== ''))
    }
    return relation(resolved) !== 'outside'
  }
}

function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key) as T
  const value = compute()
  cache.set(key, value)
  return value
}

function readlink(p: string): string | null {
  try {
    return fs.readlinkSync(p)
  } catch {
    return null
  }
}

const RESERVED = new Set(['CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$', 'CLOCK$'])

const componentVerdicts = new Map<string, boolean>()

/** `_unsafe_portable_path_component`: invalid or special on Windows (`<>:"\|?*`, trailing dot/space, `CON`…). */
export function unsafePortableComponent(part: string): boolean {
  let verdict = componentVerdicts.get(part)
  if (verdict === undefined) {
    verdict = unsafeComponent(part)
    componentVerdicts.set(part, verdict)
  }
  return verdict
}

function unsafeComponent(part: string): boolean {
  const identity = (part.replace(/[ .]+$/, '').split('.')[0] ?? '').toUpperCase()
  return (
    /[<>:"\\|?*]/.test(part) ||
    part.endsWith(' ') ||
    part.endsWith('.') ||
    RESERVED.has(identity) ||
    (identity.length === 4 &&
      ['COM', 'LPT'].includes(identity.slice(0, 3)) &&
      '123456789¹²³'.includes(identity[3] as string))
  )
}

/** `_contains_disallowed_path_text`: control, format, surrogate or line/paragraph separator characters. */
export function hasDisallowedText(value: string): boolean {
  return /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u.test(value)
}

/** `_safe_architecture_prompt_filename`: a safe repository-relative POSIX path, or null. */
export function safeRelativePath(value: unknown): string[] | null {
  if (typeof value !== 'string' || value === '' || value !== value.trim()) return null
  if (hasDisallowedText(value) || value.includes('\\') || /^[A-Za-z]:/.test(value)) return null
  const parts = value.split('/').filter(p => p !== '' && p !== '.')
  if (parts.length === 0 || parts.join('/') !== value || value.startsWith('/') || parts.includes('..'))
    return null
  return parts.some(unsafePortableComponent) ? null : parts
}

/** `_safe_prompt_language`: one safe component without whitespace. */
export function safeLanguage(value: string): boolean {
  const parts = safeRelativePath(value)
  return parts !== null && parts.length === 1 && !/\s/u.test(value)
}

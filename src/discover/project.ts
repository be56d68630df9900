/**
 * The state shared by the ported resolvers for one discovery run: the cached file system view, the CWD
 * (= repository root, where the executor runs `pdd`), the environment, the `--context` override and cached
 * `.pddrc` loads. Also PDD's path-safety predicates (`_unsafe_portable_path_component`,
 * `_contains_disallowed_path_text`, `_symlink_chain_within_root`).
 */
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parsePddrc, PddrcError, type PddrcConfig } from './pddrc/config.js'
import { YamlNotLoaded } from './pddrc/yaml.js'
import type { FsView } from '../pycompat/fsview.js'
import { absolute, joinName, parentOf, isBelow } from '../pycompat/lexical.js'
import { readTextBounded, SIZE_LIMITS, TooLargeError } from './bounded.js'

/**
 * A `.pddrc` load: the config, or the error PDD would hit. `refused`: the file is one PDD would read but this
 * run will not apply (a symlink out of the repository, too large), so nothing may run.
 */
export type PddrcLoad =
  { config: PddrcConfig; error?: undefined } | { config: null; error: PddrcError; refused?: boolean }

/** Shared state of one discovery run. */
export class Project {
  private readonly loads = new Map<string, PddrcLoad>()
  private readonly pddrcAt = new Map<string, string | null>()
  private readonly archAt = new Map<string, string | null>()
  private readonly gitAt = new Map<string, string | null>()
  private readonly tables = new Map<string, Map<string, unknown>>()
  /** Warnings collected while resolving (deduplicated by the caller). */
  readonly warnings: string[] = []
  /** A `.pddrc` was met before the `yaml` package was loaded: this run's answers are to be discarded. */
  wantedYaml = false
  /** Environment `pdd` sees: a snapshot, as lookups on `process.env` are slow and resolvers make thousands. */
  readonly env: Record<string, string | undefined>
  /** `view.isDir` and `view.realpath` as plain callbacks, made once rather than per call. */
  readonly isDir = (p: string): boolean => this.view.isDir(p)
  readonly realpath = (p: string): string | null => this.view.realpath(p)

  constructor(
    readonly view: FsView,
    /** Real absolute path of the repository root, which is `pdd`'s CWD. */
    readonly cwd: string,
    env: Record<string, string | undefined>,
    /** `--context` given to every `pdd` invocation, or null. */
    readonly cliContext: string | null
  ) {
    this.env = Object.assign(Object.create(null) as Record<string, string | undefined>, env)
  }

  /**
   * A named cache for a resolver's pure function of a path (per directory, per file): the file system view and
   * the configuration do not change during a run, so each answer is computed once.
   */
  table<T>(name: string): Map<string, T> {
    let t = this.tables.get(name)
    if (t === undefined) this.tables.set(name, (t = new Map<string, unknown>()))
    return t as Map<string, T>
  }

  /** `_find_pddrc_file(start)`: upward search, bounded by the repository root when `start` lies inside it. */
  findPddrc(startAbs: string): string | null {
    // Keys are normal absolute paths, so a hit on the string as given needs no normalisation.
    const hit = this.pddrcAt.get(startAbs)
    return hit !== undefined ? hit : this.searchPddrc(absolute(startAbs))
  }

  // The searches live apart from their cache lookups, which run thousands of times and need no closure.
  private searchPddrc(start: string): string | null {
    return memo(this.pddrcAt, start, () => {
      const candidate = joinName(start, '.pddrc')
      if (this.view.isFile(candidate)) return candidate
      const parent = parentOf(start)
      const inside = start === this.cwd || isBelow(start, this.cwd)
      return (inside && start === this.cwd) || parent === start ? null : this.findPddrc(parent)
    })
  }

  /** `_load_pddrc_config`, cached. */
  loadPddrc(file: string): PddrcLoad {
    const cached = this.loads.get(file)
    if (cached !== undefined) return cached
    let load: PddrcLoad
    const outside = this.leavesRepository(file)
    if (outside !== null) {
      load = { config: null, error: new PddrcError(file, `${file}: ${outside}`), refused: true }
      this.loads.set(file, load)
      return load
    }
    try {
      const parsed = parsePddrc(readTextBounded(file, SIZE_LIMITS.pddrc), file)
      this.warnings.push(...parsed.warnings)
      load = { config: parsed.config }
    } catch (e) {
      if (e instanceof YamlNotLoaded) {
        // Not kept: discovery loads the package and starts again with a new Project (see pddrc/yaml.ts).
        this.wantedYaml = true
        return { config: null, error: new PddrcError(file, `${file}: ${e.message}`) }
      }
      const err =
        e instanceof PddrcError ? e : new PddrcError(file, `${file}: cannot read .pddrc: ${String(e)}`)
      load = { config: null, error: err, refused: e instanceof TooLargeError }
    }
    this.loads.set(file, load)
    return load
  }

  /**
   * Why a configuration file found inside the repository is refused because its real path leaves it (a symlink
   * to somewhere else), or null.
   */
  leavesRepository(file: string): string | null {
    const inside = (p: string): boolean => p === this.cwd || isBelow(p, this.cwd)
    if (!inside(file)) return null
    const real = this.view.realpath(file)
    return real === null || inside(real)
      ? null
      : 'is reached through a symlink that leaves the repository; refused, not applied'
  }

  /** The config of the nearest `.pddrc` above `startAbs`, or null when there is none or it is malformed. */
  configAt(startAbs: string): PddrcConfig | null {
    const file = this.findPddrc(startAbs)
    return file === null ? null : this.loadPddrc(file).config
  }

  /** `_find_architecture_json`: upward from `startAbs`, stopping at a directory holding `.pddrc`. */
  findArchitecture(startAbs: string): string | null {
    const hit = this.archAt.get(startAbs)
    return hit !== undefined ? hit : this.searchArchitecture(absolute(startAbs))
  }

  private searchArchitecture(cur: string): string | null {
    return memo(this.archAt, cur, () => {
      if (cur === parentOf(cur)) return null
      const arch = joinName(cur, 'architecture.json')
      if (this.view.exists(arch)) return arch
      const inside = cur === this.cwd || isBelow(cur, this.cwd)
      if (this.view.exists(joinName(cur, '.pddrc')) || (inside && cur === this.cwd)) return null
      return this.findArchitecture(parentOf(cur))
    })
  }

  /** `os.path.realpath` (cached). */
  real(p: string): string {
    return this.view.realpath(p) ?? absolute(p)
  }

  /** The enclosing git worktree root (a `.git` entry), searched no higher than the repository root. */
  gitRoot(startAbs: string): string | null {
    const hit = this.gitAt.get(startAbs)
    return hit !== undefined ? hit : this.searchGitRoot(absolute(startAbs))
  }

  private searchGitRoot(dir: string): string | null {
    return memo(this.gitAt, dir, () => {
      if (this.view.exists(joinName(dir, '.git'))) return this.real(dir)
      return dir === this.cwd || dir === parentOf(dir) ? null : this.gitRoot(parentOf(dir))
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
        resolved = parentOf(resolved)
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
  let value = cache.get(key)
  if (value === undefined) {
    value = compute()
    cache.set(key, value)
  }
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

// Printable ASCII without `<>:"\|?*` or space, and the shapes that make such a path unportable: a component ending
// in `.`, or one whose identity (up to its first `.`) is a reserved device name.
const PLAIN_PATH = /^[A-Za-z0-9!#$%&'()+,\-./;=@[\]^_`{}~]*$/
const PLAIN_UNSAFE =
  /\.(?:\/|$)|(?:^|\/)(?:CON|PRN|AUX|NUL|CONIN\$|CONOUT\$|CLOCK\$|COM[1-9]|LPT[1-9])(?:[./]|$)/i

/**
 * For a `/`-separated relative path: no component is unportable
 * ({@link unsafePortableComponent}) or contains disallowed text. Plain ASCII paths are judged in one pass.
 */
export function portableRelative(rel: string): boolean {
  if (PLAIN_PATH.test(rel)) return !PLAIN_UNSAFE.test(rel)
  return !rel.split('/').some(p => unsafePortableComponent(p) || hasDisallowedText(p))
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
  // `parts` is exactly `value.split('/')` here and no part has disallowed text.
  return portableRelative(value) ? parts : null
}

/** `_safe_prompt_language`: one safe component without whitespace. */
export function safeLanguage(value: string): boolean {
  let safe = safeLanguages.get(value)
  if (safe === undefined) {
    const parts = safeRelativePath(value)
    safe = parts !== null && parts.length === 1 && !/\s/u.test(value)
    safeLanguages.set(value, safe)
  }
  return safe
}

const safeLanguages = new Map<string, boolean>()

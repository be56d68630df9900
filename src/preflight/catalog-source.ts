/**
 * Which model catalog PDD will load, read the way `pdd/llm_invoke.py` 0.0.310 chooses it at import time:
 * `~/.pdd/llm_model.csv`, else `$PDD_PATH/.pdd/llm_model.csv` (PDD_PATH a real directory), else
 * `<project root from the working directory>/.pdd/llm_model.csv` (`_detect_project_root_from_cwd`: the first of
 * 5 levels holding `.git`, `pyproject.toml`, a `data/` folder or `.env`), else the packaged one. pdd runs in a
 * worktree of the base commit, so the project's files are read from that commit, not from the checkout.
 * Also the variables a `.env` at PDD's project root adds (python-dotenv, never overriding).
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import path from 'node:path'
import type { Git } from '../adapters/git.js'
import packagedCatalog from './packaged-llm-model.json' with { type: 'json' }
import type { CatalogText } from './provider-key.js'

type Env = Readonly<Record<string, string | undefined>>

/** Where to look. */
export interface CatalogSourceOptions {
  git: Git
  /** The commit pdd's worktrees are made from. */
  commit: string
  /** The PDD project directory (absolute, in the checkout). */
  repoRoot: string
  /** The environment pdd gets (HOME, PDD_PATH). */
  env: Env
  /** The pdd-cli version that will run, when known before it runs. */
  pddVersion?: string
}

/** What PDD will read. */
export interface CatalogSource {
  /** The catalog PDD loads; null = the packaged one. */
  catalog: CatalogText | null
  /** The packaged catalog of `pddVersion`, when this build carries it. */
  packaged: CatalogText | null
  /** Variables with a value in the `.env` PDD loads. */
  dotenv: Record<string, string>
  /** A cached PDD Cloud login exists. */
  jwtCached: boolean
  warnings: string[]
}

const CSV = path.join('.pdd', 'llm_model.csv')

/** Finds the catalog and `.env` PDD will load (see the module comment). */
export async function findCatalog(o: CatalogSourceOptions): Promise<CatalogSource> {
  const home = o.env.HOME || homedir()
  const pddPath = o.env.PDD_PATH ? path.resolve(o.env.PDD_PATH.replace(/^~(?=$|\/)/, home)) : undefined
  const pddPathDir = pddPath !== undefined && isDir(pddPath) ? pddPath : undefined
  const prefix = path.relative(o.git.root, realpathSync(o.repoRoot)).split(path.sep).join('/')
  const committed = new Map((await o.git.listBlobs(o.commit)).map(b => [b.path, b.oid]))
  const read = async (p: string): Promise<string | null> => {
    const oid = committed.get(p)
    return oid ? ((await o.git.readObjects([oid])).get(oid)?.toString('utf8') ?? null) : null
  }
  const warnings: string[] = []
  const root = projectRoot(prefix, committed)
  const projectCsv = path.posix.join(root, '.pdd/llm_model.csv')
  let catalog = fileCatalog(path.join(home, CSV), `~/.pdd/llm_model.csv (${path.join(home, CSV)})`)
  if (!catalog && pddPathDir) catalog = fileCatalog(path.join(pddPathDir, CSV), path.join(pddPathDir, CSV))
  if (!catalog) {
    const text = await read(projectCsv)
    if (text !== null) catalog = { label: projectCsv, text }
    else if (existsSync(path.join(o.git.root, projectCsv)))
      warnings.push(
        `${projectCsv} is in the checkout but not committed: pdd runs in a worktree of the commit and will not read it.`
      )
  }
  const envText = pddPathDir ? readOrNull(path.join(pddPathDir, '.env')) : await read('.env')
  return {
    catalog,
    packaged:
      o.pddVersion === packagedCatalog.version
        ? { label: `the catalog packaged with pdd-cli ${packagedCatalog.version}`, text: packagedCatalog.csv }
        : null,
    dotenv: envText ? parseDotenv(envText) : {},
    jwtCached: existsSync(path.join(home, '.pdd', 'jwt_cache')),
    warnings
  }
}

/** `_detect_project_root_from_cwd` over the committed tree, from the project directory up (5 levels). */
export function projectRoot(prefix: string, committed: ReadonlyMap<string, string>): string {
  let dir = prefix
  for (let level = 0; level < 5; level++) {
    if (dir === '') return '' // the worktree's top level holds `.git`
    const has = (name: string): boolean => committed.has(`${dir}/${name}`)
    const dataDir = [...committed.keys()].some(p => p.startsWith(`${dir}/data/`))
    if (has('.git') || has('pyproject.toml') || dataDir || has('.env')) return dir
    dir = path.posix.dirname(dir) === '.' ? '' : path.posix.dirname(dir)
  }
  return prefix
}

/** The variables a `.env` file sets to a non-empty value (python-dotenv's common forms). */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(.*)$/.exec(line)
    if (!m) continue
    const raw = (m[2] ?? '').trim()
    const quoted = /^(['"])(.*)\1$/.exec(raw)
    const value = quoted ? (quoted[2] ?? '') : raw.replace(/\s+#.*$/, '')
    if (value !== '') out[m[1] as string] = value
  }
  return out
}

function fileCatalog(file: string, label: string): CatalogText | null {
  // A file PDD cannot parse makes it fall back to the packaged catalog: an empty text reads as unreadable.
  return isFile(file) ? { label, text: readOrNull(file) ?? '' } : null
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile()
  } catch {
    return false
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory()
  } catch {
    return false
  }
}

function readOrNull(p: string): string | null {
  try {
    return readFileSync(p, 'utf8')
  } catch {
    return null
  }
}

/**
 * Is there a provider credential PDD can use? Decided before pdd-cli is installed (docs/architecture.md "Trust") from the
 * catalog PDD will load, the model selection it makes and the environment it gets; never stricter than PDD:
 * it fails only when every candidate model would be skipped for a missing key. Pure.
 */
import { parseCatalog, selectCandidates, type CatalogRow } from './catalog.js'
import { credentialLabel, rowUsable } from './credentials.js'

type Env = Readonly<Record<string, string | undefined>>

/** A catalog file: where it is (for messages) and its text. */
export interface CatalogText {
  label: string
  text: string
}

/** What the credential check reads. */
export interface ProviderKeyInput {
  /** The catalog PDD loads (see catalog-source.ts); null when it is the packaged one and that is unknown. */
  catalog: CatalogText | null
  /** The packaged catalog of the pdd version that will run, or null when the version is not known yet. */
  packaged: CatalogText | null
  /** The environment pdd gets, with the variables a project `.env` adds (PDD loads it without overriding). */
  env: Env
  /** `--strength` / input `strength`; else `PDD_STRENGTH_DEFAULT`, else 1.0. */
  strength?: number
  /** PDD Cloud instead of `--local`. */
  cloud: boolean
  /** A cached PDD Cloud login (`~/.pdd/jwt_cache`) exists. */
  jwtCached?: boolean
}

/** The decision: go on (with a note and maybe a warning), fail with a message, or not decidable. */
export type ProviderKeyVerdict =
  | { status: 'ok'; note: string; warning?: string }
  | { status: 'undecided'; note: string }
  | { status: 'fail'; message: string }

/** Decides whether PDD can call a model (see the module comment). */
export function checkProviderKey(i: ProviderKeyInput): ProviderKeyVerdict {
  if (i.cloud && cloudUsable(i)) {
    const how = i.env.PDD_JWT_TOKEN ? 'PDD_JWT_TOKEN is set' : 'a cached PDD Cloud login exists'
    return { status: 'ok', note: `pdd will use PDD Cloud (${how}).` }
  }
  let catalog = i.catalog ?? i.packaged
  let parsed = catalog ? parseCatalog(catalog.text) : null
  if (parsed?.kind === 'unreadable' && i.catalog) {
    // pd.read_csv failed: PDD warns and loads its packaged catalog instead.
    catalog = i.packaged
    parsed = catalog ? parseCatalog(catalog.text) : null
  }
  if (!catalog || !parsed || parsed.kind === 'unreadable')
    return {
      status: 'undecided',
      note: 'the model catalog of this pdd version is not known before it is installed, so provider keys were not checked.'
    }
  if (parsed.kind === 'invalid')
    return { status: 'fail', message: `The model catalog ${catalog.label} is not usable: ${parsed.reason}.` }
  return decide(parsed.rows, catalog.label, i)
}

function cloudUsable(i: ProviderKeyInput): boolean {
  if (i.env.PDD_FORCE_LOCAL || i.env.K_SERVICE || i.env.FUNCTIONS_EMULATOR) return false
  return !!i.env.PDD_JWT_TOKEN || i.jwtCached === true
}

function decide(rows: CatalogRow[], label: string, i: ProviderKeyInput): ProviderKeyVerdict {
  const baseModel = i.env.PDD_MODEL_DEFAULT || undefined
  const strength = i.strength ?? defaultStrength(i.env)
  const sel = selectCandidates(rows, { strength, baseModel, env: i.env })
  if ('error' in sel)
    return { status: 'fail', message: `pdd cannot pick a model from ${label}: ${sel.error}.` }
  const usable = sel.candidates.find(r => rowUsable(r, i.env))
  if (usable) {
    const key = credentialLabel(usable)
    const note = `pdd will use ${usable.model} (${usable.provider}, ${key ? `${key} is set` : 'no key needed'}) from ${label}.`
    const base = sel.base
    const warning =
      baseModel && usable.model !== base.model
        ? `PDD_MODEL_DEFAULT is ${baseModel} but ${credentialLabel(base) || 'its credential'} is not set: pdd will use ${usable.model} (${usable.provider}) instead.`
        : undefined
    return warning ? { status: 'ok', note, warning } : { status: 'ok', note }
  }
  return { status: 'fail', message: missingKeyMessage(sel.candidates, label, i.cloud) }
}

/** `DEFAULT_STRENGTH` of `pdd/__init__.py`: `PDD_STRENGTH_DEFAULT`, else 1.0. */
function defaultStrength(env: Env): number {
  const n = Number(env.PDD_STRENGTH_DEFAULT)
  return env.PDD_STRENGTH_DEFAULT?.trim() && Number.isFinite(n) ? n : 1
}

/** Names the credentials to set, in the order PDD would try their models. */
function missingKeyMessage(candidates: CatalogRow[], label: string, cloud: boolean): string {
  const names = [...new Set(candidates.map(credentialLabel).filter(Boolean))]
  const shown = names.slice(0, 5)
  const first = shown[0] ?? 'a provider key'
  const rest = shown.slice(1)
  if (names.length > shown.length) rest.push(`… ${names.length - shown.length} more in ${label}`)
  const alternatives = rest.length > 0 ? ` (or ${rest.join(', ')})` : ''
  const jwt = cloud ? ' With pdd-cloud, PDD_JWT_TOKEN (a PDD Cloud token) would do as well.' : ''
  const example = /^[A-Z0-9_]+$/.test(first) ? `\n  env:\n    ${first}: \${{ secrets.${first} }}` : ''
  return (
    `No provider credential that pdd can use is set: every model pdd could pick from ${label} needs a key ` +
    `that is missing or empty. Set ${first}${alternatives} from a secret in the step's env ` +
    `(on a laptop: export it).${jwt}${example}`
  )
}

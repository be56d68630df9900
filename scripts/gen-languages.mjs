#!/usr/bin/env node
// Regenerates src/discover/languages.json from the pdd-cli installed in a venv: the rows of
// pdd/data/language_format.csv, the alias registry PDD builds from them (pdd/sync_core/language.py),
// construct_paths.BUILTIN_EXT_MAP and sync_main.SUPPORTED_SYNC_LANGUAGES.
//
// Usage: node scripts/gen-languages.mjs [path/to/venv]   (default: $PDD_VENV or the action's cache)
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '..', 'src', 'discover', 'languages.json')
const venv =
  process.argv[2] ??
  process.env.PDD_VENV ??
  join(homedir(), '.cache', 'pdd-sync-action', 'venv-pdd-0.0.310-py3.12')
const python = join(venv, 'bin', 'python')

// Read through PDD's own modules so aliases and fallbacks are exactly what the installed version uses.
const dump = String.raw`
import csv, json, sys
from importlib.metadata import version
from pathlib import Path
import pdd
from pdd.sync_core.language import LanguageRegistry
from pdd.construct_paths import BUILTIN_EXT_MAP
from pdd.sync_main import SUPPORTED_SYNC_LANGUAGES
csv_path = Path(pdd.__file__).parent / "data" / "language_format.csv"
with csv_path.open(newline="", encoding="utf-8") as handle:
    rows = list(csv.DictReader(handle))
registry = LanguageRegistry.from_csv(csv_path)
json.dump({
    "version": version("pdd-cli"),
    "rows": rows,
    "registry": [
        {"id": s.language_id, "display": s.display_name, "aliases": list(s.aliases), "extensions": list(s.extensions)}
        for s in registry.specs
    ],
    "builtinExtMap": BUILTIN_EXT_MAP,
    "syncLanguages": SUPPORTED_SYNC_LANGUAGES,
}, sys.stdout)
`

// Importing pdd leaves a litellm_cache.sqlite/ in the working directory: run it in a scratch directory.
const scratch = mkdtempSync(join(tmpdir(), 'gen-languages-'))
let raw
try {
  raw = JSON.parse(
    execFileSync(python, ['-c', dump], {
      cwd: scratch,
      encoding: 'utf8',
      env: { ...process.env, LITELLM_LOCAL_MODEL_COST_MAP: 'True', PDD_AUTO_UPDATE: 'false' },
      stdio: ['ignore', 'pipe', 'inherit']
    })
  )
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

const doc = {
  source: `pdd-cli ${raw.version} pdd/data/language_format.csv`,
  generatedBy: 'scripts/gen-languages.mjs',
  rows: raw.rows.map(r => ({
    name: r.language,
    key: r.language.trim().toLowerCase(),
    comment: r.comment ?? '',
    extension: r.extension ?? '',
    runCommand: r.run_command ?? '',
    runTestCommand: r.run_test_command ?? '',
    outputs: (r.outputs ?? '').split('|').filter(x => x !== '')
  })),
  registry: raw.registry,
  builtinExtMap: raw.builtinExtMap,
  syncLanguages: raw.syncLanguages
}
// One entry per line keeps diffs of a regenerated table readable.
const lines = Object.entries(doc).map(([key, value]) => {
  const body = Array.isArray(value)
    ? `[\n${value.map(v => `    ${JSON.stringify(v)}`).join(',\n')}\n  ]`
    : JSON.stringify(value)
  return `  ${JSON.stringify(key)}: ${body}`
})
writeFileSync(out, `{\n${lines.join(',\n')}\n}\n`)
console.log(`wrote ${out}: ${doc.rows.length} rows, ${doc.registry.length} languages (${doc.source})`)

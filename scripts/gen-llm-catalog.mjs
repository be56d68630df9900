#!/usr/bin/env node
// Regenerates src/preflight/packaged-llm-model.json from the pdd-cli installed in a venv: the text of
// pdd/data/llm_model.csv, the catalog PDD loads when neither ~/.pdd nor the project has one. The pre-flight
// check reads it before pdd-cli is installed; it is used only for the pdd-cli version it was taken from.
//
// Usage: node scripts/gen-llm-catalog.mjs [path/to/venv]   (default: $PDD_VENV or the action's cache)
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const out = join(here, '..', 'src', 'preflight', 'packaged-llm-model.json')
const venv =
  process.argv[2] ??
  process.env.PDD_VENV ??
  join(homedir(), '.cache', 'pdd-sync-action', 'venv-pdd-0.0.310-py3.12')
const python = join(venv, 'bin', 'python')

const dump = String.raw`
import json, importlib.resources
from importlib.metadata import version
text = importlib.resources.files("pdd").joinpath("data/llm_model.csv").read_text()
print(json.dumps({"version": version("pdd-cli"), "csv": text}))
`
const data = JSON.parse(execFileSync(python, ['-c', dump], { encoding: 'utf8' }))
const json = {
  source: `pdd-cli ${data.version} pdd/data/llm_model.csv`,
  generatedBy: 'scripts/gen-llm-catalog.mjs',
  version: data.version,
  csv: data.csv
}
writeFileSync(out, JSON.stringify(json, null, 2) + '\n')
console.log(`wrote ${out} (pdd-cli ${data.version}, ${data.csv.split('\n').length - 2} rows)`)

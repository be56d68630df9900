/**
 * A stand-in for an external agent CLI (docs/pdd-agents.md), as the scripted LLM server stands in for the
 * provider: an executable named `claude` that answers what pdd-cli 0.0.310 sends an agent, deterministically.
 * PDD finds it on PATH (`_find_cli_binary`), asks `claude --version` and `claude auth status`, and runs
 * `claude -p - --dangerously-skip-permissions --output-format json --model M` with its task on stdin, reading one
 * Claude Code result object from stdout (`_run_with_provider`, `_parse_provider_json`). For the tasks:
 * - test generation (`agentic_test_generate_LLM`): writes the scripted test for the code file's stem to the
 *   "Output test file" path and answers `{"success": true, …}`;
 * - verify (`agentic_verify_explore_LLM`): changes nothing and answers `{"success": true, …}`;
 * - anything else (crash, fix): answers `{"success": false, …}`.
 * Every task is appended to `log` (its first line and the paths it names), so a test can say what PDD asked.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** A stand-in agent installed in a folder to put first on PATH. */
export interface AgentStandIn {
  /** The folder holding `claude`. */
  binDir: string
  /** The tasks PDD gave it, one JSON line each: `{ task, code, test }`. */
  tasks: () => AgentTask[]
}

export interface AgentTask {
  task: 'test' | 'verify' | 'other'
  code?: string
  test?: string
}

/**
 * Writes the stand-in into `dir/bin/claude`; `tests` maps a code file's name (`greet.ts`) or, failing that, its
 * stem (`greet`) to the test it writes.
 */
export function agentStandIn(dir: string, tests: Record<string, string>): AgentStandIn {
  const binDir = path.join(dir, 'bin')
  mkdirSync(binDir, { recursive: true })
  const log = path.join(dir, 'agent-tasks.jsonl')
  writeFileSync(log, '')
  const file = path.join(binDir, 'claude')
  writeFileSync(file, `#!${process.execPath}\n${SCRIPT(JSON.stringify(tests), JSON.stringify(log))}`)
  chmodSync(file, 0o755)
  return {
    binDir,
    tasks: () =>
      readFileSync(log, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(l => JSON.parse(l) as AgentTask)
  }
}

/** The stand-in's source (plain Node, no dependencies). */
const SCRIPT = (tests: string, log: string): string => `
const fs = require('node:fs')
const path = require('node:path')
const TESTS = ${tests}
const LOG = ${log}
const args = process.argv.slice(2)
if (args[0] === '--version') {
  process.stdout.write('2.1.263 (Claude Code)\\n')
  process.exit(0)
}
if (args[0] !== '-p') {
  process.stderr.write('stand-in agent: unsupported arguments ' + JSON.stringify(args) + '\\n')
  process.exit(1)
}
const task = fs.readFileSync(0, 'utf8')
const field = name => (new RegExp('^- ' + name + ': (.+)$', 'm').exec(task) || [])[1]
const code = field('Code file to test') || field('Code file')
const test = field('Output test file')
let answer
if (test && code) {
  const stem = path.basename(code).replace(/\\.[^.]+$/, '')
  const content = TESTS[path.basename(code)] ?? TESTS[stem]
  if (content === undefined) answer = { success: false, message: 'stand-in agent: no scripted test for ' + stem }
  else {
    fs.mkdirSync(path.dirname(test), { recursive: true })
    fs.writeFileSync(test, content)
    answer = { success: true, message: 'stand-in agent wrote the scripted test for ' + stem, test_file: test, changed_files: [test] }
  }
  fs.appendFileSync(LOG, JSON.stringify({ task: 'test', code, test }) + '\\n')
} else if (/You are fixing a verification failure/.test(task)) {
  answer = { success: true, message: 'stand-in agent: the program output matches the prompt', changed_files: [] }
  fs.appendFileSync(LOG, JSON.stringify({ task: 'verify', code }) + '\\n')
} else {
  answer = { success: false, message: 'stand-in agent: no script for this task' }
  fs.appendFileSync(LOG, JSON.stringify({ task: 'other', code }) + '\\n')
}
const result = 'Done. Result follows.\\n\\n\`\`\`json\\n' + JSON.stringify(answer) + '\\n\`\`\`'
process.stdout.write(JSON.stringify({
  type: 'result', subtype: 'success', is_error: false, result,
  total_cost_usd: 0, num_turns: 1, duration_ms: 1, session_id: 'stand-in',
  usage: { input_tokens: 0, output_tokens: 0, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 }
}) + '\\n')
`

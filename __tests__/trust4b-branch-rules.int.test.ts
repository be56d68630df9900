/**
 * A push of the bot branch that the repository's branch protection (GH006) or rulesets (GH013) refuse. Before,
 * the run failed with git's last three lines of stderr ("remote: ", "To …", "! [remote rejected] …"), which do not
 * say what to change; now the error names the rule and the fix. A real pre-receive hook on the bare origin answers
 * with GitHub's words.
 */
import { chmodSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { Git } from '../src/adapters/git.js'
import { BOT } from '../src/execute/execute.js'
import { publishBranch } from '../src/publish/branch.js'
import { cloneOf, git, gitEnv, makeRepo, writeFiles } from './helpers/git-repo.js'

const BRANCH = 'pdd-sync/main'

const GH006 = [
  'remote: error: GH006: Protected branch update failed for refs/heads/pdd-sync/main.',
  'remote: error: Changes must be made through a pull request.'
]
const GH013 = [
  'remote: error: GH013: Repository rule violations found for refs/heads/pdd-sync/main.',
  'remote: Review all repository rules at https://github.com/acme/calc/rules?ref=refs%2Fheads%2Fpdd-sync%2Fmain',
  'remote: ',
  'remote: - Cannot create ref due to creations being restricted.',
  'remote: '
]

it.each([
  [
    'branch protection (GH006)',
    GH006,
    /branch protection refused the push of the bot branch "pdd-sync\/main" \(GH006\)/
  ],
  ['a ruleset (GH013)', GH013, /rules refused the push of the bot branch "pdd-sync\/main" \(GH013\)/]
])('%s: the error names the rule and what to change', async (_n, lines, expected) => {
  const repo = makeRepo({ 'calc.py': 'x = 1\n' })
  const hook = path.join(repo.origin, 'hooks', 'pre-receive')
  // The hook prints what GitHub prints (git adds "remote: " itself) and refuses.
  const text = lines.map(l => l.replace(/^remote: ?/, '')).join('\n')
  writeFileSync(hook, `#!/bin/sh\ncat >/dev/null\ncat >&2 <<'EOF'\n${text}\nEOF\nexit 1\n`)
  chmodSync(hook, 0o755)
  const dir = cloneOf(repo.origin)
  const base = git(dir, 'rev-parse', 'HEAD').trim()
  writeFiles(dir, { 'calc.py': 'x = 2\n' })
  git(dir, 'commit', '-qam', 'bot work')
  git(dir, 'update-ref', `refs/heads/${BRANCH}`, 'HEAD')
  const e = await publishBranch({
    git: await Git.open(dir, gitEnv()),
    remote: 'origin',
    branch: BRANCH,
    localRef: `refs/heads/${BRANCH}`,
    base,
    identity: BOT,
    overwriteHumanCommits: false,
    allowWorkflowChanges: false
  }).then(
    () => null,
    (x: unknown) => x as Error
  )
  expect(e?.message).toMatch(expected)
  expect(e?.message).toMatch(/keep "pdd-sync\/main" out of the rule .* "push-token"/)
})

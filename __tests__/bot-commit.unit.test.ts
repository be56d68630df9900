/**
 * Bot commits are known by their trailers (docs/architecture.md "Bot commits"); commits older than the trailers
 * by their author, committer and subject. The commit message comes from the `commit-message` template.
 */
import { describe, expect, it } from 'vitest'
import type { CommitInfo } from '../src/adapters/git.js'
import { renderCommitMessage } from '../src/execute/commit-message.js'
import { botCommitOf, isHumanCommit, trailersOf, WEB_FLOW } from '../src/publish/bot-commit.js'
import { signPathFor } from '../src/publish/signed-push.js'
import {
  ACTIONS_BOT,
  commitTemplateProblem,
  COMMIT_INPUTS,
  parsePerson
} from '../src/settings/commit-inputs.js'

const BOT = ACTIONS_BOT
const ALICE = { name: 'Alice', email: 'alice@example.com' }
const CUSTOM = { name: 'Sync Bot', email: 'sync@example.com' }

const message = (o: { template?: string; partial?: boolean } = {}): string =>
  renderCommitMessage({
    basename: 'pkg/calc',
    units: [
      { id: 'pkg/calc_python', language: 'python', operations: ['generate', 'test'] },
      {
        id: 'pkg/calc_typescript',
        language: 'typescript',
        operations: ['generate'],
        ...(o.partial ? { partialReason: 'tests failed\nagain' } : {})
      }
    ],
    runId: 'r-1',
    cost: 0.25,
    template: o.template
  })

function commit(msg: string, author: { email: string }, committer: { email: string } = author): CommitInfo {
  return {
    sha: 'a'.repeat(40),
    authorName: 'x',
    authorEmail: author.email,
    committerName: 'x',
    committerEmail: committer.email,
    subject: msg.split('\n')[0] ?? '',
    message: msg
  }
}

describe('commit message', () => {
  it('the default template writes the old subject, then the trailers', () => {
    expect(message()).toBe(
      'pdd-sync: pkg/calc (python, typescript): generate, test\n\n' +
        'PDD-Sync-Group: pkg/calc (python, typescript)\n' +
        'PDD-Sync-Unit: pkg/calc_python\nPDD-Sync-Unit: pkg/calc_typescript\n' +
        'PDD-Sync-Run: r-1\nPDD-Sync-Cost: $0.2500\n'
    )
  })

  it('a template fills every placeholder, keeps its body, and the trailers stay last', () => {
    const m = message({
      template: 'chore({basename}): {operations} [{languages}]\n\nUnit {unit}.',
      partial: true
    })
    expect(m.split('\n\n')).toEqual([
      'chore(pkg/calc): generate, test [python, typescript]',
      'Unit pkg/calc (python, typescript).',
      'PARTIAL (failed, kept by keep-partial): pkg/calc_typescript: tests failed again',
      'PDD-Sync-Group: pkg/calc (python, typescript)\nPDD-Sync-Unit: pkg/calc_python\n' +
        'PDD-Sync-Unit: pkg/calc_typescript\nPDD-Sync-Partial: pkg/calc_typescript\n' +
        'PDD-Sync-Run: r-1\nPDD-Sync-Cost: $0.2500\n'
    ])
    expect(trailersOf(m).get('pdd-sync-unit')).toEqual(['pkg/calc_python', 'pkg/calc_typescript'])
  })

  it.each([
    ['pdd-sync: {unit}: {operations}', null],
    ['{operations} of {basename}', null],
    ['sync {units}', /"\{units\}" is not a placeholder \(use \{unit\}, \{basename\}/],
    ['\nbody only', /subject\) is empty/]
  ])('template %j', (t, problem) => {
    const p = commitTemplateProblem(t)
    if (problem === null) expect(p).toBeNull()
    else expect(p).toMatch(problem)
  })

  it('the input names itself when the template is refused', () => {
    expect(() => COMMIT_INPUTS['commit-message'].parse('x {nope}', 'commit-message')).toThrow(
      /Input "commit-message" is not a commit message template: "\{nope\}"/
    )
  })
})

describe('author and committer inputs', () => {
  it.each([
    ['Sync Bot <sync@example.com>', CUSTOM],
    ['  github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com> ', BOT],
    ['Ann Lee<ann@x.org>', { name: 'Ann Lee', email: 'ann@x.org' }],
    ['sync@example.com', null],
    ['<sync@example.com>', null],
    ['Sync Bot <not an email>', null],
    ['Sync <a@b> Bot <c@d>', null],
    ['Two\nLines <a@b.c>', null]
  ])('%j', (raw, want) => expect(parsePerson(raw)).toEqual(want))

  it('a bad value is refused naming the input; the default is the github-actions bot', () => {
    expect(() => COMMIT_INPUTS.committer.parse('Bot', 'committer')).toThrow(
      /Input "committer" must be "Display Name <email@address.com>"; got "Bot"/
    )
    const spec = COMMIT_INPUTS.author
    expect(spec.parse(spec.default ?? '', 'author')).toEqual(BOT)
    expect(COMMIT_INPUTS['sign-commits'].default).toBe('false')
  })
})

describe('which commits are the bot’s', () => {
  const custom = message({ template: 'chore: {unit}' })
  const old = 'pdd-sync: pkg/calc (python): generate\n\nPDD-Sync-Run: r\nPDD-Sync-Cost: $0.1\n'
  const older = 'pdd-sync: pkg/calc (python): generate [partial]\n'
  it.each([
    ['trailers, committed by the bot', custom, ALICE, BOT, BOT, false],
    ['trailers, signed by GitHub through the API', custom, ALICE, WEB_FLOW, BOT, false],
    ['trailers, committed by the configured committer', custom, CUSTOM, CUSTOM, CUSTOM, false],
    ['trailers, but a person amended it', custom, BOT, ALICE, BOT, true],
    ['trailers, committed by the bot, but another committer is configured', custom, BOT, BOT, CUSTOM, true],
    ['no trailers, author and committer the bot (an old commit)', older, BOT, BOT, BOT, false],
    ['no trailers, a person commits', 'fix typo\n', ALICE, ALICE, BOT, true],
    ['no trailers, a person edits in the browser', 'Update calc.py\n', ALICE, WEB_FLOW, BOT, true],
    ['no trailers, authored by a person, committed by the bot', 'fix\n', ALICE, BOT, BOT, true]
  ])('%s', (_what, msg, author, committer, bot, human) =>
    expect(isHumanCommit(commit(msg, author, committer), bot)).toBe(human)
  )

  it.each([
    [
      'new, any subject',
      custom,
      { basename: 'pkg/calc', name: 'pkg/calc (python, typescript)', partial: false }
    ],
    [
      'new, every unit partial',
      message({ template: 'x', partial: true }).replace(
        'PDD-Sync-Partial: pkg/calc_typescript',
        'PDD-Sync-Partial: pkg/calc_typescript\nPDD-Sync-Partial: pkg/calc_python'
      ),
      { basename: 'pkg/calc', name: 'pkg/calc (python, typescript)', partial: true }
    ],
    [
      'new, one unit partial',
      message({ partial: true }),
      { basename: 'pkg/calc', name: 'pkg/calc (python, typescript)', partial: false }
    ],
    ['old with a run trailer', old, { basename: 'pkg/calc', name: 'pkg/calc (python)', partial: false }],
    [
      'old without trailers, partial',
      older,
      { basename: 'pkg/calc', name: 'pkg/calc (python)', partial: true }
    ],
    ['neither', 'fix typo\n\nSigned-off-by: A <a@b.c>\n', null],
    ['a group trailer without the run trailer is not read', 'x\n\nPDD-Sync-Group: a (python)\n', null]
  ])('group of %s', (_what, msg, want) => expect(botCommitOf(commit(msg, BOT))).toEqual(want))
})

describe('which API signs the commits', () => {
  const change = (oldMode: string, mode: string) => ({ path: 'p', oldMode, mode, oid: 'b'.repeat(40) })
  it.each([
    [
      'new and changed regular files, deletions',
      [change('000000', '100644'), change('100644', '100644'), change('100755', '000000')],
      'graphql'
    ],
    ['a new executable', [change('000000', '100755')], 'git-data'],
    ['an executable changed', [change('100755', '100755')], 'git-data'],
    ['a file made executable', [change('100644', '100755')], 'git-data'],
    ['an executable made a regular file', [change('100755', '100644')], 'git-data'],
    ['a symlink', [change('000000', '120000')], 'git-data'],
    ['a submodule', [change('160000', '160000')], 'git-data']
  ] as const)('%s → %s', (_what, changes, path) =>
    expect(signPathFor([{ changes: [...changes] }])).toBe(path)
  )
})

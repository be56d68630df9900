import { describe, expect, it } from 'vitest'
import {
  declaredIncludeTargets,
  parseDeclaredIncludes,
  parseIncludeReferences,
  resolveIncludes,
  type IncludeTarget
} from '../src/discover/includes.js'

describe('parseIncludeReferences (PDD _legacy_include_references)', () => {
  it.each([
    ['plain tag', '<include>docs/a.md</include>', ['docs/a.md']],
    ['attributes', '<include select="def:f" mode="interface">a.py</include>', ['a.py']],
    ['attributes spanning lines', '<include\n  select="x">a.py</include>', ['a.py']],
    ['body must stay on one line', '<include>\na.py\n</include>', []],
    ['self-closing is ignored', '<include path="a.py"/>', []],
    [
      'self-closing then a tag on the same line: text in between',
      '<include a/> b <include>c</include>',
      [' b <include>c']
    ],
    ['backtick form', 'see ```<ctx/b.txt>``` here', ['ctx/b.txt']],
    [
      'tags before backticks, each in text order',
      '```<z>``` <include>y</include> <include>x</include>',
      ['y', 'x', 'z']
    ],
    ['word boundary: <includes> is not a tag', '<includes>a</includes> <includex>b</include>', []],
    ['a dash ends the word, as in Python', '<include-x>a</include>', ['a']],
    ['Unicode letters continue the word', '<includeé>a</include>', []],
    ['whitespace is kept raw', '<include> a.md </include>', [' a.md ']]
  ])('%s', (_name, text, refs) => {
    expect(parseIncludeReferences(text)).toEqual(refs)
  })
})

describe('resolveIncludes (PDD _safe_report_include + sorted dedupe)', () => {
  const kinds: Record<string, IncludeTarget> = {
    'prompts/a.md': 'file',
    'docs/a.md': 'file',
    'docs/b.md': 'file',
    'prompts/shared/c.md': 'file',
    'shared/c.md': 'file',
    'docs/dir': 'other',
    prompts: 'other',
    'docs/link.md': 'unsafe',
    'B.md': 'file',
    'a.md': 'file',
    'sub/x.md': 'file',
    'x.md': 'file'
  }
  const exists = (p: string): IncludeTarget => kinds[p] ?? 'missing'
  it.each([
    ['prompt directory first', '<include>a.md</include>', [], 'prompts/a.md'],
    ['then the trusted root', '<include>docs/b.md</include>', [], 'docs/b.md'],
    ['missing files are skipped', '<include>nope.md</include>', [], undefined],
    ['stripped before resolving', '<include>  docs/b.md\t</include>', [], 'docs/b.md'],
    ['.. inside the root is fine', '<include>../docs/b.md</include>', [], 'docs/b.md'],
    [
      'absolute paths make PDD raise',
      '<include>/etc/passwd</include>',
      ['absolute include path is unsafe: /etc/passwd'],
      undefined
    ],
    [
      'escaping the root makes PDD raise',
      '<include>../../x.md</include>',
      ['include path escapes project: ../../x.md'],
      undefined
    ],
    [
      'a directory makes PDD raise',
      '<include>docs/dir</include>',
      ['non-regular include path: docs/dir'],
      undefined
    ],
    [
      'an unsafe symlink makes PDD raise',
      '<include>docs/link.md</include>',
      ['symlink include path is unsafe: docs/link.md'],
      undefined
    ],
    [
      'an empty include names the directory',
      '<include></include>',
      ['non-regular include path: (empty)'],
      undefined
    ]
  ])('%s', (_name, text, problems, first) => {
    const r = resolveIncludes({ text, promptPath: 'prompts/p_python.prompt', exists })
    expect(r.problems).toEqual(problems)
    expect(r.includes[0]).toBe(first)
  })

  it('de-duplicates by declared text and sorts by code point (uppercase first)', () => {
    const text = '<include>a.md</include> ```<B.md>``` <include>a.md</include> <include>docs/b.md</include>'
    const r = resolveIncludes({ text, promptPath: 'p_python.prompt', exists })
    expect(r.includes).toEqual(['B.md', 'a.md', 'docs/b.md'])
  })

  it('keeps a file twice when two spellings resolve to it (PDD hashes it twice)', () => {
    const r = resolveIncludes({
      text: '<include>c.md</include><include>shared/c.md</include>',
      promptPath: 'prompts/shared/p.prompt',
      exists
    })
    expect(r.includes).toEqual(['prompts/shared/c.md', 'shared/c.md'])
  })

  it('a nested trusted root confines candidates to it', () => {
    const inside = resolveIncludes({
      text: '<include>x.md</include>',
      promptPath: 'sub/p/p.prompt',
      root: 'sub',
      exists
    })
    expect(inside).toEqual({ includes: ['sub/x.md'], problems: [], missing: [] })
    const outside = resolveIncludes({
      text: '<include>../x.md</include>',
      promptPath: 'sub/p.prompt',
      root: 'sub',
      exists
    })
    expect(outside).toEqual({
      includes: [],
      problems: ['include path escapes project: ../x.md'],
      missing: []
    })
  })

  it('accepts a boolean callback', () => {
    const r = resolveIncludes({
      text: '<include>a.md</include>',
      promptPath: 'x.prompt',
      exists: p => p === 'a.md'
    })
    expect(r.includes).toEqual(['a.md'])
  })
})

describe('parseDeclaredIncludes (every form PDD expands; for dependency edges)', () => {
  it.each([
    ['plain tag, stripped', '<include> a.md </include>', ['a.md']],
    ['attributes', '<include select="def:f" mode="interface">a.py</include>', ['a.py']],
    ['body spanning lines', '<include>\n  a.py\n</include>', ['a.py']],
    ['path attribute wins over the body', '<include path="a.py">ignored</include>', ['a.py']],
    ['self-closing with a path', '<include path="a.py" />', ['a.py']],
    ['self-closing without a path', '<include a/> b <include>c</include>', ['c']],
    ['xpath is not path', '<include xpath="x" path=\'a.py\'/>', ['a.py']],
    ['a path with a newline is no path', '<include>a\nb</include>', []],
    ['unclosed tags', '<include>a <include>b', []],
    ['word boundary', '<includes>a</includes> <includex>b</include>', []],
    [
      'include-many: commas and lines',
      '<include-many optional>a.py, b.py\n\n c.py ,</include-many>',
      ['a.py', 'b.py', 'c.py']
    ],
    [
      'include-many is not a plain include',
      '<include-many>a.py</include-many><include>b</include>',
      ['b', 'a.py']
    ],
    ['backtick form', 'see ```< ctx/b.txt >``` and ```<c>``` ', ['ctx/b.txt', 'c']],
    ['backtick form on one line', '```<a\nb>```', []],
    ['empty ones dropped', '<include>  </include> ```<>``` <include-many> , </include-many>', []]
  ])('%s', (_name, text, refs) => {
    expect(parseDeclaredIncludes(text)).toEqual(refs)
  })

  it('finds everything the hash parser finds', () => {
    const text = '<include x="1">a.md</include> ```<b.md>``` <include>\tc.md</include>'
    expect(parseDeclaredIncludes(text).sort()).toEqual(
      parseIncludeReferences(text)
        .map(r => r.trim())
        .sort()
    )
  })
})

describe('declaredIncludeTargets (every place PDD looks, existing or not)', () => {
  it.each([
    ['prompt directory, root and CWD', 'prompts/p.prompt', '.', 'src/a.py', ['prompts/src/a.py', 'src/a.py']],
    ['relative form', 'prompts/p.prompt', '.', '../src/a.py', ['src/a.py']],
    ['escaping candidates dropped', 'p.prompt', '.', '../a.py', []],
    ['absolute paths dropped', 'prompts/p.prompt', '.', '/etc/passwd', []],
    [
      'subproject root',
      'svc/prompts/p.prompt',
      'svc',
      'src/a.py',
      ['src/a.py', 'svc/prompts/src/a.py', 'svc/src/a.py']
    ],
    ['the repository itself is no target', 'p.prompt', '.', '.', []]
  ])('%s', (_name, promptPath, root, declared, targets) => {
    expect(declaredIncludeTargets({ text: `<include>${declared}</include>`, promptPath, root })).toEqual(
      targets
    )
  })

  it('de-duplicates and sorts across forms', () => {
    const text =
      '```<src/b.py>``` <include-many>src/a.py, src/b.py</include-many> <include>src/a.py</include>'
    expect(declaredIncludeTargets({ text, promptPath: 'p.prompt' })).toEqual(['src/a.py', 'src/b.py'])
  })

  it('is empty without includes', () => {
    expect(declaredIncludeTargets({ text: 'plain prompt', promptPath: 'prompts/p.prompt' })).toEqual([])
  })
})

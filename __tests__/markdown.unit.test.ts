import { describe, expect, it } from 'vitest'
import { codeSpan, escapeInline, flatten, mdCell } from '../src/markdown.js'
import { cell } from '../src/publish/checklist-text.js'

describe('mdCell: one table cell from outside text', () => {
  it.each([
    ['plain text stays', 'generate failed', 'generate failed'],
    ['a pipe cannot end the cell', 'a | b', 'a \\| b'],
    ['newlines and tabs become one space', 'line one\r\n\n\tline two\n', 'line one line two'],
    ['control characters become spaces', 'a\u0000b\u007fc', 'a b c'],
    ['a backtick cannot open a code span', 'run `pdd sync` again', 'run \\`pdd sync\\` again'],
    ['backslashes stay literal', 'C:\\path\\', 'C:\\\\path\\\\'],
    ['an escaped pipe stays a pipe', 'a \\| b', 'a \\\\\\| b'],
    ['HTML cannot open', '<script>x</script>', '&lt;script&gt;x&lt;/script&gt;'],
    ['a comment cannot close a marker', '--> <!--', '--&gt; &lt;!--'],
    ['a mention mentions nobody', 'ask @octocat', 'ask @\u200boctocat'],
    ['an e-mail-like @ at the end stays', 'a @', 'a @']
  ])('%s', (_name, input, expected) => {
    expect(mdCell(input)).toBe(expected)
  })

  it('the run summary cell is mdCell after the length cap', () => {
    expect(cell('x | `y`\n<z>', 1000)).toBe(mdCell('x | `y`\n<z>'))
    expect(cell('abcdef | g', 4)).toBe('abc…')
    expect(cell('ab|cdef', 4)).toBe('ab\\|…')
  })
})

describe('the other inline helpers', () => {
  it('escapeInline leaves pipes and backticks to the caller', () => {
    expect(escapeInline('a|`b`<c>@d')).toBe('a|`b`&lt;c&gt;@\u200bd')
  })

  it('flatten collapses every run of white space and control characters', () => {
    expect(flatten('  a \n\n b\u0007c  ')).toBe('a b c')
  })

  it.each([
    ['plain', 'src/a.py', '`src/a.py`'],
    ['a backtick inside', 'a`b', '``a`b``'],
    ['a backtick at an end', '`a', '`` `a ``']
  ])('codeSpan: %s', (_name, input, expected) => {
    expect(codeSpan(input)).toBe(expected)
  })
})

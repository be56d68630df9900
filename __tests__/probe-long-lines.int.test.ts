/**
 * Output with no line end: pdd, or a generated test whose output pdd relays, writing megabytes on one line.
 * Before the fix the runner kept the unfinished line as one growing string (gigabytes end the run with "Invalid
 * string length", an uncaught error); now a line is passed on in pieces of at most MAX_LINE_CHARS
 * (src/adapters/pdd-process.ts), every character kept, and the lines after it are whole.
 */
import { describe, expect, it } from 'vitest'
import { MAX_LINE_CHARS, runPdd } from '../src/adapters/pdd-process.js'
import { tempDir } from './helpers/git-repo.js'

const PRINT = `
  const chunk = 'x'.repeat(65536)
  for (let i = 0; i < 48; i++) process.stdout.write(chunk)
  process.stdout.write('\\nafter\\n')
  for (let i = 0; i < 8; i++) process.stderr.write(chunk)
  process.stderr.write('\\nend\\n')
`

describe('a line with no end', () => {
  it('is passed on in bounded pieces, nothing lost, on stdout and stderr', async () => {
    const lines: { stream: string; length: number; text?: string }[] = []
    const r = await runPdd({
      argv: [process.execPath, '-e', PRINT],
      cwd: tempDir(),
      env: process.env,
      timeoutMs: 60_000,
      onLine: (stream, line) =>
        lines.push({ stream, length: line.length, ...(line.length < 10 ? { text: line } : {}) })
    })
    expect(r.code).toBe(0)
    const out = lines.filter(l => l.stream === 'stdout')
    const err = lines.filter(l => l.stream === 'stderr')
    expect(Math.max(...lines.map(l => l.length))).toBeLessThanOrEqual(MAX_LINE_CHARS)
    expect(out.reduce((n, l) => n + (l.text === undefined ? l.length : 0), 0)).toBe(48 * 65536)
    expect(out.at(-1)?.text).toBe('after')
    expect(err.reduce((n, l) => n + (l.text === undefined ? l.length : 0), 0)).toBe(8 * 65536)
    expect(err.at(-1)?.text).toBe('end')
    expect(r.stdout.endsWith('\nafter')).toBe(true)
  })
})

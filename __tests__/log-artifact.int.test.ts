import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DirectoryUploader, type ArtifactUploader } from '../src/adapters/artifact.js'
import { uploadLogs } from '../src/publish/log-artifact.js'
import { Redactor } from '../src/trust/redact.js'
import { tempDir } from './helpers/git-repo.js'

const SECRET = 'sk-live-0123456789abcdef'

/** A log folder as the groups leave it: outputs, and PDD's files for a failed group. */
function logFolder(files: Record<string, string>): string {
  const dir = path.join(tempDir('run-'), 'logs-run1')
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true })
    writeFileSync(path.join(dir, rel), text)
  }
  return dir
}

const listed = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(e => e.isFile())
    .map(e => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort()

describe('uploadLogs (through the directory uploader, the artifact seam outside Actions)', () => {
  it('uploads every file as one artifact, redacted, keeping the folders; the raw folder is removed', async () => {
    const dir = logFolder({
      'calc/pdd-output.log': `PDD_PHASE: generate\nkey=${SECRET}\n`,
      'calc/pdd-files/crash.log': 'Traceback\n',
      'calc/pdd-files/.pdd/core_dumps/pdd-core-1.json': `{"environment": {"K": "${SECRET}"}}\n`,
      'backend__report/pdd-output.log': 'ok\n'
    })
    const store = tempDir('artifacts-')
    const logs = await uploadLogs({
      dir,
      uploader: new DirectoryUploader(store),
      name: 'pdd-sync-logs-run1',
      redactor: new Redactor([SECRET])
    })
    expect(logs).toMatchObject({ name: 'pdd-sync-logs-run1', uploaded: true, files: 4 })
    expect(logs?.url).toBeUndefined()
    const up = path.join(store, 'pdd-sync-logs-run1')
    expect(listed(up)).toEqual([
      'backend__report/pdd-output.log',
      'calc/pdd-files/.pdd/core_dumps/pdd-core-1.json',
      'calc/pdd-files/crash.log',
      'calc/pdd-output.log'
    ])
    const all = listed(up)
      .map(f => readFileSync(path.join(up, f), 'utf8'))
      .join('\n')
    expect(all).not.toContain(SECRET)
    expect(readFileSync(path.join(up, 'calc/pdd-output.log'), 'utf8')).toBe('PDD_PHASE: generate\nkey=***\n')
    expect(existsSync(dir)).toBe(false)
  })

  it('cuts a file to its last bytes, and leaves out files past the total (outputs go first)', async () => {
    const dir = logFolder({
      'a/pdd-output.log': 'x'.repeat(50) + 'TAIL\n',
      'a/pdd-files/crash.log': 'c'.repeat(40),
      'b/pdd-output.log': 'short\n'
    })
    const store = tempDir('artifacts-')
    const logs = await uploadLogs({
      dir,
      uploader: new DirectoryUploader(store),
      name: 'logs',
      redactor: new Redactor([]),
      limits: { fileBytes: 20, totalBytes: 70 }
    })
    const up = path.join(store, 'logs')
    expect(readFileSync(path.join(up, 'a/pdd-output.log'), 'utf8')).toBe(
      '[… the first 35 bytes are left out]\n' + 'x'.repeat(15) + 'TAIL\n'
    )
    expect(listed(up)).toEqual(['a/pdd-output.log', 'b/pdd-output.log'])
    expect(logs?.message).toMatch(/1 file\(s\) left out: over/)
  })

  it('links the artifact page when the upload says its id; a failed upload keeps the files and says where', async () => {
    const ok: ArtifactUploader = { where: 'the workflow artifact', upload: () => Promise.resolve({ id: 42 }) }
    const run = 'https://github.com/acme/calc/actions/runs/7'
    const linked = await uploadLogs({
      dir: logFolder({ 'a/pdd-output.log': 'x\n' }),
      uploader: ok,
      name: 'logs',
      redactor: new Redactor([]),
      runUrl: run
    })
    expect(linked?.url).toBe(`${run}/artifacts/42`)
    const broken: ArtifactUploader = {
      where: 'the workflow artifact',
      upload: () => Promise.reject(new Error(`quota exceeded for ${SECRET}`))
    }
    const failed = await uploadLogs({
      dir: logFolder({ 'a/pdd-output.log': 'x\n' }),
      uploader: broken,
      name: 'logs',
      redactor: new Redactor([SECRET])
    })
    expect(failed).toMatchObject({ uploaded: false, files: 1 })
    expect(failed?.message).toMatch(
      /could not be uploaded as "logs" \(quota exceeded for \*\*\*\); they are in .*-redacted\./
    )
  })

  it('no log folder (nothing ran): no artifact', async () => {
    const logs = await uploadLogs({
      dir: path.join(tempDir(), 'none'),
      uploader: new DirectoryUploader(tempDir()),
      name: 'logs',
      redactor: new Redactor([])
    })
    expect(logs).toBeNull()
  })
})

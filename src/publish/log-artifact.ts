import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import type { ArtifactUploader } from '../adapters/artifact.js'
import type { Redactor } from '../trust/redact.js'

/** Limits of the log artifact: each file keeps its last `fileBytes`; files past `totalBytes` are left out. */
export const LOG_LIMITS = { fileBytes: 10 * 1024 * 1024, totalBytes: 100 * 1024 * 1024 }

/** What became of the run's log artifact. */
export interface LogArtifact {
  name: string
  uploaded: boolean
  /** Files uploaded (or kept, when the upload failed). */
  files: number
  /** The artifact's page, when the upload said its id and the run's URL is known. */
  url?: string
  /** One sentence for the log and the summary. */
  message: string
}

/** Options of {@link uploadLogs}. */
export interface UploadLogsOptions {
  /** The log folder the groups wrote (`<basename>/pdd-output.log`, `<basename>/pdd-files/…`). */
  dir: string
  uploader: ArtifactUploader
  /** Artifact name, unique per run attempt (artifacts are immutable). */
  name: string
  redactor: Redactor
  /** `…/actions/runs/<id>`: the artifact's link is `<runUrl>/artifacts/<artifact id>`. */
  runUrl?: string
  limits?: typeof LOG_LIMITS
}

/**
 * Uploads every group's full pdd output and a failed group's PDD files (docs/architecture.md "Logs") as one
 * artifact: each file redacted first (into a sibling folder; the raw folder is removed), cut to its last
 * `fileBytes`, and the whole to `totalBytes` (outputs first). Null when no group wrote anything. Never throws.
 */
export async function uploadLogs(o: UploadLogsOptions): Promise<LogArtifact | null> {
  const limits = o.limits ?? LOG_LIMITS
  const files = (await listFiles(o.dir).catch(() => [])).sort(outputsFirst)
  if (files.length === 0) return null
  const staged = `${o.dir}-redacted`
  const kept: string[] = []
  let total = 0
  let left = 0
  try {
    for (const rel of files) {
      // Synchronous reads and writes: small files, one after the other, each a thread-pool round trip otherwise.
      const text = boundedText(path.join(o.dir, rel), limits.fileBytes)
      const bytes = Buffer.byteLength(text)
      if (total + bytes > limits.totalBytes) {
        left++
        continue
      }
      const to = path.join(staged, rel)
      mkdirSync(path.dirname(to), { recursive: true })
      writeFileSync(to, o.redactor.redact(text))
      kept.push(to)
      total += bytes
    }
  } finally {
    await rm(o.dir, { recursive: true, force: true }).catch(() => undefined)
  }
  const over =
    left > 0 ? ` (${left} file(s) left out: over ${limits.totalBytes / 1024 / 1024} MB in all)` : ''
  try {
    const up = await o.uploader.upload(o.name, kept, staged)
    const url = up.id !== undefined && o.runUrl ? `${o.runUrl}/artifacts/${up.id}` : undefined
    const label = o.uploader.label?.(o.name) ?? `${o.uploader.where} "${o.name}"`
    const message = `Logs: ${label} holds each group's full pdd output and, for failed groups, PDD's crash logs and debug snapshot${over}.`
    return { name: o.name, uploaded: true, files: kept.length, ...(url ? { url } : {}), message }
  } catch (e) {
    const why = (e as Error).message.split('\n')[0] ?? ''
    const message = `The logs could not be uploaded as "${o.name}" (${o.redactor.redact(why)}); they are in ${staged}.`
    return { name: o.name, uploaded: false, files: kept.length, message }
  }
}

/** The group's output files before PDD's own files, each in path order. */
function outputsFirst(a: string, b: string): number {
  const rank = (f: string): number => (f.endsWith('pdd-output.log') ? 0 : 1)
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
}

/** The file as text, cut to its last `max` bytes with a first line that says so. */
function boundedText(file: string, max: number): string {
  const size = statSync(file).size
  const buf = readFileSync(file)
  if (size <= max) return buf.toString('utf8')
  return `[… the first ${size - max} bytes are left out]\n` + buf.subarray(size - max).toString('utf8')
}

async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = []
  for (const e of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, e.name)
    if (e.isDirectory()) out.push(...(await listFiles(dir, rel)))
    else if (e.isFile()) out.push(rel)
  }
  return out
}

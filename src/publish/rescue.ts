import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { ArtifactUploader } from '../adapters/artifact.js'
import type { Git } from '../adapters/git.js'
import type { RunResult } from '../execute/result.js'
import { formatRecord, type RunRecord } from '../state/record.js'

/** Options of {@link rescueWork}. */
export interface RescueOptions {
  git: Git
  /** The bot branch; its local ref `refs/heads/<branch>` is set to `head` and bundled. */
  branch: string
  /** This run's bot branch head (its synced commits, and any carried over). */
  head: string
  baseSha: string
  record: RunRecord
  result: RunResult
  /** A scratch folder the files are written to before the upload. */
  dir: string
  uploader: ArtifactUploader
  /** Artifact name (unique per run: artifacts are immutable). */
  name: string
}

/** What was kept, and the sentence that tells the user where and how to apply it. */
export interface RescueOutcome {
  /** The files written (bundle, run record, result); they stay in `dir` even when the upload failed. */
  files: string[]
  uploaded: boolean
  message: string
}

/** File names inside the artifact. */
export const RESCUE_FILES = { bundle: 'pdd-sync.bundle', record: 'run-record.json', result: 'result.json' }

/**
 * Keeps a run's paid work when the final publish failed (docs/architecture.md, "Trust"): a `git bundle` of the synced commits
 * (those of the bot branch the base lacks), the run record (one JSON line, as the notes hold it) and the
 * RunResult, uploaded as one artifact. Never throws: a failed upload leaves the files in `dir` and says so.
 */
export async function rescueWork(o: RescueOptions): Promise<RescueOutcome> {
  await mkdir(o.dir, { recursive: true })
  const files: string[] = []
  const bundled = await bundle(o).catch(() => null)
  if (bundled) files.push(bundled)
  files.push(await write(o.dir, RESCUE_FILES.record, formatRecord(o.record) + '\n'))
  files.push(await write(o.dir, RESCUE_FILES.result, JSON.stringify(o.result, null, 2) + '\n'))
  const apply = bundled
    ? ` To apply it: download and unzip it, then \`git fetch ${RESCUE_FILES.bundle} ` +
      `refs/heads/${o.branch}:refs/heads/${o.branch} && git push origin ${o.branch}\` (the bundle needs the ` +
      `base commit ${o.baseSha.slice(0, 12)}); the run record is ${RESCUE_FILES.record}.`
    : ` It holds the run record (${RESCUE_FILES.record}) and the result; no commit was synced.`
  try {
    await o.uploader.upload(o.name, files, o.dir)
    return {
      files,
      uploaded: true,
      message: `The paid work is kept in ${o.uploader.where} "${o.name}".${apply}`
    }
  } catch (e) {
    const why = (e as Error).message.split('\n')[0] ?? ''
    return {
      files,
      uploaded: false,
      message: `The paid work could not be uploaded as "${o.name}" (${why}); the files are in ${o.dir}.${apply}`
    }
  }
}

async function bundle(o: RescueOptions): Promise<string | null> {
  if (o.head === o.baseSha) return null
  const ref = `refs/heads/${o.branch}`
  await o.git.updateRef(ref, o.head, await o.git.commitOf(ref))
  const file = path.join(o.dir, RESCUE_FILES.bundle)
  await o.git.createBundle(file, ref, o.baseSha)
  return file
}

async function write(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, name)
  await writeFile(file, text)
  return file
}

import { copyFileSync, mkdirSync } from 'node:fs'
import path from 'node:path'

/** Keeps files beyond the job: a workflow artifact in Actions, a folder elsewhere. */
export interface ArtifactUploader {
  /** Where uploads go, for messages (e.g. `the workflow artifact` or a folder path). */
  readonly where: string
  /** How a message names the artifact `name` (default: `<where> "<name>"`). */
  label?(name: string): string
  /** Uploads `files` (absolute, under `rootDirectory`) as the artifact `name`. */
  upload(name: string, files: string[], rootDirectory: string): Promise<{ id?: number; size?: number }>
}

/** An {@link ArtifactUploader} that copies the files into `<dir>/<name>/` (the CLI, tests). */
export class DirectoryUploader implements ArtifactUploader {
  constructor(private readonly dir: string) {}

  get where(): string {
    return this.dir
  }

  /** The folder the files are copied to. */
  label(name: string): string {
    return path.join(this.dir, name)
  }

  upload(name: string, files: string[], rootDirectory: string): Promise<{ size: number }> {
    const target = path.join(this.dir, name)
    // Synchronous: many small files, each a thread-pool round trip otherwise.
    mkdirSync(target, { recursive: true })
    for (const f of files) {
      const to = path.join(target, path.relative(rootDirectory, f))
      mkdirSync(path.dirname(to), { recursive: true })
      copyFileSync(f, to)
    }
    return Promise.resolve({ size: files.length })
  }
}

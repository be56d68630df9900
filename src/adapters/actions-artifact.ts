import { DefaultArtifactClient } from '@actions/artifact'
import type { ArtifactUploader } from './artifact.js'

/** Uploads a workflow artifact through `@actions/artifact` (kept 30 days). */
export class ActionsArtifactUploader implements ArtifactUploader {
  readonly where = 'the workflow artifact'

  async upload(
    name: string,
    files: string[],
    rootDirectory: string
  ): Promise<{ id?: number; size?: number }> {
    return new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, { retentionDays: 30 })
  }
}

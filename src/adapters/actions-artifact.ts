import type { ArtifactUploader } from './artifact.js'

/**
 * Uploads a workflow artifact through `@actions/artifact` (kept 30 days). The package is imported on the first
 * upload, not when the action starts: it is most of the bundle, and most runs upload nothing (the bundler emits
 * it as a chunk of its own; see docs/architecture.md).
 */
export class ActionsArtifactUploader implements ArtifactUploader {
  readonly where = 'the workflow artifact'

  async upload(
    name: string,
    files: string[],
    rootDirectory: string
  ): Promise<{ id?: number; size?: number }> {
    const { DefaultArtifactClient } = await import('@actions/artifact')
    return new DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, { retentionDays: 30 })
  }
}

import type { ArtifactUploader } from './artifact.js'

/** The part of `@actions/artifact` (v2+) used here. */
interface ArtifactModule {
  DefaultArtifactClient: new () => {
    uploadArtifact(
      name: string,
      files: string[],
      rootDirectory: string,
      options?: { retentionDays?: number }
    ): Promise<{ id?: number; size?: number }>
  }
}

// Loaded by name until `@actions/artifact` is a dependency: then import it statically so ncc bundles it.
const MODULE = '@actions/artifact'

/** Uploads a workflow artifact through `@actions/artifact` (kept 30 days). */
export class ActionsArtifactUploader implements ArtifactUploader {
  readonly where = 'the workflow artifact'

  async upload(
    name: string,
    files: string[],
    rootDirectory: string
  ): Promise<{ id?: number; size?: number }> {
    const mod = (await import(MODULE)) as ArtifactModule
    return new mod.DefaultArtifactClient().uploadArtifact(name, files, rootDirectory, { retentionDays: 30 })
  }
}

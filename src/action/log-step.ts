import type { ArtifactUploader } from '../adapters/artifact.js'
import { uploadLogs, type LogArtifact } from '../publish/log-artifact.js'
import type { RunContext } from './run-context.js'

export type { LogArtifact }

/** The run's log artifact (docs/architecture.md "Logs"): uploaded after the syncs, whatever they did. */
export async function logStep(
  ctx: RunContext,
  dir: string,
  runId: string,
  uploader: ArtifactUploader
): Promise<LogArtifact | null> {
  const logs = await uploadLogs({
    dir,
    uploader,
    name: `pdd-sync-logs-${runId}`,
    redactor: ctx.trust.redactor,
    runUrl: ctx.s.github.runUrl
  })
  if (logs) ctx.reporter.info(logs.message)
  return logs
}

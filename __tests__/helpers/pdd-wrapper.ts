import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { tempDir } from './git-repo.js'
import { realPdd } from './real-pdd.js'

/** A `pdd-command` that logs every start (its arguments, one line) and then execs the real pdd. */
export interface RecordingPdd {
  command: string
  /** Every start so far, in order. */
  starts(): string[]
}

/** Writes the wrapper into a fresh temp dir (removed after the test). */
export function recordingPdd(): RecordingPdd {
  const dir = tempDir('pdd-wrapper-')
  const log = path.join(dir, 'starts.log')
  const command = path.join(dir, 'pdd')
  const pdd = realPdd()?.pdd ?? 'pdd'
  writeFileSync(command, `#!/bin/bash\nprintf '%s\\n' "$*" >> '${log}'\nexec '${pdd}' "$@"\n`)
  chmodSync(command, 0o755)
  return {
    command,
    starts: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [])
  }
}

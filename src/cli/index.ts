#!/usr/bin/env node
import { cli, UsageError } from './main.js'
import { forStdout } from '../trust/commands.js'
import { jobTrust } from '../trust/job.js'
import { tuneEngine } from '../adapters/engine.js'

tuneEngine()

cli(process.argv.slice(2)).then(
  code => {
    process.exitCode = code
  },
  (e: unknown) => {
    const err = e as Error
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    process.stderr.write(
      forStdout(`pdd-sync: ${jobTrust(process.env).redactor.redact(err.message)}`, false) + '\n'
    )
    process.exitCode = usage ? 2 : 1
  }
)

import * as core from '@actions/core'
import { eventFileProblem } from './event-file.js'
import { loadChunk } from '../adapters/load-chunk.js'
import { tuneEngine } from '../adapters/engine.js'

tuneEngine()

// The event file first: @actions/github (loaded with the REST client) parses it while loading.
const problem = eventFileProblem(process.env)
if (problem) fail(problem)
else
  void loadChunk('main', () => import('./main.js')).then(
    m => m.main(),
    (e: unknown) => fail((e as Error).message)
  )

function fail(message: string): void {
  core.setOutput('status', 'error')
  core.setFailed(message)
}

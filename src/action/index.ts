import * as core from '@actions/core'
import { eventFileProblem } from './event-file.js'

// The event file first: main's imports include @actions/github, which parses it while loading.
const problem = eventFileProblem(process.env)
if (problem) {
  core.setOutput('status', 'error')
  core.setFailed(problem)
} else {
  void import('./main.js').then(m => m.main())
}

import { GitHub } from '../../src/adapters/github.js'
import type { GitHubApi } from './github-api.js'

/** The real GitHub adapter pointed at the stand-in: no retry back-off and no throttling, so faults show at once. */
export function clientOf(api: GitHubApi, repository = 'acme/calc', token = 't'): GitHub {
  return new GitHub({ token, repository, baseUrl: api.url, retryBaseMs: 1, throttle: false })
}

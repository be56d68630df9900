/** The action's side of the trust rules: its secrets, and why it talks to no GitHub API. */
import type { ActionSettings } from '../settings/action-settings.js'
import { jobTrust, type JobTrust } from './job.js'

/** The job's secrets from the action's settings: the tokens, the environment and input `withhold-env`. */
export function actionTrust(s: ActionSettings, env: NodeJS.ProcessEnv): JobTrust {
  return jobTrust(env, {
    withhold: s.run.withholdEnv,
    tokens: [s.publish.token, s.publish.pushToken]
  })
}

/** Why the run talks to no GitHub API although it may publish (§5: never silent about a missing PR). */
export function noApi(s: ActionSettings): string | undefined {
  if (s.run.dryRun || s.github.fork) return undefined
  if (!s.publish.token)
    return 'the "token" input is empty, so pdd-sync cannot call the GitHub API: no pull request was opened or updated (set `token: ${{ github.token }}` and grant `pull-requests: write`)'
  if (!s.github.repository)
    return 'GITHUB_REPOSITORY is not set, so pdd-sync cannot tell which repository to open a pull request in'
  return undefined
}

/**
 * The action's "Check before spending" step (docs/architecture.md "Trust"): {@link checkBeforeSpending} with the
 * push check through the REST API. Apart from preflight.ts so that the command line, which never pushes through
 * the API, does not load the GitHub client (docs/architecture.md "Bundle").
 */
import { GitHub } from '../adapters/github.js'
import type { Git } from '../adapters/git.js'
import type { Reporter } from '../adapters/reporter.js'
import type { ActionSettings } from '../settings/action-settings.js'
import { checkBeforeSpending, pddEnvironment } from './preflight.js'

/** The parts of the action's run context the step reads (`RunContext` in src/action/run-context.ts). */
export interface PreflightContext {
  s: ActionSettings
  reporter: Reporter
  git: Git
  baseSha: string
  branch: string
  /** The environment pdd will get (credentials withheld), which is what the provider-key check must read. */
  pddEnv: NodeJS.ProcessEnv
}

/** The action's step between plan and provide-pdd. */
export async function preflightStep(ctx: PreflightContext): Promise<void> {
  const { s } = ctx
  const pushToken = s.publish.pushToken
  const api =
    pushToken && s.github.repository
      ? new GitHub({ token: pushToken, repository: s.github.repository, baseUrl: s.github.apiUrl })
      : null
  await ctx.reporter.group('Check before spending', () =>
    checkBeforeSpending({
      git: ctx.git,
      commit: ctx.baseSha,
      repoRoot: s.repoRoot,
      env: pddEnvironment(s.run.pddCloud, ctx.pddEnv),
      pddVersion: s.run.pddCommand ? undefined : s.run.pddVersion,
      strength: s.run.strength,
      cloud: s.run.pddCloud,
      push: s.github.fork
        ? undefined
        : {
            git: pushToken ? ctx.git.withAuth(pushToken, s.github.serverUrl) : ctx.git,
            remote: 'origin',
            branch: ctx.branch,
            api,
            repository: s.github.repository,
            pushTokenGiven: s.publish.pushToken !== s.publish.token
          },
      reporter: ctx.reporter
    })
  )
}

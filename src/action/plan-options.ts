import type { PlanOptions } from '../plan/plan.js'
import type { ActionSettings } from '../settings/action-settings.js'
import type { RunStateStore } from '../state/notes-store.js'

/** The planner's options from the action's settings (`extraStores`: more run-record stores to read). */
export function planOptionsOf(s: ActionSettings, extraStores: RunStateStore[]): PlanOptions {
  return {
    repoRoot: s.repoRoot,
    env: process.env,
    context: s.context,
    // The action always runs `pdd --force sync`, so it plans as that decides (docs/architecture.md step 4).
    force: true,
    skipTests: s.skipTests,
    skipVerify: s.skipVerify,
    targetCoverage: s.targetCoverage,
    scope: { trigger: s.trigger, before: s.before, after: s.after, units: s.units },
    notesRef: s.notesRef,
    remote: 'origin',
    extraStores,
    ...(s.publish.pushToken
      ? { fetchAuth: { token: s.publish.pushToken, serverUrl: s.github.serverUrl } }
      : {})
  }
}

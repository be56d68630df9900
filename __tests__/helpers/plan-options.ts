import type { PlanOptions } from '../../src/plan/plan.js'

/** Planning options for a test repository: decide as `pdd --force sync`, all units, no remote. */
export function planOptionsFor(repoRoot: string, over: Partial<PlanOptions> = {}): PlanOptions {
  return {
    repoRoot,
    env: {},
    force: true,
    skipTests: false,
    skipVerify: false,
    scope: { trigger: 'schedule' },
    notesRef: 'refs/notes/pdd-sync',
    remote: null,
    ...over
  }
}

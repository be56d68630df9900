import { cpSync } from 'node:fs'
import path from 'node:path'
import { ROOT } from './bundles.js'
import { git, makeRepo, type TestRepo } from './git-repo.js'

/** The bundled example PDD repository. */
export const EXAMPLE = path.join(ROOT, 'examples', 'pdd-repo')

/** A git repository holding a copy of the example repository, pushed to a bare origin. */
export function exampleRepo(): TestRepo {
  const repo = makeRepo({})
  cpSync(EXAMPLE, repo.dir, { recursive: true })
  git(repo.dir, 'add', '-A')
  git(repo.dir, 'commit', '-q', '-m', 'example')
  git(repo.dir, 'push', '-q', 'origin', 'HEAD:main')
  return repo
}

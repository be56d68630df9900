/**
 * The `yaml` package, loaded only for a project with a `.pddrc` (docs/architecture.md, "Planner CPU"): it is
 * most of the command's bundle, and loading it cost every plan without one ~20 ms of CPU. Discovery loads it
 * before it reads a `.pddrc` it can see at the project root; one found elsewhere is reported by
 * {@link YamlNotLoaded}, and discovery then loads the package and starts again.
 */
import type * as Yaml from 'yaml'

let loaded: typeof Yaml | null = null

/** Loads the package (once). */
export async function loadYaml(): Promise<void> {
  loaded ??= await import('yaml')
}

/** Forgets the loaded package (tests: the `.unit.` files share their modules). */
export function forgetYaml(): void {
  loaded = null
}

/** The package, or {@link YamlNotLoaded} when {@link loadYaml} has not run. */
export function yamlPackage(): typeof Yaml {
  if (loaded === null) throw new YamlNotLoaded()
  return loaded
}

/** A `.pddrc` was to be parsed before the package was loaded. */
export class YamlNotLoaded extends Error {
  constructor() {
    super('the yaml package is not loaded')
    this.name = 'YamlNotLoaded'
  }
}

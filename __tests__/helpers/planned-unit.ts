import type { Operation, PlannedUnit } from '../../src/types.js'

/** A planned unit `<basename>_<language>` with an operation and an estimate, for the sharding and matrix tests. */
export function plannedUnit(
  id: string,
  basename: string,
  op: Operation,
  cost: number,
  dependsOn: string[] = []
): PlannedUnit {
  return {
    id,
    basename,
    language: id.slice(basename.length + 1),
    context: 'default',
    paths: { prompt: '', code: '', example: '', test: '' },
    operation: op,
    reason: '',
    estimatedCost: cost,
    dependsOn,
    stateSource: 'none',
    selected: true,
    estimatedOperations: []
  }
}

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser'
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index'
import { ErrorPolicy } from '@actions/workflow-parser/model/convert'
import { describe, expect, it } from 'vitest'
import { ROOT } from './helpers/bundles.js'

const dir = path.join(ROOT, 'examples', 'workflows')
const files = readdirSync(dir).filter(f => f.endsWith('.yml'))

describe('example workflows and action.yml pass GitHub’s own workflow parser', () => {
  it('there are example workflows', () => {
    expect(files.length).toBeGreaterThan(0)
  })

  it.each(files)(
    '%s parses and converts without errors, with permissions and a non-cancelling concurrency group',
    async file => {
      const content = readFileSync(path.join(dir, file), 'utf8')
      const trace = new NoOperationTraceWriter()
      const parsed = parseWorkflow({ name: file, content }, trace)
      expect(parsed.context.errors.getErrors().map(e => e.message)).toEqual([])
      expect(parsed.value).toBeDefined()
      if (!parsed.value) return
      const template = await convertWorkflowTemplate(parsed.context, parsed.value, undefined, {
        errorPolicy: ErrorPolicy.TryConversion
      })
      expect((template.errors ?? []).map(e => e.Message)).toEqual([])
      expect(content).toMatch(/^permissions:/m)
      expect(content).toMatch(/cancel-in-progress: false/)
    }
  )

  it('action.yml parses as an action running dist/index.js on node24', () => {
    const content = readFileSync(path.join(ROOT, 'action.yml'), 'utf8')
    const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter())
    expect(parsed.context.errors.getErrors().map(e => e.message)).toEqual([])
    expect(parsed.value).toBeDefined()
    if (!parsed.value) return
    const action = convertActionTemplate(parsed.context, parsed.value)
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' })
    expect(action.inputs?.map(i => i.id)).toContain('mode')
  })
})

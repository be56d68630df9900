#!/usr/bin/env node
/**
 * Lists every function, method, accessor, constructor and arrow function in src/ longer than a limit (default 60
 * lines, counted from the line of its start to the line of its end), longest first.
 *
 *   node scripts/long-functions.mjs [--max N] [--fail] [folder …]
 *
 * With --fail it exits 1 when any function is over the limit.
 */
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'

const args = process.argv.slice(2)
let max = 60
let fail = false
const roots = []
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--max') max = Number(args[++i])
  else if (args[i] === '--fail') fail = true
  else roots.push(args[i])
}
if (!Number.isInteger(max) || max < 1) throw new Error('--max takes a whole number of lines')
if (roots.length === 0) roots.push('src')

function* tsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* tsFiles(full)
    else if (/\.(ts|mts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) yield full
  }
}

/** A readable name: the declaration's own, else the variable, property or call it is given to. */
function nameOf(node, source) {
  if (node.name) return node.name.getText(source)
  if (ts.isConstructorDeclaration(node)) return 'constructor'
  const parent = node.parent
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return parent.name.getText(source)
  if (ts.isCallExpression(parent)) return `(argument of ${parent.expression.getText(source).slice(0, 40)})`
  return '(anonymous)'
}

const found = []
for (const root of roots) {
  for (const file of tsFiles(root)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)
    const visit = node => {
      if (ts.isFunctionLike(node) && 'body' in node && node.body) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line
        const lines = end - start + 1
        if (lines > max) found.push({ file, line: start + 1, name: nameOf(node, source), lines })
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
}

found.sort((a, b) => b.lines - a.lines || a.file.localeCompare(b.file))
for (const f of found) console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`)
console.log(`${found.length} function(s) over ${max} lines in ${roots.join(', ')}.`)
if (fail && found.length > 0) process.exit(1)

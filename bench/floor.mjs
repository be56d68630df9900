// The floor the planner is compared with: read and sha256 of the same files, and one `git cat-file --batch`
// reading the same notes (when the repository has any). Usage: node floor.mjs <repo> <file list json>
import { spawn, execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import path from 'node:path'

const [repo, listFile] = process.argv.slice(2)
const { files, notes: withNotes } = JSON.parse(await readFile(listFile, 'utf8'))
const t0 = performance.now()
// The notes are read by one cat-file process while this process hashes the files (as the planner overlaps them).
let notes = Promise.resolve(0)
let count = 0
if (withNotes) {
  const tree = execFileSync('git', ['ls-tree', '-r', '-z', 'refs/notes/pdd-sync'], { cwd: repo, maxBuffer: 1 << 30 }).toString()
  const oids = tree.split('\0').filter(Boolean).map(e => e.split(' ')[2].split('\t')[0])
  count = oids.length
  notes = new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd: repo })
    const chunks = []
    child.stdout.on('data', b => chunks.push(b))
    child.on('close', code => (code === 0 ? resolve(Buffer.concat(chunks).length) : reject(new Error(`cat-file ${code}`))))
    child.stdin.end(oids.join('\n') + '\n')
  })
}
for (const f of files) createHash('sha256').update(readFileSync(path.join(repo, f))).digest('hex')
await notes
process.stdout.write(JSON.stringify({ ms: performance.now() - t0, files: files.length, notes: count }) + '\n')

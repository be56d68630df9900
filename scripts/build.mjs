// Builds dist/index.js (the action) and dist/cli.js (the pdd-sync command): tsc, then one ncc bundle each.
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname))
const bin = name => path.join(root, 'node_modules', '.bin', name)
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' })

rmSync(path.join(root, 'build'), { recursive: true, force: true })
run(bin('tsc'), ['-p', 'tsconfig.build.json'])
rmSync(path.join(root, 'dist'), { recursive: true, force: true })
mkdirSync(path.join(root, 'dist'))
for (const entry of ['index', 'cli']) {
  const out = path.join(root, 'build', 'ncc', entry)
  run(bin('ncc'), ['build', path.join('build', 'src', `${entry}.js`), '-o', out, '--target', 'es2022', '-q'])
  for (const f of readdirSync(out)) {
    if (f === 'package.json') continue
    const target = path.join(root, 'dist', f === 'index.js' ? `${entry}.js` : f)
    cpSync(path.join(out, f), target, { recursive: true })
  }
}
const cli = path.join(root, 'dist', 'cli.js')
const text = readFileSync(cli, 'utf8')
if (!text.startsWith('#!')) writeFileSync(cli, '#!/usr/bin/env node\n' + text)
chmodSync(cli, 0o755)

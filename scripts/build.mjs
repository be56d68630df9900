// Builds dist/index.js (the action) and dist/cli.js (the pdd-sync command): tsc, then one ncc bundle each.
import { execFileSync } from 'node:child_process'
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname))
const bin = name => path.join(root, 'node_modules', '.bin', name)
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' })
// `--out DIR` builds elsewhere (the tests bundle into build/test-dist and run that, leaving dist/ alone).
const outArg = process.argv.indexOf('--out')
const dist = outArg > 0 ? path.resolve(process.argv[outArg + 1]) : path.join(root, 'dist')
// A --out build gets its own work dir, so two test runs at once do not delete each other's files.
const work = path.join(root, 'build', outArg > 0 ? `tmp-test-${process.pid}` : 'tmp')

rmSync(work, { recursive: true, force: true })
run(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', path.join(work, 'js')])
rmSync(dist, { recursive: true, force: true })
mkdirSync(dist, { recursive: true })
// Each bundle and the entry point it starts from: the action (src/action/) and the command (src/cli/).
const entries = { index: 'action/index.js', cli: 'cli/index.js' }
for (const [entry, source] of Object.entries(entries)) {
  const out = path.join(work, 'ncc', entry)
  run(bin('ncc'), ['build', path.join(work, 'js', 'src', source), '-o', out, '--target', 'es2022', '-q'])
  if (entry === 'cli') prefixChunks(out, 'cli.')
  for (const f of readdirSync(out)) {
    if (f === 'package.json') continue
    const target = path.join(dist, f === 'index.js' ? `${entry}.js` : f)
    // A dynamic import() becomes a chunk file (`<id>.index.js`, the command's `cli.<id>.index.js`, loaded only
    // when that code runs: see docs/architecture.md). One bundle's chunk must not replace the other's.
    if (/\.index\.js$/.test(f) && existsSync(target) && !readFileSync(target).equals(readFileSync(path.join(out, f))))
      throw new Error(`${f}: the ${entry} bundle's chunk has the name of another bundle's chunk`)
    cpSync(path.join(out, f), target, { recursive: true })
  }
}
rmSync(work, { recursive: true, force: true })

/**
 * Names a bundle's chunks `<prefix><id>.index.js`. ncc numbers chunks by a hash of their modules' paths, so two
 * bundles' different chunks can get one number (the command's `run` chunk and the action's `main` did): with the
 * command's chunks prefixed, the names never meet. The loader's one file-name line is rewritten to match.
 */
function prefixChunks(out, prefix) {
  const bundle = path.join(out, 'index.js')
  const text = readFileSync(bundle, 'utf8')
  const line = 'return "" + chunkId + ".index.js";'
  const at = text.indexOf(line)
  if (at < 0) {
    if (readdirSync(out).some(f => /^\d+\.index\.js$/.test(f))) throw new Error('chunk loader not found in the bundle')
    return
  }
  if (text.indexOf(line, at + 1) >= 0) throw new Error('two chunk loaders in the bundle')
  writeFileSync(bundle, text.replace(line, `return ${JSON.stringify(prefix)} + chunkId + ".index.js";`))
  for (const f of readdirSync(out)) if (/^\d+\.index\.js$/.test(f)) renameSync(path.join(out, f), path.join(out, prefix + f))
}

const cli = path.join(dist, 'cli.js')
const text = readFileSync(cli, 'utf8')
if (!text.startsWith('#!')) writeFileSync(cli, '#!/usr/bin/env node\n' + text)
chmodSync(cli, 0o755)

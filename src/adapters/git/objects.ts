import { spawn } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { GitError, type GitCommand } from './command.js'

/** Reading trees and blobs in bulk (the notes store reads thousands of run records at once). */

/** One entry of a tree listing. */
export interface TreeBlob {
  oid: string
  path: string
  /** Bytes. */
  size: number
}

/** Every blob below a tree-ish, recursively (notes trees may be fanned out into folders). */
export async function listBlobs(cmd: GitCommand, treeish: string): Promise<TreeBlob[]> {
  const out = await cmd.exec(['ls-tree', '-r', '-l', '-z', '--full-tree', treeish])
  const blobs: TreeBlob[] = []
  for (const entry of out.split('\0')) {
    const tab = entry.indexOf('\t')
    if (tab < 0) continue
    // `<mode> <type> <oid> <padded size>`
    const [, type, oid, ...rest] = entry.slice(0, tab).split(/ +/)
    const size = Number(rest.join('').trim())
    if (type === 'blob' && oid) blobs.push({ oid, path: entry.slice(tab + 1), size })
  }
  return blobs
}

/**
 * Reads many objects with ONE `git cat-file --batch` process whose stdin and stdout are temp files rather than
 * pipes: the child runs to the end on its own even while this thread is busy with synchronous work (discovery),
 * instead of stalling on a full pipe. The process is spawned before this function first awaits. Missing objects
 * are left out.
 */
export async function readObjects(cmd: GitCommand, oids: readonly string[]): Promise<Map<string, Buffer>> {
  const result = new Map<string, Buffer>()
  if (oids.length === 0) return result
  const dir = mkdtempSync(path.join(tmpdir(), 'pdd-sync-cat-'))
  try {
    const inFile = path.join(dir, 'in')
    const outFile = path.join(dir, 'out')
    writeFileSync(inFile, oids.join('\n') + '\n')
    const fdIn = openSync(inFile, 'r')
    const fdOut = openSync(outFile, 'w')
    let stderr = ''
    const done = new Promise<number | null>((resolve, reject) => {
      const child = spawn('git', ['cat-file', '--batch'], {
        cwd: cmd.root,
        env: cmd.env,
        stdio: [fdIn, fdOut, 'pipe']
      })
      child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()))
      child.on('error', reject)
      child.on('close', resolve)
    })
    closeSync(fdIn)
    closeSync(fdOut)
    const code = await done
    if (code !== 0) throw new GitError(['cat-file', '--batch'], code, stderr)
    parseBatch(readFileSync(outFile), result)
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Parses `git cat-file --batch` output: `<oid> <type> <size>\n<bytes>\n`, or `<oid> missing\n`. */
export function parseBatch(buf: Buffer, into: Map<string, Buffer>): void {
  let pos = 0
  while (pos < buf.length) {
    const nl = buf.indexOf(10, pos)
    if (nl < 0) return
    const header = buf.toString('utf8', pos, nl).split(' ')
    if (header[1] === 'missing' || header.length < 3) {
      pos = nl + 1
      continue
    }
    const size = Number(header[2])
    into.set(header[0] ?? '', buf.subarray(nl + 1, nl + 1 + size))
    pos = nl + 1 + size + 1
  }
}

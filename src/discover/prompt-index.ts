/**
 * An index of the `*.prompt` entries below the scanned prompt roots, answering the globs PDD's sync discovery
 * runs (`<dir>.glob("<name>_*.prompt")`, the recursive `**` form of it, `rglob("*.prompt")`) without walking the tree
 * once per basename. Like Python 3.12's `pathlib` globbing, `**` includes hidden directories and does not
 * descend into symlinked directories.
 */
import * as path from 'node:path'
import type { FsView } from '../pycompat/fsview.js'
import { absolute, joinName, parentOf, isBelow } from '../pycompat/lexical.js'

/** A `.prompt` entry found under a scanned root. */
export interface PromptEntry {
  /** Absolute, lexical path (as `pathlib` builds it from the root). */
  abs: string
  leaf: string
  /** The entry is a regular file (symlinks followed). */
  isFile: boolean
}

/** Prompt entries below the scanned roots. */
export class PromptIndex {
  private readonly roots: string[] = []
  private readonly byPrefix = new Map<string, PromptEntry[]>()
  private readonly byLeafLower = new Map<string, PromptEntry[]>()
  private readonly all: PromptEntry[] = []

  constructor(private readonly view: FsView) {}

  /** Whether `<dir>/<name>_*.prompt` matches anything (a callback for context detection, made once). */
  readonly hasPrompt = (dir: string, name: string): boolean => this.globHere(dir, name).length > 0

  /** Every indexed entry, in scan order. */
  entries(): readonly PromptEntry[] {
    return this.all
  }

  /** Lists `root` (async, prefetching) and indexes it, unless an indexed root already covers it. */
  async addRoot(root: string): Promise<void> {
    const abs = path.resolve(root)
    if (this.covers(abs)) return
    await this.view.prefetchTree(abs)
    this.indexTree(abs)
  }

  /** `<dir>/<dirParts…>/<name>_*.prompt` (one directory, literal parts, case-sensitive). */
  globHere(dir: string, name: string, dirParts: string[] = []): string[] {
    let cur = absolute(dir)
    for (let i = 0; i < dirParts.length; i++) {
      const part = dirParts[i] as string
      const e = this.view.list(cur)?.get(part)
      if (e?.kind !== 'dir') return []
      cur = joinName(cur, part)
    }
    const names = this.view.namesStartingWith(cur, `${name}_`)
    const out: string[] = []
    for (let i = 0; i < names.length; i++) {
      const n = names[i] as string
      if (matchesName(n, name)) out.push(joinName(cur, n))
    }
    return out
  }

  /** `<base>.glob("**" + "/<dirParts…>/<name>_*.prompt")`: any depth below `base`, then the literal parts. */
  globRecursive(base: string, name: string, dirParts: string[] = []): string[] {
    const abs = absolute(base)
    this.ensure(abs)
    const tail = dirParts.join('/')
    const out: string[] = []
    for (const e of this.byPrefix.get(name) ?? []) {
      if (!isBelow(e.abs, abs)) continue
      const relDir = parentOf(e.abs.slice(abs.length + 1))
      if (tail !== '' && relDir !== tail && !relDir.endsWith(`/${tail}`)) continue
      out.push(e.abs)
    }
    return out
  }

  /** `rglob("*.prompt")` under `base`, restricted to regular files whose lower-cased name is one of `leaves`. */
  filesNamed(base: string, leaves: Iterable<string>): PromptEntry[] {
    const abs = absolute(base)
    this.ensure(abs)
    const out: PromptEntry[] = []
    for (const leaf of leaves) {
      for (const e of this.byLeafLower.get(leaf) ?? []) if (e.isFile && isBelow(e.abs, abs)) out.push(e)
    }
    return out
  }

  private covers(abs: string): boolean {
    return this.roots.some(r => abs === r || isBelow(abs, r))
  }

  private ensure(abs: string): void {
    if (!this.covers(abs)) this.indexTree(abs)
  }

  private indexTree(root: string): void {
    this.roots.push(root)
    const stack = [root]
    while (stack.length > 0) {
      const dir = stack.pop() as string
      for (const e of this.view.list(dir)?.values() ?? []) {
        const abs = joinName(dir, e.name)
        if (e.name.endsWith('.prompt')) this.add({ abs, leaf: e.name, isFile: e.kind === 'file' })
        if (e.kind === 'dir' && !e.symlink && !this.roots.includes(abs)) stack.push(abs)
      }
    }
  }

  private add(entry: PromptEntry): void {
    this.all.push(entry)
    const lower = entry.leaf.toLowerCase()
    const same = this.byLeafLower.get(lower)
    if (same === undefined) this.byLeafLower.set(lower, [entry])
    else same.push(entry)
    for (let i = entry.leaf.indexOf('_'); i >= 0; i = entry.leaf.indexOf('_', i + 1)) {
      const key = entry.leaf.slice(0, i)
      const list = this.byPrefix.get(key)
      if (list === undefined) this.byPrefix.set(key, [entry])
      else list.push(entry)
    }
  }
}

/** Does a leaf match `glob.escape(name) + "_*.prompt"`? */
export function matchesName(leaf: string, name: string): boolean {
  return (
    leaf.length >= name.length + 8 &&
    leaf.charCodeAt(name.length) === 95 &&
    leaf.startsWith(name) &&
    leaf.endsWith('.prompt')
  )
}

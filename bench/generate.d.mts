/** Types of generate.mjs (the synthetic repositories of the benchmarks). */
export declare const LAYOUTS: readonly ['notes', 'meta', 'both', 'contexts']
export declare function generate(
  dir: string,
  opts?: { units?: number; layout?: (typeof LAYOUTS)[number]; edited?: boolean }
): { files: string[]; notes: number }

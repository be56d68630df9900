/**
 * A Git LFS pointer checked out in place of its file (`actions/checkout` fetches no LFS objects unless
 * `lfs: true`): `version https://git-lfs.github.com/spec/v1`, `oid sha256:…`, `size …`. pdd would take the three
 * lines as the prompt and pay to generate code from them, so such a prompt is skipped with this reason.
 */
const POINTER =
  /^version https:\/\/git-lfs\.github\.com\/spec\/v1\r?\n(?:[a-z0-9.-]+ [^\r\n]*\r?\n)*?oid sha256:[0-9a-f]{64}\r?\n/

/** Why `text` is not a prompt but a Git LFS pointer, or null. Pointers are under 1 KiB. */
export function lfsPointerReason(text: string): string | null {
  if (text.length > 1024 || !POINTER.test(text)) return null
  return 'a Git LFS pointer, not the prompt: check it out with its LFS object (actions/checkout: lfs: true; git lfs pull)'
}

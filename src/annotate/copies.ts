/**
 * Where the reviewed copies go, and writing them. `draft.docx` gives `draft.reportlint.docx`,
 * beside it or (--annotate-dir) in one folder; two drafts that would give the same name get
 * `-2`, `-3`… so no copy overwrites another. A file named *.reportlint.docx is such a copy: a
 * folder run does not review it again. Copies are written atomically (a temporary file beside the
 * target, renamed over it), so an interrupted run leaves no half-written copy.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export const COPY_SUFFIX = '.reportlint.docx';

/** Is this file a reviewed copy reportlint wrote? */
export function isReviewedCopy(file: string): boolean {
  return file.toLowerCase().endsWith(COPY_SUFFIX);
}

/** The copy of each draft (absolute paths), in the order given; `dir` for --annotate-dir. */
export function copyPaths(drafts: readonly string[], dir: string | null): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<string>();
  for (const draft of drafts) {
    const base = path.basename(draft).replace(/\.docx$/i, '');
    const folder = dir ?? path.dirname(draft);
    let target = path.join(folder, base + COPY_SUFFIX);
    // (compared without case: Windows and macOS folders do not tell a.docx from A.docx)
    for (let n = 2; taken.has(target.toLowerCase()); n++) target = path.join(folder, `${base}-${n}${COPY_SUFFIX}`);
    taken.add(target.toLowerCase());
    out.set(draft, target);
  }
  return out;
}

/** Write `bytes` to `target` through a temporary file beside it, renamed over it once complete. */
export function writeCopy(target: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.reportlint-${process.pid}.tmp`);
  const fd = openSync(temp, 'wx', 0o644);
  try {
    for (let written = 0; written < bytes.length;) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, target);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}

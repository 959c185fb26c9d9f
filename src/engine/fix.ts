/**
 * --fix and --fix-dry-run: apply the fixes the rules offer, repeat until nothing changes,
 * then write the file once, atomically, in the encoding it came in. Loaded only with those flags.
 */
import { closeSync, fchmodSync, fchownSync, fsyncSync, ftruncateSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import path from 'node:path';
import type { LintMessage } from './lint.js';
import type { Encoding, LineEnding } from '../input/read.js';
import { encodeText, InputError } from '../input/read.js';

/** Passes of lint → fix before giving up on reaching a fixed point. */
export const MAX_PASSES = 10;

export interface AppliedFixes {
  text: string;
  /** how many fixes were applied */
  applied: number;
}

/**
 * Apply every fix that does not overlap one applied before it (fixes sorted by position;
 * two insertions at one place count as overlapping). A fix text's line breaks are written
 * in the file's line ending.
 */
export function applyFixes(text: string, messages: readonly LintMessage[], lineEnding: LineEnding = '\n'): AppliedFixes {
  const fixes = messages
    .filter((m): m is LintMessage & { fix: NonNullable<LintMessage['fix']> } => m.fix !== undefined)
    .map((m) => m.fix)
    .sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1]);
  const eol = lineEnding === '\r\n' || lineEnding === '\r' ? lineEnding : '\n';
  let out = '';
  let lastEnd = -1;
  let lastStart = -1;
  let applied = 0;
  for (const fix of fixes) {
    const [start, end] = fix.range;
    if (start < 0 || end < start || end > text.length) continue;
    if (start < lastEnd || (start === lastEnd && start === lastStart)) continue;
    const replacement = eol === '\n' ? fix.text : fix.text.replace(/\r\n|\r|\n/g, eol);
    // a fix that changes nothing is not a fix (it would keep the loop going)
    if (text.slice(start, end) === replacement) continue;
    out += text.slice(Math.max(lastEnd, 0), start) + replacement;
    lastStart = start;
    lastEnd = end;
    applied++;
  }
  if (applied === 0) return { text, applied: 0 };
  out += text.slice(lastEnd);
  return { text: out, applied };
}

export interface FixOutcome {
  /** the fixed text (the original when nothing applied) */
  text: string;
  /** the findings that remain in the fixed text */
  messages: LintMessage[];
  /** fixes applied over all passes */
  applied: number;
  passes: number;
}

/**
 * lint → apply non-overlapping fixes → re-parse and re-lint, until no fix applies or after
 * MAX_PASSES passes. `lint` runs the enabled rules (suppression comments already applied);
 * `accept` chooses which findings' fixes are applied (e.g. errors only under --quiet).
 */
export async function fixText(
  original: string,
  lint: (text: string) => Promise<LintMessage[]>,
  options: { lineEnding?: LineEnding; accept?: (m: LintMessage) => boolean } = {},
): Promise<FixOutcome> {
  let text = original;
  let messages = await lint(text);
  let applied = 0;
  let passes = 0;
  while (passes < MAX_PASSES) {
    const fixable = messages.filter((m) => m.fix && (options.accept?.(m) ?? true));
    if (fixable.length === 0) break;
    const result = applyFixes(text, fixable, options.lineEnding);
    if (result.applied === 0) break;
    passes++;
    applied += result.applied;
    text = result.text;
    messages = await lint(text);
  }
  return { text, messages, applied, passes };
}

/**
 * Write the fixed text back, as ESLint and Prettier do through links, but never half-written:
 *
 * - a symbolic link is followed: the file it points to is fixed, the link stays a link;
 * - a file with no write permission in its mode bits (none at all, or none for the current user's
 *   class; root, whom access() lets write anything, is refused only a file no one may write) is
 *   not touched: an InputError naming it;
 * - otherwise the text goes to `<name>.reportlint-<pid>.tmp` beside the file, flushed to disk,
 *   given the original's owner, group and mode, then renamed over it: an interrupted run leaves
 *   either the old file or the new one;
 * - a file with several hard links, or whose owner and group cannot be given to a new file (not
 *   root, another owner), cannot be replaced without breaking the links or changing the owner, so
 *   it is written in place: the temporary copy is written, flushed and read back first, then its
 *   bytes are written over the original (same inode) and the copy removed. Should the process
 *   die during that last write, the original may be half-written, but the complete fixed text is
 *   still in the temporary copy beside it; should the write fail, the original bytes are put back.
 */
export function writeFileAtomic(file: string, text: string, encoding: Encoding, shown: string = file): void {
  const bytes = encodeText(text, encoding, file);
  const target = realpathSync(file);
  const st = statSync(target);
  if (!writableByMode(st)) {
    throw new InputError(`文件没有写权限，未修复: ${shown} / not writable (no write permission in its mode ${(st.mode & 0o777).toString(8)}), not fixed`, file);
  }
  const mode = st.mode & 0o7777;
  const temp = path.join(path.dirname(target), `${path.basename(target)}.reportlint-${process.pid}.tmp`);
  const removeTemp = () => {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  };
  const fd = openSync(temp, 'wx', mode & 0o777);
  let ownerKept = true;
  try {
    writeAll(fd, bytes);
    fsyncSync(fd);
    if (st.uid !== process.getuid?.() || st.gid !== process.getgid?.()) {
      try {
        fchownSync(fd, st.uid, st.gid);
      } catch {
        ownerKept = false; // only root may give a file away: write in place instead
      }
    }
    fchmodSync(fd, mode); // after chown, which clears set-id bits
  } catch (error) {
    closeSync(fd);
    removeTemp();
    throw error;
  }
  closeSync(fd);
  if (st.nlink > 1 || !ownerKept) {
    writeInPlace(target, temp, bytes, shown);
    removeTemp();
    return;
  }
  try {
    renameSync(temp, target);
  } catch (error) {
    removeTemp();
    throw error;
  }
}

/** May the current user write this file, by its mode bits alone? */
function writableByMode(st: Stats): boolean {
  const uid = process.getuid?.();
  if (uid === undefined || uid === 0) return (st.mode & 0o222) !== 0;
  if (st.uid === uid) return (st.mode & 0o200) !== 0;
  const groups = [process.getgid?.(), ...(process.getgroups?.() ?? [])];
  if (groups.includes(st.gid)) return (st.mode & 0o020) !== 0;
  return (st.mode & 0o002) !== 0;
}

function writeAll(fd: number, bytes: Uint8Array, position?: number): void {
  let written = 0;
  while (written < bytes.length) {
    written += writeSync(fd, bytes, written, bytes.length - written, position === undefined ? null : position + written);
  }
}

/** Copy `bytes`, already safe in `temp`, over `target` in place (same inode, links intact). */
function writeInPlace(target: string, temp: string, bytes: Uint8Array, shown: string): void {
  const copy = readFileSync(temp);
  if (!copy.equals(bytes)) {
    unlinkSync(temp);
    throw new InputError(`临时副本校验失败，未修复: ${shown} / the temporary copy did not read back as written; not fixed`, target);
  }
  const original = readFileSync(target);
  const fd = openSync(target, 'r+');
  try {
    writeAll(fd, bytes, 0);
    ftruncateSync(fd, bytes.length);
    fsyncSync(fd);
  } catch (error) {
    try {
      writeAll(fd, original, 0);
      ftruncateSync(fd, original.length);
      fsyncSync(fd);
    } catch {
      closeSync(fd);
      throw new InputError(`写回中断，修复后的全文保存在 ${temp}: ${shown} / writing was interrupted; the fixed text is in ${temp}`, target);
    }
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
}

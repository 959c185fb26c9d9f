/**
 * --fix and --fix-dry-run: apply the fixes the rules offer, repeat until nothing changes,
 * then write the file once, atomically, in the encoding it came in. Loaded only with those flags.
 */
import { closeSync, fsyncSync, openSync, renameSync, statSync, chmodSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { LintMessage } from './lint.js';
import type { Encoding, LineEnding } from './read.js';
import { encodeText } from './read.js';

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
 * Write a file atomically: a temporary file in the same folder (same file system), flushed to
 * disk, given the original's permissions, then renamed over the original.
 */
export function writeFileAtomic(file: string, text: string, encoding: Encoding): void {
  const bytes = encodeText(text, encoding, file);
  const temp = path.join(path.dirname(file), `${path.basename(file)}.reportlint-${process.pid}.tmp`);
  let mode: number | undefined;
  try {
    mode = statSync(file).mode & 0o7777;
  } catch {
    // a new file: default permissions
  }
  const fd = openSync(temp, 'w', mode ?? 0o666);
  try {
    let written = 0;
    while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
  closeSync(fd);
  try {
    if (mode !== undefined) chmodSync(temp, mode);
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}

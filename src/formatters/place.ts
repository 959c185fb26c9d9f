import type { Locale } from '../messages.js';
import type { LintMessage, LintResult, OutlineEntry } from '../engine/lint.js';

/**
 * Where a finding is, in the words of the file's reader. A text file has lines and columns
 * (`12:5`, what an editor shows). A Word document shows neither: there the line is the paragraph's
 * number and the column the character in it, said as a writer counts them (第12段第5字,
 * `paragraph 12, char 5`).
 */
export function placeOf(result: Pick<LintResult, 'inputKind'>, m: Pick<LintMessage, 'line' | 'column'>, locale: Locale): string {
  if (result.inputKind !== 'docx') return `${m.line}:${m.column}`;
  return locale === 'zh' ? `第${m.line}段第${m.column}字` : `paragraph ${m.line}, char ${m.column}`;
}

/** The heading (not the title) that line sits under, or on: the last one at or before it. */
export function headingAt(outline: readonly OutlineEntry[] | undefined, line: number): OutlineEntry | null {
  if (!outline) return null;
  let found: OutlineEntry | null = null;
  // the outline is in document order, so its lines only grow
  let lo = 0;
  let hi = outline.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (outline[mid]!.line <= line) lo = mid + 1;
    else hi = mid - 1;
  }
  for (let i = hi; i >= 0 && !found; i--) if (outline[i]!.level > 0) found = outline[i]!;
  return found;
}

/** A heading short enough to stand beside a place: at most `max` characters, cut with …. */
export function shortHeading(text: string, max = 12): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

import type { LintResult } from '../engine/lint.js';
import type { FormatContext } from './types.js';

/**
 * The keys written of a finding before its fix, and of each place it stands for, in this order:
 * JSON.stringify's property list picks them from the objects as they are, where building a
 * smaller object for each finding and place took twice as long (a summary finding on
 * bench/out/big/10mb.md stands for 136,000 places).
 */
const HEAD_KEYS = ['ruleId', 'messageId', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'];
const PLACE_KEYS = ['line', 'column', 'endLine', 'endColumn'];

/** A fix text longer than this is escaped slice by slice instead of as one string (see jsonChunks). */
const SLICE = 1 << 16;

/**
 * ESLint's JSON shape (schemas/results.schema.json): one entry per file, severity 1 = warning,
 * 2 = error, fix as {range, text} over source offsets, and for a summary finding (「全文有170处……」)
 * `related`: the other places it stands for.
 */
export function json(results: LintResult[], _context: FormatContext): string {
  return [...jsonChunks(results)].join('');
}

/**
 * The same text as json(), in pieces, so a caller can write it out without holding it whole: on a
 * 10 MB draft one summary fix spans nearly the whole text, and the report as one string plus its
 * Buffer copy were the run's peak memory. Each piece is JSON.stringify's own output, so the bytes
 * are those of stringifying the whole array at once.
 */
export function* jsonChunks(results: LintResult[]): Generator<string> {
  yield '[';
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    yield `${i ? ',' : ''}{"filePath":${JSON.stringify(r.filePath)},"messages":[`;
    for (let j = 0; j < r.messages.length; j++) {
      const m = r.messages[j]!;
      const head = JSON.stringify(m, HEAD_KEYS);
      yield (j ? ',' : '') + head.slice(0, -1);
      if (m.fix) yield* fixChunks(m.fix);
      // the other places a summary finding stands for
      if (m.related) yield `,"related":${JSON.stringify(m.related, PLACE_KEYS)}`;
      yield '}';
    }
    yield `],"errorCount":${JSON.stringify(r.errorCount)},"warningCount":${JSON.stringify(r.warningCount)},"fixableErrorCount":${JSON.stringify(r.fixableErrorCount)},"fixableWarningCount":${JSON.stringify(r.fixableWarningCount)}}`;
  }
  yield ']\n';
}

/** `,"fix":{…}` as JSON.stringify writes it, the text escaped in slices that never split a surrogate pair. */
function* fixChunks(fix: NonNullable<LintResult['messages'][number]['fix']>): Generator<string> {
  const keys = Object.keys(fix);
  const text = fix.text;
  if (keys.length !== 2 || keys[0] !== 'range' || keys[1] !== 'text' || typeof text !== 'string' || text.length <= SLICE) {
    yield `,"fix":${JSON.stringify(fix)}`;
    return;
  }
  yield `,"fix":{"range":${JSON.stringify(fix.range)},"text":"`;
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + SLICE, text.length);
    // a high surrogate at the cut goes with its low half into the next slice
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    yield JSON.stringify(text.slice(start, end)).slice(1, -1);
    start = end;
  }
  yield '"}';
}

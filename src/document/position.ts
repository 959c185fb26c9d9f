import type { Point, Span, TextBlock, TextSegment } from './model.js';

/**
 * Turns offsets into line/column. Line breaks are \n, \r\n and lone \r.
 * Columns count code points, so a character outside the BMP is one column.
 */
export class LineIndex {
  /** offset at which each line starts */
  private readonly lineStarts: number[];
  /** per line, whether it holds a surrogate pair (then columns and offsets differ); computed on demand */
  private readonly astral: Array<boolean | undefined> = [];
  /** whether the source holds any high surrogate at all; computed on demand (most drafts hold none) */
  private anyAstral: boolean | undefined;
  /** the line (0-based) of the last lineIndexOf call */
  private lastLine = 0;

  constructor(private readonly source: string) {
    const starts = [0];
    if (source.indexOf('\r') < 0) {
      // the usual case: only \n breaks lines, and indexOf finds them much faster than a loop over the characters
      for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
    } else {
      for (let i = 0; i < source.length; i++) {
        const c = source.charCodeAt(i);
        if (c === 10) starts.push(i + 1);
        else if (c === 13) {
          if (source.charCodeAt(i + 1) === 10) i++;
          starts.push(i + 1);
        }
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  lineStart(line: number): number {
    return this.lineStarts[line - 1] ?? this.source.length;
  }

  pointAt(offset: number): Point {
    const clamped = this.clamp(offset);
    const line = this.lineIndexOf(clamped);
    return { line: line + 1, column: this.columnOf(line, clamped) + 1, offset: clamped };
  }

  /**
   * The span [start, end) of a parsed block: points that know their offset and work out their
   * line and column when first read. The parser makes two for every block, and the rules read
   * their offsets: lines and columns are wanted for headings and a few blocks a rule compares.
   */
  spanOf(start: number, end: number): Span {
    return { start: new SourcePoint(this, this.clamp(start)), end: new SourcePoint(this, this.clamp(end)) };
  }

  private clamp(offset: number): number {
    return Math.max(0, Math.min(offset, this.source.length));
  }

  /** The 0-based column (in code points) of an offset on a line (0-based). */
  columnOf(line: number, offset: number): number {
    const start = this.lineStarts[line]!;
    // Counting code points from the line start on every call is quadratic on a 10 MB line;
    // most lines hold no character outside the BMP, and there a column is an offset.
    this.anyAstral ??= /[\ud800-\udbff]/.test(this.source);
    let astral = this.anyAstral ? this.astral[line] : false;
    if (astral === undefined) {
      const end = this.lineStarts[line + 1] ?? this.source.length;
      astral = /[\ud800-\udbff]/.test(this.source.slice(start, end));
      this.astral[line] = astral;
    }
    return astral ? codePointCount(this.source, start, offset) : offset - start;
  }

  /** The 0-based index of the line holding `offset` (in range): the last line start <= offset. */
  lineIndexOf(offset: number): number {
    const starts = this.lineStarts;
    // positions are mostly asked for in document order: most are on the line of the last call or the next one
    const last = this.lastLine;
    let line: number;
    if (starts[last]! <= offset && (last + 1 >= starts.length || starts[last + 1]! > offset)) line = last;
    else if (starts[last]! <= offset && (last + 2 >= starts.length || starts[last + 2]! > offset)) line = last + 1;
    else line = Math.max(0, lastAtOrBefore(starts, offset, itself));
    this.lastLine = line;
    return line;
  }
}

/**
 * Binary search over items sorted by key in ascending order: the last index k with
 * keyOf(items[k]) <= value, or -1 when there is none. The one binary search of the code base
 * (lines, segments, sentences, figures, Word paragraphs).
 *
 * The key is a function of the item rather than of the index: the callers pass a function that
 * captures nothing (`(s) => s.start`), where a function of the index captures the array, and V8
 * then allocates a context for the captured variable on every call of the caller. Finding the
 * places of the findings alone made millions of those (tens of MB on 1,000 reports).
 */
export function lastAtOrBefore<T>(items: readonly T[], value: number, keyOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length - 1;
  if (hi < 0 || keyOf(items[0]!) > value) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (keyOf(items[mid]!) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A point of LineIndex.spanOf: line and column are worked out when first read, then kept. */
class SourcePoint implements Point {
  readonly offset: number;
  /** the index to work out line and column from; null once they are known */
  #lines: LineIndex | null;
  #line = 0;
  #column = 0;

  constructor(lines: LineIndex, offset: number) {
    this.offset = offset;
    this.#lines = lines;
  }

  get line(): number {
    if (this.#lines !== null) this.#resolve(this.#lines);
    return this.#line;
  }

  get column(): number {
    if (this.#lines !== null) this.#resolve(this.#lines);
    return this.#column;
  }

  #resolve(lines: LineIndex): void {
    const line = lines.lineIndexOf(this.offset);
    this.#line = line + 1;
    this.#column = lines.columnOf(line, this.offset) + 1;
    this.#lines = null;
  }

  /** what JSON.stringify shows: a plain Point */
  toJSON(): Point {
    return { line: this.line, column: this.column, offset: this.offset };
  }
}

const itself = (n: number): number => n;
const textStart = (seg: TextSegment): number => seg.text;
const sourceStart = (seg: TextSegment): number => seg.source;

/** number of code points in source[start, end) */
export function codePointCount(source: string, start: number, end: number): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    // a high surrogate followed by a low one is one code point
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const d = source.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The source offset of index `i` of a block's text (i may equal text.length). */
export function sourceOffset(block: TextBlock, i: number): number {
  const segs = block.segments;
  if (segs.length === 0) return block.span.start.offset;
  // the last segment starting at or before i (the first when i comes before them all)
  const seg = segs[Math.max(0, lastAtOrBefore(segs, i, textStart))]!;
  return seg.source + Math.min(Math.max(i - seg.text, 0), seg.length);
}

/**
 * The index into a block's text of a source offset: the inverse of sourceOffset. With `isEnd`,
 * the offset is where a range ends (sourceEndOffset), so the end of a segment counts as inside
 * it. -1 when the offset is not in the block's text (before it, after it, or in Markdown syntax
 * between two segments).
 */
export function textIndexOf(block: TextBlock, offset: number, isEnd = false): number {
  const segs = block.segments;
  if (segs.length === 0) return offset - block.span.start.offset;
  // the last segment starting at or before the offset (for an end: before it), else the next one
  const lo = Math.max(0, lastAtOrBefore(segs, isEnd ? offset - 1 : offset, sourceStart));
  for (let k = lo; k <= lo + 1 && k < segs.length; k++) {
    const s = segs[k]!;
    if (offset >= s.source && (isEnd ? offset <= s.source + s.length : offset < s.source + s.length)) return s.text + (offset - s.source);
  }
  return -1;
}

/**
 * The source offset just after index j-1 of a block's text: where a range ending at j ends.
 * Differs from sourceOffset(block, j) when j falls between two segments: the end of a range
 * stays in the segment it came from and never swallows the Markdown syntax that follows.
 */
export function sourceEndOffset(block: TextBlock, j: number): number {
  if (j <= 0) return sourceOffset(block, 0);
  return sourceOffset(block, j - 1) + 1;
}

/** The source offsets of block text [i, j) (an empty range stays at i). */
export function sourceRange(block: TextBlock, i: number, j: number): { start: number; end: number } {
  const start = sourceOffset(block, i);
  return { start, end: j > i ? sourceEndOffset(block, j) : start };
}

/**
 * The source range of block text [i, j) when it lies within one segment, so that
 * replacing it cannot touch Markdown syntax; null otherwise.
 */
export function contiguousSourceRange(block: TextBlock, i: number, j: number): { start: number; end: number } | null {
  const seg = segmentHolding(block, i, j);
  return seg ? { start: seg.source + (i - seg.text), end: seg.source + (j - seg.text) } : null;
}

/**
 * The first segment of a block that holds its text [i, j) whole (contiguousSourceRange's, for a
 * caller that maps many places and needs no range object for each).
 */
export function segmentHolding(block: TextBlock, i: number, j: number): TextSegment | undefined {
  for (const seg of block.segments) if (i >= seg.text && j <= seg.text + seg.length) return seg;
  return undefined;
}

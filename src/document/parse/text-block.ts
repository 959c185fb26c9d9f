import type { TextBlock, TextSegment } from '../model.js';
import type { LineIndex } from '../position.js';
import { sourceEndOffset, sourceOffset } from '../position.js';

/** White space as it occurs in Chinese documents: ASCII, no-break and the full-width ideographic space. */
export const WHITESPACE = /[\s\u3000\u00a0\ufeff]/;

/**
 * Whether a UTF-16 code unit is white space in the sense of WHITESPACE (the same set as JavaScript's \s,
 * which already holds U+3000, U+00A0 and U+FEFF). Testing a code avoids making a string of the character.
 */
export function isWhitespaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029
    || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A block whose text is the source slice [start, end) itself. */
export function blockFromSource(source: string, start: number, end: number, lines: LineIndex): TextBlock {
  return {
    text: source.slice(start, end),
    segments: end > start ? [{ text: 0, source: start, length: end - start }] : [],
    span: lines.spanOf(start, end),
  };
}

/** The part [i, j) of a block's text, with its segments and span remapped. */
export function sliceBlock(block: TextBlock, i: number, j: number, lines: LineIndex): TextBlock {
  const segments: TextSegment[] = [];
  for (const seg of block.segments) {
    const a = Math.max(i, seg.text);
    const b = Math.min(j, seg.text + seg.length);
    if (a < b) segments.push({ text: a - i, source: seg.source + (a - seg.text), length: b - a });
  }
  const start = sourceOffset(block, i);
  const end = j > i ? sourceEndOffset(block, j) : start;
  return {
    text: block.text.slice(i, j),
    segments,
    span: lines.spanOf(start, Math.max(start, end)),
  };
}

/** The block without white space at either end. */
export function trimBlock(block: TextBlock, lines: LineIndex): TextBlock {
  let i = 0;
  let j = block.text.length;
  while (i < j && isWhitespaceCode(block.text.charCodeAt(i))) i++;
  while (j > i && isWhitespaceCode(block.text.charCodeAt(j - 1))) j--;
  return i === 0 && j === block.text.length ? block : sliceBlock(block, i, j, lines);
}

/** Blocks (in source order) as one: their texts joined without a separator, each part mapped to its place. */
export function joinBlocks(blocks: readonly TextBlock[], lines: LineIndex): TextBlock {
  let text = '';
  const segments: TextSegment[] = [];
  for (const b of blocks) {
    for (const seg of b.segments) segments.push({ text: text.length + seg.text, source: seg.source, length: seg.length });
    text += b.text;
  }
  const first = blocks[0]!;
  const lastBlock = blocks[blocks.length - 1]!;
  return { text, segments, span: lines.spanOf(first.span.start.offset, lastBlock.span.end.offset) };
}

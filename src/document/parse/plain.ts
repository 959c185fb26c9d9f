import type { LineIndex } from '../position.js';
import type { RawBlock } from './build.js';
import { blockFromSource } from './text-block.js';

/** Plain text: one block per non-empty line (reports keep a paragraph on one line). */
export function plainBlocks(source: string, lines: LineIndex): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    const start = lines.lineStart(line);
    let end = line < lines.lineCount ? lines.lineStart(line + 1) : source.length;
    // drop the line break itself
    while (end > start && (source.charCodeAt(end - 1) === 10 || source.charCodeAt(end - 1) === 13)) end--;
    if (end > start) blocks.push({ kind: 'paragraph', markdownDepth: null, block: blockFromSource(source, start, end, lines) });
  }
  return blocks;
}

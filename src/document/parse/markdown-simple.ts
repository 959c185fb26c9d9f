/**
 * Most Markdown drafts are headings and paragraphs and nothing else: no emphasis, links, lists,
 * quotes, code or entities. For such a draft the blocks can be read line by line, at about ten
 * times remark's speed and without loading it, and they are exactly the blocks markdown.ts gets
 * from remark (test/parse-markdown-simple.test.ts checks that on generated drafts). Anything
 * beyond that subset goes to remark.
 */
import type { LineIndex } from '../position.js';
import type { RawBlock } from './build.js';
import { blockFromSource } from './text-block.js';

/** Characters that can start inline syntax, an escape, an entity or an HTML block; a table's pipe; a tab; a BOM; NUL. */
const SYNTAX_CHAR = /[\\`*_[\]<>&~|\t\0\ufeff]/;
/**
 * Line starts that are more than a heading or a paragraph: indentation (code, continuation),
 * list items, setext underlines, thematic breaks, front matter, and ATX forms other than
 * `#{1,6} text` without a closing sequence.
 */
const SYNTAX_LINE = /^(?: +[^ \r\n]|[-+=]|\d{1,9}[.)](?:[ \r\n]|$)|#{7}|#{1,6}[^ \r\n#]|#{1,6} [^\r\n]*#[ ]*(?:[\r\n]|$))/m;
const ATX = /^(#{1,6})(?: +|$)/;
const NOT_BLANK = /[^\s\ufeff]/;

/** Whether the draft is in the subset that simpleMarkdownBlocks reads. */
export function isSimpleMarkdown(source: string): boolean {
  return !SYNTAX_CHAR.test(source) && !SYNTAX_LINE.test(source);
}

/** The blocks of a draft for which isSimpleMarkdown holds: an ATX heading or a paragraph line per line. */
export function simpleMarkdownBlocks(source: string, lines: LineIndex): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (let line = 1; line <= lines.lineCount; line++) {
    let start = lines.lineStart(line);
    let end = line < lines.lineCount ? lines.lineStart(line + 1) : source.length;
    // the line break and trailing spaces are not text (two or more make a hard break, also a line end)
    while (end > start && (source.charCodeAt(end - 1) === 10 || source.charCodeAt(end - 1) === 13 || source.charCodeAt(end - 1) === 32)) end--;
    if (end === start) continue;
    const atx = source.charCodeAt(start) === 35 /* # */ ? ATX.exec(source.slice(start, end)) : null;
    if (atx) start += atx[0].length;
    // as markdown.ts: a block of white space only (U+3000 included) is no block
    if (NOT_BLANK.test(source.slice(start, end)) === false) continue;
    if (atx) {
      blocks.push({ kind: 'heading', markdownDepth: atx[1]!.length, block: blockFromSource(source, start, end, lines) });
    } else blocks.push({ kind: 'paragraph', markdownDepth: null, block: blockFromSource(source, start, end, lines) });
  }
  return blocks;
}

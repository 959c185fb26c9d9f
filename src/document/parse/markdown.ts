/**
 * Markdown drafts: the blocks of a Markdown file, with the syntax taken out of the
 * text and every piece of text mapped back to where it stands in the source.
 *
 * Parsed with remark-parse (CommonMark) and remark-cjk-friendly, so that
 * `**加粗。**正文` is emphasis as a Chinese writer means it. Of GFM only tables
 * (micromark-extension-gfm-table): strikethrough, autolinks and footnotes stay
 * CommonMark text.
 *
 * What becomes a block:
 * - a heading → 'heading' with its ATX/setext depth (line breaks inside a setext
 *   heading are dropped from its text);
 * - a paragraph, wherever it is (top level, list item, block quote) → one 'paragraph'
 *   per line: a draft converted from Word keeps a paragraph on a line, and an
 *   ordinal such as 一、 or (二) only counts at the start of a line;
 * - the marker of an ORDERED list item ("1." "2)") is the GB/T 9704 ordinal 1. of the
 *   report, so it is kept, glued to the front of the item's first block ("1.加大……",
 *   the space after the marker is Markdown syntax and left out); bullet markers go.
 * - a table → one 'paragraph' per cell with its place (the row, the column; the first
 *   row is the header), which the builder makes a table of.
 * Code blocks, HTML, thematic breaks, definitions, images and front matter are not
 * text. Inline code and link text are; a link's URL is not.
 */
import type { Heading, List, ListItem, Nodes, Paragraph, PhrasingContent, Table } from 'mdast';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTable } from 'micromark-extension-gfm-table';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import type { TextBlock, TextSegment } from '../model.js';
import type { LineIndex } from '../position.js';
import type { RawBlock } from './build.js';

/** GFM tables only (what remark-gfm does for tables, without the rest of GFM). */
function remarkGfmTable(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmTable());
  (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
}

function createProcessor() {
  return unified().use(remarkParse).use(remarkCjkFriendly).use(remarkGfmTable);
}

let processor: ReturnType<typeof createProcessor> | null = null;

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const ENTITY = /&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const LINE_BREAK = /\r\n|\r|\n/g;

/** Text being put together from pieces, with the segments that map it to the source. */
class TextBuilder {
  text = '';
  segments: TextSegment[] = [];

  /** Append text that is not in the source as such (a decoded entity, a hard break). */
  unmapped(text: string): void {
    this.text += text;
  }

  /** Append `length` characters that stand at `source` in the source (and are equal to it). */
  mapped(text: string, source: number): void {
    this.addSegment(this.text.length, source, text.length);
    this.text += text;
  }

  /** Append `value`, of which the runs [v, v + length) stand at `source`. */
  aligned(value: string, runs: TextSegment[]): void {
    const base = this.text.length;
    for (const run of runs) this.addSegment(base + run.text, run.source, run.length);
    this.text += value;
  }

  private addSegment(text: number, source: number, length: number): void {
    if (length <= 0) return;
    const last = this.segments[this.segments.length - 1];
    if (last && last.text + last.length === text && last.source + last.length === source) last.length += length;
    else this.segments.push({ text, source, length });
  }
}

interface Marker {
  offset: number;
  length: number;
}

export function markdownBlocks(source: string, lines: LineIndex): RawBlock[] {
  const { text, shift } = prepare(source);
  processor ??= createProcessor();
  const tree = processor.parse(text);
  const blocks: RawBlock[] = [];
  /** the marker of an ordered list item, waiting for the item's first block */
  let pendingMarker: Marker | null = null;
  let tables = 0;

  walk(tree);
  return blocks;

  function walk(node: Nodes): void {
    switch (node.type) {
      case 'heading':
        emitHeading(node);
        return;
      case 'paragraph':
        emitParagraph(node);
        return;
      case 'list':
        walkList(node);
        return;
      case 'table':
        emitTable(node);
        return;
      case 'code':
      case 'html':
      case 'thematicBreak':
      case 'definition':
      case 'yaml':
        return;
      default:
        if ('children' in node) for (const child of node.children) walk(child as Nodes);
    }
  }

  function walkList(list: List): void {
    for (const item of list.children) {
      if (!list.ordered) {
        walkChildren(item);
        continue;
      }
      const marker = listMarker(item);
      if (!marker) {
        walkChildren(item);
        continue;
      }
      const first = item.children[0];
      if (first && (first.type === 'paragraph' || first.type === 'heading')) {
        pendingMarker = marker;
        walkChildren(item);
        pendingMarker = null;
      } else {
        // "1." with nothing after it, or followed by a code block or a nested list
        const b = new TextBuilder();
        b.mapped(source.slice(marker.offset, marker.offset + marker.length), marker.offset);
        blocks.push({ kind: 'paragraph', markdownDepth: null, block: toBlock(b, 0, b.text.length, marker.offset) });
        walkChildren(item);
      }
    }
  }

  /** A table: each cell's text a block with its place (the first row is GFM's header row). */
  function emitTable(table: Table): void {
    const id = tables++;
    table.children.forEach((row, r) => {
      row.children.forEach((cell, c) => {
        const b = new TextBuilder();
        collect(cell.children, b);
        const fallback = offsetOf(cell, 'start');
        const joined = new TextBuilder();
        for (const [a, z] of lineRanges(b.text)) appendSlice(joined, b, a, z);
        blocks.push({
          kind: 'paragraph', markdownDepth: null, block: toBlock(joined, 0, joined.text.length, fallback),
          cell: { table: id, row: r, column: c, colSpan: 1, headerRow: r === 0 },
        });
      });
    });
  }

  function walkChildren(item: ListItem): void {
    for (const child of item.children) walk(child);
  }

  /** The "1." or "2)" of an ordered list item, as written in the source. */
  function listMarker(item: ListItem): Marker | null {
    const start = item.position?.start.offset;
    if (start === undefined) return null;
    let at = start + shift;
    while (at < source.length && (source[at] === ' ' || source[at] === '\t')) at++;
    const m = /^\d{1,9}[.)]/.exec(source.slice(at, at + 10));
    return m ? { offset: at, length: m[0].length } : null;
  }

  function startBuilder(): TextBuilder {
    const b = new TextBuilder();
    if (pendingMarker) {
      const { offset, length } = pendingMarker;
      b.mapped(source.slice(offset, offset + length), offset);
      pendingMarker = null;
    }
    return b;
  }

  function emitHeading(node: Heading): void {
    const b = startBuilder();
    collect(node.children, b);
    const fallback = offsetOf(node, 'start');
    // a setext heading may run over several lines: one heading, the line breaks dropped
    const joined = new TextBuilder();
    for (const [a, z] of lineRanges(b.text)) appendSlice(joined, b, a, z);
    if (joined.text.trim().length === 0) return;
    blocks.push({ kind: 'heading', markdownDepth: node.depth, block: toBlock(joined, 0, joined.text.length, fallback) });
  }

  function emitParagraph(node: Paragraph): void {
    const b = startBuilder();
    collect(node.children, b);
    const nodeStart = offsetOf(node, 'start');
    for (const [a, z] of lineRanges(b.text)) {
      if (b.text.slice(a, z).trim().length === 0) continue;
      // a line without any mapped text is placed where the text before it ends
      let fallback = nodeStart;
      for (const seg of b.segments) if (seg.text < a) fallback = seg.source + Math.min(seg.length, a - seg.text);
      blocks.push({ kind: 'paragraph', markdownDepth: null, block: toBlock(b, a, z, fallback) });
    }
  }

  function collect(nodes: PhrasingContent[], b: TextBuilder): void {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          addValue(b, node.value, node, true);
          break;
        case 'inlineCode':
          addValue(b, node.value, node, false);
          break;
        case 'break':
          b.unmapped('\n');
          break;
        case 'image':
        case 'imageReference':
        case 'html':
        case 'footnoteReference':
          break;
        default:
          if ('children' in node) collect(node.children as PhrasingContent[], b);
      }
    }
  }

  function addValue(b: TextBuilder, value: string, node: Nodes, isText: boolean): void {
    const start = offsetOf(node, 'start');
    const end = offsetOf(node, 'end');
    if (start === null || end === null) {
      b.unmapped(value);
      return;
    }
    let from = start;
    let to = end;
    if (!isText) {
      // a code span: leave out the backtick fences
      while (from < to && source[from] === '`') from++;
      while (to > from && source[to - 1] === '`') to--;
    }
    b.aligned(value, align(value, from, to, isText));
  }

  /**
   * Runs of `value` that are equal to stretches of source[start, end). The source
   * has what the value lacks: escapes, entities, the indentation and `>` of
   * continuation lines, spaces before a line break. Only equal characters are ever
   * put in a run, so a segment's source slice is always its text.
   */
  function align(value: string, start: number, end: number, escapes: boolean): TextSegment[] {
    const runs: TextSegment[] = [];
    let i = 0;
    let j = start;
    while (i < value.length && j < end) {
      const c = source[j]!;
      if (escapes && c === '\\' && j + 1 < end && ASCII_PUNCT.test(source[j + 1]!) && value[i] === source[j + 1]) {
        j++; // the backslash of an escape; the character after it is matched next
        continue;
      }
      if (escapes && c === '&') {
        ENTITY.lastIndex = j;
        const m = ENTITY.exec(source);
        if (m && m.index === j && j + m[0].length <= end && !value.startsWith(m[0], i)) {
          j += m[0].length;
          i += decodedLength(m[0], value, i);
          continue;
        }
      }
      if (value[i] === c) {
        const last = runs[runs.length - 1];
        if (last && last.text + last.length === i && last.source + last.length === j) last.length++;
        else runs.push({ text: i, source: j, length: 1 });
        i++;
        j++;
      } else if (c === '>' || /\s/.test(c)) {
        j++; // syntax of a continuation line
      } else {
        i++; // a character of the value that is not in the source as such
      }
    }
    return runs;
  }

  /** Offset in `source` of a node's start or end (the parsed text may have lost a BOM). */
  function offsetOf(node: Nodes, which: 'start' | 'end'): number | null {
    const offset = node.position?.[which].offset;
    return offset === undefined ? null : offset + shift;
  }

  function toBlock(b: TextBuilder, i: number, j: number, fallback: number | null): TextBlock {
    const part = new TextBuilder();
    appendSlice(part, b, i, j);
    const first = part.segments[0];
    const last = part.segments[part.segments.length - 1];
    const start = first ? first.source : (fallback ?? 0);
    const end = last ? last.source + last.length : start;
    return {
      text: part.text,
      segments: part.segments,
      span: lines.spanOf(start, end),
    };
  }
}

/** Append b.text[i, j) with its segments to `out`. */
function appendSlice(out: TextBuilder, b: TextBuilder, i: number, j: number): void {
  const runs: TextSegment[] = [];
  for (const seg of b.segments) {
    const a = Math.max(i, seg.text);
    const z = Math.min(j, seg.text + seg.length);
    if (a < z) runs.push({ text: a - i, source: seg.source + (a - seg.text), length: z - a });
  }
  out.aligned(b.text.slice(i, j), runs);
}

/** [start, end) of each line of `text`, line breaks left out. */
function lineRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let from = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(text); m; m = LINE_BREAK.exec(text)) {
    ranges.push([from, m.index]);
    from = m.index + m[0].length;
  }
  ranges.push([from, text.length]);
  return ranges;
}

/**
 * How many characters of the value an entity of the source decoded to: a numeric
 * reference is computed (an invalid one is U+FFFD); a named one is taken as one code
 * point (the few that decode to two leave a character unmapped, which is safe).
 */
function decodedLength(entity: string, value: string, i: number): number {
  let length = 1;
  if (entity.startsWith('&#')) {
    const hex = entity[2] === 'x' || entity[2] === 'X';
    const code = Number.parseInt(entity.slice(hex ? 3 : 2, -1), hex ? 16 : 10);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    if (valid) length = String.fromCodePoint(code).length;
  } else if (/[\ud800-\udbff]/.test(value[i] ?? '')) length = 2;
  return Math.min(length, value.length - i);
}

/**
 * The text to parse, with the offsets of `source`: a leading BOM is cut off (micromark
 * would skip it without counting it, `shift` puts it back) and YAML front matter is
 * blanked out with spaces, line breaks kept, so that it is neither a thematic break
 * nor a paragraph.
 */
function prepare(source: string): { text: string; shift: number } {
  const shift = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  let text = shift ? source.slice(1) : source;
  const open = /^---[ \t]*(?:\r\n|\r|\n)/.exec(text);
  if (open) {
    const close = /(?:^|\r\n|\r|\n)(?:---|\.\.\.)[ \t]*(?=\r\n|\r|\n|$)/g;
    close.lastIndex = open[0].length - 1;
    const m = close.exec(text);
    if (m) {
      const end = m.index + m[0].length;
      text = text.slice(0, end).replace(/[^\r\n]/g, ' ') + text.slice(end);
    }
  }
  return { text, shift };
}

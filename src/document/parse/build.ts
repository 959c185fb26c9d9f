import type {
  CellPlace, DocumentFormat, DocumentModel, EnumItem, Heading, Ordinal, Paragraph, Section, Sentence, Signature, Span, Table, TableCell,
  TextBlock, TextSegment,
} from '../model.js';
import { ORDINAL_LEVEL } from '../model.js';
import type { LineIndex } from '../position.js';
import { codePointCount, sourceEndOffset, sourceOffset } from '../position.js';
import { findEnumItems, splitSentences } from './inline.js';
import { matchOrdinal, matchOrdinalBeforeNumber, type OrdinalMatch } from './ordinals.js';
import { joinBlocks, sliceBlock, trimBlock } from './text-block.js';

/**
 * What a format-specific parser hands over: the draft's blocks in order.
 * Markdown headings come as 'heading'; everything else (plain-text lines, Markdown
 * paragraphs and list items) as 'paragraph'. The builder decides which paragraphs
 * are really headings (they begin with an ordinal), so both formats give the same model.
 */
export interface RawBlock {
  kind: 'heading' | 'paragraph';
  markdownDepth: number | null;
  block: TextBlock;
  /**
   * the ordinal at the start of block.text when the format says it (Word's automatic numbering:
   * the label is put before the text, unmapped); it is taken as it is, not matched
   */
  ordinal?: OrdinalMatch;
  /** a paragraph in a table cell: the format's table number, the row, the grid column */
  cell?: RawCell;
}

export interface RawCell {
  /** the table's number in the format parser's count: cells of one table share it */
  table: number;
  row: number;
  column: number;
  colSpan: number;
  /** the format says it is a header row (Markdown's first row, Word's w:tblHeader) */
  headerRow: boolean;
}

// Date lines of a signature block: 2025年12月2日, 二〇二五年十二月二日, 2025.12.2, 2025-12-02
const DATE_LINE = /^(?:\d{2,4}|[〇零一二三四五六七八九○Ｏ]{2,4})\s*年\s*[\d〇零一二三四五六七八九十]{1,3}\s*月\s*[\d〇零一二三四五六七八九十]{1,3}\s*日$|^\d{4}\s*[.\-/]\s*\d{1,2}\s*[.\-/]\s*\d{1,2}$/;
/** how many blocks ordinalBeforeNumber looks ahead for the next item of its list */
const NEXT_ITEM_REACH = 200;
const ENDS_LIKE_PROSE = /[。！？；，,;!?、]$/;
const HAS_SENTENCE_PUNCT = /[。！？!?；;]/;

export function buildDocument(
  source: string,
  filename: string,
  format: DocumentFormat,
  rawBlocks: RawBlock[],
  lines: LineIndex,
): DocumentModel {
  // the blocks without white space at either end, empty ones left out (a block that needs no trim is kept as it is)
  const blocks: RawBlock[] = [];
  for (const raw of rawBlocks) {
    const block = trimBlock(raw.block, lines);
    if (block.text.length === 0) continue;
    blocks.push(block === raw.block ? raw : { ...raw, block });
  }

  let first = 0;
  let last = blocks.length; // exclusive

  const signature = findSignature();
  const title = findTitle();
  let addressee: TextBlock | null = null;
  const next = blocks[first];
  if (next && next.kind === 'paragraph' && !next.cell && /[：:]$/.test(next.block.text) && len(next.block.text) <= 40
    && !matchOrdinal(next.block.text) && !HAS_SENTENCE_PUNCT.test(next.block.text)) {
    addressee = next.block;
    first++;
  }

  const allSections: Section[] = [];
  const paragraphs: Paragraph[] = [];
  const preamble: Paragraph[] = [];
  const topLevel: Section[] = [];
  // open sections, outermost first, with the rank that decides nesting
  const stack: Array<{ section: Section; rank: number }> = [];
  /** what scanMatch found in a block, for the look-ahead of ordinalBeforeNumber */
  const scanned = new Map<number, OrdinalMatch | null>();
  /** the tables by the format's table number, and the cells' blocks by row and column */
  const tableOf = new Map<number, { table: Table; cells: Map<string, { cell: RawCell; blocks: TextBlock[] }> }>();
  const tables: Table[] = [];

  for (let k = first; k < last; k++) {
    const raw = blocks[k]!;
    if (raw.cell) {
      // a table cell's paragraph: body text, never a heading
      addParagraph(raw.block, stack.length ? stack[stack.length - 1]!.section : null, addToTable(raw.cell, raw.block));
      continue;
    }
    const match = raw.ordinal ?? matchOrdinal(raw.block.text) ?? (raw.kind === 'paragraph' ? ordinalBeforeNumber(k) : null);
    if (raw.kind === 'heading') {
      openSection(raw.block, match, raw.markdownDepth, raw.markdownDepth ?? 1, false);
    } else if (match) {
      // an ordinal line; the heading may run into its paragraph: it ends at the first 。 or ：
      const text = raw.block.text;
      const stop = findHeadingEnd(text, match.end);
      const headingEnd = stop === -1 ? text.length : stop + 1;
      const rest = headingEnd < text.length ? text.slice(headingEnd) : '';
      const inline = rest.trim().length > 0;
      const headingBlock = sliceBlock(raw.block, 0, inline ? headingEnd : text.length, lines);
      // plain-text ordinals nest by their GB/T 9704 level; inside Markdown they nest below any # heading
      const rank = (format === 'markdown' ? 100 : 0) + ORDINAL_LEVEL[match.kind];
      const section = openSection(headingBlock, match, null, rank, inline);
      if (inline) addParagraph(trimBlock(sliceBlock(raw.block, headingEnd, text.length, lines), lines), section);
    } else {
      addParagraph(raw.block, stack.length ? stack[stack.length - 1]!.section : null);
    }
  }
  for (const section of allSections) closeSpan(section);
  for (const { table, cells } of tableOf.values()) finishTable(table, cells);

  const document: DocumentModel = {
    filename,
    format,
    source,
    title,
    addressee,
    preamble,
    sections: topLevel,
    allSections,
    paragraphs,
    tables,
    signature,
    pointAt: (offset: number) => lines.pointAt(offset),
  };
  return document;

  /** Note a cell's paragraph in its table (made at its first cell); its place for the paragraph. */
  function addToTable(cell: RawCell, block: TextBlock): CellPlace {
    let entry = tableOf.get(cell.table);
    if (!entry) {
      const table: Table = {
        id: tables.length,
        sectionId: stack.length ? stack[stack.length - 1]!.section.id : null,
        rows: [],
        span: { start: block.span.start, end: block.span.end },
      };
      tables.push(table);
      tableOf.set(cell.table, (entry = { table, cells: new Map() }));
    }
    const key = `${cell.row}:${cell.column}`;
    const at = entry.cells.get(key);
    if (at) at.blocks.push(block);
    else entry.cells.set(key, { cell, blocks: [block] });
    return { table: entry.table.id, row: cell.row, column: cell.column };
  }

  /** The rows of a table from its cells' blocks: a cell of several paragraphs is their texts joined. */
  function finishTable(table: Table, cells: Map<string, { cell: RawCell; blocks: TextBlock[] }>): void {
    let rowCount = 0;
    for (const { cell } of cells.values()) rowCount = Math.max(rowCount, cell.row + 1);
    const rows = Array.from({ length: rowCount }, () => ({ cells: [] as TableCell[], header: false }));
    for (const { cell, blocks: parts } of cells.values()) {
      const joined = parts.length === 1 ? parts[0]! : joinBlocks(parts, lines);
      const row = rows[cell.row]!;
      row.cells.push({ text: joined.text, segments: joined.segments, span: joined.span, column: cell.column, colSpan: cell.colSpan });
      if (cell.headerRow) row.header = true;
      if (joined.span.end.offset > table.span.end.offset) table.span = { start: table.span.start, end: joined.span.end };
    }
    for (const row of rows) row.cells.sort((a, b) => a.column - b.column);
    // without a header row said by the format, a first row with no figure in it is the header (项目 | 数量（件）)
    const first = rows[0];
    if (first && rows.length > 1 && !rows.some((r) => r.header) && first.cells.length > 1 && !first.cells.some((c) => looksLikeValue(c.text))) {
      first.header = true;
    }
    table.rows = rows;
  }

  /**
   * 「8. 3条花卉景观大道」 after 「7.」 and before 「9.」: the ordinal 8. before a number, not the
   * decimal 8.3 (「7.4E级」, 「11. 90%以上的……」 likewise). The reading that continues the list
   * wins: the item before it at its level is one less (or it opens a list as 「1. 」 with a space),
   * and the next ordinal at its level or above is one more. Otherwise the line is prose.
   */
  function ordinalBeforeNumber(k: number): OrdinalMatch | null {
    const m = matchOrdinalBeforeNumber(blocks[k]!.block.text);
    if (!m) return null;
    const base = format === 'markdown' ? 100 : 0;
    const rank = base + ORDINAL_LEVEL.arabic;
    let prev: Section | null = null;
    for (let i = stack.length - 1; i >= 0 && stack[i]!.rank >= rank; i--) {
      if (stack[i]!.rank === rank) prev = stack[i]!.section;
    }
    const follows = prev !== null && prev.ordinal?.kind === 'arabic' && prev.ordinal.value === m.value - 1;
    if (!follows && !(m.value === 1 && m.spaced)) return null;
    for (let i = k + 1; i < last && i <= k + NEXT_ITEM_REACH; i++) {
      const b = blocks[i]!;
      if (b.kind === 'heading') return null;
      const n = scanMatch(i);
      if (!n) continue;
      const r = base + ORDINAL_LEVEL[n.kind];
      if (r > rank) continue;
      return r === rank && n.kind === 'arabic' && n.value === m.value + 1 ? m : null;
    }
    return null;
  }

  /** matchOrdinal, or else the ordinal before a number, of blocks[i], computed once */
  function scanMatch(i: number): OrdinalMatch | null {
    let n = scanned.get(i);
    if (n === undefined) {
      n = matchOrdinal(blocks[i]!.block.text) ?? matchOrdinalBeforeNumber(blocks[i]!.block.text);
      scanned.set(i, n);
    }
    return n;
  }

  function openSection(block: TextBlock, match: OrdinalMatch | null, depth: number | null, rank: number, inline: boolean): Section {
    while (stack.length && stack[stack.length - 1]!.rank >= rank) stack.pop();
    const parent = stack.length ? stack[stack.length - 1]!.section : null;
    const ordinal = match ? toOrdinal(block, match) : null;
    // properties spelled out rather than spread: spreading a block is many times slower
    const heading: Heading = { text: block.text, segments: block.segments, span: block.span, title: titleOf(block.text, match) };
    const section: Section = {
      id: allSections.length,
      parentId: parent ? parent.id : null,
      level: stack.length + 1,
      ordinal,
      markdownDepth: depth,
      heading,
      inline,
      paragraphs: [],
      children: [],
      span: { start: block.span.start, end: block.span.end },
    };
    allSections.push(section);
    (parent ? parent.children : topLevel).push(section);
    stack.push({ section, rank });
    return section;
  }

  function addParagraph(block: TextBlock, section: Section | null, cell?: CellPlace): void {
    if (block.text.length === 0) return;
    const paragraph = new BodyParagraph(block, section ? section.id : null, cell);
    paragraphs.push(paragraph);
    if (section) {
      // body text goes to the innermost open section; it is "before the first child" only
      // while that section has no children yet, otherwise it still belongs to it
      section.paragraphs.push(paragraph);
    } else preamble.push(paragraph);
  }

  function toOrdinal(block: TextBlock, m: OrdinalMatch): Ordinal {
    const start = sourceOffset(block, 0);
    const end = sourceEndOffset(block, m.rawEnd);
    return {
      kind: m.kind,
      value: m.value,
      numeral: m.numeral,
      raw: block.text.slice(0, m.rawEnd),
      delimiter: m.delimiter,
      brackets: m.brackets,
      spaces: m.spaces.map(([a, b]) => ({ start: sourceOffset(block, a), end: sourceEndOffset(block, b) })),
      span: lines.spanOf(start, end),
    };
  }

  function closeSpan(section: Section): Point2 {
    let end = section.heading.span.end;
    const lastParagraph = section.paragraphs[section.paragraphs.length - 1];
    if (lastParagraph && lastParagraph.span.end.offset > end.offset) end = lastParagraph.span.end;
    for (const child of section.children) {
      const childEnd = closeSpan(child);
      if (childEnd.offset > end.offset) end = childEnd;
    }
    section.span = { start: section.heading.span.start, end };
    return end;
  }

  /** The last two lines: the issuing body and the date (落款), taken out of the body. */
  function findSignature(): Signature | null {
    const lastBlock = blocks[last - 1];
    if (!lastBlock || lastBlock.kind !== 'paragraph' || lastBlock.cell || !DATE_LINE.test(lastBlock.block.text.replace(/\s+/g, ''))) return null;
    if (last - 1 === 0) return null;
    last--;
    const date = lastBlock.block;
    let issuer: TextBlock | null = null;
    const before = blocks[last - 1];
    if (before && before.kind === 'paragraph' && !before.cell && len(before.block.text) <= 40 && !ENDS_LIKE_PROSE.test(before.block.text)
      && !HAS_SENTENCE_PUNCT.test(before.block.text) && !matchOrdinal(before.block.text) && last - 1 > 0) {
      issuer = before.block;
      last--;
    }
    return { issuer, date, span: { start: (issuer ?? date).span.start, end: date.span.end } };
  }

  /** A short first line without an ordinal or closing punctuation is the title (Markdown: a lone top heading). */
  function findTitle(): TextBlock | null {
    const head = blocks[first];
    if (!head || first + 1 >= last || head.cell || head.ordinal) return null;
    const text = head.block.text;
    if (matchOrdinal(text)) return null;
    if (head.kind === 'heading') {
      const depth = head.markdownDepth ?? 1;
      const others = blocks.slice(first + 1, last).filter((b) => b.kind === 'heading' && (b.markdownDepth ?? 1) <= depth);
      if (others.length > 0) return null;
      first++;
      return head.block;
    }
    if (len(text) > 60 || ENDS_LIKE_PROSE.test(text) || /[：:]$/.test(text) || HAS_SENTENCE_PUNCT.test(text)) return null;
    first++;
    return head.block;
  }
}

type Point2 = Section['span']['end'];

/**
 * A body paragraph. Its sentences and enumeration items are found when first read: most rules
 * never ask for them, and on a 10 MB draft they were a third of the parser's objects. Every
 * paragraph has the same fields (`cell` is undefined outside a table), so code reading
 * paragraphs sees objects of one shape.
 */
class BodyParagraph implements Paragraph {
  readonly text: string;
  readonly segments: TextSegment[];
  readonly span: Span;
  readonly sectionId: number | null;
  readonly cell: CellPlace | undefined;
  #sentences: Sentence[] | undefined;
  #enumItems: EnumItem[] | undefined;

  constructor(block: TextBlock, sectionId: number | null, cell: CellPlace | undefined) {
    this.text = block.text;
    this.segments = block.segments;
    this.span = block.span;
    this.sectionId = sectionId;
    this.cell = cell;
  }

  get sentences(): Sentence[] {
    return (this.#sentences ??= splitSentences(this.text));
  }

  get enumItems(): EnumItem[] {
    return (this.#enumItems ??= findEnumItems(this.text));
  }

  /** what JSON.stringify shows: the fields of the model's interface */
  toJSON(): Paragraph {
    const { text, segments, span, sectionId, sentences, enumItems, cell } = this;
    return { text, segments, span, sectionId, sentences, enumItems, cell };
  }
}

/**
 * A cell that holds a figure rather than a heading: 30, 30宗, 1,200, 99.5%, 约50件 (not a year
 * such as 2024年 or 2024年度, which heads a column).
 */
export function looksLikeValue(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  if (/^(?:19|20)\d{2}年度?$/.test(t)) return false;
  return /^[约近逾]?[-+]?\d[\d,，.．]*(?:余|多)?(?:[%％‰]|[万亿]?[\u4e00-\u9fff]{0,3})?$/.test(t);
}

/** Index of the 。 or ： that ends a heading running into its paragraph, or -1. */
function findHeadingEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3002 /* 。 */ || c === 0xff1a /* ： */) return i;
    // a half-width colon (NFKC-folded ：) ends it too, but not one inside a time such as 8:30
    if (c === 0x3a /* : */ && !(isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(text.charCodeAt(i + 1)))) return i;
  }
  return -1;
}

/** 0-9 (NaN, past either end of a text, is not) */
function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Heading text without its ordinal and without a closing 。/： */
function titleOf(text: string, m: OrdinalMatch | null): string {
  let end = text.length;
  const last = text.charCodeAt(end - 1);
  if (last === 0x3002 /* 。 */ || last === 0xff1a /* ： */ || last === 0x3a /* : */) end--;
  // (an ordinal never ends in 。 or ：, so m.end <= end)
  return text.slice(m ? m.end : 0, end).trim();
}

function len(text: string): number {
  return codePointCount(text, 0, text.length);
}

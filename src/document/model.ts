/**
 * The document model: what a draft is parsed into, once, before any rule runs.
 * Rules only read it; they never look at the raw text with their own parser.
 *
 * Offsets are indices into the decoded source string (UTF-16 code units, what
 * `String.prototype.slice` takes, as in unist/vfile). Lines and columns are
 * 1-based and columns count code points, which is what an editor shows.
 *
 * The parser's objects work out some fields when they are first read, since most
 * rules never read them: a paragraph's sentences and enumeration items, a sentence's
 * or an item's text, a span point's line and column. They read as the fields below
 * (getters), and JSON.stringify shows them as plain objects.
 */

export interface Point {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Point;
  end: Point;
}

/**
 * A piece of text as the rules see it, with the way back to the source.
 * In plain text `text` is the source slice itself; in Markdown the syntax
 * (`**`, `[`, …) is removed, so `segments` say which stretch of `text` stands
 * where in the source. Segments are sorted and do not overlap.
 */
export interface TextBlock {
  text: string;
  segments: TextSegment[];
  span: Span;
}

export interface TextSegment {
  /** index into TextBlock.text */
  text: number;
  /** offset into the source */
  source: number;
  length: number;
}

/** The four levels of GB/T 9704 §7.3.3: 一、 (一) 1. (1) */
export type OrdinalKind = 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic';

export const ORDINAL_LEVEL: Record<OrdinalKind, number> = {
  cn: 1,
  'paren-cn': 2,
  arabic: 3,
  'paren-arabic': 4,
};

export interface Ordinal {
  kind: OrdinalKind;
  /** numeric value: 四 → 4, (12) → 12 */
  value: number;
  /** the numeral as written: 四, 12 */
  numeral: string;
  /** the whole ordinal as written, spaces included: "四 、", "(一)", "1." */
  raw: string;
  /** punctuation after the numeral or bracket as written: 、 . ． , ， or "" */
  delimiter: string;
  /** brackets as written for paren kinds: "()" "（）" "(）" … ; "" otherwise */
  brackets: string;
  /** source offsets of white space inside or right after the ordinal */
  spaces: Array<{ start: number; end: number }>;
  /** source span of `raw` */
  span: Span;
}

export interface Sentence {
  /** start and end indices into the paragraph's text */
  start: number;
  end: number;
  text: string;
}

/** 一是……二是……, 第一……第二…… inside a paragraph */
export interface EnumItem {
  marker: string;
  value: number;
  /** indices into the paragraph's text: from the marker to before the next marker */
  start: number;
  end: number;
  text: string;
}

export interface Paragraph extends TextBlock {
  /** index of the section it belongs to in DocumentModel.allSections, or null before the first heading */
  sectionId: number | null;
  sentences: Sentence[];
  enumItems: EnumItem[];
  /** a paragraph in a table cell: where it stands (DocumentModel.tables[table].rows[row]); absent for body text */
  cell?: CellPlace;
}

export interface CellPlace {
  /** index in DocumentModel.tables */
  table: number;
  /** index in Table.rows */
  row: number;
  /** the grid column (0-based) */
  column: number;
}

/**
 * A table cell: its text (a Word cell of several paragraphs: their texts joined, each mapped to
 * its place) with its grid column. An empty cell has an empty text.
 */
export interface TableCell extends TextBlock {
  /** the grid column (0-based); a merged cell stands at its first column */
  column: number;
  /** how many grid columns it spans (Word's merged cells), 1 otherwise */
  colSpan: number;
}

export interface TableRow {
  cells: TableCell[];
  /** a header row (Markdown: the first row; Word: a repeated header row, or a first row without figures) */
  header: boolean;
}

/** A Markdown (GFM) or Word table. Its cells' paragraphs are body paragraphs too (Paragraph.cell), for the rules that read text. */
export interface Table {
  /** index in DocumentModel.tables */
  id: number;
  /** the section it stands in, null before the first heading */
  sectionId: number | null;
  /** header rows first */
  rows: TableRow[];
  span: Span;
}

export interface Heading extends TextBlock {
  /** heading text without the ordinal, e.g. 加强组织领导 */
  title: string;
}

export interface Section {
  /** index in DocumentModel.allSections (document order) */
  id: number;
  /** id of the enclosing section, null for a top-level section */
  parentId: number | null;
  /** depth in the section tree, 1 for top level */
  level: number;
  ordinal: Ordinal | null;
  /** Markdown ATX/setext depth (1–6); null in plain text */
  markdownDepth: number | null;
  heading: Heading;
  /** the heading ran straight into its paragraph on the same line: "(一)推动……常态化。坚持……" */
  inline: boolean;
  /** body paragraphs directly under this heading, before the first child */
  paragraphs: Paragraph[];
  children: Section[];
  /** from the heading to the end of the section's last content */
  span: Span;
}

export interface Signature {
  /** the issuing body, e.g. 罗湖区卫生健康局 */
  issuer: TextBlock | null;
  /** the date line, e.g. 2025年12月2日 */
  date: TextBlock | null;
  span: Span;
}

export type DocumentFormat = 'markdown' | 'text';

/**
 * A parsed draft. What is derived from it (figures, dates, report year …) is not part of the
 * model: it lives in src/document/facts/ (factsOf(document)).
 */
export interface DocumentModel {
  filename: string;
  format: DocumentFormat;
  source: string;
  title: TextBlock | null;
  /** 主送机关 such as "区委、区政府:" */
  addressee: TextBlock | null;
  /** paragraphs before the first heading (the opening of the report) */
  preamble: Paragraph[];
  /** top-level sections */
  sections: Section[];
  /** every section in document order; Section.id indexes this */
  allSections: Section[];
  /** every body paragraph in document order (preamble included, signature excluded; table cells' paragraphs included) */
  paragraphs: Paragraph[];
  /** the tables, in document order */
  tables: Table[];
  signature: Signature | null;
  /** the source position of an offset */
  pointAt(offset: number): Point;
}

/**
 * Shared plumbing for the fact extractors: which text blocks of a document are read, where
 * each belongs, and the parts of a text that are names (quoted or titled) rather than prose.
 */
import type { DocumentModel, Section, TextBlock } from '../model.js';

export { sourceRange } from '../position.js';

export type BlockPlace = 'title' | 'heading' | 'paragraph' | 'signature';

export interface FactBlock {
  block: TextBlock;
  where: BlockPlace;
  /** the section the block belongs to (a heading: its own section); null for the title, the preamble and the signature */
  sectionId: number | null;
  /** index in DocumentModel.paragraphs for a body paragraph, null otherwise */
  paragraphIndex: number | null;
  /** where reading starts in block.text: after the ordinal of a heading (一、 (一) 1.), 0 otherwise */
  from: number;
}

/**
 * The title, every heading and every body paragraph, in document order (the signature is not
 * included). Read through factsOf(document).blocks, which computes them once per document: the
 * figures, the dates and number-usage all read them.
 */
export function collectFactBlocks(document: DocumentModel): FactBlock[] {
  // the title and the headings, then the paragraphs: each list is in document order already,
  // so the two are merged (a tie keeps the title or heading first, as a stable sort of both would)
  const heads: FactBlock[] = [];
  if (document.title) heads.push({ block: document.title, where: 'title', sectionId: null, paragraphIndex: null, from: 0 });
  for (const section of document.allSections) {
    const from = section.ordinal ? Math.min(section.ordinal.raw.length, section.heading.text.length) : 0;
    heads.push({ block: section.heading, where: 'heading', sectionId: section.id, paragraphIndex: null, from });
  }
  const paragraphs: FactBlock[] = [];
  for (let k = 0; k < document.paragraphs.length; k++) {
    const p = document.paragraphs[k]!;
    paragraphs.push({ block: p, where: 'paragraph', sectionId: p.sectionId, paragraphIndex: k, from: 0 });
  }
  const headKeys = heads.map((b) => startOf(b.block));
  const paragraphKeys = paragraphs.map((b) => startOf(b.block));
  if (!nonDecreasing(headKeys) || !nonDecreasing(paragraphKeys)) {
    // (not expected: a stable sort of all by start offset)
    const out = [...heads, ...paragraphs];
    const keys = [...headKeys, ...paragraphKeys];
    const order = out.map((_, k) => k).sort((a, b) => keys[a]! - keys[b]!);
    return order.map((k) => out[k]!);
  }
  const out: FactBlock[] = [];
  let h = 0;
  let q = 0;
  while (h < heads.length || q < paragraphs.length) {
    if (q >= paragraphs.length || (h < heads.length && headKeys[h]! <= paragraphKeys[q]!)) out.push(heads[h++]!);
    else out.push(paragraphs[q++]!);
  }
  return out;
}

/** A stretch of one block's text: [start, end) indices into block.text. */
export interface TextRange {
  block: TextBlock;
  start: number;
  end: number;
}

/**
 * Every text block of the document in order, each whole: title, addressee, headings and
 * paragraphs, signature. What a pack's document-wide check reads (factsOf(doc).documentRanges).
 */
export function collectDocumentRanges(doc: DocumentModel): TextRange[] {
  const blocks: TextBlock[] = [];
  if (doc.title) blocks.push(doc.title);
  if (doc.addressee) blocks.push(doc.addressee);
  blocks.push(...doc.preamble);
  const walk = (s: Section) => {
    blocks.push(s.heading, ...s.paragraphs);
    s.children.forEach(walk);
  };
  doc.sections.forEach(walk);
  if (doc.signature?.issuer) blocks.push(doc.signature.issuer);
  if (doc.signature?.date) blocks.push(doc.signature.date);
  return blocks.map((block) => ({ block, start: 0, end: block.text.length }));
}

function nonDecreasing(keys: readonly number[]): boolean {
  for (let k = 1; k < keys.length; k++) if (keys[k - 1]! > keys[k]!) return false;
  return true;
}

function startOf(block: TextBlock): number {
  return block.segments.length ? block.segments[0]!.source : block.span.start.offset;
}


/** The closing mark of an opening mark, by char code (“” 「」 『』 《》 〈〉 ‘’); 0 for any other character. */
function closingMark(open: number): number {
  switch (open) {
    case 0x201c: return 0x201d;
    case 0x300c: return 0x300d;
    case 0x300e: return 0x300f;
    case 0x300a: return 0x300b;
    case 0x3008: return 0x3009;
    case 0x2018: return 0x2019;
    default: return 0;
  }
}
const OPENING_MARK = /[“「『《〈‘]/g;
/** Quoted stretches longer than this are quotations, not names. */
const MAX_NAME = 40;
/** 书名号 titles may be long, but not endless. */
const MAX_TITLE = 120;

/**
 * [start, end) ranges (quote marks included) of names: text in “” 「」 『』 ‘’ up to 40
 * characters and titles in 《》 〈〉 up to 120. Unclosed marks are ignored. Linear time.
 */
export function nameRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    // jump to the next opening mark
    OPENING_MARK.lastIndex = i;
    if (!OPENING_MARK.test(text)) break;
    i = OPENING_MARK.lastIndex - 1;
    const open = text.charCodeAt(i);
    const close = closingMark(open);
    const limit = close === 0x300b || close === 0x3009 ? MAX_TITLE : MAX_NAME;
    const stop = Math.min(n, i + limit + 2);
    let j = i + 1;
    while (j < stop && text.charCodeAt(j) !== close && text.charCodeAt(j) !== open) j++;
    if (j < stop && text.charCodeAt(j) === close) {
      out.push([i, j + 1]);
      i = j + 1;
    } else i++;
  }
  return out;
}

/** A sorted, non-overlapping set of ranges with an O(log n) membership test. */
export class RangeSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(ranges: Iterable<readonly [number, number]> = []) {
    const list = Array.isArray(ranges) ? (ranges as ReadonlyArray<readonly [number, number]>) : [...ranges];
    if (list.length === 0) return;
    // (most lists come sorted already: no copy, no sort then)
    let sorted = true;
    for (let k = 1; k < list.length && sorted; k++) sorted = list[k - 1]![0] <= list[k]![0];
    const ordered = sorted ? list : [...list].sort((x, y) => x[0] - y[0]);
    for (const [a, b] of ordered) this.add(a, b);
  }

  /** The set of the [start, end) of each span (dates, names …), in any order. */
  static ofSpans(spans: ReadonlyArray<{ readonly start: number; readonly end: number }>): RangeSet {
    const set = new RangeSet();
    if (spans.length === 0) return set;
    let sorted = true;
    for (let k = 1; k < spans.length && sorted; k++) sorted = spans[k - 1]!.start <= spans[k]!.start;
    const ordered = sorted ? spans : [...spans].sort((x, y) => x.start - y.start);
    for (const { start, end } of ordered) set.add(start, end);
    return set;
  }

  /** adds [a, b), which must not start before the last range added */
  private add(a: number, b: number): void {
    if (b <= a) return;
    const k = this.ends.length - 1;
    if (k >= 0 && a <= this.ends[k]!) this.ends[k] = Math.max(this.ends[k]!, b);
    else {
      this.starts.push(a);
      this.ends.push(b);
    }
  }

  /** The largest index below `at` inside a range, or -1. */
  lastBefore(at: number): number {
    // the last range starting before `at`
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! < at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? -1 : Math.min(this.ends[found]!, at) - 1;
  }

  /** The smallest index at or after `at` inside a range, or Infinity. */
  firstFrom(at: number): number {
    // the first range ending after `at`
    let lo = 0;
    let hi = this.ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.ends.length ? Math.max(this.starts[lo]!, at) : Infinity;
  }

  /** the range containing index i, or null */
  find(i: number): [number, number] | null {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! > i) hi = mid - 1;
      else if (this.ends[mid]! <= i) lo = mid + 1;
      else return [this.starts[mid]!, this.ends[mid]!];
    }
    return null;
  }

  has(i: number): boolean {
    return this.find(i) !== null;
  }

  /** whether [i, j) overlaps any range */
  overlaps(i: number, j: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    // first range whose end is after i
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.ends[mid]! <= i) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.starts.length && this.ends[lo]! > i && this.starts[lo]! < j;
  }
}

import type { EnumItem, Sentence } from '../model.js';
import { smallChineseNumber } from './chinese-numerals.js';
import { isWhitespaceCode } from './text-block.js';

// A sentence ends at 。！？ (or their half-width forms, folded by NFKC) and any closing marks after it.
const SENTENCE_END = /[。！？!?]+[”’」』）)》]*|…{2,}[”’」』）)]*/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  // only where each match ends matters: test() moves lastIndex there without building a match array
  while (SENTENCE_END.test(text)) {
    const end = SENTENCE_END.lastIndex;
    pushSentence(sentences, text, start, end);
    start = end;
  }
  pushSentence(sentences, text, start, text.length);
  return sentences;
}

/** Add text[a, b) as a sentence, white space at its start (between sentences) left out. */
function pushSentence(sentences: Sentence[], text: string, a: number, b: number): void {
  while (a < b && isWhitespaceCode(text.charCodeAt(a))) a++;
  if (b > a) sentences.push(new TextPart(text, a, b));
}

/**
 * A sentence or an enumeration item: indices into its paragraph's text, and its own text sliced
 * from that when read (one rule reads it; the others read the indices).
 */
class TextPart implements Sentence {
  readonly #paragraphText: string;

  constructor(paragraphText: string, readonly start: number, readonly end: number) {
    this.#paragraphText = paragraphText;
  }

  get text(): string {
    return this.#paragraphText.slice(this.start, this.end);
  }

  /** what JSON.stringify shows: the fields of the model's interface */
  toJSON(): { start: number; end: number; text: string } {
    return { start: this.start, end: this.end, text: this.text };
  }
}

class EnumPart extends TextPart implements EnumItem {
  constructor(paragraphText: string, readonly marker: string, readonly value: number, start: number, end: number) {
    super(paragraphText, start, end);
  }

  override toJSON(): EnumItem {
    return { marker: this.marker, value: this.value, start: this.start, end: this.end, text: this.text };
  }
}

// 一是 … 二是 …, 第一，… 第二，…: the marker must open a clause (start of text or after punctuation,
// see opensClause), so that 统一是 or 第一责任人 are not taken for markers.
const ENUM_MARKER = /[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}(?=[，,、：:])/g;

/**
 * Whether a marker at `index` opens a clause: it starts the text or follows 。；;，,：:、 or white space.
 * (Checked after the match rather than by the regex, which then scans twice as fast. A marker that
 * does not open a clause hides none that does: the characters inside it are numerals, 第 and 是.)
 */
function opensClause(text: string, index: number): boolean {
  if (index === 0) return true;
  const c = text.charCodeAt(index - 1);
  return c === 0x3002 /* 。 */ || c === 0xff1b /* ； */ || c === 0x3b /* ; */ || c === 0xff0c /* ， */ || c === 0x2c /* , */
    || c === 0xff1a /* ： */ || c === 0x3a /* : */ || c === 0x3001 /* 、 */ || isWhitespaceCode(c);
}

export function findEnumItems(text: string): EnumItem[] {
  ENUM_MARKER.lastIndex = 0;
  let m = ENUM_MARKER.exec(text);
  // most paragraphs have no marker at all
  if (m === null) return [];
  // the markers first: each item ends where the next one starts
  const found: Array<{ marker: string; value: number; start: number }> = [];
  for (; m; m = ENUM_MARKER.exec(text)) {
    if (!opensClause(text, m.index)) continue;
    const marker = m[0];
    const numeral = marker.startsWith('第') ? marker.slice(1) : marker.slice(0, -1);
    const value = smallChineseNumber(numeral);
    if (value === null) continue;
    found.push({ marker, value, start: m.index });
  }
  // a lone 二是 in mid-sentence without a 一是 before it is prose; at the start of a paragraph it
  // is an item of an enumeration that runs one item per line
  if (found.length === 1 && found[0]!.value !== 1 && found[0]!.start !== 0) return [];
  return found.map((f, k) => new EnumPart(text, f.marker, f.value, f.start, k + 1 < found.length ? found[k + 1]!.start : text.length));
}

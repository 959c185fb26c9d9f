import type { EnumItem, Sentence } from '../model.js';
import { smallChineseNumber } from './chinese-numerals.js';

// A sentence ends at 。！？ (or their half-width forms, folded by NFKC) and any closing marks after it.
const SENTENCE_END = /[。！？!?]+[”’」』）)》]*|…{2,}[”’」』）)]*/g;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    push(start, end);
    start = end;
  }
  push(start, text.length);
  return sentences;

  function push(a: number, b: number): void {
    // skip white space between sentences
    while (a < b && /\s|\u3000/.test(text[a]!)) a++;
    if (b > a) sentences.push({ start: a, end: b, text: text.slice(a, b) });
  }
}

// 一是 … 二是 …, 第一，… 第二，…: the marker must open a clause (start of text or after punctuation),
// so that 统一是 or 第一责任人 are not taken for markers.
const ENUM_MARKER = /(^|[。；;，,：:、\s])((?:[一二三四五六七八九十]{1,3})是|第[一二三四五六七八九十]{1,3}(?=[，,、：:]))/g;

export function findEnumItems(text: string): EnumItem[] {
  const markers: Array<{ index: number; marker: string; value: number }> = [];
  ENUM_MARKER.lastIndex = 0;
  for (let m = ENUM_MARKER.exec(text); m; m = ENUM_MARKER.exec(text)) {
    const marker = m[2]!;
    const numeral = marker.startsWith('第') ? marker.slice(1) : marker.slice(0, -1);
    const value = smallChineseNumber(numeral);
    if (value === null) continue;
    markers.push({ index: m.index + m[1]!.length, marker, value });
  }
  // a lone 二是 in mid-sentence without a 一是 before it is prose; at the start of a paragraph it
  // is an item of an enumeration that runs one item per line
  if (markers.length === 1 && markers[0]!.value !== 1 && markers[0]!.index !== 0) return [];
  return markers.map((mk, k) => {
    const end = k + 1 < markers.length ? markers[k + 1]!.index : text.length;
    return { marker: mk.marker, value: mk.value, start: mk.index, end, text: text.slice(mk.index, end) };
  });
}

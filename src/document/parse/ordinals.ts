import type { OrdinalKind } from '../model.js';
import { smallChineseNumber } from './chinese-numerals.js';

/** An ordinal found at the start of a line, with indices into that line's text. */
export interface OrdinalMatch {
  kind: OrdinalKind;
  value: number;
  numeral: string;
  delimiter: string;
  brackets: string;
  /** end index of the ordinal (white space after it included) */
  end: number;
  /** end index of the ordinal itself, without trailing white space */
  rawEnd: number;
  /** [start, end) index ranges of white space inside or right after the ordinal */
  spaces: Array<[number, number]>;
}

const S = '[ \\t\\u3000\\u00a0]*';
const CN = '[一二三四五六七八九十]{1,3}';
// Delimiters that writers put after an ordinal. Only 、 (after 一) and . (after 1) are right;
// the others are recognised so that heading-sequence can report them.
const CN_ORDINAL = new RegExp(`^(${CN})(${S})([、，,.．])(${S})`);
// "1.5万" is a number, but "1.2025年3月底前完成" is the ordinal 1. before a year
const ARABIC_ORDINAL = new RegExp(`^(\\d{1,2})(${S})([.．、，,])(?![\\d](?!\\d{3}\\s*年))(${S})`);
/** "8. 3条花卉景观大道", "7.4E级", "11. 90%以上的……": an ordinal, or a number? (see matchOrdinalBeforeNumber) */
const ARABIC_BEFORE_NUMBER = new RegExp(`^(\\d{1,2})(${S})([.．])(${S})(?=\\d)`);
const PAREN_ORDINAL = new RegExp(`^([(（])(${S})(${CN}|\\d{1,2})(${S})([)）])(${S})([、，,.．]?)(${S})`);

/**
 * Recognise a GB/T 9704 ordinal (一、 (一) 1. (1)) at the start of `text`.
 * Returns null for text that merely begins with a numeral (一是, 2024年, 1.5万).
 */
export function matchOrdinal(text: string): OrdinalMatch | null {
  const first = text.charCodeAt(0);
  if (first === 0x28 || first === 0xff08) return matchParen(text);
  if (first >= 0x30 && first <= 0x39) return matchArabic(text);
  return matchChinese(text);
}

function spacesOf(parts: string[], start: number): { spaces: Array<[number, number]>; end: number } {
  // parts alternate: token, space, token, space …; collect the space ranges
  const spaces: Array<[number, number]> = [];
  let at = start;
  for (let k = 0; k < parts.length; k++) {
    const part = parts[k]!;
    if (k % 2 === 1 && part.length > 0) spaces.push([at, at + part.length]);
    at += part.length;
  }
  return { spaces, end: at };
}

function matchChinese(text: string): OrdinalMatch | null {
  const m = CN_ORDINAL.exec(text);
  if (!m) return null;
  const value = smallChineseNumber(m[1]!);
  if (value === null) return null;
  const delimiter = m[3]!;
  const rest = text.slice(m[0].length);
  // "一,二级医院……" or "十.…" are prose more often than headings: accept a comma or full stop
  // after a Chinese numeral only when a heading-like text follows (not another numeral).
  if (delimiter !== '、' && /^[一二三四五六七八九十\d]/.test(rest) && !/^\d{4}\s*年/.test(rest)) return null;
  // "一、二级医院全部完成……", "三、四类风险": a list of numerals in prose, not an ordinal
  // ("三、二〇二五年工作安排" stays a heading)
  if (/^[一二三四五六七八九十]{1,3}(?:、|[级等类档星])/.test(rest)) return null;
  const { spaces, end } = spacesOf([m[1]!, m[2]!, m[3]!, m[4]!], 0);
  return {
    kind: 'cn', value, numeral: m[1]!, delimiter, brackets: '', end,
    rawEnd: end - m[4]!.length, spaces,
  };
}

function matchArabic(text: string): OrdinalMatch | null {
  const m = ARABIC_ORDINAL.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  if (value === 0) return null;
  const rest = text.slice(m[0].length);
  // "1、2月" (January and February), "3,5个": a list of numbers, not an ordinal
  if (/^\d/.test(rest) && !/^\d{4}\s*年/.test(rest)) return null;
  const { spaces, end } = spacesOf([m[1]!, m[2]!, m[3]!, m[4]!], 0);
  return {
    kind: 'arabic', value, numeral: m[1]!, delimiter: m[3]!, brackets: '', end,
    rawEnd: end - m[4]!.length, spaces,
  };
}

function matchParen(text: string): OrdinalMatch | null {
  const m = PAREN_ORDINAL.exec(text);
  if (!m) return null;
  const numeral = m[3]!;
  const arabic = /^\d/.test(numeral);
  const value = arabic ? Number(numeral) : smallChineseNumber(numeral);
  if (value === null || value === 0) return null;
  // "(2021—2025年)" never matches: the numeral must close straight away. An ordinal alone on
  // its line (text converted from PDF) is a heading with its text on the next line, as for 一、.
  const parts = [m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6]!, m[7]!, m[8]!];
  const { spaces, end } = spacesOf(parts, 0);
  // white space between ")" and a missing delimiter is just the space after the ordinal
  let rawEnd = end - m[8]!.length;
  if (m[7] === '') rawEnd -= m[6]!.length;
  return {
    kind: arabic ? 'paren-arabic' : 'paren-cn', value, numeral, delimiter: m[7]!,
    brackets: m[1]! + m[5]!, end, rawEnd, spaces,
  };
}

/**
 * The other reading of a line that begins with a number: 「8. 3条花卉景观大道」, 「7.4E级：」,
 * 「11. 90%以上的……」 may be the ordinal 8. (7., 11.) before a number as well as the decimal
 * 8.3 (7.4, 11.90). matchOrdinal takes the number; this returns the ordinal reading, for the
 * caller to choose by the sequence around it (only the builder knows the neighbouring items).
 * `spaced`: white space between the point and the number, a sign of an ordinal.
 */
export function matchOrdinalBeforeNumber(text: string): (OrdinalMatch & { spaced: boolean }) | null {
  const m = ARABIC_BEFORE_NUMBER.exec(text);
  if (!m || matchOrdinal(text)) return null;
  const value = Number(m[1]);
  if (value === 0) return null;
  const { spaces, end } = spacesOf([m[1]!, m[2]!, m[3]!, m[4]!], 0);
  return {
    kind: 'arabic', value, numeral: m[1]!, delimiter: m[3]!, brackets: '', end,
    rawEnd: end - m[4]!.length, spaces, spaced: m[4]!.length > 0,
  };
}

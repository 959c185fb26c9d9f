/**
 * Dates and year mentions: 2025年12月2日, 2025年2月, 2024年度, 2024年, 二〇二五年十二月二日,
 * 2025.12.2, 12月2日 (year unknown), 3月份, 上半年, 一季度, 年底, 今年/去年/明年/本年/上年,
 * 2021—2025年, and the signature date (成文日期) with its GB/T 9704 §7.3.5.4 form check.
 *
 * Decisions:
 * - A four-digit number before 年 is a year only from 1800 to 2199; otherwise it is a
 *   duration (1200年历史) and left to the figures.
 * - A year directly followed by a period is one mention: 2025年上半年, 2024年第一季度, 2025年底
 *   (kind 'period', with year). 2024年初 stays a plain year (初 starts too many words: 初步).
 * - A two-digit year is read only before a month (24年3月, 24年3月5日): year 2000+yy (1900+yy
 *   from 50), shortYear true. A lone 08年 is not read (it is usually a duration).
 * - Chinese months need a year before them, or 日/份/底/初/末/上旬/中旬/下旬 after them (三月份).
 * - `valid` is calendar validity: month 1–12, day within the month (29 February only in a leap
 *   year; allowed when the year is unknown), years 1800–2199, a range from ≤ to.
 * - Relative words: 今年 本年 本年度 今年度 → this; 去年 上年 上年度 上一年 上一年度 → last;
 *   明年 下年度 下一年 下一年度 → next. 全年 (the whole year) is not a relative mention.
 *   本年 after 基 根 成 资 版 样 文 课 范 账 读 剧 书 日 标 脚 副 正 原 蓝 底, 上年 after 以,
 *   去年 after 过 除, 明年 after 光 文 说 声 证 表 are parts of other words and skipped.
 * - Mentions inside quotes and 《》 are kept, with quoted: true (《2024年度工作要点》).
 */
import type { DocumentModel } from '../model.js';
import { nameRanges, RangeSet, sourceRange, type BlockPlace, type FactBlock } from './blocks.js';
import { codeAt, parseChineseDigits, parseChineseNumber, toHalfWidthDigits } from './numbers.js';

export type DateKind = 'date' | 'month' | 'year' | 'relative' | 'period' | 'range';
export type RelativeYear = 'this' | 'last' | 'next';
/** H1 上半年, H2 下半年, Q1–Q4 (第)一季度…, start 年初, end 年底/年末 */
export type YearPeriod = 'H1' | 'H2' | 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'start' | 'end';
/** arabic 2025年; chinese 二〇二五年; numeric 2025.12.2 / 2025-12-02; word 今年, 上半年 */
export type DateForm = 'arabic' | 'chinese' | 'numeric' | 'word';

/** A date mention in a text, with indices into that text. */
export interface TextDate {
  kind: DateKind;
  raw: string;
  start: number;
  end: number;
  year?: number;
  month?: number;
  day?: number;
  relative?: RelativeYear;
  period?: YearPeriod;
  /** 2021—2025年: from 2021 to 2025 (year is the first) */
  range?: { from: number; to: number };
  /** written with 年度 */
  annual?: boolean;
  /** a two-digit year: 24年3月 */
  shortYear?: boolean;
  form: DateForm;
  valid: boolean;
  /** inside “” 「」 《》 … */
  quoted: boolean;
}

export interface DateMention extends TextDate {
  /** start and end are SOURCE offsets here */
  sectionId: number | null;
  paragraphIndex: number | null;
  where: BlockPlace;
  /** in the title or a heading */
  inHeading: boolean;
}

const SP = '[ \\u3000]?';
const CN_YEAR = '[〇零○Ｏ一二三四五六七八九]{4}';
const CN_SMALL = '[一二三四五六七八九十]{1,3}';
const NOT_CN_BEFORE = '(?<![〇零○Ｏ一二三四五六七八九十两百千万])';
// not inside a longer number (a digit-comma before is fine: a thousands group has three digits, a year four)
const NOT_DIGIT_BEFORE = '(?<![\\d.．])';

interface Pattern {
  re: RegExp;
  /** cues (see textCues) the text must all have for the pattern to match: most texts have no date at all */
  needs: number;
  build(m: RegExpExecArray): Omit<TextDate, 'start' | 'end' | 'raw' | 'quoted'> | null;
}

const PERIOD_WORD = '上半年|下半年|第?[一二三四1-4]季度';

// Cues: cheap facts about a text, each necessary for some patterns (a cue may be present without a match).
/** \d[ \u3000]?年 */
const CUE_AR_YEAR = 1;
/** [〇零○Ｏ一二三四五六七八九][ \u3000]?年 */
const CUE_CN_YEAR = 2;
/** \d[.\-/]\d */
const CUE_NUMERIC = 4;
/** 月 */
const CUE_MONTH = 8;
/** \d[ \u3000]?月 */
const CUE_AR_MONTH = 16;
/** [一二三四五六七八九十]月 */
const CUE_CN_MONTH = 32;
/** 年 */
const CUE_NIAN = 64;
/** 半年, 季度, 年底, 年初, 年末 */
const CUE_PERIOD = 128;
/** 半年, 季度, 底, 末 (what may follow 2025年 or 2025年度 in a period) */
const CUE_YEAR_PART = 256;
/** 日 or 号 */
const CUE_DAY = 512;
/** a range connector: —–-~～〜至到－ */
const CUE_CONNECTOR = 1024;

const isAsciiDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isSpaceCode = (c: number): boolean => c === 0x20 || c === 0x3000;
const CN_YEAR_DIGIT_CODES = new Set([...'〇零○Ｏ一二三四五六七八九'].map((c) => c.charCodeAt(0)));
const CN_MONTH_DIGIT_CODES = new Set([...'一二三四五六七八九十'].map((c) => c.charCodeAt(0)));
const CONNECTORS = '—–-~～〜至到－';
/** by char code: 1 for the characters textCues looks at (a table: it looks at every character of every text) */
const CUE_CHARS = new Uint8Array(0x10000);
for (const c of `年月日号季底末./${CONNECTORS}`) CUE_CHARS[c.charCodeAt(0)] = 1;

/** The cues of a text, in one pass over its char codes. */
function textCues(text: string): number {
  let cues = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (CUE_CHARS[c] === 0) continue;
    if (c === 0x5e74) { // 年
      cues |= CUE_NIAN;
      const before = i > 0 ? text.charCodeAt(i - 1) : 0;
      const digitAt = isSpaceCode(before) && i > 1 ? text.charCodeAt(i - 2) : before;
      if (isAsciiDigitCode(digitAt)) cues |= CUE_AR_YEAR;
      if (CN_YEAR_DIGIT_CODES.has(digitAt)) cues |= CUE_CN_YEAR;
      const after = codeAt(text, i + 1);
      if (before === 0x534a /* 半 */ || after === 0x5e95 /* 底 */ || after === 0x521d /* 初 */ || after === 0x672b /* 末 */) cues |= CUE_PERIOD | CUE_YEAR_PART;
    } else if (c === 0x6708) { // 月
      cues |= CUE_MONTH;
      const before = i > 0 ? text.charCodeAt(i - 1) : 0;
      const digitAt = isSpaceCode(before) && i > 1 ? text.charCodeAt(i - 2) : before;
      if (isAsciiDigitCode(digitAt)) cues |= CUE_AR_MONTH;
      if (CN_MONTH_DIGIT_CODES.has(before)) cues |= CUE_CN_MONTH;
    } else if (c === 0x65e5 || c === 0x53f7) { // 日 号
      cues |= CUE_DAY;
    } else if (c === 0x5b63) { // 季
      if (codeAt(text, i + 1) === 0x5ea6 /* 度 */) cues |= CUE_PERIOD | CUE_YEAR_PART;
    } else if (c === 0x5e95 || c === 0x672b) { // 底 末
      cues |= CUE_YEAR_PART;
    } else {
      if (c !== 0x2e && c !== 0x2f) cues |= CUE_CONNECTOR; // (- is both)
      if ((c === 0x2e || c === 0x2d || c === 0x2f) && i > 0 && isAsciiDigitCode(text.charCodeAt(i - 1)) && isAsciiDigitCode(codeAt(text, i + 1))) cues |= CUE_NUMERIC;
    }
  }
  return cues;
}

const PATTERNS: Pattern[] = [
  // 2021—2025年, 2021年至2025年, 2021-2025年度
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{4})${SP}(?:年度?)?${SP}(?:——|[—–\\-~～〜至到－])${SP}(\\d{4})${SP}年(度)?`, 'g'),
    needs: CUE_AR_YEAR | CUE_CONNECTOR,
    build: (m) => {
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (!plausibleYear(from) || !plausibleYear(to)) return null;
      return withAnnual({ kind: 'range', year: from, range: { from, to }, form: 'arabic', valid: from <= to }, m[3]);
    },
  },
  // 2025年12月2日, 24年3月5日
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{4}|\\d{2})${SP}年${SP}(\\d{1,2})${SP}月${SP}(\\d{1,2})${SP}[日号](?!\\d)`, 'g'),
    needs: CUE_AR_YEAR | CUE_MONTH | CUE_AR_MONTH | CUE_DAY,
    build: (m) => arabicDate(m[1]!, m[2]!, m[3]!),
  },
  // 二〇二五年十二月二日
  {
    re: new RegExp(`${NOT_CN_BEFORE}(${CN_YEAR})${SP}年${SP}(${CN_SMALL})${SP}月${SP}(${CN_SMALL})${SP}[日号]`, 'g'),
    needs: CUE_CN_YEAR | CUE_MONTH | CUE_DAY,
    build: (m) => chineseDate(m[1]!, m[2]!, m[3]!),
  },
  // 2025年2月, 2025年2月份
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{4}|\\d{2})${SP}年${SP}(\\d{1,2})${SP}月(?:份)?(?!\\d)`, 'g'),
    needs: CUE_AR_YEAR | CUE_MONTH | CUE_AR_MONTH,
    build: (m) => arabicDate(m[1]!, m[2]!, null),
  },
  {
    re: new RegExp(`${NOT_CN_BEFORE}(${CN_YEAR})${SP}年${SP}(${CN_SMALL})${SP}月(?:份)?`, 'g'),
    needs: CUE_CN_YEAR | CUE_MONTH,
    build: (m) => chineseDate(m[1]!, m[2]!, null),
  },
  // 2025年上半年, 2024年第一季度, 2025年底, 2025年度末
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{4})${SP}年(度)?(${PERIOD_WORD}|底|末)`, 'g'),
    needs: CUE_AR_YEAR | CUE_YEAR_PART,
    build: (m) => {
      const year = Number(m[1]);
      if (!plausibleYear(year)) return null;
      return withAnnual({ kind: 'period', year, period: periodOf(m[3]!), form: 'arabic', valid: true }, m[2]);
    },
  },
  {
    re: new RegExp(`${NOT_CN_BEFORE}(${CN_YEAR})年(度)?(${PERIOD_WORD}|底|末)`, 'g'),
    needs: CUE_CN_YEAR | CUE_YEAR_PART,
    build: (m) => {
      const year = parseChineseDigits(m[1]!);
      if (year === null || !plausibleYear(year)) return null;
      return withAnnual({ kind: 'period', year, period: periodOf(m[3]!), form: 'chinese', valid: true }, m[2]);
    },
  },
  // 2024年, 2024年度
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{4})${SP}年(度)?`, 'g'),
    needs: CUE_AR_YEAR,
    build: (m) => {
      const year = Number(m[1]);
      if (!plausibleYear(year)) return null;
      return withAnnual({ kind: 'year', year, form: 'arabic', valid: true }, m[2]);
    },
  },
  {
    re: new RegExp(`${NOT_CN_BEFORE}(${CN_YEAR})年(度)?`, 'g'),
    needs: CUE_CN_YEAR,
    build: (m) => {
      const year = parseChineseDigits(m[1]!);
      if (year === null || !plausibleYear(year)) return null;
      return withAnnual({ kind: 'year', year, form: 'chinese', valid: true }, m[2]);
    },
  },
  // 2025.12.2, 2025-12-02, 2025/12/2
  {
    re: /(?<![\d.．A-Za-z/\\-])(\d{4})([.\-/])(\d{1,2})\2(\d{1,2})(?![\d]|\.\d)/g,
    needs: CUE_NUMERIC,
    build: (m) => {
      const d = arabicDate(m[1]!, m[3]!, m[4]!);
      if (d) d.form = 'numeric';
      return d;
    },
  },
  // 12月2日, 3月5号 (year unknown)
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{1,2})${SP}月${SP}(\\d{1,2})${SP}[日号](?!\\d)`, 'g'),
    needs: CUE_MONTH | CUE_AR_MONTH | CUE_DAY,
    build: (m) => monthDay(Number(m[1]), Number(m[2]), 'arabic'),
  },
  {
    re: new RegExp(`(?<![〇零○Ｏ一二三四五六七八九十两百千万个第])(${CN_SMALL})月(${CN_SMALL})[日号]`, 'g'),
    needs: CUE_MONTH | CUE_CN_MONTH | CUE_DAY,
    build: (m) => {
      const month = parseChineseNumber(m[1]!);
      const day = parseChineseNumber(m[2]!);
      return month === null || day === null ? null : monthDay(month, day, 'chinese');
    },
  },
  // 3月, 12月份 (year unknown); Chinese months only with 份/底/初/末/旬 after them
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{1,2})${SP}月(?:份)?(?!\\d)`, 'g'),
    needs: CUE_MONTH | CUE_AR_MONTH,
    build: (m) => monthOnly(Number(m[1]), 'arabic'),
  },
  {
    re: new RegExp(`(?<![〇零○Ｏ一二三四五六七八九十两百千万个第每])(${CN_SMALL})月(?:份|(?=[底初末]|上旬|中旬|下旬))`, 'g'),
    needs: CUE_MONTH | CUE_CN_MONTH,
    build: (m) => {
      const month = parseChineseNumber(m[1]!);
      return month === null ? null : monthOnly(month, 'chinese');
    },
  },
  // 今年, 去年, 明年, 本年(度), 上年(度), 上一年(度), 下一年(度), 下年度, 今年度
  {
    re: /今年度|今年|去年|明年|本年度|本年|上一年度|上一年|上年度|上年|下一年度|下一年|下年度/g,
    needs: CUE_NIAN,
    build: (m) => {
      const w = m[0];
      const before = m.input[m.index - 1] ?? '';
      if (w.startsWith('本年') && '基根成资版样文课范账读剧书日标脚副正原蓝底'.includes(before) && before !== '') return null;
      if (w.startsWith('上年') && before === '以') return null;
      if (w === '去年' && (before === '过' || before === '除')) return null;
      if (w === '明年' && before !== '' && '光文说声证表'.includes(before)) return null;
      const relative: RelativeYear = w.startsWith('今') || w.startsWith('本') ? 'this' : w.startsWith('去') || w.startsWith('上') ? 'last' : 'next';
      return withAnnual({ kind: 'relative', relative, form: 'word', valid: true }, w.endsWith('度') ? '度' : undefined);
    },
  },
  // 上半年, 下半年, (第)一季度, 年底, 年初, 年末
  {
    re: new RegExp(`${PERIOD_WORD}|年底|年初|年末`, 'g'),
    needs: CUE_PERIOD,
    build: (m) => ({ kind: 'period', period: periodOf(m[0]), form: 'word', valid: true }),
  },
];

/** Every date and year mention in a text, left to right, not overlapping (the longest wins). */
export function scanDates(text: string): TextDate[] {
  const cues = textCues(text);
  if (cues === 0) return [];
  const candidates: TextDate[] = [];
  for (const p of PATTERNS) {
    if ((cues & p.needs) !== p.needs) continue;
    p.re.lastIndex = 0;
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const built = p.build(m);
      if (!built) continue;
      // (Object.assign, not a spread: spreading objects of varying shapes is very slow in V8)
      const date = built as TextDate;
      date.raw = m[0];
      date.start = m.index;
      date.end = m.index + m[0].length;
      date.quoted = false;
      candidates.push(date);
    }
  }
  if (candidates.length === 0) return candidates;
  if (candidates.length > 1) candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const names = new RangeSet(nameRanges(text));
  const out: TextDate[] = [];
  let lastEnd = -1;
  for (const c of candidates) {
    if (c.start < lastEnd) continue;
    c.quoted = names.has(c.start);
    out.push(c);
    lastEnd = c.end;
  }
  return out;
}

/**
 * Every date and year mention of a document (title, headings, paragraphs, signature) in document
 * order, with SOURCE offsets. `blocks` and `blockDates` are factsOf(document).blocks and .blockDates.
 */
export function extractDates(
  document: DocumentModel,
  blocks: readonly FactBlock[],
  blockDates: ReadonlyArray<readonly TextDate[]>,
): DateMention[] {
  const out: DateMention[] = [];
  blocks.forEach((fb, k) => addMentions(out, fb, blockDates[k]!));
  if (document.signature?.date) {
    const fb: FactBlock = { block: document.signature.date, where: 'signature', sectionId: null, paragraphIndex: null, from: 0 };
    addMentions(out, fb, scanDates(fb.block.text));
  }
  return out.sort((a, b) => a.start - b.start);
}

function addMentions(out: DateMention[], fb: FactBlock, dates: readonly TextDate[]): void {
  for (const d of dates) {
    if (d.start < fb.from) continue;
    const { start, end } = sourceRange(fb.block, d.start, d.end);
    // a copy: the block's mentions are shared and keep their text offsets
    const mention = Object.assign({}, d) as DateMention;
    mention.start = start;
    mention.end = end;
    mention.sectionId = fb.sectionId;
    mention.paragraphIndex = fb.paragraphIndex;
    mention.where = fb.where;
    mention.inHeading = fb.where === 'title' || fb.where === 'heading';
    out.push(mention);
  }
}

export type SignatureDateProblem =
  /** 二〇二五年十二月二日: GB/T 9704-2012 wants Arabic numerals */
  | 'chinese-numerals'
  /** 25年12月2日: the year must be written in full */
  | 'short-year'
  /** 2025年01月06日: no leading zeros (不编虚位) */
  | 'leading-zero'
  /** 2025.12.2, 2025-12-02, 2025/12/2 instead of 年月日 */
  | 'numeric-form'
  /** white space inside the date */
  | 'spaces'
  /** 2025年2月30日 */
  | 'invalid-date'
  /** the date line could not be read */
  | 'unrecognised';

export interface SignatureDate {
  raw: string;
  year: number | null;
  month: number | null;
  day: number | null;
  /** a real calendar date */
  valid: boolean;
  /** GB/T 9704 §7.3.5.4: Arabic numerals, full year, no leading zeros (用阿拉伯数字将年、月、日标全，月、日不编虚位), and a real date */
  conforms: boolean;
  problems: SignatureDateProblem[];
  /** SOURCE offsets of the date line */
  start: number;
  end: number;
}

/** The signature date (成文日期, document.signature.date) read and checked; null when the document has none. */
export function signatureDate(document: DocumentModel): SignatureDate | null {
  const block = document.signature?.date;
  if (!block) return null;
  const { start, end } = sourceRange(block, 0, block.text.length);
  return { ...readSignatureDate(block.text), start, end };
}

/** The text-level reading behind `signatureDate`. */
export function readSignatureDate(text: string): Omit<SignatureDate, 'start' | 'end'> {
  const raw = text.trim();
  const problems: SignatureDateProblem[] = [];
  if (/[\s\u3000]/.test(raw)) problems.push('spaces');
  const s = toHalfWidthDigits(raw.replace(/[\s\u3000]+/g, ''));
  let year: number | null = null;
  let month: number | null = null;
  let day: number | null = null;
  let m: RegExpExecArray | null;
  if ((m = /^(\d{2,4})年(\d{1,3})月(\d{1,3})日$/.exec(s))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (m[1]!.length < 4) problems.push('short-year');
    if (m[2]!.startsWith('0') || m[3]!.startsWith('0')) problems.push('leading-zero');
  } else if ((m = /^([〇零○ＯO0一二三四五六七八九]{2,4})年([〇零一二三四五六七八九十]{1,3})月([〇零一二三四五六七八九十]{1,3})日$/.exec(s))) {
    year = parseChineseDigits(m[1]!);
    month = parseChineseNumber(m[2]!);
    day = parseChineseNumber(m[3]!);
    problems.push('chinese-numerals');
    if (m[1]!.length < 4) problems.push('short-year');
  } else if ((m = /^(\d{2,4})[.\-/](\d{1,2})[.\-/](\d{1,2})$/.exec(s))) {
    [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    problems.push('numeric-form');
    if (m[1]!.length < 4) problems.push('short-year');
    if (m[2]!.startsWith('0') || m[3]!.startsWith('0')) problems.push('leading-zero');
  } else {
    problems.push('unrecognised');
  }
  if (year !== null && year < 100) year += year < 50 ? 2000 : 1900;
  const valid = year !== null && month !== null && day !== null && validDate(year, month, day);
  if (!valid && !problems.includes('unrecognised')) problems.push('invalid-date');
  return { raw, year, month, day, valid, conforms: problems.length === 0, problems };
}

/** Days in a month; February has 29 when the year is unknown. */
export function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) return year === undefined || isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** A real calendar date (year 1800–2199 when given). */
export function validDate(year: number | undefined, month: number, day?: number): boolean {
  if (year !== undefined && !plausibleYear(year)) return false;
  if (!Number.isInteger(month) || month < 1 || month > 12) return false;
  if (day === undefined) return true;
  return Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

export function plausibleYear(year: number): boolean {
  return Number.isInteger(year) && year >= 1800 && year <= 2199;
}

function arabicDate(y: string, mo: string, d: string | null): Omit<TextDate, 'start' | 'end' | 'raw' | 'quoted'> | null {
  let year = Number(y);
  const shortYear = y.length === 2;
  if (shortYear) year += year < 50 ? 2000 : 1900;
  const month = Number(mo);
  const day = d === null ? undefined : Number(d);
  const valid = validDate(year, month, day);
  // a four-digit "year" far outside the plausible range is not a date at all (1200年12月 is unlikely prose; keep it, invalid)
  const date: Omit<TextDate, 'start' | 'end' | 'raw' | 'quoted'> = { kind: day === undefined ? 'month' : 'date', year, month, form: 'arabic', valid };
  if (day !== undefined) date.day = day;
  if (shortYear) date.shortYear = true;
  return date;
}

function chineseDate(y: string, mo: string, d: string | null): Omit<TextDate, 'start' | 'end' | 'raw' | 'quoted'> | null {
  const year = parseChineseDigits(y);
  const month = parseChineseNumber(mo);
  const day = d === null ? undefined : parseChineseNumber(d);
  if (year === null || month === null || day === null) return null;
  const date: Omit<TextDate, 'start' | 'end' | 'raw' | 'quoted'> = { kind: day === undefined ? 'month' : 'date', year, month, form: 'chinese', valid: validDate(year, month, day) };
  if (day !== undefined) date.day = day;
  return date;
}

function monthDay(month: number, day: number, form: DateForm): Omit<TextDate, 'start' | 'end' | 'raw' | 'quoted'> {
  return { kind: 'date', month, day, form, valid: validDate(undefined, month, day) };
}

function monthOnly(month: number, form: DateForm): Omit<TextDate, 'start' | 'end' | 'raw' | 'quoted'> {
  return { kind: 'month', month, form, valid: validDate(undefined, month) };
}

type Built = Omit<TextDate, 'start' | 'end' | 'raw' | 'quoted'>;

/** sets `annual` when 年度 was written */
function withAnnual(d: Built, du: string | undefined): Built {
  if (du !== undefined) d.annual = true;
  return d;
}

function periodOf(w: string): YearPeriod {
  if (w === '上半年') return 'H1';
  if (w === '下半年') return 'H2';
  if (w.endsWith('季度')) {
    const c = w.replace('第', '')[0]!;
    const q = '一1'.includes(c) ? 1 : '二2'.includes(c) ? 2 : '三3'.includes(c) ? 3 : 4;
    return `Q${q}` as YearPeriod;
  }
  if (w.endsWith('初')) return 'start';
  return 'end';
}

/**
 * Numerals as written in Chinese official documents: Arabic (3.5, 1,200, 178.4万, 4.53亿, 90%),
 * Chinese counting numerals (十二, 一千二百, 两万三千, 一百零五, 百分之九十) and Chinese year
 * numerals read digit by digit (二〇二五).
 *
 * Everything here is pure and works on plain strings; `figures.ts` and `dates.ts` build on it.
 * No regular expression in this file can backtrack more than a bounded amount: every scan is
 * linear in the length of the text.
 */

/** Chinese digits, with the zero forms seen in real drafts (〇 is right; ○ Ｏ O 0 are typos). */
export const CHINESE_DIGIT: Readonly<Record<string, number>> = {
  〇: 0, 零: 0, '○': 0, Ｏ: 0,
  一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Every character that can be part of a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '〇零○Ｏ一二两三四五六七八九十百千万亿';

/** by char code: 1 for a Chinese numeral character (a table: scanning looks at every character) */
const NUMERAL_CODES = new Uint8Array(0x10000);
for (const c of CHINESE_NUMERAL_CHARS) NUMERAL_CODES[c.charCodeAt(0)] = 1;
/** by char code: the value of a Chinese digit plus one (0 for any other character) */
const DIGIT_VALUE = new Uint8Array(0x10000);
for (const [c, d] of Object.entries(CHINESE_DIGIT)) DIGIT_VALUE[c.charCodeAt(0)] = d + 1;
const SHI = 0x5341; // 十
const QIAN = 0x5343; // 千
const LIANG = 0x4e24; // 两

/** ASCII or full-width digit */
export function isDigit(c: string | undefined): boolean {
  if (c === undefined) return false;
  return isDigitCode(c.charCodeAt(0));
}

/** ASCII or full-width digit, by char code (NaN, past the end of a text, is none) */
export function isDigitCode(k: number): boolean {
  return (k >= 0x30 && k <= 0x39) || (k >= 0xff10 && k <= 0xff19);
}

/**
 * text.charCodeAt(i), or 0 outside the text. Reads next to a numeral go past either end of a
 * text; charCodeAt's NaN there makes V8 deoptimise the optimised caller (reason "out of bounds")
 * and compile it again, so such reads go through here. 0 is no character any table here marks.
 */
export function codeAt(text: string, i: number): number {
  return i >= 0 && i < text.length ? text.charCodeAt(i) : 0;
}

/** A Chinese numeral character, by char code. */
function isNumeralCode(k: number): boolean {
  return NUMERAL_CODES[k] === 1;
}

/** Full-width digits, separators and signs to ASCII (what NFKC does for these). */
export function toHalfWidthDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const k = ch.charCodeAt(0);
    if (k >= 0xff10 && k <= 0xff19) out += String.fromCharCode(k - 0xff10 + 0x30);
    else if (ch === '，') out += ',';
    else if (ch === '．') out += '.';
    else if (ch === '％') out += '%';
    else out += ch;
  }
  return out;
}

/**
 * A Chinese counting numeral: 十二 → 12, 一千二百 → 1200, 两万三千 → 23000, 一百零五 → 105,
 * 三亿四千万 → 340000000, and the colloquial 一千二 → 1200, 两万三 → 23000.
 * A numeral without any unit character is read only when it is a single digit (五 → 5);
 * use `parseChineseDigits` for 二〇二五. Returns null for anything else (十四五, 千万, 百姓's 百).
 */
export function parseChineseInteger(s: string): number | null {
  return parseChineseIntegerIn(s, 0, s.length);
}

/** parseChineseInteger of s[from, to) (no copy of the numeral). */
function parseChineseIntegerIn(s: string, from: number, to: number): number | null {
  if (to <= from) return null;
  let total = 0; // everything above the current 万/亿 section
  let section = 0; // the current section below 万
  let digit = -1; // a digit waiting for its unit
  let lastSmall = Infinity; // the last 十/百/千 in this section (they must decrease)
  let lastUnit = 1; // the last unit seen, for 一千二 (= 1200)
  let zero = false; // a 零 since the last unit
  let sawAny = false;
  let lastBig = Infinity;
  // (by char code: s[k] would make a string per character)
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    const d = DIGIT_VALUE[c]! - 1;
    if (d >= 0) {
      if (d === 0) {
        if (digit !== -1 || !sawAny) return null; // 二〇 (digit by digit) or a leading 零
        zero = true;
        continue;
      }
      if (digit !== -1) return null; // two digits in a row: 十四五, 三四
      if (c === LIANG && k > from && !zero && lastUnit === 10) return null; // 十两 is not a numeral
      digit = d;
      sawAny = true;
      continue;
    }
    const small = c === SHI ? 10 : c === BAI ? 100 : c === QIAN ? 1000 : 0;
    if (small !== 0) {
      if (digit === -1) {
        // only 十 may stand without a digit, and only at the start of a section: 十二, 三万十二 is odd but fine
        if (c !== SHI || section !== 0) return null;
        digit = 1;
      }
      if (small >= lastSmall) return null; // 十百, 百百
      section += digit * small;
      lastSmall = small;
      lastUnit = small;
      digit = -1;
      zero = false;
      sawAny = true;
      continue;
    }
    const big = c === WAN ? 1e4 : c === YI ? 1e8 : 0;
    if (big !== 0) {
      if (digit !== -1) section += digit;
      digit = -1;
      if (section === 0 && !(big === 1e8 && total > 0)) return null; // 万 or 亿 without a number before it
      if (big === 1e4) {
        if (lastBig <= 1e4) return null; // 万万
        total += section * 1e4;
      } else {
        total = (total + section) * 1e8;
      }
      lastBig = big;
      section = 0;
      lastSmall = Infinity;
      lastUnit = big;
      zero = false;
      continue;
    }
    return null;
  }
  if (!sawAny) return null;
  if (digit !== -1) {
    // 一千二 = 1200, 两万三 = 23000; after a 零 or a 十 the digit is a unit digit
    if (!zero && lastUnit >= 100 && lastUnit !== Infinity) section += digit * (lastUnit / 10);
    else section += digit;
  }
  return total + section;
}

/** Chinese digits read one by one, as in years: 二〇二五 → 2025, 二零二四 → 2024. Null when any character is not a digit (两 is not used in years). */
export function parseChineseDigits(s: string): number | null {
  if (s.length === 0) return null;
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const d = c === 0x30 || c === 0x4f || c === 0x6f ? 0 : DIGIT_VALUE[c]! - 1; // 0 O o
    if (d < 0 || c === LIANG) return null;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Any Chinese numeral: counting form when it has a unit character (十 百 千 万 亿), a single
 * digit as itself, a longer string of digits read digit by digit (二〇二五 → 2025).
 */
export function parseChineseNumber(s: string): number | null {
  if (/[十百千万亿]/.test(s)) return parseChineseInteger(s);
  if (s.length === 1) {
    const d = CHINESE_DIGIT[s];
    return d === undefined ? null : d;
  }
  return parseChineseDigits(s);
}

const ARABIC = /^(\d+(?:,\d{3})*)(?:\.(\d+))?$/;

/** 1,200 → 1200, 3.5 → 3.5, full-width digits too; null when it is not such a numeral. */
export function parseArabicNumber(s: string): number | null {
  const m = ARABIC.exec(toHalfWidthDigits(s.trim()));
  if (!m) return null;
  return Number(m[1]!.replace(/,/g, '') + (m[2] !== undefined ? '.' + m[2] : ''));
}

/**
 * An Arabic numeral times 10^power without floating-point error: ("178.4", 4) → 1784000,
 * ("4.53", 8) → 453000000.
 */
export function scaleDecimal(arabic: string, power: number): number | null {
  const m = ARABIC.exec(toHalfWidthDigits(arabic.trim()));
  if (!m) return null;
  let int = m[1]!.replace(/,/g, '');
  let frac = m[2] ?? '';
  let p = power;
  while (p > 0) {
    int += frac.length > 0 ? frac[0] : '0';
    frac = frac.slice(1);
    p--;
  }
  return Number(int + (frac.length > 0 ? '.' + frac : ''));
}

export interface ParsedNumber {
  /** the value, magnitudes applied: 178.4万 → 1784000 */
  value: number;
  /** 1, 1e4 (万), 1e8 (亿), 1e12 (万亿) for an Arabic numeral with a magnitude; 1 otherwise */
  scale: number;
  /** written with % ％ ‰ or as 百分之…; value is then the number of percent (90) */
  isPercent: boolean;
  form: 'arabic' | 'chinese';
}

/**
 * A whole numeral expression: 十二, 一千二百, 两万三千, 二〇二五, 3.5, 1,200, 178.4万 (→ 1784000),
 * 4.53亿, 90%, 百分之九十 (→ 90, percent), 百分之90. Null when the string is not exactly one numeral.
 */
export function parseNumber(raw: string): ParsedNumber | null {
  let s = toHalfWidthDigits(raw.trim());
  let isPercent = false;
  if (s.startsWith('百分之')) {
    isPercent = true;
    s = s.slice(3);
    if (s === '百') return { value: 100, scale: 1, isPercent, form: 'chinese' };
  } else if (/[%‰]$/.test(s)) {
    isPercent = true;
    s = s.slice(0, -1);
  }
  if (s.length === 0) return null;
  if (isDigit(s[0])) {
    const m = /^([\d,]+(?:\.\d+)?)(万亿|亿|万)?$/.exec(s);
    if (!m) return null;
    const power = m[2] === '万亿' ? 12 : m[2] === '亿' ? 8 : m[2] === '万' ? 4 : 0;
    const value = scaleDecimal(m[1]!, power);
    if (value === null) return null;
    return { value, scale: 10 ** power, isPercent, form: 'arabic' };
  }
  const value = parseChineseNumber(s);
  if (value === null) return null;
  return { value, scale: 1, isPercent, form: 'chinese' };
}

/** A numeral found in running text, with indices into that text. */
export interface NumeralToken {
  /** [start, end) in the text */
  start: number;
  end: number;
  /** the numeral as written, magnitude (万/亿) included, percent sign excluded */
  raw: string;
  value: number;
  form: 'arabic' | 'chinese';
  /** 1e4 for 178.4万, 1e8 for 4.53亿 (Arabic with a magnitude); 1 otherwise */
  scale: number;
  /** Chinese digits only (二〇二五, 三四): read digit by digit; value is then the digit-by-digit reading */
  digitsOnly: boolean;
  /** 百分之 before it (the token then starts at 百) */
  percentWord: boolean;
}

/** A numeral of scanNumeralsPooled: a NumeralToken without its string (raw is text.slice(start, end)). */
export type PooledNumeral = Omit<NumeralToken, 'raw'>;

/**
 * The numerals of the last scanNumeralsPooled call: objects reused from one call to the next, so
 * that a scan makes no object or string per numeral (a report has thousands; the garbage showed).
 */
export const NUMERAL_POOL: PooledNumeral[] = [];

/**
 * Every numeral in a text, left to right: Arabic runs (with 1,200 grouping, decimals and a
 * 万/亿 magnitude) and Chinese numeral runs that parse. Runs that do not parse (十四五, 千万)
 * are skipped. Context (ordinals, years, names) is the caller's business.
 *
 * `dropArticles`: leave out a bare 一 (一项重要职责: the indefinite article, a third of all
 * numerals in a report), except right after a range connector or a separator (三至一, 5-一),
 * where it could still close a range or a code. The figures never count a bare 一.
 */
export function scanNumerals(text: string, dropArticles = false): NumeralToken[] {
  const count = scanNumeralsPooled(text, dropArticles);
  const out: NumeralToken[] = [];
  for (let t = 0; t < count; t++) {
    const tok = NUMERAL_POOL[t]!;
    out.push({ ...tok, raw: text.slice(tok.start, tok.end) });
  }
  return out;
}

/** Fill the next pooled numeral (a new object only when the pool is too short). */
function putNumeral(index: number, start: number, end: number, value: number, form: 'arabic' | 'chinese', scale: number, digitsOnly: boolean, percentWord: boolean): void {
  const tok = NUMERAL_POOL[index];
  if (tok === undefined) {
    NUMERAL_POOL.push({ start, end, value, form, scale, digitsOnly, percentWord });
    return;
  }
  tok.start = start;
  tok.end = end;
  tok.value = value;
  tok.form = form;
  tok.scale = scale;
  tok.digitsOnly = digitsOnly;
  tok.percentWord = percentWord;
}

/** scanNumerals into NUMERAL_POOL; returns how many numerals it found (the pool's first entries). */
export function scanNumeralsPooled(text: string, dropArticles = false): number {
  let count = 0;
  const n = text.length;
  let i = 0;
  // (by char code throughout: text[i] would make a string per character)
  while (i < n) {
    // skip quickly to the next numeral
    const code = text.charCodeAt(i);
    if (!isDigitCode(code) && NUMERAL_CODES[code] !== 1) {
      i++;
      continue;
    }
    if (isDigitCode(code)) {
      const start = i;
      let j = i;
      // plain: ASCII digits only (no full-width digit, group, decimal or magnitude): Number() reads it
      let plain = true;
      while (j < n && isDigitCode(text.charCodeAt(j))) {
        if (text.charCodeAt(j) > 0x39) plain = false;
        j++;
      }
      // thousands groups: ,ddd not followed by another digit (NFKC-folded text uses , as a comma too)
      // (only after 1–3 leading digits: 12,345 is grouped, 2024,在 is not)
      if (j - start <= 3) {
        while (isComma(codeAt(text, j)) && isDigitCode(codeAt(text, j + 1)) && isDigitCode(codeAt(text, j + 2)) && isDigitCode(codeAt(text, j + 3))
          && !isDigitCode(codeAt(text, j + 4))) {
          j += 4;
          plain = false;
        }
      }
      if (isPoint(codeAt(text, j)) && isDigitCode(codeAt(text, j + 1))) {
        j++;
        while (j < n && isDigitCode(text.charCodeAt(j))) j++;
        plain = false;
      }
      let k = j;
      const magnitude = codeAt(text, k);
      if (magnitude === WAN && codeAt(text, k + 1) === YI) k += 2;
      else if (magnitude === WAN || magnitude === YI) k++;
      if (plain && k === j) {
        // (up to 15 digits the value read digit by digit is exact, as Number() reads it, without a string)
        let value = 0;
        if (k - start <= 15) for (let d = start; d < k; d++) value = value * 10 + (text.charCodeAt(d) - 0x30);
        else value = Number(text.slice(start, k));
        putNumeral(count++, start, k, value, 'arabic', 1, false, false);
        i = k;
        continue;
      }
      const parsed = parseNumber(text.slice(start, k));
      if (parsed) putNumeral(count++, start, k, parsed.value, 'arabic', parsed.scale, false, false);
      i = Math.max(k, start + 1);
      continue;
    }
    if (code === BAI && codeAt(text, i + 1) === FEN && codeAt(text, i + 2) === ZHI) {
      const after = i + 3;
      if (isDigitCode(codeAt(text, after))) {
        // 百分之90: let the Arabic branch read it and mark it
        let j = after;
        while (j < n && (isDigitCode(text.charCodeAt(j)) || (isPoint(text.charCodeAt(j)) && isDigitCode(codeAt(text, j + 1))))) j++;
        const value = parseArabicNumber(text.slice(after, j));
        if (value !== null) {
          putNumeral(count++, i, j, value, 'arabic', 1, false, true);
          i = j;
          continue;
        }
      } else if (isNumeralCode(codeAt(text, after))) {
        let j = after;
        while (j < n && isNumeralCode(text.charCodeAt(j))) j++;
        const value = j === after + 1 && text.charCodeAt(after) === BAI ? 100 : parseChineseIntegerIn(text, after, j);
        if (value !== null) {
          putNumeral(count++, i, j, value, 'chinese', 1, false, true);
          i = j;
          continue;
        }
      }
    }
    // a Chinese numeral run
    const start = i;
    let j = i;
    let hasUnit = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (NUMERAL_CODES[c] !== 1) break;
      if (DIGIT_VALUE[c] === 0) hasUnit = true; // 十 百 千 万 亿
      j++;
    }
    i = j;
    if (dropArticles && j === start + 1 && code === YI_ONE && AFTER_CONNECTOR[codeAt(text, start - 1)] === 0) continue;
    if (hasUnit) {
      // 一万 in 一万元 parses; a run that does not parse as a whole (十四五, 千方百计's 千) is dropped
      const value = parseChineseIntegerIn(text, start, j);
      if (value !== null) putNumeral(count++, start, j, value, 'chinese', 1, false, false);
    } else {
      // digits only (二〇二五, 三四, 五): read digit by digit, 两 as 二
      let value = 0;
      for (let k = start; k < j; k++) {
        const c = text.charCodeAt(k);
        value = value * 10 + (c === LIANG ? 2 : DIGIT_VALUE[c]! - 1);
      }
      putNumeral(count++, start, j, value, 'chinese', 1, j - start > 1, false);
    }
  }
  return count;
}

const YI_ONE = 0x4e00; // 一
/** by char code: 1 for the characters before which a bare 一 is kept (range connectors, code separators) */
const AFTER_CONNECTOR = new Uint8Array(0x10000);
for (const c of '—~～〜-–－至到/.') AFTER_CONNECTOR[c.charCodeAt(0)] = 1;
const WAN = 0x4e07; // 万
const YI = 0x4ebf; // 亿
const BAI = 0x767e; // 百
const FEN = 0x5206; // 分
const ZHI = 0x4e4b; // 之
/** , or ， */
const isComma = (k: number): boolean => k === 0x2c || k === 0xff0c;
/** . or ． */
const isPoint = (k: number): boolean => k === 0x2e || k === 0xff0e;

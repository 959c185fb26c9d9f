/**
 * Word's automatic numbering and outline levels: what Word shows before a paragraph («一、»,
 * «（一）», «1.») although the text does not hold it, and which paragraphs are outline headings.
 *
 * - word/numbering.xml: w:abstractNum holds the levels (w:lvl w:ilvl: w:start, w:numFmt, w:lvlText
 *   such as "%1、" or "（%2）", w:lvlRestart, w:isLgl, w:pStyle); w:num gives an abstractNum a numId,
 *   with w:lvlOverride (w:startOverride, or a whole w:lvl) for a list that restarts. An abstractNum
 *   may stand for a numbering style (w:numStyleLink), whose w:numPr names the real numId.
 * - a paragraph is numbered by w:numPr (w:ilvl, w:numId) in its w:pPr or in its style (w:basedOn
 *   chain); w:numId 0 takes inherited numbering away.
 * - Counting follows Word: one counter per level of an abstractNum, shared by the w:num that use it
 *   (a w:startOverride restarts the level where its w:num is first used); a level restarts when a
 *   higher one advances, unless w:lvlRestart says otherwise (0: never; n: only after level n).
 * - w:outlineLvl 0–8 on a paragraph or its style makes it an outline heading of level 1–9 (the
 *   Heading styles carry it; 9 is body text).
 */
import { child, childrenNamed, intOf, parseXml, valOf, type XmlElement } from './docx-xml.js';

interface LevelDef {
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:lvlRestart: null (restart after any higher level), 0 (never), n (after level n, 1-based) */
  restart: number | null;
  isLgl: boolean;
}

interface AbstractNum {
  levels: Map<number, LevelDef>;
  /** w:pStyle of each level: the paragraph style that takes that level */
  levelOfStyle: Map<string, number>;
  numStyleLink: string | null;
}

interface NumDef {
  abstractNumId: string;
  /** per level: w:startOverride, and a whole level redefined */
  overrides: Map<number, { start: number | null; level: LevelDef | null }>;
}

interface StyleDef {
  basedOn: string | null;
  numId: string | null;
  ilvl: number | null;
  outlineLvl: number | null;
}

/** What a paragraph's w:pPr says (the style id, numbering and outline level set on it). */
export interface ParagraphProps {
  styleId: string | null;
  numId: string | null;
  ilvl: number | null;
  outlineLvl: number | null;
}

export interface ParagraphNumbering {
  /** the text Word shows before the paragraph («一、», «（一）», «1.»), null when none */
  label: string | null;
  /** 1–9 when the paragraph is an outline heading (w:outlineLvl 0–8 on it or its style), else null */
  outlineLevel: number | null;
}

function readLevel(lvl: XmlElement): LevelDef {
  return {
    start: intOf(valOf(lvl, 'w:start')) ?? 0,
    numFmt: valOf(lvl, 'w:numFmt') ?? 'decimal',
    lvlText: valOf(lvl, 'w:lvlText') ?? '',
    restart: intOf(valOf(lvl, 'w:lvlRestart')),
    isLgl: child(lvl, 'w:isLgl') !== null && !/^(?:0|false|off)$/.test(valOf(lvl, 'w:isLgl') ?? 'true'),
  };
}

/** The paragraph properties of a w:pPr element (tracked changes to them, w:pPrChange, are not read). */
export function paragraphProps(pPr: XmlElement | null): ParagraphProps {
  const numPr = child(pPr, 'w:numPr');
  return {
    styleId: valOf(pPr, 'w:pStyle'),
    numId: valOf(numPr, 'w:numId'),
    ilvl: intOf(valOf(numPr, 'w:ilvl')),
    outlineLvl: intOf(valOf(pPr, 'w:outlineLvl')),
  };
}

/** Reads numbering.xml and styles.xml, then numbers the paragraphs one after the other, in document order. */
export class WordNumbering {
  private readonly abstractNums = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumDef>();
  private readonly styles = new Map<string, StyleDef>();
  /** per abstractNum id: the current value of each level (undefined: not started or restarted) */
  private readonly counters = new Map<string, Array<number | undefined>>();
  /** per abstractNum id: a level's value to restart at, set by a w:startOverride */
  private readonly pendingStart = new Map<string, Map<number, number>>();
  /** the numIds whose w:startOverride were applied */
  private readonly started = new Set<string>();

  constructor(numberingXml: string | null, stylesXml: string | null) {
    if (stylesXml) this.readStyles(parseXml(stylesXml));
    if (numberingXml) this.readNumbering(parseXml(numberingXml));
  }

  /** Whether anything here can number a paragraph or make it an outline heading. */
  get isEmpty(): boolean {
    return this.nums.size === 0 && ![...this.styles.values()].some((s) => s.outlineLvl !== null);
  }

  private readStyles(root: XmlElement): void {
    for (const style of childrenNamed(root, 'w:style')) {
      const id = style.attrs['w:styleId'];
      if (id === undefined) continue;
      const pPr = child(style, 'w:pPr');
      const numPr = child(pPr, 'w:numPr');
      this.styles.set(id, {
        basedOn: valOf(style, 'w:basedOn'),
        numId: valOf(numPr, 'w:numId'),
        ilvl: intOf(valOf(numPr, 'w:ilvl')),
        outlineLvl: intOf(valOf(pPr, 'w:outlineLvl')),
      });
    }
  }

  private readNumbering(root: XmlElement): void {
    for (const a of childrenNamed(root, 'w:abstractNum')) {
      const id = a.attrs['w:abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, LevelDef>();
      const levelOfStyle = new Map<string, number>();
      for (const lvl of childrenNamed(a, 'w:lvl')) {
        const ilvl = intOf(lvl.attrs['w:ilvl']) ?? 0;
        levels.set(ilvl, readLevel(lvl));
        const pStyle = valOf(lvl, 'w:pStyle');
        if (pStyle !== null) levelOfStyle.set(pStyle, ilvl);
      }
      this.abstractNums.set(id, { levels, levelOfStyle, numStyleLink: valOf(a, 'w:numStyleLink') });
    }
    for (const n of childrenNamed(root, 'w:num')) {
      const id = n.attrs['w:numId'];
      const abstractNumId = valOf(n, 'w:abstractNumId');
      if (id === undefined || abstractNumId === null) continue;
      const overrides = new Map<number, { start: number | null; level: LevelDef | null }>();
      for (const o of childrenNamed(n, 'w:lvlOverride')) {
        const ilvl = intOf(o.attrs['w:ilvl']) ?? 0;
        const lvl = child(o, 'w:lvl');
        overrides.set(ilvl, { start: intOf(valOf(o, 'w:startOverride')), level: lvl ? readLevel(lvl) : null });
      }
      this.nums.set(id, { abstractNumId, overrides });
    }
  }

  /** The style and its basedOn chain, nearest first (cycles cut). */
  private styleChain(styleId: string | null): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    for (let id = styleId; id !== null && !seen.has(id); ) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      out.push(s);
      id = s.basedOn;
    }
    return out;
  }

  /** The abstractNum of a numId, through a numbering style's link (w:numStyleLink); with its id. */
  private abstractOf(numId: string): { id: string; abstract: AbstractNum } | null {
    const seen = new Set<string>();
    for (let n = numId; !seen.has(n); ) {
      seen.add(n);
      const num = this.nums.get(n);
      if (!num) return null;
      const abstract = this.abstractNums.get(num.abstractNumId);
      if (!abstract) return null;
      if (abstract.numStyleLink === null) return { id: num.abstractNumId, abstract };
      const linked = this.styleChain(abstract.numStyleLink).find((s) => s.numId !== null)?.numId ?? null;
      if (linked === null) return { id: num.abstractNumId, abstract };
      n = linked;
    }
    return null;
  }

  /** The level as this numId uses it (a w:lvlOverride with a whole w:lvl replaces it). */
  private levelOf(numId: string, abstract: AbstractNum, ilvl: number): LevelDef | null {
    return this.nums.get(numId)?.overrides.get(ilvl)?.level ?? abstract.levels.get(ilvl) ?? null;
  }

  /**
   * Number the next paragraph in document order: its label and outline level. Call it for every
   * paragraph of the body (table cells included), in order, so that the counters advance as Word's.
   */
  next(props: ParagraphProps): ParagraphNumbering {
    const chain = this.styleChain(props.styleId);
    const outline = props.outlineLvl ?? chain.find((s) => s.outlineLvl !== null)?.outlineLvl ?? null;
    const outlineLevel = outline !== null && outline >= 0 && outline <= 8 ? outline + 1 : null;
    const styled = chain.find((s) => s.numId !== null);
    const numId = props.numId ?? styled?.numId ?? null;
    if (numId === null || numId === '0') return { label: null, outlineLevel };
    const found = this.abstractOf(numId);
    if (!found) return { label: null, outlineLevel };
    const { id, abstract } = found;
    const ilvl = props.ilvl ?? (props.numId === null ? styled?.ilvl ?? null : null)
      ?? (props.styleId !== null ? abstract.levelOfStyle.get(props.styleId) ?? null : null) ?? 0;
    const level = this.levelOf(numId, abstract, ilvl);
    if (!level) return { label: null, outlineLevel };

    let counters = this.counters.get(id);
    if (!counters) this.counters.set(id, (counters = []));
    let pending = this.pendingStart.get(id);
    if (!pending) this.pendingStart.set(id, (pending = new Map()));
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const [l, o] of this.nums.get(numId)?.overrides ?? []) {
        const start = o.start ?? o.level?.start ?? null;
        if (start !== null) pending.set(l, start);
      }
    }
    const restartAt = pending.get(ilvl);
    if (restartAt !== undefined) {
      counters[ilvl] = restartAt;
      pending.delete(ilvl);
    } else counters[ilvl] = counters[ilvl] === undefined ? level.start : counters[ilvl]! + 1;
    // the levels below restart (unless their w:lvlRestart keeps them going)
    for (let d = ilvl + 1; d < 9; d++) {
      const restart = this.levelOf(numId, abstract, d)?.restart ?? null;
      if (restart === 0) continue;
      if (restart === null || ilvl < restart) counters[d] = undefined;
    }
    if (level.numFmt === 'bullet') return { label: null, outlineLevel };
    const label = level.lvlText.replace(/%([1-9])/g, (_, n: string) => {
      const l = Number(n) - 1;
      const def = this.levelOf(numId, abstract, l);
      const value = counters[l] ?? def?.start ?? 1;
      const fmt = l !== ilvl && level.isLgl ? 'decimal' : def?.numFmt ?? 'decimal';
      return formatNumber(value, fmt);
    });
    return { label: label.trim().length > 0 ? label : null, outlineLevel };
  }
}

const CN_DIGITS = '〇一二三四五六七八九';
const CN_LEGAL = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五 (Word's chineseCounting for the numbers a draft reaches). */
function chineseCounting(n: number, digits = CN_DIGITS, units = ['', '十', '百', '千'], zeroChar = '零'): string {
  if (n <= 0 || n >= 10000) return String(n);
  const parts = String(n).split('').map(Number);
  let out = '';
  let zero = false;
  parts.forEach((d, k) => {
    const unit = units[parts.length - 1 - k]!;
    if (d === 0) {
      zero = out.length > 0;
      return;
    }
    if (zero) out += zeroChar;
    zero = false;
    // 十, 十一 … 十九: no 一 before 十 in a two-digit number
    out += (d === 1 && unit === units[1] && k === 0 && parts.length === 2 ? '' : digits[d]!) + unit;
  });
  return out;
}

function letters(n: number, base: string): string {
  if (n <= 0) return String(n);
  const letter = base[(n - 1) % 26]!;
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

/** A level's value as Word writes it in the numbering format `fmt` (w:numFmt). */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'chineseLegalSimplified':
      return chineseCounting(n, CN_LEGAL, ['', '拾', '佰', '仟']);
    case 'ideographDigital':
    case 'taiwaneseDigital':
      return String(n).split('').map((d) => CN_DIGITS[Number(d)]!).join('');
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1]! : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1]! : String(n);
    case 'decimalZero':
      return n >= 0 && n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperLetter':
      return letters(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
    case 'lowerLetter':
      return letters(n, 'abcdefghijklmnopqrstuvwxyz');
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'none':
      return '';
    default:
      return String(n);
  }
}

/**
 * What figure-consistency's checks read about a document: each paragraph's figures placed in its
 * text, the sentences with their years (factsOf(document).sentenceYears), and the clause and
 * scope helpers around a figure.
 */
import type { Figure } from '../../document/facts/figures.js';
import { OTHER_YEAR_HEADING, factsOf } from '../../document/facts/index.js';
import type { DocumentModel, Paragraph } from '../../document/model.js';
import { lastAtOrBefore, textIndexOf } from '../../document/position.js';
import type { Report } from '../../rule.js';
import type { Checks, Context, MessageId, Options } from './meta.js';
import { CLAUSE_STOP, GENERIC, LEAD_WORDS, TRAIL_WORDS, type RateDefinition } from './words.js';
// --- shared structures ----------------------------------------------------------------------

/** A figure of a paragraph with its place in the paragraph's text. */
export interface PlacedFigure {
  figure: Figure;
  /** indices into the paragraph's text */
  start: number;
  end: number;
  /** numeral position in the text */
  numeralEnd: number;
}

interface SentenceInfo {
  start: number;
  end: number;
  /** the year the sentence is about: the report year, another year, or unknown */
  year: number | 'mixed' | null;
  /** names a month, a date or a part of the year */
  partial: boolean;
  /** speaks of rectification, a cumulative or a plan (整改 以来 截至 计划 …): computed on first use */
  notALevel?: boolean;
}

/** A body paragraph as the checks read it: its figures in text order and its sentences with their years. */
export interface ParagraphFigures {
  paragraph: Paragraph;
  /** index in DocumentModel.paragraphs */
  index: number;
  figures: PlacedFigure[];
  sentences: SentenceInfo[];
  /** in the plan section, or under a heading about rectification, shortcomings or plans */
  otherYearSection: boolean;
  /**
   * the period the nearest heading above that names one says the paragraph is about (「一、2016年工作回顾」
   * → '2016', 「二、今年主要工作」 → 'this', 「过去五年」 → 'multi'); null when no heading names one
   */
  headingPeriod: string | null;
  /** 1 at the text indices inside （…）; null when there are no brackets; undefined until first used (see inBrackets) */
  brackets?: Uint8Array | null;
  /** the paragraph as one sentence, when it has none */
  whole: SentenceInfo;
  /** a table read as text (factsOf(document).tableReadings): its rows' figures, each clause a sentence */
  table?: boolean;
}

/** A document as the checks read it (this year's draft, or last year's report for the changes). */
export interface DocumentFigures {
  doc: DocumentModel;
  year: number | null;
  paragraphs: ParagraphFigures[];
}

/** Collect what the checks need about a document: its paragraphs with figures, sentences and the year of each sentence. */
export function analyse(doc: DocumentModel): DocumentFigures {
  const facts = factsOf(doc);
  const year = facts.reportYear?.year ?? null;
  const plan = facts.planSectionIds;
  const otherYearBySection = new Map<number | null, boolean>();
  const otherYearSection = (id: number | null): boolean => {
    let answer = otherYearBySection.get(id);
    if (answer === undefined) {
      answer = false;
      for (let s = id === null ? null : doc.allSections[id] ?? null; s && !answer; s = s.parentId === null ? null : doc.allSections[s.parentId]!) {
        if (plan.has(s.id) || OTHER_YEAR_HEADING.test(s.heading.title)) answer = true;
      }
      otherYearBySection.set(id, answer);
    }
    return answer;
  };
  const periodBySection = new Map<number | null, string | null>();
  const headingPeriod = (id: number | null): string | null => {
    let answer = periodBySection.get(id);
    if (answer === undefined) {
      answer = null;
      for (let s = id === null ? null : doc.allSections[id] ?? null; s && answer === null; s = s.parentId === null ? null : doc.allSections[s.parentId]!) {
        answer = periodOfHeading(s.heading.title);
      }
      periodBySection.set(id, answer);
    }
    return answer;
  };
  const figuresBy = new Map<number, Figure[]>();
  for (const f of facts.figures) {
    if (f.where !== 'paragraph' || f.paragraphIndex === null) continue;
    const list = figuresBy.get(f.paragraphIndex) ?? [];
    list.push(f);
    figuresBy.set(f.paragraphIndex, list);
  }
  const paragraphs: ParagraphFigures[] = doc.paragraphs.map((paragraph, index) => {
    const text = paragraph.text;
    const figures: PlacedFigure[] = [];
    const whole: SentenceInfo = { start: 0, end: text.length, year: null, partial: false };
    const ofParagraph = figuresBy.get(index);
    // a paragraph without figures is never looked into: no sentences for it
    if (ofParagraph === undefined) return { paragraph, index, figures, sentences: [], otherYearSection: false, headingPeriod: null, whole };
    for (const figure of ofParagraph) {
      const start = textIndexOf(paragraph, figure.start);
      const end = textIndexOf(paragraph, figure.end, true);
      if (start < 0 || end < start) continue;
      const k = text.indexOf(figure.numeral, start);
      figures.push({ figure, start, end, numeralEnd: k >= 0 && k < end ? k + figure.numeral.length : end });
    }
    figures.sort((a, b) => a.start - b.start);
    // the year of each sentence (copied: notALevel is noted on them)
    const sentences: SentenceInfo[] = facts.sentenceYears(index).map((y) => ({ start: y.start, end: y.end, year: y.year, partial: y.partial }));
    return { paragraph, index, figures, sentences, otherYearSection: otherYearSection(paragraph.sectionId), headingPeriod: headingPeriod(paragraph.sectionId), whole };
  });
  // the tables, each read as a paragraph of clauses «row label + column heading + value» (one clause, one sentence)
  const byReading = new Map<object, Figure[]>();
  for (const f of facts.figures) {
    if (!f.table) continue;
    const list = byReading.get(f.table.reading) ?? [];
    list.push(f);
    byReading.set(f.table.reading, list);
  }
  facts.tableReadings.forEach((reading, k) => {
    const list = byReading.get(reading);
    if (!list) return;
    const text = reading.block.text;
    const sentences: SentenceInfo[] = reading.clauses.map((c) => ({ start: c.start, end: Math.min(text.length, c.end + 1), year: c.year, partial: false }));
    const paragraph: Paragraph = {
      text, segments: reading.block.segments, span: reading.block.span, sectionId: reading.table.sectionId,
      sentences: sentences.map((x) => ({ start: x.start, end: x.end, text: text.slice(x.start, x.end) })), enumItems: [],
    };
    const figures: PlacedFigure[] = list.map((figure) => {
      const start = figure.table!.textStart;
      const end = figure.table!.textEnd;
      const n = text.indexOf(figure.numeral, start);
      return { figure, start, end, numeralEnd: n >= 0 && n < end ? n + figure.numeral.length : end };
    });
    paragraphs.push({
      paragraph, index: -1 - k, figures, sentences, otherYearSection: otherYearSection(reading.table.sectionId),
      headingPeriod: headingPeriod(reading.table.sectionId), whole: { start: 0, end: text.length, year: null, partial: false }, table: true,
    });
  });
  return { doc, year, paragraphs };
}

const HEADING_YEARS = /(?<!\d)((?:19|20)\d{2})\s*年/g;
const HEADING_RELATIVE: ReadonlyArray<readonly [RegExp, string]> = [
  [/过去[两三四五六七八九十]年|[两三四五]年来|五年来|十[一二三四五]五(?:时期|期间)?/, 'multi'],
  [/过去一年|去年|上一?年度?(?!度工作要点)/, 'last'],
  [/明年|下一?年度?/, 'next'],
  [/今年|本年度?/, 'this'],
];

/**
 * The period a heading names: one year ('2016'), several ('mixed'), a relative one (this, last,
 * next, multi) or none (null). 「一、2016年工作回顾」 and 「二、2017年主要工作」 in a 政府工作报告 are
 * results and targets of different years: figures under them are different quantities.
 */
export function periodOfHeading(title: string): string | null {
  if (/(?:19|20)\d{2}\s*年?\s*[—–\-－~～至到]\s*(?:19|20)\d{2}/.test(title)) return 'mixed';
  const years = new Set<string>();
  for (const m of title.matchAll(HEADING_YEARS)) years.add(m[1]!);
  if (years.size === 1) return [...years][0]!;
  if (years.size > 1) return 'mixed';
  for (const [re, key] of HEADING_RELATIVE) if (re.test(title)) return key;
  return null;
}

/** Whether text index i of the paragraph is inside （…） (the brackets are found on first use: most paragraphs are never asked). */
export function inBrackets(para: ParagraphFigures, i: number): boolean {
  if (para.brackets === undefined) para.brackets = bracketMask(para.paragraph.text);
  return para.brackets !== null && para.brackets[i] === 1;
}

function bracketMask(text: string): Uint8Array | null {
  if (!/[（(]/.test(text)) return null;
  const mask = new Uint8Array(text.length + 1);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff08 || c === 0x28) depth++; // （ (
    mask[i] = depth > 0 ? 1 : 0;
    if ((c === 0xff09 || c === 0x29) && depth > 0) depth--; // ） )
  }
  return mask;
}

export function sentenceAt(para: ParagraphFigures, i: number): SentenceInfo | null {
  const list = para.sentences;
  if (list.length === 0) return para.whole;
  const s = list[Math.max(0, lastAtOrBefore(list, i, (s) => s.start))]!;
  return i >= s.start && i < s.end ? s : null;
}

/** Index of the first figure starting at or after text index i. */
export function figAt(para: ParagraphFigures, i: number): number {
  // (text indices are integers: the figures starting before i are those starting at or before i - 1)
  return lastAtOrBefore(para.figures, i - 1, (f) => f.start) + 1;
}

/** The figures starting in [a, b), with their indices. */
export function figsIn(para: ParagraphFigures, a: number, b: number): Array<[PlacedFigure, number]> {
  const out: Array<[PlacedFigure, number]> = [];
  for (let k = figAt(para, a); k < para.figures.length && para.figures[k]!.start < b; k++) out.push([para.figures[k]!, k]);
  return out;
}

/** The ；-delimited part of the sentence around index i. */
export function unitAt(para: ParagraphFigures, i: number): { start: number; end: number } {
  const s = sentenceAt(para, i) ?? { start: 0, end: para.paragraph.text.length };
  const text = para.paragraph.text;
  let a = i;
  while (a > s.start && text[a - 1] !== '；' && text[a - 1] !== ';') a--;
  let b = i;
  while (b < s.end && text[b] !== '；' && text[b] !== ';') b++;
  return { start: a, end: b };
}

function isNumberComma(text: string, k: number): boolean {
  return (text[k] === ',' || text[k] === '，') && /\d/.test(text[k - 1] ?? '') && /\d/.test(text[k + 1] ?? '');
}

/** The clause before a figure: back to punctuation or the previous figure. */
export function clauseBefore(para: ParagraphFigures, k: number): string {
  const text = para.paragraph.text;
  const fig = para.figures[k]!;
  const limit = k > 0 ? para.figures[k - 1]!.end : 0;
  let a = fig.start;
  // (by char code: text[a] would make a string per character)
  while (a > limit && !(CLAUSE_STOP[text.charCodeAt(a - 1)] === 1 && !isNumberComma(text, a - 1))) a--;
  return text.slice(a, fig.start);
}

/** Words by the char code of their first (or last) character, in list order: only these can match at that end of a string. */
function byChar(words: readonly string[], at: (w: string) => number): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of words) {
    const list = map.get(at(w)) ?? [];
    list.push(w);
    map.set(at(w), list);
  }
  return map;
}
const LEAD_BY_FIRST = byChar(LEAD_WORDS, (w) => w.charCodeAt(0));
const TRAIL_BY_LAST = byChar(TRAIL_WORDS, (w) => w.charCodeAt(w.length - 1));
const YEAR_LEAD = /^(?:\d{4}|[〇零一二三四五六七八九]{4})年度?/;

export function trimWords(s: string): string {
  let out = s.replace(/\s+/g, '').replace(YEAR_LEAD, '');
  for (let changed = true; changed && out;) {
    changed = false;
    for (const w of LEAD_BY_FIRST.get(out.charCodeAt(0)) ?? []) {
      if (out.startsWith(w) && out.length > w.length) {
        out = out.slice(w.length);
        changed = true;
        break;
      }
    }
  }
  for (let changed = true; changed && out;) {
    changed = false;
    for (const w of TRAIL_BY_LAST.get(out.charCodeAt(out.length - 1)) ?? []) {
      if (out.endsWith(w) && out.length > w.length) {
        out = out.slice(0, -w.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

const SCOPE_CUT = /.*(?<![居占在于排列超比较领先])(?:累计|全年|全区|全市|全县|全省|全镇|全局|全系统|我局|本局|我委|本委|我办|我区|我市|我县|年内|本年度|今年|共计|总共|合计|总计|(?<![公中总])共(?![同享建治青产识性商生赢担管筑育谋振鸣处事存]))/u;

/** SCOPE_CUT without its leading .*: whether the clause has a scope word at all (most have none; .* backtracks) */
const SCOPE_ANY = new RegExp(SCOPE_CUT.source.slice(2), 'u');

/**
 * The clause from its last scope word on: 局党组全年召开党组会议 → 召开党组会议 (the subject before it
 * varies). A scope word after 居/占/排 … is the object, not the scope: 地区生产总值增速居全省前 keeps its
 * subject (工业投资增速居全省前 is another indicator).
 */
export function afterScope(clause: string): string {
  if (!SCOPE_ANY.test(clause)) return clause;
  const m = SCOPE_CUT.exec(clause);
  if (!m || m[0].length >= clause.length) return clause;
  return trimWords(clause.slice(m[0].length));
}

/** by the char code of a first character: the indices in GENERIC of the words starting with it */
const GENERIC_BY_FIRST = new Map<number, number[]>();
GENERIC.forEach((w, k) => {
  const list = GENERIC_BY_FIRST.get(w.charCodeAt(0)) ?? [];
  list.push(k);
  GENERIC_BY_FIRST.set(w.charCodeAt(0), list);
});

export function isGeneric(label: string): boolean {
  // a word can occur (now or once others are taken out) only when the label has its first character
  let candidates = 0;
  const present = new Uint8Array(GENERIC.length);
  for (let i = 0; i < label.length; i++) {
    const list = GENERIC_BY_FIRST.get(label.charCodeAt(i));
    if (list === undefined) continue;
    for (const k of list) if (present[k] === 0) (present[k] = 1), candidates++;
  }
  if (candidates === 0) return label.length < 2;
  let rest = label;
  // (removed one after the other: taking a word out may join the halves of a later one)
  for (let k = 0; k < GENERIC.length; k++) {
    const w = GENERIC[k]!;
    if (present[k] === 1 && rest.includes(w)) rest = rest.split(w).join('');
  }
  return rest.length < 2;
}

/** Decimal places of the numeral as written (3.5 → 1). */
function decimals(numeral: string): number {
  const m = /[.．](\d+)/.exec(numeral);
  return m ? m[1]!.length : 0;
}

/** Half the last written digit of a figure: what rounding may hide (0 for an exact integer count). */
export function roundingOf(f: Figure): number {
  const d = decimals(f.numeral);
  if (f.isPercent) return 0.5 * 10 ** -d;
  if (d === 0 && f.scale === 1) return 0;
  return 0.5 * 10 ** -d * f.scale;
}

export function fmt(n: number, digits = 1): string {
  const r = Math.round(n * 10 ** digits) / 10 ** digits;
  return String(r);
}

/** The value as written with its unit: 126件, 178.4万元, 99% */
export function shown(f: Figure): string {
  if (f.isPercent) return `${fmt(f.value, 2)}%`;
  const written = f.writtenUnit ?? f.unit ?? '';
  const v = f.scale > 1 ? fmt(f.value / f.scale, 4) : fmt(f.value, 4);
  return `${v}${written}`;
}

export function sameUnit(a: Figure, b: Figure): boolean {
  return a.unit !== null && a.unit === b.unit && a.isPercent === b.isPercent;
}

export function exact(f: Figure): boolean {
  return f.approximate === null && !f.range;
}

// --- what every check is given ---------------------------------------------------------------

export interface CheckContext {
  rule: Context;
  info: DocumentFigures;
  options: Options;
  checks: Checks;
  rates: RateDefinition[];
  /** figures already reported (one finding per figure) */
  reported: Set<Figure>;
}

/** Reports a finding; with `figure`, only the first finding on that figure. */
export function report(context: CheckContext, r: Report<MessageId>, figure?: Figure): void {
  if (figure) {
    if (context.reported.has(figure)) return;
    context.reported.add(figure);
  }
  context.rule.report(r);
}

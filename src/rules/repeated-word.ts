import { readFileSync } from 'node:fs';
import type { TextBlock } from '../document/model.js';
import { contiguousSourceRange, sourceOffset } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';
import { packageFile } from '../paths.js';

/**
 * repeated-word: a word written twice in a row ("提升提升", "分类分类", "的的").
 *
 * Chinese is full of legitimate doubled characters (层层, 方方面面, 研究研究) and of two
 * different words that merely meet at a shared character (学习|习近平, 人民|民主). So:
 *   1. a cheap scan finds every place where a run of k Han characters (k = 1..6) is
 *      immediately repeated;
 *   2. the allowlist of legitimate reduplicated forms clears most AA candidates;
 *   3. only what is left is segmented, in a small window, with Intl.Segmenter, to see
 *      whether the copies really are words at that place.
 * Segmenting is slow (about 1.5 MB/s), so it never runs over whole paragraphs.
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;

export const meta = defineMeta({
  id: 'repeated-word',
  description: {
    zh: '同一词语连写两次（如「提升提升」「的的」）',
    en: 'A word written twice in a row (e.g. 提升提升, 的的)',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: true,
  options: {
    allow: {
      type: 'array',
      items: { type: 'string', minLength: 2 },
      description: 'Extra legitimate doubled forms, added to the built-in allowlist.',
    },
    reportTentativeVerbs: {
      type: 'boolean',
      description: 'Also report tentative ABAB verbs such as 研究研究.',
    },
  },
  defaultOptions: { allow: [], reportTentativeVerbs: false },
  messages: {
    doubled: {
      zh: '重复词语「{{text}}」：「{{word}}」连写了两次',
      en: 'Doubled word "{{text}}": "{{word}}" is written twice',
    },
    repeated: {
      zh: '重复词语「{{text}}」：「{{word}}」连写了{{count}}次',
      en: 'Repeated word "{{text}}": "{{word}}" is written {{count}} times',
    },
  },
  tags: ['spelling'],
});

const MAX_UNIT = 6;
/** characters of context on each side of a candidate given to the segmenter */
const WINDOW = 8;
const HAN = /^\p{Script=Han}+$/u;
/** A doubled numeral is a number (二〇〇八, 十五五, 一一), never a typo we can call. */
const NUMERALS = new Set('〇零一二三四五六七八九十百千万亿');
/** Doubled, these are almost always typos: they are reported unless a word explains them. */
const FUNCTION_WORDS = new Set('的了是在和与及对将把被们并');
/**
 * 公文 words the segmenter's dictionary lacks, so that 旨在|在, 在|在建, 与|与会,
 * 被|被执行人, 规范|规范性文件, 实施|实施方案 would otherwise look like typos.
 */
const SEGMENTER_GAPS = [
  '标的', '旨在', '意在', '重在', '好在', '难在', '给与', '赋与', '惠及', '触及', '殃及', '推及',
  '校对', '查对', '配对', '终将', '行将', '归并', '一并',
  '的士', '了却', '在建', '在岗', '在编', '在职', '在线', '在押', '在办', '在册', '在案', '在途',
  '在营', '在用', '在管', '在审', '在诉', '在望', '与会', '与否', '及格', '对接', '对标', '对口',
  '对表', '对内', '把控', '把脉', '被执行人', '被申请人', '被监护人', '被检查', '被处罚', '被调查',
  '被征收', '被许可', '被代理', '被诉', '并网', '并轨', '规范性', '实施方案', '实施意见', '实施细则', '实施办法',
];
/**
 * For the function words the segmenter is not trusted: its dictionary glues them to their
 * neighbours (中的, 议和), which would hide 安置中的的重点. Only these real words explain a
 * doubled function word: words ending in it (目的|的) or starting with it (为了|了解).
 */
const FUNCTION_WORD_NEIGHBOURS = [
  '目的', '有的', '别的', '似的', '标的', '端的', '的确', '的士', '众矢之的',
  '为了', '除了', '罢了', '算了', '极了', '得了', '好了', '对了', '了解', '了结', '了却', '了然', '了不起', '了如指掌',
  '但是', '就是', '只是', '还是', '总是', '于是', '凡是', '可是', '不是', '真是', '要是', '若是', '或是', '即是', '正是',
  '倒是', '硬是', '老是', '特别是', '尤其是', '实事求是', '是否', '是非', '是的',
  '现在', '正在', '存在', '实在', '旨在', '意在', '重在', '好在', '自在', '所在', '内在', '外在', '潜在', '难在', '贵在',
  '总和', '缓和', '温和', '调和', '平和', '和谐', '和平', '和解',
  '参与', '给与', '赋与', '与会', '与否', '与其', '惠及', '涉及', '普及', '以及', '及时', '及早', '及格',
  '针对', '面对', '应对', '相对', '绝对', '反对', '核对', '比对', '校对', '对接', '对标', '对口', '对照', '对象', '对于',
  '即将', '终将', '行将', '必将', '将来', '将近', '把握', '把关', '把控', '把脉', '被动', '被告', '被执行人', '被申请人',
  '合并', '归并', '一并', '兼并', '并且', '并网', '并轨', '并非', '并重', '我们', '他们', '人们', '咱们',
];
/** ABAB entries of the allowlist that are vivid adjectives, not tentative verbs. */
const STATE_ADJECTIVES = new Set(['雪白雪白', '通红通红', '笔直笔直', '冰凉冰凉', '火热火热', '碧绿碧绿']);
const OPEN_QUOTES = new Set('《“「『〈');
const CLOSE_QUOTES = new Set('》”」』〉');
/** Markdown inline syntax that would be left empty if the text it wraps were removed. */
const MARKUP_OPEN = new Set('*_~`[');
const MARKUP_CLOSE = new Set('*_~`]');
/** the words that can explain a doubled function word (either list) */
const EXPLAINING_WORDS = [...FUNCTION_WORD_NEIGHBOURS, ...SEGMENTER_GAPS];

let allowlist: Set<string> | null = null;
let segmenter: Intl.Segmenter | null = null;

/** The built-in allowlist, read on first use and kept for the process. */
function builtinAllowlist(): Set<string> {
  if (!allowlist) {
    const file = packageFile('data/reduplication-allowlist.txt');
    allowlist = new Set(
      readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l && !l.startsWith('#')),
    );
  }
  return allowlist;
}

/**
 * The longest stretch handed to the segmenter at once. ICU's dictionary segmentation of one long
 * run of Han characters can take minutes (80,000 characters: about two minutes, 64,000: under a
 * second), and the words of a doubled run depend only on their neighbourhood; so a window longer
 * than this (only ever a run of thousands of copies) is segmented in overlapping pieces.
 */
const CHUNK = 4096;
/** the part of a piece's either end whose cuts are not trusted (they lack context) */
const MARGIN = 512;

/**
 * The words of text[start, end), as the segmenter cuts that window. Only the words around a
 * few places are needed, so they are asked for one at a time (containing) rather than listing
 * every word of the window: the cuts are the same either way. A window longer than CHUNK is cut
 * piece by piece (see CHUNK).
 */
class Words {
  private piece: { start: number; end: number; segments: Intl.Segments } | null = null;
  constructor(private readonly start: number, private readonly end: number, private readonly text: string) {
    segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  }

  /** the segments of text[from, to), kept while the next question is about the same piece */
  private segmentsOf(from: number, to: number): Intl.Segments {
    if (this.piece?.start !== from || this.piece.end !== to) {
      this.piece = { start: from, end: to, segments: segmenter!.segment(this.text.slice(from, to)) };
    }
    return this.piece.segments;
  }

  /**
   * words already asked for, by the index asked about: checks ask for the same few again, and the
   * segmenter is the cost (a map, not a list searched from the start)
   */
  private readonly known = new Map<number, { start: number; end: number }>();
  /** the word found last: most questions are about it or its neighbours */
  private last: { start: number; end: number } | undefined;

  /** the word containing index i of the text, or undefined outside the window */
  at(i: number): { start: number; end: number } | undefined {
    if (i < this.start || i >= this.end) return undefined;
    const last = this.last;
    if (last && last.start <= i && i < last.end) return last;
    let word = this.known.get(i);
    if (!word) {
      // the whole window, or a piece of it centred on i
      let from = this.start;
      let to = this.end;
      if (to - from > CHUNK) {
        from = Math.max(this.start, Math.min(i - CHUNK / 2, this.end - CHUNK));
        to = from + CHUNK;
      }
      const s = this.segmentsOf(from, to).containing(i - from)!;
      word = { start: from + s.index, end: from + s.index + s.segment.length };
      this.known.set(i, word);
    }
    this.last = word;
    return word;
  }

  /** the word before / after a word of the window */
  before(word: { start: number }) {
    return this.at(word.start - 1);
  }
  after(word: { end: number }) {
    return this.at(word.end);
  }

  /**
   * Whether a word starts at each of `positions` (ascending; the end of the window counts), in
   * one pass over the words rather than one containing() each, which may cost a scan from the
   * window's start: a run of 100,000 copies asks about every copy.
   */
  allBoundaries(positions: readonly number[]): boolean {
    let from = -1;
    let to = -1;
    let words: Iterator<Intl.SegmentData> | null = null;
    let word: IteratorResult<Intl.SegmentData> | null = null;
    for (const i of positions) {
      if (i === this.end) continue;
      if (i < this.start || i > this.end) return false;
      // a cut is trusted away from a piece's ends, unless that end is the window's
      const trusted = words !== null && (from === this.start || i >= from + MARGIN) && (to === this.end || i < to - MARGIN);
      if (!trusted) {
        from = this.end - this.start <= CHUNK ? this.start : Math.max(this.start, i - MARGIN);
        to = Math.min(this.end, from + CHUNK);
        words = this.segmentsOf(from, to)[Symbol.iterator]();
        word = words.next();
      }
      const at = i - from;
      while (!word!.done && word!.value.index < at) word = words!.next();
      if (word!.done || word!.value.index !== at) return false;
    }
    return true;
  }
}

/** whether `word` ends at index `end` of `text` */
function endsAt(text: string, word: string, end: number): boolean {
  return end >= word.length && text.startsWith(word, end - word.length);
}

/** numeral-classifier reduplication: 一步一步, 一件一件 */
function isNumeralClassifier(unit: string): boolean {
  return unit.length === 2 && unit[0] === '一';
}

/** inside 《》 or “” not far back: probably a name, where AA is common (《丁丁》, “冰冰”) */
function insideQuotes(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 20; j--) {
    if (OPEN_QUOTES.has(text[j]!)) return true;
    if (CLOSE_QUOTES.has(text[j]!)) return false;
  }
  return false;
}

interface Checker {
  allowed: Set<string>;
  user: Set<string>;
  lengths: number[];
  reportTentative: boolean;
}

/**
 * The allowlist entry that explains text[start, end) at this place: the doubled text itself
 * or a longer listed form around it (AA inside AABB 认认真真, BB of ABB 绿油油).
 */
function allowedEntry(c: Checker, text: string, start: number, end: number): string | null {
  for (const len of c.lengths) {
    if (len < end - start) continue;
    for (let s = Math.max(0, end - len); s <= start; s++) {
      const form = text.slice(s, s + len);
      if (c.allowed.has(form)) return form;
    }
  }
  return null;
}

function isAllowed(c: Checker, text: string, start: number, end: number, unit: string): boolean {
  const form = allowedEntry(c, text, start, end);
  if (!form) return false;
  // A tentative verb (研究研究) is allowed unless the option asks for it; a user's own entry always wins.
  const tentative = unit.length >= 2 && form === unit + unit && !isNumeralClassifier(unit) && !STATE_ADJECTIVES.has(form);
  return !(tentative && c.reportTentative && !c.user.has(form));
}

/**
 * AA (or AAA…) at text[a, b): narrow the run by the copies that belong to a neighbouring word,
 * then decide. Returns the doubled span to report, or null.
 */
function checkSingle(c: Checker, text: string, a: number, b: number): [number, number] | null {
  const ch = text[a]!;
  if (NUMERALS.has(ch)) return null;
  if (b - a === 2 && isAllowed(c, text, a, b, ch)) return null;

  if (FUNCTION_WORDS.has(ch)) {
    const explains = (w: string) => w.includes(ch);
    if (EXPLAINING_WORDS.some((w) => explains(w) && endsAt(text, w, a + 1))) a++;
    if (b > a && EXPLAINING_WORDS.some((w) => explains(w) && text.startsWith(w, b - 1))) b--;
    return b - a >= 2 && !isAllowed(c, text, a, b, ch) ? [a, b] : null;
  }
  const words = new Words(Math.max(0, a - WINDOW), Math.min(text.length, b + WINDOW), text);
  // 学习|习近平, 人民|民主, 旨在|在: the first copy is the end of the word before
  if (words.at(a)!.start < a || SEGMENTER_GAPS.some((w) => endsAt(text, w, a + 1))) a++;
  // 年|年底, 为了|了解, 与|与会: the last copy starts the word after
  if (b > a && (words.at(b - 1)!.end > b || SEGMENTER_GAPS.some((w) => w[0] === ch && text.startsWith(w, b - 1)))) b--;
  if (b - a < 2) return null;
  if (b - a === 2 && isAllowed(c, text, a, b, ch)) return null;

  const first = words.at(a)!;
  const last = words.at(b - 1)!;
  // one segment covers the run: a word of its own (评评, 两两) or part of one (是是非非)
  if (first.start === last.start) return null;
  if (b - a === 2) {
    if (insideQuotes(text, a)) return null;
    // The segmenter splits words it does not know into single characters (排|查|查|处), so a
    // content character is reported only when known words stand on both sides.
    const clear = (s: { start: number; end: number } | undefined) =>
      !s || s.end - s.start > 1 || !HAN.test(text.slice(s.start, s.end));
    if (!clear(words.before(first)) || !clear(words.after(last))) return null;
  }
  return [a, b];
}

/** ABAB, ABCABC…: r copies of `unit` from `start`. Returns whether to report. */
function checkUnit(c: Checker, text: string, start: number, unit: string, r: number): boolean {
  if ([...unit].every((ch) => NUMERALS.has(ch))) return false; // 二〇二〇
  if (isNumeralClassifier(unit)) return false;
  const end = start + unit.length * r;
  if (r === 2 && isAllowed(c, text, start, end, unit)) return false;
  // The last copy may begin a longer word, the first end one: 规范|规范性文件.
  const last = end - unit.length;
  const inWord = (w: string) =>
    w.length > unit.length && (text.startsWith(w, last) || endsAt(text, w, start + unit.length));
  if (SEGMENTER_GAPS.some(inWord)) return false;
  // Each copy must be whole words at this place: 是不是|不需要 is not 是不 twice.
  const words = new Words(Math.max(0, start - WINDOW), Math.min(text.length, end + WINDOW), text);
  const boundaries: number[] = [];
  for (let j = 0; j <= r; j++) boundaries.push(start + j * unit.length);
  return words.allBoundaries(boundaries);
}

/** The text range to delete so one copy is left, avoiding Markdown syntax and empty markup. */
function fixRange(block: TextBlock, source: string, start: number, end: number, k: number) {
  for (const [i, j] of [
    [start + k, end], // the later copies
    [start, end - k], // or the earlier ones
  ] as const) {
    const range = contiguousSourceRange(block, i, j);
    if (!range) continue;
    const wrapped = MARKUP_OPEN.has(source[range.start - 1] ?? '') && MARKUP_CLOSE.has(source[range.end] ?? '');
    if (!wrapped) return range;
  }
  return null;
}

/**
 * For each UTF-16 code unit, where it was last seen, as lastSeenBase + index: values below the
 * current text's base are from earlier texts. Reused across texts so that it is never cleared.
 */
const lastSeen = new Int32Array(65536);
let lastSeenBase = 1;

/**
 * The places where a run of k Han characters (k = 1..MAX_UNIT) is immediately repeated, each the
 * start of a maximal run (提升提升提升 is one place), as p * 8 + k in ascending order: the order
 * in which checkBlock tries them. A repeat at p needs text[p] === text[p + k], so a position q is
 * only looked at when its character occurred in the MAX_UNIT before it, which one table look-up tells.
 */
function doubledRuns(text: string): number[] {
  const n = text.length;
  if (lastSeenBase > 1e9) {
    lastSeen.fill(0);
    lastSeenBase = 1;
  }
  const base = lastSeenBase;
  lastSeenBase += n + 1;
  const found: number[] = [];
  for (let q = 0; q < n; q++) {
    const code = text.charCodeAt(q);
    const previous = lastSeen[code]! - base;
    lastSeen[code] = base + q;
    if (previous < 0 || q - previous > MAX_UNIT) continue;
    for (let p = Math.max(0, q - MAX_UNIT); p < q; p++) {
      const k = q - p;
      if (text.charCodeAt(p) !== code || p + 2 * k > n) continue;
      // text[p, q) === text[q, q + k), compared without slicing: most fail at once
      let i = 1;
      while (i < k && text.charCodeAt(p + i) === text.charCodeAt(q + i)) i++;
      if (i < k) continue;
      const unit = text.slice(p, q);
      if (!HAN.test(unit)) continue;
      if (p >= k && text.startsWith(unit, p - k)) continue; // not the start of the run
      found.push(p * 8 + k);
    }
  }
  return found.sort((x, y) => x - y);
}

function checkBlock(ctx: Context, c: Checker, block: TextBlock, seen: Set<string>): void {
  const text = block.text;
  // places before this one were part of a run already reported
  let next = 0;
  for (const place of doubledRuns(text)) {
    const p = Math.floor(place / 8);
    const k = place % 8;
    if (p < next) continue;
    const unit = text.slice(p, p + k);
    let r = 2;
    while (text.startsWith(unit, p + r * k)) r++;

    let span: [number, number] | null;
    if (k === 1) span = checkSingle(c, text, p, p + r);
    else span = checkUnit(c, text, p, unit, r) ? [p, p + r * k] : null;
    if (!span) continue;

    const [start, end] = span;
    const count = (end - start) / k;
    // the end is taken after the last character, not at the next segment's start (past any `**`)
    const from = sourceOffset(block, start);
    const to = sourceOffset(block, end - 1) + 1;
    const key = `${from}:${to}`;
    if (!seen.has(key)) {
      seen.add(key);
      const fix = fixRange(block, ctx.document.source, start, end, k);
      ctx.report({
        messageId: count === 2 ? 'doubled' : 'repeated',
        data: { text: text.slice(start, end), word: unit, count },
        start: from,
        end: to,
        ...(fix ? { fix: { ...fix, text: '' } } : {}),
      });
    }
    next = end;
  }
}

/** the lengths of the built-in allowlist's entries, ascending: the same for every document */
let builtinLengths: number[] | null = null;

function lengthsOf(allowed: Set<string>): number[] {
  return [...new Set([...allowed].map((w) => w.length))].sort((x, y) => x - y);
}

export function check(ctx: Context): void {
  const { document, options } = ctx;
  const builtin = builtinAllowlist();
  const user = new Set((options.allow ?? []).filter((w) => w.length >= 2));
  const allowed = user.size ? new Set([...builtin, ...user]) : builtin;
  const c: Checker = {
    allowed,
    user,
    lengths: allowed === builtin ? (builtinLengths ??= lengthsOf(builtin)) : lengthsOf(allowed),
    reportTentative: options.reportTentativeVerbs === true,
  };
  // An inline heading and its paragraph may share text: report each place once.
  const seen = new Set<string>();
  const blocks: Array<TextBlock | null | undefined> = [
    document.title,
    ...document.allSections.map((s) => s.heading),
    ...document.paragraphs,
    document.signature?.issuer,
  ];
  for (const block of blocks) if (block) checkBlock(ctx, c, block, seen);
}

export default defineRule({ meta, check });

import { readFileSync } from 'node:fs';
import type { TextBlock } from '../document/model.js';
import { contiguousSourceRange, sourceOffset } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';
import { packageFile } from '../paths.js';
import { lookup, segment } from '../document/dictionary.js';
import { withoutInvisible } from '../document/invisible.js';
import { isHanAt } from '../document/text.js';

/**
 * repeated-word: a word written twice in a row ("提升提升", "分类分类", "的的", "推进法治政府建设推进法治政府建设").
 *
 * Chinese is full of legitimate doubled characters (层层, 方方面面, 研究研究) and of two
 * different words that merely meet at a shared character (学习|习近平, 构建|共建|共治). So:
 *   1. a cheap scan finds every place where a run of k Han characters (k = 1..40) is
 *      immediately repeated, reading through invisible characters (提升\u200B提升);
 *   2. only those places are segmented, in a small window, over jieba's dictionary
 *      (src/document/dictionary.ts, read lazily from the file), to see whether the copies really are
 *      words at that place;
 *   3. a model of reduplication decides the rest: a dictionary word holding the copies (层层,
 *      和和美美, 行行出状元), AABB, 一A一A, the tentative ABAB of an activity verb (研究研究, 拍打拍打);
 *      single characters that never double (在 向 把 被 对 和 的 …, by their part of speech) are slips.
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

/** the longest unit looked for: copy-paste doubles whole phrases */
const MAX_UNIT = 40;
/** characters of context on each side of a place given to the segmenter */
const WINDOW = 10;
const HAN = /^\p{Script=Han}+$/u;
/** A doubled numeral is a number (二〇〇八, 十五五, 一一), never a typo we can call. */
const NUMERALS = new Set('〇零一二三四五六七八九十百千万亿');
/**
 * Parts of speech (jieba's tags) of the single characters that never reduplicate: prepositions
 * (在 向 把 被 对 与 从 为), conjunctions (和 及 并 而 或), particles (的 了), adverbs (将 也 都
 * 就 又) and the plural suffix 们. The dictionary's own words cover the legitimate forms that
 * contain them (的的确确, 目的|的, 为了|了解, 现在|在, 与会, 在建, 对口, 把关).
 */
const FUNCTION_TAGS = /^(?:p|c|u[a-z]*|d|k)$/;
/** 是 is a verb to the dictionary, but doubled it is always a slip (但是|是否 is two words) */
const FUNCTION_CHARS = new Set('是');
/**
 * The last morpheme of a resultative or directional compound verb (提升, 加强, 推进, 推动, 开展,
 * 深化, 完善, 落实, 健全, 建立, 提出, 纳入, 做到, 完成 …). These name a change of state, which
 * cannot be done "a little": they have no tentative form, so ABAB of them is a slip. The
 * activity verbs that have one (研究研究, 拍打拍打, 商量商量, 梳理梳理) end otherwise.
 */
const RESULT_MORPHEMES = new Set('高升强大小长短多少低动进展化善实全深明清好成出入到上下起开定立严广新优足紧牢稳倒破败死掉走回过来去完见懂透满齐正准通快慢宽细净够住遍坏错醒减降');
/**
 * Adverbs that rule out the tentative reading of an ABAB verb ("do a little"): after them the
 * second copy is a slip (进一步梳理梳理, 持续推进推进).
 */
const NOT_TENTATIVE_BEFORE = ['进一步', '不断', '持续', '全面', '深入', '大力', '积极', '切实', '着力', '加快', '扎实', '稳步', '逐步', '全力', '努力', '坚决', '严格', '依法', '广泛', '有效', '充分', '统筹', '一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是'];
/** verbs (jieba's v, vn) */
const VERB_TAGS = /^(?:v|vn)$/;
/**
 * Activity verbs that jieba's dictionary tags otherwise (商量 n, 总结 n, 交流 n, 比较 d …): their
 * ABAB is the same tentative form as 研究研究 (再商量商量, 交流交流经验).
 */
const ACTIVITY_VERBS_TAGGED_OTHERWISE = new Set(['商量', '整理', '总结', '交流', '比划', '商议', '议论', '清点', '体验', '汇报', '比较', '散步', '聊天']);
/** adverbs (jieba's d, ad): an adverb written twice is a slip, whatever the next word (切实切实加强) */
const ADVERB_TAGS = /^(?:d|ad)$/;
/** nouns (jieba's n, nz, vn …): 小微企业|企业所得税 may be two compounds that meet */
const NOUN_TAGS = /^n/;
/** what may stand before a noun inside one compound: nouns, adjectives, distinguishing words */
const MODIFIER_TAGS = /^(?:n|a|b)/;
/** ABAB of these state adjectives is vivid description, not a slip (雪白雪白) */
const STATE_ADJECTIVES = new Set(['雪白', '通红', '笔直', '冰凉', '火热', '碧绿', '漆黑', '湛蓝', '金黄', '蜡黄', '滚烫', '冰冷']);
const OPEN_QUOTES = new Set('《“「『〈');
const CLOSE_QUOTES = new Set('》”」』〉');
/** Markdown inline syntax that would be left empty if the text it wraps were removed. */
const MARKUP_OPEN = new Set('*_~`[');
const MARKUP_CLOSE = new Set('*_~`]');

let allowlist: Set<string> | null = null;

/** The built-in allowlist (forms jieba's dictionary lacks), read on first use and kept for the process. */
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

interface Word {
  start: number;
  end: number;
}

/**
 * The words of a text around the places asked about, as jieba's dictionary cuts them (see
 * src/document/dictionary.ts). Each question segments the run of Han characters around the index,
 * WINDOW characters either side at most; a character that is not Han is no word (undefined).
 */
class Words {
  private readonly windows: Array<{ from: number; to: number; trustFrom: number; trustTo: number; starts: number[] }> = [];
  constructor(private readonly text: string) {}

  at(i: number): Word | undefined {
    const text = this.text;
    if (i < 0 || i >= text.length || !isHanAt(text, i)) return undefined;
    let w = this.windows.find((x) => i >= x.trustFrom && i < x.trustTo);
    if (!w) {
      let from = i;
      while (from > 0 && i - from < WINDOW && isHanAt(text, from - 1)) from--;
      let to = i + 1;
      while (to < text.length && to - i <= WINDOW && isHanAt(text, to)) to++;
      const cutFrom = from > 0 && isHanAt(text, from - 1);
      const cutTo = to < text.length && isHanAt(text, to);
      const starts = segment(text.slice(from, to)).map((s) => s + from);
      w = { from, to, trustFrom: cutFrom ? Math.min(i, from + 4) : from, trustTo: cutTo ? Math.max(i + 1, to - 4) : to, starts };
      this.windows.push(w);
    }
    let k = 0;
    while (w.starts[k + 1]! <= i) k++;
    return { start: w.starts[k]!, end: w.starts[k + 1]! };
  }

  /** whether a word starts at i (the end of a run of Han characters counts) */
  startsAt(i: number): boolean {
    const word = this.at(i);
    if (word) return word.start === i;
    const prev = this.at(i - 1);
    return !prev || prev.end === i;
  }
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
 * Whether an allowlist entry explains text[start, end) at this place: the doubled text itself
 * or a longer listed form around it (AA inside 桩桩件件).
 */
function isAllowed(c: Checker, text: string, start: number, end: number): boolean {
  for (const len of c.lengths) {
    if (len < end - start) continue;
    for (let s = Math.max(0, end - len); s <= start; s++) if (c.allowed.has(text.slice(s, s + len))) return true;
  }
  return false;
}

/** whether a single character never reduplicates */
function isFunctionChar(ch: string): boolean {
  if (FUNCTION_CHARS.has(ch)) return true;
  const entry = lookup(ch);
  return entry !== null && FUNCTION_TAGS.test(entry.tag);
}

/** AABB with this AA at [a, a + 2): 和和美美, 干干净净, 明明白白 when AB is a word; or the BB of it */
function isAABB(text: string, a: number): boolean {
  const A = text[a]!;
  if (text[a + 2] !== undefined && text[a + 2] === text[a + 3] && text[a + 2] !== A && lookup(A + text[a + 2]) !== null) return true;
  if (a >= 2 && text[a - 2] === text[a - 1] && text[a - 1] !== A && lookup(text[a - 1] + A) !== null) return true;
  return false;
}

/**
 * AA (or AAA…) at text[a, b): narrow the run by the copies that belong to a neighbouring word,
 * then decide. Returns the doubled span to report, or null.
 */
function checkSingle(c: Checker, text: string, a: number, b: number): [number, number] | null {
  const ch = text[a]!;
  if (NUMERALS.has(ch)) return null;
  if (b - a === 2 && isAllowed(c, text, a, b)) return null;
  const words = new Words(text);
  const a0 = a;
  const b0 = b;
  // 学习|习近平, 人民|民主, 现在|在, 目的|的: the first copy is the end of the word before
  while (a < b && words.at(a)!.start < a) a++;
  // 年|年底, 为了|了解, 与|与会, 将|将来: the last copy starts the word after
  while (b > a && words.at(b - 1)!.end > b) b--;
  const func = isFunctionChar(ch);
  if (b - a < 2) {
    // 学习|习|习近平: a copy of its own between two words that hold the others is a stray copy
    if (b - a === 1 && a > a0 && b < b0 && !func && words.at(a)!.end === a + 1) return [a, a + 2];
    return null;
  }
  // a word of the dictionary holds two copies: 层层, 行行出状元, 和和美美, 的的确确, 把把关
  for (let i = a; i < b; i++) {
    const w = words.at(i)!;
    if (w.end - w.start > 1) return null;
  }
  if (b - a === 2 && (isAllowed(c, text, a, b) || isAABB(text, a))) return null;
  if (func) return [a, b];
  if (b - a === 2) {
    if (insideQuotes(text, a)) return null;
    // Unknown words fall apart into single characters (排|查|查|处), and many nouns and
    // classifiers double to mean "every" (周周, 村村): a content character is reported only
    // when known words stand on both sides.
    const clear = (w: Word | undefined) => !w || w.end - w.start > 1;
    if (!clear(words.at(a - 1)) || !clear(words.at(b))) return null;
  }
  return [a, b];
}

/**
 * Whether the copies at text[start, end) can be the head of one compound and the start of the
 * next: a modifier comes before (技术 of 高新技术企业, a noun or an adjective, or a content
 * character the dictionary joins to nothing, 微 of 小微企业) and a noun follows (所得税).
 */
function compoundsMeet(words: Words, text: string, start: number, end: number): boolean {
  const before = words.at(start - 1);
  const after = words.at(end);
  if (!before || !after) return false;
  const modifier = text.slice(before.start, before.end);
  if (modifier.length === 1 ? isFunctionChar(modifier) : !MODIFIER_TAGS.test(lookup(modifier)?.tag ?? '')) return false;
  const next = lookup(text.slice(after.start, after.end));
  return next !== null && NOUN_TAGS.test(next.tag);
}

/** ABAB, ABCABC…: r copies of `unit` from `start`. Returns whether to report. */
function checkUnit(c: Checker, text: string, start: number, unit: string, r: number): boolean {
  if ([...unit].every((ch) => NUMERALS.has(ch))) return false; // 二〇二〇
  if (isNumeralClassifier(unit)) return false; // 一步一步
  const k = unit.length;
  const end = start + k * r;
  if (r === 2 && isAllowed(c, text, start, end)) return false;
  // Each copy must be whole words at this place: 构建|共建|共治 is not 建共 twice, nor
  // 是不是|不需要 是不, nor 规范|规范性文件 规范 twice; only the first may end a longer word. Long phrases are a copy-paste slip
  // whatever their cuts; the ends of a long run are enough.
  const entry = k === 2 ? lookup(unit) : null;
  if (k <= 3) {
    const words = new Words(text);
    const places = r <= 3 ? Array.from({ length: r + 1 }, (_, j) => start + j * k) : [start, start + k, end - k, end];
    // 切实|切实加强: the last copy of an adverb may begin a longer word; an adverb never doubles
    const adverbInto = r === 2 && entry !== null && ADVERB_TAGS.test(entry.tag) && words.startsAt(start + k) && words.at(start + k)!.end > end;
    if (!adverbInto && !places.slice(1).every((i) => words.startsAt(i))) return false;
    // 年度报告|报告: the first copy may end a longer word when the others are words of their own
    if (!words.startsAt(start) && words.at(start)!.end !== start + k) return false;
    // 小微企业|企业所得税: a noun that ends one compound (after a modifier that is no word on its
    // own) and begins the next (before a noun) is two compounds meeting, not a slip; after a
    // verb or a word of its own (推动企业企业发展, 年度报告报告指出) it is one
    if (r === 2 && entry !== null && NOUN_TAGS.test(entry.tag) && compoundsMeet(words, text, start, end)) return false;
  }
  if (r > 2 || k !== 2) return true;
  // ABAB: a verb's tentative form (研究研究, 拍打拍打) or a state adjective's vivid form
  if (STATE_ADJECTIVES.has(unit)) return false;
  const verb = entry !== null && (VERB_TAGS.test(entry.tag) || ACTIVITY_VERBS_TAGGED_OTHERWISE.has(unit));
  const tentative = verb && !RESULT_MORPHEMES.has(unit[1]!)
    && !NOT_TENTATIVE_BEFORE.some((w) => text.startsWith(w, start - w.length));
  if (!tentative) return true;
  return c.reportTentative && !c.user.has(unit + unit);
}

/** The text range to delete so one copy is left, avoiding Markdown syntax and empty markup. */
function fixRange(block: TextBlock, source: string, index: (i: number) => number, start: number, end: number, k: number) {
  for (const [i, j] of [
    [start + k, end], // the later copies
    [start, end - k], // or the earlier ones
  ] as const) {
    const range = contiguousSourceRange(block, index(i), index(j - 1) + 1);
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
 * doubledRuns' previous occurrence of the character at each index, reused across texts: only
 * indices below q, written in the same call, are read, so it is never cleared. A new typed array
 * per block cost more than the scan itself (its memory is allocated outside V8's heap).
 */
let previousOf = new Int32Array(1024);

/**
 * The places where a run of k Han characters (k = 1..MAX_UNIT) is immediately repeated, each the
 * start of a maximal run (提升提升提升 is one place), as p * 64 + k in ascending order: the order
 * in which checkBlock tries them. A repeat at p needs text[p] === text[p + k]: for each position q,
 * the earlier positions p of its character within MAX_UNIT are followed through a chain of
 * previous occurrences, so most positions cost one table look-up.
 */
function doubledRuns(text: string): number[] {
  const n = text.length;
  if (lastSeenBase > 1e9) {
    lastSeen.fill(0);
    lastSeenBase = 1;
  }
  const base = lastSeenBase;
  lastSeenBase += n + 1;
  if (previousOf.length < n) previousOf = new Int32Array(Math.max(n, 2 * previousOf.length));
  const found: number[] = [];
  for (let q = 0; q < n; q++) {
    const code = text.charCodeAt(q);
    const previous = lastSeen[code]! - base;
    lastSeen[code] = base + q;
    previousOf[q] = previous;
    // a unit starting with a BMP character that is not Han (，。 digits) is never a Han word: most
    // repeated characters are punctuation, whose chains of earlier occurrences need no walk
    if (previous < 0 || (!isHanAt(text, q) && (code < 0xd800 || code > 0xdfff))) continue;
    for (let p = previous; p >= 0 && q - p <= MAX_UNIT; p = previousOf[p]!) {
      const k = q - p;
      if (p + 2 * k > n) continue;
      // text[p, q) === text[q, q + k), compared without slicing: most fail at once
      let i = 1;
      while (i < k && text.charCodeAt(p + i) === text.charCodeAt(q + i)) i++;
      if (i < k) continue;
      const unit = text.slice(p, q);
      if (!HAN.test(unit)) continue;
      if (p >= k && text.startsWith(unit, p - k)) continue; // not the start of the run
      found.push(p * 64 + k);
    }
  }
  return found.sort((x, y) => x - y);
}

function checkBlock(ctx: Context, c: Checker, block: TextBlock, seen: Set<string>): void {
  // a double split by an invisible character (提升\u200B提升) is a double: read through them
  const visible = withoutInvisible(block.text);
  const text = visible ? visible.text : block.text;
  const index = visible ? (i: number) => visible.index[i]! : (i: number) => i;
  // places before this one were part of a run already reported
  let next = 0;
  for (const place of doubledRuns(text)) {
    const p = Math.floor(place / 64);
    const k = place % 64;
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
    const from = sourceOffset(block, index(start));
    const to = sourceOffset(block, index(end - 1)) + 1;
    const key = `${from}:${to}`;
    if (!seen.has(key)) {
      seen.add(key);
      const fix = fixRange(block, ctx.document.source, index, start, end, k);
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

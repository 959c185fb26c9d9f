import type { TextBlock } from '../document/model.js';
import { factsOf, nonRoundApproximation } from '../document/facts/index.js';
import { toChineseNumber } from '../document/parse/chinese-numerals.js';
import { FIXED_NUMERAL_NAMES, UNITS } from '../document/facts/figures.js';
import { contiguousSourceRange, sourceEndOffset, sourceOffset } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type MessageIdsOf, type OptionsOf, type Report } from '../rule.js';

/**
 * number-usage: GB/T 15835-2011《出版物上数字用法》 as it bites in annual reports.
 *
 *   党的20大, 20届3中全会, “14五”, “8五”普法, 第1责任人 → Chinese numerals (fixed expressions)
 *   15~30%, 9~16亿, 5-20万元                        → 15%~30%, 9亿~16亿, 5万元～20万元 (a hyphen becomes ～)
 *   扶持3-5有实力的企业                              → a range without its measure word (no fix)
 *   3个亿                                            → 3亿元 (spoken usage; not inside quotes)
 *   (2021-2025年), （2014-2020）                      → (2021—2025年), （2014—2020）
 *   08年, 24年3月                                   → the full year (no fix: the century is a guess)
 *   39余件 (option)                                  → 余/多 only after a round number
 *   1,200 … 3340                                     → one thousands style per report
 *
 * Every check reads the title, the headings (after their ordinal) and the body paragraphs;
 * names in quotes are read too, since “十四五” is exactly where the numerals go wrong.
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;
type MessageId = MessageIdsOf<typeof meta>;

export const meta = defineMeta({
  id: 'number-usage',
  description: {
    zh: '数字用法（GB/T 15835）：固定用语用汉字数字、数值范围两端带单位、年份起止用一字线、年份不简写、千位分节统一',
    en: 'Number usage (GB/T 15835): Chinese numerals in fixed expressions, units on both ends of a range, year spans with 一字线, full years, one thousands style',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: true,
  options: {
    fixedExpressions: {
      type: 'boolean',
      description: 'Report Arabic numerals in fixed expressions and names (党的20大, 20届3中全会, 14五, 8五普法, 第1责任人).',
    },
    rangeUnits: {
      enum: ['ambiguous', 'always', 'off'],
      description: "Ranges whose first number lacks the unit: 'ambiguous' reports %, 万 and 亿 (15~30%, 13~17万元), 'always' any unit (3~5年), 'off' none.",
    },
    colloquial: {
      type: 'boolean',
      description: 'Report spoken forms of figures (3个亿 → 3亿元) outside quotes.',
    },
    yearSpans: {
      type: 'boolean',
      description: 'Report year spans joined by a hyphen (2021-2025年): they take the 一字线 (2021—2025年).',
    },
    shortYears: {
      type: 'boolean',
      description: 'Report two-digit years (08年, 24年3月, 23年度).',
    },
    approximateNonRound: {
      type: 'boolean',
      description: 'Report 余/多 after an exact, non-round number (39余件). Off by default: figure-consistency reports it.',
    },
    thousandsSeparator: {
      enum: ['consistent', 'comma', 'none', 'off'],
      description: "Thousands separators in numbers of 1000 and more: 'consistent' (one style per report), 'comma' (always 1,200), 'none' (never), 'off'.",
    },
  },
  defaultOptions: {
    fixedExpressions: true,
    rangeUnits: 'ambiguous',
    colloquial: true,
    yearSpans: true,
    shortYears: true,
    approximateNonRound: false,
    thousandsSeparator: 'consistent',
  },
  messages: {
    fixedName: {
      zh: '「{{text}}」是固定用语，其中的数字应使用汉字：「{{right}}」（GB/T 15835）',
      en: '"{{text}}" is a fixed expression: its numbers are written in Chinese numerals, "{{right}}" (GB/T 15835)',
    },
    rangeUnit: {
      zh: '数值范围「{{text}}」的前一个数值省略了「{{unit}}」，易生歧义，应为「{{right}}」（GB/T 15835）',
      en: 'The range "{{text}}" drops "{{unit}}" from its first number, which is ambiguous: write "{{right}}" (GB/T 15835)',
    },
    rangeMeasure: {
      zh: '数值范围「{{text}}」后缺少量词（「{{context}}……」），应补上量词，如「家」「个」「项」',
      en: 'The range "{{text}}" has no measure word ("{{context}}…"): add one, e.g. 家, 个, 项',
    },
    colloquialFigure: {
      zh: '「{{text}}」是口语说法，公文中应写作「{{right}}」（GB/T 15835）',
      en: '"{{text}}" is spoken usage: an official report writes "{{right}}" (GB/T 15835)',
    },
    yearSpan: {
      zh: '年份起止「{{text}}」应使用一字线「—」：「{{right}}」',
      en: 'The year span "{{text}}" takes the 一字线 "—": "{{right}}"',
    },
    shortYear: {
      zh: '年份「{{text}}」不应简写，应写全四位年份（GB/T 15835）',
      en: 'The year "{{text}}" is shortened: write all four digits (GB/T 15835)',
    },
    approximateNonRound: {
      zh: '「{{text}}」：「{{marker}}」表示概数，只用在整十、整百等约数之后；确数应直接写出，如「{{exact}}」',
      en: '"{{text}}": "{{marker}}" marks an approximation and follows round numbers only; write the exact number, e.g. "{{exact}}"',
    },
    thousandsMixedGrouped: {
      zh: '千位分节写法不统一：「{{text}}」等{{count}}处使用了千位分节号，而全文另有{{otherCount}}处不用（如「{{other}}」），应统一',
      en: 'Thousands separators are mixed: "{{text}}" and {{count}} in all use separators, while {{otherCount}} numbers do not (e.g. "{{other}}"); use one style',
    },
    thousandsMixedPlain: {
      zh: '千位分节写法不统一：「{{text}}」等{{count}}处未用千位分节号，而全文另有{{otherCount}}处使用（如「{{other}}」），应统一',
      en: 'Thousands separators are mixed: "{{text}}" and {{count}} in all use no separators, while {{otherCount}} numbers do (e.g. "{{other}}"); use one style',
    },
    thousandsComma: {
      zh: '「{{text}}」应使用千位分节号：「{{right}}」',
      en: '"{{text}}" takes thousands separators: "{{right}}"',
    },
    thousandsNone: {
      zh: '「{{text}}」不应使用千位分节号：「{{right}}」',
      en: '"{{text}}" takes no thousands separators: "{{right}}"',
    },
  },
  tags: ['numbers', 'gb-t-15835'],
});

// --- numerals ------------------------------------------------------------------------------

const CN_DIGITS = '〇一二三四五六七八九';
const CN_ANY = '[一二三四五六七八九十]+';
const NUM = `(?:\\d+|${CN_ANY})`;

const toChinese = (s: string): string => s.replace(/\d+/g, (d) => toChineseNumber(Number(d)));
const HAS_DIGIT = /\d/;

// --- fixed expressions ----------------------------------------------------------------------

interface FixedPattern {
  re: RegExp;
  /** text the pattern cannot match without (most blocks lack it: the regex is not run then) */
  hint?: string;
  /** the corrected text of a match */
  right: (m: RegExpExecArray) => string;
}

const BODIES = '全国人大常委会|全国人大|全国人民代表大会|全国政协|中央委员会|中央纪委|中纪委|中央|[省市区县州旗镇]委|[省市区县]人大(?:常委会)?|[省市区县]政协|人大常委会|人大|政协|党代会';
/** Names from facts/figures.ts that may be written with Arabic digits by mistake; counts and grades left out. */
const NAME_EXCLUDED = new Set(['三级医院', '二级医院', '三甲医院', '二甲医院', '三年行动', '两非', '两新', '两高', '第一议题', '第一责任人']);
const DIGIT_OF: Readonly<Record<string, string>> = { 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

function nameVariants(): FixedPattern[] {
  // 两个维护, 四个意识 …: the explicit pattern below, which knows the words that may follow (四个意识形态阵地)
  const names = FIXED_NUMERAL_NAMES.filter((n) => !NAME_EXCLUDED.has(n) && !/^.个/.test(n) && [...n].some((c) => DIGIT_OF[c]));
  // each numeral may be written either way; a match must hold at least one Arabic digit
  const alternatives = [...names].sort((a, b) => b.length - a.length).map((n) =>
    [...n].map((c) => (DIGIT_OF[c] ? `[${c}${DIGIT_OF[c]}]` : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join(''));
  const byForm = new Map<string, string>();
  const re = new RegExp(`(?<![\\d.])(?:${alternatives.join('|')})(?![\\d.])`, 'g');
  return [{
    re,
    right: (m) => {
      let name = byForm.get(m[0]);
      if (name === undefined) {
        name = names.find((n) => n.length === m[0].length && [...n].every((c, i) => c === m[0][i] || DIGIT_OF[c] === m[0][i])) ?? m[0];
        byForm.set(m[0], name);
      }
      return name;
    },
  }];
}

const FIXED: FixedPattern[] = [
  // 党的20大, 党的第20次全国代表大会
  { re: /党的(\d+)大/g, hint: '党的', right: (m) => `党的${toChineseNumber(Number(m[1]))}大` },
  { re: /党的第(\d+)次全国代表大会/g, hint: '全国代表大会', right: (m) => `党的第${toChineseNumber(Number(m[1]))}次全国代表大会` },
  // 20届3中全会, 二十届3中全会, 20届中央委员会第3次全体会议
  // (a series after one 届: 19届5中、6中全会)
  { re: new RegExp(`(?<![\\d.])${NUM}届(?:中央委员会|中央|中共中央)?${NUM}中(?:[、和及与]${NUM}中)*全会`, 'g'), hint: '中全会', right: (m) => toChinese(m[0]) },
  { re: new RegExp(`(?<![\\d.])${NUM}届(?:${BODIES})?第?${NUM}次(?:全体)?会议`, 'g'), hint: '届', right: (m) => toChinese(m[0]) },
  { re: new RegExp(`(?:${BODIES})第?(\\d+)次(?:全体)?会议`, 'g'), hint: '会议', right: (m) => toChinese(m[0]) },
  // “14五”, 14五规划; “8五”普法
  { re: /(?<![\d.])(1\d)五(?=[”"’」]|规划|时期|期间|末|初|开局|收官|以来|发展|建设|[，。、；,;）)\s]|$)/g, hint: '五', right: (m) => `十${CN_DIGITS[Number(m[1]) % 10]}五` },
  { re: /(?<![\d.])([1-9])五(?=[”"’」]?普法)/g, hint: '普法', right: (m) => `${CN_DIGITS[Number(m[1])]}五` },
  // 第1责任人, 第1议题, 第1时间
  { re: /第1(责任人|议题|时间|书记|要务|动力|资源|生产力|现场)/g, hint: '第1', right: (m) => `第一${m[1]}` },
  // 行政执法3项制度
  { re: /(执法[“"]?)3项制度/g, hint: '3项制度', right: (m) => `${m[1]}三项制度` },
  // 2个维护, 4个意识
  { re: /(?<![\d.])(?:4个(?:意识(?!形态)|自信|全面(?![推提加落发]))|2个(?:维护|确立|结合|毫不动摇|责任(?![单人区主清书制]))|3个务必)/g, hint: '个', right: (m) => m[0].replace(/\d/, (d) => (d === '2' ? '两' : CN_DIGITS[Number(d)]!)) },
  ...nameVariants(),
];

// --- ranges ----------------------------------------------------------------------------------

const UNITS_BY_LENGTH = [...UNITS].sort((a, b) => b.length - a.length);
const RANGE = /(?<![\d.A-Za-z/:：_#－\-])(?<!\d[,，])(\d+(?:\.\d+)?)(\s*[~～〜\-–—－至到]\s*)(\d+(?:\.\d+)?)(%|％|‰|万亿|万|亿)?/g;
/** a connector between digits that RANGE needs */
const RANGE_HINT = /\d\s*[~～〜\-–—－至到]\s*\d/;
const YEARISH = (s: string) => /^(?:19|20|21)\d{2}$/.test(s);

/** The unit written after the second number of a range, from `at`: 万元, 亿, 人次, 年 … ('' when none). */
function unitAt(text: string, at: number, magnitude: string): string {
  for (const u of UNITS_BY_LENGTH) if (text.startsWith(u, at)) return magnitude + u;
  return magnitude;
}

/** GB/T 15834/15835: a numeric range takes the 浪纹线 ～ (~, —, 至, 到 are kept as written); a hyphen becomes ～ */
function rangeConnector(conn: string): string {
  return /^\s*[\-–－‐‑−]\s*$/.test(conn) ? '～' : conn;
}

/** a range of two bare numbers right before a Chinese character (扶持3-5有实力的企业) */
const BARE_RANGE = /(?<![\d.,，A-Za-z/:：_#－\-–~～第])(\d{1,4})\s*[~～〜\-–－至到]\s*(\d{1,4})(?=[\u4e00-\u9fff])/g;
const BARE_RANGE_HINT = /\d\s*[~～〜\-–－至到]\s*\d{1,4}[\u4e00-\u9fff]/;
/**
 * What may follow the second number of a range: measure words and units (家 个 年 月 人 公里 …),
 * magnitudes (万 亿 千), and words that end a range (左右 以上 之间). Anything else (有 具 优 …) begins
 * the noun, and the range has lost its measure word: 扶持3-5有实力的企业 (3-5家).
 */
const AFTER_RANGE = new Set([
  ...'个件宗份次家人名位项条款部篇本册期场批起例张封间所座栋幢台辆套处户支类门节堂轮组种块幅枚段首天日周年月岁倍亩吨米克升元分秒时'.split(''),
  ...'级层楼号点成折星线寸斤两代度季旬载届环圈档版页字句卷集笔单票手口员班队艘架副把根颗棵株头匹只尾双对片滴瓶杯碗箱包袋桶尺丈里码厘毫兆瓦伏赫顷磅胎孩床盘声步顿遍回趟番科室区路列排行格栏样色等'.split(''),
  ...'十百千万亿'.split(''),
  ...'公平立英摄小工学课人美港欧海微纳吉'.split(''),
  ...'左以之余多内间前后至到'.split(''),
]);

/** 3个亿, 一个多亿: spoken forms of a sum of money */
const COLLOQUIAL = /(?<![\d.])(\d+(?:\.\d+)?|[一两二三四五六七八九十几]+)个(多)?亿(元)?(?!元?级)/g;
const CN_SIMPLE: Readonly<Record<string, string>> = { 一: '1', 两: '2', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9', 十: '10' };
/** a unit after 个亿 that is not money (3个亿人次, 1个亿立方米): the amount is not 元 */
const NOT_MONEY_AFTER = /^[人吨斤方立千度美港欧平亩公字次户件条只头台辆]/;

// --- years -----------------------------------------------------------------------------------

const DASHES = '-–－‐‑−';
const YEAR_SPAN = new RegExp(`(?<![\\d.A-Za-z/_${DASHES}])((?:19|20|21)\\d{2})(年?)([${DASHES}])((?:19|20|21)\\d{2})(?=年)`, 'g');
/** a span of years without 年 in brackets, as in a plan's title: （2014-2020）, (2021-2025) */
const BARE_YEAR_SPAN = new RegExp(`(?<=[（(])((?:19|20|21)\\d{2})([${DASHES}])((?:19|20|21)\\d{2})(?=[）)])`, 'g');
const YEAR_SPAN_HINT = new RegExp(`\\d年?[${DASHES}]\\d`);
const SHORT_YEAR = /(?<![\d.:：\-/A-Za-z_])([’'‘]?)(\d{2})年(?=\d{1,2}月|度|底|末|初|上半年|下半年|第?[一二三四1-4]季度)|(?<![\d.:：\-/A-Za-z_])([’'‘]?)(0\d)年(?!级)/g;
/** before a two-digit number these make it a length of time (连续10年度, 近20年底) */
const DURATION_BEFORE = /(?:连续|近|满|每|第|共|计|超|逾|达|约|前|后|最近)$/;

// --- thousands -------------------------------------------------------------------------------

const GROUPED = /^\d{1,3}(?:[,，]\d{3})+/;
const PLAIN = /^\d{4,}/;
const groupDigits = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 1 at the indices inside “…” ‘…” 「…」 『…』 "…": quoted speech and names keep their words */
function quotedMask(text: string): Uint8Array {
  const mask = new Uint8Array(text.length + 1);
  let depth = 0;
  let ascii = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '“' || c === '「' || c === '『' || c === '‘') depth++;
    else if ((c === '”' || c === '」' || c === '』' || c === '’') && depth > 0) depth--;
    else if (c === '"') ascii = !ascii;
    mask[i] = depth > 0 || ascii ? 1 : 0;
  }
  return mask;
}

// --- the rule ----------------------------------------------------------------------------------

interface Found extends Report<MessageId> {
  order: number;
}

export function check(ctx: Context): void {
  const { document, options } = ctx;
  const source = document.source;
  const found: Found[] = [];
  const seen = new Set<string>();
  let order = 0;
  const push = (r: Report<MessageId>) => {
    const key = `${r.messageId}:${r.start}`;
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ ...r, order: order++ });
  };
  /** a finding over block text [i, j), replaced by `right` when that cannot touch Markdown syntax */
  const at = (block: TextBlock, i: number, j: number, right: string | null) => {
    const start = sourceOffset(block, i);
    const end = sourceEndOffset(block, j);
    const range = right === null ? null : contiguousSourceRange(block, i, j);
    return { start, end, ...(range && right !== null ? { fix: { ...range, text: right } } : {}) };
  };

  for (const fb of factsOf(document).blocks) {
    if (fb.where === 'signature') continue;
    const block = fb.block;
    const text = block.text;
    const from = fb.from;
    // every check below needs an Arabic digit in what it finds, but spoken figures (一个多亿)
    if (!HAS_DIGIT.test(text) && !text.includes('个')) continue;

    if (options.fixedExpressions !== false) {
      const taken: Array<[number, number]> = [];
      for (const p of FIXED) {
        if (p.hint !== undefined && !text.includes(p.hint)) continue;
        p.re.lastIndex = 0;
        for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
          if (m.index < from || !HAS_DIGIT.test(m[0])) continue;
          const s = m.index;
          const e = s + m[0].length;
          if (taken.some(([a, b]) => s < b && e > a)) continue;
          taken.push([s, e]);
          const right = p.right(m);
          if (right === m[0]) continue;
          push({ messageId: 'fixedName', data: { text: m[0], right }, ...at(block, s, e, right) });
        }
      }
    }

    if (options.rangeUnits !== 'off' && RANGE_HINT.test(text)) {
      RANGE.lastIndex = 0;
      for (let m = RANGE.exec(text); m; m = RANGE.exec(text)) {
        if (m.index < from) continue;
        const [, a, conn, b] = m as unknown as [string, string, string, string];
        const magnitude = m[4] ?? '';
        const s = m.index;
        let e = s + m[0].length;
        if (text[s - 1] === '第') continue;
        // the first number already has its own unit or magnitude: 15%~30% never reaches here; 3万~5万 neither
        let unit = '';
        if (magnitude === '%' || magnitude === '％' || magnitude === '‰') unit = magnitude;
        else if (magnitude) {
          unit = unitAt(text, e, magnitude);
          e += unit.length - magnitude.length;
        } else if (options.rangeUnits === 'always') {
          if (YEARISH(a) && YEARISH(b)) continue; // 2021-2025年: a year span
          unit = unitAt(text, e, '');
          if (unit === '日') continue; // 3至5日: days of a month
          e += unit.length;
        }
        if (!unit) continue;
        // 3-5号, 8:30-9:30: codes and times, not quantities
        if (/[号:：]/.test(text[e] ?? '')) continue;
        const right = `${a}${unit}${rangeConnector(conn)}${b}${unit}`;
        push({ messageId: 'rangeUnit', data: { text: text.slice(s, e), unit, right }, ...at(block, s, e, right) });
      }
    }

    if (options.rangeUnits !== 'off' && BARE_RANGE_HINT.test(text)) {
      BARE_RANGE.lastIndex = 0;
      for (let m = BARE_RANGE.exec(text); m; m = BARE_RANGE.exec(text)) {
        if (m.index < from) continue;
        const [, a, b] = m as unknown as [string, string, string];
        // (years and standard numbers: GB/T 9704-2012; codes with a leading zero; a code after a Latin name)
        if (YEARISH(a) || YEARISH(b) || a.startsWith('0') || Number(b) <= Number(a)) continue;
        if (/[A-Za-z]\s+$/.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
        const e = m.index + m[0].length;
        if (AFTER_RANGE.has(text[e]!)) continue;
        const next = /^[\u4e00-\u9fff]{1,3}/.exec(text.slice(e))![0];
        push({ messageId: 'rangeMeasure', data: { text: m[0], context: m[0] + next }, ...at(block, m.index, e, null) });
      }
    }

    if (options.colloquial !== false && text.includes('个') && text.includes('亿')) {
      const quoted = quotedMask(text);
      COLLOQUIAL.lastIndex = 0;
      for (let m = COLLOQUIAL.exec(text); m; m = COLLOQUIAL.exec(text)) {
        if (m.index < from || quoted[m.index] === 1) continue;
        const [whole, n, more, yuan] = m as unknown as [string, string, string | undefined, string | undefined];
        const s = m.index;
        const e = s + whole.length;
        const arabic = /^\d/.test(n);
        // the fix is certain for a plain sum written with digits: 3个亿 → 3亿元 (3个多亿, 几个亿 and other units are worded by hand)
        const money = yuan !== undefined || !NOT_MONEY_AFTER.test(text.slice(e));
        const right = arabic && !more && money ? `${n}亿元` : null;
        const digits = CN_SIMPLE[n] ?? n;
        push({ messageId: 'colloquialFigure', data: { text: whole, right: right ?? (more ? `${digits}亿多元` : n === '几' ? '数亿元' : `${digits}亿元`) }, ...at(block, s, e, right) });
      }
    }

    if (options.yearSpans !== false && YEAR_SPAN_HINT.test(text)) {
      YEAR_SPAN.lastIndex = 0;
      for (let m = YEAR_SPAN.exec(text); m; m = YEAR_SPAN.exec(text)) {
        if (m.index < from) continue;
        const [, y1, nian, , y2] = m as unknown as [string, string, string, string, string];
        if (Number(y2) <= Number(y1)) continue;
        const s = m.index;
        const e = s + m[0].length + 1; // through 年
        const right = `${y1}${nian}—${y2}年`;
        push({ messageId: 'yearSpan', data: { text: text.slice(s, e), right }, ...at(block, s, e, right) });
      }
      BARE_YEAR_SPAN.lastIndex = 0;
      for (let m = BARE_YEAR_SPAN.exec(text); m; m = BARE_YEAR_SPAN.exec(text)) {
        if (m.index < from) continue;
        const [, y1, , y2] = m as unknown as [string, string, string, string];
        if (Number(y2) <= Number(y1) || Number(y2) - Number(y1) > 50) continue;
        const s = m.index;
        const e = s + m[0].length;
        // only the dash is certain: whether 年 belongs in the name is the document's own title
        const right = `${y1}—${y2}`;
        push({ messageId: 'yearSpan', data: { text: m[0], right }, ...at(block, s, e, right) });
      }
    }

    if (options.shortYears !== false && text.includes('年')) {
      SHORT_YEAR.lastIndex = 0;
      for (let m = SHORT_YEAR.exec(text); m; m = SHORT_YEAR.exec(text)) {
        if (m.index < from) continue;
        if (m[2] !== undefined && !m[1] && DURATION_BEFORE.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
        const s = m.index;
        const e = s + m[0].length;
        push({ messageId: 'shortYear', data: { text: m[0] }, level: 'warn', ...at(block, s, e, null) });
      }
    }
  }

  const figures = factsOf(document).figures;

  if (options.approximateNonRound === true) {
    for (const f of figures) {
      const marker = nonRoundApproximation(f, source)?.marker;
      if (!marker) continue;
      push({
        messageId: 'approximateNonRound',
        data: { text: source.slice(f.start, f.end), marker, exact: f.raw.replace(marker, '') },
        level: 'warn',
        start: f.start,
        end: f.end,
      });
    }
  }

  const mode = options.thousandsSeparator ?? 'consistent';
  if (mode !== 'off') {
    interface Big { start: number; end: number; text: string; grouped: boolean }
    const bigs: Big[] = [];
    for (const f of figures) {
      if (f.form !== 'arabic') continue;
      const k = source.indexOf(f.numeral, f.start);
      if (k < 0 || k >= f.end) continue;
      const numeral = f.numeral;
      const grouped = GROUPED.exec(numeral);
      const plain = grouped ? null : PLAIN.exec(numeral);
      const digits = (grouped ?? plain)?.[0];
      if (!digits) continue;
      bigs.push({ start: k, end: k + digits.length, text: digits, grouped: grouped !== null });
    }
    const grouped = bigs.filter((b) => b.grouped);
    const plain = bigs.filter((b) => !b.grouped);
    if (mode === 'consistent' && grouped.length && plain.length) {
      // the minority is reported; on a tie, the style that appears second
      let minority = grouped.length < plain.length ? grouped : plain.length < grouped.length ? plain : null;
      if (!minority) minority = grouped[0]!.start > plain[0]!.start ? grouped : plain;
      const majority = minority === grouped ? plain : grouped;
      const first = minority[0]!;
      push({
        messageId: first.grouped ? 'thousandsMixedGrouped' : 'thousandsMixedPlain',
        data: { text: first.text, count: minority.length, otherCount: majority.length, other: majority[0]!.text },
        level: 'warn',
        start: first.start,
        end: first.end,
        related: minority.slice(1).map((b) => ({ start: b.start, end: b.end })),
      });
    } else if (mode === 'comma') {
      for (const b of plain) {
        const right = groupDigits(b.text);
        push({ messageId: 'thousandsComma', data: { text: b.text, right }, level: 'warn', start: b.start, end: b.end, fix: { start: b.start, end: b.end, text: right } });
      }
    } else if (mode === 'none') {
      for (const b of grouped) {
        const right = b.text.replace(/[,，]/g, '');
        push({ messageId: 'thousandsNone', data: { text: b.text, right }, level: 'warn', start: b.start, end: b.end, fix: { start: b.start, end: b.end, text: right } });
      }
    }
  }

  found.sort((x, y) => x.start - y.start || x.order - y.order);
  for (const { order: _order, ...r } of found) ctx.report(r);
}

export default defineRule({ meta, check });

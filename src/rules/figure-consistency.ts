import type { Figure } from '../document/facts/figures.js';
import { factsOf, OTHER_YEAR_HEADING } from '../document/facts/index.js';
import type { DocumentModel, Paragraph } from '../document/model.js';
import { textIndexOf } from '../document/position.js';
import type { Report, Rule, RuleContext, RuleMeta } from '../rule.js';

/**
 * figure-consistency: the figures of a report agree with each other (and with last year's report).
 *
 * Six checks, all on factsOf(document).figures (src/document/facts/figures.ts), each one switchable:
 *   partWhole           共N件，其中a件、b件 — a part above the whole, parts adding up to more than the
 *                       whole, parts said to be all of it (分别为) that do not add up, 占比 that the
 *                       part and the whole contradict;
 *   statedTwice         the same quantity (same clause wording, label and unit) stated with different
 *                       values in two places, reported at the second;
 *   shareOver100        a rate or share (…率, 占比, 比例) above 100% (changes such as 增长150% are not shares);
 *   rateFromCounts      a rate the report's own counts contradict (受理380件，办结372件，办结率99%);
 *   changeFromPrevious  with --previous: 较上年/同比/比{N-1}年 增长|减少 X% or X件 against last year's figure;
 *   approximateNonRound an exact, non-round number with 余/多 (39余件) — a warning.
 *
 * Precision first. Labels come from a heuristic extractor, so a figure takes part in a comparison
 * across sentences only when nothing suggests another scope: same unit, same label, same words
 * before the number once scope words (全年 全区 我局 共 …) are trimmed, exact (not 余/约/以上),
 * not a percentage, ending its clause, not in another year's sentence, the plan section or a
 * rectification/shortcomings section, not a part of an enumeration (其中, 分别), not a change (增加3件).
 * Within a sentence the relations are read from its wording: 其中 / 分别为 after a whole, a rate's
 * numerator and denominator from a small table of rate names (办结率 ← 办结 / 受理).
 */

export interface RateDefinition {
  /** the rate as written, ending in 率 (or any suffix of the label): 办结率, 出庭应诉率 */
  name: string;
  /** words in the clause of the count that is the numerator: 办结, 审结 */
  numerator: string[];
  /** words in the clause of the count that is the denominator: 受理, 收到 */
  denominator: string[];
}

export interface Checks {
  partWhole: boolean;
  statedTwice: boolean;
  shareOver100: boolean;
  rateFromCounts: boolean;
  changeFromPrevious: boolean;
  approximateNonRound: boolean;
}

export interface Options {
  /** percentage points allowed beyond the rounding of the number as written */
  tolerance: number;
  /** how many characters apart a rate and its counts may be (they must also share a sentence) */
  window: number;
  /** more rates for rateFromCounts (an entry with a built-in name replaces it) */
  rates: RateDefinition[];
  /** which checks run; a check left out keeps its default (on) */
  checks: Partial<Checks>;
}

const DEFAULT_CHECKS: Checks = {
  partWhole: true,
  statedTwice: true,
  shareOver100: true,
  rateFromCounts: true,
  changeFromPrevious: true,
  approximateNonRound: true,
};

export const meta: RuleMeta = {
  id: 'figure-consistency',
  description: {
    zh: '报告中的数字前后一致：部分不超过总数，同一数字前后相同，比率与数字相符，与上年比较相符',
    en: 'Figures agree: parts within their whole, one quantity one value, rates that match the counts, changes that match last year',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: false,
  schema: {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    additionalProperties: false,
    properties: {
      tolerance: {
        type: 'number',
        minimum: 0,
        maximum: 10,
        description: 'Percentage points allowed beyond the rounding of the figure as written.',
      },
      window: {
        type: 'integer',
        minimum: 10,
        maximum: 1000,
        description: 'Characters between a rate and the counts it is recomputed from (same sentence too).',
      },
      rates: {
        type: 'array',
        description: 'More rate names with the words of their numerator and denominator counts.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'numerator', 'denominator'],
          properties: {
            name: { type: 'string', minLength: 2 },
            numerator: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
            denominator: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          },
        },
      },
      checks: {
        type: 'object',
        additionalProperties: false,
        description: 'Turn single checks on or off.',
        properties: Object.fromEntries(Object.keys(DEFAULT_CHECKS).map((k) => [k, { type: 'boolean' }])),
      },
    },
  },
  defaultOptions: { tolerance: 0.1, window: 120, rates: [], checks: { ...DEFAULT_CHECKS } },
  messages: {
    partExceedsWhole: {
      zh: '部分大于总数：「{{part}}」大于前面的总数「{{whole}}」',
      en: 'A part exceeds its whole: "{{part}}" is more than the total "{{whole}}" before it',
    },
    partsExceedWhole: {
      zh: '各部分之和{{sum}}大于总数「{{whole}}」',
      en: 'The parts add up to {{sum}}, more than the total "{{whole}}"',
    },
    partsDoNotAddUp: {
      zh: '分别列出的各部分之和{{sum}}与总数「{{whole}}」不符',
      en: 'The parts listed (分别) add up to {{sum}}, not to the total "{{whole}}"',
    },
    shareMismatch: {
      zh: '占比「{{percent}}」与数字不符：{{part}}÷{{whole}}={{computed}}%',
      en: 'The share "{{percent}}" does not match the counts: {{part}} / {{whole}} = {{computed}}%',
    },
    statedTwice: {
      zh: '同一数字前后不一致：「{{label}}」此处为{{value}}，第{{line}}行为{{first}}',
      en: '"{{label}}" is {{value}} here but {{first}} on line {{line}}',
    },
    shareOver100: {
      zh: '比率或占比「{{raw}}」超过100%',
      en: 'The rate or share "{{raw}}" is above 100%',
    },
    rateMismatch: {
      zh: '「{{rate}}{{percent}}」与文中数字不符：{{numerator}}÷{{denominator}}={{computed}}%',
      en: '"{{rate}} {{percent}}" does not match the counts: {{numerator}} / {{denominator}} = {{computed}}%',
    },
    changeMismatch: {
      zh: '与上年报告不符：上年「{{label}}」为{{previous}}（上年报告第{{line}}行），本年为{{current}}，实际{{actual}}，文中为「{{claimed}}」',
      en: 'Does not match last year\'s report: "{{label}}" was {{previous}} (line {{line}} of last year\'s report) and is {{current}} now, a change of {{actual}}, but the text says "{{claimed}}"',
    },
    approximateNonRound: {
      zh: '「{{raw}}」：精确的非整数后不宜加「{{marker}}」，写确数（{{exact}}）或整数概数（如{{round}}）',
      en: '"{{raw}}": an exact, non-round number with "{{marker}}"; write the exact number ({{exact}}) or a round one ({{round}})',
    },
  },
  tags: ['figures', 'content'],
};

// --- the rate table ---------------------------------------------------------------------------

/** the words for accepting a case, most telling first (受理 wins over 收到 when both are there) */
const ACCEPT = ['受理', '收案', '立案', '新收', '登记', '收到', '接收'];

/** Built-in rates: the name, and the words of its numerator and denominator clauses. */
export const RATES: readonly RateDefinition[] = [
  { name: '办结率', numerator: ['办结', '结案', '审结', '办理完毕'], denominator: ACCEPT },
  { name: '按期办结率', numerator: ['按期办结', '按时办结', '如期办结'], denominator: ACCEPT },
  { name: '按时办结率', numerator: ['按期办结', '按时办结', '如期办结'], denominator: ACCEPT },
  { name: '结案率', numerator: ['结案', '审结', '办结'], denominator: ACCEPT },
  { name: '审结率', numerator: ['审结'], denominator: ACCEPT },
  { name: '出庭应诉率', numerator: ['出庭应诉', '出庭'], denominator: ['行政诉讼案件', '诉讼案件', '应诉案件', '开庭审理', '开庭', '应诉'] },
  { name: '出庭率', numerator: ['出庭应诉', '出庭'], denominator: ['行政诉讼案件', '诉讼案件', '应诉案件', '开庭审理', '开庭', '应诉'] },
  { name: '答复率', numerator: ['答复', '回复'], denominator: ACCEPT },
  { name: '回复率', numerator: ['答复', '回复'], denominator: ACCEPT },
  { name: '采纳率', numerator: ['采纳'], denominator: ['收到', '征集', '收集', '提出', '征求'] },
  { name: '调解成功率', numerator: ['调解成功', '成功调解', '达成调解协议', '达成协议'], denominator: ['调解', '受理'] },
  { name: '化解率', numerator: ['化解', '调解成功', '成功调解'], denominator: ['受理', '排查', '摸排', '收到', '登记'] },
  { name: '纠错率', numerator: ['纠错', '纠正'], denominator: ['审结', '办结', '结案'] },
  { name: '败诉率', numerator: ['败诉'], denominator: ['审结', '判决', '结案', '行政诉讼案件', '诉讼案件', '应诉案件', '应诉'] },
  { name: '合格率', numerator: ['合格'], denominator: ['参加', '参考', '参训', '评查', '抽查', '抽检', '检查', '考试', '考核'] },
  { name: '通过率', numerator: ['通过'], denominator: ['参加', '参考', '报名', '考试'] },
  { name: '整改率', numerator: ['整改'], denominator: ['发现', '反馈', '交办', '梳理', '查找', '查摆', '排查'] },
  { name: '满意率', numerator: ['满意'], denominator: ['回访', '调查', '测评', '评价', '走访'] },
  { name: '参学率', numerator: ['参学', '参加学习'], denominator: ['应参学', '应学'] },
  { name: '参训率', numerator: ['参训', '参加培训'], denominator: ['应参训', '应训'] },
  { name: '参考率', numerator: ['参考', '参加考试'], denominator: ['应参考', '应考'] },
];

// --- words ------------------------------------------------------------------------------------

/** Where a clause starts (looking back from a figure). */
const CLAUSE_STOP = new Uint8Array(0x10000);
for (const c of '，,。；;：:！？!?、（）()【】\n') CLAUSE_STOP[c.charCodeAt(0)] = 1;
/** What may follow a figure that ends its statement. */
const STATEMENT_END = '，,。；;、）)：:”」』】';
/** by char code: 1 for what may follow a figure that ends its statement, or 和 及 与 before a parallel one */
const STATEMENT_END_CODES = new Uint8Array(0x10000);
for (const c of STATEMENT_END + '和及与') STATEMENT_END_CODES[c.charCodeAt(0)] = 1;
/** Words trimmed at the start of a clause: scope, time, adverbs, 共. */
const LEAD_WORDS = [
  '全年度', '全年', '全区', '全市', '全县', '全省', '全镇', '全街道', '全局', '全系统', '全委', '全院', '本年度', '本年', '今年', '年内', '年度内', '当年',
  '我局', '本局', '我委', '本委', '我办', '本办', '我院', '本院', '我区', '我市', '我县', '本区', '本市', '本县', '辖区内', '辖区', '区内', '市内', '县内',
  '共计', '总共', '合计', '总计', '一共', '共', '依法', '先后', '已经', '已', '为', '达到', '达', '了', '对', '在', '全部', '同时', '此外', '另外', '并', '还', '又', '均',
  '进一步', '积极', '认真', '切实', '扎实', '及时', '全面', '深入', '主动', '不断', '持续', '高效', '有序', '严格', '稳妥', '妥善', '有效',
  '一是', '二是', '三是', '四是', '五是', '六是', '七是', '八是', '九是', '十是', '首先', '其次', '最后',
].sort((a, b) => b.length - a.length);
/** Words trimmed at the end of a clause, right before the number. */
const TRAIL_WORDS = ['共计', '合计', '总计', '总数', '数量', '总量', '累计', '共', '计', '达到', '达', '为', '了', '约', '有', '的', '是'].sort((a, b) => b.length - a.length);
/** Labels made only of these say too little to compare across the report. */
const GENERIC = ['专题', '集中', '培训', '会议', '活动', '检查', '宣传', '讲座', '学习', '工作', '次数', '人员', '人次', '案件', '事项', '问题', '文件', '材料', '意见', '建议', '单位', '企业', '机构', '对象', '场次', '课程', '专项', '日常', '现场', '线上', '线下', '其他', '其它', '合同', '数量', '总数'];
/** A clause with one of these is about another scope, a part, a cumulative or a change. */
const OTHER_SCOPE = /分别|其中|包括|累计|以来|至今|截至|截止|同比|环比|较上|比上|较去|比去|较\d|比\d|平均|人均|每[个家名次年月周日件]|单次|最多|最高|最低|最少|超过|不足|不到|不少于|不低于|以上|以下|同期|历年|近[三五十两]年/;
/** A figure right after these is a change, not a level: (增长|增加|…|减|增)了?(?:约|近)? at the end of a clause. */
const CHANGE_WORDS = ['增长', '增加', '上升', '提高', '提升', '增多', '下降', '减少', '降低', '回落', '下滑', '减', '增'];
/**
 * Whether a clause ends with a change word (增长了约, 减少, 增): read from the end, as a regex
 * anchored with $ would try a match at every position of the clause.
 */
function endsWithChange(clause: string): boolean {
  let end = clause.length;
  const last = clause.charCodeAt(end - 1);
  if (last === 0x7ea6 /* 约 */ || last === 0x8fd1 /* 近 */) end--;
  if (clause.charCodeAt(end - 1) === 0x4e86 /* 了 */) end--;
  for (const w of CHANGE_WORDS) if (clause.endsWith(w, end)) return true;
  return false;
}
/** Words that say a figure is the year's total for the whole body (全年共办理…). */
const TOTAL = /全年|(?<![公中总])共(?![同享建治青产识性商生赢担管筑育谋振鸣处事存])|总共|合计|总计|全区|全市|全县|全省|全镇|全局|全系统|年内|本年度|今年|全体/;
/** Words for the area a figure covers: 全市 and 我局 are different scopes. */
const REGION = /全区|全市|全县|全省|全镇|全系统|全行业|各级|各地|各区|各县|辖区|全国/;
/** Units of activities (meetings, trainings, checks): such counts are repeated for many occasions. */
const ACTIVITY_UNITS = new Set('次 人次 场 期 场次 批次 家次 户次 间次 件次 车次 台次 班次 条次 个次 架次 轮 堂 节 课时 学时'.split(' '));
/** Rates that may well exceed 100%. */
const MAY_EXCEED = /(?:完成|增长|增|使用|周转|利用|执行|回报|负债|达成|溢价|超额完成|发展|变化|同比|环比|倍增)率$/;
const NEGATION = new Set('未不非无');
const ENUM_MARKER = /分别(?:为|是|有)[：:]?/g;
const PART_MARKER = /其中|包括/g;

// --- shared structures ----------------------------------------------------------------------

interface PFig {
  f: Figure;
  /** indices into the paragraph's text */
  s: number;
  e: number;
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

interface PInfo {
  p: Paragraph;
  index: number;
  figs: PFig[];
  sentences: SentenceInfo[];
  /** in the plan section, or under a heading about rectification, shortcomings or plans */
  otherYearSection: boolean;
  /** 1 at the text indices inside （…）; null when there are no brackets; undefined until first used (see inBrackets) */
  brackets?: Uint8Array | null;
  /** the paragraph as one sentence, when it has none */
  whole: SentenceInfo;
}

interface DocInfo {
  doc: DocumentModel;
  year: number | null;
  paragraphs: PInfo[];
}

/** Collect what the checks need about a document: its paragraphs with figures, sentences and the year of each sentence. */
function analyse(doc: DocumentModel): DocInfo {
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
  const figsBy = new Map<number, Figure[]>();
  for (const f of facts.figures) {
    if (f.where !== 'paragraph' || f.paragraphIndex === null) continue;
    const list = figsBy.get(f.paragraphIndex) ?? [];
    list.push(f);
    figsBy.set(f.paragraphIndex, list);
  }
  const paragraphs: PInfo[] = doc.paragraphs.map((p, index) => {
    const text = p.text;
    const figs: PFig[] = [];
    const whole: SentenceInfo = { start: 0, end: text.length, year: null, partial: false };
    const ofParagraph = figsBy.get(index);
    // a paragraph without figures is never looked into: no sentences for it
    if (ofParagraph === undefined) return { p, index, figs, sentences: [], otherYearSection: false, whole };
    for (const f of ofParagraph) {
      const s = textIndexOf(p, f.start);
      const e = textIndexOf(p, f.end, true);
      if (s < 0 || e < s) continue;
      const k = text.indexOf(f.numeral, s);
      figs.push({ f, s, e, numeralEnd: k >= 0 && k < e ? k + f.numeral.length : e });
    }
    figs.sort((a, b) => a.s - b.s);
    // the year of each sentence (copied: notALevel is noted on them)
    const sentences: SentenceInfo[] = facts.sentenceYears(index).map((y) => ({ start: y.start, end: y.end, year: y.year, partial: y.partial }));
    return { p, index, figs, sentences, otherYearSection: otherYearSection(p.sectionId), whole };
  });
  return { doc, year, paragraphs };
}

/** Whether text index i of the paragraph is inside （…） (the brackets are found on first use: most paragraphs are never asked). */
function inBrackets(pi: PInfo, i: number): boolean {
  if (pi.brackets === undefined) pi.brackets = bracketMask(pi.p.text);
  return pi.brackets !== null && pi.brackets[i] === 1;
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

function sentenceAt(pi: PInfo, i: number): SentenceInfo | null {
  const list = pi.sentences;
  if (list.length === 0) return pi.whole;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid]!.start <= i) lo = mid;
    else hi = mid - 1;
  }
  const s = list[lo]!;
  return i >= s.start && i < s.end ? s : null;
}

/** Index of the first figure starting at or after text index i. */
function figAt(pi: PInfo, i: number): number {
  let lo = 0;
  let hi = pi.figs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pi.figs[mid]!.s < i) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The figures starting in [a, b), with their indices. */
function figsIn(pi: PInfo, a: number, b: number): Array<[PFig, number]> {
  const out: Array<[PFig, number]> = [];
  for (let k = figAt(pi, a); k < pi.figs.length && pi.figs[k]!.s < b; k++) out.push([pi.figs[k]!, k]);
  return out;
}

/** The ；-delimited part of the sentence around index i. */
function unitAt(pi: PInfo, i: number): { start: number; end: number } {
  const s = sentenceAt(pi, i) ?? { start: 0, end: pi.p.text.length };
  const text = pi.p.text;
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
function clauseBefore(pi: PInfo, k: number): string {
  const text = pi.p.text;
  const fig = pi.figs[k]!;
  const limit = k > 0 ? pi.figs[k - 1]!.e : 0;
  let a = fig.s;
  // (by char code: text[a] would make a string per character)
  while (a > limit && !(CLAUSE_STOP[text.charCodeAt(a - 1)] === 1 && !isNumberComma(text, a - 1))) a--;
  return text.slice(a, fig.s);
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

function trimWords(s: string): string {
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

const SCOPE_CUT = /.*(?:全年|全区|全市|全县|全省|全镇|全局|全系统|我局|本局|我委|本委|我办|我区|我市|我县|年内|本年度|今年|共计|总共|合计|总计|(?<![公中总])共(?![同享建治青产识性商生赢担管筑育谋振鸣处事存]))/u;

/** SCOPE_CUT without its leading .*: whether the clause has a scope word at all (most have none; .* backtracks) */
const SCOPE_ANY = new RegExp(SCOPE_CUT.source.slice(2), 'u');

/** The clause from its last scope word on: 局党组全年召开党组会议 → 召开党组会议 (the subject before it varies). */
function afterScope(clause: string): string {
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

function isGeneric(label: string): boolean {
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
function roundingOf(f: Figure): number {
  const d = decimals(f.numeral);
  if (f.isPercent) return 0.5 * 10 ** -d;
  if (d === 0 && f.scale === 1) return 0;
  return 0.5 * 10 ** -d * f.scale;
}

function fmt(n: number, digits = 1): string {
  const r = Math.round(n * 10 ** digits) / 10 ** digits;
  return String(r);
}

/** The value as written with its unit: 126件, 178.4万元, 99% */
function shown(f: Figure): string {
  if (f.isPercent) return `${fmt(f.value, 2)}%`;
  const written = f.writtenUnit ?? f.unit ?? '';
  const v = f.scale > 1 ? fmt(f.value / f.scale, 4) : fmt(f.value, 4);
  return `${v}${written}`;
}

function sameUnit(a: Figure, b: Figure): boolean {
  return a.unit !== null && a.unit === b.unit && a.isPercent === b.isPercent;
}

function exact(f: Figure): boolean {
  return f.approximate === null && !f.range;
}

// --- the checks -------------------------------------------------------------------------------

interface Ctx {
  rule: RuleContext<Options>;
  info: DocInfo;
  options: Options;
  checks: Checks;
  rates: RateDefinition[];
  /** figures already reported (one finding per figure) */
  reported: Set<Figure>;
}

function report(c: Ctx, r: Report, figure?: Figure): void {
  if (figure) {
    if (c.reported.has(figure)) return;
    c.reported.add(figure);
  }
  c.rule.report(r);
}

// 1. parts and wholes ------------------------------------------------------------------------

function checkPartsAndWholes(c: Ctx, pi: PInfo): void {
  const text = pi.p.text;
  const markers: Array<{ start: number; end: number; enumerates: boolean }> = [];
  for (const m of text.matchAll(PART_MARKER)) markers.push({ start: m.index, end: m.index + m[0].length, enumerates: false });
  for (const m of text.matchAll(ENUM_MARKER)) markers.push({ start: m.index, end: m.index + m[0].length, enumerates: true });
  markers.sort((a, b) => a.start - b.start);
  for (const mk of markers) {
    if (inBrackets(pi, mk.start)) continue;
    // 包括 only as a list opener: 包括但不限于 is not
    if (text.startsWith('包括但', mk.start)) continue;
    const unit = unitAt(pi, mk.start);
    // the whole: the last exact count before the marker, close to it
    let wk = -1;
    for (let k = figAt(pi, mk.start) - 1; k >= 0; k--) {
      const g = pi.figs[k]!;
      if (g.e > mk.start) continue;
      if (g.f.isPercent) continue;
      wk = k;
      break;
    }
    if (wk < 0) continue;
    const whole = pi.figs[wk]!;
    if (whole.s < unit.start) {
      // 其中 opening a sentence or a ；-part may refer to the last figure of the part just before
      if (mk.enumerates || text.slice(unit.start, mk.start).trim() !== '') continue;
      if (!/^[\s；;。！？!?”’）)]*$/.test(text.slice(unitAt(pi, whole.s).end, unit.start))) continue;
    }
    if (!exact(whole.f) || whole.f.unit === null || inBrackets(pi, whole.s)) continue;
    // other counts of the same unit before the marker could be the whole as well (立案215件，结案203件。其中…):
    // a part is wrong only against every one of them
    const scopeStart = whole.s < unit.start ? unitAt(pi, whole.s).start : unit.start;
    const wholes = figsIn(pi, scopeStart, mk.start).map(([h]) => h)
      .filter((h) => h.e <= mk.start && !h.f.isPercent && exact(h.f) && sameUnit(h.f, whole.f) && !inBrackets(pi, h.s));
    if (!wholes.includes(whole)) wholes.push(whole);
    const largest = wholes.reduce((a, h) => (h.f.value > a.f.value ? h : a), whole);
    let between = text.slice(whole.e, mk.start);
    for (const [g] of figsIn(pi, whole.e, mk.start)) if (g.e <= mk.start) between = between.replace(g.f.raw, '');
    if (mk.enumerates) {
      // 共查处案件12宗，分别为…: the list follows the whole directly
      if (between.length > 12 || /\d|其中|包括|。/.test(between) || (between.match(/[，,]/g) ?? []).length > 1) continue;
    } else if (between.replace(/[^\p{Script=Han}]/gu, '').length > 12 || /分别/.test(between)) continue;
    if (endsWithChange(clauseBefore(pi, wk))) continue;

    // the parts
    const parts: PFig[] = [];
    let pos = mk.end;
    let stoppedBySameUnit = false;
    let lastPart: PFig | null = null;
    const sentenceEnd = (sentenceAt(pi, mk.start) ?? { end: text.length }).end;
    // a list of parts with their shares may run over ；: 其中当面申请30件，占66.7%；网上申请15件，占33.3%
    const end = sentenceEnd;
    let lastHadShare = false;
    for (let k = figAt(pi, mk.end); k < pi.figs.length; k++) {
      const g = pi.figs[k]!;
      if (g.s >= end) break;
      if (inBrackets(pi, g.s) && !inBrackets(pi, mk.start)) continue;
      const gap = text.slice(pos, g.s);
      if (/其中|包括|分别|另|此外|同时|。/.test(gap)) break;
      if (/[；;]/.test(gap) && !g.f.isPercent) {
        // past ；only a parallel part with its own share continues the list
        const label = gap.replace(/^.*[；;]\s*/, '');
        if ((!mk.enumerates && !lastHadShare) || label.length > 5 || /[，,：:]/.test(label)) break;
      }
      const clause = clauseBefore(pi, k);
      if (g.f.isPercent) {
        // 占比 right after a part
        if (lastPart && /^[\s，,（(]*(?:占比|占[^，,。；;\d]{0,12}?)(?:的)?(?:比例|比重)?(?:为|达|约为|约)?$/.test(text.slice(lastPart.e, g.s)) && exact(g.f)) {
          checkShare(c, g, lastPart, wholes);
          lastHadShare = true;
        }
        pos = g.e;
        continue;
      }
      if (!sameUnit(g.f, whole.f)) break;
      if (!exact(g.f) || endsWithChange(clause) || /同比|较上|比上|较去|比去|较\d|比\d/.test(clause)) {
        stoppedBySameUnit = true;
        break;
      }
      if (parts.length > 0 && /[，,：:]/.test(gap)) {
        // a new clause continues the list only when it is a short label (调解结案5件) or the list says 分别
        const label = gap.replace(/^[\s，,：:]+/, '');
        if (!mk.enumerates && (label.length > 5 || /[，,：:]/.test(label) || /共|合计|总计|另|还|并|同比/.test(label))) {
          stoppedBySameUnit = true;
          break;
        }
      }
      lastHadShare = false;
      parts.push(g);
      lastPart = g;
      pos = g.e;
    }
    if (parts.length === 0) continue;
    const wholeValue = largest.f.value;
    let anyOver = false;
    for (const part of parts) {
      if (part.f.value > wholeValue + roundingOf(part.f) + roundingOf(largest.f)) {
        anyOver = true;
        report(c, {
          messageId: 'partExceedsWhole',
          data: { part: part.f.raw, whole: largest.f.raw },
          start: part.f.start,
          end: part.f.end,
        }, part.f);
      }
    }
    if (anyOver || parts.length < 2) continue;
    const sum = parts.reduce((a, g) => a + g.f.value, 0);
    const slackFor = (w: PFig) => parts.reduce((a, g) => a + roundingOf(g.f), roundingOf(w.f)) + 1e-9;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const sumText = shown({ ...first.f, value: sum, numeral: String(sum) });
    if (sum > wholeValue + slackFor(largest)) {
      report(c, {
        messageId: 'partsExceedWhole',
        data: { sum: sumText, whole: largest.f.raw },
        start: first.f.start,
        end: last.f.end,
      }, first.f);
    } else if (mk.enumerates && !stoppedBySameUnit && wholes.every((w) => Math.abs(sum - w.f.value) > slackFor(w))) {
      // 分别为 lists all of it, unless the list ends in 等 or leaves the rest open
      const after = text.slice(last.e, end);
      if (/^[^，,。；;]{0,3}等|其余|其他|其它|剩余|余下/.test(after)) continue;
      const gaps = text.slice(mk.end, last.e);
      if (/等|其余|其他|其它/.test(gaps.replace(/其他[^\d，,、]{0,6}\d/, ''))) continue;
      report(c, {
        messageId: 'partsDoNotAddUp',
        data: { sum: sumText, whole: whole.f.raw },
        start: first.f.start,
        end: last.f.end,
      }, first.f);
    }
  }
}

function checkShare(c: Ctx, pct: PFig, part: PFig, wholes: PFig[]): void {
  if (pct.f.range) return;
  const near = wholes[wholes.length - 1]!;
  for (const whole of wholes) {
    if (whole.f.value <= 0) return;
    const computed = (part.f.value / whole.f.value) * 100;
    if (Math.abs(computed - pct.f.value) <= roundingOf(pct.f) + c.options.tolerance + 1e-9) return;
  }
  report(c, {
    messageId: 'shareMismatch',
    data: { percent: pct.f.raw, part: shown(part.f), whole: shown(near.f), computed: fmt((part.f.value / near.f.value) * 100, 2) },
    start: pct.f.start,
    end: pct.f.end,
  }, pct.f);
}

// 2. rates above 100% ---------------------------------------------------------------------------

function checkShareOver100(c: Ctx, pi: PInfo): void {
  pi.figs.forEach((g, k) => {
    const f = g.f;
    if (!f.isPercent) return;
    const top = f.range ? Math.max(f.range.from, f.range.to) : f.value;
    if (top <= 100) return;
    const clause = clauseBefore(pi, k);
    if (/增长|增加|提高|提升|上升|下降|减少|降低|增幅|增速|同比|环比|较|比上|比去|超|翻|达成|完成|溢价|倍/.test(clause)) return;
    const trimmed = trimWords(clause);
    const label = trimmed.replace(/(?:均为|均达|保持|稳定在|提升至|提高到|提升到|达至)$/, '');
    const isRate = /率$|满意度$/.test(label) && !MAY_EXCEED.test(label);
    const isShare = /占比$|比例$|比重$|覆盖面$|^占|占[^，,。；;]{0,12}$/.test(label);
    if (!isRate && !isShare) return;
    report(c, { messageId: 'shareOver100', data: { raw: f.raw }, start: f.start, end: f.end }, f);
  });
}

// 3. a rate against the counts it is made of ---------------------------------------------------

/** How well a clause matches a list of words: the longest word found (not negated), and its rank in the list. */
function classify(clause: string, words: string[]): { length: number; rank: number } {
  let best = { length: 0, rank: Infinity };
  words.forEach((w, rank) => {
    let from = 0;
    for (let k = clause.indexOf(w, from); k >= 0; k = clause.indexOf(w, from)) {
      from = k + 1;
      if (k > 0 && NEGATION.has(clause[k - 1]!)) continue;
      if (clause.startsWith('不予', k - 2) || clause.startsWith('尚未', k - 2)) continue;
      if (w.length > best.length || (w.length === best.length && rank < best.rank)) best = { length: w.length, rank };
    }
  });
  return best;
}

/** The one candidate with the best rank, or null when two share it. */
function bestRanked(list: Array<{ h: PFig; rank: number }>): PFig | null {
  if (list.length === 0) return null;
  const top = Math.min(...list.map((x) => x.rank));
  const best = list.filter((x) => x.rank === top);
  return best.length === 1 ? best[0]!.h : null;
}

/**
 * A count that is one of several parts after 其中/包括/分别 (其中优秀96卷、合格252卷、不合格12卷):
 * a breakdown, not the numerator of a rate. A single part (其中办结40件) is not a breakdown.
 */
function inBreakdown(pi: PInfo, k: number): boolean {
  const text = pi.p.text;
  const g = pi.figs[k]!;
  const unit = unitAt(pi, g.s);
  const before = text.slice(unit.start, g.s);
  const at = Math.max(before.lastIndexOf('其中'), before.lastIndexOf('包括'), before.lastIndexOf('分别'));
  if (at < 0) return false;
  const from = unit.start + at;
  const parts = figsIn(pi, from + 1, unit.end).filter(([h]) => !h.f.isPercent && h.f.unit === g.f.unit);
  return parts.length > 1;
}

function checkRates(c: Ctx, pi: PInfo): void {
  const text = pi.p.text;
  pi.figs.forEach((g, k) => {
    const f = g.f;
    if (!f.isPercent || !exact(f) || c.reported.has(f)) return;
    const label = trimWords(clauseBefore(pi, k)).replace(/(?:均为|均达|保持|稳定在)$/, '');
    let rate: RateDefinition | null = null;
    for (const r of c.rates) if (label.endsWith(r.name) && (!rate || r.name.length > rate.name.length)) rate = r;
    if (!rate) return;
    // the label itself must not be a comparison (办结率同比提高2%)
    if (/同比|较|比上|增长|提高|下降|降低/.test(label)) return;
    const sentence = sentenceAt(pi, g.s) ?? { start: 0, end: text.length };
    const unit = unitAt(pi, g.s);
    // candidates by unit: a pair is taken only where one unit has exactly one numerator and one denominator
    type Cand = { h: PFig; rank: number };
    const byUnit = new Map<string, { nums: Cand[]; dens: Cand[]; numsUnit: Cand[]; densUnit: Cand[] }>();
    figsIn(pi, Math.max(sentence.start, g.s - c.options.window), Math.min(sentence.end, g.s + c.options.window + 1)).forEach(([h, j]) => {
      if (h.f.isPercent || h.f.unit === null) return;
      if (Math.abs(h.s - g.s) > c.options.window) return;
      const clause = clauseBefore(pi, j);
      if (endsWithChange(clause) || /同比|较上|比上|较去|比去|其中/.test(clause)) return;
      if (inBreakdown(pi, j)) return;
      const n = classify(clause, rate!.numerator);
      const d = classify(clause, rate!.denominator);
      if (n.length === d.length) return;
      const inUnit = h.s >= unit.start && h.s < unit.end;
      const entry = byUnit.get(h.f.unit) ?? { nums: [], dens: [], numsUnit: [], densUnit: [] };
      byUnit.set(h.f.unit, entry);
      if (n.length > d.length) {
        entry.nums.push({ h, rank: n.rank });
        if (inUnit) entry.numsUnit.push({ h, rank: n.rank });
      } else {
        entry.dens.push({ h, rank: d.rank });
        if (inUnit) entry.densUnit.push({ h, rank: d.rank });
      }
    });
    const pairs: Array<[PFig, PFig]> = [];
    let ambiguous = false;
    for (const e of byUnit.values()) {
      if (e.nums.length === 0 || e.dens.length === 0) continue;
      const inUnit = e.numsUnit.length > 0 && e.densUnit.length > 0;
      const num = bestRanked(inUnit ? e.numsUnit : e.nums);
      const den = bestRanked(inUnit ? e.densUnit : e.dens);
      if (num && den) pairs.push([num, den]);
      else ambiguous = true;
    }
    if (ambiguous || pairs.length !== 1) return;
    const pair = pairs[0]!;
    const [num, den] = pair;
    if (!sameUnit(num.f, den.f) || !exact(num.f) || !exact(den.f) || den.f.value <= 0) return;
    const computed = (num.f.value / den.f.value) * 100;
    if (Math.abs(computed - f.value) <= roundingOf(f) + c.options.tolerance + 1e-9) return;
    report(c, {
      messageId: 'rateMismatch',
      data: { rate: rate.name, percent: f.raw, numerator: shown(num.f), denominator: shown(den.f), computed: fmt(computed, 2) },
      start: f.start,
      end: f.end,
    }, f);
  });
}

// 4. the same quantity stated twice --------------------------------------------------------------

interface Stated {
  key: string;
  label: string;
  fig: PFig;
  pi: PInfo;
  /** said to be the year's total (全年, 共, 全市 …) */
  total: boolean;
  /** the area word before it (全市, 各级), '' for the reporting body itself */
  region: string;
}

const NOT_A_LEVEL = /整改|以来|截至|截止|累计|计划|拟|将于|力争|预计/;

/** A figure that states a level of something for the report year, comparable across the report. */
function comparable(info: DocInfo, pi: PInfo, k: number, minLabel: number): { label: string; clause: string; total: boolean; region: string } | null {
  const g = pi.figs[k]!;
  const f = g.f;
  if (f.isPercent || f.unit === null || !exact(f) || f.labelSide !== 'before') return null;
  if (pi.otherYearSection || inBrackets(pi, g.s)) return null;
  const text = pi.p.text;
  if (g.e < text.length && STATEMENT_END_CODES[text.charCodeAt(g.e)] !== 1) return null;
  const sentence = sentenceAt(pi, g.s);
  if (!sentence || sentence.partial) return null;
  if (sentence.year !== null && sentence.year !== info.year) return null;
  sentence.notALevel ??= NOT_A_LEVEL.test(text.slice(sentence.start, sentence.end));
  if (sentence.notALevel) return null;
  const unit = unitAt(pi, g.s);
  if (/其中|包括|分别/.test(text.slice(unit.start, g.s))) return null;
  const raw = clauseBefore(pi, k);
  if (endsWithChange(raw) || OTHER_SCOPE.test(raw)) return null;
  const clause = afterScope(trimWords(raw));
  const label = trimWords(f.label);
  if (label.length < minLabel || clause.length < minLabel || isGeneric(label)) return null;
  if (!clause.endsWith(label) && !clause.includes(label)) return null;
  const prefix = text.slice(sentence.start, g.s);
  return { label, clause, total: TOTAL.test(prefix), region: REGION.exec(prefix)?.[0] ?? '' };
}

function checkStatedTwice(c: Ctx): void {
  const seen = new Map<string, Stated[]>();
  for (const pi of c.info.paragraphs) {
    pi.figs.forEach((g, k) => {
      const cmp = comparable(c.info, pi, k, 3);
      if (!cmp) return;
      const key = `${cmp.clause}\u0000${g.f.unit}`;
      const list = seen.get(key) ?? [];
      seen.set(key, list);
      const here: Stated = { key, label: cmp.label, fig: g, pi, total: cmp.total, region: cmp.region };
      // an activity (培训, 检查, 会议) is counted for many occasions: both places must say it is the year's total;
      // other counts need the word at one place at least (全年共办理 … / 办理 …)
      const activity = ACTIVITY_UNITS.has(g.f.unit!);
      const other = list.find((s) => {
        if (activity ? !(s.total && here.total) : !(s.total || here.total)) return false;
        if (s.region !== here.region) return false;
        // in one sentence the writer means two things (对A开展培训6次，对B开展培训4次 trimmed alike)
        if (s.pi === pi && sentenceAt(pi, s.fig.s) === sentenceAt(pi, g.s)) return false;
        return Math.abs(s.fig.f.value - g.f.value) > roundingOf(s.fig.f) + roundingOf(g.f) + 1e-9;
      });
      // one entry per value and scope is enough to compare with (a pasted report repeats them all)
      if (!list.some((x) => x.fig.f.value === g.f.value && x.total === here.total && x.region === here.region)) list.push(here);
      if (!other) return;
      const line = c.info.doc.pointAt(other.fig.f.start).line;
      report(c, {
        messageId: 'statedTwice',
        data: { label: cmp.clause, value: g.f.raw, line, first: other.fig.f.raw },
        start: g.f.start,
        end: g.f.end,
      }, g.f);
    });
  }
}

// 5. changes against last year --------------------------------------------------------------------

const CHANGE_CLAIM = /(?:较|比|与)(?:上一?年度?|去年|上年同期|去年同期|(\d{4})年度?(?:同期)?)(?:相比)?[，,]?|同比[，,]?/g;
const DIRECTION = /^(?:分别)?(增长|增加|上升|提高|提升|增多|多|下降|减少|降低|回落|下滑|少)了?/;

function checkChanges(c: Ctx, previous: DocInfo): void {
  const prevYear = previous.year ?? (c.info.year === null ? null : c.info.year - 1);
  // last year's comparable figures by label and unit
  const last = new Map<string, Array<{ fig: PFig; pi: PInfo }>>();
  for (const pi of previous.paragraphs) {
    pi.figs.forEach((g, k) => {
      const cmp = comparable(previous, pi, k, 3);
      if (!cmp) return;
      const key = `${cmp.label}\u0000${g.f.unit}`;
      const list = last.get(key) ?? [];
      list.push({ fig: g, pi });
      last.set(key, list);
    });
  }
  // last year's rates (for 个百分点)
  const lastRates = new Map<string, Array<{ fig: PFig; pi: PInfo }>>();
  for (const pi of previous.paragraphs) {
    pi.figs.forEach((g, k) => {
      if (!g.f.isPercent || !exact(g.f) || pi.otherYearSection) return;
      const sentence = sentenceAt(pi, g.s);
      if (!sentence || sentence.partial || (sentence.year !== null && sentence.year !== previous.year)) return;
      const label = trimWords(clauseBefore(pi, k));
      if (!/率$/.test(label) || label.length < 3 || /同比|较|比上|增长|提高|下降/.test(label)) return;
      const list = lastRates.get(label) ?? [];
      list.push({ fig: g, pi });
      lastRates.set(label, list);
    });
  }
  for (const pi of c.info.paragraphs) {
    if (pi.otherYearSection) continue;
    const text = pi.p.text;
    for (const m of text.matchAll(CHANGE_CLAIM)) {
      if (m[1] !== undefined && prevYear !== null && Number(m[1]) !== prevYear) continue;
      const after = m.index + m[0].length;
      const dir = DIRECTION.exec(text.slice(after));
      if (!dir) continue;
      if (dir[0].startsWith('分别')) continue;
      const sign = /增长|增加|上升|提高|提升|增多|多/.test(dir[1]!) ? 1 : -1;
      const xk = figAt(pi, after + dir[0].length);
      if (xk >= pi.figs.length || pi.figs[xk]!.s !== after + dir[0].length) continue;
      const x = pi.figs[xk]!;
      if (!exact(x.f)) continue;
      // the figure the change is about: right before the comparison, separated by punctuation only
      let bk = -1;
      for (let k = xk - 1; k >= 0; k--) {
        if (pi.figs[k]!.e <= m.index) {
          bk = k;
          break;
        }
      }
      if (bk < 0) continue;
      const base = pi.figs[bk]!;
      if (!/^[\s，,]*$/.test(text.slice(base.e, m.index))) continue;
      if (!exact(base.f)) continue;
      const sentence = sentenceAt(pi, base.s);
      if (!sentence || sentence.partial || (sentence.year !== null && sentence.year !== c.info.year)) continue;
      if (sentenceAt(pi, x.s) !== sentence) continue;
      const pp = x.f.unit === '个百分点' || x.f.unit === '百分点';
      let mode: 'relative' | 'absolute' | 'points';
      if (pp && base.f.isPercent) mode = 'points';
      else if (x.f.isPercent && !base.f.isPercent) mode = 'relative';
      else if (!x.f.isPercent && !base.f.isPercent && sameUnit(x.f, base.f)) mode = 'absolute';
      else continue;
      let candidates: Array<{ fig: PFig; pi: PInfo }> | undefined;
      let label: string;
      if (mode === 'points') {
        label = trimWords(clauseBefore(pi, bk));
        if (!/率$/.test(label)) continue;
        candidates = lastRates.get(label);
      } else {
        const cmp = comparable(c.info, pi, bk, 3);
        // the base may be followed by the comparison itself, which `comparable` accepts (，)
        if (!cmp) continue;
        label = cmp.label;
        candidates = last.get(`${label}\u0000${base.f.unit}`);
      }
      if (!candidates || candidates.length === 0) continue;
      const values = new Set(candidates.map((x) => x.fig.f.value));
      if (values.size !== 1) continue;
      const prev = candidates[0]!.fig;
      const P = prev.f.value;
      const cur = base.f.value;
      const claimed = sign * x.f.value;
      let actual: number;
      let slack: number;
      let actualText: string;
      if (mode === 'relative') {
        if (P <= 0) continue;
        actual = ((cur - P) / P) * 100;
        const hc = roundingOf(base.f);
        const hp = roundingOf(prev.f);
        const extremes = [((cur + hc - (P - hp)) / (P - hp)) * 100, ((cur - hc - (P + hp)) / (P + hp)) * 100];
        slack = Math.max(...extremes.map((e) => Math.abs(e - actual))) + roundingOf(x.f) + c.options.tolerance + 1e-9;
        actualText = `${actual >= 0 ? '+' : ''}${fmt(actual, 1)}%`;
      } else if (mode === 'absolute') {
        actual = cur - P;
        slack = roundingOf(base.f) + roundingOf(prev.f) + roundingOf(x.f) + 1e-9;
        actualText = `${actual >= 0 ? '+' : '-'}${shown({ ...base.f, value: Math.abs(actual), numeral: String(Math.abs(actual)) })}`;
      } else {
        actual = cur - P;
        slack = roundingOf(base.f) + roundingOf(prev.f) + roundingOf(x.f) + c.options.tolerance + 1e-9;
        actualText = `${actual >= 0 ? '+' : ''}${fmt(actual, 2)}个百分点`;
      }
      if (Math.abs(actual - claimed) <= slack) continue;
      report(c, {
        messageId: 'changeMismatch',
        data: {
          label,
          previous: prev.f.raw,
          line: previous.doc.pointAt(prev.f.start).line,
          current: base.f.raw,
          actual: actualText,
          claimed: text.slice(m.index, x.e),
        },
        start: x.f.start,
        end: x.f.end,
      }, x.f);
    }
  }
}

// 6. 余/多 after an exact number --------------------------------------------------------------------

/**
 * Round: a written integer of two digits or more ending in 0 (10, 30, 200, 1500), or a number
 * written with 万/亿 (5万余元, 1.2万余人). Not round: 39, 1,237, 5, 3.5.
 */
export function isRoundNumeral(numeral: string, value: number): boolean {
  if (/[万亿]/.test(numeral)) return true;
  if (/^[\d,，.．０-９]+$/.test(numeral)) {
    const digits = numeral.replace(/[,，]/g, '');
    if (/[.．]/.test(digits)) return false;
    const n = Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
    return n >= 10 && n % 10 === 0;
  }
  return value >= 10 && value % 10 === 0;
}

function checkApproximate(c: Ctx): void {
  const doc = c.info.doc;
  const src = doc.source;
  for (const f of factsOf(doc).figures) {
    if (f.unit === null || f.isPercent || f.range) continue;
    const at = f.raw.indexOf(f.numeral);
    if (at < 0) continue;
    const marker = f.raw[at + f.numeral.length];
    if (marker !== '余' && marker !== '多') continue;
    // 多元化解, 多措并举, 多部门: 多 begins a word
    const rest = f.raw.slice(at + f.numeral.length + 1);
    if (marker === '多' && /^(?:元|措|方|部门|头|样|层|渠道|形式|角度|维)/.test(rest + src.slice(f.end, f.end + 2))) continue;
    const base = /[万亿]/.test(f.numeral) ? f.value : f.value / (f.scale || 1);
    if (isRoundNumeral(f.numeral, base)) continue;
    const exactValue = f.numeral;
    const roundDown = base >= 10 ? Math.floor(base / 10) * 10 : 0;
    const unitText = f.raw.slice(at + f.numeral.length + 1).replace(/(?:左右|以上|以下|以内|上下|之多)$/, '');
    report(c, {
      messageId: 'approximateNonRound',
      data: {
        raw: f.raw,
        marker,
        exact: `${exactValue}${unitText}`,
        round: roundDown > 0 ? `${roundDown}${marker}${unitText}` : `近${Math.ceil(base / 10) * 10}${unitText}`,
      },
      start: f.start,
      end: f.end,
      level: 'warn',
    }, f);
  }
}

// --- the rule ----------------------------------------------------------------------------------

export function check(ctx: RuleContext<Options>): void {
  const options = { ...(meta.defaultOptions as unknown as Options), ...ctx.options };
  const checks: Checks = { ...DEFAULT_CHECKS, ...(options.checks ?? {}) };
  const extra = options.rates ?? [];
  const rates = [...RATES.filter((r) => !extra.some((e) => e.name === r.name)), ...extra];
  const info = analyse(ctx.document);
  const c: Ctx = { rule: ctx, info, options, checks, rates, reported: new Set() };
  for (const pi of info.paragraphs) {
    if (pi.figs.length === 0) continue;
    if (checks.shareOver100) checkShareOver100(c, pi);
    if (checks.partWhole) checkPartsAndWholes(c, pi);
    if (checks.rateFromCounts) checkRates(c, pi);
  }
  if (checks.statedTwice) checkStatedTwice(c);
  if (checks.changeFromPrevious && ctx.previous) checkChanges(c, analyse(ctx.previous));
  if (checks.approximateNonRound) checkApproximate(c);
}

export default { meta, check } satisfies Rule<Options>;

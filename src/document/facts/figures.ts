/**
 * Figures: every number that counts or measures something, with its unit and what it counts.
 *
 *   行政诉讼案件16宗        → value 16, unit 宗, label 行政诉讼案件
 *   办结率99%               → value 99, unit %, isPercent, label 办结率
 *   共组织党纪专题学习30次  → value 30, unit 次, label 党纪专题学习 (the verb 组织 stays out)
 *   金额共178.4万元         → value 1784000, unit 元, scale 10000, writtenUnit 万元, raw 178.4万元
 *   发放…材料1500余本       → value 1500, unit 本, approximate 余
 *   15%~30%, 3-5年          → value 15 / 3, range { from, to, unitOnBoth }
 *   开展四个月专项整治行动  → value 4, unit 个月 (a duration), label 专项整治行动 (taken after it)
 *
 * Decisions:
 * - 万/亿 are applied to the value (178.4万元 → 1784000) so that figures compare; `unit` is the
 *   base unit (元), `scale` the magnitude (1e4), `writtenUnit` the unit as written (万元) and
 *   `raw` the whole expression as written.
 * - Percentages: value is the number of percent (90% → 90, 百分之九十 → 90), unit '%'.
 * - A Chinese numeral counts only with a unit after it (四个, 二十余次, 两万三千人) or as 百分之…;
 *   a bare 一 (一项重要职责, 一家医院) is the indefinite article and is never a figure.
 *   Two adjacent digits (三四个月) are an approximate range 3–4 (approximate '概数').
 * - An Arabic numeral without a unit is still a figure (unit null), except a year-like 1800–2199
 *   (2025中国健康科普大赛), a code with a leading zero, 7 or more digits (phone numbers), a number
 *   before 号 (document numbers, addresses), times (8:30), numbers touching Latin letters
 *   (5G, GB/T 9704-2012) and hotlines (12345热线).
 * - Not figures: dates and years (see dates.ts), ordinals (第一, 第3次, (三), (1), 1. and 1、 at the
 *   start of a clause, heading ordinals), fixed names (FIXED_NUMERAL_NAMES: 党的二十大,
 *   二十届三中全会, 十四五, 八五普法, 三会一课, 三项制度, 三函两书, 两法衔接, 一把手, 三年行动 …),
 *   document numbers (〔2019〕28号) and anything inside quotes or 书名号 up to 40 characters
 *   (“坚守执法20年”, 《…》) — names, not counts.
 *
 * Label heuristics (imperfect by nature; the seeds pin the behaviour):
 * - Before the number: the stretch of the clause before it (back to punctuation ，,。；;：:、 !?
 *   brackets, a digit, a date or at most 24 characters). Quotes and 书名号 do not stop it.
 *   It is cut after the last action verb (开展 办理 召开 组织 发放 出具 审查 参与 移送 发出 印发
 *   作出 …, see VERBS), except when only one noun-suffix character would remain (办结率 keeps
 *   办结). Function words at either end (共 共计 累计 达 为 了 的 已 对 在 …) are stripped.
 * - After the number: when the clause before gives nothing, or only a scope word (全区 全市 我局
 *   辖区 …), or no Chinese character (A、B、C、D四个等级), and the unit is a classifier (家 名 个
 *   间 …), the noun after the unit is taken (1200家社会医疗机构 → 社会医疗机构; 2名执法员与… →
 *   执法员), up to 的 与 和 及 并 均 已 被 获 or a verb.
 * - Known limits: a subject stays in the label when no verb separates it (各级党组织书记讲纪律党课188次
 *   → 党组织书记讲纪律党课: 讲 is not a verb here, too many words contain it); a number governed by a
 *   phrase far before it gets the nearest noun after the last verb (办理时限均压缩至法定办理事项的90%以上
 *   → 事项, 办理 being cut); verbs that are also nouns (检查, 培训, 约谈) are not cut (单独约谈机构24家次);
 *   a label after the number stops at 16 characters and keeps quotes (32项“一件事一次办”事项);
 *   概数 written with 几 (十几, 几十) and mixed forms such as 3千, 4亿5千万 are not read.
 */
import type { DocumentModel, Paragraph, Table, TableCell, TextBlock, TextSegment } from '../model.js';
import { sourceEndOffset, sourceOffset } from '../position.js';
import { nameRanges, RangeSet, type BlockPlace, type FactBlock } from './blocks.js';
import { scanDates, type TextDate } from './dates.js';
import { codeAt, isDigitCode, NUMERAL_POOL, scaleDecimal, scanNumeralsPooled, type PooledNumeral } from './numbers.js';

export type Approximation =
  | '余' | '多' | '左右' | '以上' | '以下' | '以内' | '上下' | '之多'
  | '约' | '大约' | '近' | '将近' | '接近' | '超过' | '逾' | '不足' | '不到' | '不少于' | '不低于'
  /** two adjacent Chinese digits: 三四个月 */
  | '概数';

/** A figure in a text, with indices into that text. */
export interface TextFigure {
  /** the value with 万/亿 applied (178.4万元 → 1784000); percent: the number of percent */
  value: number;
  /** the whole expression as written: 约100人左右, 178.4万元, 1500余本, 15%~30% */
  raw: string;
  /** the numeral as written: 178.4万, 十二, 百分之九十 */
  numeral: string;
  form: 'arabic' | 'chinese';
  /** the magnitude written with the number: 1, 1e4 (万), 1e8 (亿) */
  scale: number;
  /** the base unit: 件 宗 份 次 家 人 个 项 条 元 % 个月 年 …; null when none is written */
  unit: string | null;
  /** the unit as written, magnitude included: 万元, 万人次; null when none */
  writtenUnit: string | null;
  /** what it counts; '' when nothing usable was found */
  label: string;
  /** where the label was found */
  labelSide: 'before' | 'after' | null;
  /** the first approximation marker (约, 余, 左右 …), null for an exact figure */
  approximate: Approximation | null;
  /** all approximation markers in order (约…左右 has two) */
  approximations: Approximation[];
  isPercent: boolean;
  /** 15%~30%, 3-5年, 13~17万元 (from 130000): unitOnBoth says whether the first number carries the unit too */
  range?: { from: number; to: number; unitOnBoth: boolean };
  start: number;
  end: number;
}

export interface Figure extends TextFigure {
  /** start and end are SOURCE offsets here */
  sectionId: number | null;
  paragraphIndex: number | null;
  where: Exclude<BlockPlace, 'signature'> | 'table';
  /** a figure read from a table (where 'table'): which table (DocumentModel.tables), row and reading group */
  table?: { table: number; row: number; column: number; group: string; reading: TableReading; textStart: number; textEnd: number };
}

// --- units -------------------------------------------------------------------------------

interface UnitDef {
  unit: string;
  /** also after a Chinese numeral */
  cn: boolean;
  /** characters that must not follow (the unit would be the start of another word) */
  notBefore?: string;
}

const UNIT_LIST: UnitDef[] = [
  ...'个百分点 百分点 个工作日 工作日 个月 平方公里 平方米 公里 千米 公斤 千克 课时 学时 小时 分钟 周年 部门 美元'.split(' ').map((unit) => ({ unit, cn: true })),
  ...'人次 户次 家次 间次 件次 车次 批次 场次 台次 班次 条次 个次 架次 床位'.split(' ').map((unit) => ({ unit, cn: true })),
  { unit: '个', cn: true },
  { unit: '件', cn: true },
  { unit: '宗', cn: true },
  { unit: '份', cn: true, notBefore: '额' },
  { unit: '次', cn: true, notBefore: '要序数生级' },
  { unit: '家', cn: true, notBefore: '庭属长园乡' },
  { unit: '人', cn: true, notBefore: '民员大士才群口力事工类' },
  { unit: '名', cn: true, notBefore: '称义单录字誉额' },
  { unit: '位', cn: true, notBefore: '置于' },
  { unit: '项', cn: true, notBefore: '目' },
  { unit: '条', cn: true, notBefore: '例件' },
  { unit: '款', cn: true, notBefore: '项式' },
  { unit: '部', cn: true, notBefore: '分署长委' },
  { unit: '篇', cn: true, notBefore: '章幅' },
  { unit: '本', cn: true, notBefore: '地级部土市区届次年着质' },
  { unit: '册', cn: true },
  { unit: '期', cn: true, notBefore: '间限待望盼末中初' },
  { unit: '场', cn: true, notBefore: '所景地合' },
  { unit: '批', cn: true, notBefore: '准复示评' },
  { unit: '起', cn: true, notBefore: '草来步到始点' },
  { unit: '例', cn: true, notBefore: '如外' },
  { unit: '张', cn: true },
  { unit: '封', cn: true, notBefore: '闭存' },
  { unit: '间', cn: true, notBefore: '接隔断' },
  { unit: '所', cn: true, notBefore: '有以在得属需长' },
  { unit: '座', cn: true, notBefore: '谈' },
  { unit: '栋', cn: true },
  { unit: '台', cn: true, notBefore: '账帐风湾' },
  { unit: '辆', cn: true },
  { unit: '套', cn: true },
  { unit: '处', cn: true, notBefore: '罚理置分室长' },
  { unit: '户', cn: true, notBefore: '籍口外' },
  { unit: '支', cn: true, notBefore: '持付部出撑' },
  { unit: '类', cn: true, notBefore: '型别似' },
  { unit: '门', cn: true, notBefore: '诊户槛口' },
  { unit: '节', cn: true, notBefore: '点约能假日' },
  { unit: '堂', cn: true },
  { unit: '轮', cn: true },
  { unit: '组', cn: true, notBefore: '织建成长' },
  { unit: '种', cn: true, notBefore: '类子植' },
  { unit: '块', cn: true },
  { unit: '幅', cn: true, notBefore: '度' },
  { unit: '枚', cn: true },
  { unit: '段', cn: true },
  { unit: '首', cn: true, notBefore: '次先要批位长创' },
  { unit: '天', cn: true, notBefore: '然下津' },
  { unit: '日', cn: true, notBefore: '常报益' },
  { unit: '周', cn: true, notBefore: '边围期到全' },
  { unit: '年', cn: true, notBefore: '级' },
  { unit: '岁', cn: true },
  { unit: '倍', cn: true },
  { unit: '亩', cn: true },
  { unit: '吨', cn: true },
  { unit: '米', cn: false },
  { unit: '克', cn: false, notBefore: '服' },
  { unit: '升', cn: false, notBefore: '级高' },
  { unit: '元', cn: true, notBefore: '素旦' },
  { unit: '分', cn: false, notBefore: '别类析局院公队之享配' },
  { unit: '秒', cn: false },
];
// longest first, so that 个月 wins over 个 and 人次 over 人
UNIT_LIST.sort((a, b) => b.unit.length - a.unit.length);

/** Every unit recognised after a number, longest first. */
export const UNITS: readonly string[] = UNIT_LIST.map((u) => u.unit);

/** Units after which the counted noun may follow the number (1200家社会医疗机构). */
const CLASSIFIERS = new Set('个 件 宗 份 次 家 人 名 位 项 条 款 部 篇 本 册 期 场 批 起 例 张 封 间 所 座 栋 台 辆 套 处 户 支 类 门 节 堂 轮 组 种 块 幅 枚 段 首 个月 小时 天 日 周 年 部门 人次 家次 间次 批次 场次 课时 学时 个工作日 工作日'.split(' '));

// --- names that contain numerals ----------------------------------------------------------

/** Fixed expressions with numerals: names, never counts (GB/T 15835 §4.2 and political usage). */
export const FIXED_NUMERAL_NAMES: readonly string[] = [
  '三会一课', '三项制度', '三函两书', '两法衔接', '一把手', '三位一体', '五位一体', '四个全面', '四个意识', '四个自信',
  '两个维护', '两个确立', '两个结合', '三个代表', '八项规定', '两学一做', '三严三实', '三重一大', '一岗双责', '两书同送',
  '两非', '三年行动', '一件事一次办', '一网通办', '一网统管', '双随机一公开', '四下基层', '两个责任', '两个毫不动摇',
  '三个务必', '三大攻坚战', '五大发展理念', '一带一路', '第一议题', '第一责任人', '一府一委两院', '一府两院', '三治融合',
  '两新', '两高', '放管服', '三级医院', '二级医院', '三甲医院', '二甲医院', '一站式', '一次性', '一体化',
];

const CN_1_10 = '一二三四五六七八九十';
/**
 * Patterns of fixed names, each with the characters its match can start with and those its
 * second character can be (null: any).
 */
const FIXED_PATTERNS: ReadonlyArray<readonly [string, string, string | null]> = [
  ['党', '党的[一二三四五六七八九十]+大', '的'],
  [CN_1_10, '[一二三四五六七八九十]+届(?:[一二三四五六七八九十]+中全会)?', CN_1_10 + '届'],
  [CN_1_10, '[一二三四五六七八九十]+中全会', CN_1_10 + '中'],
  [CN_1_10, '(?<=[届大协会])[一二三四五六七八九十]+次(?:全体)?会议', CN_1_10 + '次'],
  ['十', '十[一二三四五六七八九]五(?:规划|时期|期间)?', '一二三四五六七八九'],
  ['一二三四五六七八九', '[一二三四五六七八九]五普法', '五'],
  ['两三四五六七八九十', '[两三四五六七八九十]个(?:代表|意识|自信|维护|确立|全面|务必|结合|毫不动摇|明确|坚持|没有变|必须|统筹|责任|健全|先行|一)', '个'],
  // document numbers: 〔2019〕28号, [2025]3号, (2020)第4号
  ['〔［[（(【', '[〔［\\[（(【]\\s?(?:19|20)\\d{2}\\s?[〕］\\]）)】]\\s?第?\\d+\\s?号', null],
  // hotlines
  ['1', '(?<!\\d)(?:12345|12320|12315|12356|12348|12309|12388|12333|12369|110|119|120|122)(?=热线|电话|专线|平台|服务|举报|政务|[“"])', null],
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * By the char code a name can start with: the alternation of the patterns and names that can
 * start there, in the order of one big alternation (patterns first, then names longest first),
 * tried only where a name can start (sticky). A regex per first character tries a few
 * alternatives instead of all sixty at every numeral.
 */
const FIXED_RE_AT = new Map<number, RegExp>();
/**
 * By the char code a name can start with: the char codes its second character can be, or null
 * for any. Most characters that start a name are numerals (一 in 统一, 进一步 …): one look at the
 * next character rules them out before the regex is tried.
 */
const FIXED_SECOND_AT = new Map<number, Set<number> | null>();
/** by char code: 1 for a character a fixed name or a document number can start with (a table: every character is looked up) */
const FIXED_STARTS = new Uint8Array(0x10000);
{
  const alternatives: Array<readonly [string, string, string | null]> = [
    ...FIXED_PATTERNS,
    ...[...FIXED_NUMERAL_NAMES].sort((a, b) => b.length - a.length).map((w) => [w[0]!, escape(w), w[1]!] as const),
  ];
  const byCode = new Map<number, string[]>();
  for (const [starts, pattern, seconds] of alternatives) {
    for (const c of new Set(starts)) {
      const code = c.charCodeAt(0);
      const list = byCode.get(code) ?? [];
      list.push(pattern);
      byCode.set(code, list);
      // (a start with one alternative taking any second character takes any)
      const known = FIXED_SECOND_AT.get(code);
      if (seconds === null || known === null) FIXED_SECOND_AT.set(code, null);
      else FIXED_SECOND_AT.set(code, new Set([...(known ?? []), ...[...seconds].map((s) => s.charCodeAt(0))]));
    }
  }
  for (const [code, list] of byCode) {
    FIXED_RE_AT.set(code, new RegExp(list.join('|'), 'y'));
    FIXED_STARTS[code] = 1;
  }
}

/** [start, end) ranges of fixed names with numerals and of document numbers in a text. */
export function fixedNameRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (FIXED_STARTS[code] === 0) continue;
    const seconds = FIXED_SECOND_AT.get(code);
    if (seconds != null && !seconds.has(codeAt(text, i + 1))) continue;
    const re = FIXED_RE_AT.get(code)!;
    re.lastIndex = i;
    const m = re.exec(text);
    if (m && m[0].length > 0) {
      out.push([i, i + m[0].length]);
      i += m[0].length - 1;
    }
  }
  return out;
}

// --- labels -------------------------------------------------------------------------------

/** Action verbs cut off the front of a label: 出具法律意见书67份 → 法律意见书. */
export const VERBS: readonly string[] = [
  '开展', '办理', '办结', '召开', '组织', '举办', '举行', '发放', '出具', '审查', '审核', '参与', '参加', '移送', '发出',
  '印发', '制发', '下发', '发布', '作出', '做出', '做好', '产生', '完成', '应对', '受理', '处理', '查处', '查办', '立案',
  '接收', '接到', '收到', '录入', '纳入', '新增', '新办', '提供', '解答', '回复', '答复', '化解', '起草', '制定', '修订',
  '清理', '废止', '签订', '聘请', '选派', '开设', '设立', '建立', '建成', '推送', '发表', '刊发', '报送', '上报', '处置',
  '核查', '抽查', '查阅', '评查', '走访', '慰问', '接待', '罚没', '收缴', '没收', '吊销', '撤销', '责令', '督办', '转办',
  '交办', '派发', '分发', '张贴', '悬挂', '播放', '投放', '利用', '实现', '覆盖', '涉及', '包括', '开具', '送达', '审结',
  '申请', '出动', '负责', '签约', '共有', '现有', '拥有', '列席', '出席', '培育', '打造', '评选', '推出', '编印', '编制', '发送', '提交', '提出', '收集', '征集', '采纳', '办好',
  '压缩至', '提升至', '提高至', '降低至', '减少', '增加', '达成', '获得', '获评', '入选',
];

const LEAD_STRIP = ['已经', '已', '了', '的', '对', '将', '力争', '确保', '争取', '预计', '计划', '把', '向', '为', '共计', '共', '累计', '合计', '总计', '并', '和',
  '及', '与', '还', '又', '均', '都', '至', '到', '达到', '达', '其中', '全年', '年内', '当年', '同时', '另外', '此外', '先后',
  '分别', '再次', '再', '各级', '各', '全区', '全市', '全省', '全县', '全镇', '全局', '全国', '辖区', '全系统', '我局', '本局',
  '我区', '我市', '我县', '我委', '本单位'];
const TRAIL_STRIP = ['共计', '共', '累计', '合计', '总计', '达到', '多达', '高达', '达', '为', '计', '了', '的', '有',
  '是', '已', '均', '各', '分别', '超过', '逾', '仅', '只', '就', '等', '总量', '总数'];
const SCOPE = new Set(['全区', '全市', '全省', '全县', '全镇', '全局', '全年', '全国', '辖区', '全系统', '其中', '累计', '共', '合计',
  '总计', '我局', '本局', '我区', '我市', '我县', '我委', '本单位', '各级', '全体']);
/** one character after a verb that makes it part of a noun: 办结率, 受理量, 出庭数 */
const NOUN_SUFFIX = '率量数额款金费';
const AFTER_CUT = ['的', '之', '与', '和', '及', '并', '均', '已', '被', '获', '全部', '进行', '分别', '组队', '共同', '基本', '逐步', '全面'];
/** by char code: 1 for a character that ends a clause (a table: labels look at every character) */
const CLAUSE_STOP = new Uint8Array(0x10000);
for (const c of '，,。；;：:、！？!?()（）[]【】〔〕\n\r\t \u3000…—~～') CLAUSE_STOP[c.charCodeAt(0)] = 1;
const MAX_LABEL = 24;
const MAX_AFTER = 16;

const HAS_CJK = /[\u3400-\u9fff]/;

/** Words grouped by their first (or last) char code, longest first: only these can match at that end of a string. */
function byCharCode(words: readonly string[], last = false): Map<number, string[]> {
  const map = new Map<number, string[]>();
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const code = w.charCodeAt(last ? w.length - 1 : 0);
    const list = map.get(code) ?? [];
    list.push(w);
    map.set(code, list);
  }
  return map;
}

const LEAD_INDEX = byCharCode(LEAD_STRIP);
const TRAIL_BY_LAST = byCharCode(TRAIL_STRIP, true);

function stripEnds(s: string): string {
  let changed = true;
  while (changed && s.length > 0) {
    changed = false;
    const leads = LEAD_INDEX.get(s.charCodeAt(0));
    if (leads !== undefined) {
      for (const w of leads) {
        if (s.length > w.length && s.startsWith(w)) {
          s = s.slice(w.length);
          changed = true;
          break;
        }
      }
    }
    const trails = TRAIL_BY_LAST.get(s.charCodeAt(s.length - 1));
    if (trails !== undefined) {
      for (const w of trails) {
        if (s.endsWith(w)) {
          s = s.slice(0, s.length - w.length);
          changed = true;
          break;
        }
      }
    }
  }
  return s;
}

/** characters before a verb that make it part of a noun: 党组织 */
const NOT_VERB_AFTER: Readonly<Record<string, string>> = { 组织: '党基', 处理: '预' };
/** characters after a verb that make it part of a noun: 负责人, 申请人 */
const NOT_VERB_BEFORE: Readonly<Record<string, string>> = { 负责: '人', 申请: '人书', 组织: '者部' };

const VERB_INDEX = byCharCode(VERBS);
const VERB_SET = new Set(VERBS);
const AFTER_CUT_INDEX = byCharCode([...AFTER_CUT, ...VERBS]);
const MAX_VERB = Math.max(...VERBS.map((v) => v.length));

/** Whether the verb at prefix[idx, idx+v.length) is really part of a noun: 党组织, 负责人, 办结率. */
function verbInNoun(prefix: string, v: string, idx: number): boolean {
  const end = idx + v.length;
  const guard = NOT_VERB_AFTER[v];
  const follow = NOT_VERB_BEFORE[v];
  if (guard !== undefined && idx > 0 && guard.includes(prefix[idx - 1]!)) return true;
  if (follow !== undefined && end < prefix.length && follow.includes(prefix[end]!)) return true;
  const rest = stripEnds(prefix.slice(end));
  return rest.length === 1 && NOUN_SUFFIX.includes(rest);
}

/** The prefix after its last action verb (the verb whose end is furthest right). */
function cutAfterVerb(prefix: string): string {
  let cut = 0;
  for (let k = prefix.length - 1; k >= 0 && k + MAX_VERB > cut; k--) {
    const list = VERB_INDEX.get(prefix.charCodeAt(k));
    if (list === undefined) continue;
    for (const v of list) {
      if (!prefix.startsWith(v, k)) continue;
      const end = k + v.length;
      if (end > cut && !verbInNoun(prefix, v, k)) cut = end;
    }
  }
  return cut === 0 ? prefix : prefix.slice(cut);
}

/** The clause before a number, back to punctuation, a digit, a date or MAX_LABEL characters. */
function clauseBefore(text: string, at: number, lowerBound: number, blocked: RangeSet): string {
  // (a date ends the clause: the last date index before `at` bounds it, one look-up instead of one per character)
  const min = Math.max(lowerBound, at - MAX_LABEL, blocked.lastBefore(at) + 1);
  let j = at;
  while (j > min) {
    const c = text.charCodeAt(j - 1);
    if (CLAUSE_STOP[c] === 1 || isDigitCode(c)) break;
    j--;
  }
  // 5G基站建设30座: Latin letters glued to an earlier number belong to it
  if (isDigitCode(codeAt(text, j - 1))) while (j < at && isLatinCode(text.charCodeAt(j))) j++;
  return text.slice(j, at);
}

function beforeLabel(clause: string): string {
  const label = stripEnds(cutAfterVerb(clause));
  return HAS_CJK.test(label) && !SCOPE.has(label) ? label : '';
}

/** 合法性审查12件: when nothing else is found, a clause that ends in a verb is the label, verb and all. */
function verbPhraseLabel(clause: string): string {
  const whole = stripEnds(clause);
  let verb: string | undefined;
  for (let n = Math.min(MAX_VERB, whole.length - 1); n >= 2 && verb === undefined; n--) {
    if (VERB_SET.has(whole.slice(whole.length - n))) verb = whole.slice(whole.length - n);
  }
  if (verb === undefined) return '';
  // the verb before it still goes: 组织开展合法性审查12件 → 合法性审查
  const label = stripEnds(cutAfterVerb(whole.slice(0, whole.length - verb.length))) + verb;
  return HAS_CJK.test(label) && !SCOPE.has(label) && label !== verb ? label : '';
}

function afterLabel(text: string, at: number, blocked: RangeSet): string {
  const limit = Math.min(text.length, at + MAX_AFTER, blocked.firstFrom(at));
  let j = at;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (CLAUSE_STOP[c] === 1 || isDigitCode(c)) break;
    j++;
  }
  // cut at the first function word or verb
  let cut = j;
  for (let k = at; k < cut; k++) {
    const list = AFTER_CUT_INDEX.get(text.charCodeAt(k));
    if (list === undefined) continue;
    for (const w of list) {
      if (k + w.length <= j && text.startsWith(w, k)) {
        cut = k;
        break;
      }
    }
  }
  const s = stripEnds(text.slice(at, cut));
  return HAS_CJK.test(s) ? s : '';
}

// --- scanning -----------------------------------------------------------------------------

const PREFIX_APPROX: Array<[string, Approximation]> = [
  ['大约', '大约'], ['将近', '将近'], ['接近', '接近'], ['超过', '超过'], ['不少于', '不少于'], ['不低于', '不低于'],
  ['不足', '不足'], ['不到', '不到'], ['约', '约'], ['近', '近'], ['逾', '逾'],
];
const SUFFIX_APPROX: Approximation[] = ['左右', '以上', '以下', '以内', '上下', '之多'];
/** 约 is part of another word after these: 签约, 预约, 合约, 节约, 制约 … */
const NOT_YUE = '签预合节制公契违履条特邀之相守隐';
/** 近 is not an approximation after these: 最近, 附近, 邻近, 就近, 亲近 */
const NOT_JIN = '最附邻就亲贴将接';
const RANGE_CONNECTORS = ['——', '~', '～', '〜', '-', '—', '–', '－', '至', '到'];

/** What follows a numeral (see readTail); one scratch object per use, reused for every numeral. */
interface Tail {
  end: number;
  isPercent: boolean;
  unit: string | null;
  writtenUnit: string | null;
  scale: number;
  value: number;
  /** the approximation markers read (余 多 左右 …), `count` of them */
  approximations: Approximation[];
  count: number;
}

const newTail = (): Tail => ({ end: 0, isPercent: false, unit: null, writtenUnit: null, scale: 1, value: 0, approximations: [], count: 0 });
const TAIL = newTail();
/** the tail of the second number of a range */
const SECOND_TAIL = newTail();

const PERCENT = 0x25; // %
const FW_PERCENT = 0xff05; // ％
const PER_MILLE = 0x2030; // ‰
const YU = 0x4f59; // 余
const DUO = 0x591a; // 多
const WAN = 0x4e07; // 万
const YI = 0x4ebf; // 亿
/** by char code: 1 for the first character of a suffix approximation (左右 以上 上下 之多 …) */
const SUFFIX_APPROX_START = new Uint8Array(0x10000);
for (const a of SUFFIX_APPROX) SUFFIX_APPROX_START[a.charCodeAt(0)] = 1;
/** by char code: 1 for the last character of a prefix approximation (约 将近 超过 不足 不少于 …) */
const PREFIX_APPROX_END = new Uint8Array(0x10000);
for (const [w] of PREFIX_APPROX) PREFIX_APPROX_END[w.charCodeAt(w.length - 1)] = 1;

function pushApprox(tail: Tail, a: Approximation): void {
  tail.approximations[tail.count++] = a;
}

/** What follows a numeral: percent sign, 余/多, 万/亿, the unit, 左右/以上; written into `tail`. */
function readTail(text: string, tok: PooledNumeral, tail: Tail): void {
  let pos = tok.end;
  let value = tok.value;
  let scale = tok.scale;
  let isPercent = tok.percentWord;
  tail.count = 0;
  let unit: string | null = null;
  let magnitude = tok.form === 'arabic' && scale > 1 ? (scale === 1e8 ? '亿' : scale === 1e4 ? '万' : '万亿') : '';
  // (char codes: text[pos] would make a string for each look)
  let c = codeAt(text, pos);
  if (!isPercent && (c === PERCENT || c === FW_PERCENT)) {
    isPercent = true;
    unit = '%';
    pos++;
  } else if (!isPercent && c === PER_MILLE) {
    unit = '‰';
    pos++;
  } else if (!isPercent) {
    if (c === YU || c === DUO) {
      pushApprox(tail, c === YU ? '余' : '多');
      c = codeAt(text, ++pos);
    }
    if (scale === 1 && (c === WAN || c === YI) && (tail.count > 0 || tok.form === 'chinese')) {
      // 30余万元, 二十余万人
      const power = c === YI ? 8 : 4;
      magnitude = c === YI ? '亿' : '万';
      value = tok.form === 'arabic' ? (scaleDecimal(text.slice(tok.start, tok.end), power) ?? value * 10 ** power) : value * 10 ** power;
      scale = 10 ** power;
      c = codeAt(text, ++pos);
      if (c === YU || c === DUO) {
        pushApprox(tail, c === YU ? '余' : '多');
        pos++;
      }
    } else if (scale > 1 && tail.count === 0 && (c === YU || c === DUO)) {
      // 5万余元
      pushApprox(tail, c === YU ? '余' : '多');
      pos++;
    }
    const u = unitAt(text, pos, tok.form);
    if (u) {
      unit = u;
      pos += u.length;
    }
  } else unit = '%';
  if (SUFFIX_APPROX_START[codeAt(text, pos)] === 1) {
    for (const a of SUFFIX_APPROX) {
      if (text.startsWith(a, pos)) {
        pushApprox(tail, a);
        pos += a.length;
        break;
      }
    }
  }
  tail.end = pos;
  tail.isPercent = isPercent;
  tail.unit = unit;
  tail.writtenUnit = unit === null ? (magnitude || null) : unit === '%' || unit === '‰' ? unit : magnitude + unit;
  tail.scale = scale;
  tail.value = value;
}

const UNIT_INDEX = new Map<number, UnitDef[]>();
for (const u of UNIT_LIST) {
  const list = UNIT_INDEX.get(u.unit.charCodeAt(0)) ?? [];
  list.push(u);
  UNIT_INDEX.set(u.unit.charCodeAt(0), list);
}

function unitAt(text: string, pos: number, form: 'arabic' | 'chinese'): string | null {
  const list = UNIT_INDEX.get(codeAt(text, pos));
  if (list === undefined) return null;
  for (const u of list) {
    if (form === 'chinese' && !u.cn) continue;
    if (!text.startsWith(u.unit, pos)) continue;
    const next = pos + u.unit.length;
    if (u.notBefore && next < text.length && u.notBefore.includes(text[next]!)) continue;
    return u.unit;
  }
  return null;
}

function prefixApprox(text: string, at: number, lowerBound: number): { start: number; approx: Approximation } | null {
  // (every marker ends with one of a few characters: most numbers have none of them before)
  if (PREFIX_APPROX_END[codeAt(text, at - 1)] !== 1) return null;
  for (const [w, a] of PREFIX_APPROX) {
    const s = at - w.length;
    if (s < lowerBound || !text.startsWith(w, s)) continue;
    const before = text[s - 1] ?? '';
    if (w === '约' && before !== '' && (NOT_YUE.includes(before) || before === '大')) continue;
    if (w === '近' && before !== '' && NOT_JIN.includes(before)) continue;
    return { start: s, approx: a };
  }
  return null;
}

function atClauseStart(text: string, i: number): boolean {
  let k = i - 1;
  while (k >= 0 && (text[k] === ' ' || text[k] === '\u3000')) k--;
  return k < 0 || '。；;：:，,！？!?\n'.includes(text[k]!);
}

const isLatinCode = (c: number): boolean => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isAsciiDigitCode = (c: number): boolean => c >= 0x30 && c <= 0x39;

/**
 * Every figure in a text, left to right, with indices into the text. `from` skips a prefix
 * (a heading's ordinal). Linear in the length of the text.
 */
export function scanFigures(text: string, from = 0): TextFigure[] {
  const out: TextFigure[] = [];
  figuresIn(text, from, scanDates(text), null, out);
  return out;
}

/**
 * scanFigures with the date mentions of the text already found, appending to `out`. With a
 * fact block (`place`), the figures are made as Figures with SOURCE offsets right away.
 */
function figuresIn(text: string, from: number, textDates: readonly TextDate[], place: FactBlock | null, out: TextFigure[]): void {
  // (a bare 一, the indefinite article, is never a figure: the scan leaves it out)
  // (pooled numerals: no object or string per numeral; the pool is read before any other scan)
  const count = scanNumeralsPooled(text, true);
  if (count === 0) return;
  const tokens = NUMERAL_POOL;
  const dates = RangeSet.ofSpans(textDates);
  // names are found when first needed: a text whose numerals are all 二是, 三是 … never needs them
  let nameSet: RangeSet | null = null;
  const names = (): RangeSet => (nameSet ??= new RangeSet([...nameRanges(text), ...fixedNameRanges(text)]));
  // a label does not reach back across a date (2024年已印发监督提醒函12份 → 监督提醒函)
  const blocked = dates;
  let lastEnd = from;
  let skipUntil = -1;
  for (let t = 0; t < count; t++) {
    const tok = tokens[t]!;
    if (tok.start < from || tok.start < skipUntil) continue;
    const chinese = tok.form === 'chinese';
    // a bare 一 kept after a connector (三至一) is still not a figure of its own
    if (chinese && !tok.percentWord && tok.end - tok.start === 1 && text.charCodeAt(tok.start) === 0x4e00 /* 一 */) continue;
    // (char codes, 0 outside the text: text[i] would make a string)
    const before = codeAt(text, tok.start - 1);
    const after = codeAt(text, tok.end);
    // ordinals: 第一, 第3次, (三), (1), 1. / 1、 at the start of a clause (these cost nothing: tried before the date and name look-ups)
    if (before === 0x7b2c /* 第 */) continue;
    if ((before === 0x28 || before === 0xff08) && (after === 0x29 || after === 0xff09)) continue; // ( （ ) ）
    if (!chinese && (after === 0x2e || after === 0xff0e || after === 0x3001) /* . ． 、 */ && !isDigitCode(codeAt(text, tok.end + 1)) && atClauseStart(text, tok.start)) continue;
    if (after === 0x53f7 /* 号 */) continue;

    if (chinese) {
      readTail(text, tok, TAIL);
      // a Chinese numeral counts only with a unit: without one, and with no range that could bring one, it is done
      // (before the name look-up: most Chinese numerals are 二是, 三是 …)
      if (!tok.digitsOnly && TAIL.unit === null && !TAIL.isPercent) {
        const next = t + 1 < count ? tokens[t + 1] : undefined;
        if (next === undefined || next.start <= TAIL.end || next.start > TAIL.end + 2) continue;
      }
      if (dates.overlaps(tok.start, tok.end) || names().overlaps(tok.start, tok.end)) continue;
    } else {
      if (dates.overlaps(tok.start, tok.end) || names().overlaps(tok.start, tok.end)) continue;
      const beforeSkippingSpace = before === 0x20 ? codeAt(text, tok.start - 2) : before;
      if (isLatinCode(beforeSkippingSpace) || beforeSkippingSpace === 0x2f /* / */ || isLatinCode(after)) {
        skipConnected(t);
        continue;
      }
      if ((after === 0x3a || after === 0xff1a) /* : ： */ && isDigitCode(codeAt(text, tok.end + 1))) {
        skipConnected(t);
        continue;
      }
      if (before === 0x3a /* : */ && isDigitCode(codeAt(text, tok.start - 2))) continue;
      if (text.charCodeAt(tok.start) === 0x30 && tok.end - tok.start > 1 && isAsciiDigitCode(text.charCodeAt(tok.start + 1))) { // a leading zero: 0755
        skipConnected(t);
        continue;
      }
      readTail(text, tok, TAIL);
    }

    let value = TAIL.value;
    let { unit, writtenUnit, isPercent, scale } = TAIL;
    let end = TAIL.end;
    const approximations = TAIL.approximations.slice(0, TAIL.count);
    let range: TextFigure['range'];

    if (chinese && tok.digitsOnly) {
      // 三四个月: adjacent digits, an approximate range; anything else (二〇二五 without 年) is not a count
      const a = tok.end - tok.start === 2 ? CHINESE_DIGIT_VALUE(text.charCodeAt(tok.start)) : -1;
      const b = tok.end - tok.start === 2 ? CHINESE_DIGIT_VALUE(text.charCodeAt(tok.start + 1)) : -1;
      if (a < 1 || b !== a + 1 || unit === null) continue;
      value = a;
      range = { from: a, to: b, unitOnBoth: true };
      approximations.unshift('概数');
    }

    // a range: 15%~30%, 3-5年, 13~17万元, 三至五年
    const next = t + 1 < count ? tokens[t + 1] : undefined;
    if (!range && next) {
      // (connectors are one or two characters long)
      const conn = next.start > end && next.start <= end + 2 ? RANGE_CONNECTORS.find((c) => text.startsWith(c, end) && next.start === end + c.length) : undefined;
      if (conn && next.form === tok.form && !next.percentWord && !dates.overlaps(next.start, next.end) && !names().overlaps(next.start, next.end)) {
        readTail(text, next, SECOND_TAIL);
        const second = SECOND_TAIL;
        const firstHasUnit = unit !== null || isPercent || scale > 1;
        const secondHasUnit = second.unit !== null || second.isPercent || second.scale > 1;
        if (firstHasUnit || secondHasUnit) {
          const fromValue = !firstHasUnit && second.scale > 1
            ? (tok.form === 'arabic' ? (scaleDecimal(text.slice(tok.start, tok.end), Math.log10(second.scale)) ?? value * second.scale) : value * second.scale)
            : value;
          range = { from: fromValue, to: second.value, unitOnBoth: firstHasUnit };
          value = fromValue;
          if (!firstHasUnit) {
            unit = second.unit;
            writtenUnit = second.writtenUnit;
            isPercent = second.isPercent;
            scale = second.scale;
          }
          for (let k = 0; k < second.count; k++) {
            const a = second.approximations[k]!;
            if (!approximations.includes(a)) approximations.push(a);
          }
          end = second.end;
          skipUntil = next.end;
        }
      }
    }

    if (chinese && unit === null && !isPercent) continue;
    if (!chinese && unit === null && !isPercent && !range) {
      const digits = asciiDigitsOnly(text, tok.start, tok.end) ? tok.end - tok.start : 0;
      if (scale === 1 && Number.isInteger(value) && digits === 4 && value >= 1800 && value <= 2199) continue; // a year without 年
      if (digits >= 7) continue; // phone numbers and other codes
    }

    let start = tok.start;
    const pre = prefixApprox(text, tok.start, lastEnd);
    if (pre) {
      start = pre.start;
      approximations.unshift(pre.approx);
    }

    const clause = clauseBefore(text, start, lastEnd, blocked);
    let label = beforeLabel(clause);
    let labelSide: TextFigure['labelSide'] = label ? 'before' : null;
    // nothing before it, or a single character (用3-5年时间): the noun after a classifier
    if (label.length <= 1 && unit !== null && CLASSIFIERS.has(unit)) {
      const after = afterLabel(text, end, blocked);
      if (after) {
        label = after;
        labelSide = 'after';
      }
    }
    if (!label) {
      label = verbPhraseLabel(clause);
      if (label) labelSide = 'before';
    }

    const raw = text.slice(start, end);
    const numeral = text.slice(tok.start, tok.end);
    const approximate = approximations.length > 0 ? approximations[0]! : null;
    let figure: TextFigure;
    if (place === null) {
      figure = { value, raw, numeral, form: tok.form, scale, unit, writtenUnit, label, labelSide, approximate, approximations, isPercent, start, end };
    } else {
      // (one object with its final shape: no copy of the text-level figure per block)
      const block = place.block;
      const sourceStart = sourceOffset(block, start);
      const sourceEnd = end > start ? sourceEndOffset(block, end) : sourceStart;
      const located: Figure = {
        value, raw, numeral, form: tok.form, scale, unit, writtenUnit, label, labelSide, approximate, approximations, isPercent,
        start: sourceStart, end: sourceEnd,
        sectionId: place.sectionId, paragraphIndex: place.paragraphIndex, where: place.where as Figure['where'],
      };
      figure = located;
    }
    if (range) figure.range = range;
    out.push(figure);
    lastEnd = end;
  }

  /** skip a token and the numbers tied to it by - / . (0755-8888, GB/T 9704-2012) */
  function skipConnected(t: number): void {
    let k = t;
    while (k + 1 < count && tokens[k + 1]!.start === tokens[k]!.end + 1 && '-—–/.'.includes(text[tokens[k]!.end]!)) k++;
    skipUntil = Math.max(skipUntil, tokens[k]!.end);
  }
}

/** Whether text[start, end) is made of ASCII digits only. */
function asciiDigitsOnly(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isAsciiDigitCode(text.charCodeAt(k))) return false;
  return true;
}

/** 〇 一 二 … 九 (两 as 二) by char code; -1 for any other character */
function CHINESE_DIGIT_VALUE(c: number): number {
  return '〇一二三四五六七八九'.indexOf(String.fromCharCode(c === 0x4e24 /* 两 */ ? 0x4e8c /* 二 */ : c));
}

/**
 * Every figure of a document (title, headings, paragraphs; not the signature), in document order,
 * with SOURCE offsets. `blocks` and `blockDates` are factsOf(document).blocks and .blockDates.
 */
export function extractFigures(blocks: readonly FactBlock[], blockDates: ReadonlyArray<readonly TextDate[]>, tables: readonly TableReading[] = []): Figure[] {
  const out: Figure[] = [];
  let t = 0;
  const readTablesBefore = (offset: number): void => {
    for (; t < tables.length && tables[t]!.table.span.start.offset <= offset; t++) tableFigures(tables[t]!, out);
  };
  for (let k = 0; k < blocks.length; k++) {
    const fb = blocks[k]!;
    if (fb.where === 'signature') continue;
    // a table cell's paragraph: its figures are read with its row and column (tableReadings)
    if (fb.where === 'paragraph' && (fb.block as Paragraph).cell !== undefined) continue;
    readTablesBefore(fb.block.span.start.offset);
    figuresIn(fb.block.text, fb.from, blockDates[k]!, fb, out);
  }
  readTablesBefore(Infinity);
  return out;
}

// --- tables ---------------------------------------------------------------------------------

/**
 * A table read as a writer would say it: each data row a sentence, each figure of it a clause
 * «row label + column heading + value + unit» (出庭应诉 | 30 under 数量（宗） → 出庭应诉30宗；), so
 * that the figures of a table get their label and unit as in a sentence. A column headed by a year
 * puts the year first (2023年行政复议案件19件). The text is made of the cells' own text (mapped to
 * them) and the glue between (unmapped): a figure's place is its cell.
 */
export interface TableReading {
  table: Table;
  block: TextBlock;
  /** one per clause: its [start, end) in block.text, the row and column it reads, its year (a year column), its group */
  clauses: Array<{ start: number; end: number; row: number; column: number; year: number | null; group: string }>;
}

/** Column headings that say nothing about what is counted (数量, 件数 …): the row label alone is the label. */
const GENERIC_HEADER = /^(?:项目|指标|内容|类别|类型|名称|事项|数量|数目|数值|数据|件数|人数|次数|个数|家数|户数|总数|总量|合计|完成情况|完成数|情况|结果|统计|实际|本年|本年度|今年|全年|年度|当年|计数|备注)$/;
/** a heading's unit: 数量（宗）, 金额(万元), 人数/人 */
const HEADER_UNIT = /[（(]\s*(?:单位[：:]\s*)?([^（）()]{1,4}?)\s*[）)]\s*$|[/／]\s*([^/／\s]{1,3})$/;
/** a count noun heading gives its unit: 件数 → 件, 人数 → 人 */
const COUNT_NOUN = /^(件|宗|人|次|个|家|户|起|项|条|场|份|篇|名)(?:数|次数)$/;
const YEAR_HEADER = /^((?:19|20)\d{2})\s*年(?:度)?(?:[（(].*[）)])?$/;
/** a plain figure in a cell: 30, 1,200, 99.5%, 30宗, 178.4万元 (the unit written or not) */
const VALUE_CELL = /^[约近逾]?\d[\d,，]*(?:[.．]\d+)?(?:余|多)?(?:[%％‰]|[万亿]?[\u4e00-\u9fff]{0,3})?$/;

interface ColumnHead {
  label: string;
  unit: string | null;
  year: number | null;
}

function columnHead(text: string): ColumnHead {
  let t = text.replace(/\s+/g, '');
  const year = YEAR_HEADER.exec(t);
  if (year) return { label: '', unit: null, year: Number(year[1]) };
  let unit: string | null = null;
  const u = HEADER_UNIT.exec(t);
  if (u) {
    const candidate = (u[1] ?? u[2])!.replace(/^单位[：:]/, '');
    if (/^(?:%|％|[万亿]?[\u4e00-\u9fff]{1,3})$/.test(candidate) && (candidate === '%' || candidate === '％' || UNITS.includes(candidate.replace(/^[万亿]/, '')))) {
      unit = candidate === '％' ? '%' : candidate;
      t = t.slice(0, u.index);
    }
  }
  const noun = COUNT_NOUN.exec(t);
  if (noun && unit === null) unit = noun[1]!;
  return { label: GENERIC_HEADER.test(t) || noun ? '' : t, unit, year: null };
}

/** The cell of a row at a grid column (a merged cell covers the columns it spans). */
export function cellAt(cells: readonly TableCell[], column: number): TableCell | null {
  for (const c of cells) if (column >= c.column && column < c.column + c.colSpan) return c;
  return null;
}

/** Every table of a document read as text (see TableReading); read through factsOf(document).tableReadings. */
export function tableReadings(document: DocumentModel): TableReading[] {
  const out: TableReading[] = [];
  for (const table of document.tables) {
    const reading = readTable(table, document);
    if (reading) out.push(reading);
  }
  return out;
}

/** a first column that numbers the rows (序号 | 单位 | …) */
const SERIAL_HEADING = /^(?:序号|编号|排序|No\.?)$/i;

/** The column that holds each row's label: the first, or the one after a column of serial numbers. */
export function labelColumnOf(table: Table): number {
  const header = table.rows.find((r) => r.header);
  const first = header ? cellAt(header.cells, 0) : null;
  return first && SERIAL_HEADING.test(first.text.replace(/\s+/g, '')) ? 1 : 0;
}

function readTable(table: Table, document: DocumentModel): TableReading | null {
  const header = table.rows.find((r) => r.header) ?? null;
  const data = table.rows.map((row, r) => ({ row, r })).filter(({ row }) => !row.header && row.cells.length > 1);
  if (data.length === 0) return null;
  const labelColumn = labelColumnOf(table);
  const columns = new Set<number>();
  for (const { row } of data) for (const c of row.cells) if (c.column > labelColumn && VALUE_CELL.test(c.text.replace(/\s+/g, ''))) columns.add(c.column);
  if (columns.size === 0) return null;
  const heads = new Map<number, ColumnHead>();
  for (const c of columns) {
    const h = header ? cellAt(header.cells, c) : null;
    heads.set(c, h ? columnHead(h.text) : { label: '', unit: null, year: null });
  }
  // one value column, or columns of years: the table lists quantities (group by column); else each row is a subject (group by row)
  const byColumn = columns.size === 1 || [...heads.values()].every((h) => h.year !== null);
  let text = '';
  const segments: TextSegment[] = [];
  const clauses: TableReading['clauses'] = [];
  const mapped = (cell: TextBlock, from: number, to: number): void => {
    for (const seg of cell.segments) {
      const a = Math.max(from, seg.text);
      const b = Math.min(to, seg.text + seg.length);
      if (a < b) segments.push({ text: text.length + (a - from), source: seg.source + (a - seg.text), length: b - a });
    }
    text += cell.text.slice(from, to);
  };
  for (const { row, r } of data) {
    const labelCell = cellAt(row.cells, labelColumn);
    const rawLabel = labelCell ? labelCell.text : '';
    if (!/[\u3400-\u9fff]/.test(rawLabel)) continue;
    // a unit said with the row label: 出庭应诉（宗）
    const rowHead = columnHead(rawLabel);
    const labelEnd = rowHead.unit !== null ? rawLabel.replace(/\s+$/, '').search(/[（(/／][^（(/／]*$/) : rawLabel.length;
    const values = row.cells.filter((c) => columns.has(c.column) && c.column > labelColumn);
    let first = true;
    for (const cell of values) {
      const value = cell.text.trim();
      if (!VALUE_CELL.test(value.replace(/\s+/g, ''))) continue;
      const head = heads.get(cell.column)!;
      const start = text.length;
      if (head.year !== null) text += `${head.year}年`;
      mapped(labelCell!, 0, labelEnd > 0 ? labelEnd : rawLabel.length);
      if (head.label) text += head.label;
      const lead = cell.text.length - cell.text.trimStart().length;
      mapped(cell, lead, lead + value.length);
      const unit = head.unit ?? rowHead.unit;
      if (unit !== null && /\d$/.test(value)) text += unit;
      const end = text.length;
      text += '；';
      clauses.push({ start, end, row: r, column: cell.column, year: head.year, group: byColumn ? `${table.id}:c${cell.column}` : `${table.id}:r${r}` });
      first = false;
    }
    if (!first) text = `${text.slice(0, -1)}。`;
  }
  if (clauses.length === 0) return null;
  segments.sort((a, b) => a.text - b.text);
  const start = segments[0]?.source ?? table.span.start.offset;
  const end = segments.length ? segments[segments.length - 1]!.source + segments[segments.length - 1]!.length : start;
  return { table, block: { text, segments, span: { start: document.pointAt(start), end: document.pointAt(end) } }, clauses };
}

/** The figures of a table reading, as Figures placed in their cells. */
function tableFigures(reading: TableReading, out: Figure[]): void {
  const found: TextFigure[] = [];
  figuresIn(reading.block.text, 0, scanDates(reading.block.text), null, found);
  for (const f of found) {
    const at = reading.clauses.find((c) => c.start <= f.start && f.end <= c.end);
    if (!at) continue;
    const start = sourceOffset(reading.block, f.start);
    // (the end stays in the value's cell: a unit from the heading is not in it)
    const seg = reading.block.segments.find((x) => x.text <= f.start && f.start < x.text + x.length);
    const end = Math.max(start, Math.min(sourceEndOffset(reading.block, f.end), seg ? seg.source + seg.length : start));
    const figure: Figure = {
      ...f, start, end,
      sectionId: reading.table.sectionId, paragraphIndex: null, where: 'table',
      table: { table: reading.table.id, row: at.row, column: at.column, group: at.group, reading, textStart: f.start, textEnd: f.end },
    };
    out.push(figure);
  }
}

/** How a pack's relation check groups figures: the whole document, each paragraph or each sentence. */
export type FigureScope = 'document' | 'paragraph' | 'sentence';

/** The figures grouped by scope unit, in order (read through factsOf(document).figureGroups). */
export function groupFigures(document: DocumentModel, figures: readonly Figure[], scope: FigureScope): Figure[][] {
  const byKey = new Map<string, Figure[]>();
  for (const figure of figures) {
    let key = 'document';
    if (figure.table) {
      // a table is one unit: each value column of a list of quantities, each row of a table of subjects
      key = `table:${figure.table.group}`;
    } else if (scope !== 'document') {
      key = `${figure.where}:${figure.paragraphIndex}`;
      if (scope === 'sentence' && figure.paragraphIndex !== null) {
        const paragraph = document.paragraphs[figure.paragraphIndex]!;
        const at = paragraph.sentences.findIndex((s) => sourceOffset(paragraph, s.end) > figure.start);
        key += `:${at}`;
      }
    }
    const list = byKey.get(key) ?? [];
    list.push(figure);
    byKey.set(key, list);
  }
  return [...byKey.values()];
}

/**
 * Round: a written integer of two digits or more ending in 0 (10, 30, 200, 1500), or a number
 * written with 万/亿 and at most one decimal (5万余元, 1.2万余人). Not round: 39, 1,237, 5, 3.5,
 * 56.78万 (two decimals of 万 are hundreds: the writer knows the figure).
 */
export function isRoundNumeral(numeral: string, value: number): boolean {
  // 5万余元, 1.2万余人 are round; 56.78万余元 is written to the hundred and is not
  if (/[万亿]/.test(numeral)) return !/[.．]\d{2}/.test(numeral);
  if (/^[\d,，.．０-９]+$/.test(numeral)) {
    const digits = numeral.replace(/[,，]/g, '');
    if (/[.．]/.test(digits)) return false;
    const n = Number(digits.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10)));
    return n >= 10 && n % 10 === 0;
  }
  return value >= 10 && value % 10 === 0;
}

/** An approximation marker after an exact, non-round number (39余件, 7多人): what it is and where. */
export interface NonRoundApproximation {
  marker: '余' | '多';
  /** index in figure.raw of the marker */
  at: number;
  /** the number without its 万/亿 scale when written with digits alone (39余件 → 39) */
  base: number;
}

/**
 * 余/多 right after the numeral of a counted figure that is exact and not round (39余件): a
 * writer who knows the count is 39 should not say "more than 39". Null for round numbers (30余件,
 * 5万余元), percentages, ranges, and 多 that begins a word (多元化解, 多措并举, 多部门). The one test
 * behind figure-consistency's approximateNonRound and number-usage's option of the same name.
 */
export function nonRoundApproximation(f: Figure, source: string): NonRoundApproximation | null {
  if (f.unit === null || f.isPercent || f.range) return null;
  const numeralAt = f.raw.indexOf(f.numeral);
  if (numeralAt < 0) return null;
  const at = numeralAt + f.numeral.length;
  const marker = f.raw[at];
  if (marker !== '余' && marker !== '多') return null;
  // 多元化解, 多措并举, 多部门: 多 begins a word
  const rest = f.raw.slice(at + 1);
  if (marker === '多' && /^(?:元|措|方|部门|头|样|层|渠道|形式|角度|维)/.test(rest + source.slice(f.end, f.end + 2))) return null;
  const base = /[万亿]/.test(f.numeral) ? f.value : f.value / (f.scale || 1);
  if (isRoundNumeral(f.numeral, base)) return null;
  return { marker, at, base };
}

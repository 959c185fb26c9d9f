/**
 * What kind of report a document is, read from all the evidence a reader uses, with a
 * confidence and the evidence itself (so that a user can see why a rule ran or did not:
 * `reportlint --explain-report <file>`).
 *
 *   fazhi-annual-report     法治政府建设年度报告, under whatever title (……法治建设情况报告,
 *                           ……法治工作情况暨下一年工作要点的报告, ……法治政府建设工作报告) or none
 *   annual-report           another report or summary of a year's work (……年度工作总结及……年工作
 *                           计划, 政府信息公开工作年度报告, 某局2024年工作报告): the rules about any annual
 *                           report (relative time, years) apply, the 法治 report's parts do not
 *   government-work-report  政府工作报告 (各位代表, 今年……主要预期目标, 政府工作的总体要求)
 *   other                   speeches, audit reports, plans, notices, or nothing to go on
 *
 * The evidence, each piece with a weight for one type:
 *   - the title: its subject (法治政府建设, 政府信息公开 …) and its genre (报告, 总结, 计划, 讲话 …);
 *   - the file name, read like a title (drafts are named 2025年法治政府建设情况报告（送审稿）.docx);
 *   - the opening: 现将……法治……报告如下, 各位代表, 向大会报告, 同志们;
 *   - the part headings of an annual report (measures and results, shortcomings, next year's plan,
 *     the leaders' duty — the parts the built-in pack defines) and those of a 政府工作报告
 *     (工作回顾, 总体要求, 主要预期目标);
 *   - the vocabulary: headings about 法治 and the thematic areas of the 实施纲要, the density of
 *     法治 words in the body, 第一责任人 outside 《》 (a quoted regulation is not the part).
 * A type named in the config (`reportType`) is taken as it is.
 */
import type { DocumentModel, TextBlock } from '../model.js';
import { sourceRange } from '../position.js';
import type { ReportParts } from './parts.js';

export const REPORT_TYPES = ['fazhi-annual-report', 'annual-report', 'government-work-report', 'other'] as const;
export type BuiltinReportType = (typeof REPORT_TYPES)[number];
/** a built-in type, or the `reportType` of a pack that the config names */
export type ReportType = string;

export type EvidenceSource = 'config' | 'title' | 'filename' | 'opening' | 'headings' | 'vocabulary';

export interface ReportTypeEvidence {
  source: EvidenceSource;
  /** the type the evidence speaks for */
  type: BuiltinReportType;
  weight: number;
  /** the words read (a heading, a phrase of the opening, the file name) */
  text: string;
  /** why it counts, short, in Chinese and English */
  reason: { zh: string; en: string };
  /** SOURCE offsets of `text`, when it is in the document */
  start?: number;
  end?: number;
}

export interface ReportTypeDecision {
  type: ReportType;
  /** 0–1: how clearly the evidence points to the type (1 when the config names it) */
  confidence: number;
  /** named in the config, not inferred */
  declared: boolean;
  /** the sum of the weights per type */
  scores: Record<BuiltinReportType, number>;
  evidence: ReportTypeEvidence[];
}

/** What a type means for the built-in rules. */
export function isAnnualType(type: ReportType): boolean {
  return type === 'fazhi-annual-report' || type === 'annual-report';
}

// --- vocabulary -----------------------------------------------------------------------------

/** the subject 法治: 法治政府建设, 法治建设, 依法行政, 法治工作, 依法治区 */
const FAZHI = /法治政府建设|法治建设|依法行政|法治政府|法治工作|依法治(?:国|省|市|区|县|州|旗|镇|乡|街|校|企)/;
/** the thematic areas of the 法治政府建设实施纲要 as headings use them (g: read by firstUnquoted) */
const FAZHI_AREAS =
  /法治|依法行政|依法(?:科学民主|民主|科学)?决策|行政决策|职能依法全面履行|政府职能|行政执法|规范公正文明执法|权力(?:的)?制约(?:和|与)?监督|制约监督|行政复议|行政诉讼|行政应诉|矛盾纠纷|普法|规范性文件|合法性审核|法律顾问|第一责任人|述法|放管服|营商环境/g;
/** body words of a 法治 report, counted per thousand characters */
const FAZHI_WORDS =
  /法治|依法行政|行政执法|执法|行政复议|行政诉讼|出庭应诉|规范性文件|合法性审核|法律顾问|普法|第一责任人|述法|重大行政决策/g;

/** the genre a title or a file name names */
const GWR_TITLE = /政府工作报告/;
const SPEECH_TITLE = /讲话|致辞|发言|讲稿|报告会|动员会|推进会上/;
const AUDIT_TITLE = /审计(?:工作)?报告|审计结果|审计查出/;
const OPEN_GOV_TITLE = /政府信息公开(?:工作)?(?:年度)?报告/;
const PLAN_TITLE = /计划|要点|方案|规划|安排|意见|通知|办法|细则|决定|纲要/;
const YEAR_IN_TITLE = /(?:19|20)\d{2}\s*年|[〇零○一二三四五六七八九]{4}年|年度|本年|上一?年/;

function stripDraftMarks(name: string): string {
  return name
    .replace(/\.(?:docx?|txt|md|markdown|mdown|mkd|wps|pdf)$/i, '')
    .replace(/[（(【[](?:送审稿|征求意见稿|修改稿|修订稿|讨论稿|初稿|草稿|定稿|终稿|报批稿|送签稿|审定稿|代拟稿|[^）)】\]]{0,6}稿)[）)】\]]/g, '')
    .replace(/[-_ ]?(?:v|V)\d+(?:\.\d+)*$/, '')
    .replace(/\s+/g, '');
}

/** What a title (or a file name read as one) says; empty when it says nothing. */
function readTitle(raw: string, source: 'title' | 'filename', scale: number, at?: { start: number; end: number }): ReportTypeEvidence[] {
  const t = raw.replace(/\s+/g, '');
  const ev = (type: BuiltinReportType, weight: number, zh: string, en: string): ReportTypeEvidence[] => [
    { source, type, weight: Math.round(weight * scale), text: raw.trim(), reason: { zh, en }, ...(at ?? {}) },
  ];
  if (!/\p{Script=Han}/u.test(t)) return [];
  if (GWR_TITLE.test(t)) return ev('government-work-report', 6, '名为「政府工作报告」', 'named 政府工作报告');
  if (SPEECH_TITLE.test(t) && !/报告$/.test(t)) return ev('other', 6, '讲话稿', 'a speech');
  if (AUDIT_TITLE.test(t)) return ev('other', 6, '审计工作报告', 'an audit report');
  if (OPEN_GOV_TITLE.test(t)) return ev('annual-report', 6, '政府信息公开工作年度报告（另一种年度报告）', 'the annual report on open government information (another annual report)');
  const report = /报告|汇报/.test(t);
  const summary = /总结/.test(t);
  const dated = YEAR_IN_TITLE.test(t);
  if (summary && !report) {
    return ev('annual-report', 5, '工作总结（年度工作总结是年度报告，但不是法治政府建设年度报告）', 'a work summary (an annual report, not the 法治 annual report)');
  }
  if (report && FAZHI.test(t)) {
    // the subject comes before the genre: ……法治政府建设情况报告, ……法治工作情况暨……工作要点的报告
    const subjectFirst = /(?:法治政府建设|法治建设|依法行政|法治政府|法治工作|依法治\S)[^报]{0,24}报告/.test(t);
    if (subjectFirst && dated) return ev('fazhi-annual-report', 6, '标题写明年度与法治（政府）建设的报告', 'the title names a year and a report on 法治 (government) building');
    if (subjectFirst) return ev('fazhi-annual-report', 3, '标题是关于法治（依法行政）的报告，但未写年度', 'a report on 法治 (依法行政), but no year in the title');
  }
  if (!report && PLAN_TITLE.test(t)) return ev('other', 5, '计划、要点、方案或通知，不是报告', 'a plan, programme or notice, not a report');
  if (report && dated) return ev('annual-report', 3, '标题写明年度的工作报告', 'a report on a year\'s work');
  return [];
}

// --- the decision ---------------------------------------------------------------------------

export interface DecideInput {
  document: DocumentModel;
  parts: ReportParts;
  /** from the config: taken as it is */
  declared: ReportType | null;
}

export function decideReportType({ document, parts, declared }: DecideInput): ReportTypeDecision {
  const scores = (): Record<BuiltinReportType, number> => ({ 'fazhi-annual-report': 0, 'annual-report': 0, 'government-work-report': 0, other: 0 });
  if (declared) {
    const evidence: ReportTypeEvidence[] = [{
      source: 'config', type: (REPORT_TYPES as readonly string[]).includes(declared) ? (declared as BuiltinReportType) : 'other', weight: 0,
      text: declared, reason: { zh: '配置文件中的 reportType', en: 'reportType in the config' },
    }];
    return { type: declared, confidence: 1, declared: true, scores: scores(), evidence };
  }
  const evidence = collectEvidence(document, parts);
  const s = scores();
  for (const e of evidence) s[e.type] += e.weight;
  const type = choose(s, evidence);
  // the 法治 report is an annual report too: the structure of an annual report speaks for it
  const F = s['fazhi-annual-report'];
  const A = s['annual-report'];
  const G = s['government-work-report'];
  const O = s.other;
  const [own, rival] = type === 'fazhi-annual-report' ? [F + A, Math.max(G, O)]
    : type === 'annual-report' ? [A, Math.max(G, O, F)]
      : type === 'government-work-report' ? [G, Math.max(F + A, O)]
        : [O, Math.max(F + A, G)];
  const confidence = own === 0 ? 0 : Math.round((own / (own + rival + 2)) * 100) / 100;
  return { type, confidence, declared: false, scores: s, evidence };
}

function choose(s: Record<BuiltinReportType, number>, evidence: readonly ReportTypeEvidence[]): BuiltinReportType {
  const F = s['fazhi-annual-report'];
  const A = s['annual-report'];
  const G = s['government-work-report'];
  const O = s.other;
  // a 政府工作报告 says so in its opening (各位代表, 向大会报告) or its title
  if (G >= 4 && G >= F) return 'government-work-report';
  // the title's genre decides between a report, a summary, a speech and a plan
  const titled = evidence.filter((e) => e.source === 'title' || e.source === 'filename');
  const titleSays = (type: BuiltinReportType, min: number) => titled.some((e) => e.type === type && e.weight >= min);
  // a title that names the year and the 法治 report is the author's own word for it
  if (evidence.some((e) => e.source === 'title' && e.type === 'fazhi-annual-report' && e.weight >= 6)) return 'fazhi-annual-report';
  if (titleSays('other', 5) && !titleSays('fazhi-annual-report', 5)) return 'other';
  if (titleSays('annual-report', 4) && !titleSays('fazhi-annual-report', 5)) return 'annual-report';
  if (O >= 5 && O > F + A) return 'other';
  // the 法治 report: its subject (title, opening, headings, vocabulary) and the parts of an annual report
  if (F >= 5 && F + A >= 9) return 'fazhi-annual-report';
  if (A >= 3 || titleSays('annual-report', 3)) return 'annual-report';
  return 'other';
}

function collectEvidence(document: DocumentModel, parts: ReportParts): ReportTypeEvidence[] {
  const out: ReportTypeEvidence[] = [];
  const at = (block: TextBlock, i: number, j: number) => sourceRange(block, i, j);

  // the title and the file name
  if (document.title) out.push(...readTitle(document.title.text, 'title', 1, at(document.title, 0, document.title.text.length)));
  const base = document.filename.split(/[\\/]/).pop() ?? '';
  const name = stripDraftMarks(base);
  if (name) out.push(...readTitle(name, 'filename', document.title ? 0.5 : 0.8));

  // the opening: the addressee and the paragraphs before the first heading (at most the first three)
  const opening: TextBlock[] = [...(document.addressee ? [document.addressee] : []), ...document.preamble.slice(0, 3)];
  // a 政府工作报告 with a subtitle: ——2026年1月28日在……人民代表大会……会议上
  const firstOpening = (re: RegExp): { block: TextBlock; m: RegExpExecArray } | null => {
    for (const block of opening) {
      const m = re.exec(block.text);
      if (m) return { block, m };
    }
    return null;
  };
  const push = (hit: { block: TextBlock; m: RegExpExecArray } | null, type: BuiltinReportType, weight: number, zh: string, en: string) => {
    if (!hit) return;
    out.push({ source: 'opening', type, weight, text: hit.m[0], reason: { zh, en }, ...at(hit.block, hit.m.index, hit.m.index + hit.m[0].length) });
  };
  push(firstOpening(/^各位代表[：:]?/), 'government-work-report', 4, '称呼「各位代表」：向人民代表大会所作的报告', 'addressed to 各位代表: a report to a people\'s congress');
  push(firstOpening(/向大会(?:作|报告)|请予审议|人民代表大会[^。]{0,12}会议上/), 'government-work-report', 3, '向大会报告、请予审议', 'reported to the congress for deliberation');
  push(firstOpening(/^同志们[：:，,！!]/), 'other', 5, '称呼「同志们」：讲话稿', 'addressed to 同志们: a speech');
  const fazhiStatement = firstOpening(/现(?:将|就)[^。]{0,40}?(?:法治|依法行政)[^。]{0,30}?(?:报告|汇报)如下/);
  if (fazhiStatement) push(fazhiStatement, 'fazhi-annual-report', 4, '开头「现将……法治……报告如下」', 'the opening reports on 法治 (现将……法治……报告如下)');
  else push(firstOpening(/现(?:将|就)[^。]{0,50}?(?:报告|汇报|总结)如下/), 'annual-report', 2, '开头「现将……报告如下」：一份工作报告', 'the opening 现将……报告如下: a report on work');
  push(firstOpening(/^(?:19|20)\d{2}年(?:以来|度)?[，,]/), 'annual-report', 1, '开头以年份起句，回顾一年工作', 'the opening starts with the year, looking back on it');

  // the parts of an annual report, found by their headings (the built-in pack's definitions)
  const headingOf = (id: string) => {
    const found = parts.found(id);
    return found?.section ? found.section.heading : null;
  };
  const partEvidence = (id: string, type: BuiltinReportType, weight: number, zh: string, en: string) => {
    const h = headingOf(id);
    if (h) out.push({ source: 'headings', type, weight, text: h.text, reason: { zh, en }, ...at(h, 0, h.text.length) });
  };
  partEvidence('measures', 'annual-report', 2, '主要举措和成效部分', 'a measures-and-results part');
  partEvidence('shortcomings', 'annual-report', 2, '存在的不足（问题）部分', 'a shortcomings part');
  partEvidence('next-year-plan', 'annual-report', 1, '下一年度工作安排部分', 'a part on next year\'s plan');
  partEvidence('leaders-duty', 'fazhi-annual-report', 3, '党政主要负责人履行推进法治建设第一责任人职责部分', 'a part on the leaders\' duty as first responsible persons');

  // the headings of a 政府工作报告
  const headings = document.allSections.map((s) => s.heading);
  const gwrHeading = headings.find((h) => /工作回顾|政府自身建设|今年(?:政府)?工作|总体要求和主要(?:预期)?目标/.test(h.text));
  if (gwrHeading) {
    out.push({ source: 'headings', type: 'government-work-report', weight: 2, text: gwrHeading.text, reason: { zh: '政府工作报告的标题（工作回顾、今年工作）', en: 'a heading of a 政府工作报告 (工作回顾, 今年工作)' }, ...at(gwrHeading, 0, gwrHeading.text.length) });
  }
  const gwrBody = firstIn(document.paragraphs, /政府工作的总体要求|主要预期目标是|今年(?:全[省市区县国])?经济社会发展的?主要(?:预期)?目标/);
  if (gwrBody) {
    out.push({ source: 'vocabulary', type: 'government-work-report', weight: 3, text: gwrBody.m[0], reason: { zh: '政府工作报告的固定表述', en: 'a fixed phrase of a 政府工作报告' }, ...at(gwrBody.block, gwrBody.m.index, gwrBody.m.index + gwrBody.m[0].length) });
  }

  // the subject: headings about 法治 or the thematic areas of the 实施纲要
  const topical = headings.filter((h) => firstUnquoted(h.text, FAZHI_AREAS) !== null);
  if (topical.length > 0) {
    const weight = topical.length >= 2 && topical.length * 3 >= headings.length ? 3 : topical.length >= 2 ? 2 : 1;
    const h = topical[0]!;
    out.push({
      source: 'vocabulary', type: 'fazhi-annual-report', weight,
      text: topical.slice(0, 3).map((x) => x.text).join(' / '),
      reason: { zh: `${topical.length}个标题以法治（依法行政）为主题（共${headings.length}个标题）`, en: `${topical.length} of ${headings.length} headings are about 法治 (依法行政)` },
      ...at(h, 0, h.text.length),
    });
  }
  // a results heading that names 法治 itself (一、2024年法治政府建设主要举措和成效)
  const results = headingOf('measures');
  if (results && FAZHI.test(results.text)) {
    out.push({ source: 'headings', type: 'fazhi-annual-report', weight: 3, text: results.text, reason: { zh: '成效部分的标题写明法治（政府）建设', en: 'the results heading names 法治 (government) building' }, ...at(results, 0, results.text.length) });
  }
  // the density of 法治 words in the body
  let chars = 0;
  let hits = 0;
  // counted with test() and lastIndex: no array of matched strings per paragraph, no blanked copy
  for (const p of document.paragraphs) {
    const text = p.text;
    chars += text.length;
    const titles = titleSpans(text);
    FAZHI_WORDS.lastIndex = 0;
    // (lastIndex - 1 is the match's last character: a match is wholly inside a title or outside)
    while (FAZHI_WORDS.test(text)) if (titles === null || !insideSpan(titles, FAZHI_WORDS.lastIndex - 1)) hits++;
  }
  const density = chars === 0 ? 0 : (hits * 1000) / chars;
  if (chars >= 200 && density >= 3) {
    out.push({
      source: 'vocabulary', type: 'fazhi-annual-report', weight: density >= 6 ? 2 : 1,
      text: `${hits}/${chars}`,
      reason: { zh: `正文每千字${density.toFixed(1)}个法治用语`, en: `${density.toFixed(1)} 法治 words per thousand characters of body text` },
    });
  }
  // 第一责任人 as the draft's own words, not in the title of a quoted regulation
  if (!headingOf('leaders-duty')) {
    const duty = firstIn(document.paragraphs, DUTY, true);
    if (duty) out.push({ source: 'vocabulary', type: 'fazhi-annual-report', weight: 1, text: duty.m[0], reason: { zh: '正文写到第一责任人职责（不计《》中的文件名）', en: 'the body speaks of the first responsible persons (not counting titles in 《》)' }, ...at(duty.block, duty.m.index, duty.m.index + duty.m[0].length) });
  }
  // the opening names 法治 (2024年，在区委……的领导下，我局坚持依法行政……)
  if (!fazhiStatement) {
    const named = firstIn(document.preamble.slice(0, 2), FAZHI, true);
    if (named) out.push({ source: 'opening', type: 'fazhi-annual-report', weight: 1, text: named.m[0], reason: { zh: '开头写到法治（依法行政）', en: 'the opening speaks of 法治 (依法行政)' }, ...at(named.block, named.m.index, named.m.index + named.m[0].length) });
  }
  return out.filter((e) => e.weight > 0);
}

/** 第一责任人 or 述法 in the body (outside 《》: see firstIn) */
const DUTY = /第一责任人|述法/;

/** a title in 《》: a quoted document's name is not the draft's own words */
const TITLE = /《[^《》\n]*》/g;

/**
 * The [start, end) of each title in 《》 in text, flat (start, end, start, end …); null when
 * there is none. The words looked for hold neither 《 nor 》, so a match lies wholly inside a
 * title or wholly outside: matches are tested against these spans instead of being looked for
 * in a copy of every paragraph with its titles blanked out.
 */
function titleSpans(text: string): number[] | null {
  if (!text.includes('《')) return null;
  const spans: number[] = [];
  TITLE.lastIndex = 0;
  for (let m = TITLE.exec(text); m; m = TITLE.exec(text)) spans.push(m.index, m.index + m[0].length);
  return spans.length > 0 ? spans : null;
}

/** Whether index i is inside one of the spans of titleSpans (a handful per paragraph: a plain walk). */
function insideSpan(spans: readonly number[], i: number): boolean {
  for (let k = 0; k < spans.length; k += 2) if (spans[k]! <= i && i < spans[k + 1]!) return true;
  return false;
}

/** The first match of `global` (a pattern with the g flag) in text outside its titles in 《》. */
function firstUnquoted(text: string, global: RegExp): RegExpExecArray | null {
  const titles = titleSpans(text);
  global.lastIndex = 0;
  for (let m = global.exec(text); m; m = global.exec(text)) if (titles === null || !insideSpan(titles, m.index)) return m;
  return null;
}

/** The first match of re in the blocks' text; with `outsideTitles`, not inside a title in 《》 (see titleSpans). */
function firstIn(blocks: readonly TextBlock[], re: RegExp, outsideTitles = false): { block: TextBlock; m: RegExpExecArray } | null {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const block of blocks) {
    global.lastIndex = 0;
    const m = outsideTitles ? firstUnquoted(block.text, global) : global.exec(block.text);
    if (m) return { block, m };
  }
  return null;
}

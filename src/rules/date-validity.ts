import type { DocumentModel, Paragraph, TextBlock } from '../document/model.js';
import type { DateMention, SignatureDate, SignatureDateProblem } from '../document/facts/dates.js';
import { sourceRange, textIndexOf } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';
import { factsOf } from '../document/facts/index.js';

/**
 * date-validity: the dates of an annual report are real, the signature date (成文日期) is
 * written per GB/T 9704-2012 §7.3.5.4 and falls where a report on year N can be dated, nothing
 * is dated after the signature unless it is planned, and the parts about year N say N.
 *
 * Everything is read from factsOf(document) (dates, signatureDate, reportYear, reportType,
 * planSection): the rule has no date parser of its own.
 *
 * Checks, in the order of the doc page:
 *   1. invalidMonth / invalidDay / invalidRange: 2025年2月30日, 2025年13月5日, 6月31日, 2025—2021年 (any document);
 *   2. signatureForm / signatureInvalid: 二〇二五年十二月二日, 25年12月2日, 2025年01月06日,
 *      2025.12.2, 2025年2月30日 as the signature date (any document);
 *   3. signatureEarly / signatureLate: outside [N-`earliest`, (N+1)-`deadline`] (法治政府建设年度报告
 *      only; late is a warning);
 *   4. afterSignature: a date later than the signature date, outside the plan part and without a
 *      future marker (拟, 计划, 将, 预计, 力争, 前, 截至 …) before it in its sentence (annual reports);
 *   5. headingYear / statementYear: a heading of the measures-and-results part, the opening
 *      sentence (2024年，…) or 「现将2024年……报告如下」 naming a year other than N (annual reports).
 *
 * Literal 上一年度/下一年度 in headings (template words) are relative-time's, not this rule's: the
 * statutory wording puts them in many real headings, and relative-time is the advisory rule.
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;

const MONTH_DAY = '^(0?[1-9]|1[0-2])-(0?[1-9]|[12][0-9]|3[01])$';

export const DEFAULT_FUTURE_MARKERS = [
  '拟', '计划', '将', '预计', '力争', '争取', '确保', '定于', '有望', '目标', '下一步', '今后', '截至', '截止', '到', '前', '起',
];

export const meta = defineMeta({
  id: 'date-validity',
  description: {
    zh: '日期须真实有效，成文日期须符合GB/T 9704且在报告年度的合理期间内，正文不写成文日期之后的日期，报告年度前后一致',
    en: 'Dates are real, the signature date follows GB/T 9704 and lies in the window for the report year, nothing is dated after it, the report year is consistent',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: true,
  options: {
    earliest: {
      type: 'string',
      pattern: MONTH_DAY,
      description: 'First day (MM-DD in the report year N) on which the report may be signed.',
    },
    deadline: {
      type: 'string',
      pattern: MONTH_DAY,
      description: 'Last day (MM-DD in N+1) for the report to be signed and published; later is a warning.',
    },
    toleranceDays: {
      type: 'integer',
      minimum: 0,
      maximum: 366,
      description: 'Dates up to this many days after the signature date are accepted.',
    },
    futureMarkers: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Words that make a date after the signature date a plan (拟, 计划, 将, 前 …); replaces the default list.',
    },
  },
  defaultOptions: { earliest: '10-01', deadline: '04-01', toleranceDays: 0, futureMarkers: DEFAULT_FUTURE_MARKERS },
  messages: {
    invalidMonth: {
      zh: '「{{raw}}」不是真实存在的日期：没有{{month}}月',
      en: '"{{raw}}" is not a real date: there is no month {{month}}',
    },
    invalidDay: {
      zh: '「{{raw}}」不是真实存在的日期：{{month}}月没有{{day}}日',
      en: '"{{raw}}" is not a real date: month {{month}} has no day {{day}}',
    },
    invalidRange: {
      zh: '年份区间「{{raw}}」起止颠倒',
      en: 'The year range "{{raw}}" runs backwards',
    },
    signatureForm: {
      zh: '成文日期「{{raw}}」不符合GB/T 9704—2012第7.3.5.4条（{{problems}}），应写作「{{fixed}}」',
      en: 'The signature date "{{raw}}" does not follow GB/T 9704-2012 §7.3.5.4 ({{problems}}); write "{{fixed}}"',
    },
    signatureUnreadable: {
      zh: '成文日期「{{raw}}」写法不规范（{{problems}}），应用阿拉伯数字将年、月、日标全，如「2025年12月2日」',
      en: 'The signature date "{{raw}}" is not written properly ({{problems}}); write year, month and day in Arabic numerals, e.g. "2025年12月2日"',
    },
    signatureEarly: {
      zh: '成文日期{{date}}早于{{earliest}}：{{year}}年度的报告不应在该年{{earliestShort}}之前成文（请核对成文日期或报告年度）',
      en: 'The signature date {{date}} is before {{earliest}}: a report on {{year}} is not signed before {{earliestShort}} of that year (check the date or the report year)',
    },
    signatureLate: {
      zh: '成文日期{{date}}晚于{{deadline}}：{{year}}年度法治政府建设年度报告应在{{deadline}}之前向社会公开',
      en: 'The signature date {{date}} is after {{deadline}}: the report on {{year}} is to be published by {{deadline}}',
    },
    afterSignature: {
      zh: '「{{raw}}」晚于成文日期{{signature}}：已发生的事项不应晚于成文日期（计划事项请写入下一年度安排，或写明「拟」「计划」「将于」）',
      en: '"{{raw}}" is later than the signature date {{signature}}: what has happened cannot be later than the date of the report (put plans in next year\'s part, or say 拟/计划/将于)',
    },
    headingYear: {
      zh: '「{{heading}}」写的是{{found}}年，但本报告是{{year}}年度报告',
      en: 'The heading "{{heading}}" names {{found}}, but this is the report on {{year}}',
    },
    statementYear: {
      zh: '「{{raw}}」与报告年度{{year}}年不一致（报告年度依据：{{evidence}}）',
      en: '"{{raw}}" does not match the report year {{year}} (taken from: {{evidence}})',
    },
  },
  tags: ['dates', 'content'],
});

// --- helpers ------------------------------------------------------------------------------

/** days since 1970-01-01 of a calendar date */
function dayNumber(year: number, month: number, day: number): number {
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

function parseMonthDay(s: string, fallback: [number, number]): [number, number] {
  const m = new RegExp(MONTH_DAY).exec(s);
  return m ? [Number(m[1]), Number(m[2])] : fallback;
}

function formatDate(y: number, m: number, d: number): string {
  return `${y}年${m}月${d}日`;
}

const PROBLEM_TEXT: Record<SignatureDateProblem, string> = {
  'chinese-numerals': '应使用阿拉伯数字',
  'short-year': '年份应标全称',
  'leading-zero': '月、日不编虚位',
  'numeric-form': '应写作「×年×月×日」',
  spaces: '不应含空格',
  'invalid-date': '不是真实存在的日期',
  unrecognised: '年、月、日未标全或数字写法混杂',
};

// --- 1. invalid dates -----------------------------------------------------------------------

function checkInvalid(ctx: Context, dates: readonly DateMention[]): void {
  for (const d of dates) {
    if (d.valid || d.where === 'signature') continue;
    if (d.kind === 'range') {
      if (d.range && d.range.from > d.range.to) {
        ctx.report({ messageId: 'invalidRange', data: { raw: d.raw }, start: d.start, end: d.end });
      }
      continue;
    }
    if (d.kind !== 'date' && d.kind !== 'month') continue;
    // a year outside 1800–2199 is not a year at all (1200年3月: a length of time, not a date)
    if (d.year !== undefined && (d.year < 1800 || d.year > 2199)) continue;
    // without a year, only a full month-day can be called a date (18月 may be a length of time)
    if (d.year === undefined && d.day === undefined) continue;
    // 2025.13.5 may be a number of another kind (a clause number): only a clear date shape counts
    if (d.form === 'numeric' && (d.month === undefined || d.month < 1 || d.month > 12 || (d.day ?? 0) > 31)) continue;
    const month = d.month ?? 0;
    const badMonth = month < 1 || month > 12;
    ctx.report({
      messageId: badMonth ? 'invalidMonth' : 'invalidDay',
      data: { raw: d.raw, month, day: d.day ?? 0 },
      start: d.start,
      end: d.end,
    });
  }
}

// --- 2. the form of the signature date -------------------------------------------------------

function checkSignatureForm(ctx: Context, sig: SignatureDate): void {
  const problems = sig.problems;
  if (problems.length === 0) return;
  const raw = sig.raw;
  const src = ctx.document.source.slice(sig.start, sig.end);
  const at = src.indexOf(raw);
  const start = at >= 0 ? sig.start + at : sig.start;
  const end = at >= 0 ? start + raw.length : sig.end;
  const text = problems.map((p) => PROBLEM_TEXT[p]).join('，');
  if (sig.valid && sig.year !== null && sig.month !== null && sig.day !== null) {
    const fixed = formatDate(sig.year, sig.month, sig.day);
    ctx.report({
      messageId: 'signatureForm',
      data: { raw, problems: text, fixed },
      start,
      end,
      ...(at >= 0 ? { fix: { start, end, text: fixed } } : {}),
    });
  } else {
    ctx.report({ messageId: 'signatureUnreadable', data: { raw, problems: text }, start, end });
  }
}

// --- 3. the signature window -----------------------------------------------------------------

/** Whether the signature date lies before the window (and was reported). */
function checkWindow(ctx: Context, sig: SignatureDate, year: number): boolean {
  const [em, ed] = parseMonthDay(ctx.options.earliest, [10, 1]);
  const [dm, dd] = parseMonthDay(ctx.options.deadline, [4, 1]);
  const signed = dayNumber(sig.year!, sig.month!, sig.day!);
  const date = formatDate(sig.year!, sig.month!, sig.day!);
  if (signed < dayNumber(year, em, ed)) {
    ctx.report({
      messageId: 'signatureEarly',
      data: { date, earliest: formatDate(year, em, ed), earliestShort: `${em}月${ed}日`, year },
      start: sig.start,
      end: sig.end,
    });
    return true;
  }
  if (signed > dayNumber(year + 1, dm, dd)) {
    ctx.report({
      messageId: 'signatureLate',
      data: { date, deadline: formatDate(year + 1, dm, dd), year },
      start: sig.start,
      end: sig.end,
      level: 'warn',
    });
  }
  return false;
}

// --- 4. dates after the signature date ---------------------------------------------------------

const PERIOD_START: Record<string, [number, number]> = {
  H1: [1, 1], H2: [7, 1], Q1: [1, 1], Q2: [4, 1], Q3: [7, 1], Q4: [10, 1], start: [1, 1],
};

/** The first day a mention can mean, or null when it is too vague to compare. */
function earliestDay(d: DateMention): number | null {
  if (d.year === undefined || !d.valid) return null;
  if (d.kind === 'date' && d.month !== undefined && d.day !== undefined) return dayNumber(d.year, d.month, d.day);
  if (d.kind === 'month' && d.month !== undefined) return dayNumber(d.year, d.month, 1);
  if (d.kind === 'period' && d.period && PERIOD_START[d.period]) {
    const [m, day] = PERIOD_START[d.period]!;
    return dayNumber(d.year, m, day);
  }
  // a bare year (2026年度预算), a range (2026—2030年) or 年底 is not a point in time to compare
  return null;
}

/** The text of the sentence around a mention, up to a few characters after it. */
function leadingContext(doc: DocumentModel, d: DateMention): string {
  let block: TextBlock | null = null;
  let sentenceStart = 0;
  let sentenceEnd = Infinity;
  if (d.where === 'paragraph' && d.paragraphIndex !== null) {
    const p: Paragraph = doc.paragraphs[d.paragraphIndex]!;
    block = p;
    const i = textIndexOf(p, d.start);
    const s = p.sentences.find((x) => x.start <= i && i < x.end);
    if (s) [sentenceStart, sentenceEnd] = [s.start, s.end];
  } else if (d.where === 'heading' && d.sectionId !== null) {
    block = doc.allSections[d.sectionId]!.heading;
  }
  if (!block) return '';
  const j = textIndexOf(block, d.end, true);
  return block.text.slice(sentenceStart, Math.min(sentenceEnd, j + 6));
}

function checkAfterSignature(ctx: Context, sig: SignatureDate, dates: readonly DateMention[]): void {
  const doc = ctx.document;
  const limit = dayNumber(sig.year!, sig.month!, sig.day!) + Math.max(0, ctx.options.toleranceDays ?? 0);
  const plan = factsOf(doc).planSectionIds;
  const markers = ctx.options.futureMarkers ?? DEFAULT_FUTURE_MARKERS;
  for (const d of dates) {
    if (d.where === 'signature' || d.where === 'title' || d.quoted) continue;
    if (d.sectionId !== null && plan.has(d.sectionId)) continue;
    const day = earliestDay(d);
    if (day === null || day <= limit) continue;
    const context = leadingContext(doc, d);
    if (markers.some((m) => m && context.includes(m))) continue;
    ctx.report({
      messageId: 'afterSignature',
      data: { raw: d.raw, signature: formatDate(sig.year!, sig.month!, sig.day!) },
      start: d.start,
      end: d.end,
    });
  }
}

// --- 5. year mentions that contradict N ----------------------------------------------------------

/** headings that look back (rectification, shortcomings), ahead (plans) or across years (comparisons, history) */
const NOT_ABOUT_N = /整改|不足|问题|短板|差距|安排|打算|计划|思路|规划|展望|下一|下步|明年|来年|以来|至今|以前|回顾|对比|同比|较|历年|连续|十[四五六]五/u;

function checkHeadingYears(ctx: Context, year: number, dates: readonly DateMention[]): void {
  const doc = ctx.document;
  const facts = factsOf(doc);
  const plan = facts.planSectionIds;
  const byHeading = new Map<number, DateMention[]>();
  for (const d of dates) {
    if (d.where !== 'heading' || d.sectionId === null || d.quoted) continue;
    const list = byHeading.get(d.sectionId) ?? [];
    list.push(d);
    byHeading.set(d.sectionId, list);
  }
  for (const [id, mentions] of byHeading) {
    if (plan.has(id)) continue;
    const section = doc.allSections[id]!;
    const title = section.heading.title;
    if (NOT_ABOUT_N.test(title) || !facts.parts.isHeadingOf('measures', title)) continue;
    const years = mentions.filter((d) => (d.kind === 'year' || d.kind === 'period') && d.year !== undefined && d.valid);
    // any mention of N itself (or a range, a relative word) makes the heading about more than one year
    if (years.length === 0 || mentions.some((d) => d.year === year || d.kind === 'range' || d.kind === 'relative')) continue;
    const first = years[0]!;
    ctx.report({
      messageId: 'headingYear',
      data: { heading: section.heading.text, found: first.year!, year },
      start: first.start,
      end: first.end,
    });
  }
}

/** 现将2024年……报告如下 */
// (the year is matched first and the lookbehind, which ends with the same four digits, checked only there:
// a lookbehind first would run at every position of the paragraph)
// (not the plan's year: 现将全年工作总结及2025年工作计划报告如下)
const STATEMENT = /(\d{4})(?<=(?:现将|现就|特将)[^。；]{0,12}?\d{4})年(?:度)?(?![^。；，]{0,4}?(?:计划|要点|安排|打算|思路))(?=[^。；]{0,30}?(?:报告|汇报)如下)/gu;
/** 2024年，在区委区政府的领导下…… */
const OPENING_YEAR = /^(\d{4})年(?:度)?(?=[，,])/gu;
/** what a paragraph must contain for STATEMENT to match */
const STATEMENT_HINT = /(?:现将|现就|特将)[^]*如下/;

const EVIDENCE: Record<string, string> = { title: '标题', opening: '开头段', heading: '小标题', signature: '成文日期', body: '正文' };

function checkStatements(ctx: Context, year: number): void {
  const doc = ctx.document;
  const ry = factsOf(doc).reportYear!;
  const evidence = `${EVIDENCE[ry.source] ?? ry.source}「${doc.source.slice(ry.evidence.start, ry.evidence.end)}」`;
  const candidates: Array<{ block: TextBlock; re: RegExp }> = [];
  // the opening sentence: 2024年，在区委区政府的领导下…… (only when N comes from elsewhere)
  const opening = doc.preamble[0];
  if (opening) candidates.push({ block: opening, re: OPENING_YEAR });
  // 现将2024年法治政府建设情况报告如下 (the lookbehind would run at every position of every
  // paragraph: only the few paragraphs with both 如下 and 现将/现就/特将 can match)
  for (const p of doc.paragraphs) {
    if (!STATEMENT_HINT.test(p.text)) continue;
    candidates.push({ block: p, re: STATEMENT });
  }
  const seen = new Set<number>();
  for (const { block, re } of candidates) {
    re.lastIndex = 0;
    for (let m = re.exec(block.text); m; m = re.exec(block.text)) {
      const found = Number(m[1]);
      if (found === year) continue;
      const { start, end } = sourceRange(block, m.index!, m.index! + m[0].length);
      if (seen.has(start)) continue;
      seen.add(start);
      // the very text N was read from cannot contradict it
      if (start < ry.evidence.end && end > ry.evidence.start) continue;
      ctx.report({ messageId: 'statementYear', data: { raw: m[0], year, evidence }, start, end });
    }
  }
}

// --- the rule ------------------------------------------------------------------------------------

export function check(ctx: Context): void {
  const doc = ctx.document;
  const facts = factsOf(doc);
  const dates = facts.dates;
  checkInvalid(ctx, dates);
  const sig = facts.signatureDate;
  if (sig) checkSignatureForm(ctx, sig);
  if (!facts.isAnnualReport) return;
  const year = facts.reportYear?.year ?? null;
  const sigUsable = sig !== null && sig.valid && sig.year !== null && sig.month !== null && sig.day !== null;
  let early = false;
  if (sigUsable && year !== null && facts.reportType === 'fazhi-annual-report') early = checkWindow(ctx, sig, year);
  // a signature date before the window is itself suspect: dates after it would only echo that
  if (sigUsable && !early) checkAfterSignature(ctx, sig, dates);
  if (year !== null) {
    checkHeadingYears(ctx, year, dates);
    checkStatements(ctx, year);
  }
}

export default defineRule({ meta, check });

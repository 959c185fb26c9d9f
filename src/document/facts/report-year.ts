/**
 * Which year a report is about (N) and which section is next year's plan (the kind of report:
 * report-type.ts).
 *
 * inferReportYear, in order of trust:
 *   1. title: the first year in the title (…2024年法治政府建设年度报告, 2024年度…);
 *   2. opening: a year in the first sentence of the opening paragraph (2025年,在区委…), or a year
 *      right before 法治/依法行政/工作 anywhere in the opening (现将2024年法治政府建设情况报告如下);
 *   3. heading: the year of the results heading (三、2025年法治建设主要举措和成效); headings about
 *      rectification or shortcomings (整改, 不足, 问题) name last year and are skipped; a plan
 *      heading ({N+1}年工作安排) gives its year minus one when nothing else does;
 *   4. signature: a report signed January–April of Y reports on Y-1, October–December of Y on Y;
 *      May–September is ambiguous and gives null;
 *   5. body: when the title is missing and nothing above says it, the year a paragraph of the
 *      results starts with (2023年，区司法局……; 2023年以来，……), outside the sections about
 *      shortcomings, rectification and plans.
 */
import type { DocumentModel, Section } from '../model.js';
import { scanDates, type SignatureDate, type TextDate } from './dates.js';
import { sourceRange, type FactBlock } from './blocks.js';
import { LOOKING_BACK, PLAN_WORDS } from './parts.js';
import type { TextBlock } from '../model.js';

export type ReportYearSource = 'title' | 'opening' | 'heading' | 'signature' | 'body';

export interface ReportYear {
  year: number;
  source: ReportYearSource;
  /** SOURCE offsets of the text the year was read from */
  evidence: { start: number; end: number };
}

const RESULTS = /举措|成效|情况|工作|做法|法治|依法行政/;

/**
 * The report year N, or null when nothing in the document says it. `blocks`, `dates` and
 * `signatureDate` are factsOf(document).blocks, .blockDates and .signatureDate (the last read only
 * when nothing else gives the year).
 */
export function inferReportYear(
  document: DocumentModel,
  blocks: readonly FactBlock[],
  dates: ReadonlyArray<readonly TextDate[]>,
  signatureDate: () => SignatureDate | null,
): ReportYear | null {
  // the dates of the title, the opening and the headings: those of the fact blocks, which the
  // figures and the dates read as well (one scan per block in all)
  const opening = document.preamble[0];
  let titleDates: readonly TextDate[] = [];
  let openingDates: readonly TextDate[] | null = null;
  const headingDates: Array<readonly TextDate[]> = [];
  for (let k = 0; k < blocks.length; k++) {
    const fb = blocks[k]!;
    if (fb.where === 'title') titleDates = dates[k]!;
    else if (fb.where === 'heading' && fb.sectionId !== null) headingDates[fb.sectionId] = dates[k]!;
    else if (fb.block === opening) openingDates = dates[k]!;
  }
  // 1. the title
  if (document.title) {
    const y = firstYear(titleDates);
    if (y) return found(y.year!, 'title', document.title, y);
  }
  // 2. the opening
  if (opening) {
    const first = opening.sentences[0];
    const sentenceEnd = first ? first.end : opening.text.length;
    const unquoted = (openingDates ?? scanDates(opening.text)).filter((d) => !d.quoted);
    const inFirst = unquoted.find((d) => d.start < sentenceEnd && isYearOfReport(d));
    if (inFirst) return found(inFirst.year!, 'opening', opening, inFirst);
    const named = unquoted.find((d) => isYearOfReport(d) && /^(?:度)?(?:的)?(?:法治|依法行政|工作|推进法治|年度)/.test(opening.text.slice(d.end, d.end + 6)));
    if (named) return found(named.year!, 'opening', opening, named);
  }
  // 3. headings
  let plan: { section: Section; date: TextDate } | null = null;
  for (const section of document.allSections) {
    const text = section.heading.text;
    const from = section.ordinal ? section.ordinal.raw.length : 0;
    for (const d of headingDates[section.id] ?? scanDates(text)) {
      if (d.start < from || !isYearOfReport(d) || d.quoted) continue;
      const rest = text.slice(d.end);
      if (PLAN_WORDS.test(rest) && !RESULTS.test(rest.replace(/工作(?=安排|打算|计划|思路)/, ''))) {
        plan ??= { section, date: d };
        continue;
      }
      if (LOOKING_BACK.test(text.slice(d.end, d.end + 12))) continue;
      if (RESULTS.test(rest)) return found(d.year!, 'heading', section.heading, d);
    }
  }
  if (plan) return found(plan.date.year! - 1, 'heading', plan.section.heading, plan.date);
  // 4. the signature date
  const sig = signatureDate();
  if (sig && sig.valid && sig.year !== null && sig.month !== null) {
    const evidence = { start: sig.start, end: sig.end };
    if (sig.month <= 4) return { year: sig.year - 1, source: 'signature', evidence };
    if (sig.month >= 10) return { year: sig.year, source: 'signature', evidence };
  }
  // 5. the body: the first paragraph that starts with a year, outside looking-back and plan sections
  const otherYear = (s: Section | null): boolean => {
    for (let x = s; x; x = x.parentId === null ? null : document.allSections[x.parentId]!) {
      if (LOOKING_BACK.test(x.heading.title) || PLAN_WORDS.test(x.heading.title.replace(/举措|目标/g, '')) || /下一步|下一年|明年|今后/.test(x.heading.title)) return true;
    }
    return false;
  };
  for (let k = 0; k < blocks.length; k++) {
    const fb = blocks[k]!;
    if (fb.where !== 'paragraph') continue;
    const section = fb.sectionId === null ? null : document.allSections[fb.sectionId]!;
    if (otherYear(section)) continue;
    const m = /^(?:(?:19|20)\d{2})年(?:度|以来|来)?[，,]/.exec(fb.block.text);
    if (!m) continue;
    const d = dates[k]!.find((x) => x.start === 0 && isYearOfReport(x) && !x.quoted);
    if (d) return found(d.year!, 'body', fb.block, d);
  }
  return null;
}

function isYearOfReport(d: TextDate): boolean {
  return (d.kind === 'year' || d.kind === 'period') && d.year !== undefined && d.valid;
}

function firstYear(dates: readonly TextDate[]): TextDate | null {
  return dates.find((d) => d.year !== undefined && d.valid && d.kind !== 'range' && d.kind !== 'relative') ?? null;
}

function found(year: number, source: ReportYearSource, block: TextBlock, d: TextDate): ReportYear {
  return { year, source, evidence: sourceRange(block, d.start, d.end) };
}

// --- the plan section ---------------------------------------------------------------------

const NEXT = '下一年度|下一年|下年度|下一步|明年|今后|来年';
const PLAN = '安排|打算|计划|思路|重点|规划|举措|展望|设想';

/**
 * The section that is next year's plan: a heading with 下一年度/下一步/明年/{N+1}年 and
 * 安排/打算/计划/思路/重点… (五、下一年度推进法治政府建设的主要安排, 五、2026年工作计划,
 * 下一步工作打算). Top-level sections are preferred; the first match in document order wins.
 * `n` is the report year N, or null when it is not known.
 */
export function findPlanSection(document: DocumentModel, n: number | null): Section | null {
  const nextYear = n === null ? '' : `|${n + 1}年(?:度)?|${toChineseYear(n + 1)}年(?:度)?`;
  const re = new RegExp(`(?:${NEXT}${nextYear}).*?(?:${PLAN})`);
  const matches = document.allSections.filter((s) => re.test(s.heading.title));
  if (matches.length === 0) return null;
  const minLevel = Math.min(...matches.map((s) => s.level));
  return matches.find((s) => s.level === minLevel) ?? null;
}

function toChineseYear(y: number): string {
  return String(y).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
}

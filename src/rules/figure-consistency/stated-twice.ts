/** One quantity stated twice with two values. */
import { afterScope, clauseBefore, exact, inBrackets, isGeneric, report, roundingOf, sentenceAt, trimWords, type CheckContext, type DocumentFigures, type ParagraphFigures, type PlacedFigure, unitAt } from './paragraphs.js';
import { ACTIVITY_UNITS, OTHER_SCOPE, REGION, STATEMENT_END_CODES, TOTAL, endsWithChange } from './words.js';

// the same quantity stated twice

interface Stated {
  key: string;
  label: string;
  fig: PlacedFigure;
  para: ParagraphFigures;
  /** said to be the year's total (全年, 共, 全市 …) */
  total: boolean;
  /** the area word before it (全市, 各级), '' for the reporting body itself */
  region: string;
  /** the year of its sentence, and the period its heading names (see `comparable`); null: not said */
  year: string | null;
  period: string | null;
}

const NOT_A_LEVEL = /整改|以来|截至|截止|计划|拟|将于|力争|预计|目标/;
/** 累计 within the report year (全年累计, 2021年累计): the year's total, not a running total over years */
const IN_YEAR_CUMULATIVE = /(?:全年|年内|本年度?|当年|今年|((?:19|20)\d{2})年度?)[^，,。；;]{0,8}?累计/;
/** a place in a ranking (居全省前3位, 排名前5名), not a quantity */
const RANK_BEFORE = /(?:前|后|第)$/;
/** verbs that say the same of a case count: 办理 = 应对 = 处理 = 承办 */
const SAME_VERB: ReadonlyArray<readonly [RegExp, string]> = [[/^(?:应对|处理|承办|办理)/, '办理']];

/** A figure that states a level of something for the report year, comparable across the report. */
export function comparable(info: DocumentFigures, para: ParagraphFigures, k: number, minLabel: number): { label: string; clause: string; total: boolean; region: string; year: string | null; period: string | null } | null {
  const fig = para.figures[k]!;
  const f = fig.figure;
  if (f.isPercent || f.unit === null || !exact(f) || f.labelSide !== 'before') return null;
  if (para.otherYearSection || inBrackets(para, fig.start)) return null;
  const text = para.paragraph.text;
  if (fig.end < text.length && STATEMENT_END_CODES[text.charCodeAt(fig.end)] !== 1) return null;
  const sentence = sentenceAt(para, fig.start);
  if (!sentence || sentence.partial) return null;
  if (sentence.year !== null && sentence.year !== info.year) return null;
  sentence.notALevel ??= NOT_A_LEVEL.test(text.slice(sentence.start, sentence.end));
  if (sentence.notALevel) return null;
  const prefix = text.slice(sentence.start, fig.start);
  // 累计 is a running total unless the sentence ties it to the report year (全年累计办理…)
  let cumulative = false;
  if (text.slice(sentence.start, sentence.end).includes('累计')) {
    const m = IN_YEAR_CUMULATIVE.exec(prefix);
    if (!m || (m[1] !== undefined && Number(m[1]) !== info.year)) return null;
    cumulative = true;
  }
  const unit = unitAt(para, fig.start);
  if (/其中|包括|分别/.test(text.slice(unit.start, fig.start))) return null;
  const raw = clauseBefore(para, k);
  if (endsWithChange(raw) || OTHER_SCOPE.test(cumulative ? raw.replace(/累计/g, '') : raw)) return null;
  if ((f.unit === '位' || f.unit === '名') && RANK_BEFORE.test(text.slice(0, fig.start))) return null;
  let clause = afterScope(trimWords(raw));
  for (const [re, verb] of SAME_VERB) clause = clause.replace(re, verb);
  const label = trimWords(f.label);
  if (label.length < minLabel || clause.length < minLabel || isGeneric(label)) return null;
  if (!clause.endsWith(label) && !clause.includes(label)) return null;
  const year = sentence.year === null ? null : String(sentence.year);
  return { label, clause, total: TOTAL.test(prefix), region: REGION.exec(prefix)?.[0] ?? '', year, period: para.headingPeriod };
}

export function checkStatedTwice(context: CheckContext): void {
  const seen = new Map<string, Stated[]>();
  for (const para of context.info.paragraphs) {
    para.figures.forEach((fig, k) => {
      const cmp = comparable(context.info, para, k, 3);
      if (!cmp) return;
      const key = `${cmp.clause}\u0000${fig.figure.unit}`;
      const list = seen.get(key) ?? [];
      seen.set(key, list);
      const here: Stated = { key, label: cmp.label, fig, para, total: cmp.total, region: cmp.region, year: cmp.year, period: cmp.period };
      // an activity (培训, 检查, 会议) is counted for many occasions: both places must say it is the year's total;
      // other counts need the word at one place at least (全年共办理 … / 办理 …)
      const activity = ACTIVITY_UNITS.has(fig.figure.unit!);
      const other = list.find((s) => {
        if (activity ? !(s.total && here.total) : !(s.total || here.total)) return false;
        if (s.region !== here.region) return false;
        // results of one year and targets of the next (「2016年工作回顾」 … 「2017年主要工作」) are different quantities
        // (each said of the sentence and of the heading above: one that differs where both say it is enough)
        if (s.period !== null && here.period !== null && s.period !== here.period) return false;
        if (s.year !== null && here.year !== null && s.year !== here.year) return false;
        // in one sentence the writer means two things (对A开展培训6次，对B开展培训4次 trimmed alike)
        if (s.para === para && sentenceAt(para, s.fig.start) === sentenceAt(para, fig.start)) return false;
        return Math.abs(s.fig.figure.value - fig.figure.value) > roundingOf(s.fig.figure) + roundingOf(fig.figure) + 1e-9;
      });
      // one entry per value and scope is enough to compare with (a pasted report repeats them all)
      if (!list.some((x) => x.fig.figure.value === fig.figure.value && x.total === here.total && x.region === here.region && x.period === here.period && x.year === here.year)) list.push(here);
      if (!other) return;
      const line = context.info.doc.pointAt(other.fig.figure.start).line;
      report(context, {
        messageId: 'statedTwice',
        data: { label: cmp.clause, value: fig.figure.raw, line, first: other.fig.figure.raw },
        start: fig.figure.start,
        end: fig.figure.end,
      }, fig.figure);
    });
  }
}

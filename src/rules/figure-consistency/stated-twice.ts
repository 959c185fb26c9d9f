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
}

const NOT_A_LEVEL = /整改|以来|截至|截止|累计|计划|拟|将于|力争|预计/;

/** A figure that states a level of something for the report year, comparable across the report. */
export function comparable(info: DocumentFigures, para: ParagraphFigures, k: number, minLabel: number): { label: string; clause: string; total: boolean; region: string } | null {
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
  const unit = unitAt(para, fig.start);
  if (/其中|包括|分别/.test(text.slice(unit.start, fig.start))) return null;
  const raw = clauseBefore(para, k);
  if (endsWithChange(raw) || OTHER_SCOPE.test(raw)) return null;
  const clause = afterScope(trimWords(raw));
  const label = trimWords(f.label);
  if (label.length < minLabel || clause.length < minLabel || isGeneric(label)) return null;
  if (!clause.endsWith(label) && !clause.includes(label)) return null;
  const prefix = text.slice(sentence.start, fig.start);
  return { label, clause, total: TOTAL.test(prefix), region: REGION.exec(prefix)?.[0] ?? '' };
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
      const here: Stated = { key, label: cmp.label, fig, para, total: cmp.total, region: cmp.region };
      // an activity (培训, 检查, 会议) is counted for many occasions: both places must say it is the year's total;
      // other counts need the word at one place at least (全年共办理 … / 办理 …)
      const activity = ACTIVITY_UNITS.has(fig.figure.unit!);
      const other = list.find((s) => {
        if (activity ? !(s.total && here.total) : !(s.total || here.total)) return false;
        if (s.region !== here.region) return false;
        // in one sentence the writer means two things (对A开展培训6次，对B开展培训4次 trimmed alike)
        if (s.para === para && sentenceAt(para, s.fig.start) === sentenceAt(para, fig.start)) return false;
        return Math.abs(s.fig.figure.value - fig.figure.value) > roundingOf(s.fig.figure) + roundingOf(fig.figure) + 1e-9;
      });
      // one entry per value and scope is enough to compare with (a pasted report repeats them all)
      if (!list.some((x) => x.fig.figure.value === fig.figure.value && x.total === here.total && x.region === here.region)) list.push(here);
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

/** 较上年/同比 changes that last year's report contradicts (with --previous). */
import { clauseBefore, exact, figAt, fmt, report, roundingOf, sameUnit, sentenceAt, shown, trimWords, type CheckContext, type DocumentFigures, type ParagraphFigures, type PlacedFigure } from './paragraphs.js';
import { comparable } from './stated-twice.js';

// changes against last year

const CHANGE_CLAIM = /(?:较|比|与)(?:上一?年度?|去年|上年同期|去年同期|(\d{4})年度?(?:同期)?)(?:相比)?[，,]?|同比[，,]?/g;
const DIRECTION = /^(?:分别)?(增长|增加|上升|提高|提升|增多|多|下降|减少|降低|回落|下滑|少)了?/;

export function checkChanges(context: CheckContext, previous: DocumentFigures): void {
  const prevYear = previous.year ?? (context.info.year === null ? null : context.info.year - 1);
  // last year's comparable figures by label and unit
  const last = new Map<string, Array<{ fig: PlacedFigure; para: ParagraphFigures }>>();
  for (const para of previous.paragraphs) {
    para.figures.forEach((fig, k) => {
      const cmp = comparable(previous, para, k, 3);
      if (!cmp) return;
      const key = `${cmp.label}\u0000${fig.figure.unit}`;
      const list = last.get(key) ?? [];
      list.push({ fig, para });
      last.set(key, list);
    });
  }
  // last year's rates (for 个百分点)
  const lastRates = new Map<string, Array<{ fig: PlacedFigure; para: ParagraphFigures }>>();
  for (const para of previous.paragraphs) {
    para.figures.forEach((fig, k) => {
      if (!fig.figure.isPercent || !exact(fig.figure) || para.otherYearSection) return;
      const sentence = sentenceAt(para, fig.start);
      if (!sentence || sentence.partial || (sentence.year !== null && sentence.year !== previous.year)) return;
      const label = trimWords(clauseBefore(para, k));
      if (!/率$/.test(label) || label.length < 3 || /同比|较|比上|增长|提高|下降/.test(label)) return;
      const list = lastRates.get(label) ?? [];
      list.push({ fig, para });
      lastRates.set(label, list);
    });
  }
  for (const para of context.info.paragraphs) {
    if (para.otherYearSection) continue;
    const text = para.paragraph.text;
    for (const m of text.matchAll(CHANGE_CLAIM)) {
      if (m[1] !== undefined && prevYear !== null && Number(m[1]) !== prevYear) continue;
      const after = m.index + m[0].length;
      const dir = DIRECTION.exec(text.slice(after));
      if (!dir) continue;
      if (dir[0].startsWith('分别')) continue;
      const sign = /增长|增加|上升|提高|提升|增多|多/.test(dir[1]!) ? 1 : -1;
      const xk = figAt(para, after + dir[0].length);
      if (xk >= para.figures.length || para.figures[xk]!.start !== after + dir[0].length) continue;
      const x = para.figures[xk]!;
      if (!exact(x.figure)) continue;
      // the figure the change is about: right before the comparison, separated by punctuation only
      let bk = -1;
      for (let k = xk - 1; k >= 0; k--) {
        if (para.figures[k]!.end <= m.index) {
          bk = k;
          break;
        }
      }
      if (bk < 0) continue;
      const base = para.figures[bk]!;
      if (!/^[\s，,]*$/.test(text.slice(base.end, m.index))) continue;
      if (!exact(base.figure)) continue;
      const sentence = sentenceAt(para, base.start);
      if (!sentence || sentence.partial || (sentence.year !== null && sentence.year !== context.info.year)) continue;
      if (sentenceAt(para, x.start) !== sentence) continue;
      const pp = x.figure.unit === '个百分点' || x.figure.unit === '百分点';
      let mode: 'relative' | 'absolute' | 'points';
      if (pp && base.figure.isPercent) mode = 'points';
      else if (x.figure.isPercent && !base.figure.isPercent) mode = 'relative';
      else if (!x.figure.isPercent && !base.figure.isPercent && sameUnit(x.figure, base.figure)) mode = 'absolute';
      else continue;
      let candidates: Array<{ fig: PlacedFigure; para: ParagraphFigures }> | undefined;
      let label: string;
      if (mode === 'points') {
        label = trimWords(clauseBefore(para, bk));
        if (!/率$/.test(label)) continue;
        candidates = lastRates.get(label);
      } else {
        const cmp = comparable(context.info, para, bk, 3);
        // the base may be followed by the comparison itself, which `comparable` accepts (，)
        if (!cmp) continue;
        label = cmp.label;
        candidates = last.get(`${label}\u0000${base.figure.unit}`);
      }
      if (!candidates || candidates.length === 0) continue;
      const values = new Set(candidates.map((x) => x.fig.figure.value));
      if (values.size !== 1) continue;
      const prev = candidates[0]!.fig;
      const P = prev.figure.value;
      const cur = base.figure.value;
      const claimed = sign * x.figure.value;
      let actual: number;
      let slack: number;
      let actualText: string;
      if (mode === 'relative') {
        if (P <= 0) continue;
        actual = ((cur - P) / P) * 100;
        const hc = roundingOf(base.figure);
        const hp = roundingOf(prev.figure);
        const extremes = [((cur + hc - (P - hp)) / (P - hp)) * 100, ((cur - hc - (P + hp)) / (P + hp)) * 100];
        slack = Math.max(...extremes.map((e) => Math.abs(e - actual))) + roundingOf(x.figure) + context.options.tolerance + 1e-9;
        actualText = `${actual >= 0 ? '+' : ''}${fmt(actual, 1)}%`;
      } else if (mode === 'absolute') {
        actual = cur - P;
        slack = roundingOf(base.figure) + roundingOf(prev.figure) + roundingOf(x.figure) + 1e-9;
        actualText = `${actual >= 0 ? '+' : '-'}${shown({ ...base.figure, value: Math.abs(actual), numeral: String(Math.abs(actual)) })}`;
      } else {
        actual = cur - P;
        slack = roundingOf(base.figure) + roundingOf(prev.figure) + roundingOf(x.figure) + context.options.tolerance + 1e-9;
        actualText = `${actual >= 0 ? '+' : ''}${fmt(actual, 2)}个百分点`;
      }
      if (Math.abs(actual - claimed) <= slack) continue;
      report(context, {
        messageId: 'changeMismatch',
        data: {
          label,
          previous: prev.figure.raw,
          line: previous.doc.pointAt(prev.figure.start).line,
          current: base.figure.raw,
          actual: actualText,
          claimed: text.slice(m.index, x.end),
        },
        start: x.figure.start,
        end: x.figure.end,
      }, x.figure);
    }
  }
}

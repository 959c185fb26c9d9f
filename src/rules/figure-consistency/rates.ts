/** Rates and shares: above 100%, or contradicted by their own counts (受理380件，办结372件，办结率99%). */
import { clauseBefore, exact, figsIn, fmt, report, roundingOf, sameUnit, sentenceAt, shown, trimWords, type CheckContext, type ParagraphFigures, type PlacedFigure, unitAt } from './paragraphs.js';
import { MAY_EXCEED, NEGATION, endsWithChange, type RateDefinition } from './words.js';

// rates above 100%

export function checkShareOver100(context: CheckContext, para: ParagraphFigures): void {
  para.figures.forEach((fig, k) => {
    const f = fig.figure;
    if (!f.isPercent) return;
    const top = f.range ? Math.max(f.range.from, f.range.to) : f.value;
    if (top <= 100) return;
    const clause = clauseBefore(para, k);
    if (/增长|增加|提高|提升|上升|下降|减少|降低|增幅|增速|同比|环比|较|比上|比去|超|翻|达成|完成|溢价|倍/.test(clause)) return;
    const trimmed = trimWords(clause);
    const label = trimmed.replace(/(?:均为|均达|保持|稳定在|提升至|提高到|提升到|达至)$/, '');
    const isRate = /率$|满意度$/.test(label) && !MAY_EXCEED.test(label);
    const isShare = /占比$|比例$|比重$|覆盖面$|^占|占[^，,。；;]{0,12}$/.test(label);
    if (!isRate && !isShare) return;
    report(context, { messageId: 'shareOver100', data: { raw: f.raw }, start: f.start, end: f.end }, f);
  });
}

// a rate against the counts it is made of

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
function bestRanked(list: Array<{ count: PlacedFigure; rank: number }>): PlacedFigure | null {
  if (list.length === 0) return null;
  const top = Math.min(...list.map((x) => x.rank));
  const best = list.filter((x) => x.rank === top);
  return best.length === 1 ? best[0]!.count : null;
}

/**
 * A count that is one of several parts after 其中/包括/分别 (其中优秀96卷、合格252卷、不合格12卷):
 * a breakdown, not the numerator of a rate. A single part (其中办结40件) is not a breakdown.
 */
function inBreakdown(para: ParagraphFigures, k: number): boolean {
  const text = para.paragraph.text;
  const fig = para.figures[k]!;
  const unit = unitAt(para, fig.start);
  const before = text.slice(unit.start, fig.start);
  const at = Math.max(before.lastIndexOf('其中'), before.lastIndexOf('包括'), before.lastIndexOf('分别'));
  if (at < 0) return false;
  const from = unit.start + at;
  const parts = figsIn(para, from + 1, unit.end).filter(([count]) => !count.figure.isPercent && count.figure.unit === fig.figure.unit);
  return parts.length > 1;
}

export function checkRates(context: CheckContext, para: ParagraphFigures): void {
  const text = para.paragraph.text;
  para.figures.forEach((fig, k) => {
    const f = fig.figure;
    if (!f.isPercent || !exact(f) || context.reported.has(f)) return;
    const label = trimWords(clauseBefore(para, k)).replace(/(?:均为|均达|保持|稳定在)$/, '');
    let rate: RateDefinition | null = null;
    for (const r of context.rates) if (label.endsWith(r.name) && (!rate || r.name.length > rate.name.length)) rate = r;
    if (!rate) return;
    // the label itself must not be a comparison (办结率同比提高2%)
    if (/同比|较|比上|增长|提高|下降|降低/.test(label)) return;
    const sentence = sentenceAt(para, fig.start) ?? { start: 0, end: text.length };
    const unit = unitAt(para, fig.start);
    // candidates by unit: a pair is taken only where one unit has exactly one numerator and one denominator
    type Cand = { count: PlacedFigure; rank: number };
    const byUnit = new Map<string, { nums: Cand[]; dens: Cand[]; numsUnit: Cand[]; densUnit: Cand[] }>();
    figsIn(para, Math.max(sentence.start, fig.start - context.options.window), Math.min(sentence.end, fig.start + context.options.window + 1)).forEach(([count, j]) => {
      if (count.figure.isPercent || count.figure.unit === null) return;
      if (Math.abs(count.start - fig.start) > context.options.window) return;
      const clause = clauseBefore(para, j);
      if (endsWithChange(clause) || /同比|较上|比上|较去|比去|其中/.test(clause)) return;
      if (inBreakdown(para, j)) return;
      const n = classify(clause, rate!.numerator);
      const d = classify(clause, rate!.denominator);
      if (n.length === d.length) return;
      const inUnit = count.start >= unit.start && count.start < unit.end;
      const entry = byUnit.get(count.figure.unit) ?? { nums: [], dens: [], numsUnit: [], densUnit: [] };
      byUnit.set(count.figure.unit, entry);
      if (n.length > d.length) {
        entry.nums.push({ count, rank: n.rank });
        if (inUnit) entry.numsUnit.push({ count, rank: n.rank });
      } else {
        entry.dens.push({ count, rank: d.rank });
        if (inUnit) entry.densUnit.push({ count, rank: d.rank });
      }
    });
    const pairs: Array<[PlacedFigure, PlacedFigure]> = [];
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
    if (!sameUnit(num.figure, den.figure) || !exact(num.figure) || !exact(den.figure) || den.figure.value <= 0) return;
    const computed = (num.figure.value / den.figure.value) * 100;
    if (Math.abs(computed - f.value) <= roundingOf(f) + context.options.tolerance + 1e-9) return;
    report(context, {
      messageId: 'rateMismatch',
      data: { rate: rate.name, percent: f.raw, numerator: shown(num.figure), denominator: shown(den.figure), computed: fmt(computed, 2) },
      start: f.start,
      end: f.end,
    }, f);
  });
}

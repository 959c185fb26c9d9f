/** 共N件，其中a件、b件: parts above their whole, parts that do not add up (分别为), a share (占比) the counts contradict. */
import { clauseBefore, exact, figAt, figsIn, fmt, inBrackets, report, roundingOf, sameUnit, sentenceAt, shown, type CheckContext, type ParagraphFigures, type PlacedFigure, unitAt } from './paragraphs.js';
import { ENUM_MARKER, PART_MARKER, endsWithChange } from './words.js';

// parts and wholes

export function checkPartsAndWholes(context: CheckContext, para: ParagraphFigures): void {
  const text = para.paragraph.text;
  const markers: Array<{ start: number; end: number; enumerates: boolean }> = [];
  for (const m of text.matchAll(PART_MARKER)) markers.push({ start: m.index, end: m.index + m[0].length, enumerates: false });
  for (const m of text.matchAll(ENUM_MARKER)) markers.push({ start: m.index, end: m.index + m[0].length, enumerates: true });
  markers.sort((a, b) => a.start - b.start);
  for (const mk of markers) {
    if (inBrackets(para, mk.start)) continue;
    // 包括 only as a list opener: 包括但不限于 is not
    if (text.startsWith('包括但', mk.start)) continue;
    const unit = unitAt(para, mk.start);
    // the whole: the last exact count before the marker, close to it
    let wk = -1;
    for (let k = figAt(para, mk.start) - 1; k >= 0; k--) {
      const fig = para.figures[k]!;
      if (fig.end > mk.start) continue;
      if (fig.figure.isPercent) continue;
      wk = k;
      break;
    }
    if (wk < 0) continue;
    const whole = para.figures[wk]!;
    if (whole.start < unit.start) {
      // 其中 opening a sentence or a ；-part may refer to the last figure of the part just before
      if (mk.enumerates || text.slice(unit.start, mk.start).trim() !== '') continue;
      if (!/^[\s；;。！？!?”’）)]*$/.test(text.slice(unitAt(para, whole.start).end, unit.start))) continue;
    }
    if (!exact(whole.figure) || whole.figure.unit === null || inBrackets(para, whole.start)) continue;
    // other counts of the same unit before the marker could be the whole as well (立案215件，结案203件。其中…):
    // a part is wrong only against every one of them
    const scopeStart = whole.start < unit.start ? unitAt(para, whole.start).start : unit.start;
    const wholes = figsIn(para, scopeStart, mk.start).map(([other]) => other)
      .filter((other) => other.end <= mk.start && !other.figure.isPercent && exact(other.figure) && sameUnit(other.figure, whole.figure) && !inBrackets(para, other.start));
    if (!wholes.includes(whole)) wholes.push(whole);
    const largest = wholes.reduce((a, other) => (other.figure.value > a.figure.value ? other : a), whole);
    let between = text.slice(whole.end, mk.start);
    for (const [fig] of figsIn(para, whole.end, mk.start)) if (fig.end <= mk.start) between = between.replace(fig.figure.raw, '');
    if (mk.enumerates) {
      // 共查处案件12宗，分别为…: the list follows the whole directly
      if (between.length > 12 || /\d|其中|包括|。/.test(between) || (between.match(/[，,]/g) ?? []).length > 1) continue;
    } else if (between.replace(/[^\p{Script=Han}]/gu, '').length > 12 || /分别/.test(between)) continue;
    if (endsWithChange(clauseBefore(para, wk))) continue;

    // the parts
    const parts: PlacedFigure[] = [];
    let pos = mk.end;
    let stoppedBySameUnit = false;
    let lastPart: PlacedFigure | null = null;
    const sentenceEnd = (sentenceAt(para, mk.start) ?? { end: text.length }).end;
    // a list of parts with their shares may run over ；: 其中当面申请30件，占66.7%；网上申请15件，占33.3%
    const end = sentenceEnd;
    let lastHadShare = false;
    for (let k = figAt(para, mk.end); k < para.figures.length; k++) {
      const fig = para.figures[k]!;
      if (fig.start >= end) break;
      if (inBrackets(para, fig.start) && !inBrackets(para, mk.start)) continue;
      const gap = text.slice(pos, fig.start);
      if (/其中|包括|分别|另|此外|同时|。/.test(gap)) break;
      if (/[；;]/.test(gap) && !fig.figure.isPercent) {
        // past ；only a parallel part with its own share continues the list
        const label = gap.replace(/^.*[；;]\s*/, '');
        if ((!mk.enumerates && !lastHadShare) || label.length > 5 || /[，,：:]/.test(label)) break;
      }
      const clause = clauseBefore(para, k);
      if (fig.figure.isPercent) {
        // 占比 right after a part
        if (lastPart && /^[\s，,（(]*(?:占比|占[^，,。；;\d]{0,12}?)(?:的)?(?:比例|比重)?(?:为|达|约为|约)?$/.test(text.slice(lastPart.end, fig.start)) && exact(fig.figure)) {
          checkShare(context, fig, lastPart, wholes);
          lastHadShare = true;
        }
        pos = fig.end;
        continue;
      }
      if (!sameUnit(fig.figure, whole.figure)) break;
      if (!exact(fig.figure) || endsWithChange(clause) || /同比|较上|比上|较去|比去|较\d|比\d/.test(clause)) {
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
      parts.push(fig);
      lastPart = fig;
      pos = fig.end;
    }
    if (parts.length === 0) continue;
    const wholeValue = largest.figure.value;
    let anyOver = false;
    for (const part of parts) {
      if (part.figure.value > wholeValue + roundingOf(part.figure) + roundingOf(largest.figure)) {
        anyOver = true;
        report(context, {
          messageId: 'partExceedsWhole',
          data: { part: part.figure.raw, whole: largest.figure.raw },
          start: part.figure.start,
          end: part.figure.end,
        }, part.figure);
      }
    }
    if (anyOver || parts.length < 2) continue;
    const sum = parts.reduce((a, fig) => a + fig.figure.value, 0);
    const slackFor = (w: PlacedFigure) => parts.reduce((a, fig) => a + roundingOf(fig.figure), roundingOf(w.figure)) + 1e-9;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const sumText = shown({ ...first.figure, value: sum, numeral: String(sum) });
    if (sum > wholeValue + slackFor(largest)) {
      report(context, {
        messageId: 'partsExceedWhole',
        data: { sum: sumText, whole: largest.figure.raw },
        start: first.figure.start,
        end: last.figure.end,
      }, first.figure);
    } else if (mk.enumerates && !stoppedBySameUnit && wholes.every((w) => Math.abs(sum - w.figure.value) > slackFor(w))) {
      // 分别为 lists all of it, unless the list ends in 等 or leaves the rest open
      const after = text.slice(last.end, end);
      if (/^[^，,。；;]{0,3}等|其余|其他|其它|剩余|余下/.test(after)) continue;
      const gaps = text.slice(mk.end, last.end);
      if (/等|其余|其他|其它/.test(gaps.replace(/其他[^\d，,、]{0,6}\d/, ''))) continue;
      report(context, {
        messageId: 'partsDoNotAddUp',
        data: { sum: sumText, whole: whole.figure.raw },
        start: first.figure.start,
        end: last.figure.end,
      }, first.figure);
    }
  }
}

function checkShare(context: CheckContext, pct: PlacedFigure, part: PlacedFigure, wholes: PlacedFigure[]): void {
  if (pct.figure.range) return;
  const near = wholes[wholes.length - 1]!;
  for (const whole of wholes) {
    if (whole.figure.value <= 0) return;
    const computed = (part.figure.value / whole.figure.value) * 100;
    if (Math.abs(computed - pct.figure.value) <= roundingOf(pct.figure) + context.options.tolerance + 1e-9) return;
  }
  report(context, {
    messageId: 'shareMismatch',
    data: { percent: pct.figure.raw, part: shown(part.figure), whole: shown(near.figure), computed: fmt((part.figure.value / near.figure.value) * 100, 2) },
    start: pct.figure.start,
    end: pct.figure.end,
  }, pct.figure);
}

// parts in brackets after their whole: 共建设项目85个（新建项目60个、续建项目24个）

/**
 * Sets of modifiers that split a whole into parts that do not overlap: a list in brackets whose
 * parts differ only by modifiers of one set (新建项目 / 续建项目, 线上 / 线下) is the whole broken down,
 * so its parts add up to the whole. Parts that may overlap (高新技术企业 / 专精特新企业) say nothing
 * of the sum.
 */
const PARTITIONS: ReadonlyArray<ReadonlySet<string>> = [
  ['新建', '续建', '改建', '扩建', '改扩建', '新开工', '在建', '续建项目'],
  ['城镇', '农村', '城市', '乡村'],
  ['男', '女', '男性', '女性'],
  ['线上', '线下'],
  ['境内', '境外'], ['国内', '国外'], ['省内', '省外'], ['市内', '市外'], ['区内', '区外'],
  ['公办', '民办'],
  ['国家级', '省级', '市级', '区级', '县级', '镇级', '街道级', '村级', '乡镇级', '社区级', '社区'],
  ['一般', '较大', '重大', '特别重大'],
  ['简易', '普通'],
  ['已', '未'],
  ['本科', '专科'],
  ['小学', '初中', '高中'],
].map((words) => new Set(words));

const NOT_A_BREAKDOWN = /同比|环比|较上|比上|较去|比去|增长|下降|增加|减少|提高|降低|占|平均|人均|每|约|累计/;
const OPEN_LIST = /等|其他|其它|其余|主要|如|含|包括|涉及/;

function commonSuffix(words: readonly string[]): string {
  let n = 0;
  const first = words[0]!;
  while (n < first.length && words.every((w) => w.length > n && w[w.length - 1 - n] === first[first.length - 1 - n])) n++;
  return first.slice(first.length - n);
}

/** Whether the part labels split a whole by one set of exclusive modifiers (新建项目 / 续建项目, 线上 / 线下). */
function isPartition(labels: readonly string[]): boolean {
  // the head noun the parts share, when they name it (项目, 程序); it may be shorter than their common end (新建项目 / 续建项目 share 建项目)
  for (let n = commonSuffix(labels).length; n >= 0; n--) {
    const modifiers = labels.map((l) => l.slice(0, l.length - n));
    if (new Set(modifiers).size !== modifiers.length) continue;
    if (PARTITIONS.some((set) => modifiers.every((m) => set.has(m)))) return true;
  }
  return false;
}

export function checkBracketParts(context: CheckContext, para: ParagraphFigures): void {
  const text = para.paragraph.text;
  para.figures.forEach((whole, wk) => {
    const open = text.charCodeAt(whole.end);
    if (open !== 0xff08 && open !== 0x28) return; // （ (
    const w = whole.figure;
    if (!exact(w) || w.unit === null || w.isPercent || inBrackets(para, whole.start) || context.reported.has(w)) return;
    if (endsWithChange(clauseBefore(para, wk))) return;
    let close = -1;
    for (let i = whole.end + 1, depth = 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0xff08 || c === 0x28) depth++;
      else if ((c === 0xff09 || c === 0x29) && --depth === 0) {
        close = i;
        break;
      }
    }
    if (close < 0) return;
    const inside = text.slice(whole.end + 1, close);
    if (NOT_A_BREAKDOWN.test(inside)) return;
    const parts = figsIn(para, whole.end + 1, close).map(([fig]) => fig);
    if (parts.length === 0) return;
    // every figure in the brackets is a part of the same unit, exact, and they are listed (、，；) with nothing else
    if (parts.some((p) => !sameUnit(p.figure, w) || !exact(p.figure) || p.end > close)) return;
    let pos = whole.end + 1;
    const labels: string[] = [];
    for (const p of parts) {
      const label = text.slice(pos, p.start).replace(/^[、，,；;：:\s]+/, '').replace(/^其中/, '');
      if (/[、，,；;：:]/.test(label) || label.length === 0 || label.length > 12) return;
      labels.push(label);
      pos = p.end;
    }
    if (!/^[\s。]*$/.test(text.slice(pos, close))) return;
    for (const part of parts) {
      if (part.figure.value > w.value + roundingOf(part.figure) + roundingOf(w)) {
        report(context, {
          messageId: 'partExceedsWhole',
          data: { part: part.figure.raw, whole: w.raw },
          start: part.figure.start,
          end: part.figure.end,
        }, part.figure);
        return;
      }
    }
    if (parts.length < 2 || OPEN_LIST.test(inside.replace(/^其中/, ''))) return;
    const subset = inside.startsWith('其中');
    const partition = isPartition(labels);
    if (!partition && !subset) return;
    const sum = parts.reduce((a, fig) => a + fig.figure.value, 0);
    const slack = parts.reduce((a, fig) => a + roundingOf(fig.figure), roundingOf(w)) + 1e-9;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const sumText = shown({ ...first.figure, value: sum, numeral: String(sum) });
    if (sum > w.value + slack) {
      report(context, { messageId: 'partsExceedWhole', data: { sum: sumText, whole: w.raw }, start: first.figure.start, end: last.figure.end }, first.figure);
    } else if (partition && Math.abs(sum - w.value) > slack) {
      report(context, { messageId: 'partsInBracketsDoNotAddUp', data: { sum: sumText, whole: w.raw }, start: first.figure.start, end: last.figure.end }, first.figure);
    }
  });
}

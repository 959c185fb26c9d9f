import type { DocumentModel, Ordinal, OrdinalKind, Paragraph, Section } from '../document/model.js';
import { ORDINAL_LEVEL } from '../document/model.js';
import { toChineseNumber } from '../document/parse/chinese-numerals.js';
import { codePointCount, contiguousSourceRange } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type MessageIdsOf, type Fix, type OptionsOf, type Report } from '../rule.js';

/**
 * heading-sequence: heading ordinals (GB/T 9704 §7.3.3: 一、 → (一) → 1. → (1)) must be
 * numbered 1, 2, 3 … within each level, and each ordinal must be written in its standard form.
 *
 * Precision comes first: a list that restarts at 1 after an appendix, a signature, a title-like
 * line or a lead-in ending with a colon is a new list, not a repeat; 跃层 (一、 straight to 1.)
 * is allowed; sequence errors are never fixed automatically (renumbering is a guess).
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;
type MessageId = MessageIdsOf<typeof meta>;

export const meta = defineMeta({
  id: 'heading-sequence',
  description: {
    zh: '标题序号（一、 (一) 1. (1)）须逐级连续编号，且写法符合 GB/T 9704',
    en: 'Heading ordinals (一、 (一) 1. (1)) must run 1, 2, 3 … at each level and be written as GB/T 9704 requires',
  },
  type: 'layout',
  defaultSeverity: 'error',
  fixable: true,
  options: {
    brackets: {
      description:
        'Brackets of (一) and (1): "any" accepts （） and () as long as the two brackets of one ordinal match; "full" requires （）; "half" requires ().',
      enum: ['any', 'full', 'half'],
      default: 'any',
    },
    arabicDelimiter: {
      description: 'Point after 1: "any" accepts . and ．; "half" requires .; "full" requires ．.',
      enum: ['any', 'half', 'full'],
      default: 'any',
    },
    allowSpaceAfter: {
      description: 'Accept white space between a complete ordinal and the heading text, as in "一、 总体情况".',
      type: 'boolean',
      default: false,
    },
  },
  defaultOptions: {
    brackets: 'any',
    arabicDelimiter: 'any',
    allowSpaceAfter: false,
  },
  messages: {
    gap: {
      zh: '序号不连续：缺少{{missing}}，此处为「{{found}}」',
      en: 'Ordinal out of sequence: {{missing}} is missing before "{{found}}"',
    },
    repeat: {
      zh: '序号重复：「{{found}}」在本层级已经用过，此处应为「{{expected}}」',
      en: 'Repeated ordinal: "{{found}}" is already used at this level; expected "{{expected}}"',
    },
    order: {
      zh: '序号顺序错误：此处应为「{{expected}}」，实为「{{found}}」',
      en: 'Ordinal out of order: expected "{{expected}}", found "{{found}}"',
    },
    start: {
      zh: '序号应从「{{expected}}」开始，实为「{{found}}」',
      en: 'Numbering should start at "{{expected}}", found "{{found}}"',
    },
    mixed: {
      zh: '同一层级混用了不同形式的序号：前面是「{{previous}}」，此处是「{{found}}」',
      en: 'Different kinds of ordinal at one level: "{{previous}}" before, "{{found}}" here',
    },
    delimiter: {
      zh: '序号「{{found}}」的标点应为「{{expected}}」，不是「{{delimiter}}」',
      en: 'The ordinal "{{found}}" takes "{{expected}}", not "{{delimiter}}"',
    },
    parenDelimiter: {
      zh: '带括号的序号「{{found}}」后不加标点，应删去「{{delimiter}}」',
      en: 'A bracketed ordinal takes no punctuation: remove "{{delimiter}}" from "{{found}}"',
    },
    mixedBrackets: {
      zh: '序号「{{found}}」的括号不配对，应为「{{expected}}」',
      en: 'The brackets of the ordinal "{{found}}" do not match; write "{{expected}}"',
    },
    bracketStyle: {
      zh: '序号「{{found}}」的括号应为「{{expected}}」',
      en: 'The ordinal "{{found}}" should be written "{{expected}}"',
    },
    spaceInside: {
      zh: '序号「{{found}}」内有多余的空格',
      en: 'Stray space inside the ordinal "{{found}}"',
    },
    spaceAfter: {
      zh: '序号「{{found}}」与标题文字之间有多余的空格',
      en: 'Stray space between the ordinal "{{found}}" and the heading text',
    },
    spaceAfterHabit: {
      zh: '全文有{{count}}处序号与标题文字之间加了空格（此处为第一处「{{found}}」），GB/T 9704 的序号后不空格；修复将一并删去',
      en: '{{count}} ordinals in this file are followed by a space (this is the first, "{{found}}"); GB/T 9704 sets none. The fix removes them all',
    },
    oddForm: {
      zh: '序号「{{found}}」的写法与同一列表前后的序号不一致，应为「{{expected}}」',
      en: 'The ordinal "{{found}}" is written unlike its neighbours in the list; write "{{expected}}"',
    },
  },
  tags: ['structure'],
});

const FULL = '（）';
const HALF = '()';
const SENTENCE_PUNCT = /[。！？!?；;，,、：:]/;
const DATE_LINE = /^(?:\d{2,4}|[〇零一二三四五六七八九○Ｏ]{2,4})\s*年\s*[\d〇零一二三四五六七八九十]{1,3}\s*月\s*[\d〇零一二三四五六七八九十]{1,3}\s*日$/;
/** 附件, 附件1, 附件：, 附表 …: what opens an appendix */
const APPENDIX = /^(?:附件|附表|附录|附\s*[：:])/;
/** 附件：1.《……》 — an appendix list whose first item sits on the 附件 line itself */
const APPENDIX_FIRST_ITEM = /^(?:附件|附表|附录)\s*[：:]\s*1\s*[.．、]/;
const CLOSING = /^特此(?:报告|报送|函告)/;
/** 「各位代表！……」: a speech turning to its next part; the lists after it number their own items */
const ADDRESS = /^(?:各位代表|各位委员|各位政协委员|同志们)/;
/** at least this many ordinals of one list followed by a space, and at least half of it, make a house habit */
const HABIT_MIN = 3;

export function check(context: Context): void {
  const { document, options } = context;
  const prefs = preferences(document, options);
  /** where each heading without an ordinal starts, ascending */
  const untitled = document.allSections
    .filter((s) => s.ordinal === null)
    .map((s) => s.heading.span.start.offset)
    .sort((a, b) => a - b);

  /** the white space after each ordinal that has some (and for which it is not protective) */
  const spacedAfter = new Map<Section, { start: number; end: number }>();
  for (const section of document.allSections) {
    if (section.ordinal) checkForm(section, section.ordinal);
  }

  /** the spaced ordinals of lists where most items have the space: one house habit */
  const habit: Section[] = [];
  checkGroup(logicalSiblings(document.sections));
  for (const section of document.allSections) {
    checkGroup(logicalSiblings(ownChildren(section)));
  }
  reportSpacesAfter();

  // ------------------------------------------------------------------ form of one ordinal

  function checkForm(section: Section, o: Ordinal): void {
    const source = document.source;
    const heading = section.heading;
    const mapped = heading.text.startsWith(o.raw);
    /** the source range of heading text [i, j), only when it is a plain copy of that text */
    const at = (i: number, j: number): { start: number; end: number } | null => {
      if (!mapped) return null;
      const r = contiguousSourceRange(heading, i, j);
      return r && source.slice(r.start, r.end) === heading.text.slice(i, j) ? r : null;
    };
    const found = o.raw;
    const ordStart = o.span.start.offset;
    const ordEnd = ordinalEnd(section);
    const paren = o.kind === 'paren-cn' || o.kind === 'paren-arabic';

    // brackets
    let bracketFixCovers: { start: number; end: number } | null = null;
    if (paren && o.brackets.length === 2) {
      const open = o.brackets[0]!;
      const close = o.brackets[1]!;
      const closeIndex = o.raw.lastIndexOf(close);
      const openAt = at(0, 1);
      const closeAt = closeIndex > 0 ? at(closeIndex, closeIndex + 1) : null;
      const matched = (open === '(' && close === ')') || (open === '（' && close === '）');
      if (!matched) {
        // the bracket that is not in the preferred style is the odd one out
        const want = prefs.brackets;
        const fixOpen = open !== want[0];
        const target = fixOpen ? openAt : closeAt;
        const expected = want[0] + o.numeral + want[1];
        context.report({
          messageId: 'mixedBrackets',
          data: { found, expected },
          start: ordStart,
          end: ordEnd,
          ...(target ? { fix: { ...target, text: fixOpen ? want[0]! : want[1]! } } : {}),
        });
      } else if (options.brackets !== 'any' && o.brackets !== prefs.brackets) {
        const want = prefs.brackets;
        const expected = want[0] + o.numeral + want[1];
        let fix: Fix | undefined;
        if (openAt && closeAt && closeAt.start > openAt.start) {
          // one fix for both brackets; white space between them goes too (reported below without its own fix)
          const inner = source.slice(openAt.end, closeAt.start);
          if (inner.replace(/[ \t\u3000\u00a0]+/g, '') === o.numeral) {
            fix = { start: openAt.start, end: closeAt.end, text: expected };
            bracketFixCovers = { start: openAt.start, end: closeAt.end };
          }
        }
        context.report({
          messageId: 'bracketStyle',
          data: { found, expected },
          start: ordStart,
          end: ordEnd,
          ...(fix ? { fix } : {}),
        });
      }
    }

    // delimiter
    if (o.delimiter !== '') {
      const index = o.raw.length - o.delimiter.length;
      const where = at(index, o.raw.length);
      const span = where ?? { start: ordStart, end: ordEnd };
      if (paren) {
        context.report({
          messageId: 'parenDelimiter',
          data: { found, delimiter: o.delimiter },
          ...span,
          ...(where ? { fix: { ...where, text: '' } } : {}),
        });
      } else {
        const allowed = o.kind === 'cn' ? ['、'] : prefs.arabicAllowed;
        if (!allowed.includes(o.delimiter)) {
          const expected = o.kind === 'cn' ? '、' : prefs.arabicDelimiter;
          context.report({
            messageId: 'delimiter',
            data: { found, expected, delimiter: o.delimiter },
            ...span,
            ...(where ? { fix: { ...where, text: expected } } : {}),
          });
        }
      }
    }

    // white space inside the ordinal, and between it and the heading text
    for (const space of o.spaces) {
      const inside = space.end <= ordEnd;
      if (!inside && options.allowSpaceAfter) continue;
      if (!inside) {
        // judged list by list (a house habit is one finding), see checkSpacesAfter
        if (!protectiveSpace(section)) spacedAfter.set(section, space);
        continue;
      }
      const text = source.slice(space.start, space.end);
      const clean = text.length > 0 && /^[ \t\u3000\u00a0]+$/.test(text);
      const covered = bracketFixCovers !== null && space.start >= bracketFixCovers.start && space.end <= bracketFixCovers.end;
      context.report({
        messageId: inside ? 'spaceInside' : 'spaceAfter',
        data: { found },
        start: space.start,
        end: space.end,
        ...(clean && !covered ? { fix: { start: space.start, end: space.end, text: '' } } : {}),
      });
    }
  }

  // ------------------------------------------------------------------ numbering of one level

  function checkGroup(sections: Section[]): void {
    const ordered = sections.filter((s) => s.ordinal !== null && !isListMarker(s));
    if (ordered.length === 0) return;
    for (const run of listsOf(ordered)) {
      checkOddForms(run);
      classifySpacesAfter(run);
    }
    const state = new Map<OrdinalKind, { last: number; seen: Set<number>; prev: Section }>();
    const kinds: OrdinalKind[] = [];
    let previous: Section | null = null;
    const later = laterIndex(ordered);

    ordered.forEach((section, index) => {
      const o = section.ordinal!;
      const kind = o.kind;
      const next = later.next(index);

      if (kinds.length > 0 && !kinds.includes(kind)) {
        kinds.push(kind);
        report('mixed', section, { previous: previous!.ordinal!.raw, found: o.raw });
        state.set(kind, { last: o.value, seen: new Set([o.value]), prev: section });
        previous = section;
        return;
      }
      if (!kinds.includes(kind)) kinds.push(kind);
      previous = section;

      // a level starts as if a 0 came before its first ordinal
      const first = !state.has(kind);
      if (first) state.set(kind, { last: 0, seen: new Set(), prev: section });
      const st = state.get(kind)!;
      const expected = st.last + 1;
      if (o.value === expected) {
        st.last = o.value;
        st.seen.add(o.value);
        st.prev = section;
        return;
      }
      // 附件：1.《甲》 on its own line, then 2.《乙》: the list began on the 附件 line
      if (first && o.value === 2 && kind === 'arabic' && APPENDIX_FIRST_ITEM.test(paragraphBefore(section)?.text.trim() ?? '')) {
        state.set(kind, { last: 2, seen: new Set([1, 2]), prev: section });
        return;
      }
      if (!first) {
        const restartAt = restartValue(st.prev, section);
        if (restartAt !== null && o.value === restartAt) {
          state.set(kind, { last: o.value, seen: new Set([o.value]), prev: section });
          return;
        }
      }

      let category: 'gap' | 'order' | 'repeat';
      // a number too high is a gap, unless the expected one still comes (a swap) or comes next (a slip)
      if (o.value > expected) category = later.includes(index, expected) || next === expected + 1 ? 'order' : 'gap';
      else category = st.seen.has(o.value) ? 'repeat' : 'order';

      const data: Record<string, string> = { expected: format(kind, expected, o), found: o.raw };
      if (first && category === 'gap') report('start', section, data);
      else {
        if (category === 'gap') data.missing = missingList(kind, expected, o.value - 1, o);
        report(category, section, data);
      }

      // Carry on from here: if the next ordinal follows the expected one, this one was a slip in
      // the expected place (一 二 二 四, (三) (二) (三)); if it was moved forward (一 三 二), the
      // expected one is still due.
      const slip = next === expected + 1 || (category === 'order' && o.value > expected);
      st.last = slip ? expected : o.value;
      st.seen.add(o.value);
      st.prev = section;
    });
  }

  /**
   * The lists of one level: the siblings of each kind, split where one starts again at 1. (The
   * numbering check above has its own notion of a restart; these lists only decide what an
   * item's neighbours are.)
   */
  function listsOf(ordered: Section[]): Section[][] {
    const current = new Map<OrdinalKind, Section[]>();
    const out: Section[][] = [];
    for (const s of ordered) {
      const kind = s.ordinal!.kind;
      let run = current.get(kind);
      if (!run || s.ordinal!.value === 1) {
        run = [];
        current.set(kind, run);
        out.push(run);
      }
      run.push(s);
    }
    return out;
  }

  /**
   * One item written unlike its neighbours, where either form alone would do: 「2．」 among 「1.」
   * and 「3.」, 「(2)」 among 「（1）」 and 「（3）」. The neighbours (the items on either side, or the
   * two next to an item at the end of the list) must agree with each other, and the item's form be
   * the rarer one in the list. With an option that
   * asks for one form, the form check reports it already.
   */
  function checkOddForms(run: Section[]): void {
    if (run.length < 3) return;
    const kind = run[0]!.ordinal!.kind;
    const arabic = kind === 'arabic';
    if (arabic ? options.arabicDelimiter !== 'any' : (kind === 'cn' || options.brackets !== 'any')) return;
    const formOf = (s: Section): string | null => {
      const o = s.ordinal!;
      if (arabic) return o.delimiter === '.' || o.delimiter === '．' ? o.delimiter : null;
      return o.brackets === FULL || o.brackets === HALF ? o.brackets : null;
    };
    const forms = run.map(formOf);
    const count = (f: string): number => forms.filter((x) => x === f).length;
    for (let i = 0; i < run.length; i++) {
      const form = forms[i] ?? null;
      if (form === null) continue;
      const [a, b] = i === 0 ? [1, 2] : i === run.length - 1 ? [i - 1, i - 2] : [i - 1, i + 1];
      const want = forms[a] ?? null;
      if (want === null || want !== forms[b] || want === form) continue;
      // in a list that alternates, only the form of fewer items is the odd one
      if (count(form) >= count(want)) continue;
      const section = run[i]!;
      const o = section.ordinal!;
      const expected = arabic ? o.numeral + want : want[0] + o.numeral + want[1];
      // no fix where the new form would run into a number: 「2．2015年」 must not become 「2.2015年」
      const fix = oddFormFix(section, want, arabic);
      context.report({
        messageId: 'oddForm',
        data: { found: o.raw, expected },
        start: o.span.start.offset,
        end: ordinalEnd(section),
        ...(fix ? { fix } : {}),
      });
    }
  }

  function oddFormFix(section: Section, want: string, arabic: boolean): Fix | null {
    const o = section.ordinal!;
    const heading = section.heading;
    if (!heading.text.startsWith(o.raw) || o.raw.replace(/[ \t\u3000\u00a0]+/g, '') !== o.raw) return null;
    const edit = (i: number, text: string): { start: number; end: number; text: string } | null => {
      const r = contiguousSourceRange(heading, i, i + 1);
      return r && document.source.slice(r.start, r.end) === heading.text[i] ? { ...r, text } : null;
    };
    if (arabic) {
      if (/^[ \t\u3000\u00a0]*\d/.test(heading.text.slice(o.raw.length))) return null;
      return edit(o.raw.length - 1, want);
    }
    const open = edit(0, want[0]!);
    const close = edit(o.raw.length - 1, want[1]!);
    return open && close ? [open, close] : null;
  }

  /**
   * The space after the ordinals of one list: where most items have it (at least HABIT_MIN), it is
   * the writer's habit, reported once for the file; an item that has it among items that do not is
   * reported on its own.
   */
  function classifySpacesAfter(run: Section[]): void {
    let spaced = 0;
    let plain = 0;
    for (const s of run) {
      if (spacedAfter.has(s)) spaced++;
      else if (!protectiveSpace(s)) plain++;
    }
    if (spaced >= HABIT_MIN && spaced >= plain) {
      for (const s of run) if (spacedAfter.has(s)) habit.push(s);
    }
  }

  function reportSpacesAfter(): void {
    const inHabit = new Set(habit);
    for (const [section, space] of spacedAfter) {
      if (inHabit.has(section)) continue;
      const text = document.source.slice(space.start, space.end);
      const clean = text.length > 0 && /^[ \t\u3000\u00a0]+$/.test(text);
      context.report({
        messageId: 'spaceAfter',
        data: { found: section.ordinal!.raw },
        start: space.start,
        end: space.end,
        ...(clean ? { fix: { start: space.start, end: space.end, text: '' } } : {}),
      });
    }
    if (habit.length === 0) return;
    habit.sort((a, b) => a.heading.span.start.offset - b.heading.span.start.offset);
    const first = habit[0]!;
    const edits: Array<{ start: number; end: number; text: string }> = [];
    for (const s of habit) {
      const space = spacedAfter.get(s)!;
      if (/^[ \t\u3000\u00a0]+$/.test(document.source.slice(space.start, space.end))) edits.push({ ...space, text: '' });
    }
    context.report({
      messageId: 'spaceAfterHabit',
      data: { count: habit.length, found: first.ordinal!.raw },
      start: first.ordinal!.span.start.offset,
      end: spacedAfter.get(first)!.end,
      related: habit.slice(1).map((s) => ({ start: s.ordinal!.span.start.offset, end: spacedAfter.get(s)!.end })),
      level: 'warn',
      ...(edits.length > 0 ? { fix: edits } : {}),
    });
  }

  /**
   * 「1. 2016年区政府工作报告名词解释」: the space after an Arabic ordinal before a number keeps it
   * from reading as the decimal 1.2016; it is not reported, and never removed.
   */
  function protectiveSpace(section: Section): boolean {
    const o = section.ordinal!;
    if (o.kind !== 'arabic') return false;
    return /^[ \t\u3000\u00a0]*\d/.test(section.heading.text.slice(o.raw.length));
  }

  function report(messageId: MessageId, section: Section, data: Record<string, string>): void {
    const o = section.ordinal!;
    const r: Report<MessageId> = { messageId, data, start: o.span.start.offset, end: ordinalEnd(section) };
    context.report(r);
  }

  /**
   * Where the ordinal ends in the source: the end of its last character. (Defensive: an earlier
   * parser put Ordinal.span.end at the start of the following text, past Markdown syntax such as
   * the "**" of "**一、**" or the space of "1. ".)
   */
  function ordinalEnd(section: Section): number {
    const o = section.ordinal!;
    const raw = o.raw;
    if (raw.length > 0 && section.heading.text.startsWith(raw)) {
      const r = contiguousSourceRange(section.heading, raw.length - 1, raw.length);
      if (r && r.end > o.span.start.offset && r.end <= o.span.end.offset) return r.end;
    }
    return o.span.end.offset;
  }

  /**
   * The marker of a Markdown ordered-list item ("1. 加大……"). Markdown numbers the items of a
   * list itself (1. 1. 1. renders as 1. 2. 3.), so the digits as written say nothing about the
   * numbering the reader sees: such ordinals are left out of the sequence check.
   */
  function isListMarker(section: Section): boolean {
    const o = section.ordinal!;
    if (document.format !== 'markdown' || o.kind !== 'arabic' || o.delimiter !== '.') return false;
    const end = ordinalEnd(section);
    const after = document.source.charAt(end);
    const textAfter = section.heading.text.charAt(o.raw.length);
    return (after === '' || /[ \t\r\n]/.test(after)) && !/[ \t]/.test(textAfter);
  }

  /**
   * The value at which a list may start again between `prev` and `cur` (siblings of one kind),
   * or null when nothing between them suggests a new list: a heading without an ordinal, an
   * appendix (附件), a signature or date line, 特此报告, a short title-like line, or a lead-in
   * ending with a colon right before `cur`.
   */
  function restartValue(prev: Section, cur: Section): number | null {
    const from = prev.heading.span.end.offset;
    const to = cur.heading.span.start.offset;
    // a heading without an ordinal in [from, to)
    const u = firstAtOrAfter(untitled.length, (i) => untitled[i]!, from);
    if (u < untitled.length && untitled[u]! < to) return 1;
    const starts = document.paragraphs;
    const first = firstAtOrAfter(starts.length, (i) => starts[i]!.span.start.offset, from);
    let last = first;
    while (last < starts.length && starts[last]!.span.start.offset < to) last++;
    // the last sign of a new list before `cur` decides where it starts
    let restart: number | null = null;
    for (let k = first; k < last; k++) {
      const text = starts[k]!.text.trim();
      if (APPENDIX_FIRST_ITEM.test(text) && cur.ordinal!.kind === 'arabic') restart = 2;
      else if (
        APPENDIX.test(text)
        || CLOSING.test(text)
        || DATE_LINE.test(text.replace(/\s+/g, ''))
        || isTitleLike(text)
        || ADDRESS.test(text)
        || (k === last - 1 && /[：:]$/.test(text))
      ) restart = 1;
    }
    return restart;
  }

  /** The body paragraph right before a heading, if any. */
  function paragraphBefore(section: Section): Paragraph | undefined {
    const at = section.heading.span.start.offset;
    const ps = document.paragraphs;
    // the paragraphs are in document order: the first that ends past `at`, and the one before it
    const i = firstAtOrAfter(ps.length, (k) => ps[k]!.span.end.offset, at + 1);
    return i > 0 ? ps[i - 1] : undefined;
  }

  function format(kind: OrdinalKind, value: number, like: Ordinal): string {
    const b = like.brackets === FULL || like.brackets === HALF ? like.brackets : prefs.brackets;
    switch (kind) {
      case 'cn':
        return `${toChineseNumber(value)}、`;
      case 'paren-cn':
        return `${b[0]}${toChineseNumber(value)}${b[1]}`;
      case 'arabic':
        return `${value}${prefs.arabicDelimiter}`;
      case 'paren-arabic':
        return `${b[0]}${value}${b[1]}`;
    }
  }

  function missingList(kind: OrdinalKind, from: number, to: number, like: Ordinal): string {
    const f = (v: number) => `「${format(kind, v, like)}」`;
    if (to <= from) return f(from);
    if (to === from + 1) return f(from) + f(to);
    return `${f(from)}至${f(to)}`;
  }
}

/** The least i in [0, n) with key(i) >= value (n when none), for keys ascending in i. */
function firstAtOrAfter(n: number, key: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(mid) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The later siblings of the same kind, up to the next one numbered 1 (which may open a new list):
 * the value of the first of them, and whether a value is among them. Built in one pass, so that
 * a long list answers in O(log n) per sibling instead of a scan to its end.
 */
function laterIndex(ordered: Section[]): { next: (index: number) => number | undefined; includes: (index: number, value: number) => boolean } {
  const n = ordered.length;
  const nextSame = new Int32Array(n).fill(-1);
  const nextOne = new Int32Array(n).fill(n);
  const lastSame = new Map<OrdinalKind, number>();
  const lastOne = new Map<OrdinalKind, number>();
  /** kind and value → the indices where they occur, ascending */
  const where = new Map<string, number[]>();
  for (let k = n - 1; k >= 0; k--) {
    const o = ordered[k]!.ordinal!;
    nextSame[k] = lastSame.get(o.kind) ?? -1;
    nextOne[k] = lastOne.get(o.kind) ?? n;
    lastSame.set(o.kind, k);
    if (o.value === 1) lastOne.set(o.kind, k);
  }
  for (let k = 0; k < n; k++) {
    const o = ordered[k]!.ordinal!;
    const key = `${o.kind} ${o.value}`;
    const list = where.get(key);
    if (list) list.push(k);
    else where.set(key, [k]);
  }
  return {
    next: (index) => (nextSame[index]! >= 0 ? ordered[nextSame[index]!]!.ordinal!.value : undefined),
    includes: (index, value) => {
      const list = where.get(`${ordered[index]!.ordinal!.kind} ${value}`);
      if (!list) return false;
      const i = firstAtOrAfter(list.length, (k) => list[k]!, index + 1);
      return i < list.length && list[i]! <= nextOne[index]!;
    },
  };
}

/**
 * Siblings as the numbering sees them. In Markdown a section can end up below a section of the
 * same or a lower ordinal level ("## 一、" heading followed by a "二、" paragraph); such children
 * continue their parent's list, so they are moved up next to it.
 */
function logicalSiblings(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    logicalSiblings(hoisted(s), out);
  }
  return out;
}

function hoisted(section: Section): Section[] {
  const o = section.ordinal;
  if (!o) return [];
  return section.children.filter((c) => c.ordinal !== null && ORDINAL_LEVEL[c.ordinal.kind] <= ORDINAL_LEVEL[o.kind]);
}

function ownChildren(section: Section): Section[] {
  const up = new Set(hoisted(section));
  return section.children.filter((c) => !up.has(c));
}

/**
 * "一、二级医院全部完成改造。" is prose that the parser takes for a heading: 一、 followed by
 * another numeral and 级/等/类 (or another 、) is a list of numbers, not an ordinal.
 */
/** A short line without punctuation: a title, a part name (第二部分), an issuing body. */
function isTitleLike(text: string): boolean {
  return text.length > 0 && codePointCount(text, 0, text.length) <= 40 && !SENTENCE_PUNCT.test(text);
}

interface Preferences {
  /** the pair to write when a fix needs one */
  brackets: string;
  /** what follows an Arabic ordinal when a fix needs it */
  arabicDelimiter: string;
  arabicAllowed: string[];
}

function preferences(document: DocumentModel, options: Options): Preferences {
  let full = 0;
  let half = 0;
  let fullStop = 0;
  let halfStop = 0;
  for (const s of document.allSections) {
    const o = s.ordinal;
    if (!o) continue;
    if (o.brackets === FULL) full++;
    else if (o.brackets === HALF) half++;
    if (o.kind === 'arabic' && o.delimiter === '．') fullStop++;
    else if (o.kind === 'arabic' && o.delimiter === '.') halfStop++;
  }
  // 'any': follow the document; GB/T 9704 itself prints （） and the point "."
  const brackets = options.brackets === 'half' ? HALF : options.brackets === 'full' ? FULL : half > full ? HALF : FULL;
  const arabicDelimiter = options.arabicDelimiter === 'full' ? '．'
    : options.arabicDelimiter === 'half' ? '.'
    : fullStop > halfStop ? '．' : '.';
  const arabicAllowed = options.arabicDelimiter === 'any' ? ['.', '．'] : [arabicDelimiter];
  return { brackets, arabicDelimiter, arabicAllowed };
}

export default defineRule({ meta, check });

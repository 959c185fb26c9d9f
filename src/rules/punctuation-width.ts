import type { DocumentModel, TextBlock } from '../document/model.js';
import { segmentHolding, sourceOffset } from '../document/position.js';
import { factsOf } from '../document/facts/index.js';
import { chineseAt, hasChineseIn, isInlineSpaceAt, type LineBlock } from '../document/text.js';
import { defineMeta, defineRule, type ContextOf, type Edit, type OptionsOf } from '../rule.js';

/**
 * punctuation-width: half-width , ; : ? ! ( ) used in Chinese text, where GB/T 15834 wants the
 * full-width ， ； ： ？ ！ （ ）.
 *
 * A mark counts only when Chinese text stands next to it (a bracket pair: around or inside it);
 * never inside a number or a time (1,000  10:30  1:500), a URL, an e-mail address, a code span,
 * or a Latin phrase ("Hello, world").
 *
 * A draft that has been through Unicode NFKC is half-width throughout (both seeds are). Listing
 * hundreds of places helps nobody: when there are more than `summaryThreshold` such marks, or
 * more of them than full-width ones, the rule reports once per file, with the count. Its fix
 * converts them all (one edit per mark, so Markdown syntax between them stays); `listAll` lists
 * every place, each with its own fix.
 */

// ------------------------------------------------------------------ the rule

type Mark = ',' | ';' | ':' | '?' | '!' | '(' | ')';

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;

const ALL_MARKS: Mark[] = [',', ';', ':', '?', '!', '(', ')'];
const FULL: Record<Mark, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
/** FULL backwards: the half-width mark a place's edit replaces */
const HALF: Record<string, Mark> = Object.fromEntries(ALL_MARKS.map((m) => [FULL[m], m]));

export const meta = defineMeta({
  id: 'punctuation-width',
  description: {
    zh: '中文文字中应使用全角标点（，；：？！（）），不用半角 , ; : ? ! ( )（GB/T 15834）',
    en: 'Chinese text takes full-width ，；：？！（） rather than half-width , ; : ? ! ( ) (GB/T 15834)',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: true,
  options: {
    summaryThreshold: {
      description:
        'When a file has more half-width marks in Chinese text than this (or more of them than full-width ones), report one summary finding for the file instead of one per place.',
      type: 'integer',
      minimum: 0,
      default: 10,
    },
    listAll: {
      description: 'Report every place, each with its own fix, even when the file is half-width throughout.',
      type: 'boolean',
      default: false,
    },
    marks: {
      description: 'The half-width marks to check.',
      type: 'array',
      items: { enum: ALL_MARKS },
      uniqueItems: true,
      default: ALL_MARKS,
    },
  },
  defaultOptions: { summaryThreshold: 10, listAll: false, marks: ALL_MARKS },
  messages: {
    halfWidth: {
      zh: '中文文字中应使用全角标点「{{expected}}」，此处为半角「{{found}}」',
      en: 'Chinese text takes the full-width "{{expected}}", not the half-width "{{found}}"',
    },
    summary: {
      zh: '全文有{{count}}处中文文字中使用了半角标点（, ; : ? ! ( )），应使用全角标点；此处为第一处「{{found}}」。修复将一并改为全角',
      en: '{{count}} half-width marks (, ; : ? ! ( )) in Chinese text in this file, where full-width marks belong; this is the first, "{{found}}". The fix converts them all',
    },
    summaryWord: {
      zh: '全文有{{count}}处中文文字中使用了半角标点（, ; : ? ! ( )），应使用全角标点；此处为第一处「{{found}}」。Word 文档不会自动修复，请在 Word 中改为全角（--annotate 写出的审阅副本中已逐处写为修订）',
      en: '{{count}} half-width marks (, ; : ? ! ( )) in Chinese text in this file, where full-width marks belong; this is the first, "{{found}}". A Word document is never fixed automatically: change them in Word (the reviewed copy --annotate writes has each as a tracked change)',
    },
  },
  tags: ['punctuation', 'GB/T 15834'],
});

/**
 * The places found, each as the two objects the report takes of it: where the mark is, and the
 * edit for it alone (the mark, and the half-width habit's space beside it). A summary on
 * bench/out/big/10mb.md stands for 136,000 places, and every object per place lives until the
 * report, so the young-generation GC copies each: a record and a range of their own besides these
 * two cost 0.07 s of that file's 1.95 s (user time).
 */
interface Candidates {
  places: { start: number; end: number }[];
  edits: Edit[];
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i); // NaN outside the text
  return c >= 0x30 && c <= 0x39;
}

function isLatinOrDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Index of the nearest character in direction `dir` from i that is not an inline space, or -1/length. */
function skipSpaces(text: string, i: number, dir: -1 | 1): number {
  let k = i;
  while (isInlineSpaceAt(text, k)) k += dir;
  return k;
}

/**
 * 「同比增长20%,2025年……」: a mark after a percentage that Chinese text leads up to. A number's own
 * punctuation never follows %, so the digits after it do not make it part of a number.
 */
function percentInChinese(text: string, i: number): boolean {
  const p = text.charCodeAt(i - 1);
  if (p !== 0x25 /* % */ && p !== 0x2030 /* ‰ */) return false;
  let k = i - 1;
  while (k > 0 && (isDigitAt(text, k - 1) || text[k - 1] === '.')) k--;
  return k < i - 1 && isDigitAt(text, k) && chineseAt(text, skipSpaces(text, k - 1, -1), -1);
}

/** The half-width marks, and the brackets of either width: the scans jump from one to the next. */
const HALF_WIDTH_MARK = /[,;:?!()]/g;
const HAS_HALF_WIDTH_MARK = /[,;:?!()]/;
const BRACKET = /[(（)）]/g;
const FULL_WIDTH_MARK = /[，；：？！（）]/g;

/** Brackets that pair up, ( with ) or （ with ) and the like: each one's index to its partner's. */
function bracketPairs(text: string, mask: Uint8Array | null): Map<number, number> {
  const stack: number[] = [];
  const pairs = new Map<number, number>();
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(text); m; m = BRACKET.exec(text)) {
    const i = m.index;
    if (mask?.[i]) continue;
    const c = m[0];
    if (c === '(' || c === '（') stack.push(i);
    else if (stack.length > 0) {
      const open = stack.pop()!;
      pairs.set(open, i);
      pairs.set(i, open);
    }
  }
  return pairs;
}

function findCandidates(document: DocumentModel, { block, mask }: LineBlock, marks: Set<Mark>, out: Candidates): void {
  const text = block.text;
  // most blocks of a full-width draft hold no half-width mark at all
  if (!HAS_HALF_WIDTH_MARK.test(text)) return;
  // brackets first, as pairs; only when there is a half-width one
  const pairs = text.includes('(') || text.includes(')') ? bracketPairs(text, mask) : null;
  const before = (i: number) => chineseAt(text, skipSpaces(text, i - 1, -1), -1);
  const after = (i: number) => chineseAt(text, skipSpaces(text, i + 1, 1), 1);

  // the marker of a Markdown ordered list item ("1) 加大……") is syntax, kept in the text
  const listMarker = document.format === 'markdown' ? /^\d{1,9}\)/.exec(text) : null;
  const markerEnd = listMarker && /\s/.test(document.source[sourceOffset(block, listMarker[0].length - 1) + 1] ?? '')
    ? listMarker[0].length : 0;

  // test() and lastIndex rather than exec(): no match object for each of thousands of marks
  HALF_WIDTH_MARK.lastIndex = 0;
  while (HALF_WIDTH_MARK.test(text)) {
    const i = HALF_WIDTH_MARK.lastIndex - 1;
    const c = text[i] as Mark;
    if (i < markerEnd || mask?.[i] || !marks.has(c)) continue;
    let chinese: boolean;
    if (c === '(' || c === ')') {
      const other = pairs!.get(i);
      if (other !== undefined) {
        const [open, close] = c === '(' ? [i, other] : [other, i];
        // Latin inside and Latin before: the brackets belong to a Latin phrase, "Law (2nd ed.)等"
        const latinBefore = isLatinOrDigitAt(text, skipSpaces(text, open - 1, -1));
        chinese = hasChineseIn(text, open + 1, close) || before(open) || (!latinBefore && after(close));
      } else {
        chinese = before(i) || after(i);
      }
    } else {
      // a number's own punctuation: 1,000  10:30  1:500
      if ((c === ',' || c === ':' || c === ';') && isDigitAt(text, i - 1) && isDigitAt(text, i + 1)) continue;
      chinese = chineseAt(text, i - 1, -1) || after(i) || percentInChinese(text, i);
    }
    if (chinese) addCandidate(block, i, c, out);
  }
}

function addCandidate(block: TextBlock, i: number, found: Mark, out: Candidates): void {
  const text = block.text;
  // the mark's segment, as contiguousSourceRange finds it, without a range object per mark
  const seg = segmentHolding(block, i, i + 1);
  if (!seg) return; // not in the source as such (an entity): leave it
  const start = seg.source + (i - seg.text);
  // the space a Western habit puts after , ; : ? ! ) or before ( goes with the half-width mark
  let a = i;
  let b = i + 1;
  if (found === '(') {
    const k = skipSpaces(text, i - 1, -1);
    if (k >= 0 && k < i - 1 && chineseAt(text, k, -1)) a = k + 1;
  } else {
    const k = skipSpaces(text, i + 1, 1);
    if (k < text.length && k > i + 1 && chineseAt(text, k, 1) && text[k] !== '(') b = k;
  }
  const fixSeg = a === i && b === i + 1 ? seg : segmentHolding(block, a, b);
  out.places.push({ start, end: start + 1 });
  out.edits.push(fixSeg
    ? { start: fixSeg.source + (a - fixSeg.text), end: fixSeg.source + (b - fixSeg.text), text: FULL[found] }
    : { start, end: start + 1, text: FULL[found] });
}

function countFullWidth(lines: readonly LineBlock[]): number {
  let n = 0;
  for (const { block, mask } of lines) {
    FULL_WIDTH_MARK.lastIndex = 0;
    for (let m = FULL_WIDTH_MARK.exec(block.text); m; m = FULL_WIDTH_MARK.exec(block.text)) if (!mask?.[m.index]) n++;
  }
  return n;
}

export function check(ctx: Context): void {
  const { document, options } = ctx;
  const marks = new Set<Mark>(options.marks ?? ALL_MARKS);
  const threshold = options.summaryThreshold ?? 10;
  const lines = factsOf(document).lineBlocks;
  const candidates: Candidates = { places: [], edits: [] };
  for (const line of lines) findCandidates(document, line, marks, candidates);
  const { places, edits } = candidates;
  const n = places.length;
  if (n === 0) return;

  const summarize = options.listAll !== true
    && (n > threshold || n > countFullWidth(lines));
  if (summarize && n > 1) {
    // --fix never rewrites a Word document: no promise of a fix there (the engine keeps the fix
    // of a .docx only for --annotate, which writes it into a reviewed copy as tracked changes)
    const word = /\.docx$/i.test(document.filename);
    ctx.report({
      messageId: word ? 'summaryWord' : 'summary',
      data: { count: n, found: HALF[edits[0]!.text]! },
      start: places[0]!.start,
      end: places[0]!.end,
      related: places.slice(1),
      // one edit per mark, merged by the engine into one fix; Markdown syntax between them stays
      fix: edits,
    });
    return;
  }
  for (let k = 0; k < n; k++) {
    const fix = edits[k]!;
    ctx.report({
      messageId: 'halfWidth',
      data: { found: HALF[fix.text]!, expected: fix.text },
      start: places[k]!.start,
      end: places[k]!.end,
      fix,
    });
  }
}

export default defineRule({ meta, check });

import type { DocumentModel } from '../document/model.js';
import { sourceEndOffset, sourceOffset } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';
import { factsOf } from '../document/facts/index.js';
import { chineseAt, isCjkPunctAt, isHanAt } from '../document/text.js';

/**
 * stray-space: white space between Chinese characters or next to Chinese punctuation
 * ("告知书 “两书同送”", "各环节。 选取", "落实 “一岗双责”"). Chinese text is set without spaces, and a
 * full-width mark carries its own spacing, so such a space is always a slip (often left over from
 * editing, or from a Word line break), and deleting it is safe.
 *
 * Spacing between Chinese and Latin letters, digits or symbols ("HIS 系统", "率达 95%",
 * "双随机 + 执法") is a matter of house style: left alone unless `chineseLatin` asks.
 * The space inside or after a heading ordinal ("四 、") is heading-sequence's to report.
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;

export const meta = defineMeta({
  id: 'stray-space',
  description: {
    zh: '中文字符之间或中文标点旁多余的空格',
    en: 'A stray space between Chinese characters or next to Chinese punctuation',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: true,
  options: {
    chineseLatin: {
      description:
        'Also report white space between Chinese characters and Latin letters, digits or symbols ("HIS 系统", "率达 95%", "双随机 + 执法").',
      type: 'boolean',
      default: false,
    },
  },
  defaultOptions: { chineseLatin: false },
  messages: {
    between: {
      zh: '多余的空格：「{{before}}」与「{{after}}」之间不应有空格',
      en: 'Stray space between "{{before}}" and "{{after}}"',
    },
    latin: {
      zh: '中文与西文、数字之间的空格：「{{before}}」与「{{after}}」之间的空格可删除',
      en: 'Space between Chinese and Latin text or digits: "{{before}}" and "{{after}}"',
    },
  },
  tags: ['punctuation', 'spacing', 'GB/T 15834'],
});

const CONTEXT = 4;
/** A run of white space inside a line (the characters of INLINE_SPACE in text.ts): the check jumps between runs. */
const SPACE_RUN = /[ \t\u3000\u00a0]+/g;

/**
 * Source ranges that another rule owns: the spaces inside and after heading ordinals. Returns
 * whether [start, end) overlaps one of them, by binary search (the ranges sorted by start, with
 * the greatest end so far): a document of 100,000 headings has as many.
 */
function ordinalSpaces(document: DocumentModel): (start: number, end: number) => boolean {
  const ranges = document.allSections.flatMap((s) => s.ordinal?.spaces ?? []).sort((a, b) => a.start - b.start);
  const maxEnd: number[] = [];
  for (const r of ranges) maxEnd.push(Math.max(r.end, maxEnd[maxEnd.length - 1] ?? -Infinity));
  return (start, end) => {
    // the ranges that start before `end`: ranges[0, lo)
    let lo = 0;
    let hi = ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ranges[mid]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && maxEnd[lo - 1]! > start;
  };
}

/** the longest slogan insideSlogan accepts, in UTF-16 units */
const SLOGAN_MAX = 24;

/**
 * A space that separates the phrases of a short slogan in quotation marks: “学宪法 讲宪法”,
 * “减负 提质 增效”. Chinese typesetting uses a space there on purpose.
 */
function insideSlogan(text: string, i: number, j: number): boolean {
  // the marks are looked for no further than a slogan can reach (a scan to the line's ends would
  // make a line of 200,000 spaces quadratic): a quote further away makes the inner text too long
  const reach = j - SLOGAN_MAX - 1;
  let a = i - 1;
  while (a >= 0 && a >= reach && text[a] !== '“' && text[a] !== '”' && text[a] !== '「' && text[a] !== '」') a--;
  if (a < 0 || a < reach || (text[a] !== '“' && text[a] !== '「')) return false;
  const close = text[a] === '“' ? '”' : '」';
  const limit = Math.min(text.length, a + SLOGAN_MAX + 2);
  let b = j;
  while (b < limit && text[b] !== close) b++;
  if (b >= limit) return false;
  const inner = text.slice(a + 1, b);
  // only Han characters and single spaces: a slogan, not a sentence in quotes
  return inner.length <= SLOGAN_MAX && /^\p{Script=Han}+(?: \p{Script=Han}+)+$/u.test(inner);
}

export function check(ctx: Context): void {
  const { document, options } = ctx;
  const owned = ordinalSpaces(document);
  for (const { block, mask } of factsOf(document).lineBlocks) {
    const text = block.text;
    SPACE_RUN.lastIndex = 0;
    for (let run = SPACE_RUN.exec(text); run; run = SPACE_RUN.exec(text)) {
      const at = run.index;
      const j = at + run[0].length;
      // a space that opens the line is not between two things; one that ends it, neither
      if (at === 0) continue;
      if (j >= text.length) break;
      if (mask?.[at - 1] || mask?.[j]) continue; // next to a URL, e-mail or code span
      const start = sourceOffset(block, at);
      const end = sourceEndOffset(block, j);
      if (owned(start, end)) continue;

      if (isHanAt(text, at - 1) && isHanAt(text, j) && insideSlogan(text, at, j)) continue;

      let messageId: 'between' | 'latin' | null = null;
      const chineseL = chineseAt(text, at - 1, -1);
      const chineseR = chineseAt(text, j, 1);
      if ((chineseL && chineseR) || isCjkPunctAt(text, at - 1) || isCjkPunctAt(text, j)) messageId = 'between';
      else if (options.chineseLatin && (isHanAt(text, at - 1) || isHanAt(text, j))) messageId = 'latin';
      if (!messageId) continue;

      ctx.reportAt(block, at, j, {
        messageId,
        data: {
          before: text.slice(Math.max(0, at - CONTEXT), at),
          after: text.slice(j, j + CONTEXT),
        },
        fix: { start: at, end: j, text: '' },
      });
    }
  }
}

export default defineRule({ meta, check });

import type { DocumentModel } from '../document/model.js';
import { sourceEndOffset, sourceOffset } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';
import { factsOf } from '../document/facts/index.js';
import { chineseAt, isCjkPunctAt, isHanAt, isInlineSpaceAt } from '../document/text.js';

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
    afterNumber: {
      zh: '多余的空格：数字「{{before}}」与其后的「{{after}}」之间不应有空格',
      en: 'Stray space between the figure "{{before}}" and the Chinese "{{after}}" after it',
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
  while (a >= 0 && a >= reach && !QUOTE_MARKS.includes(text[a]!)) a--;
  if (a < 0 || a < reach) return false;
  const close = QUOTE_PAIRS[text[a]!];
  if (close === undefined) return false;
  const limit = Math.min(text.length, a + SLOGAN_MAX + 2);
  let b = j;
  while (b < limit && text[b] !== close) b++;
  if (b >= limit) return false;
  const inner = text.slice(a + 1, b);
  // only Han characters and single spaces of any width: a slogan, not a sentence in quotes
  return inner.length <= SLOGAN_MAX && /^\p{Script=Han}+(?:[ \u3000\u00a0]\p{Script=Han}+)+$/u.test(inner);
}

const QUOTE_PAIRS: Record<string, string> = { '“': '”', '「': '」', '‘': '’', '『': '』' };
/** the quotation marks, opening and closing: the nearest one before a space decides */
const QUOTE_MARKS = '“”「」‘’『』';

/** the ends of the names of issuing bodies: 中共中央, 国务院, ……党工委, ……管委会, ……人民政府, ……办公厅 */
const ORGAN = '(?:中共中央|党中央|国务院|中央军委|全国人大常委会|人大常委会|常委会|委员会|人民政府|政府|党委|党组|党工委|工委|管委会|纪委|监委|办公厅|办公室|总局|厅|局|部|署|委|办|院|法院|检察院|政协|总工会|工会|团委|妇联|联合会|协会|中心)';
/** the organ name before the space */
const ORGAN_BEFORE = new RegExp(`${ORGAN}$`);
/** the organ name after it, followed by what a joint document says next (关于, 印发 …) */
const ORGAN_AFTER = new RegExp(`^\\p{Script=Han}{0,16}?${ORGAN}(?:关于|印发|联合|发布|转发|批转)`, 'u');
/** or the whole name, followed by the space before the next one: 「中共中央办公厅 国务院办公厅 中央军委办公厅关于」 */
const ORGAN_ONLY = new RegExp(`^\\p{Script=Han}{0,16}?${ORGAN}$`, 'u');

/**
 * 「中共中央 国务院关于……」, 《大鹏新区党工委 大鹏新区管委会关于……》: the names of joint issuers
 * are separated by a space by convention (as in the heading of a joint document, GB/T 9704).
 */
function betweenIssuers(text: string, at: number, j: number, depth = 0): boolean {
  let a = at;
  while (a > 0 && at - a < 20 && isHanAt(text, a - 1)) a--;
  if (!ORGAN_BEFORE.test(text.slice(a, at))) return false;
  let b = j;
  while (b < text.length && b - j < 24 && isHanAt(text, b)) b++;
  const right = text.slice(j, b);
  if (ORGAN_AFTER.test(right)) return true;
  // a name of its own, then a space and the next name (three issuers at most are looked through)
  return depth < 2 && ORGAN_ONLY.test(right) && isInlineSpaceAt(text, b) && isHanAt(text, b + 1) && betweenIssuers(text, b, b + 1, depth + 1);
}

/** an office and a name: 「省长　王予波」, 「代市长 张三」, 「深圳市人民政府 市长 李四」 */
const BYLINE = /^\p{Script=Han}{1,20}(?:[ \u3000\u00a0]+\p{Script=Han}{1,20})?(?:长|主任|书记|主席|总理|委员)[ \u3000\u00a0]+\p{Script=Han}{1,4}(?:·\p{Script=Han}{1,6})?$/u;
/** how far down a byline may stand: under the title and the 会议 line */
const BYLINE_LINES = 8;

/**
 * The byline under a report's title (「省长　王予波」): office and name are separated by a space by
 * convention. Only a line of its own near the top, before any sentence of the body.
 */
function isByline(document: DocumentModel, text: string, start: number): boolean {
  if (!BYLINE.test(text.trim())) return false;
  const before = document.source.slice(0, start);
  if (/[。！？!?]/.test(before)) return false;
  let lines = 0;
  for (let k = before.indexOf('\n'); k >= 0; k = before.indexOf('\n', k + 1)) if (++lines >= BYLINE_LINES) return false;
  return true;
}

/** 「收集率达95% 以上」: the figure before a space, glued to the Chinese before it; its start, or -1 */
function figureBefore(text: string, at: number): number {
  let k = at;
  while (k > 0 && /[0-9.,%‰]/.test(text[k - 1]!)) k--;
  if (k === at || !/^\d+(?:[.,]\d+)*[%‰]?$/.test(text.slice(k, at))) return -1;
  return k > 0 && (isHanAt(text, k - 1) || isCjkPunctAt(text, k - 1)) ? k : -1;
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

      // the cells of a table pasted as text are separated by tabs
      if (run[0].includes('\t')) continue;
      if (isHanAt(text, at - 1) && isHanAt(text, j)) {
        if (insideSlogan(text, at, j) || betweenIssuers(text, at, j)) continue;
        if (isByline(document, text, sourceOffset(block, 0))) continue;
      }

      let messageId: 'between' | 'afterNumber' | 'latin' | null = null;
      const chineseL = chineseAt(text, at - 1, -1);
      const chineseR = chineseAt(text, j, 1);
      const figure = isHanAt(text, j) ? figureBefore(text, at) : -1;
      if ((chineseL && chineseR) || isCjkPunctAt(text, at - 1) || isCjkPunctAt(text, j)) messageId = 'between';
      else if (figure >= 0) messageId = 'afterNumber';
      else if (options.chineseLatin && (isHanAt(text, at - 1) || isHanAt(text, j))) messageId = 'latin';
      if (!messageId) continue;

      ctx.reportAt(block, at, j, {
        messageId,
        data: {
          before: messageId === 'afterNumber' ? text.slice(figure, at) : text.slice(Math.max(0, at - CONTEXT), at),
          after: text.slice(j, j + CONTEXT),
        },
        fix: { start: at, end: j, text: '' },
      });
    }
  }
}

export default defineRule({ meta, check });

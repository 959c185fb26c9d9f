import type { DocumentModel, TextBlock } from '../document/model.js';
import { contiguousSourceRange } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type Fix, type MessageIdsOf, type OptionsOf, type Report } from '../rule.js';
import { factsOf } from '../document/facts/index.js';
import type { LineBlock } from '../document/text.js';

/**
 * doubled-punctuation: two point marks in a row ("。。", "，，", "、、", "；。", "，。"), a slip that
 * editing leaves behind. GB/T 15834 gives every pause one mark.
 *
 * A doubled mark (。。) is fixed by deleting the copy. Two different marks (；。) are fixed only
 * when the choice is certain: at the end of a paragraph the 句号 stays. Elsewhere which mark
 * was meant is a guess, so there is no fix. ？！ together (and ！！, ？？) are allowed by
 * GB/T 15834 and never reported; …… and —— are single marks.
 *
 * Optionally (`quotedSeriesComma`), a 顿号 between items that each carry quotes or 书名号
 * (“一号”、“二号”, 《甲》、《乙》): GB/T 15834 4.5.3.5 says such items 通常 take no 顿号, unless
 * something such as a bracketed note stands between them.
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;
type MessageId = MessageIdsOf<typeof meta>;

export const meta = defineMeta({
  id: 'doubled-punctuation',
  description: {
    zh: '标点重复或连用（「。。」「，，」「、、」「；。」）',
    en: 'Doubled or stacked punctuation (。。 ，， 、、 ；。)',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: true,
  options: {
    quotedSeriesComma: {
      description:
        'A 顿号 between items that each carry quotes or 书名号 (“一号”、“二号”; GB/T 15834 4.5.3.5, 通常不用顿号): "off" (default), "warn" (reported as a warning), or "error" (at the rule\'s severity).',
      enum: ['off', 'warn', 'error'],
      default: 'off',
    },
  },
  defaultOptions: { quotedSeriesComma: 'off' },
  messages: {
    doubled: {
      zh: '标点重复：「{{text}}」，应只用一个「{{mark}}」',
      en: 'Doubled punctuation "{{text}}": one "{{mark}}" is enough',
    },
    stacked: {
      zh: '标点连用：「{{text}}」，两个点号只应保留一个',
      en: 'Stacked punctuation "{{text}}": keep only one of the two marks',
    },
    quotedSeriesComma: {
      zh: '带引号或书名号的并列成分之间通常不用顿号：「{{text}}」（GB/T 15834 4.5.3.5）',
      en: 'Items in quotes or 书名号 are usually listed without a 顿号: "{{text}}" (GB/T 15834 4.5.3.5)',
    },
  },
  tags: ['punctuation', 'GB/T 15834'],
});

/** Point marks (点号) that never stand twice in a row; half-width forms of NFKC-folded drafts too. */
const POINT = new Set('。，、；：,;:');
/** ？ and ！ may combine with each other, but not with a following point mark. */
const END = new Set('？！?!');
const NORMAL: Record<string, string> = { ',': '，', ';': '；', ':': '：' };
const norm = (c: string) => NORMAL[c] ?? c;
const MARKUP = new Set('*_~`[]');
/** Where a run can start: a point mark, or ？ ！, followed by a point mark. The scan jumps between these. */
const RUN_START = /[。，、；：,;:？！?!][。，、；：,;:]/g;

/** The fix that deletes text[i, j), unless that cuts through syntax or leaves empty markup (**。**). */
function deleteRange(document: DocumentModel, block: TextBlock, i: number, j: number): Fix | null {
  const range = contiguousSourceRange(block, i, j);
  if (!range) return null;
  const src = document.source;
  if (MARKUP.has(src[range.start - 1] ?? '') && MARKUP.has(src[range.end] ?? '')) return null;
  return { ...range, text: '' };
}

function checkBlock(ctx: Context, { block, mask }: LineBlock): void {
  const { document, options } = ctx;
  const text = block.text;
  RUN_START.lastIndex = 0;
  for (let match = RUN_START.exec(text); match; match = RUN_START.exec(text)) {
    const i = match.index;
    const a = text[i]!;
    // a protected mark does not start a run; the next one may
    RUN_START.lastIndex = i + 1;
    if (mask?.[i]) continue;
    let j = i + 1;
    while (j < text.length && POINT.has(text[j]!) && !mask?.[j]) j++;
    if (j === i + 1) continue;
    // i..j-1 is a run of marks (the first may be ？ or ！); the scan goes on after it
    RUN_START.lastIndex = j;
    // half-width , : between digits is a number's own punctuation (1,000): the run starts after it
    const run = text.slice(i, j);
    const start = contiguousSourceRange(block, i, i + 1)?.start;
    const endRange = contiguousSourceRange(block, j - 1, j);
    if (start === undefined || !endRange) continue;
    const marks = [...run].map(norm);
    const same = marks.every((m) => m === marks[0]);
    let fix: Fix | null = null;
    if (same) {
      // keep one: delete the later copies, or else the earlier ones
      fix = deleteRange(document, block, i + 1, j) ?? deleteRange(document, block, i, j - 1);
    } else if (run.length === 2 && marks[1] === '。' && j === text.length && !END.has(a)) {
      // "……工作；。" at the end of a paragraph: the 句号 closes it
      fix = deleteRange(document, block, i, i + 1);
    }
    const report: Report<MessageId> = {
      messageId: same ? 'doubled' : 'stacked',
      data: same ? { text: run, mark: marks[0]! } : { text: run },
      start,
      end: endRange.end,
    };
    if (fix) report.fix = fix;
    ctx.report(report);
  }

  if (options.quotedSeriesComma === 'warn' || options.quotedSeriesComma === 'error') {
    for (let i = text.indexOf('、', 1); i >= 0 && i + 1 < text.length; i = text.indexOf('、', i + 1)) {
      if (mask?.[i]) continue;
      const prev = text[i - 1]!;
      const next = text[i + 1]!;
      const pair = (prev === '”' && next === '“') || (prev === '》' && next === '《');
      if (!pair) continue;
      const range = contiguousSourceRange(block, i - 1, i + 2);
      const own = contiguousSourceRange(block, i, i + 1);
      if (!range || !own) continue;
      const report: Report<MessageId> = {
        messageId: 'quotedSeriesComma',
        data: { text: text.slice(i - 1, i + 2) },
        start: range.start,
        end: range.end,
        fix: { ...own, text: '' },
      };
      // an advisory check inside an error rule: lowered to a warning where the engine supports it
      const level = options.quotedSeriesComma === 'warn' ? { level: 'warn' as const } : {};
      ctx.report({ ...report, ...level });
    }
  }
}

export function check(ctx: Context): void {
  for (const line of factsOf(ctx.document).lineBlocks) checkBlock(ctx, line);
}

export default defineRule({ meta, check });

import type { DateMention } from '../document/facts/dates.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';
import { factsOf } from '../document/facts/index.js';

/**
 * relative-time: 今年, 去年, 明年, 本年(度), 上年(度), 上一年度, 下一年度 … in an annual report.
 *
 * An annual report is read long after it is written — by the office it is sent to in the spring,
 * by the public on a website for years — and 今年 then means another year. The year should be
 * written out: 今年 → 2024年. The mentions come from factsOf(document).dates (kind 'relative'); the
 * fix writes the year from the report year N:
 *
 *   本年 本年度 今年 今年度 → N年(度); 上年 上年度 上一年 上一年度 去年 → N-1年(度);
 *   下一年 下一年度 下年度 明年 → N+1年(度).
 *
 * 今年/去年/明年/今年度 count from the day of writing. When the signature date says the report
 * was written in another year than N (a 2024 report signed in February 2025), they are ambiguous
 * and get no fix. In a heading or the title, 上一年度/下一年度 are the template's words
 * (下一年度推进法治政府建设的主要安排) left where the year belongs: the same fix, its own message.
 * Quoted mentions (“今年”, 《…本年度…》) are names and are left alone.
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;

export const RELATIVE_WORDS = [
  '今年', '今年度', '本年', '本年度',
  '去年', '上年', '上年度', '上一年', '上一年度',
  '明年', '下一年', '下一年度', '下年度',
];

/** count from the day of writing, not from the year reported */
const WRITING_RELATIVE = new Set(['今年', '今年度', '去年', '明年']);
/** the template's words (上一年度推进法治政府建设…, 下一年度…主要安排): in a heading they get their own message */
const TEMPLATE_WORDS = new Set(['本年度', '上年度', '上一年度', '上一年', '下一年度', '下一年', '下年度']);

export const meta = defineMeta({
  id: 'relative-time',
  description: {
    zh: '年度报告中不用「今年」「去年」「明年」「本年度」「下一年度」等相对时间，应写明年份',
    en: 'Write the year instead of relative words (今年, 去年, 明年, 本年度, 下一年度) in an annual report',
  },
  type: 'suggestion',
  defaultSeverity: 'warn',
  fixable: true,
  options: {
    words: {
      type: 'array',
      items: { type: 'string', enum: RELATIVE_WORDS },
      uniqueItems: true,
      description: 'The relative words to report (default: all of them).',
    },
    headings: {
      type: 'boolean',
      description: 'Also report relative words in headings and the title (template words such as 下一年度).',
    },
    anyDocument: {
      type: 'boolean',
      description: 'Check every document, not only annual reports and summaries.',
    },
  },
  defaultOptions: { words: RELATIVE_WORDS, headings: true, anyDocument: false },
  messages: {
    relative: {
      zh: '「{{word}}」是相对时间，报告公开后指代不明，应写明年份「{{fixed}}」',
      en: '"{{word}}" is relative: once the report is published it is unclear; write the year "{{fixed}}"',
    },
    relativeNoYear: {
      zh: '「{{word}}」是相对时间，报告公开后指代不明，应写明具体年份',
      en: '"{{word}}" is relative: once the report is published it is unclear; write the year',
    },
    ambiguous: {
      zh: '「{{word}}」指代不明：本报告是{{year}}年度报告，却成文于{{signed}}年，应写明具体年份',
      en: '"{{word}}" is ambiguous: this is the report on {{year}} but it was signed in {{signed}}; write the year',
    },
    heading: {
      zh: '标题中的「{{word}}」是模板用语，应写明年份「{{fixed}}」',
      en: '"{{word}}" in a heading is the template\'s wording; write the year "{{fixed}}"',
    },
    headingNoYear: {
      zh: '标题中的「{{word}}」是模板用语，应写明具体年份',
      en: '"{{word}}" in a heading is the template\'s wording; write the year',
    },
  },
  tags: ['dates', 'style'],
});

function offset(d: DateMention): number {
  return d.relative === 'last' ? -1 : d.relative === 'next' ? 1 : 0;
}

export function check(ctx: Context): void {
  const doc = ctx.document;
  const { options } = ctx;
  const facts = factsOf(doc);
  if (!options.anyDocument && !facts.isAnnualReport) return;
  const words = new Set(options.words ?? RELATIVE_WORDS);
  const year = facts.reportYear?.year ?? null;
  const sig = facts.signatureDate;
  const signed = sig && sig.valid ? sig.year : null;
  for (const d of facts.dates) {
    if (d.kind !== 'relative' || d.quoted || !words.has(d.raw)) continue;
    if (d.inHeading && options.headings === false) continue;
    const word = d.raw;
    const inHeading = d.inHeading && TEMPLATE_WORDS.has(word);
    if (year !== null && signed !== null && signed !== year && WRITING_RELATIVE.has(word)) {
      ctx.report({ messageId: 'ambiguous', data: { word, year, signed }, start: d.start, end: d.end });
      continue;
    }
    if (year === null) {
      ctx.report({ messageId: inHeading ? 'headingNoYear' : 'relativeNoYear', data: { word }, start: d.start, end: d.end });
      continue;
    }
    const fixed = `${year + offset(d)}年${d.annual ? '度' : ''}`;
    const contiguous = doc.source.slice(d.start, d.end) === word;
    ctx.report({
      messageId: inHeading ? 'heading' : 'relative',
      data: { word, fixed },
      start: d.start,
      end: d.end,
      ...(contiguous ? { fix: { start: d.start, end: d.end, text: fixed } } : {}),
    });
  }
}

export default defineRule({ meta, check });

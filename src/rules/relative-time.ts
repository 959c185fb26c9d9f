import type { DateMention } from '../document/facts/dates.js';
import type { DocumentModel } from '../document/model.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';
import { factsOf } from '../document/facts/index.js';
import { textIndexOf } from '../document/position.js';

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
 * These heading words are template residue too; template-residue leaves them to this rule, which
 * has the year for the fix, so that each is reported once.
 *
 * The template's 上一年度 (上一年度推进法治政府建设的主要举措和成效 …, the list of contents of the
 * 2019 supervision regulation) is counted from the spring the report is sent in, so in a heading
 * about the measures, the shortcomings or the leaders' duty it means N itself; in a heading about
 * rectification (上一年度存在问题整改情况) it means N-1. A habitual statement
 * (各部门每年1月底前报送上一年度工作总结) names no year at all and is left alone.
 *
 * 截至目前, 至目前, 到目前为止, and totals anchored at 目前 (目前全县已累计建成……86个) say "as of
 * now", which a published report cannot: the message suggests the report's cut-off date
 * (截至N年12月底); there is no fix, since the author must say which date is meant.
 *
 * Applies to annual reports and summaries (factsOf(document).isAnnualReport, see
 * src/document/facts/report-type.ts): silent on a 政府工作报告, where 今年 is the plan year by
 * convention and 较上年增长 is statistics wording, and on speeches, plans and other documents.
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
    asOfNow: {
      type: 'boolean',
      description: 'Also report 截至目前, 至目前, 到目前为止 and totals anchored at 目前 (suggesting the report\'s cut-off date).',
    },
  },
  defaultOptions: { words: RELATIVE_WORDS, headings: true, anyDocument: false, asOfNow: true },
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
    template: {
      zh: '标题中的「{{word}}」是模板用语，此处指本报告年度，应写明年份「{{fixed}}」',
      en: '"{{word}}" in a heading is the template\'s wording and means the year reported on here; write the year "{{fixed}}"',
    },
    asOfNow: {
      zh: '「{{word}}」在报告公开后指代不明，应写明截止时间，如「截至{{year}}年12月底」',
      en: '"{{word}}" is unclear once the report is published; give the cut-off date, e.g. "截至{{year}}年12月底"',
    },
    asOfNowNoYear: {
      zh: '「{{word}}」在报告公开后指代不明，应写明截止时间（如「截至某年12月底」）',
      en: '"{{word}}" is unclear once the report is published; give the cut-off date (e.g. "截至……年12月底")',
    },
  },
  tags: ['dates', 'style'],
});

function offset(d: DateMention): number {
  return d.relative === 'last' ? -1 : d.relative === 'next' ? 1 : 0;
}

/** counted from the template's point of view (the spring of N+1), not from the day of writing */
const LAST_TEMPLATE = new Set(['上一年度', '上年度', '上一年']);
/** the template's items (一)(二)(三) after 上一年度: the measures, the shortcomings, the leaders' duty */
const TEMPLATE_ITEM = /^(?:推进)?法治(?:政府)?建设|^(?:的)?(?:主要)?(?:举措|工作|成效|做法)|^(?:党政)?主要负责(?:人|同志)|^(?:存在的)?(?:不足|问题)(?:和|及|与)原因/;
/** the fixed terms of statutory tables and accounts, where the relative word is the term itself */
const STATUTORY_TERM = /上年结转|结转下年度?|本年度?新收|本年度办理结果/;
/** habitual or general statements: each year's 上一年度 is another year */
const HABITUAL = /每年|每一年|每个年度|每年度|年年|逐年|历年|按年度|年度终了|次年/;
/** the words that count from the report year (the regulation's and the template's) */
const REPORT_COUNTED = new Set(['本年度', '上年度', '上一年度', '上一年', '上年', '下一年度', '下一年', '下年度']);

/** The clause (up to 。；！？ on either side) of block text around [start, end). */
function clauseAround(text: string, start: number, end: number): string {
  let a = start;
  while (a > 0 && !'。；！？;!?\n'.includes(text[a - 1]!)) a--;
  let b = end;
  while (b < text.length && !'。；！？;!?\n'.includes(text[b]!)) b++;
  return text.slice(a, b);
}

/** The block a mention lies in (heading or paragraph) and its index there, or null. */
function placeOf(doc: DocumentModel, d: DateMention): { text: string; at: number } | null {
  if (d.paragraphIndex !== null) {
    const p = doc.paragraphs[d.paragraphIndex]!;
    const at = textIndexOf(p, d.start);
    return at >= 0 ? { text: p.text, at } : null;
  }
  for (const block of [...(doc.title ? [doc.title] : []), ...doc.allSections.map((s) => s.heading)]) {
    if (d.start < block.span.start.offset || d.start >= block.span.end.offset) continue;
    const at = textIndexOf(block, d.start);
    if (at >= 0) return { text: block.text, at };
  }
  return null;
}

// 截至目前, 至目前, 到目前为止 …, and 目前 before a total (目前全县已累计建成……86个)
const AS_OF_NOW = /(?:截至|截止|截止到|直至|至)(?:目前|当前|现在|今日|今天)(?:为止)?|到目前为止|目前[^，。；：,;:]{0,10}?(?:已经?|均已)?(?:累计|共计|总计|共有)(?=[^，。；,;]{0,16}\d)/g;

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
    const place = placeOf(doc, d);
    // the fixed row labels of statutory tables: 上年结转, 结转下年度, 本年度办理结果 (政府信息公开年度报告)
    if (place && STATUTORY_TERM.test(place.text.slice(Math.max(0, place.at - 2), place.at + word.length + 4))) continue;
    // 各部门每年1月底前报送上一年度工作总结: a rule for every year, not a date
    if (place && REPORT_COUNTED.has(word) && HABITUAL.test(clauseAround(place.text, place.at, place.at + word.length))) continue;
    // 一、上一年度法治政府建设的主要举措和成效: the template's 上一年度 is N (but 上一年度存在问题整改情况 is N-1)
    if (inHeading && LAST_TEMPLATE.has(word) && place && !/整改/.test(place.text) && TEMPLATE_ITEM.test(place.text.slice(place.at + word.length))) {
      if (year === null) {
        ctx.report({ messageId: 'headingNoYear', data: { word }, start: d.start, end: d.end });
        continue;
      }
      const fixed = `${year}年${d.annual ? '度' : ''}`;
      const contiguous = doc.source.slice(d.start, d.end) === word;
      ctx.report({ messageId: 'template', data: { word, fixed }, start: d.start, end: d.end, ...(contiguous ? { fix: { start: d.start, end: d.end, text: fixed } } : {}) });
      continue;
    }
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
  if (options.asOfNow !== false) checkAsOfNow(ctx, year);
}

/** 截至目前 …: the body of the report, outside the plan, outside 《》 and quotes. */
function checkAsOfNow(ctx: Context, year: number | null): void {
  const doc = ctx.document;
  const facts = factsOf(doc);
  for (const p of doc.paragraphs) {
    if (p.sectionId !== null && facts.planSectionIds.has(p.sectionId)) continue;
    if (!/目前|当前|现在|今日|今天/.test(p.text)) continue;
    const text = p.text.replace(/《[^《》]*》|“[^“”]*”/g, (m) => '\u3000'.repeat(m.length));
    AS_OF_NOW.lastIndex = 0;
    for (let m = AS_OF_NOW.exec(text); m; m = AS_OF_NOW.exec(text)) {
      // the words only: 目前全县已累计 → 目前
      const word = m[0].startsWith('目前') ? '目前' : m[0];
      ctx.reportAt(p, m.index, m.index + word.length, year === null
        ? { messageId: 'asOfNowNoYear', data: { word } }
        : { messageId: 'asOfNow', data: { word, year } });
    }
  }
}

export default defineRule({ meta, check });

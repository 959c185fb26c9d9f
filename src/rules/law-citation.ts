import type { Paragraph, TextBlock } from '../document/model.js';
import { factsOf } from '../document/facts/index.js';
import { DOCUMENT_HINT, loadLaws, titleKey, type Laws, type RepealedLaw } from '../document/laws.js';
import { readingsOf } from '../document/readings.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';

/**
 * law-citation: the titles of laws, regulations and the central documents a 法治 report cites,
 * checked against the national list and the hand-kept lists of data/laws/ (see its README).
 *
 * - A title in 《》 that looks like a law or regulation (ends in 法, 条例, 规定, 办法, 细则, 规则,
 *   决定, 解释, 准则, 纲要, 规划) and is not known, but one character away from exactly one known
 *   title (two in a title of 10 characters or more), is a miswriting: 《传染病防止法》 →
 *   《传染病防治法》. Only where it is certain: the title has at least 5 characters, nothing else
 *   known lies within one more edit, the two end in the same kind of act (条例 is never changed
 *   into 细则), each changed character sounds like the one it replaces (防止/防治, 督查/督察:
 *   typing by pinyin makes such slips; two real titles one character apart differ by another
 *   sound: 兽药/农药, 河道/航道), a dropped character is not the first one, an added one only
 *   doubles its neighbour, and the difference is not 暂行/试行 (another version, perhaps newer
 *   than the list). A title that contains a known one (《广东省安全生产条例》, a local regulation)
 *   or is contained in one (a short form) is left alone, and so is every title nothing known is near.
 *   中华人民共和国 before the title and brackets after it ((2021年修订), (试行)) do not count.
 * - A title repealed outright (repealed.tsv: 《合同法》, 《物权法》 … on 2021-01-01 by the 民法典)
 *   cited in a report about a year N that began after the repeal: a warning with the date of the
 *   repeal and the act that replaced it, no fix. Not when the sentence is about a year before the
 *   repeal (2019年, 我局依据《合同法》…), names the act that replaced it, or speaks of history
 *   (原《合同法》, 施行以来, 废止, 修订前 …), nor when the report year is unknown.
 * - The dated documents (documents.tsv): a span that ends like the right one and starts elsewhere
 *   (法治政府建设实施纲要（2022—2025年）, （2016—2020年）) gets the right span; a span with a
 *   hyphen instead of the dash is number-usage's, and a span nothing ends with (a future 纲要,
 *   2026—2030年) is left alone; known miswritings (法治政府建设纲要, …督查工作规定) are fixed
 *   wherever they stand.
 *
 * The data is read only when a block has a 《…》 law title or names a dated document.
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;

export const meta = defineMeta({
  id: 'law-citation',
  description: {
    zh: '法律法规和重要文件名称须准确：名称误写、引用已废止的法律、纲要规划的年份',
    en: 'Titles of laws, regulations and key documents cited exactly: miswritten titles, repealed laws, the years of 纲要 and 规划',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: true,
  options: {
    allow: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      uniqueItems: true,
      description: 'Titles your office cites that are right as written (local regulations, new laws), with or without 《》 and 中华人民共和国: never reported, and never corrected towards a national title.',
    },
    repealed: {
      type: 'boolean',
      description: 'Report titles repealed before the report year (default true).',
    },
    nearMatch: {
      type: 'boolean',
      description: 'Report titles one character away from a known one, with the known title as the fix (default true).',
    },
    datedDocuments: {
      type: 'boolean',
      description: 'Check the year spans and known miswritings of the dated documents (法治政府建设实施纲要（2021—2025年）…) (default true).',
    },
  },
  defaultOptions: { allow: [] as string[], repealed: true, nearMatch: true, datedDocuments: true },
  messages: {
    nearMatch: {
      zh: '法规名称「《{{title}}》」疑为「《{{right}}》」之误，名称须一字不差',
      en: 'The title 《{{title}}》 looks like a miswriting of 《{{right}}》',
    },
    repealed: {
      zh: '「《{{title}}》」已于{{date}}废止（由《{{by}}》取代），{{year}}年度的报告不应作为现行依据引用',
      en: '《{{title}}》 was repealed on {{date}} (replaced by 《{{by}}》); a report on {{year}} should not cite it as in force',
    },
    span: {
      zh: '文件名称年份有误：「{{text}}」应为「{{right}}」',
      en: 'Wrong years in the title: "{{text}}" should be "{{right}}"',
    },
    miswriting: {
      zh: '文件名称有误：「{{text}}」应为「{{right}}」',
      en: 'Miswritten title: "{{text}}" should be "{{right}}"',
    },
  },
  tags: ['wording', 'citation'],
});

/** the kinds of act: the end of a title */
const KIND = /(?:法|法典|通则|总则|条例|规定|办法|细则|规则|决定|解释|准则|纲要|规划)$/u;
/** a title in 《》 (no nested marks) */
const TITLE = /《([^《》\n]{2,80})》/gu;
/** a block that may cite a law (before the data is read) */
const LAW_TITLE = /《[^《》\n]{0,80}(?:法|法典|通则|总则|条例|规定|办法|细则|规则|决定|解释|准则|纲要|规划)(?:[（(][^《》\n]{0,20}[）)])*》/u;
const PREFIX = '中华人民共和国';
/** what makes a sentence about history: the old law is named as such */
const HISTORY = /废止|失效|以来|取代|替代|代替|修订前|修改前|修正前|此前|以前|之前|曾|过去|历史|沿革|以往|当时|编纂|整合|原有|旧法|新旧|对比|衔接|过渡|溯及|追溯/u;
const HAN = /^\p{Script=Han}$/u;

export default defineRule({
  meta,
  check(ctx: Context) {
    const { document } = ctx;
    const options = ctx.options;
    const blocks = factsOf(document).blocks.filter((fb) => LAW_TITLE.test(fb.block.text) || (options.datedDocuments !== false && DOCUMENT_HINT.test(fb.block.text)));
    if (blocks.length === 0) return;
    const laws = loadLaws();
    const allowed = new Set((options.allow ?? []).map((t) => titleKey(t.replace(/^《|》$/gu, ''))));
    for (const fb of blocks) {
      const block = fb.block;
      const taken: Array<[number, number]> = [];
      if (options.datedDocuments !== false) checkDocuments(ctx, laws, block, fb.from, taken);
      TITLE.lastIndex = 0;
      for (let m = TITLE.exec(block.text); m; m = TITLE.exec(block.text)) {
        const start = m.index + 1;
        const inner = m[1]!;
        const end = start + inner.length;
        if (start < fb.from || taken.some(([a, b]) => start < b && end > a)) continue;
        if (/[〈〉<>＜＞“”"‘’]/u.test(inner)) continue;
        const key = titleKey(inner);
        if (!KIND.test(key) || allowed.has(key) || laws.titles.has(key)) continue;
        const repealed = laws.repealed.get(key);
        if (repealed) {
          if (options.repealed !== false) checkRepealed(ctx, block, fb.paragraphIndex, start, end, inner, repealed);
          continue;
        }
        if (options.nearMatch === false) continue;
        const right = nearTitle(laws, key, allowed);
        if (right === null) continue;
        // the fix changes the title itself: 中华人民共和国 before it and brackets after it stay
        const at = inner.startsWith(PREFIX) ? PREFIX.length : 0;
        if (inner.slice(at, at + key.length) !== key) continue;
        const written = inner.slice(0, at) + right + inner.slice(at + key.length);
        ctx.reportAt(block, start, end, {
          messageId: 'nearMatch',
          data: { title: inner, right: written },
          fix: { start: start + at, end: start + at + key.length, text: right },
        });
      }
    }
  },
});

/**
 * Words after which a dated document's name stands for itself (贯彻法治政府建设实施纲要, 印发的…);
 * after any other Han character it is the end of a local document's name (《静海区法治政府建设
 * 实施纲要（2022—2025年）》, 河北省…), whose years are its own.
 */
const BEFORE_DOCUMENT = /(?:对照|贯彻|落实|按照|根据|依据|实施|执行|印发|学习|宣传|推进|推动|遵循|对标|围绕|结合|关于|的|和|与|及|是|为|将|把|以|在|了|着)$/u;

function namesTheDocument(text: string, i: number): boolean {
  const before = text[i - 1];
  if (before === undefined || !HAN.test(before)) return true;
  return BEFORE_DOCUMENT.test(text.slice(Math.max(0, i - 2), i));
}

/** The spans of the dated documents, and their known miswritings, anywhere in the block. */
function checkDocuments(ctx: Context, laws: Laws, block: TextBlock, from: number, taken: Array<[number, number]>): void {
  const text = block.text;
  if (!DOCUMENT_HINT.test(text)) return;
  const byTitle = new Map<string, Array<[number, number]>>();
  for (const d of laws.documents) {
    for (const wrong of d.miswritings) {
      for (let i = text.indexOf(wrong, from); i >= 0; i = text.indexOf(wrong, i + wrong.length)) {
        // a title only when it stands as one: 《法治政府建设纲要》 or with its years; 「出台了法治
        // 政府建设纲要」 may be any region's plan
        const titled = text[i - 1] === '《' || /^[（(]20\d{2}/u.test(text.slice(i + wrong.length));
        if (!titled || !namesTheDocument(text, i)) continue;
        taken.push([i, i + wrong.length]);
        ctx.reportAt(block, i, i + wrong.length, { messageId: 'miswriting', data: { text: wrong, right: d.title }, fix: { start: i, end: i + wrong.length, text: d.title } });
      }
    }
    if (d.span) byTitle.set(d.title, [...(byTitle.get(d.title) ?? []), d.span]);
  }
  for (const [title, spans] of byTitle) {
    for (let i = text.indexOf(title, from); i >= 0; i = text.indexOf(title, i + title.length)) {
      if (!namesTheDocument(text, i)) continue;
      const m = /^([（(])([^（）()\n]{1,20})([）)])/u.exec(text.slice(i + title.length));
      if (!m) continue;
      const written = m[2]!;
      const years = /^(20\d{2})年?[—\-–－‐~～至到]{0,3}(20\d{2})年?$/u.exec(written);
      if (!years) continue;
      const [a, b] = [Number(years[1]), Number(years[2])];
      const right = spans.find(([, e]) => e === b);
      if (!right) continue; // a span nothing ends with: another document (a future 纲要)
      // one dash of any width and 年 after the end year: right years, the dash is number-usage's
      if (a === right[0] && /^\d{4}[—\-–－‐]\d{4}年$/u.test(written)) continue;
      // a span that starts like another document of this title is not a slip of this one
      if (a !== right[0] && spans.some(([s]) => s === a)) continue;
      const canonical = `${right[0]}—${right[1]}年`;
      if (written === canonical) continue;
      const end = i + title.length + m[0].length;
      const fixed = `${title}${m[1]}${canonical}${m[3]}`;
      taken.push([i, end]);
      ctx.reportAt(block, i, end, { messageId: 'span', data: { text: text.slice(i, end), right: fixed }, fix: { start: i, end, text: fixed } });
    }
  }
}

/** A repealed title, reported when the whole report year came after the repeal and the sentence is not about history. */
function checkRepealed(ctx: Context, block: TextBlock, paragraphIndex: number | null, start: number, end: number, inner: string, repealed: RepealedLaw): void {
  const facts = factsOf(ctx.document);
  const year = facts.reportYear?.year;
  if (year === undefined || `${year}-01-01` < repealed.date) return;
  // the sentence the title stands in, and the year it is about
  let [from, to] = [0, block.text.length];
  let sentenceYear: number | 'mixed' | null = null;
  if (paragraphIndex !== null) {
    const paragraph = block as Paragraph;
    const s = paragraph.sentences.find((x) => x.start <= start && end <= x.end);
    if (s) {
      [from, to] = [s.start, s.end];
      sentenceYear = facts.sentenceYears(paragraphIndex).find((y) => y.start === s.start)?.year ?? null;
    }
  }
  // the sentence without the title itself (环境噪声污染防治法 contains 噪声污染防治法)
  const sentence = block.text.slice(from, start) + '·' + block.text.slice(end, to);
  const before = (y: number) => `${y}-01-01` < repealed.date;
  if (typeof sentenceYear === 'number' && before(sentenceYear)) return;
  const unquoted = sentence.replace(/《[^《》]*》/gu, '');
  for (const m of unquoted.matchAll(/(?<!\d)(19\d{2}|20\d{2})(?=年|—|-|－|–)/gu)) if (before(Number(m[1]))) return;
  if (HISTORY.test(unquoted)) return;
  if (block.text[start - 2] === '原') return;
  if (sentence.includes(titleKey(repealed.by))) return;
  const [y, mo, d] = repealed.date.split('-').map(Number) as [number, number, number];
  ctx.reportAt(block, start, end, {
    messageId: 'repealed',
    data: { title: inner, date: `${y}年${mo}月${d}日`, by: repealed.by, year },
    level: 'warn',
  });
}

/** Bounded Levenshtein distance (max + 1 when it is larger). */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < low) low = v;
    }
    if (low > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

type Edit = { op: 'sub'; at: number; from: string; to: string } | { op: 'del'; at: number; ch: string } | { op: 'ins'; at: number; ch: string };

/** The edits that turn `written` into `known` (one cheapest alignment). */
function edits(written: string, known: string): Edit[] {
  const n = written.length;
  const k = known.length;
  const d: number[][] = Array.from({ length: n + 1 }, (_, i) => Array.from({ length: k + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= k; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (written[i - 1] === known[j - 1] ? 0 : 1));
  }
  const out: Edit[] = [];
  let i = n;
  let j = k;
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && d[i]![j] === d[i - 1]![j - 1]! + (written[i - 1] === known[j - 1] ? 0 : 1)) {
      if (written[i - 1] !== known[j - 1]) out.push({ op: 'sub', at: i - 1, from: written[i - 1]!, to: known[j - 1]! });
      i--;
      j--;
    } else if (j > 0 && d[i]![j] === d[i]![j - 1]! + 1) {
      // a character of the known title is missing from the written one
      out.push({ op: 'del', at: j - 1, ch: known[j - 1]! });
      j--;
    } else {
      out.push({ op: 'ins', at: i - 1, ch: written[i - 1]! });
      i--;
    }
  }
  return out;
}

const fuzzy = (s: string) => s.replace(/^([zcs])h/u, '$1').replace(/^l/u, 'n').replace(/(?<=[aei])ng$/u, 'n');

function soundsAlike(a: string, b: string): boolean {
  const ra = readingsOf(a).map(fuzzy);
  return readingsOf(b).some((r) => ra.includes(fuzzy(r)));
}

/** The one known title `key` is a slip of, or null (see the rule's comment for when). */
function nearTitle(laws: Laws, key: string, allowed: ReadonlySet<string>): string | null {
  const length = key.length;
  if (length < 5 || /[^\p{Script=Han}、]/u.test(key)) return null;
  const max = length >= 10 ? 2 : 1;
  const found: Array<[string, number]> = [];
  for (let len = length - max - 1; len <= length + max + 1; len++) {
    for (const t of laws.byLength.get(len) ?? []) {
      const d = distance(key, t, max + 1);
      if (d <= max + 1) found.push([t, d]);
    }
  }
  for (const t of allowed) {
    const d = distance(key, t, max + 1);
    if (d <= max + 1) found.push([t, d]);
  }
  if (found.length === 0) return null;
  const best = Math.min(...found.map(([, d]) => d));
  // one nearest title; another one edit further is tolerated only for a single same-sounding
  // substitution (人民检查院组织法: 人民检察院组织法 at one, 人民法院组织法 at two), the slip of the ear
  const nearest = found.filter(([, d]) => d === best);
  if (best > max || nearest.length !== 1) return null;
  const known = nearest[0]![0];
  const crowded = found.length > 1;
  if (crowded && !(best === 1 && length >= 6)) return null;
  if (allowed.has(known)) return null;
  const kind = KIND.exec(key)![0];
  if (!known.endsWith(kind) || known.length < 5) return null;
  if (known.includes(key) || key.includes(known)) return null;
  if (known.replace(/暂行|试行/u, '') === key || key.replace(/暂行|试行/u, '') === known) return null;
  for (const e of edits(key, known)) {
    if (crowded && e.op !== 'sub') return null;
    if (e.op === 'sub') {
      if (!HAN.test(e.from) || !HAN.test(e.to) || !soundsAlike(e.from, e.to)) return null;
    } else if (e.op === 'del') {
      if (e.at === 0 || !HAN.test(e.ch) || known.length < 6) return null;
    } else if (!(key[e.at - 1] === e.ch || key[e.at + 1] === e.ch)) return null;
  }
  return known;
}

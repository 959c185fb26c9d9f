import type { DocumentModel, Section, TextBlock } from '../document/model.js';
import { factsOf } from '../document/facts/index.js';
import { sectionRanges, type TextRange } from '../packs/units.js';
import { sourceOffset, sourceRange } from '../document/position.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';

/**
 * previous-shortcomings: the report says how last year's shortcomings were fixed.
 *
 * Without last year's report, it looks for a rectification heading or passage that points
 * at year N-1 (整改情况, 针对2023年……的问题, 上年度问题整改). With last year's report, it takes
 * the items of that report's shortcomings part (the part is defined in the
 * fazhi-annual-report pack) and looks for each one in this draft: both texts are segmented
 * into words, and an item counts as answered where one sentence of this draft contains most
 * of the item's key words (content words, minus the generic vocabulary of shortcomings).
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;

export const meta = defineMeta({
  id: 'previous-shortcomings',
  description: {
    zh: '报告应说明上一年度存在的不足是否已整改',
    en: "The report says how last year's shortcomings were fixed",
  },
  type: 'problem',
  defaultSeverity: 'warn',
  fixable: false,
  options: {
    threshold: { type: 'number', minimum: 0.2, maximum: 1, description: 'Share of an item\'s key words one sentence must contain.' },
    requireRectification: { type: 'boolean', description: 'Report a draft with no rectification passage when no previous report is given.' },
  },
  defaultOptions: { threshold: 0.6, requireRectification: true },
  messages: {
    noRectification: {
      zh: '未见对{{year}}年度不足的整改情况（如「{{year}}年法治建设不足整改情况」或「针对{{year}}年……的问题」）',
      en: 'Nothing says how the shortcomings of {{year}} were fixed (e.g. a heading "{{year}}年法治建设不足整改情况" or a sentence "针对{{year}}年……的问题")',
    },
    unanswered: {
      zh: '上一年度报告所列不足「{{item}}」（第{{line}}行）在本报告中未见整改情况',
      en: 'Last year\'s shortcoming "{{item}}" (line {{line}} of last year\'s report) is not answered in this report',
    },
  },
  tags: ['content'],
});

// rectification: a word for fixing next to a reference to last year
const FIX_WORDS = /整改|改进|解决|针对.{0,40}(问题|不足|短板)/u;

export function check(ctx: Context): void {
  const doc = ctx.document;
  const facts = factsOf(doc);
  if (facts.reportType !== 'fazhi-annual-report') return;
  if (ctx.previous) {
    checkAgainstPrevious(ctx, ctx.previous);
    return;
  }
  if (!ctx.options.requireRectification) return;
  const year = facts.reportYear?.year ?? null;
  const lastYear = year === null ? null : year - 1;
  const yearRef = new RegExp(`${lastYear ?? '\\d{4}'}\\s*年|上一?年度?|去年|以往|往年|前期`, 'u');
  const texts: TextBlock[] = [...doc.allSections.map((s) => s.heading), ...doc.paragraphs];
  const mentions = texts.some((block) => {
    if (!FIX_WORDS.test(block.text)) return false;
    // the year reference and the fixing word must be in the same sentence (or heading)
    return block.text.split(/[。！？!?]/).some((s) => FIX_WORDS.test(s) && yearRef.test(s));
  });
  if (!mentions) {
    ctx.report({ messageId: 'noRectification', data: { year: lastYear ?? '上一' }, start: 0, end: 0 });
  }
}

function checkAgainstPrevious(ctx: Context, previous: DocumentModel): void {
  const items = shortcomingItems(previous);
  if (items.length === 0) return;
  const doc = ctx.document;
  // this year's own list of shortcomings restating a problem is not an answer to it
  const ownItems = ownShortcomingRanges(doc);
  const sentences = doc.paragraphs.flatMap((p) => {
    const own = ownItems.filter((r) => r.block === p);
    return p.sentences.map((s) => {
      // keep only the parts of the sentence outside this year's own items
      let text = '';
      for (let i = s.start; i < s.end; i++) if (!own.some((r) => i >= r.start && i < r.end)) text += p.text[i];
      return text;
    });
  });
  const sentenceWords = sentences.map((s) => new Set(keyWords(s)));
  // findings stand at the rectification passage when there is one, else at the top
  const anchor = [...doc.allSections.map((s) => s.heading), ...doc.paragraphs].find((b) => /整改/u.test(b.text));
  const at = anchor ? sourceRange(anchor, 0, anchor.text.length) : { start: 0, end: 0 };
  for (const item of items) {
    const words = [...new Set(keyWords(item.text))];
    if (words.length === 0) continue;
    const need = Math.max(Math.min(2, words.length), Math.ceil(words.length * ctx.options.threshold));
    const answered = sentenceWords.some((set) => words.filter((w) => set.has(w)).length >= need);
    if (!answered) {
      ctx.report({
        messageId: 'unanswered',
        data: { item: item.text, line: item.line },
        ...at,
      });
    }
  }
}

interface Item {
  text: string;
  line: number;
}

/** The items of a report's shortcomings part: 一是…二是…, (一)(二)…, or its sentences. */
function shortcomingItems(doc: DocumentModel): Item[] {
  const found = factsOf(doc).parts.found('shortcomings');
  if (!found) return [];
  const items: Item[] = [];
  const headline = (text: string) => text.replace(/^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、：:]?)/u, '').split(/[。；;！？]/u)[0]!.trim();
  const addBlockItems = (block: TextBlock & { enumItems?: Array<{ start: number; text: string }> }) => {
    for (const e of block.enumItems ?? []) {
      const text = headline(e.text);
      if (text) items.push({ text, line: doc.pointAt(sourceOffset(block, e.start)).line });
    }
  };
  const ranges: TextRange[] = found.section ? sectionRanges(found.section) : [found.passage!];
  for (const r of ranges) addBlockItems(r.block as TextBlock & { enumItems?: Array<{ start: number; text: string }> });
  if (items.length === 0 && found.section) {
    // numbered subsections: (一)执法力量不足
    for (const child of found.section.children) items.push({ text: child.heading.title, line: child.heading.span.start.line });
  }
  if (items.length === 0 && found.section) {
    // plain sentences after the heading
    for (const p of found.section.paragraphs) {
      for (const s of p.sentences) {
        const text = headline(s.text);
        if (text && /不足|问题|不够|滞后|欠缺|薄弱|不强|不高|不完善|不健全|有待|短板|差距/u.test(text)) {
          items.push({ text, line: doc.pointAt(sourceOffset(p, s.start)).line });
        }
      }
    }
  }
  return items;
}

/** Ranges of this draft's own shortcoming items (enumerated in its shortcomings part). */
function ownShortcomingRanges(doc: DocumentModel): TextRange[] {
  const found = factsOf(doc).parts.found('shortcomings');
  if (!found?.section) return [];
  const out: TextRange[] = [];
  const visit = (s: Section) => {
    for (const p of s.paragraphs) for (const e of p.enumItems) out.push({ block: p, start: e.start, end: e.end });
    s.children.forEach(visit);
  };
  visit(found.section);
  return out;
}

// the vocabulary every shortcoming shares: it says nothing about which one is meant
const GENERIC = new Set([
  '不足', '问题', '存在', '仍然', '仍需', '还需', '需要', '进一步', '加强', '提升', '提高', '水平', '工作', '方面', '有待', '不够',
  '一些', '部分', '我局', '我委', '我办', '目前', '当前', '情况', '能力', '相关', '有关', '较为', '比较', '尚未', '没有', '不断',
  '持续', '仍', '还', '较', '未', '的', '了', '和', '与', '及', '等', '对', '在', '是', '有', '中', '为', '我', '局', '建设',
  '不强', '不高', '不够', '不全', '不足', '不', '强', '高', '够', '全', '足', '需', '要', '待', '将', '已', '把', '被',
]);

let segmenter: Intl.Segmenter | null = null;

/**
 * Key phrases of a text: the Intl.Segmenter words of two or more characters, minus numbers,
 * enumeration markers and the generic vocabulary. Where the segmenter's dictionary lacks a term
 * it falls apart into single characters (复|议|应|诉); such runs contribute their character
 * pairs (复议, 议应, 应诉), so both texts are cut the same way and still meet.
 */
export function keyWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  let run = '';
  const flush = () => {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    run = '';
  };
  for (const s of segmenter.segment(text)) {
    const w = s.segment;
    if (s.isWordLike && w.length === 1 && /\p{Script=Han}/u.test(w) && !GENERIC.has(w)) {
      run += w;
      continue;
    }
    flush();
    if (!s.isWordLike || w.length < 2 || /^\d+$/.test(w) || GENERIC.has(w) || ENUM_MARKER.test(w)) continue;
    out.push(w);
  }
  flush();
  return out.filter((w) => !GENERIC.has(w));
}

const ENUM_MARKER = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+)$/u;

export default defineRule({ meta, check });

/**
 * Robustness: property tests (fast-check) and the inputs that have broken linters before.
 *
 * - lint never throws, on any string, any Markdown document, any mutation of the seeds;
 * - every finding lies inside the text, and its line/column agree with its offset (checked
 *   against a reference written here, independently of src/document/position.ts);
 * - fixes: the fixes of one lint never overlap; applying them changes nothing outside their
 *   ranges; a second lint of the fixed text finds no fixable finding of the rules that were fixed.
 *
 * The programmatic API is called with an explicit config (the recommended set), so that the
 * repository's own .reportlintrc.json is never picked up.
 */
import { applyFixes, MAX_PASSES } from '../src/engine/fix.js';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import type { LintMessage, LintResult } from '../src/index.js';
import { closeLintWorker, lintInWorker } from './lint-worker.js';

const SEEDS = join(process.cwd(), 'seeds');
// Deterministic by default; FC_SEED=<n> or FC_SEED=random and FC_RUNS=<factor> to explore further.
const FC_SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20250624);
const FC_RUNS = Number(process.env.FC_RUNS ?? 1);
const runs = (n: number) => ({ numRuns: Math.max(1, Math.round(n * FC_RUNS)), ...(FC_SEED === undefined ? {} : { seed: FC_SEED }) });
const SEED_000 = readFileSync(join(SEEDS, '000_123d78033956bda4.txt'), 'utf8');
const SEED_003 = readFileSync(join(SEEDS, '003_fdb2e5dd79f7ab48.txt'), 'utf8');
const SEED_003_MD = readFileSync(join(SEEDS, '003_fdb2e5dd79f7ab48.md'), 'utf8');

// A config object as if read from a file: the recommended set, nothing searched for. The config
// shape grows as features land, so take the library's own default when it offers one.
let config: unknown;
beforeAll(async () => {
  const dir = tmpdir();
  const makeDefault = (api as unknown as { defaultConfig?: (dir: string) => Promise<unknown> }).defaultConfig;
  config = typeof makeDefault === 'function'
    ? { ...((await makeDefault(dir)) as object), locale: 'zh' }
    : { file: null, dir, locale: 'zh', rules: {}, overrides: [] };
});

function lint(text: string, filename = 'draft.txt'): Promise<LintResult> {
  return api.lintText(text, { filename, config: config as never });
}

// ------------------------------------------------------------------ reference positions

/**
 * Line and column of an offset, computed from scratch: line breaks are \n, \r\n and a lone \r;
 * columns are 1-based and count code points (a surrogate pair is one, a lone surrogate is one).
 */
/**
 * The reference position of an offset, computed independently of src/document/position.ts: one pass over
 * the text records where lines start and how many code points precede each unit (kept for the
 * last text, so thousands of findings on a 10 MB line cost one pass, not one each).
 */
let refText: string | null = null;
let refLineStarts: number[] = [];
let refCodePoints: Int32Array = new Int32Array(0);
function refPoint(text: string, offset: number): { line: number; column: number } {
  if (text !== refText) {
    refText = text;
    refLineStarts = [0];
    refCodePoints = new Int32Array(text.length + 1);
    let cps = 0;
    for (let i = 0; i < text.length; i++) {
      refCodePoints[i] = cps;
      const c = text.charCodeAt(i);
      const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff;
      if (pair) {
        refCodePoints[i + 1] = cps; // the middle of a pair counts as the pair's start
        i++;
      }
      cps++;
      if (c === 10) refLineStarts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) {
          refCodePoints[i + 1] = cps;
          i++;
          cps++;
        }
        refLineStarts.push(i + 1);
      }
    }
    refCodePoints[text.length] = cps;
  }
  // the last line start at or before the offset (an offset between \r and \n stays on the \r's line)
  let lo = 0;
  let hi = refLineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (refLineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: refCodePoints[offset]! - refCodePoints[refLineStarts[lo]!]! + 1 };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** whether an offset falls inside a \r\n pair or a surrogate pair (not a place a range may begin or end) */
function splitsPair(text: string, offset: number): string | null {
  if (offset <= 0 || offset >= text.length) return null;
  const a = text.charCodeAt(offset - 1);
  const b = text.charCodeAt(offset);
  if (a === 13 && b === 10) return 'splits a \\r\\n pair';
  if (isHigh(a) && isLow(b)) return 'splits a surrogate pair';
  return null;
}

function describeMessage(m: LintMessage): string {
  return `${m.ruleId}/${m.messageId} ${m.line}:${m.column}-${m.endLine}:${m.endColumn} [${m.offset},${m.endOffset})${m.fix ? ` fix [${m.fix.range[0]},${m.fix.range[1]})→${JSON.stringify(m.fix.text)}` : ''}`;
}

/** Every invariant of one result on one text; returns the problems (empty when all hold). */
function problems(text: string, result: LintResult): string[] {
  const out: string[] = [];
  if (!Array.isArray(result.messages)) return ['messages is not an array'];
  for (const m of result.messages) {
    const where = describeMessage(m);
    if (!(Number.isInteger(m.offset) && Number.isInteger(m.endOffset))) out.push(`${where}: offsets are not integers`);
    if (!(0 <= m.offset && m.offset <= m.endOffset && m.endOffset <= text.length)) out.push(`${where}: range outside the text (length ${text.length})`);
    for (const [name, off] of [['start', m.offset], ['end', m.endOffset]] as const) {
      const split = splitsPair(text, off);
      if (split) out.push(`${where}: ${name} ${split}`);
    }
    const start = refPoint(text, m.offset);
    const end = refPoint(text, m.endOffset);
    if (start.line !== m.line || start.column !== m.column) out.push(`${where}: start should be ${start.line}:${start.column}`);
    if (end.line !== m.endLine || end.column !== m.endColumn) out.push(`${where}: end should be ${end.line}:${end.column}`);
    if (typeof m.message !== 'string' || m.message.length === 0) out.push(`${where}: empty message`);
    if (m.fix) {
      const [a, b] = m.fix.range;
      if (!(Number.isInteger(a) && Number.isInteger(b) && 0 <= a && a <= b && b <= text.length)) out.push(`${where}: fix range outside the text`);
      if (typeof m.fix.text !== 'string') out.push(`${where}: fix text is not a string`);
    }
  }
  // one rule's fixes never overlap each other (two insertions at one point conflict too);
  // fixes of different rules may, as in ESLint: the fixer applies the first and the other
  // waits for the next pass
  const fixes = fixesOf(result);
  for (const rule of new Set(fixes.map((m) => m.ruleId))) {
    const own = fixes.filter((m) => m.ruleId === rule);
    for (let k = 1; k < own.length; k++) {
      const p = own[k - 1]!;
      const q = own[k]!;
      const pa = p.fix!.range;
      const qa = q.fix!.range;
      if (qa[0] < pa[1] || (qa[0] === pa[0] && pa[0] === pa[1] && qa[0] === qa[1])) {
        out.push(`overlapping fixes: ${describeMessage(p)} and ${describeMessage(q)}`);
      }
    }
  }
  const counts = { error: 0, warn: 0, fixErr: 0, fixWarn: 0 };
  for (const m of result.messages) {
    if (m.severity === 2) {
      counts.error++;
      if (m.fix) counts.fixErr++;
    } else {
      counts.warn++;
      if (m.fix) counts.fixWarn++;
    }
  }
  if (counts.error !== result.errorCount || counts.warn !== result.warningCount
    || counts.fixErr !== result.fixableErrorCount || counts.fixWarn !== result.fixableWarningCount) {
    out.push('the counts do not match the messages');
  }
  return out;
}

function fixesOf(result: LintResult): LintMessage[] {
  return result.messages
    .filter((m) => m.fix)
    .sort((a, b) => a.fix!.range[0] - b.fix!.range[0] || a.fix!.range[1] - b.fix!.range[1]);
}

/**
 * The fixes one pass of the fixer applies (src/engine/fix.ts, what --fix runs): sorted by position,
 * each one that does not overlap one taken before it.
 */
function selected(fixes: LintMessage[]): LintMessage[] {
  const out: LintMessage[] = [];
  let lastEnd = -1;
  let lastStart = -1;
  for (const m of fixes) {
    const [a, b] = m.fix!.range;
    if (a < lastEnd || (a === lastEnd && a === lastStart)) continue;
    out.push(m);
    lastStart = a;
    lastEnd = b;
  }
  return out;
}

/** Text outside the fix ranges is unchanged: walk the original and the fixed text side by side. */
function outsideUnchanged(text: string, fixed: string, fixes: LintMessage[]): string | null {
  let i = 0; // in text
  let j = 0; // in fixed
  for (const m of fixes) {
    const [a, b] = m.fix!.range;
    const keep = text.slice(i, a);
    if (fixed.slice(j, j + keep.length) !== keep) return `text before ${describeMessage(m)} changed`;
    j += keep.length;
    if (fixed.slice(j, j + m.fix!.text.length) !== m.fix!.text) return `replacement of ${describeMessage(m)} not found`;
    j += m.fix!.text.length;
    i = b;
  }
  if (fixed.slice(j) !== text.slice(i)) return 'text after the last fix changed';
  return null;
}

/**
 * The full check: invariants; then the fixer's passes (as --fix runs them): each pass changes
 * nothing outside the fixes it applies, every intermediate text keeps the invariants, and the
 * passes reach a text with no fixable finding of the rules that fixed something.
 */
async function checkText(text: string, filename = 'draft.txt'): Promise<void> {
  const result = await lint(text, filename);
  const found = problems(text, result);
  expect(found, `on ${JSON.stringify(text.slice(0, 300))}`).toEqual([]);
  let current = text;
  let fixes = fixesOf(result);
  const fixedRules = new Set<string>();
  for (let pass = 0; pass < MAX_PASSES && fixes.length > 0; pass++) {
    const chosen = selected(fixes).filter((m) => current.slice(m.fix!.range[0], m.fix!.range[1]) !== m.fix!.text);
    if (chosen.length === 0) break;
    const { text: fixed } = applyFixes(current, chosen);
    expect(outsideUnchanged(current, fixed, chosen)).toBeNull();
    chosen.forEach((m) => fixedRules.add(m.ruleId));
    const again = await lint(fixed, filename);
    expect(problems(fixed, again), `after fixing ${JSON.stringify(current.slice(0, 300))}`).toEqual([]);
    current = fixed;
    fixes = fixesOf(again);
  }
  const left = fixes.filter((m) => fixedRules.has(m.ruleId) && current.slice(m.fix!.range[0], m.fix!.range[1]) !== m.fix!.text);
  expect(left.map(describeMessage), `fixable findings left after ${MAX_PASSES} passes on ${JSON.stringify(text.slice(0, 300))} → ${JSON.stringify(current.slice(0, 300))}`).toEqual([]);
}

// ------------------------------------------------------------------ generators

/** UTF-16 code units, any of them: lone surrogates included */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

/** pieces of report text: ordinals, doubled words, punctuation of both widths, line ends, Markdown syntax */
const PIECES = [
  '一、', '二、', '三、', '四 、', '五.', '(一)', '(二)', '（三）', '(四）', '（一）、', '1.', '2.', '3、', '(1)', '（2）', ' ',
  '\u3000', '\t', '\n', '\n', '\n', '\r\n', '\r', '的', '的的', '提升', '提升提升', '层层', '学习习近平', '人民民主', '法治建设',
  '。', '，', ',', '、', ';', '；', ':', '：', '“', '”', '《', '》', '(', ')', '2024年', '12月', '1.5万', '一是', '二是',
  '附件：', '特此报告。', '罗湖区卫生健康局', '**', '*', '_', '`', '#', '## ', '> ', '- ', '[', '](http://a.b)', '\u200f', '\u0000', '\ud83d\ude00',
];
const reportPiece = fc.constantFrom(...PIECES);
const reportish = fc.array(reportPiece, { maxLength: 60 }).map((a) => a.join(''));

const CJK = '法治政府建设年度报告依法行政执法监督推进落实提升完善健全规范工作机制群众权益医疗卫生';
const cjkText = fc.string({ unit: fc.constantFrom(...CJK), minLength: 1, maxLength: 12 });
const ordinal = fc.oneof(
  fc.integer({ min: 1, max: 12 }).map((n) => `${'一二三四五六七八九十'[Math.min(n, 10) - 1]}、`),
  fc.integer({ min: 1, max: 9 }).map((n) => `(${'一二三四五六七八九'[n - 1]})`),
  fc.integer({ min: 1, max: 12 }).map((n) => `${n}.`),
  fc.integer({ min: 1, max: 9 }).map((n) => `（${n}）`),
  fc.constant(''),
);
const inline = fc.oneof(
  cjkText,
  cjkText.map((t) => `**${t}**`),
  cjkText.map((t) => `*${t}*`),
  cjkText.map((t) => `\`${t}\``),
  cjkText.map((t) => `[${t}](https://example.org/${t.length})`),
  cjkText.map((t) => `${t}${t}`), // a doubled word
  fc.constantFrom('，', '。', '、', '；', '：', '“', '”', ' ', '1.5万', '2025年', '<br>', '\\*'),
);
const line = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 6 }), ordinal, fc.array(inline, { minLength: 1, maxLength: 4 }))
    .map(([d, o, t]) => `${'#'.repeat(d)} ${o}${t.join('')}`),
  fc.tuple(ordinal, fc.array(inline, { minLength: 1, maxLength: 6 })).map(([o, t]) => `${o}${t.join('')}`),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.constantFrom('- ', '* ', '1. ', '2. ', '1) '), fc.array(inline, { minLength: 1, maxLength: 4 }))
    .map(([d, m, t]) => `${'  '.repeat(d)}${m}${t.join('')}`),
  fc.tuple(fc.integer({ min: 1, max: 4 }), fc.array(inline, { minLength: 1, maxLength: 4 })).map(([d, t]) => `${'> '.repeat(d)}${t.join('')}`),
  fc.constantFrom('', '', '---', '```', '| a | b |', '|---|---|', '    缩进代码', '<div>', '</div>', '***', 'Setext 标题', '==='),
);
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');
const markdownDoc = fc
  .array(fc.tuple(line, lineEnd), { minLength: 1, maxLength: 40 })
  .map((ls) => ls.map(([l, e]) => l + e).join(''));

/** a random edit of a text */
type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'dupLine'; at: number }
  | { kind: 'deleteLine'; at: number }
  | { kind: 'swapLines'; at: number; with: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(reportPiece, fc.string({ unit: codeUnit, maxLength: 3 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constant('dupLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), with: fc.nat() }),
);

function applyEdit(text: string, e: Edit): string {
  const n = text.length;
  switch (e.kind) {
    case 'insert': {
      const at = n === 0 ? 0 : e.at % (n + 1);
      return text.slice(0, at) + e.text + text.slice(at);
    }
    case 'delete': {
      const at = n === 0 ? 0 : e.at % n;
      return text.slice(0, at) + text.slice(at + e.length);
    }
    case 'duplicate': {
      const at = n === 0 ? 0 : e.at % n;
      const piece = text.slice(at, at + e.length);
      return text.slice(0, at) + piece + piece + text.slice(at + e.length);
    }
    default: {
      const lines = text.split('\n');
      const i = e.at % lines.length;
      if (e.kind === 'dupLine') lines.splice(i, 0, lines[i]!);
      else if (e.kind === 'deleteLine') lines.splice(i, 1);
      else {
        const j = e.with % lines.length;
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      }
      return lines.join('\n');
    }
  }
}

const seedMutation = fc
  .tuple(
    fc.constantFrom(
      { text: SEED_000, filename: 'seed000.txt' },
      { text: SEED_003, filename: 'seed003.txt' },
      { text: SEED_003_MD, filename: 'seed003.md' },
    ),
    fc.array(edit, { minLength: 1, maxLength: 6 }),
  )
  .map(([seed, edits]) => ({ filename: seed.filename, text: edits.reduce(applyEdit, seed.text) }));

// ------------------------------------------------------------------ properties

describe('property: lint never throws and positions are right', () => {
  it('on any string of code points (plain text and Markdown)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), fc.boolean(), async (text, md) => {
        await checkText(text, md ? 'draft.md' : 'draft.txt');
      }),
      runs(60),
    );
  });

  it('on any string of UTF-16 code units, lone surrogates included', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: codeUnit, maxLength: 200 }), fc.boolean(), async (text, md) => {
        await checkText(text, md ? 'draft.md' : 'draft.txt');
      }),
      runs(60),
    );
  });

  it('on strings made of report pieces (ordinals, doubled words, punctuation, line ends)', async () => {
    await fc.assert(
      fc.asyncProperty(reportish, fc.boolean(), async (text, md) => {
        await checkText(text, md ? 'draft.md' : 'draft.txt');
      }),
      runs(150),
    );
  });

  it('on generated Markdown documents', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDoc, async (text) => {
        await checkText(text, 'draft.md');
      }),
      runs(80),
    );
  });

  it('on the same documents read as plain text', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDoc, async (text) => {
        await checkText(text, 'draft.txt');
      }),
      runs(60),
    );
  });

  it('on random mutations of the seeds (insert, delete, duplicate, lines duplicated, deleted, swapped)', async () => {
    await fc.assert(
      fc.asyncProperty(seedMutation, async ({ text, filename }) => {
        await checkText(text, filename);
      }),
      runs(40),
    );
  });
});

describe('fixes: cases found by the properties above', () => {
  // Doubled runs that nest: fixing both copies of 落实落实 leaves 落实责任落实责任, itself a
  // doubled phrase; the fixer's second pass removes it.
  it('落实落实责任落实落实责任 settles to 落实责任', async () => {
    await checkText('一、总体情况\n落实落实责任落实落实责任。\n');
  });
  // A doubled unit that contains a tripled character: 推法法法推法法法 → 推法法法 → 推法.
  it('推法法法推法法法 settles', async () => {
    await checkText('(一)推法法法推法法法\n');
  });
});

describe('property: the seeds themselves', () => {
  for (const [name, text, filename] of [
    ['000.txt', SEED_000, 'seed.txt'],
    ['003.txt', SEED_003, 'seed.txt'],
    ['003.md', SEED_003_MD, 'seed.md'],
  ] as const) {
    it(`seed ${name}: invariants hold, fixes apply cleanly`, async () => {
      await checkText(text, filename);
    });
  }
});

// ------------------------------------------------------------------ inputs that have broken linters

/**
 * Each hostile input is linted in a worker thread with a hard deadline (test/lint-worker.ts): a
 * rule or parser that goes quadratic blocks its thread, so an in-process timeout could only fire
 * after the run ended. The worker runs the built library (dist/, which `npm test` builds first)
 * with the same default config; the invariants are then checked here.
 */
async function bounded(text: string, filename: string, deadlineMs = 30_000): Promise<LintResult & { elapsed: number }> {
  const result = await lintInWorker(text, filename, deadlineMs);
  expect(result.filePath).toBe(filename);
  expect(Array.isArray(result.messages)).toBe(true);
  expect(problems(text, result)).toEqual([]);
  return result;
}

afterAll(closeLintWorker);

/** the seed as one line: line breaks dropped */
const ONE_LINE = SEED_000.replace(/\r?\n/g, '');

describe('hostile inputs finish in bounded time with a clear result', () => {
  it('a 10 MB single line (built from the seed: its two doubled words in every copy, all on line 1)', async () => {
    const copies = Math.ceil((10 * 1024 * 1024) / ONE_LINE.length);
    const text = ONE_LINE.repeat(copies);
    const result = await bounded(text, 'big.txt', 60_000);
    const doubled = result.messages.filter((m) => m.ruleId === 'repeated-word');
    expect(doubled.length).toBe(2 * copies);
    expect(doubled.every((m) => m.line === 1)).toBe(true);
  }, 90_000);

  it('100,000 headings in plain text, numbered 1. to 100000. (no numbering finding)', async () => {
    const lines = ['一、主要举措和成效'];
    for (let i = 1; i <= 100_000; i++) lines.push(`${i}.推进依法行政第${i}项工作。`);
    const result = await bounded(lines.join('\n') + '\n', 'headings.txt');
    expect(result.messages.filter((m) => m.ruleId === 'heading-sequence')).toEqual([]);
  }, 60_000);

  it('100,000 Markdown headings', async () => {
    const parts: string[] = [];
    for (let i = 1; i <= 100_000; i++) parts.push(`${'#'.repeat((i % 6) + 1)} 标题${i}\n`);
    await bounded(parts.join(''), 'headings.md');
  }, 60_000);

  it('lists nested 500 deep, bullets and numbers (the doubled word in each item is found)', async () => {
    const bullets: string[] = [];
    const numbers: string[] = [];
    for (let i = 0; i < 500; i++) {
      bullets.push(`${'  '.repeat(i)}- 第${i}层落实落实责任`);
      numbers.push(`${'   '.repeat(i)}1. 第${i}层`);
    }
    const md = await bounded(bullets.join('\n') + '\n', 'nested.md');
    expect(md.messages.filter((m) => m.ruleId === 'repeated-word').length).toBe(500);
    await bounded(numbers.join('\n') + '\n', 'nested-ordered.md');
    await bounded(bullets.join('\n') + '\n', 'nested.txt');
  }, 120_000);

  it('blockquotes nested 500 deep', async () => {
    const text = `${'>'.repeat(500)} 一、深入推进推进依法行政\n${'> '.repeat(500)}(一)健全制度\n`;
    await bounded(text, 'quotes.md');
    await bounded(text, 'quotes.txt');
  }, 60_000);

  it('NUL bytes', async () => {
    await bounded(SEED_003.replace(/、/g, '\u0000、').replace(/。/g, '。\u0000'), 'nul.txt');
    await bounded('\u0000'.repeat(10_000), 'nul-only.txt');
    await bounded(`# 一、标题\u0000\n\n提升\u0000提升\n`, 'nul.md');
  }, 60_000);

  it('lone surrogates', async () => {
    await bounded(SEED_000.replace(/。/g, '。\ud800').replace(/提升/g, '提\udfff升'), 'surrogates.txt');
    await bounded('\ud800\udc00\udc00\ud800'.repeat(1000), 'surrogates-only.md');
    const doubled = await bounded('一、总体\ud83d情况\n提升提升\ud800工作。\n', 'lone.txt');
    expect(doubled.messages.some((m) => m.ruleId === 'repeated-word' && m.line === 2)).toBe(true);
  }, 60_000);

  it('right-to-left marks and bidi controls', async () => {
    await bounded(SEED_000.replace(/,/g, ',\u200f').replace(/一、/g, '\u202e一、\u202c').replace(/的/g, '\u2067的\u2069'), 'rtl.txt');
    await bounded(`# \u200f一、总体情况\n\n\u202eمرحبا提升提升\u202c\n`, 'rtl.md');
  }, 60_000);

  it('mixed line ends: the seed findings stay on their lines', async () => {
    const ends = ['\r\n', '\n', '\r']; // never \r then \n: with an empty line between they would make one \r\n
    const lines = SEED_000.split('\n');
    const text = lines.map((l, i) => l + (i < lines.length - 1 ? ends[i % 3] : '')).join('');
    const result = await bounded(text, 'mixed.txt');
    expect(result.messages.filter((m) => m.ruleId === 'repeated-word').map((m) => m.line)).toEqual([44, 47]);
    const md = SEED_003_MD.split('\n').map((l, i) => l + ends[i % 3]).join('');
    const mdResult = await bounded(md, 'mixed.md');
    expect(mdResult.messages.filter((m) => m.ruleId === 'heading-sequence').map((m) => m.line)).toEqual([37]);
  }, 60_000);

  it('a file that is only punctuation', async () => {
    const cjk = '。，、；：？！…—（）《》“”‘’【】〔〕';
    await bounded(cjk.repeat(5000), 'punct.txt');
    await bounded(`${cjk}\n`.repeat(2000), 'punct.md');
    await bounded('.,;:!?()[]{}<>-_*#`~|\\/"\''.repeat(4000), 'ascii-punct.md');
    await bounded('、\n'.repeat(10_000), 'dunhao.txt');
  }, 60_000);

  it('empty and blank inputs', async () => {
    for (const text of ['', '\n', '\r\n', '\r', ' ', '\ufeff', '\ufeff\n一、'])
      for (const filename of ['e.txt', 'e.md']) await checkText(text, filename);
  });
});

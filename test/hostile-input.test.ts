/**
 * "Never lose a draft, never hang": inputs that made a pass over the text super-linear, or that
 * were misread, each with a bound in seconds. Every case here failed (or ran for minutes) before
 * the change it guards; the times in the comments are from the change's commit message.
 *
 * Whole-file lints run in a worker thread on the built library (test/lint-worker.ts; dist/,
 * which `npm test` builds first) so that a pass gone quadratic is stopped at its deadline instead
 * of blocking the run; everything else runs in-process from src/. See also the hostile inputs in property.test.ts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { diffLines, EDIT, splitLines, unifiedDiff } from '../src/cli/diff.js';
import { decodeBuffer, InputError } from '../src/input/read.js';
import { loadConfigFile } from '../src/config/load.js';
import { ConfigError } from '../src/errors.js';
import { closeLintWorker, type Finding, lintInWorker } from './lint-worker.js';

// ------------------------------------------------------------------ lint in a worker, with a deadline

async function lintWithin(seconds: number, text: string, filename = 'hostile.txt'): Promise<Finding[]> {
  return (await lintInWorker(text, filename, seconds * 1000, true)).messages;
}

afterAll(closeLintWorker);

const count = (messages: Finding[], ruleId: string, messageId?: string) =>
  messages.filter((m) => m.ruleId === ruleId && (messageId === undefined || m.messageId === messageId)).length;

describe('hostile inputs: every pass over the text stays linear', () => {
  it('heading-sequence: 50,000 repeated (一)工作安排 headings (was quadratic: 234 s for 100,000)', async () => {
    const messages = await lintWithin(20, '一、主要举措\n' + '(一)工作安排\n'.repeat(50_000));
    expect(count(messages, 'heading-sequence', 'repeat')).toBe(49_999);
  }, 60_000);

  it('heading-sequence: 50,000 headings (二)工作安排, never a (一) (was a scan to the end per heading)', async () => {
    const messages = await lintWithin(20, '一、主要举措\n' + '(二)工作安排\n'.repeat(50_000));
    // the first is taken for a slip in the place of (一) (order), each later one is a repeat
    expect(count(messages, 'heading-sequence', 'order')).toBe(1);
    expect(count(messages, 'heading-sequence', 'repeat')).toBe(49_998);
  }, 60_000);

  it('repeated-word: 推进 200,000 times on one line is one finding (was minutes in the segmenter)', async () => {
    const messages = await lintWithin(20, '推进推进'.repeat(100_000) + '\n');
    const found = messages.filter((m) => m.ruleId === 'repeated-word');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('200000');
  }, 60_000);

  it('paired-punctuation: 100,000 unclosed “ (19 s before)', async () => {
    const messages = await lintWithin(10, '“工作'.repeat(100_000) + '\n');
    expect(count(messages, 'paired-punctuation', 'unclosed')).toBe(100_000);
  }, 60_000);

  it('paired-punctuation: （〔【《 nested 50,000 deep, never closed (over 30 s before)', async () => {
    const messages = await lintWithin(15, '（〔【《'.repeat(50_000) + '\n');
    expect(count(messages, 'paired-punctuation', 'unclosed')).toBe(200_000);
  }, 60_000);

  it('paired-punctuation: 50,000 crossings 《…“…》 (over 30 s before)', async () => {
    const messages = await lintWithin(15, '《'.repeat(50_000) + '“'.repeat(50_000) + '》'.repeat(50_000) + '\n');
    expect(count(messages, 'paired-punctuation', 'crossed')).toBe(50_000);
    // the “ are all crossed: not reported again as unclosed
    expect(count(messages, 'paired-punctuation', 'unclosed')).toBe(0);
  }, 60_000);

  it('paired-punctuation: 50,000 ） after 50,000 “ (24 s before)', async () => {
    const messages = await lintWithin(10, '“'.repeat(50_000) + '）'.repeat(50_000) + '\n');
    expect(count(messages, 'paired-punctuation', 'unopened')).toBe(50_000);
    expect(count(messages, 'paired-punctuation', 'unclosed')).toBe(50_000);
  }, 60_000);

  it('stray-space: 100,000 spaces between Han characters on one line, with and without an open “ (over 60 s before)', async () => {
    const plain = await lintWithin(15, '工 作 '.repeat(50_000) + '\n');
    expect(count(plain, 'stray-space')).toBe(99_999);
    const quoted = await lintWithin(15, '“' + '工 作 '.repeat(50_000) + '\n');
    expect(count(quoted, 'stray-space')).toBe(99_999);
  }, 60_000);

  it('stray-space: 30,000 headings with spaces in and after the ordinal (over 60 s before)', async () => {
    const messages = await lintWithin(20, '一、主要举措\n' + '(一) 工作 安排\n'.repeat(30_000));
    expect(count(messages, 'stray-space')).toBe(30_000);
    expect(count(messages, 'heading-sequence', 'spaceAfter')).toBe(30_000);
  }, 60_000);
});

// ------------------------------------------------------------------ the unified diff of --fix-dry-run

/** Apply a unified diff to a text (the hunks in order, context checked). */
function patch(before: string, diff: string): string {
  const a = splitLines(before);
  const out: string[] = [];
  let ai = 0;
  const lines = diff.split('\n');
  let i = 2;
  while (i < lines.length && lines[i]!.startsWith('@@')) {
    const m = /^@@ -(\d+)(?:,(\d+))? /.exec(lines[i]!)!;
    const start = m[2] === '0' ? Number(m[1]) + 1 : Number(m[1]);
    while (ai < start - 1) out.push(a[ai++]!);
    i++;
    while (i < lines.length && /^[ +-]/.test(lines[i]!)) {
      const kind = lines[i]![0];
      const noNewline = lines[i + 1]?.startsWith('\\') ?? false;
      const text = lines[i]!.slice(1) + (noNewline ? '' : '\n');
      if (kind === '+') out.push(text);
      else {
        if (a[ai] !== text) throw new Error(`context mismatch at line ${ai + 1}`);
        if (kind === ' ') out.push(text);
        ai++;
      }
      i += noNewline ? 2 : 1;
    }
  }
  while (ai < a.length) out.push(a[ai++]!);
  return out.join('');
}

/** Length of the longest common subsequence, by dynamic programming: the reference for minimality. */
function lcs(a: readonly string[], b: readonly string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row.push(a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!));
    prev = row;
  }
  return prev[b.length]!;
}

describe('unified diff: linear space, bounded time', () => {
  it('20,000 lines, every one changed: seconds, not 99 s and 12.6 GB', () => {
    const before = Array.from({ length: 20_000 }, (_, i) => `第${i}项工作,已经完成。\n`).join('');
    const after = before.replace(/,/g, '，');
    const started = Date.now();
    const diff = unifiedDiff('big.txt', before, after);
    expect(Date.now() - started).toBeLessThan(10_000);
    const lines = diff.split('\n');
    expect(lines[2]).toBe('@@ -1,20000 +1,20000 @@');
    // printed as diff -u does: all deletions of a change, then all insertions
    expect(lines.slice(3, 20_003).every((l) => l.startsWith('-'))).toBe(true);
    expect(lines.slice(20_003, 40_003).every((l) => l.startsWith('+'))).toBe(true);
    expect(patch(before, diff)).toBe(after);
  });

  it('a 10 MB file with one changed line: one hunk', () => {
    const before = Array.from({ length: 200_000 }, (_, i) => `第${i}行，推进依法行政工作。\n`).join('');
    const after = before.replace('第100000行，', '第100000行,');
    const diff = unifiedDiff('big.txt', before, after);
    expect(diff.split('\n').filter((l) => l.startsWith('@@'))).toEqual(['@@ -99998,7 +99998,7 @@']);
    expect(patch(before, diff)).toBe(after);
  });

  it('is minimal and applies, on random line lists', () => {
    const line = fc.constantFrom('a\n', 'b\n', 'c\n', 'd\n', 'e');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (x, y) => {
        const before = x.join('');
        const after = y.join('');
        const diff = unifiedDiff('f', before, after);
        if (before === after) return diff === '';
        expect(patch(before, diff)).toBe(after);
        const a = splitLines(before);
        const b = splitLines(after);
        const script = diffLines(a, b);
        let kept = 0;
        for (let i = 0; i < script.length; i++) if (script.kinds[i] === EDIT.KEEP) kept++;
        expect(kept).toBe(lcs(a, b));
        return true;
      }),
      { numRuns: 500, seed: 20250624 },
    );
  });

  it('past its cost and work limits it stays correct (not minimal)', () => {
    const line = fc.constantFrom('a\n', 'b\n', 'c\n', 'd\n');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 60 }), fc.array(line, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 50 }), (x, y, cost, work) => {
        const a = x;
        const b = y;
        const script = diffLines(a, b, { cost, work });
        const out: string[] = [];
        let ai = 0;
        for (let i = 0; i < script.length; i++) {
          const kind = script.kinds[i];
          const at = script.index[i]!;
          if (kind === EDIT.INSERT) out.push(b[at]!);
          else {
            expect(at).toBe(ai++);
            if (kind === EDIT.KEEP) out.push(a[at]!);
          }
        }
        expect(ai).toBe(a.length);
        expect(out).toEqual(b);
      }),
      { numRuns: 500, seed: 20250624 },
    );
  });
});

// ------------------------------------------------------------------ input files

function inputError(bytes: Uint8Array, name: string): InputError {
  try {
    decodeBuffer(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error(`${name} was decoded`);
}

const REPORT = '一、总体情况\n2024年，我局推进依法行政，共办理复议案件12件。\n二、存在的不足\n';

describe('input files: never read as something they are not', () => {
  it('a NUL byte after the first 8 KB still means binary (it was decoded as UTF-8 text)', () => {
    const bytes = Buffer.concat([Buffer.from(REPORT.repeat(200)), Buffer.from([0]), Buffer.from(REPORT)]);
    expect(bytes.indexOf(0)).toBeGreaterThan(8192);
    expect(inputError(bytes, 'late-nul.txt').message).toMatch(/binary file \(contains NUL bytes\)/);
  });

  it('UTF-16LE without a BOM: one clear line, Chinese and English (it was called binary)', () => {
    const e = inputError(Buffer.from(REPORT, 'utf16le'), 'le.txt');
    expect(e.message).toBe('UTF-16LE 编码且没有 BOM，请另存为 UTF-8: le.txt / UTF-16LE without BOM: save as UTF-8');
    expect(e.message).not.toContain('\n');
  });

  it('UTF-16BE without a BOM: one clear line, Chinese and English', () => {
    const e = inputError(Buffer.from(REPORT, 'utf16le').swap16(), 'be.txt');
    expect(e.message).toBe('UTF-16BE 编码且没有 BOM，请另存为 UTF-8: be.txt / UTF-16BE without BOM: save as UTF-8');
  });

  it('UTF-16 of ASCII and of Han text only, in both byte orders', () => {
    for (const text of ['Annual report 2024\r\nline two\r\n', '一二三四五六七八九十报告正文总体情况']) {
      expect(inputError(Buffer.from(text, 'utf16le'), 'x.txt').message).toContain('UTF-16LE without BOM');
      expect(inputError(Buffer.from(text, 'utf16le').swap16(), 'x.txt').message).toContain('UTF-16BE without BOM');
    }
  });

  it('ASCII text with a stray NUL, and binary data, stay binary', () => {
    expect(inputError(Buffer.from('plain ASCII text with one \u0000 NUL in it, and more text after\n'), 'a.txt').message).toMatch(/binary/);
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251);
    expect(inputError(noise, 'b.bin').message).toMatch(/binary|encoding/);
  });
});

describe('config: a YAML syntax error says where', () => {
  it('file:line:column: invalid YAML: reason (it said only "YAML Error in <file>:")', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reportlint-yaml-'));
    const file = join(dir, '.reportlintrc.yaml');
    writeFileSync(file, 'rules:\n  repeated-word: error\n    bad: [1\nx: 1\n');
    const error = await loadConfigFile(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(`${file}:3:8: invalid YAML: bad indentation of a mapping entry`);
  });
});

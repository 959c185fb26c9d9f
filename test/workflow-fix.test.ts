import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync, chmodSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli-helpers.js';
import { CLEAN, draftDir, FIXABLE, FIXED } from './workflow-helpers.js';
import { encodeText } from '../src/input/read.js';
import { applyFixes } from '../src/engine/fix.js';
import { unifiedDiff } from '../src/cli/diff.js';
import type { LintMessage } from '../src/engine/lint.js';

describe('--fix', () => {
  it('applies every fix, reports what is left, and a second run changes nothing', async () => {
    const dir = draftDir({ 'a.txt': FIXABLE + '三是落实“谁执法谁普法。\n', 'clean.txt': CLEAN });
    const run = await cli(['--fix', '--format', 'json', 'a.txt', 'clean.txt'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(FIXED + '三是落实“谁执法谁普法。\n');
    // the unclosed quote has no fix: it is what remains, at its place in the fixed text
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }> }>;
    expect(results[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([['paired-punctuation', 5]]);
    expect(run.status).toBe(1);
    const before = statSync(path.join(dir, 'a.txt')).mtimeMs;
    const again = await cli(['--fix', 'a.txt', 'clean.txt'], { cwd: dir });
    expect(again.status).toBe(1);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(FIXED + '三是落实“谁执法谁普法。\n');
    expect(statSync(path.join(dir, 'a.txt')).mtimeMs).toBe(before); // not even rewritten
    // no temporary files left behind
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'clean.txt']);
  });

  it('exits 0 when every finding was fixed', async () => {
    const dir = draftDir({ 'a.txt': FIXABLE });
    const run = await cli(['--fix', 'a.txt'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });

  it('keeps the encoding (GB18030, UTF-16 with BOM, UTF-8 with BOM), the line ends and the permissions', async () => {
    const crlf = FIXABLE.replaceAll('\n', '\r\n');
    const dir = draftDir({
      'gb.txt': encodeText(crlf, 'gb18030'),
      'u16.txt': encodeText(FIXABLE.replaceAll('\n', '\r'), 'utf-16le'),
      'bom.md': encodeText(crlf, 'utf-8-bom'),
    });
    chmodSync(path.join(dir, 'gb.txt'), 0o640);
    const run = await cli(['--fix', 'gb.txt', 'u16.txt', 'bom.md'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(readFileSync(path.join(dir, 'gb.txt'))).toEqual(encodeText(FIXED.replaceAll('\n', '\r\n'), 'gb18030'));
    expect(readFileSync(path.join(dir, 'u16.txt'))).toEqual(encodeText(FIXED.replaceAll('\n', '\r'), 'utf-16le'));
    expect(readFileSync(path.join(dir, 'bom.md'))).toEqual(encodeText(FIXED.replaceAll('\n', '\r\n'), 'utf-8-bom'));
    expect(statSync(path.join(dir, 'gb.txt')).mode & 0o777).toBe(0o640);
  });

  it('with --quiet fixes errors only', async () => {
    const dir = draftDir({
      '.reportlintrc.json': JSON.stringify({ rules: { 'punctuation-width': 'warn' } }),
      'a.txt': FIXABLE,
    });
    await cli(['--fix', '--quiet', 'a.txt'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(FIXED.replace('，推进', ',推进'));
  });

  it('does not fix what a suppression comment turns off', async () => {
    const text = '# 报告\n\n## 一、总体情况\n\n<!-- reportlint-disable-next-line repeated-word -->\n我局持续提升提升依法行政水平。\n\n二是加强加强管理。\n';
    const dir = draftDir({ 'a.md': text });
    expect((await cli(['--fix', 'a.md'], { cwd: dir })).status).toBe(0);
    expect(readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(text.replace('加强加强', '加强'));
  });

  it('with --stdin prints the fixed text on stdout and the remaining findings on stderr', async () => {
    const run = await cli(['--fix', '--stdin', '--stdin-filename', 'draft.txt'], { input: FIXABLE + '三是落实“谁执法谁普法。\n' });
    expect(run.stdout).toBe(FIXED + '三是落实“谁执法谁普法。\n');
    expect(run.stderr).toContain('paired-punctuation');
    expect(run.status).toBe(1);
    const clean = await cli(['--fix', '--stdin'], { input: FIXABLE });
    expect(clean.stdout).toBe(FIXED);
    expect(clean.status).toBe(0);
  });

  it('never rewrites a .docx file: it is linted, not fixed, with a note', async () => {
    // a Word document whose findings have fixes in a text file (a doubled word, half-width punctuation)
    const dir = draftDir({ 'report.docx': readFileSync(path.join(ROOT, 'test', 'fixtures', 'docx', 'styled.docx')) });
    const before = readFileSync(path.join(dir, 'report.docx'));
    const run = await cli(['--fix', 'report.docx'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'report.docx'))).toEqual(before);
    expect(run.stderr).toMatch(/^reportlint: report\.docx: .*Word documents are never rewritten; not fixed$/m);
    // the findings are reported as they are in the file
    expect(run.stdout).toMatch(/^ {2}第6段第5字 +（一）加强组织领导 +错误 +重复词语「提升提升」.*repeated-word$/m);
    expect(run.status).toBe(1);
    expect(readdirSync(dir)).toEqual(['report.docx']);
  });

  it('refuses --fix together with --fix-dry-run', async () => {
    const run = await cli(['--fix', '--fix-dry-run', 'x.txt']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('reportlint: --fix 与 --fix-dry-run 只能选一个\n');
    expect((await cli(['--fix', '--fix-dry-run', 'x.txt', '--locale', 'en'])).stderr).toMatch(/either --fix or --fix-dry-run/);
  });
});

describe('--fix-dry-run', () => {
  it('prints a unified diff that git apply accepts, writes nothing, reports what would remain on stderr', async () => {
    const dir = draftDir({ 'sub/a.txt': FIXABLE + '三是落实“谁执法谁普法。\n', 'clean.txt': CLEAN });
    const run = await cli(['--fix-dry-run', 'sub/a.txt', 'clean.txt'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'sub/a.txt'), 'utf8')).toBe(FIXABLE + '三是落实“谁执法谁普法。\n');
    expect(run.stdout).toBe(
      [
        '--- a/sub/a.txt',
        '+++ b/sub/a.txt',
        '@@ -1,5 +1,5 @@',
        ' 一、总体情况',
        '-我局持续提升提升依法行政水平,推进工作。',
        '+我局持续提升依法行政水平，推进工作。',
        ' 二、存在问题',
        '-二是加强加强管理。。',
        '+二是加强管理。',
        ' 三是落实“谁执法谁普法。',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain('paired-punctuation');
    expect(run.stderr).not.toContain('repeated-word');
    expect(run.status).toBe(1);
    // the diff applies and gives what --fix writes
    const applied = spawnSync('git', ['apply', '-'], { cwd: dir, input: run.stdout, encoding: 'utf8' });
    expect(applied.stderr).toBe('');
    const fixedByPatch = readFileSync(path.join(dir, 'sub/a.txt'), 'utf8');
    const other = draftDir({ 'sub/a.txt': FIXABLE + '三是落实“谁执法谁普法。\n' });
    await cli(['--fix', 'sub/a.txt'], { cwd: other });
    expect(fixedByPatch).toBe(readFileSync(path.join(other, 'sub/a.txt'), 'utf8'));
  });

  it('with --format json puts the fixed text in `output`', async () => {
    const dir = draftDir({ 'a.txt': FIXABLE, 'clean.txt': CLEAN });
    const run = await cli(['--fix-dry-run', '--format', 'json', 'a.txt', 'clean.txt'], { cwd: dir });
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; output?: string; messages: unknown[] }>;
    expect(results.map((r) => [path.basename(r.filePath), r.output, r.messages.length])).toEqual([
      ['a.txt', FIXED, 0],
      ['clean.txt', undefined, 0],
    ]);
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(FIXABLE);
  });

  it('keeps CRLF in the diff (git apply on a CRLF file)', async () => {
    const dir = draftDir({ 'a.txt': FIXABLE.replaceAll('\n', '\r\n') });
    const run = await cli(['--fix-dry-run', 'a.txt'], { cwd: dir });
    copyFileSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const applied = spawnSync('git', ['apply', '-'], { cwd: dir, input: run.stdout, encoding: 'utf8' });
    expect(applied.status, applied.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(FIXED.replaceAll('\n', '\r\n'));
  });
});

describe('applyFixes and unifiedDiff', () => {
  const fix = (start: number, end: number, text: string) => ({ fix: { range: [start, end], text } }) as unknown as LintMessage;

  it('skips a fix that overlaps an earlier one and two insertions at one place', () => {
    expect(applyFixes('abcdef', [fix(3, 5, 'X'), fix(1, 4, 'Y'), fix(5, 5, '1'), fix(5, 5, '2')])).toEqual({ text: 'aYe1f', applied: 2 });
  });

  it('writes a fix text\'s line breaks in the file\'s line ending', () => {
    expect(applyFixes('a\r\nb', [fix(1, 1, '\nx')], '\r\n').text).toBe('a\r\nx\r\nb');
  });

  it('marks a last line without a line end', () => {
    expect(unifiedDiff('f', 'a\nb', 'a\nc')).toBe('--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });

  it('splits far-apart changes into hunks', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n') + '\n';
    const after = before.replace('l1\n', 'L1\n').replace('l18\n', 'L18\n');
    const diff = unifiedDiff('f', before, after);
    expect(diff.match(/^@@.*@@$/gm)).toEqual(['@@ -1,5 +1,5 @@', '@@ -16,5 +16,5 @@']);
  });
});

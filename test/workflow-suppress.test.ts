import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './cli-helpers.js';
import { draftDir } from './workflow-helpers.js';

type Results = Array<{ filePath: string; messages: Array<{ ruleId: string; line: number; column: number; severity: number; message: string }> }>;

const DRAFT = [
  '# 报告', //                                                   1
  '', //                                                         2
  '## 一、总体情况', //                                           3
  '', //                                                         4
  '<!-- reportlint-disable-next-line repeated-word -->', //      5
  '我局持续提升提升依法行政水平。', //                             6  suppressed
  '', //                                                         7
  '<!-- reportlint-disable -->', //                              8
  '二是加强加强管理,落实责任。', //                                9  suppressed (all rules)
  '<!-- reportlint-enable -->', //                               10
  '', //                                                         11
  '三是推进推进工作。 <!-- reportlint-disable-line repeated-word -- 引文原文 -->', // 12 suppressed
  '', //                                                         13
  '<!-- reportlint-disable stray-space, repeated-word -->', //   14 stray-space unused
  '四是落实落实责任。', //                                         15 suppressed
  '<!-- reportlint-enable repeated-word -->', //                 16
  '五是完善完善制度。', //                                         17 reported
  '<!-- reportlint-disable-next-line punctuation-width -->', //  18 unused
  '六是健全健全机制。', //                                         19 reported
  '',
].join('\n');

describe('suppression comments', () => {
  it('disable … enable, disable-line, disable-next-line, with rule lists or for every rule', async () => {
    const dir = draftDir({ 'a.md': DRAFT });
    const run = await cli(['--format', 'json', 'a.md'], { cwd: dir });
    const results = JSON.parse(run.stdout) as Results;
    expect(results[0]!.messages.map((m) => [m.ruleId, m.line])).toEqual([
      ['repeated-word', 17],
      ['repeated-word', 19],
    ]);
    expect(run.status).toBe(1);
  });

  it('work in plain-text drafts too', async () => {
    const dir = draftDir({ 'a.txt': '一、总体情况\n<!-- reportlint-disable-next-line repeated-word -->\n我局持续提升提升依法行政水平。\n' });
    const run = await cli(['a.txt'], { cwd: dir });
    expect(run.stdout).toBe('');
    expect(run.status).toBe(0);
  });

  it('--report-unused-disable-directives reports comments that suppressed nothing, as warnings', async () => {
    const dir = draftDir({ 'a.md': DRAFT });
    const run = await cli(['--format', 'json', '--report-unused-disable-directives', 'a.md'], { cwd: dir });
    const results = JSON.parse(run.stdout) as Results;
    expect(results[0]!.messages.map((m) => [m.ruleId, m.line, m.column, m.severity])).toEqual([
      ['unused-disable-directive', 14, 1, 1],
      ['repeated-word', 17, 3, 2],
      ['unused-disable-directive', 18, 1, 1],
      ['repeated-word', 19, 3, 2],
    ]);
    expect(results[0]!.messages[0]!.message).toContain('stray-space');
    // the JSON output still validates
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/results.schema.json'), 'utf8'));
    const validate = new Ajv.default({ allErrors: true, strictTuples: false }).compile(schema);
    expect(validate(results), JSON.stringify(validate.errors)).toBe(true);
    // stylish, in English
    const stylish = await cli(['--locale', 'en', '--report-unused-disable-directives', 'a.md'], { cwd: dir });
    expect(stylish.stdout).toMatch(/14:1 +warning +Unused reportlint-disable directive \(no problems were reported from 'stray-space'\) +unused-disable-directive/);
    // a clean file with only unused directives: warnings, exit 0
    const only = draftDir({ 'b.md': '# 报告\n\n<!-- reportlint-disable -->\n我局持续提升依法行政水平。\n' });
    const warned = await cli(['--report-unused-disable-directives', 'b.md'], { cwd: only });
    expect(warned.status).toBe(0);
    expect(warned.stdout).toContain('unused-disable-directive');
    expect((await cli(['b.md'], { cwd: only })).stdout).toBe('');
  });
});

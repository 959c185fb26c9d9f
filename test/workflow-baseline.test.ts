import { existsSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';
import { CLEAN, draftDir } from './workflow-helpers.js';

type Results = Array<{ filePath: string; messages: Array<{ ruleId: string; line: number }>; errorCount: number }>;
const OLD = '一、总体情况\n我局持续提升提升依法行政水平,推进工作。\n二是加强加强管理。\n';

describe('baseline', () => {
  it('--baseline-write records findings per file and rule; later runs report only new ones', async () => {
    const dir = draftDir({ 'reports/2021.txt': OLD, 'reports/2022.txt': OLD, 'reports/2023.txt': CLEAN });
    const write = await cli(['--baseline-write', 'reports'], { cwd: dir });
    expect(write.status).toBe(0);
    expect(write.stdout).toContain('reportlint-baseline.json');
    expect(JSON.parse(readFileSync(path.join(dir, 'reportlint-baseline.json'), 'utf8'))).toEqual({
      version: 1,
      files: {
        'reports/2021.txt': { 'punctuation-width': 1, 'repeated-word': 2 },
        'reports/2022.txt': { 'punctuation-width': 1, 'repeated-word': 2 },
      },
    });
    // nothing new: clean run
    const later = await cli(['reports'], { cwd: dir });
    expect(later.stdout).toBe('');
    expect(later.status).toBe(0);

    // a new doubled word in an old report, and a finding in the clean one, are reported
    appendFileSync(path.join(dir, 'reports/2022.txt'), '三是推进推进工作。\n');
    writeFileSync(path.join(dir, 'reports/2023.txt'), CLEAN + '四是落实落实责任。\n');
    const run = await cli(['--format', 'json', 'reports'], { cwd: dir });
    const results = JSON.parse(run.stdout) as Results;
    expect(results.map((r) => [path.basename(r.filePath), r.messages.map((m) => `${m.ruleId}:${m.line}`), r.errorCount])).toEqual([
      ['2021.txt', [], 0],
      ['2022.txt', ['repeated-word:4'], 1],
      ['2023.txt', ['repeated-word:3'], 1],
    ]);
    expect(run.status).toBe(1);
  });

  it('hides at most the recorded count per file and rule: fixing one and adding another still reports', async () => {
    const dir = draftDir({ 'a.txt': OLD });
    await cli(['--baseline-write', 'a.txt'], { cwd: dir });
    writeFileSync(path.join(dir, 'a.txt'), OLD + '三是推进推进工作。\n');
    const run = await cli(['--format', 'json', 'a.txt'], { cwd: dir });
    // three doubled words now, two recorded: the last one by position is new
    expect((JSON.parse(run.stdout) as Results)[0]!.messages.map((m) => m.line)).toEqual([4]);
  });

  it('--baseline <path> chooses the file; a missing one is an error; rewriting keeps other files\' entries', async () => {
    const dir = draftDir({ 'a.txt': OLD, 'b.txt': OLD });
    expect((await cli(['--baseline-write', '--baseline', 'lint/baseline.json', 'a.txt', 'b.txt'], { cwd: dir })).status).toBe(2); // no such folder
    expect((await cli(['--baseline-write', '--baseline', 'base.json', 'a.txt', 'b.txt'], { cwd: dir })).status).toBe(0);
    expect(existsSync(path.join(dir, 'reportlint-baseline.json'))).toBe(false);
    expect((await cli(['a.txt'], { cwd: dir })).status).toBe(1); // the default baseline does not exist
    expect((await cli(['--baseline', 'base.json', 'a.txt', 'b.txt'], { cwd: dir })).status).toBe(0);
    const missing = await cli(['--baseline', 'nope.json', 'a.txt'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.json/);
    // re-recording one file keeps the other's entry
    writeFileSync(path.join(dir, 'a.txt'), CLEAN);
    await cli(['--baseline-write', '--baseline', 'base.json', 'a.txt'], { cwd: dir });
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'base.json'), 'utf8')).files)).toEqual(['b.txt']);
    // entries of deleted files are dropped
    rmSync(path.join(dir, 'b.txt'));
    await cli(['--baseline-write', '--baseline', 'base.json', 'a.txt'], { cwd: dir });
    expect(JSON.parse(readFileSync(path.join(dir, 'base.json'), 'utf8')).files).toEqual({});
  });

  it('a broken baseline is a clear error', async () => {
    const dir = draftDir({ 'a.txt': OLD, 'reportlint-baseline.json': '{"files": [' });
    const run = await cli(['a.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^reportlint: .*reportlint-baseline\.json: 基线文件不是有效的 JSON/);
    expect((await cli(['--locale', 'en', 'a.txt'], { cwd: dir })).stderr).toMatch(/^reportlint: .*reportlint-baseline\.json: baseline is not valid JSON/);
  });
});

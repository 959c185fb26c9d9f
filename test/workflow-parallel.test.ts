import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, spawnCli } from './cli-helpers.js';
import { draftDir, FIXABLE, CLEAN } from './workflow-helpers.js';
import { rebuildError, threadCount } from '../src/engine/parallel.js';
import { RuleCrashError } from '../src/engine/lint.js';
import { UsageError } from '../src/errors.js';

// A folder of every kind of input a batch meets: drafts with findings, clean ones, Markdown,
// an empty file, a binary file, GBK text, and a subfolder whose config asks for English.
function mixedFolder(): string {
  const corpus = path.join(ROOT, 'test', 'corpus');
  const drafts = readdirSync(corpus).filter((f) => /\.(txt|md)$/.test(f)).slice(0, 20);
  const files: Record<string, string | Buffer> = Object.fromEntries(drafts.map((f) => [f, readFileSync(path.join(corpus, f))]));
  files['empty.txt'] = '';
  files['binary.txt'] = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  files['gbk.txt'] = Buffer.from('d2bba1a2d7dcccbac7e9bff60ad2c0b7a8d0d0d5feb2bbb6cfcdc6bdf8a1a3', 'hex');
  files['en/draft.txt'] = FIXABLE;
  files['en/clean.md'] = `# 报告\n\n${CLEAN}`;
  files['en/.reportlintrc.json'] = JSON.stringify({ locale: 'en' });
  return draftDir(files);
}

// each test runs the built CLI on threads several times: generous on a loaded 2-core machine (an
// option of the describe, not vi.setConfig: with isolate: false, vitest.config.ts, a file's
// vi.setConfig does not reach its tests when it is not the first file of its worker)
describe('--concurrency: many files linted by worker threads', { timeout: 120_000 }, () => {
  it('gives exactly the findings, errors and exit code of a run on one thread, in input order', async () => {
    const dir = mixedFolder();
    for (const format of ['json', 'stylish', 'html', 'sarif']) {
      // (the html report says when it was made: the same time for both runs, whatever minute they run in)
      const env = { SOURCE_DATE_EPOCH: '1733270400' };
      const one = await cli(['--concurrency', 'off', '--format', format, '.'], { cwd: dir, env });
      const three = spawnCli(['--concurrency', '3', '--format', format, '.'], { cwd: dir, env });
      expect(one.status).toBe(2); // the empty and the binary file
      expect(three.status).toBe(one.status);
      expect(three.stderr).toBe(one.stderr);
      expect(three.stdout).toBe(one.stdout);
    }
    const json = JSON.parse(spawnCli(['--concurrency', '3', '--format', 'json', '.'], { cwd: dir }).stdout) as Array<{ filePath: string; messages: Array<{ message: string }> }>;
    expect(json.length).toBeGreaterThan(20);
    expect(json.find((r) => r.filePath.endsWith('en/draft.txt'))!.messages[0]!.message).toMatch(/^[\x20-\x7e“”「」]+/);
  }, 60_000); // four threaded runs of the built CLI: over the default 20 s on a loaded 2-core machine

  it('applies --quiet, --max-warnings and the baseline to the threads\' findings as to one thread\'s', async () => {
    const dir = mixedFolder();
    expect((await cli(['--concurrency', 'off', '--baseline-write', '.'], { cwd: dir })).status).toBe(2); // the unreadable files
    // a new defect after the baseline was written: only it is reported
    writeFileSync(path.join(dir, 'en', 'draft.txt'), `${FIXABLE}三、下一步\n持续推进推进。\n`);
    for (const args of [['--quiet'], ['--max-warnings', '0'], ['--baseline', 'reportlint-baseline.json']]) {
      const one = await cli(['--concurrency', 'off', '--format', 'json', ...args, '.'], { cwd: dir });
      const three = spawnCli(['--concurrency', '3', '--format', 'json', ...args, '.'], { cwd: dir });
      expect(three.status, args.join(' ')).toBe(one.status);
      expect(three.stdout, args.join(' ')).toBe(one.stdout);
    }
    const baselined = JSON.parse(spawnCli(['--concurrency', '3', '--format', 'json', '.'], { cwd: dir }).stdout) as Array<{ messages: Array<{ message: string }> }>;
    expect(baselined.flatMap((r) => r.messages)).toHaveLength(1);
  });

  it('reads last year\'s report (--previous) in every thread', async () => {
    const previous = '一、主要举措\n依法行政。\n二、存在的不足\n一是执法人员数量不足。二是信息化水平不高。\n';
    const draft = '2024年法治政府建设年度报告\n一、主要举措\n依法行政。\n二、存在的不足\n一是培训较少。\n';
    const dir = draftDir({ 'last.txt': previous, ...Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`d${i}.txt`, draft])) });
    const one = await cli(['--concurrency', 'off', '--previous', 'last.txt', '--format', 'json', 'd0.txt', 'd1.txt', 'd2.txt', 'd3.txt', 'd4.txt', 'd5.txt'], { cwd: dir });
    const two = spawnCli(['--concurrency', '2', '--previous', 'last.txt', '--format', 'json', 'd0.txt', 'd1.txt', 'd2.txt', 'd3.txt', 'd4.txt', 'd5.txt'], { cwd: dir });
    expect(one.stdout).toContain('previous-shortcomings');
    expect(two.stdout).toBe(one.stdout);
  });

  it('stops on a broken config as one thread does', async () => {
    const dir = draftDir({ 'a.txt': CLEAN, 'b.txt': CLEAN, 'sub/c.txt': CLEAN, 'sub/.reportlintrc.json': '{"rules":{"repeated-word":"loud"}}' });
    const run = spawnCli(['--concurrency', '2', '.'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('rules.repeated-word');
    expect(run.stderr).toBe((await cli(['--concurrency', 'off', '.'], { cwd: dir })).stderr);
  });

  it('refuses a value that is not auto, off or a number', async () => {
    for (const bad of ['0', 'many', '2.5', '1000']) {
      const run = await cli(['--locale', 'en', '--concurrency', bad, 'x.txt']);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('--concurrency takes auto, off or a number');
    }
  });

  it('auto starts workers only for enough text to repay their start-up, one thread per two cores', () => {
    expect(threadCount('off', 100, 1e9, 8)).toBe(1);
    expect(threadCount('auto', 3, 1e9, 8)).toBe(1);
    expect(threadCount('auto', 100, 10_000, 8)).toBe(1);
    expect(threadCount('auto', 100, 1e9, 8)).toBe(4);
    expect(threadCount('auto', 100, 1e9, 2)).toBe(1);
    expect(threadCount('auto', 100, 1e9, 64)).toBe(8);
    expect(threadCount('4', 2, 0, 2)).toBe(2);
  });

  it('a worker\'s error is thrown again in the main thread as the CLI reports it', () => {
    const crash = rebuildError({ name: 'RuleCrashError', message: 'rule x failed on a.txt: boom', ruleId: 'x', file: 'a.txt' });
    expect(crash).toBeInstanceOf(RuleCrashError);
    expect(crash.message).toBe('rule x failed on a.txt: boom');
    const config = rebuildError({ name: 'ConfigError', message: 'a/.reportlintrc.json: rules.x: unknown rule' });
    expect(config).toBeInstanceOf(UsageError);
    expect(config.message).toBe('a/.reportlintrc.json: rules.x: unknown rule');
  });
});

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, spawnCli, tempDir } from './cli-helpers.js';

const DOUBLED = '一、总体情况\n我局持续提升提升依法行政水平。\n';

function draftDir(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** A one-line message on stderr, never a stack trace. */
function expectCleanError(stderr: string, pattern: RegExp): void {
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at /);
  expect(stderr.trim().split('\n')).toHaveLength(1);
}

describe('reportlint on the seeds', () => {
  it('reports exactly the seeds\' doubled words and the "四 、" ordinal, with exact places', async () => {
    const run = await cli(['--format', 'json', 'seeds/000_123d78033956bda4.txt', 'seeds/003_fdb2e5dd79f7ab48.txt']);
    expect(run.status).toBe(1);
    const results = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>> }>;
    const found = results.flatMap((r) =>
      r.messages.map((m) => [path.basename(r.filePath), m['ruleId'], m['line'], m['column'], m['endLine'], m['endColumn']]));
    expect(found).toEqual([
      // one summary per file: both seeds are half-width throughout (NFKC-folded, seeds/README.md)
      ['000_123d78033956bda4.txt', 'punctuation-width', 1, 6, 1, 7],
      // canonical-term (warning): 「全过程、全方面」 — 全方面 is not a word, 全方位 is meant (domain.md §2.4)
      ['000_123d78033956bda4.txt', 'canonical-term', 3, 315, 3, 318],
      // relative-time (warnings): 今年 (8, 31) and the template heading 五、下一年度… (33); no date-validity finding
      ['000_123d78033956bda4.txt', 'relative-time', 8, 55, 8, 57],
      ['000_123d78033956bda4.txt', 'relative-time', 31, 27, 31, 29],
      ['000_123d78033956bda4.txt', 'relative-time', 33, 3, 33, 7],
      ['000_123d78033956bda4.txt', 'repeated-word', 44, 23, 44, 27],
      ['000_123d78033956bda4.txt', 'repeated-word', 47, 3, 47, 7],
      ['003_fdb2e5dd79f7ab48.txt', 'punctuation-width', 1, 6, 1, 7],
      ['003_fdb2e5dd79f7ab48.txt', 'relative-time', 3, 212, 3, 214],
      ['003_fdb2e5dd79f7ab48.txt', 'relative-time', 9, 1, 9, 3],
      ['003_fdb2e5dd79f7ab48.txt', 'stray-space', 12, 199, 12, 200],
      ['003_fdb2e5dd79f7ab48.txt', 'stray-space', 14, 107, 14, 108],
      ['003_fdb2e5dd79f7ab48.txt', 'heading-sequence', 19, 2, 19, 3],
      ['003_fdb2e5dd79f7ab48.txt', 'relative-time', 21, 3, 21, 7],
      ['003_fdb2e5dd79f7ab48.txt', 'stray-space', 22, 66, 22, 67],
      // "双随机 + 执法" (12:47, 12:49) is spacing around a Latin symbol: reported only with stray-space's chineseLatin
    ]);
  });

  // spawnCli: the built dist/cli.js in a process of its own (the bundle runs; exit 1 is the process's code)
  it('stylish output: file, line:col, severity, message quoting the text, rule id, summary', () => {
    const run = spawnCli(['seeds/000_123d78033956bda4.txt']);
    expect(run.status).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('seeds/000_123d78033956bda4.txt');
    expect(lines[1]).toMatch(/^ {2}1:6 {4}错误 {2}全文有170处.* {2}punctuation-width$/);
    expect(lines[2]).toMatch(/^ {2}3:315 {2}警告 {2}.*「全方面」.* {2}canonical-term$/);
    expect(lines[3]).toMatch(/^ {2}8:55 {3}警告 {2}.*「今年」.* {2}relative-time$/);
    expect(lines[6]).toMatch(/^ {2}44:23 {2}错误 {2}.*「分类分类」.* {2}repeated-word$/);
    expect(lines[7]).toMatch(/^ {2}47:3 {3}错误 {2}.*「提升提升」.* {2}repeated-word$/);
    expect(run.stdout).toContain('✖ 7 个问题（3 个错误，4 个警告）');
  });

  it('--locale en', async () => {
    const run = await cli(['--locale', 'en', 'seeds/000_123d78033956bda4.txt']);
    expect(run.stdout).toMatch(/44:23 {2}error {2}/);
    expect(run.stdout).toContain('✖ 7 problems (3 errors, 4 warnings)');
  });

  it('a directory is searched for reports (README.md beside them is not a report)', async () => {
    const run = await cli(['--format', 'json', 'seeds']);
    const files = (JSON.parse(run.stdout) as Array<{ filePath: string }>).map((r) => path.basename(r.filePath));
    const expected = readdirSync(path.join(ROOT, 'seeds')).filter((f) => /\.(md|txt)$/.test(f) && f !== 'README.md').sort();
    expect(files).toEqual(expected);
    expect(files).toContain('000_123d78033956bda4.txt');
    expect(files).not.toContain('README.md');
  });
});

describe('output and exit codes', () => {
  it('json output validates against schemas/results.schema.json', async () => {
    const dir = draftDir({ 'a.txt': DOUBLED, 'clean.txt': '一、总体情况\n我局持续提升依法行政水平。\n' });
    const run = await cli(['--format', 'json', 'a.txt', 'clean.txt'], { cwd: dir });
    expect(run.status).toBe(1);
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/results.schema.json'), 'utf8'));
    const validate = new Ajv.default({ allErrors: true, strictTuples: false }).compile(schema);
    const data = JSON.parse(run.stdout);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data[0].messages[0]).toMatchObject({ ruleId: 'repeated-word', severity: 2, line: 2, column: 5, endColumn: 9 });
    expect(data[0].messages[0].fix).toEqual({ range: [DOUBLED.indexOf('提升提升') + 2, DOUBLED.indexOf('提升提升') + 4], text: '' });
    expect(data[1]).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
  });

  it('json: a summary finding lists its other places as related, valid against the schema', async () => {
    const half = '一、总体情况\n我局推进依法行政,严格执法,落实普法,开展培训,召开会议,审议文件,通报案例,部署工作,总结经验,查找不足,完善制度。\n';
    const dir = draftDir({ 'half.txt': half });
    const run = await cli(['--format', 'json', 'half.txt'], { cwd: dir });
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/results.schema.json'), 'utf8'));
    const validate = new Ajv.default({ allErrors: true, strictTuples: false }).compile(schema);
    const data = JSON.parse(run.stdout);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    const [summary] = data[0].messages;
    expect(summary).toMatchObject({ ruleId: 'punctuation-width', messageId: 'summary', line: 2, column: 9 });
    const commas = [...half.split('\n')[1]!.matchAll(/,/g)].map((m) => m.index! + 1);
    expect(summary.related).toEqual(commas.slice(1).map((c) => ({ line: 2, column: c, endLine: 2, endColumn: c + 1 })));
  });

  // spawnCli: exit 0 and empty output from a real process
  it('exit 0 on a clean draft, with no output', () => {
    const dir = draftDir({ 'clean.txt': '一、总体情况\n我局层层压实责任，做到事事有回应、件件有着落。\n' });
    const run = spawnCli(['clean.txt'], { cwd: dir });
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('--rule changes severity; warnings exit 0 unless --max-warnings is exceeded; --quiet hides them', async () => {
    const dir = draftDir({ 'a.txt': DOUBLED });
    const warn = await cli(['--rule', 'repeated-word:warn', 'a.txt'], { cwd: dir });
    expect(warn.status).toBe(0);
    expect(warn.stdout).toContain('警告');
    expect((await cli(['--rule', 'repeated-word:warn', '--max-warnings', '0', 'a.txt'], { cwd: dir })).status).toBe(1);
    expect((await cli(['--rule', 'repeated-word:warn', '--max-warnings', '1', 'a.txt'], { cwd: dir })).status).toBe(0);
    expect((await cli(['--rule', 'repeated-word:warn', '--quiet', 'a.txt'], { cwd: dir }))).toMatchObject({ status: 0, stdout: '' });
    expect((await cli(['--rule', 'repeated-word:off', 'a.txt'], { cwd: dir })).status).toBe(0);
  });

  // spawnCli: the text comes through the process's real standard input
  it('--stdin with --stdin-filename', () => {
    const dir = draftDir({});
    const run = spawnCli(['--stdin', '--stdin-filename', 'draft.txt', '--format', 'json'], { cwd: dir, input: DOUBLED });
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout);
    expect(result.filePath).toBe(path.join(dir, 'draft.txt'));
    expect(result.messages[0].ruleId).toBe('repeated-word');
  });

  it('--output-file writes the report', async () => {
    const dir = draftDir({ 'a.txt': DOUBLED });
    const run = await cli(['-f', 'json', '-o', 'out.json', 'a.txt'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8'))[0].errorCount).toBe(1);
  });

  // spawnCli: the bundle's help and the version it reads from package.json
  it('--help and --version', () => {
    const help = spawnCli(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('用法: reportlint');
    expect(help.stdout).toContain('repeated-word');
    expect(spawnCli(['--help', '--locale', 'en']).stdout).toContain('Usage: reportlint');
    const version = spawnCli(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('colour only on a terminal or when asked, never with NO_COLOR or --no-color', async () => {
    const dir = draftDir({ 'a.txt': DOUBLED });
    expect((await cli(['a.txt'], { cwd: dir })).stdout).not.toContain('\u001b[');
    expect((await cli(['--color', 'a.txt'], { cwd: dir, env: { NO_COLOR: undefined } })).stdout).toContain('\u001b[31m');
    expect((await cli(['--color', '--no-color', 'a.txt'], { cwd: dir, env: { NO_COLOR: undefined } })).stdout).not.toContain('\u001b[');
  });
});

describe('bad input: one clear line on stderr, exit 2', () => {
  // spawnCli: exit 2 and one line, from a real process
  it('missing file', () => {
    const run = spawnCli(['no-such-draft.md'], { cwd: draftDir({}) });
    expect(run.status).toBe(2);
    expectCleanError(run.stderr, /不存在.*no-such-draft\.md.*file not found/);
  });

  it('empty file', async () => {
    const run = await cli(['empty.txt'], { cwd: draftDir({ 'empty.txt': '' }) });
    expect(run.status).toBe(2);
    expectCleanError(run.stderr, /文件为空: empty\.txt/);
  });

  it('binary file', async () => {
    const run = await cli(['scan.txt'], { cwd: draftDir({ 'scan.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) }) });
    expect(run.status).toBe(2);
    expectCleanError(run.stderr, /scan\.txt/);
  });

  it('a GBK file is decoded and linted with the right positions', async () => {
    // 一、总体 \n 我局提升提升效能。 \n in GBK
    const gbk = Buffer.from([
      0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0x0a,
      0xce, 0xd2, 0xbe, 0xd6, 0xcc, 0xe1, 0xc9, 0xfd, 0xcc, 0xe1, 0xc9, 0xfd, 0xd0, 0xa7, 0xc4, 0xdc, 0xa1, 0xa3, 0x0a,
    ]);
    const dir = draftDir({ 'gbk.txt': gbk });
    const run = await cli(['--format', 'json', 'gbk.txt'], { cwd: dir });
    expect(run.stderr).toBe('');
    const [result] = JSON.parse(run.stdout);
    expect(result.messages).toEqual([expect.objectContaining({ ruleId: 'repeated-word', line: 2, column: 3, endColumn: 7 })]);
    expect(result.messages[0].message).toContain('提升提升');
  });

  it('a directory with no reports', async () => {
    const run = await cli(['empty-dir'], { cwd: draftDir({ 'empty-dir/notes.pdf': 'x' }) });
    expect(run.status).toBe(2);
    expectCleanError(run.stderr, /没有 \.md\/\.txt\/\.docx 报告.*empty-dir/);
  });

  it('a glob that matches nothing', async () => {
    const run = await cli(['drafts/*.md'], { cwd: draftDir({}) });
    expect(run.status).toBe(2);
    expectCleanError(run.stderr, /no files match/);
  });

  it('globs are expanded when the shell did not', async () => {
    const dir = draftDir({ 'drafts/a.md': DOUBLED, 'drafts/b.md': '一、总体情况\n正文。\n' });
    const run = await cli(['--format', 'json', 'drafts/*.md'], { cwd: dir });
    expect(JSON.parse(run.stdout).map((r: { filePath: string }) => path.basename(r.filePath))).toEqual(['a.md', 'b.md']);
  });

  it('other files are still checked when one is bad', async () => {
    const dir = draftDir({ 'a.txt': DOUBLED });
    const run = await cli(['--format', 'json', 'a.txt', 'missing.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)[0].errorCount).toBe(1);
    expectCleanError(run.stderr, /missing\.txt/);
  });

  it('broken JSON config', async () => {
    const dir = draftDir({ '.reportlintrc.json': '{"rules": {', 'a.txt': DOUBLED });
    const run = await cli(['a.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expectCleanError(run.stderr, /\.reportlintrc\.json:1:12: 不是有效的 JSON/);
    expectCleanError((await cli(['--locale', 'en', 'a.txt'], { cwd: dir })).stderr, /\.reportlintrc\.json:1:12: invalid JSON/);
  });

  it('unknown rule in the config', async () => {
    const dir = draftDir({ '.reportlintrc.json': '{"rules": {"repeat-word": "warn"}}', 'a.txt': DOUBLED });
    const run = await cli(['a.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expectCleanError(run.stderr, /\.reportlintrc\.json: rules\.repeat-word: 未知规则 "repeat-word"（是否要找 "repeated-word"？）/);
    const en = await cli(['a.txt'], { cwd: dir, env: { REPORTLINT_LOCALE: 'en' } });
    expectCleanError(en.stderr, /\.reportlintrc\.json: rules\.repeat-word: unknown rule "repeat-word" \(did you mean "repeated-word"\?\)/);
  });

  it('option of the wrong type', async () => {
    const dir = draftDir({ 'conf.json': '{"rules": {"repeated-word": ["error", {"allow": 3}]}}', 'a.txt': DOUBLED });
    const run = await cli(['--config', 'conf.json', 'a.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expectCleanError(run.stderr, /conf\.json: rules\.repeated-word\[1\]\.allow: 应为数组/);
    expectCleanError((await cli(['--locale=en', '--config', 'conf.json', 'a.txt'], { cwd: dir })).stderr, /conf\.json: rules\.repeated-word\[1\]\.allow: must be array/);
  });

  it('missing --config file', async () => {
    const run = await cli(['--config', 'nope.json', 'a.txt'], { cwd: draftDir({ 'a.txt': DOUBLED }) });
    expect(run.status).toBe(2);
    expectCleanError(run.stderr, /nope\.json: 无法读取/);
    expectCleanError((await cli(['--locale', 'en', '--config', 'nope.json', 'a.txt'], { cwd: draftDir({ 'a.txt': DOUBLED }) })).stderr, /nope\.json: cannot be read/);
  });

  it('usage errors', async () => {
    for (const args of [['--frobnicate', 'a.txt'], ['--format', 'xml', 'a.txt'], ['--rule', 'repeated-word', 'a.txt'], ['--rule', 'nope:warn', 'a.txt'], ['--max-warnings', 'many', 'a.txt'], ['--locale', 'fr', 'a.txt'], []]) {
      const run = await cli(args, { cwd: draftDir({ 'a.txt': DOUBLED }) });
      expect(run.status, args.join(' ')).toBe(2);
      expectCleanError(run.stderr, /^reportlint: /);
    }
  });
});

describe('the html report says when it was made', () => {
  it('SOURCE_DATE_EPOCH sets that time (two runs give the same page); without it, now', () => {
    const seed = path.join(ROOT, 'seeds', '000_123d78033956bda4.txt');
    const run = (env: NodeJS.ProcessEnv) => spawnCli(['--format', 'html', '--locale', 'en', seed], { env: { TZ: 'UTC', ...env } });
    const fixed = run({ SOURCE_DATE_EPOCH: '1733270400' });
    expect(fixed.stdout).toContain('Made: 2024-12-04 00:00 (UTC+00:00)');
    expect(run({ SOURCE_DATE_EPOCH: '1733270400' }).stdout).toBe(fixed.stdout);
    expect(run({ SOURCE_DATE_EPOCH: 'yesterday' }).stdout).toContain(`Made: ${new Date().getUTCFullYear()}-`);
  });
});

import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cli, ROOT } from './cli-helpers.js';
import { draftDir, FIXABLE, FIXED } from './workflow-helpers.js';

const ROOT_FIXTURES = path.join(ROOT, 'test', 'fixtures', 'docx');

/** exit 2 and exactly one line on stderr */
function expectOneLineError(run: { status: number | null; stderr: string }, pattern: RegExp): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stderr).toMatch(pattern);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
}

describe('usage and configuration errors follow the locale', () => {
  const cases: Array<{ args: string[]; zh: RegExp; en: RegExp }> = [
    { args: ['--format', 'nope', 'a.txt'], zh: /^reportlint: 未知的 --format "nope"；可选：stylish/, en: /^reportlint: unknown --format "nope"; choose one of: stylish/ },
    { args: ['--max-warnings', 'x', 'a.txt'], zh: /^reportlint: --max-warnings 的值应为不小于 0 的整数$/m, en: /^reportlint: --max-warnings takes a whole number ≥ 0$/m },
    { args: [], zh: /^reportlint: 没有指定文件/, en: /^reportlint: no files given/ },
    { args: ['--frobnicate', 'a.txt'], zh: /^reportlint: 未知选项 --frobnicate（见 reportlint --help）$/m, en: /^reportlint: unknown option --frobnicate \(see reportlint --help\)$/m },
    { args: ['a.txt', '--format'], zh: /^reportlint: 选项 -f, --format <value> 缺少参数/, en: /^reportlint: option -f, --format <value> needs a value/ },
    { args: ['--rule', 'nope:warn', 'a.txt'], zh: /^reportlint: --rule: 未知规则 "nope"/, en: /^reportlint: --rule: unknown rule "nope"/ },
    { args: ['--rule', 'repeated-word', 'a.txt'], zh: /^reportlint: --rule 的写法为 规则:级别/, en: /^reportlint: --rule takes id:severity/ },
    { args: ['--concurrency', 'many', 'a.txt'], zh: /^reportlint: --concurrency 的值应为 auto、off 或线程数/, en: /^reportlint: --concurrency takes auto, off or a number/ },
    { args: ['--stdin', 'a.txt'], zh: /^reportlint: --stdin 与文件只能选一个$/m, en: /^reportlint: give either --stdin or files, not both$/m },
    { args: ['--baseline', 'nope.json', 'a.txt'], zh: /^reportlint: --baseline: 找不到 nope\.json/, en: /^reportlint: --baseline: nope\.json not found/ },
    { args: ['--explain', 'nope'], zh: /^reportlint: --explain: 未知规则 "nope"/, en: /^reportlint: --explain: unknown rule "nope"/ },
  ];
  for (const { args, zh, en } of cases) {
    it(`reportlint ${args.join(' ')}`, async () => {
      const dir = draftDir({ 'a.txt': FIXABLE });
      expectOneLineError((await cli(args, { cwd: dir })), zh);
      expectOneLineError((await cli(['--locale', 'en', ...args], { cwd: dir })), en);
      expectOneLineError((await cli(args, { cwd: dir, env: { REPORTLINT_LOCALE: 'en' } })), en);
      // the argument wins over the environment
      expectOneLineError((await cli(['--locale=zh', ...args], { cwd: dir, env: { REPORTLINT_LOCALE: 'en' } })), zh);
    });
  }

  it('config errors: the file, the key, and the message in the locale', async () => {
    const dir = draftDir({ '.reportlintrc.json': JSON.stringify({ rules: { 'repeated-word': ['error', { allow: 3 }], 'heading-sequence': 'loud' } }), 'a.txt': FIXABLE });
    expectOneLineError((await cli(['a.txt'], { cwd: dir })), /^reportlint: \.reportlintrc\.json: rules\.(repeated-word\[1\]\.allow: 应为数组|heading-sequence: 级别应为)/);
    expectOneLineError((await cli(['--locale', 'en', 'a.txt'], { cwd: dir })), /^reportlint: \.reportlintrc\.json: rules\.(repeated-word\[1\]\.allow: must be array|heading-sequence: severity must be)/);
    const unknown = draftDir({ '.reportlintrc.json': '{"rules": {"repeted-word": "warn"}}', 'a.txt': FIXABLE });
    expectOneLineError((await cli(['a.txt'], { cwd: unknown })), /^reportlint: \.reportlintrc\.json: rules\.repeted-word: 未知规则 "repeted-word"（是否要找 "repeated-word"？）$/m);
    const pack = draftDir({ '.reportlintrc.json': '{"extends": ["./pack.json"]}', 'pack.json': '{', 'a.txt': FIXABLE });
    expectOneLineError((await cli(['a.txt'], { cwd: pack })), /^reportlint: pack\.json: 规则包不是有效的 JSON/);
    expectOneLineError((await cli(['a.txt', '--locale', 'en'], { cwd: pack })), /^reportlint: pack\.json: rule pack is not valid JSON/);
  });

  it('--max-warnings exceeded: the note follows the locale', async () => {
    const dir = draftDir({
      '.reportlintrc.json': JSON.stringify({ rules: { 'required-sections': 'off', 'previous-shortcomings': 'off' } }),
      'a.txt': '某区司法局2024年法治政府建设年度报告\n一、总体情况\n今年我局持续推进依法行政。\n',
    });
    const zh = await cli(['--max-warnings', '0', 'a.txt'], { cwd: dir });
    expect(zh.status).toBe(1);
    expect(zh.stderr).toBe('reportlint: 1 个警告，超过 --max-warnings 0\n');
    expect((await cli(['--locale', 'en', '--max-warnings', '0', 'a.txt'], { cwd: dir })).stderr).toBe('reportlint: 1 warnings exceed --max-warnings 0\n');
  });
});

/** A 法治政府建设年度报告 for a year, with a shortcoming, a doubled word and a half-width comma. */
function report(year: number): string {
  return `XX局${year}年法治政府建设年度报告\n一、总体情况\n我局持续提升提升依法行政水平,推进工作。\n二、存在的不足和原因\n一是执法队伍专业化水平不高。\n`;
}

describe('a path reportlint writes is never one of its inputs', () => {
  const refusals: Array<{ name: string; args: string[]; what: RegExp }> = [
    { name: '--fix -o d.txt d.txt', args: ['--fix', '-o', 'd.txt', 'd.txt'], what: /-o\/--output-file d\.txt/ },
    { name: '-o d.txt d.txt', args: ['-o', 'd.txt', 'd.txt'], what: /-o\/--output-file d\.txt/ },
    { name: '-o through another path to the same file', args: ['-o', 'sub/../d.txt', '.'], what: /-o\/--output-file d\.txt/ },
    { name: '-o a symbolic link to the draft', args: ['-o', 'link.txt', 'd.txt'], what: /-o\/--output-file link\.txt/ },
    { name: '-o a hard link to the draft', args: ['--fix', '-o', 'hard.txt', 'd.txt'], what: /-o\/--output-file hard\.txt/ },
    { name: '--cache-location d.txt', args: ['--cache', '--cache-location', 'd.txt', 'd.txt'], what: /--cache-location d\.txt/ },
    { name: '--cache with the draft named .reportlintcache', args: ['--cache', '.reportlintcache'], what: /--cache \.reportlintcache/ },
    { name: '--baseline-write --baseline d.txt', args: ['--baseline-write', '--baseline', 'd.txt', 'd.txt'], what: /--baseline d\.txt/ },
    { name: '--baseline d.txt', args: ['--baseline', 'd.txt', 'd.txt'], what: /--baseline d\.txt/ },
    { name: '--stdin-filename d.txt -o d.txt', args: ['--stdin', '--stdin-filename', 'd.txt', '-o', 'd.txt'], what: /-o\/--output-file d\.txt/ },
  ];
  for (const { name, args, what } of refusals) {
    it(`refuses ${name}: exit 2, one line, nothing written`, async () => {
      const dir = draftDir({ 'd.txt': FIXABLE, '.reportlintcache': FIXABLE, 'sub/x': '' });
      symlinkSync('d.txt', path.join(dir, 'link.txt'));
      linkSync(path.join(dir, 'd.txt'), path.join(dir, 'hard.txt'));
      const before = readdirSync(dir).sort();
      const run = await cli(args, { cwd: dir, input: FIXABLE });
      expectOneLineError(run, what);
      expect(run.stderr).toMatch(/被检查的文件之一.*未写入任何文件/);
      expect(run.stdout).toBe('');
      expect(readFileSync(path.join(dir, 'd.txt'), 'utf8')).toBe(FIXABLE);
      expect(readFileSync(path.join(dir, '.reportlintcache'), 'utf8')).toBe(FIXABLE);
      expect(readdirSync(dir).sort()).toEqual(before);
      expect((await cli(['--locale', 'en', ...args], { cwd: dir, input: FIXABLE })).stderr).toMatch(/is one of the files being checked.*nothing was written/);
    });
  }

  it('--init beside a draft named .reportlintrc.yaml: refused, the draft kept', async () => {
    // (--init never replaces an existing file; this names the draft in the message)
    const dir = draftDir({ '.reportlintrc.yaml': FIXABLE });
    expectOneLineError((await cli(['--init', '.reportlintrc.yaml'], { cwd: dir })), /--init \.reportlintrc\.yaml 是被检查的文件之一/);
    expect(readFileSync(path.join(dir, '.reportlintrc.yaml'), 'utf8')).toBe(FIXABLE);
  });

  it('paths that are not inputs are written as before', async () => {
    const dir = draftDir({ 'd.txt': FIXABLE });
    const run = await cli(['--fix', '--cache', '--cache-location', 'c.json', '--baseline-write', '--baseline', 'b.json', '-o', 'out.txt', 'd.txt'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['b.json', 'c.json', 'd.txt']);
    const report = await cli(['-o', 'out.txt', 'd.txt'], { cwd: dir });
    expect(report.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['b.json', 'c.json', 'd.txt', 'out.txt']);
  });
});

describe('--previous must be last year\'s report', () => {
  it('the draft itself (same file, also through a link): exit 2, not a silent self-comparison', async () => {
    const dir = draftDir({ '2024.txt': report(2024) });
    symlinkSync('2024.txt', path.join(dir, 'link.txt'));
    for (const previous of ['2024.txt', 'link.txt', './2024.txt']) {
      const run = await cli(['--previous', previous, '2024.txt'], { cwd: dir });
      expectOneLineError(run, /--previous .* 就是被检查的文件本身/);
      expect(run.stdout).toBe('');
    }
    expectOneLineError((await cli(['--locale', 'en', '--previous', '2024.txt', '2024.txt'], { cwd: dir })), /is the draft being checked itself/);
    expect(readFileSync(path.join(dir, '2024.txt'), 'utf8')).toBe(report(2024));
  });

  it('an empty file: exit 2', async () => {
    const dir = draftDir({ '2024.txt': report(2024), 'empty.txt': '', 'blank.md': '\n  \n' });
    expectOneLineError((await cli(['--previous', 'empty.txt', '2024.txt'], { cwd: dir })), /^reportlint: --previous empty\.txt 是空文件/);
    expectOneLineError((await cli(['--locale', 'en', '--previous', 'blank.md', '2024.txt'], { cwd: dir })), /^reportlint: --previous blank\.md is empty/);
  });

  it('a report of the same or a later year: exit 2 (the two swapped?); an earlier one is compared', async () => {
    const dir = draftDir({ '2023.txt': report(2023), '2024.txt': report(2024), 'copy-2024.txt': report(2024) });
    expectOneLineError((await cli(['--previous', '2024.txt', '2023.txt'], { cwd: dir })), /^reportlint: --previous 2024\.txt 是2024年度的报告，不早于 2023\.txt 的报告年度2023年/);
    expectOneLineError((await cli(['--locale', 'en', '--previous', 'copy-2024.txt', '2024.txt'], { cwd: dir })), /^reportlint: --previous copy-2024\.txt reports on 2024, not earlier than 2024\.txt's report year 2024/);
    const ok = await cli(['--format', 'json', '--previous', '2023.txt', '2024.txt'], { cwd: dir });
    expect(ok.status).toBe(1);
    const ids = (JSON.parse(ok.stdout) as Array<{ messages: Array<{ ruleId: string; message: string }> }>)[0]!.messages.map((m) => m.ruleId);
    expect(ids).toContain('previous-shortcomings');
    // with --fix too, nothing is written when the years are wrong
    const fix = await cli(['--fix', '--previous', '2024.txt', '2023.txt'], { cwd: dir });
    expect(fix.status).toBe(2);
    expect(readFileSync(path.join(dir, '2023.txt'), 'utf8')).toBe(report(2023));
  });
});

describe('--fix through links and permissions', () => {
  it('a symbolic link: the file it points to is fixed, the link kept (as ESLint and Prettier do)', async () => {
    const dir = draftDir({ 'drafts/real.txt': FIXABLE, 'other.txt': FIXABLE });
    symlinkSync('drafts/real.txt', path.join(dir, 'link.txt'));
    symlinkSync('../other.txt', path.join(dir, 'drafts/up.txt'));
    const run = await cli(['--fix', 'link.txt', 'drafts/up.txt'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(lstatSync(path.join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(lstatSync(path.join(dir, 'drafts/up.txt')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'drafts/real.txt'), 'utf8')).toBe(FIXED);
    expect(readFileSync(path.join(dir, 'other.txt'), 'utf8')).toBe(FIXED);
    expect(readdirSync(dir).sort()).toEqual(['drafts', 'link.txt', 'other.txt']);
    expect(readdirSync(path.join(dir, 'drafts')).sort()).toEqual(['real.txt', 'up.txt']);
  });

  it('a file with several hard links is written in place: same inode, every link fixed, no copy left', async () => {
    const dir = draftDir({ 'a.txt': FIXABLE });
    linkSync(path.join(dir, 'a.txt'), path.join(dir, 'b.txt'));
    const inode = statSync(path.join(dir, 'a.txt')).ino;
    const run = await cli(['--fix', 'a.txt'], { cwd: dir });
    expect(run.status, run.stderr).toBe(0);
    expect(statSync(path.join(dir, 'a.txt')).ino).toBe(inode);
    expect(statSync(path.join(dir, 'a.txt')).nlink).toBe(2);
    expect(readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe(FIXED);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt']);
    // a longer text written over a shorter one, and a shorter over a longer: no tail left over
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(FIXED);
  });

  it('a file without write permission in its mode is not touched: exit 2 naming it, the others still fixed', async () => {
    const dir = draftDir({ 'ro.txt': FIXABLE, 'rx.txt': FIXABLE, 'ok.txt': FIXABLE });
    chmodSync(path.join(dir, 'ro.txt'), 0o444);
    chmodSync(path.join(dir, 'rx.txt'), 0o500);
    const run = await cli(['--fix', 'ro.txt', 'rx.txt', 'ok.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^reportlint: 文件没有写权限，未修复: ro\.txt \/ not writable/m);
    expect(run.stderr).toMatch(/^reportlint: 文件没有写权限，未修复: rx\.txt/m);
    // the report shows what is in the files now
    expect(run.stdout).toContain('ro.txt');
    expect(run.stdout).not.toContain('ok.txt');
    expect(readFileSync(path.join(dir, 'ro.txt'), 'utf8')).toBe(FIXABLE);
    expect(readFileSync(path.join(dir, 'rx.txt'), 'utf8')).toBe(FIXABLE);
    expect(statSync(path.join(dir, 'ro.txt')).mode & 0o7777).toBe(0o444);
    expect(readFileSync(path.join(dir, 'ok.txt'), 'utf8')).toBe(FIXED);
    expect(readdirSync(dir).sort()).toEqual(['ok.txt', 'ro.txt', 'rx.txt']);
  });

  it.skipIf(process.getuid?.() !== 0)('keeps owner, group and mode (run as root)', async () => {
    const dir = draftDir({ 'a.txt': FIXABLE, 'b.txt': FIXABLE });
    chownSync(path.join(dir, 'a.txt'), 1234, 5678);
    chmodSync(path.join(dir, 'a.txt'), 0o640);
    chownSync(path.join(dir, 'b.txt'), 0, 4321);
    chmodSync(path.join(dir, 'b.txt'), 0o2664);
    expect((await cli(['--fix', 'a.txt', 'b.txt'], { cwd: dir })).status).toBe(0);
    const a = statSync(path.join(dir, 'a.txt'));
    expect([a.uid, a.gid, a.mode & 0o7777]).toEqual([1234, 5678, 0o640]);
    const b = statSync(path.join(dir, 'b.txt'));
    expect([b.uid, b.gid, b.mode & 0o7777]).toEqual([0, 4321, 0o2664]);
    expect(readFileSync(path.join(dir, 'a.txt'), 'utf8')).toBe(FIXED);
  });

  it.skipIf(process.getuid?.() !== 0)('as another user (the built CLI run with uid 65534): a file that user may not write is refused, one of another owner it may write keeps its owner', (ctx) => {
    const dir = draftDir({ 'root-only.txt': FIXABLE, 'shared.txt': FIXABLE, 'mine.txt': FIXABLE });
    chmodSync(dir, 0o777);
    chmodSync(path.join(dir, 'root-only.txt'), 0o644); // root's; others may only read
    chmodSync(path.join(dir, 'shared.txt'), 0o666); // root's; anyone may write
    chownSync(path.join(dir, 'mine.txt'), 65534, 65534);
    const run = spawnSync(process.execPath, [CLI, '--fix', 'root-only.txt', 'shared.txt', 'mine.txt'], {
      cwd: dir, uid: 65534, gid: 65534, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', REPORTLINT_LOCALE: undefined },
    });
    // the built CLI must be readable by that user; where it is not, the test cannot run (shown as skipped)
    if (run.error || (run.status !== 2 && /EACCES|Cannot find module/.test(run.stderr))) {
      ctx.skip(`uid 65534 cannot run ${CLI}: ${run.error?.message ?? run.stderr.split('\n')[0]}`);
      return;
    }
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/没有写权限，未修复: root-only\.txt/);
    expect(readFileSync(path.join(dir, 'root-only.txt'), 'utf8')).toBe(FIXABLE);
    // written in place (a new file would belong to the user running reportlint)
    expect(readFileSync(path.join(dir, 'shared.txt'), 'utf8')).toBe(FIXED);
    expect(statSync(path.join(dir, 'shared.txt')).uid).toBe(0);
    expect(readFileSync(path.join(dir, 'mine.txt'), 'utf8')).toBe(FIXED);
    expect(readdirSync(dir).sort()).toEqual(['mine.txt', 'root-only.txt', 'shared.txt']);
  });
});

describe('"fixable" counts only what --fix applies', () => {
  type Result = { filePath: string; fixableErrorCount: number; fixableWarningCount: number; messages: Array<{ ruleId: string; message: string; fix?: unknown }> };
  const json = async (args: string[], cwd: string): Promise<Result[]> => JSON.parse((await cli(['--format', 'json', ...args], { cwd })).stdout) as Result[];
  const fixableIn = (r: Result) => r.fixableErrorCount + r.fixableWarningCount;
  const p1 = '我局持续推进依法行政,加强制度建设,完善决策程序,推进执法规范,强化监督,提升能力,深化改革,优化服务,加强宣传,落实责任,推进公开,完善机制。\n';

  it('a .docx: no fix offered, none counted, no promise in the message', async () => {
    const dir = draftDir({});
    const docx = path.join(ROOT_FIXTURES, 'halfwidth.docx');
    const stylish = await cli([docx], { cwd: dir });
    expect(stylish.stdout).toContain('全文有12处');
    expect(stylish.stdout).toContain('Word 文档不会自动修复');
    expect(stylish.stdout).not.toContain('修复将一并改为全角');
    expect(stylish.stdout).not.toContain('可自动修复');
    expect((await cli(['--locale', 'en', docx], { cwd: dir })).stdout).not.toMatch(/fixable|converts them all/);
    const [result] = await json([docx], dir);
    expect(result!.messages.map((m) => m.ruleId)).toEqual(expect.arrayContaining(['punctuation-width', 'repeated-word']));
    expect(result!.messages.filter((m) => m.fix)).toEqual([]);
    expect(fixableIn(result!)).toBe(0);
  });

  it('a text file: the count is what --fix removes, with how to apply it', async () => {
    const dir = draftDir({ 'a.txt': '一、总体情况\n' + p1 + '二、存在问题\n二是加强加强管理。\n三是落实“谁执法谁普法。\n' });
    const run = await cli(['a.txt'], { cwd: dir });
    expect(run.stdout).toContain('  其中 2 个可自动修复，使用 --fix 自动修复\n');
    expect(run.stdout).toContain('修复将一并改为全角');
    expect((await cli(['--locale', 'en', 'a.txt'], { cwd: dir })).stdout).toContain('  2 fixable with the --fix option\n');
    const [before] = await json(['a.txt'], dir);
    expect(fixableIn(before!)).toBe(before!.messages.filter((m) => m.fix).length);
    expect(fixableIn(before!)).toBe(2);
    await cli(['--fix', 'a.txt'], { cwd: dir });
    const [after] = await json(['a.txt'], dir);
    expect(before!.messages.length - after!.messages.length).toBe(2);
    expect(fixableIn(after!)).toBe(0);
  });

  it('Markdown: the summary promises a fix, has one (one edit per mark, Markdown syntax between them kept), and --fix makes it', async () => {
    const head = '# 2024年法治政府建设年度报告\n\n## 一、总体情况\n\n';
    const dir = draftDir({ 'one.md': head + p1, 'two.md': head + p1 + '\n## 二、存在问题\n\n' + p1 });
    const [one, two] = await json(['one.md', 'two.md'], dir);
    const summary = (r: Result) => r.messages.find((m) => m.ruleId === 'punctuation-width')!;
    for (const r of [one!, two!]) {
      expect(summary(r).message).toContain('修复将一并改为全角');
      expect(summary(r).fix).toBeDefined();
      expect(fixableIn(r)).toBe(1);
    }
    expect((await cli(['two.md'], { cwd: dir })).stdout).toContain('其中 1 个可自动修复，使用 --fix 自动修复');
    await cli(['--fix', 'one.md', 'two.md'], { cwd: dir });
    for (const name of ['one.md', 'two.md']) expect((await json([name], dir))[0]!.messages.some((m) => m.ruleId === 'punctuation-width')).toBe(false);
    // the heading between the two paragraphs is kept as it was
    expect(readFileSync(path.join(dir, 'two.md'), 'utf8')).toContain('\n## 二、存在问题\n\n');
  });
});

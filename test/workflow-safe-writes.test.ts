import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';
import { draftDir, FIXABLE } from './workflow-helpers.js';

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
    it(`reportlint ${args.join(' ')}`, () => {
      const dir = draftDir({ 'a.txt': FIXABLE });
      expectOneLineError(cli(args, { cwd: dir }), zh);
      expectOneLineError(cli(['--locale', 'en', ...args], { cwd: dir }), en);
      expectOneLineError(cli(args, { cwd: dir, env: { REPORTLINT_LOCALE: 'en' } }), en);
      // the argument wins over the environment
      expectOneLineError(cli(['--locale=zh', ...args], { cwd: dir, env: { REPORTLINT_LOCALE: 'en' } }), zh);
    });
  }

  it('config errors: the file, the key, and the message in the locale', () => {
    const dir = draftDir({ '.reportlintrc.json': JSON.stringify({ rules: { 'repeated-word': ['error', { allow: 3 }], 'heading-sequence': 'loud' } }), 'a.txt': FIXABLE });
    expectOneLineError(cli(['a.txt'], { cwd: dir }), /^reportlint: \.reportlintrc\.json: rules\.(repeated-word\[1\]\.allow: 应为数组|heading-sequence: 级别应为)/);
    expectOneLineError(cli(['--locale', 'en', 'a.txt'], { cwd: dir }), /^reportlint: \.reportlintrc\.json: rules\.(repeated-word\[1\]\.allow: must be array|heading-sequence: severity must be)/);
    const unknown = draftDir({ '.reportlintrc.json': '{"rules": {"repeted-word": "warn"}}', 'a.txt': FIXABLE });
    expectOneLineError(cli(['a.txt'], { cwd: unknown }), /^reportlint: \.reportlintrc\.json: rules\.repeted-word: 未知规则 "repeted-word"（是否要找 "repeated-word"？）$/m);
    const pack = draftDir({ '.reportlintrc.json': '{"extends": ["./pack.json"]}', 'pack.json': '{', 'a.txt': FIXABLE });
    expectOneLineError(cli(['a.txt'], { cwd: pack }), /^reportlint: pack\.json: 规则包不是有效的 JSON/);
    expectOneLineError(cli(['a.txt', '--locale', 'en'], { cwd: pack }), /^reportlint: pack\.json: rule pack is not valid JSON/);
  });

  it('--max-warnings exceeded: the note follows the locale', () => {
    const dir = draftDir({
      '.reportlintrc.json': JSON.stringify({ rules: { 'required-sections': 'off', 'previous-shortcomings': 'off' } }),
      'a.txt': 'XX局2024年法治政府建设年度报告\n一、总体情况\n今年我局持续推进依法行政。\n',
    });
    const zh = cli(['--max-warnings', '0', 'a.txt'], { cwd: dir });
    expect(zh.status).toBe(1);
    expect(zh.stderr).toBe('reportlint: 1 个警告，超过 --max-warnings 0\n');
    expect(cli(['--locale', 'en', '--max-warnings', '0', 'a.txt'], { cwd: dir }).stderr).toBe('reportlint: 1 warnings exceed --max-warnings 0\n');
  });
});

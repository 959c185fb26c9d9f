import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule, { keyWords } from '../../src/rules/previous-shortcomings.js';
import { runRule } from '../helpers.js';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cli, ROOT, tempDir } from '../cli-helpers.js';

const seed = (name: string) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
const S2024 = seed('000_123d78033956bda4.txt');
const S2025 = seed('003_fdb2e5dd79f7ab48.txt');

describe('previous-shortcomings without last year\'s report', () => {
  it('both seeds say how the year before was rectified', async () => {
    expect(await runRule(rule, S2024)).toEqual([]);
    expect(await runRule(rule, S2025)).toEqual([]);
  });

  it('a draft with the rectification removed is reported once, naming year N-1', async () => {
    const without = S2024.split('\n').filter((l) => !l.startsWith('针对2023年')).join('\n');
    const found = await runRule(rule, without);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'noRectification', line: 1, column: 1 });
    expect(found[0]!.message).toContain('2023年度');
    const noHeading = S2025.replace('2024年法治建设不足整改情况及', '').replace('2024年法治政府建设不足整改情况:', '');
    expect((await runRule(rule, noHeading)).map((f) => f.messageId)).toEqual(['noRectification']);
  });

  it('other wordings of rectification pass', async () => {
    for (const sentence of [
      '三、上年度问题整改情况\n对照上年度报告查摆的问题，逐项建立台账，已全部整改到位。',
      '三、存在的不足\n去年指出的执法力量不足问题，今年通过公开招录得到改进。',
      '三、整改落实情况\n针对2024年执法人员不足的问题，新增执法人员10名。',
    ]) {
      const draft = `某区司法局2025年法治政府建设年度报告\n2025年，我局坚持以习近平法治思想为指导。\n一、2025年推进法治政府建设的主要举措和成效\n全年办理行政复议案件20件。\n${sentence}\n`;
      expect(await runRule(rule, draft), sentence).toEqual([]);
    }
  });

  it('a report of another type is not checked', async () => {
    expect(await runRule(rule, '某县教育局2025年工作总结\n一、主要工作\n全年新建学校2所。\n')).toEqual([]);
  });
});

describe('previous-shortcomings with last year\'s report', () => {
  it('seed pair: 一 (执法力量不足) and 二 (法律法规滞后) are unanswered, 三 is answered', async () => {
    const found = await runRule(rule, S2025, {}, 'draft.txt', S2024);
    expect(found.map((f) => f.data?.['item'])).toEqual(['卫生监督执法力量不足', '医疗卫生法律法规滞后']);
    expect(found.map((f) => f.data?.['line'])).toEqual([30, 31]);
    // reported at this draft's rectification heading
    expect(found.every((f) => f.line === 19)).toBe(true);
  });

  it('every shortcoming answered in other words: silent', async () => {
    const draft = S2025.replace(
      '2024年法治政府建设不足整改情况:',
      '2024年法治政府建设不足整改情况:针对卫生监督执法人员数量不足的问题,新增卫生监督执法人员12名;配合市卫生健康委推动医疗卫生地方立法,解决法律法规相对滞后的问题。',
    );
    expect(await runRule(rule, draft, {}, 'draft.txt', S2024)).toEqual([]);
  });

  it('restating last year\'s problem in this year\'s own list of shortcomings is not an answer', async () => {
    const draft = S2025.replace('一是因重复信访导致的复议诉讼案件不断增加', '一是卫生监督执法力量仍然不足');
    const found = await runRule(rule, draft, {}, 'draft.txt', S2024);
    expect(found.map((f) => f.data?.['item'])).toContain('卫生监督执法力量不足');
  });

  it('items as (一)(二) subsections and a lower threshold', async () => {
    const last = '某局2024年法治政府建设年度报告\n一、存在的不足和原因\n（一）行政复议应诉能力不强\n原因是专业人员少。\n（二）普法宣传形式单一\n原因是投入不足。\n';
    const draft = '某局2025年法治政府建设年度报告\n2025年，我局推进依法行政。\n一、上年度问题整改情况\n针对普法宣传形式单一的问题，开设短视频普法栏目。\n';
    const found = await runRule(rule, draft, {}, 'draft.txt', last);
    expect(found.map((f) => f.data?.['item'])).toEqual(['行政复议应诉能力不强']);
    expect(await runRule(rule, draft.replace('开设短视频普法栏目', '提升行政复议应诉能力，开设短视频普法栏目'), {}, 'draft.txt', last)).toEqual([]);
  });

  it('key words come from Intl.Segmenter and drop generic vocabulary', () => {
    expect(keyWords('一是卫生监督执法力量不足')).toEqual(['卫生', '监督', '执法', '力量']);
  });

  it('through the CLI with --previous', async () => {
    const run = await cli(['--format', 'json', '--rule', 'previous-shortcomings:error', '--previous', 'seeds/000_123d78033956bda4.txt', 'seeds/003_fdb2e5dd79f7ab48.txt']);
    const messages = JSON.parse(run.stdout)[0].messages.filter((m: { ruleId: string }) => m.ruleId === 'previous-shortcomings');
    expect(messages).toHaveLength(2);
    expect(messages[0].message).toContain('卫生监督执法力量不足');
    const missing = await cli(['--previous', 'nope.txt', 'seeds/003_fdb2e5dd79f7ab48.txt']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.txt/);
  });

  it('`previous` in config with a {year} pattern finds last year\'s report by the draft\'s year', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'reports'));
    copyFileSync(path.join(ROOT, 'seeds/000_123d78033956bda4.txt'), path.join(dir, 'reports/2024.txt'));
    copyFileSync(path.join(ROOT, 'seeds/003_fdb2e5dd79f7ab48.txt'), path.join(dir, 'reports/2025.txt'));
    writeFileSync(path.join(dir, '.reportlintrc.json'), JSON.stringify({ previous: 'reports/{year}.txt', rules: { 'previous-shortcomings': 'error' } }));
    const run = await cli(['--format', 'json', 'reports/2025.txt', 'reports/2024.txt'], { cwd: dir });
    const ps = (r: { messages: Array<{ ruleId: string; message: string }> }) => r.messages.filter((m) => m.ruleId === 'previous-shortcomings');
    const [r2025, r2024] = JSON.parse(run.stdout);
    expect(ps(r2025).map((m: { message: string }) => m.message.includes('执法力量不足') || m.message.includes('法律法规滞后'))).toEqual([true, true]);
    // no reports/2023.txt: the 2024 report is checked without a previous one, and passes
    expect(ps(r2024)).toEqual([]);
  });
});

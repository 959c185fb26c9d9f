import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getValidators } from '../../src/config/validators.js';
import type { Rule } from '../../src/rule.js';
import { allRules } from '../../src/rules/index.js';
import { builtinPacks } from '../../src/packs/load.js';
import { ROOT } from '../cli-helpers.js';
import { runRule } from '../helpers.js';

const seed = (name: string) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
const S2024 = seed('000_123d78033956bda4.txt');
const S2025 = seed('003_fdb2e5dd79f7ab48.txt');
let rule: Rule;

beforeAll(async () => {
  const packs = builtinPacks((await getValidators(allRules)).pack);
  rule = packs.flatMap((p) => p.rules).find((r) => r.meta.id === 'required-sections')!;
});

/** Remove lines [from, to] (1-based, inclusive). */
function without(text: string, from: number, to: number): string {
  return text.split('\n').filter((_, i) => i + 1 < from || i + 1 > to).join('\n');
}

async function messages(text: string): Promise<string[]> {
  return (await runRule(rule, text)).map((f) => f.message);
}

describe('required-sections on the seeds', () => {
  it('both seeds have every part', async () => {
    expect(await runRule(rule, S2024)).toEqual([]);
    expect(await runRule(rule, S2025)).toEqual([]);
  });

  it('deleting each part is reported once, at the top, naming the part', async () => {
    // 003: 三 (measures) lines 7-18, 二 (leaders' duty) lines 4-6, 五 (plan) lines 21-25
    expect(await messages(without(S2025, 7, 18))).toEqual(['缺少「主要举措和成效」部分']);
    expect(await messages(without(S2025, 4, 6))).toEqual(['缺少「党政主要负责人履行推进法治建设第一责任人职责情况」部分']);
    expect(await messages(without(S2025, 21, 25))).toEqual(['缺少「下一年度推进法治政府建设的主要安排」部分']);
    // 000: 四 (shortcomings) lines 27-32
    const found = await runRule(rule, without(S2024, 27, 32));
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([[1, 1, '缺少「存在的不足和原因」部分']]);
  });

  it('reworded headings are still found', async () => {
    const variants: Array<[string, string]> = [
      ['四、存在问题和不足', '四、存在的主要问题'],
      ['四、存在问题和不足', '四、问题与不足'],
      ['四、存在问题和不足', '四、工作中的短板及原因'],
      ['五、下一年度法治政府建设主要安排', '五、2025年工作打算'],
      ['五、下一年度法治政府建设主要安排', '五、下一步工作计划'],
      ['五、下一年度法治政府建设主要安排', '五、2025年度推进法治政府建设的工作安排'],
      ['三、2024年度推进法治政府建设的主要举措和成效', '三、2024年度法治政府建设工作开展情况'],
      ['三、2024年度推进法治政府建设的主要举措和成效', '三、主要做法及成效'],
    ];
    for (const [from, to] of variants) {
      expect(S2024.includes(from), from).toBe(true);
      expect(await messages(S2024.replace(from, to)), to).toEqual([]);
    }
    const duty = S2025.replace('二、党政主要负责人履行推进法治建设第一责任人职责,加强法治建设', '二、主要负责同志履职情况');
    // the passage under it still names 第一责任人
    expect(await messages(duty)).toEqual([]);
  });
});

describe('what each part must say', () => {
  it('shortcomings without any cause: a warning', async () => {
    const draft = [
      '某区司法局2025年法治政府建设年度报告',
      '一、2025年推进法治政府建设的主要举措和成效',
      '全年办理行政复议案件52件。',
      '二、党政主要负责人履行推进法治建设第一责任人职责情况',
      '局主要负责同志带头学法，召开专题会议4次。',
      '三、存在的不足',
      '一是执法队伍专业化水平不高；二是普法宣传针对性不强。',
      '四、2026年工作安排',
      '一是加强执法培训；二是创新普法形式。',
    ].join('\n');
    const found = await runRule(rule, draft);
    expect(found.map((f) => [f.line, f.level, f.message])).toEqual([
      [6, 'warn', '「存在的不足和原因」只列了问题，没有分析原因（督察工作规定要求报告「存在的不足和原因」）'],
    ]);
    expect(await runRule(rule, draft.replace('普法宣传针对性不强。', '普法宣传针对性不强。主要原因是执法人员流动较大。'))).toEqual([]);
  });

  it('the plan must point at year N+1', async () => {
    const draft = S2024.replace('五、下一年度法治政府建设主要安排', '五、2024年法治政府建设主要安排');
    const found = await runRule(rule, draft);
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([[33, 3, '「下一年度推进法治政府建设的主要安排」应针对2025年，这里写的是2024年']]);
  });

  it('a missing part names the closest heading that is not another part', async () => {
    const draft = S2025.replace('四 、2024年法治建设不足整改情况及2025年存在的不足', '四、2024年法治建设整改情况及2025年需改进之处')
      .replace('但仍然存在不足', '但仍需改进');
    const found = await runRule(rule, draft);
    expect(found.map((f) => f.message)).toEqual(['缺少「存在的不足和原因」部分']);
  });
});

describe('other layouts and other reports', () => {
  it('Shenzhen-style thematic headings with the duty as a passage', async () => {
    const draft = [
      '某市市场监督管理局2025年法治政府建设年度报告',
      '2025年，我局在市委、市政府的领导下，扎实推进法治政府建设。',
      '一、法治政府建设的组织领导',
      '局主要负责同志切实履行推进法治建设第一责任人职责，全年主持召开法治专题会议6次。',
      '二、政府职能依法全面履行',
      '全面落实权责清单制度，动态调整事项128项。',
      '三、严格规范公正文明执法',
      '全年办理行政处罚案件1362件。',
      '四、存在的不足和原因',
      '基层执法力量仍显薄弱，主要原因是机构改革后人员尚未配齐。',
      '五、2026年工作安排',
      '一是深化执法规范化建设；二是加强执法队伍培训。',
    ].join('\n');
    expect(await runRule(rule, draft)).toEqual([]);
  });

  it('Markdown headings', async () => {
    const md = [
      '# 某县司法局2025年法治政府建设年度报告', '',
      '## 一、主要举措和成效', '', '全年审查规范性文件14件。', '',
      '### （一）主要负责人履行第一责任人职责情况', '', '局长带头述法。', '',
      '## 二、存在的问题及原因', '', '由于人员不足，复议案件办理周期较长。', '',
      '## 三、下一步工作安排', '', '继续深化行政复议体制改革。', '',
    ].join('\n');
    expect(await runRule(rule, md, {}, 'draft.md')).toEqual([]);
  });

  it('a report of another type gets no finding', async () => {
    const other = '某县教育局2025年工作总结\n一、主要工作\n全年新建学校2所。\n二、明年打算\n继续推进集团化办学。\n';
    expect(await runRule(rule, other)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/relative-time.js';
import { ROOT } from '../cli-helpers.js';
import { applyFixes, runRule } from '../helpers.js';

const seed = (name: string) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
const S2024 = seed('000_123d78033956bda4.txt');
const S2025 = seed('003_fdb2e5dd79f7ab48.txt');
const S2025_MD = seed('003_fdb2e5dd79f7ab48.md');

const summary = async (text: string, options = {}, filename = 'draft.txt') =>
  (await runRule(rule, text, options, filename)).map((f) => [f.messageId, f.line, f.column, f.text, f.fix?.text ?? null]);

describe('relative-time on the seeds', () => {
  it('seed 000 (2024): 今年 twice, 下一年度 in the plan heading', async () => {
    expect(await summary(S2024)).toEqual([
      ['relative', 8, 55, '今年', '2024年'], // 今年产生行政检查档案3340份
      ['relative', 31, 27, '今年', '2024年'], // 今年新增的投诉热点
      ['heading', 33, 3, '下一年度', '2025年度'], // 五、下一年度法治政府建设主要安排
    ]);
  });

  it('seed 003 (2025): 今年 twice, 下一年度 in the plan heading; the Markdown rendering alike', async () => {
    expect(await summary(S2025)).toEqual([
      ['relative', 3, 212, '今年', '2025年'], // 今年重点工作
      ['relative', 9, 1, '今年', '2025年'], // 今年我局起草区政府印发的有效规范性文件1份
      ['heading', 21, 3, '下一年度', '2026年度'], // 五、下一年度推进法治政府建设的主要安排
    ]);
    expect((await summary(S2025_MD, {}, 'draft.md')).map((f) => [f[0], f[3], f[4]])).toEqual([
      ['relative', '今年', '2025年'],
      ['relative', '今年', '2025年'],
      ['heading', '下一年度', '2026年度'],
    ]);
  });

  it('messages name the word and the year; the fixes write the year', async () => {
    const found = await runRule(rule, S2024);
    expect(found[0]!.message).toBe('「今年」是相对时间，报告公开后指代不明，应写明年份「2024年」');
    expect(found[2]!.message).toBe('标题中的「下一年度」是模板用语，应写明年份「2025年度」');
    const fixed = applyFixes(S2024, found);
    expect(fixed).toContain('2024年产生行政检查档案3340份');
    expect(fixed).toContain('是2024年新增的投诉热点');
    expect(fixed).toContain('五、2025年度法治政府建设主要安排');
    expect(await runRule(rule, fixed)).toEqual([]);
  });
});

describe('each relative word gets the explicit year from N', () => {
  const cases: Array<[string, string]> = [
    ['今年', '2025年'], ['今年度', '2025年度'], ['本年', '2025年'], ['本年度', '2025年度'],
    ['去年', '2024年'], ['上年', '2024年'], ['上年度', '2024年度'], ['上一年度', '2024年度'],
    ['明年', '2026年'], ['下一年度', '2026年度'], ['下年度', '2026年度'],
  ];
  for (const [word, year] of cases) {
    it(word, async () => {
      const text = S2025.replace('对往年制定的规范性文件定期清理', `对${word}制定的规范性文件定期清理`);
      const found = (await runRule(rule, text)).filter((f) => f.line === 9 && f.column > 1);
      expect(found.map((f) => [f.messageId, f.text, f.fix?.text])).toEqual([['relative', word, year]]);
    });
  }
});

describe('what is not reported', () => {
  it('quoted mentions, words that merely contain the characters, 全年, 年内', async () => {
    for (const s of [
      '印发《关于做好今年安全生产工作的通知》。',
      '开展“今年我最美”评选活动。',
      '完善基本年度考核办法,全年办理案件20件,年内完成整改。',
      '以上年度数据为准。',
      '回顾过去年度工作,成效明显。',
    ]) {
      const text = S2025.replace('对往年制定的规范性文件定期清理', s);
      expect((await summary(text)).filter((f) => f[1] === 9 && f[2] !== 1), s).toEqual([]);
    }
  });

  it('documents that are not annual reports or summaries (a plan, a notice) unless anyDocument', async () => {
    const plan = '某镇人民政府2025年法治建设工作要点\n为扎实推进今年全镇法治建设各项工作,制定本要点。\n一、加强组织领导\n镇党委每季度专题研究一次法治建设工作。\n';
    expect(await summary(plan)).toEqual([]);
    expect((await summary(plan, { anyDocument: true })).map((f) => [f[0], f[3], f[4]])).toEqual([['relative', '今年', '2025年']]);
  });

  it('a work summary (年度工作总结) is checked', async () => {
    const text = '某县教育局2025年工作总结\n2025年,县教育局统筹推进教育改革发展。\n一、主要工作\n今年全县新建中小学校4所。\n';
    expect((await summary(text)).map((f) => [f[0], f[3], f[4]])).toEqual([['relative', '今年', '2025年']]);
  });

  it('options: words and headings', async () => {
    expect((await summary(S2024, { headings: false })).map((f) => f[3])).toEqual(['今年', '今年']);
    expect((await summary(S2024, { words: ['下一年度'] })).map((f) => f[3])).toEqual(['下一年度']);
  });
});

describe('when the year cannot be written for the author', () => {
  it('a report written in N+1 (signed in February): 今年 is ambiguous and has no fix; 本年度 still is N', async () => {
    const text = S2024.replace('2024年11月15日', '2025年2月20日').replace('作为法治政府建设的首要任务', '作为本年度法治政府建设的首要任务');
    const found = await runRule(rule, text);
    expect(found.map((f) => [f.messageId, f.text, f.fix?.text ?? null])).toEqual([
      ['relative', '本年度', '2024年度'],
      ['ambiguous', '今年', null],
      ['ambiguous', '今年', null],
      ['heading', '下一年度', '2025年度'],
    ]);
    expect(found[1]!.message).toBe('「今年」指代不明：本报告是2024年度报告，却成文于2025年，应写明具体年份');
  });

  it('no report year at all: reported without a fix', async () => {
    const text = '某单位法治政府建设年度报告\n一、主要举措和成效\n今年共办理行政复议案件12件。\n二、下一年度工作安排\n继续推进依法行政。\n';
    expect(await summary(text)).toEqual([
      ['relativeNoYear', 3, 1, '今年', null],
      ['headingNoYear', 4, 3, '下一年度', null],
    ]);
  });
});

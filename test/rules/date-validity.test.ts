import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/date-validity.js';
import { ROOT } from '../cli-helpers.js';
import { applyFixes, runRule } from '../helpers.js';

const seed = (name: string) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
const S2024 = seed('000_123d78033956bda4.txt');
const S2025 = seed('003_fdb2e5dd79f7ab48.txt');
const S2025_MD = seed('003_fdb2e5dd79f7ab48.md');

/** the text with `from` (which must occur exactly once) replaced */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const ids = async (text: string, options = {}, filename = 'draft.txt') =>
  (await runRule(rule, text, options, filename)).map((f) => [f.messageId, f.line, f.text]);

describe('date-validity on the seeds', () => {
  it('both seeds are consistent: no finding', async () => {
    expect(await runRule(rule, S2024)).toEqual([]);
    expect(await runRule(rule, S2025)).toEqual([]);
    expect(await runRule(rule, S2025_MD, {}, 'draft.md')).toEqual([]);
  });
});

describe('every date is a real calendar date', () => {
  it('2025年2月30日 and 2025年13月5日 in seed sentences are errors', async () => {
    const a = edit(S2025, '每周梳理信访工作', '2025年2月30日起每周梳理信访工作');
    expect(await ids(a)).toEqual([['invalidDay', 18, '2025年2月30日']]);
    const b = edit(S2024, '2024年共计移送案件线索27条', '2024年13月5日共移送案件线索27条');
    const found = await runRule(rule, b);
    expect(found.map((f) => [f.messageId, f.line, f.text])).toEqual([['invalidMonth', 19, '2024年13月5日']]);
    expect(found[0]!.message).toBe('「2024年13月5日」不是真实存在的日期：没有13月');
  });

  it('29 February only in a leap year; 6月31日 without a year; Chinese numerals; a backward range', async () => {
    expect(await ids('一、工作情况\n2023年2月29日召开专题会议。\n')).toEqual([['invalidDay', 2, '2023年2月29日']]);
    expect(await ids('一、工作情况\n2024年2月29日召开专题会议。\n')).toEqual([]);
    expect(await ids('一、工作情况\n6月31日召开专题会议。\n')).toEqual([['invalidDay', 2, '6月31日']]);
    expect(await ids('一、工作情况\n二〇二五年二月三十日召开专题会议。\n')).toEqual([['invalidDay', 2, '二〇二五年二月三十日']]);
    expect(await ids('一、工作情况\n编制2025—2021年规划。\n')).toEqual([['invalidRange', 2, '2025—2021年']]);
  });

  it('lengths of time and other numbers are not dates', async () => {
    for (const s of ['项目工期18月。', '已有1200年历史。', '执行第2025.13.5条款。', '历时3年6个月。']) {
      expect(await ids(`一、工作情况\n${s}\n`), s).toEqual([]);
    }
  });
});

describe('the signature date (成文日期, GB/T 9704 §7.3.5.4)', () => {
  const signed = (date: string) => S2025.replace(/2025年12月2日(\s*)$/, (_m, ws: string) => date + ws);

  it('leading zeros, Chinese numerals, numeric form, short year: error, with the fix', async () => {
    for (const [date, problems] of [
      ['2025年12月02日', '月、日不编虚位'],
      ['二〇二五年十二月二日', '应使用阿拉伯数字'],
      ['2025.12.2', '应写作「×年×月×日」'],
      ['25年12月2日', '年份应标全称'],
    ] as const) {
      const text = signed(date);
      const found = await runRule(rule, text);
      expect(found.map((f) => [f.messageId, f.line, f.text]), date).toEqual([['signatureForm', 27, date]]);
      expect(found[0]!.message).toContain(problems);
      expect(applyFixes(text, found)).toBe(S2025);
    }
  });

  it('a signature date that is not a real date has no fix', async () => {
    const found = await runRule(rule, signed('2025年2月30日'));
    expect(found.map((f) => f.messageId)).toEqual(['signatureUnreadable']);
    expect(found[0]!.fix).toBeUndefined();
  });

  it('the window: before N-10-01 is an error, after (N+1)-04-01 a warning, the edges pass', async () => {
    expect(await ids(signed('2025年9月30日'))).toEqual([['signatureEarly', 27, '2025年9月30日']]);
    const late = await runRule(rule, signed('2026年4月2日'));
    expect(late.map((f) => [f.messageId, f.level])).toEqual([['signatureLate', 'warn']]);
    expect(late[0]!.message).toBe('成文日期2026年4月2日晚于2026年4月1日：2025年度法治政府建设年度报告应在2026年4月1日之前向社会公开');
    expect(await ids(signed('2025年10月1日'))).toEqual([]);
    expect(await ids(signed('2026年4月1日'))).toEqual([]);
    expect(await ids(signed('2026年2月28日'))).toEqual([]);
  });

  it('the window is configurable', async () => {
    expect(await ids(signed('2026年3月15日'), { deadline: '03-01' })).toEqual([['signatureLate', 27, '2026年3月15日']]);
    expect(await ids(signed('2025年9月30日'), { earliest: '09-01' })).toEqual([]);
  });

  it('the window applies only to 法治政府建设年度报告', async () => {
    expect(await ids('某镇2025年法治建设工作要点\n一、工作目标\n全面推进依法行政。\n某镇人民政府\n2025年3月5日\n')).toEqual([]);
  });
});

describe('dates after the signature date', () => {
  it('a past event dated after the signature is an error (seed 2024, signed 2024-11-15)', async () => {
    const text = edit(S2024, '2024年共计移送案件线索27条', '2024年11月20日移送案件线索27条');
    expect(await ids(text)).toEqual([['afterSignature', 19, '2024年11月20日']]);
    const month = edit(S2024, '2024年共计移送案件线索27条', '2024年12月共计移送案件线索27条');
    expect(await ids(month)).toEqual([['afterSignature', 19, '2024年12月']]);
  });

  it('the same month as the signature is not after it (seed 2025, signed 2025-12-02)', async () => {
    expect(await ids(edit(S2025, '新办执法证46个', '2025年12月新办执法证46个'))).toEqual([]);
    expect(await ids(edit(S2025, '新办执法证46个', '2025年11月30日前新办执法证46个'))).toEqual([]);
  });

  it('plans, clearly future wording, quotes, years, ranges and the plan part pass', async () => {
    for (const [from, to] of [
      ['新办执法证46个', '拟于2026年3月新办执法证46个'],
      ['新办执法证46个', '计划2026年1月新办执法证46个'],
      ['新办执法证46个', '新办执法证46个,相关规定将于2026年1月1日起施行'],
      ['新办执法证46个', '预计2026年上半年新办执法证46个'],
      ['新办执法证46个', '力争2026年3月底前新办执法证46个'],
      ['新办执法证46个', '印发《2026年1月执法检查计划表》'],
      ['新办执法证46个', '编制2026年度执法计划'],
      ['新办执法证46个', '编制2026—2030年执法规划'],
      ['建立医疗行业跨部门执法联动会商机制', '2026年3月建立医疗行业跨部门执法联动会商机制'],
    ] as const) {
      expect(await ids(edit(S2025, from, to)), to).toEqual([]);
    }
  });

  it('toleranceDays and futureMarkers', async () => {
    const text = edit(S2025, '新办执法证46个', '2025年12月5日新办执法证46个');
    expect(await ids(text)).toEqual([['afterSignature', 13, '2025年12月5日']]);
    expect(await ids(text, { toleranceDays: 3 })).toEqual([]);
    const planned = edit(S2025, '新办执法证46个', '按进度安排2025年12月5日新办执法证46个');
    expect(await ids(planned)).toEqual([['afterSignature', 13, '2025年12月5日']]);
    expect(await ids(planned, { futureMarkers: ['按进度安排'] })).toEqual([]);
  });

  it('not checked when the signature itself lies before the window', async () => {
    const text = edit(S2025, '2025年12月2日', '2024年12月2日');
    expect((await ids(text)).map((f) => f[0])).toEqual(['signatureEarly']);
  });
});

describe('year mentions that contradict the report year N', () => {
  it('a measures heading naming another year (2025 report, heading says 2024)', async () => {
    const text = edit(S2025, '三、2025年法治建设主要举措和成效', '三、2024年法治建设主要举措和成效');
    // N now comes from the opening (2025年,在区委…)
    const found = await runRule(rule, text);
    expect(found.map((f) => [f.messageId, f.line, f.text])).toEqual([['headingYear', 7, '2024年']]);
    expect(found[0]!.message).toBe('「三、2024年法治建设主要举措和成效」写的是2024年，但本报告是2025年度报告');
    const s2024 = edit(S2024, '三、2024年度推进法治政府建设的主要举措和成效', '三、2023年度推进法治政府建设的主要举措和成效');
    expect(await ids(s2024)).toEqual([['headingYear', 6, '2023年度']]);
  });

  it('the opening sentence and 现将……报告如下 naming another year than the title', async () => {
    const titled = `某区卫生健康局2025年法治政府建设年度报告\n${S2025.replace('2025年,在区委', '2024年,在区委')}`;
    expect(await ids(titled)).toEqual([['statementYear', 2, '2024年']]);
    const statement = `某区卫生健康局2025年法治政府建设年度报告\n${edit(S2025, '现将有关情况报告如下', '现将2024年法治政府建设情况报告如下')}`;
    expect(await ids(statement)).toEqual([['statementYear', 2, '2024年']]);
  });

  it('legitimate other years pass: rectification, comparisons, spans, quoted titles, history, plans', async () => {
    for (const [from, to] of [
      ['三、2025年法治建设主要举措和成效', '三、2025年法治建设主要举措和成效(较2024年)'],
      ['四 、2024年法治建设不足整改情况及2025年存在的不足', '四、2024年度法治建设存在问题整改情况'],
      ['新办执法证46个', '对照《法治政府建设实施纲要(2021—2025年)》新办执法证46个'],
      ['新办执法证46个', '新办执法证46个,较2024年增长15%'],
      ['新办执法证46个', '自2019年以来累计新办执法证460个'],
      ['新办执法证46个', '按《2024年度执法证管理办法》新办执法证46个'],
      ['(一)推动公立医院法治建设规范化。', '(一)2026年推动公立医院法治建设规范化。'],
    ] as const) {
      expect(await ids(edit(S2025, from, to)), to).toEqual([]);
    }
    // a plan heading naming another year than N+1 is required-sections' to report, not this rule's
    expect(await ids(edit(S2025, '五、下一年度推进法治政府建设的主要安排', '五、2027年推进法治政府建设的主要安排'))).toEqual([]);
  });

  it('template words in headings (下一年度) are not this rule\'s: see relative-time', async () => {
    expect(await ids(S2024)).toEqual([]);
  });
});

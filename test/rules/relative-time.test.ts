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

describe('the template\'s 上一年度 in a heading means the report year N', () => {
  const report = (heading: string) => `某县司法局2024年法治政府建设年度报告\n2024年，我局坚持依法行政。\n${heading}\n开展行政执法案卷评查320卷。\n`;
  it('in the measures, the shortcomings and the duty headings: N, one finding, the fix writes N', async () => {
    for (const heading of [
      '一、上一年度法治政府建设的主要举措和成效',
      '一、上一年度推进法治政府建设的主要举措和成效',
      '二、上一年度推进法治政府建设存在的不足和原因',
      '三、上一年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况',
    ]) {
      const found = await runRule(rule, report(heading));
      expect(found.map((f) => [f.messageId, f.text, f.fix?.text]), heading).toEqual([['template', '上一年度', '2024年度']]);
      expect(found[0]!.message).toBe('标题中的「上一年度」是模板用语，此处指本报告年度，应写明年份「2024年度」');
      expect(applyFixes(report(heading), found)).toContain(heading.replace('上一年度', '2024年度'));
    }
  });

  it('in a rectification heading it is N-1, as before; in body text N-1', async () => {
    expect((await summary(report('三、上一年度存在问题整改情况'))).map((f) => [f[0], f[4]])).toEqual([['heading', '2023年度']]);
    const body = report('四、存在问题整改情况').replace('开展行政执法案卷评查320卷。', '针对上一年度报告指出的执法文书不规范问题，开展专项评查。');
    expect((await summary(body)).map((f) => [f[0], f[3], f[4]])).toEqual([['relative', '上一年度', '2023年度']]);
  });

  it('in Markdown', async () => {
    const md = '# 某区交通运输局2024年法治政府建设工作报告\n\n2024年，我局推进依法行政。\n\n## 一、上一年度推进法治政府建设的主要举措和成效\n\n全年查处案件1136宗。\n';
    expect((await summary(md, {}, 'draft.md')).map((f) => [f[0], f[1], f[3], f[4]])).toEqual([['template', 5, '上一年度', '2024年度']]);
  });
});

describe('habitual and general statements are not relative dates', () => {
  const text = (sentence: string) => `某区住房和建设局2024年度工作总结及2025年工作计划\n一、2024年工作总结\n${sentence}\n`;
  it('每年……上一年度, 每年度, 历年, 次年: silent', async () => {
    for (const s of [
      '按照区政府要求，各部门每年1月底前报送上一年度工作总结。',
      '按照省里要求，各乡镇每年3月底前报送上一年度法治政府建设情况。',
      '区局每年2月底前报送上一年度执法统计报表。',
      '规范性文件每年度清理一次，清理结果于次年第一季度公布，下一年度继续执行的予以保留。',
    ]) expect(await summary(text(s)), s).toEqual([]);
  });

  it('a dated event in the same words is reported (and a relative word beside the habit is too)', async () => {
    expect((await summary(text('各科室于2024年1月底前报送了上一年度工作总结。'))).map((f) => [f[3], f[4]])).toEqual([['上一年度', '2023年度']]);
    expect((await summary(text('区局每年2月底前报送上一年度执法统计报表，今年已按时报送。'))).map((f) => [f[3], f[4]])).toEqual([['今年', '2024年']]);
  });

  it('the fixed terms of the 政府信息公开 table: 上年结转, 本年度办理结果, 结转下年度', async () => {
    const xxgk = '某区人民政府2024年政府信息公开工作年度报告\n一、收到和处理政府信息公开申请情况\n全年共收到申请214件，上年结转8件。本年度办理结果中，予以公开96件，结转下年度继续办理12件。\n';
    expect(await summary(xxgk)).toEqual([]);
    expect((await summary(xxgk.replace('上年结转8件', '较上年增加8件'))).map((f) => f[3])).toEqual(['上年']);
  });
});

describe('截至目前, 至目前, 目前-anchored totals', () => {
  const report = (sentence: string) => `某县人民政府2024年法治政府建设年度报告\n一、主要举措和成效\n${sentence}\n二、2025年工作安排\n截至目前已部署的任务年内完成。\n`;
  it('reported with the report\'s cut-off date as the suggestion, no fix', async () => {
    for (const [s, word] of [
      ['截至目前，全县行政执法人员持证率达98.5%。', '截至目前'],
      ['截止目前，全局共办理行政处罚案件152件。', '截止目前'],
      ['至目前，仍有2个执法中队未配齐执法记录仪。', '至目前'],
      ['到目前为止，已建成法治文化阵地86个。', '到目前为止'],
      ['目前全县已累计建成法治文化阵地86个。', '目前'],
      ['目前全区共有人民调解员962名。', '目前'],
    ]) {
      const found = await runRule(rule, report(s!));
      expect(found.map((f) => [f.messageId, f.text, f.fix ?? null]), s).toEqual([['asOfNow', word, null]]);
      expect(found[0]!.message).toBe(`「${word}」在报告公开后指代不明，应写明截止时间，如「截至2024年12月底」`);
    }
  });

  it('silent on 目前 that is no total, on dated totals, in the plan, in quotes, and with asOfNow: false', async () => {
    for (const s of [
      '目前仍有部分乡镇合法性审核人员为兼职。',
      '截至2024年12月底，全县行政执法人员持证率达98.5%。',
      '印发《关于截至目前未完成整改事项的通报》。',
      '当前，行政执法规范化水平不断提升。',
    ]) expect(await summary(report(s)), s).toEqual([]);
    expect(await summary(report('截至目前，持证率达98.5%。'), { asOfNow: false })).toEqual([]);
  });

  it('no report year: the message has no date; in Markdown', async () => {
    const text = '现将有关情况报告如下：\n一、主要举措和成效\n截至目前，已建成法治文化阵地86个。\n二、存在的不足和原因\n一是力量不足，原因是人员少。\n三、下一步工作计划\n继续推进。\n';
    expect((await runRule(rule, text)).map((f) => [f.messageId, f.text])).toEqual([['asOfNowNoYear', '截至目前']]);
    const md = '# 某区交通运输局2024年法治政府建设工作报告\n\n## 一、主要举措和成效\n\n**截至目前**，全区共查处案件1136宗。\n';
    expect((await summary(md, {}, 'draft.md')).map((f) => [f[0], f[1], f[3]])).toEqual([['asOfNow', 5, '截至目前']]);
  });
});

describe('今年以来, 今年年初 when the year is unknown, and N from the body', () => {
  it('found without a fix when nothing says the year', async () => {
    const text = '现将有关情况报告如下：\n一、主要举措和成效\n今年以来，区司法局审查规范性文件23件。今年年初制定工作要点。\n二、存在的不足和原因\n一是力量不足，主要原因是人员少。\n三、下一步工作计划\n继续推进。\n';
    expect(await summary(text)).toEqual([
      ['relativeNoYear', 3, 1, '今年', null],
      ['relativeNoYear', 3, 21, '今年', null],
    ]);
  });

  it('with the year read from the body (2023年，……) the fix writes it', async () => {
    const text = '现将有关情况报告如下：\n一、主要举措和成效\n2023年，区司法局全面履行统筹协调职责。今年年初制定工作要点。\n二、存在的不足和原因\n一是力量不足，主要原因是人员少。\n三、下一步工作计划\n继续推进。\n';
    expect(await summary(text)).toEqual([['relative', 3, 22, '今年', '2023年']]);
  });
});

describe('not an annual report: silent by default', () => {
  it('a 政府工作报告 (今年……主要预期目标, 较上年增长, 截至目前), a speech, an audit report', async () => {
    const gwr = '2025年政府工作报告\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n一、2024年工作回顾\n地区生产总值较上年增长5.6%。截至目前，全县市场主体达4.3万户。\n二、2025年主要目标任务\n今年全县经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。\n';
    expect(await summary(gwr)).toEqual([]);
    expect(await summary(gwr, {}, 'draft.md')).toEqual([]);
    const speech = '在全区法治政府建设工作会议上的讲话\n同志们：\n今年是“十四五”规划收官之年。\n一、肯定成绩\n去年全区法治政府建设取得明显成效。\n';
    expect(await summary(speech)).toEqual([]);
    expect((await summary(gwr, { anyDocument: true })).length).toBeGreaterThan(0);
  });
});

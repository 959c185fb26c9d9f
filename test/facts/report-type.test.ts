/**
 * The report type (src/document/facts/report-type.ts): recognised from the title, the file name,
 * the opening, the part headings and the vocabulary; declared in the config; and what the content
 * rules do with it on real text (test/corpus/real/).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declareReportType, factsOf } from '../../src/document/facts/index.js';
import { loadMarkdownSupport, parseDocument } from '../../src/document/parse/index.js';
import { defaultConfig, explainReport, lintText } from '../../src/index.js';
import { cli, ROOT, tempDir } from '../cli-helpers.js';

const doc = (text: string, filename = 'r.txt') => parseDocument(text, { filename });
const typeOf = (text: string, filename = 'r.txt') => factsOf(doc(text, filename)).reportType;
const REAL = path.join(ROOT, 'test', 'corpus', 'real');
const real = (name: string) => readFileSync(path.join(REAL, name), 'utf8');
const G02 = real('02-guangming-2021-fazhi.txt');
const TITLE_02 = '深圳市光明区人民政府关于2021年法治政府建设工作情况的报告\n';
const config = await defaultConfig(ROOT);
const lint = async (text: string, filename = path.join(REAL, 'draft.txt')) =>
  (await lintText(text, { filename, config })).messages.map((m) => `${m.ruleId} ${m.line}`);

const ANNUAL_RULES = ['required-sections', 'previous-shortcomings', 'relative-time', 'date-validity', 'figure-relations'];

describe('the 法治 report without its title line (02, begins at 现将有关情况报告如下)', () => {
  it('is recognised, with and without the title line, and under a draft file name', () => {
    expect(typeOf(G02)).toBe('fazhi-annual-report');
    expect(typeOf(TITLE_02 + G02)).toBe('fazhi-annual-report');
    const named = factsOf(doc(G02, '/drafts/2021年法治政府建设情况报告（送审稿）.docx')).reportTypeDecision;
    expect(named.type).toBe('fazhi-annual-report');
    expect(named.evidence.find((e) => e.source === 'filename')).toMatchObject({ type: 'fazhi-annual-report', text: '2021年法治政府建设情况报告' });
  });

  it('says why: the opening, the parts, the 法治 headings; the year from the results heading', () => {
    const facts = factsOf(doc(G02));
    const d = facts.reportTypeDecision;
    expect(d.confidence).toBeGreaterThan(0.8);
    expect(d.evidence.map((e) => `${e.source} ${e.type}`)).toEqual(expect.arrayContaining([
      'opening annual-report', 'headings annual-report', 'vocabulary fazhi-annual-report',
    ]));
    expect(d.evidence.find((e) => e.text === '二、存在问题')?.reason.zh).toBe('存在的不足（问题）部分');
    expect(facts.reportYear).toMatchObject({ year: 2021, source: 'heading' });
  });

  it('gets the same content findings with and without the title line: causes missing, 2020 not addressed', async () => {
    const without = await lint(G02);
    const withTitle = (await lint(TITLE_02 + G02)).map((f) => f.replace(/ (\d+)$/, (_, n) => ` ${Number(n) - 1}`));
    for (const found of [without, withTitle]) {
      expect(found).toContain('required-sections 17');
      expect(found.filter((f) => f.startsWith('previous-shortcomings'))).toHaveLength(1);
      expect(found).toContain('relative-time 14');
    }
    expect(withTitle.filter((f) => !f.startsWith('previous-shortcomings'))).toEqual(without.filter((f) => !f.startsWith('previous-shortcomings')));
  });
});

describe('the eleven 政府工作报告', () => {
  const reports = readdirSync(REAL).filter((f) => f.endsWith('.txt') && !f.startsWith('02-'));
  it('are eleven, each a government-work-report', () => {
    expect(reports).toHaveLength(11);
    for (const f of reports) expect(typeOf(real(f)), f).toBe('government-work-report');
  });

  it('get none of the annual-report rules (今年……主要预期目标, 较上年增长 are their conventions)', async () => {
    for (const f of reports) {
      const found = await lint(real(f), path.join(REAL, f));
      expect(found.filter((x) => ANNUAL_RULES.includes(x.split(' ')[0]!)), f).toEqual([]);
    }
  });
});

describe('the title: one report under many names, decided by what the title says as a whole', () => {
  const body = '\n一、主要工作情况\n开展工作。\n二、存在的问题\n一是力量不足，主要原因是人员少。\n三、下一步工作计划\n继续推进。\n';
  it('法治 reports', () => {
    for (const title of [
      '某区人民政府关于2024年法治建设情况报告',
      '某县人民政府关于2024年法治工作情况暨2025年工作要点的报告',
      '某市交通运输局2024年法治政府建设工作报告',
      '某区司法局2024年度依法行政工作情况的报告',
    ]) expect(typeOf(title + body), title).toBe('fazhi-annual-report');
  });

  it('a departmental 年度工作总结及……年工作计划 (no 报告 in the title) is an annual report, not the 法治 report', () => {
    expect(typeOf('某区住房和建设局2024年度工作总结及2025年工作计划' + body)).toBe('annual-report');
    expect(typeOf('某街道办事处2024年法治建设工作总结' + body)).toBe('annual-report');
  });

  it('other kinds: speeches, audit reports, plans; the 政府信息公开 annual report is another annual report', () => {
    expect(typeOf('在全区法治政府建设工作会议上的讲话\n同志们：\n今年是关键之年。\n一、肯定成绩\n去年法治政府建设取得成效。')).toBe('other');
    expect(typeOf('关于2024年度区级预算执行和其他财政收支的审计工作报告\n区人大常委会：\n现将审计情况报告如下。\n一、区级财政管理审计情况\n预算编制不够细化。')).toBe('other');
    expect(typeOf('某镇人民政府2025年法治建设工作要点\n一、加强组织领导\n镇党委专题研究法治建设工作。')).toBe('other');
    expect(typeOf('某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息8426条。')).toBe('annual-report');
  });

  it('a 政府工作报告 by its title, or by its opening when the title is missing', () => {
    expect(typeOf('2026年政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n一、2025年工作回顾\n经济稳定增长。')).toBe('government-work-report');
    expect(typeOf('各位代表：\n现在，我代表区人民政府向大会作工作报告，请予审议。\n一、2024年工作回顾\n经济稳定增长。\n二、2025年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长5%左右。')).toBe('government-work-report');
  });
});

describe('a part is there when the draft has it, not when it quotes a document named after it', () => {
  const draft = (extra: string) => `某县人民政府2024年法治政府建设年度报告\n2024年，县政府认真贯彻落实《党政主要负责人履行推进法治建设第一责任人职责规定》，扎实推进法治政府建设。\n一、主要举措和成效\n开展工作。${extra}\n二、存在的不足和原因\n一是力量不足，主要原因是人员少。\n三、2025年工作安排\n继续推进。\n`;
  it('the regulation quoted in the opening is not the 第一责任人 part', async () => {
    expect(factsOf(doc(draft(''))).parts.found('leaders-duty')).toBeNull();
    expect((await lint(draft(''))).filter((f) => f.startsWith('required-sections'))).toEqual(['required-sections 1']);
  });

  it('the draft saying it in its own words is', async () => {
    const own = draft('县长切实履行推进法治建设第一责任人职责，带头年终述法。');
    expect(factsOf(doc(own)).parts.found('leaders-duty')?.passage).not.toBeNull();
    expect((await lint(own)).filter((f) => f.startsWith('required-sections'))).toEqual([]);
  });
});

describe('words inside a title in 《》 are not the draft\'s own words', () => {
  const evidence = (text: string) => factsOf(doc(text)).reportTypeDecision.evidence;
  const QUOTED = '认真学习《党政主要负责人履行推进法治建设第一责任人职责规定》，开展工作。';

  it('第一责任人 only in a quoted title is no evidence; after the title, in the same paragraph, it is', () => {
    const quoted = `某局工作总结\n一、工作情况\n${QUOTED}\n`;
    expect(evidence(quoted).filter((e) => e.text === '第一责任人')).toEqual([]);
    const own = `某局工作总结\n一、工作情况\n${QUOTED}局长履行第一责任人职责。\n`;
    const found = evidence(own).filter((e) => e.text === '第一责任人');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ type: 'fazhi-annual-report', start: own.indexOf('局长履行') + 4 });
  });

  it('a heading counts as about 法治 by its own words, not by a law it names', () => {
    const topical = (heading: string) => evidence(`某局工作总结\n一、${heading}\n开展工作。\n`).filter((e) => e.source === 'vocabulary' && e.type === 'fazhi-annual-report' && /标题/.test(e.reason.zh));
    expect(topical('学习《中华人民共和国行政复议法》')).toEqual([]);
    expect(topical('《行政复议法》学习和行政复议工作')).toHaveLength(1);
  });

  it('the density of 法治 words leaves quoted titles out', () => {
    const body = '开展工作，完成任务，取得成效。'.repeat(20);
    const density = (p: string) => evidence(`某局工作总结\n一、工作情况\n${body}${p}\n`).find((e) => /每千字/.test(e.reason.zh))?.text ?? null;
    const own = '依法行政'.repeat(3);
    expect(density(own)).toBe(`3/${(body + own).length}`);
    const quoted = `《${own}》`;
    expect(density(quoted)).toBeNull();
  });
});

describe('the type named in the config (reportType)', () => {
  it('is taken as it is, with confidence 1', () => {
    const d = doc('一、主要工作\n开展工作。');
    declareReportType(d, 'fazhi-annual-report');
    expect(factsOf(d).reportTypeDecision).toMatchObject({ type: 'fazhi-annual-report', confidence: 1, declared: true });
  });

  it('turns the content rules on for a draft with nothing to go on, and off for one that looks like a report', async () => {
    const text = '一、主要工作\n今年开展检查20次。\n二、存在的问题\n力量不足。\n';
    const on = { ...config, reportType: 'fazhi-annual-report' };
    const found = (await lintText(text, { filename: 'x.txt', config: on })).messages.map((m) => m.ruleId);
    expect(found).toEqual(expect.arrayContaining(['required-sections', 'relative-time']));
    const off = { ...config, reportType: 'other' };
    expect((await lintText(TITLE_02 + G02, { filename: 'x.txt', config: off })).messages.filter((m) => ANNUAL_RULES.includes(m.ruleId))).toEqual([]);
  });

  it('is validated by the config schema and shown by --print-config and --explain-report', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.reportlintrc.json'), JSON.stringify({ reportType: 'fazhi-annual-report' }));
    writeFileSync(path.join(dir, 'a.txt'), '一、主要工作\n开展工作。\n');
    expect(JSON.parse((await cli(['--print-config', 'a.txt'], { cwd: dir })).stdout).reportType).toBe('fazhi-annual-report');
    const shown = (await cli(['--explain-report', 'a.txt'], { cwd: dir }));
    expect(shown.status).toBe(0);
    expect(shown.stdout).toContain('fazhi-annual-report（法治政府建设年度报告），由配置 reportType 指定');
    writeFileSync(path.join(dir, '.reportlintrc.json'), JSON.stringify({ reportType: 'Fazhi Report' }));
    const bad = (await cli(['a.txt'], { cwd: dir }));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('reportType');
  });
});

describe('--explain-report', () => {
  it('type, confidence, year N and the evidence, in Chinese, English and JSON', async () => {
    const file = 'test/corpus/real/02-guangming-2021-fazhi.txt';
    const zh = (await cli(['--explain-report', file])).stdout;
    expect(zh).toContain('类型: fazhi-annual-report（法治政府建设年度报告），把握程度');
    expect(zh).toContain('报告年度 N: 2021（小标题 2:5「2021年」）');
    expect(zh).toContain('小标题 17:3 「二、存在问题」 存在的不足（问题）部分');
    const en = (await cli(['--explain-report', 'test/corpus/real/22-yunnan-2026.txt', '--locale', 'en'])).stdout;
    expect(en).toContain('type: government-work-report (government work report), confidence');
    expect(en).toContain('rules about any annual report (relative-time, date-validity\'s annual checks): do not run');
    const json = JSON.parse((await cli(['--explain-report', file, '--format', 'json'])).stdout);
    expect(json).toMatchObject({ file, type: 'fazhi-annual-report', annualReport: true, year: { year: 2021, source: 'heading', line: 2 } });
  });

  it('the library: explainReport', async () => {
    const x = await explainReport(G02, { filename: 'a.txt', config });
    expect(x).toMatchObject({ type: 'fazhi-annual-report', declared: false, annualReport: true, year: { year: 2021 } });
  });
});

describe('Markdown', () => {
  it('a 法治 report and a 政府工作报告 in Markdown', async () => {
    await loadMarkdownSupport();
    expect(typeOf('# 某区交通运输局2024年法治政府建设工作报告\n\n现将有关情况报告如下：\n\n## 一、主要举措和成效\n\n开展工作。\n', 'a.md')).toBe('fazhi-annual-report');
    const untitled = [
      '现将有关情况报告如下：', '## 一、2021年主要工作情况', '### （一）深入推进严格规范公正文明执法',
      '全面推行行政执法公示、执法全过程记录、重大执法决定法制审核制度，组织开展行政执法案卷评查，评查案卷320卷，发现并督促整改问题46个。推行包容审慎监管，对轻微违法行为依法不予处罚128宗。',
      '### （二）完善行政权力制约监督机制',
      '自觉接受人大法律监督和政协民主监督。全年办理行政复议案件58件，纠错9件；行政诉讼案件41件，行政机关负责人出庭应诉41件，应诉率100%。',
      '## 二、存在问题', '一是法治政府建设推进力度不够均衡；二是基层行政执法人员法治素养有待提升。',
      '## 三、下一步工作计划', '持续推进严格规范公正文明执法，深化行政复议体制改革，加强行政执法人员法治培训。',
    ].join('\n\n');
    expect(typeOf(untitled, 'a.md')).toBe('fazhi-annual-report');
    expect(typeOf('# 政府工作报告\n\n各位代表：\n\n现在，我代表县人民政府，向大会报告工作，请予审议。\n\n## 一、2024年工作回顾\n\n经济稳定增长。\n', 'a.md')).toBe('government-work-report');
  });
});

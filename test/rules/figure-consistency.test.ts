import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule, { isRoundNumeral, type Options } from '../../src/rules/figure-consistency/index.js';
import { runRule } from '../helpers.js';
import { ROOT } from '../cli-helpers.js';

const seed = (name: string) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
const S2024 = seed('000_123d78033956bda4.txt');
const S2025 = seed('003_fdb2e5dd79f7ab48.txt');
const S2025MD = seed('003_fdb2e5dd79f7ab48.md');

/** A small 2025 report around some body text (the body is line 4). */
const report = (body: string, year = 2025) =>
  `某区卫生健康局${year}年法治政府建设年度报告\n${year}年，我局坚持以习近平法治思想为指导，现将有关情况报告如下：\n一、${year}年法治政府建设主要举措和成效\n${body}\n二、存在问题和不足\n一是执法力量不足。\n三、${year + 1}年工作安排\n一是加强执法队伍建设。\n`;

const run = (text: string, options: Partial<Options> = {}, previous: string | null = null) =>
  runRule(rule, text, options, 'draft.txt', previous);
const ids = async (text: string, options: Partial<Options> = {}, previous: string | null = null) =>
  (await run(text, options, previous)).map((f) => f.messageId);

describe('figure-consistency on the seeds', () => {
  it('both seeds are consistent: no findings', async () => {
    expect(await run(S2024)).toEqual([]);
    expect(await run(S2025)).toEqual([]);
    expect(await runRule(rule, S2025MD, {}, 'draft.md')).toEqual([]);
  });

  it('the seeds as each other\'s previous report: no findings', async () => {
    expect(await run(S2025, {}, S2024)).toEqual([]);
    expect(await run(S2024, {}, S2025)).toEqual([]);
  });
});

describe('parts against a stated whole', () => {
  // seed 000 line 17: 2024年已印发监督提醒函12份、履行主体责任提示函19份、工作提示函3份
  it('parts adding up to more than the whole (共…其中…)', async () => {
    const found = await run(report('2025年共印发“三函”30份，其中监督提醒函12份、履行主体责任提示函19份、工作提示函3份。'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'partsExceedWhole', line: 4, text: '12份、履行主体责任提示函19份、工作提示函3份' });
    expect(found[0]!.message).toBe('各部分之和34份大于总数「30份」');
  });

  it('parts within the whole pass; 其中 need not list all of it', async () => {
    expect(await run(report('2025年共印发“三函”34份，其中监督提醒函12份、履行主体责任提示函19份、工作提示函3份。'))).toEqual([]);
    expect(await run(report('2025年共印发“三函”40份，其中监督提醒函12份、履行主体责任提示函19份。'))).toEqual([]);
  });

  it('one part above the whole', async () => {
    // seed 003 line 11: 作出行政处罚9宗
    const found = await run(report('开展“代孕”、“两非”广告专项治理行动，共作出行政处罚9宗，其中涉及医疗美容12宗。'));
    expect(found.map((f) => [f.messageId, f.text])).toEqual([['partExceedsWhole', '12宗']]);
  });

  it('分别为: the parts must add up to the whole', async () => {
    // seed 000 line 12: 医美小组共作出处罚决定50宗
    const bad = await run(report('医美小组共作出处罚决定50宗，分别为无证行医22宗、超范围执业17宗、使用非卫生技术人员9宗。'));
    expect(bad.map((f) => f.messageId)).toEqual(['partsDoNotAddUp']);
    expect(bad[0]!.message).toBe('分别列出的各部分之和48宗与总数「50宗」不符');
    expect(await run(report('医美小组共作出处罚决定50宗，分别为无证行医22宗、超范围执业17宗、使用非卫生技术人员11宗。'))).toEqual([]);
    // a list left open (等, 其他) is not all of it
    expect(await run(report('医美小组共作出处罚决定50宗，分别为无证行医22宗、超范围执业17宗等。'))).toEqual([]);
  });

  it('a share (占/占比) after a part is recomputed', async () => {
    const text = (p: string) => report(`全年共收到政府信息公开申请45件，其中当面申请30件，占66.7%；网上申请15件，占比${p}。`);
    expect(await run(text('33.3%'))).toEqual([]);
    const found = await run(text('40%'));
    expect(found.map((f) => [f.messageId, f.text])).toEqual([['shareMismatch', '40%']]);
    expect(found[0]!.message).toBe('占比「40%」与数字不符：15件÷45件=33.33%');
  });

  it('a short clause after a comma continues the list; a sibling total does not', async () => {
    expect(await ids(report('全年共办理行政复议案件126件，其中维持80件、撤销20件、确认违法6件、驳回15件，调解结案10件。'))).toEqual(['partsExceedWhole']);
    // 行政诉讼案件 is another total, not a part of the 行政复议 cases
    expect(await run(report('全年共办理行政复议案件45件，其中维持30件、撤销5件，行政诉讼案件16件。'))).toEqual([]);
  });

  it('其中 after a sentence with two counts: a part is wrong only against both', async () => {
    expect(await run(report('全年共立案查处违法案件215件，结案203件，结案率94.4%。其中，非法占用耕地案件128件、非法采矿案件37件、违法建设案件50件。'))).toEqual([]);
    expect(await ids(report('全年共立案查处违法案件215件，结案203件，结案率94.4%。其中，非法占用耕地案件128件、非法采矿案件47件、违法建设案件50件。'))).toEqual(['partsExceedWhole']);
  });

  it('sub-parts in brackets are not parts of the whole', async () => {
    expect(await run(report('共查处案件30件，其中一般程序案件20件（含听证案件5件）、简易程序案件10件。'))).toEqual([]);
  });
});

describe('the same quantity stated twice', () => {
  // seed 000 line 3: 全年召开局党组会44次
  it('a second statement with another value is reported, citing the first', async () => {
    const found = await run(report('全年召开局党组会44次，均严格落实“第一议题”学习。\n全年召开局党组会45次，研究法治建设工作。'));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ messageId: 'statedTwice', line: 5, text: '45次' });
    expect(found[0]!.message).toBe('同一数字前后不一致：「召开局党组会」此处为45次，第4行为44次');
  });

  it('the opening and the body disagree', async () => {
    const text = `某区司法局2025年法治政府建设年度报告\n2025年，我局全年共办理行政复议案件126件。现将有关情况报告如下：\n一、主要举措和成效\n办理行政复议案件128件，均在法定期限内办结。\n`;
    const found = await run(text);
    expect(found.map((f) => [f.messageId, f.line, f.text])).toEqual([['statedTwice', 4, '128件']]);
  });

  it('the same value twice, other years, the plan and the shortcomings pass', async () => {
    expect(await run(report('全年召开局党组会44次，均严格落实“第一议题”学习。\n全年召开局党组会44次，研究法治建设工作。'))).toEqual([]);
    // another year's figure
    expect(await run(report('全年共办理行政复议案件126件。2024年共办理行政复议案件98件。'))).toEqual([]);
    // the plan section (line 8) and the shortcomings (line 6)
    const text = report('全年共办理行政复议案件126件。')
      .replace('一是执法力量不足。', '一是案件增长快，全年共办理行政复议案件98件。')
      .replace('一是加强执法队伍建设。', '一是力争全年共办理行政复议案件150件。');
    expect(await run(text)).toEqual([]);
  });

  it('different scopes pass: approximate, parts, changes, areas, activities without 全年', async () => {
    for (const body of [
      '全年共发放党纪学习教育材料1500余本。\n全年共发放党纪学习教育材料1486本。',
      '全年共办理行政复议案件126件，其中维持80件。\n全年共办理行政应诉案件58件，其中维持30件。',
      '全年共办理行政复议案件126件，较上年增加28件。\n全年共办理行政诉讼案件58件，较上年增加12件。',
      '我局全年共办理行政复议案件126件。\n全市全年共办理行政复议案件1250件。',
      '对医疗机构开展专题培训6次。\n对执法人员开展专题培训4次。',
      '组织执法人员培训6期。\n配合市局组织执法人员培训2期。',
      '2名执法员与疾控同事组队参加技能竞赛。\n2名执法人员获得荣誉称号，3名执法人员获得表彰。',
    ]) {
      expect(await run(report(body)), body).toEqual([]);
    }
  });
});

describe('rates and shares above 100%', () => {
  it('a rate or share above 100% is reported', async () => {
    // seed 003 line 6: 组织全体公务员开展线上学法考试,优秀率100%
    const found = await run(report('组织全体公务员开展线上学法考试,优秀率102%。涉企案件占比105%。'));
    expect(found.map((f) => [f.messageId, f.text])).toEqual([['shareOver100', '102%'], ['shareOver100', '105%']]);
  });

  it('100%, changes and rates that may exceed 100% pass', async () => {
    expect(await run(report('组织全体公务员开展线上学法考试,优秀率100%。'))).toEqual([]);
    expect(await run(report('网上办件量增长150%，执法检查次数提高120%，年度任务完成率112%，病床使用率105%。'))).toEqual([]);
  });
});

describe('a rate against the counts it is made of', () => {
  it('受理380件,办结372件,办结率99%: the counts give 97.9%', async () => {
    const found = await run(report('受理行政复议申请380件,办结372件,办结率99%。'));
    expect(found.map((f) => [f.messageId, f.text])).toEqual([['rateMismatch', '99%']]);
    expect(found[0]!.message).toBe('「办结率99%」与文中数字不符：372件÷380件=97.89%');
    expect(await run(report('受理行政复议申请380件,办结372件,办结率97.9%。'))).toEqual([]);
    // rounding to the digits written, plus the tolerance of 0.1 point
    expect(await run(report('受理行政复议申请380件,办结372件,办结率98%。'))).toEqual([]);
  });

  it('出庭应诉率 from the seed\'s 行政诉讼案件16宗 and 出庭应诉3宗', async () => {
    const base = '高效应对行政复议案件19宗,行政诉讼案件16宗,行政机关负责人出庭应诉3宗';
    expect(await ids(report(`${base},出庭应诉率25%。`))).toEqual(['rateMismatch']);
    expect(await run(report(`${base},出庭应诉率18.8%。`))).toEqual([]);
  });

  it('unclear counts are left alone', async () => {
    // two denominators of the same rank: which one?
    expect(await run(report('受理行政复议申请42件，受理行政诉讼案件16件，办结40件，办结率100%。'))).toEqual([]);
    // a breakdown after 其中 is not the numerator
    expect(await run(report('共评查案卷80卷，其中优秀案卷24卷、合格案卷53卷、不合格案卷3卷，合格率96.3%。'))).toEqual([]);
    // no table entry for this rate
    expect(await run(report('开展听证32次，办理案件326件，听证率50%。'))).toEqual([]);
  });

  it('the tolerance and more rates come from the options', async () => {
    const text = report('受理行政复议申请380件,办结372件,办结率98.5%。');
    expect(await ids(text)).toEqual(['rateMismatch']);
    expect(await run(text, { tolerance: 1 })).toEqual([]);
    const heard = report('受理行政复议案件326件，开展听证32次，听证案件32件，听证率50%。');
    expect(await run(heard)).toEqual([]);
    expect(await ids(heard, { rates: [{ name: '听证率', numerator: ['听证案件'], denominator: ['受理'] }] })).toEqual(['rateMismatch']);
  });
});

describe('changes against last year\'s report (--previous)', () => {
  const previous = report('全年共办理行政复议案件15宗，行政诉讼案件12宗。2024年共计移送案件线索27条，发出协助调查函42份。罚没款共计150万元。办结率95.5%。', 2024);

  it('claims that match last year pass', async () => {
    const text = report('办理行政复议案件19宗，同比增长26.7%；行政诉讼案件16宗，较上年增加4宗。移送案件线索30条，比2024年增加3条。罚没款共计178.4万元，同比增长18.9%。办结率98%，较上年提高2.5个百分点。');
    expect(await run(text, {}, previous)).toEqual([]);
  });

  it('claims that do not match are reported at the claimed change', async () => {
    const text = report('办理行政复议案件19宗，同比增长20%。发出协助调查函40份，较上年减少5份。办结率98%，较上年提高3.5个百分点。');
    const found = await run(text, {}, previous);
    expect(found.map((f) => [f.messageId, f.text])).toEqual([
      ['changeMismatch', '20%'],
      ['changeMismatch', '5份'],
      ['changeMismatch', '3.5个百分点'],
    ]);
    expect(found[0]!.message).toBe('与上年报告不符：上年「行政复议案件」为15宗（上年报告第4行），本年为19宗，实际+26.7%，文中为「同比增长20%」');
  });

  it('without last year\'s report, or without the figure in it, nothing is said', async () => {
    const text = report('办理行政复议案件19宗，同比增长20%。开展执法检查320次，较上年增加50次。');
    expect(await run(text)).toEqual([]);
    expect((await run(text, {}, previous)).map((f) => f.text)).toEqual(['20%']);
  });

  it('a comparison with another year than last year is not checked', async () => {
    expect(await run(report('办理行政复议案件19宗，比2020年增长90%。'), {}, previous)).toEqual([]);
  });
});

describe('余/多 after an exact, non-round number', () => {
  it('39余件 and 1,237多人 are warnings', async () => {
    const found = await run(report('办理群众来信来访39余件，接待群众1,237多人次，发放材料三十五余份。'));
    expect(found.map((f) => [f.messageId, f.text, f.level])).toEqual([
      ['approximateNonRound', '39余件', 'warn'],
      ['approximateNonRound', '1,237多人次', 'warn'],
      ['approximateNonRound', '三十五余份', 'warn'],
    ]);
    expect(found[0]!.message).toBe('「39余件」：精确的非整数后不宜加「余」，写确数（39件）或整数概数（如30余件）');
  });

  it('round numbers pass (1500余本, 200余间次, 30多次, 二十余次, 5万余元)', async () => {
    // seed 000 line 3 and seed 003 line 12
    expect(await run(report('发放党纪学习教育材料1500余本，扫码入企检查200余间次，开展宣讲30多次、培训二十余次，涉案金额5万余元，推进矛盾纠纷多元化解。'))).toEqual([]);
  });

  it('what is round', () => {
    expect(isRoundNumeral('1500', 1500)).toBe(true);
    expect(isRoundNumeral('10', 10)).toBe(true);
    expect(isRoundNumeral('5万', 50000)).toBe(true);
    expect(isRoundNumeral('1.2万', 12000)).toBe(true);
    expect(isRoundNumeral('56.78万', 567800)).toBe(false);
    expect(isRoundNumeral('39', 39)).toBe(false);
    expect(isRoundNumeral('1,237', 1237)).toBe(false);
    expect(isRoundNumeral('5', 5)).toBe(false);
    expect(isRoundNumeral('3.5', 3.5)).toBe(false);
    expect(isRoundNumeral('三十五', 35)).toBe(false);
    expect(isRoundNumeral('二十', 20)).toBe(true);
  });
});

describe('options', () => {
  it('checks can be turned off one by one', async () => {
    const text = report('受理行政复议申请380件,办结372件,办结率99%。办理群众来信来访39余件。优秀率102%。');
    expect((await ids(text)).sort()).toEqual(['approximateNonRound', 'rateMismatch', 'shareOver100']);
    expect(await ids(text, { checks: { rateFromCounts: false } })).not.toContain('rateMismatch');
    expect(await ids(text, { checks: { approximateNonRound: false } })).not.toContain('approximateNonRound');
    expect(await ids(text, { checks: { shareOver100: false } })).not.toContain('shareOver100');
  });

  it('Markdown: positions are in the source', async () => {
    const md = '# 某区司法局2025年法治政府建设年度报告\n\n## 一、主要举措和成效\n\n全年共办理**行政复议案件**126件，其中维持80件、撤销50件。\n';
    const found = await runRule(rule, md, {}, 'draft.md');
    expect(found.map((f) => [f.messageId, f.line, f.text])).toEqual([['partsExceedWhole', 5, '80件、撤销50件']]);
  });
});

/** A 政府工作报告: the year's results under one heading, next year's targets under another. */
const gwh = (results: string, targets: string) =>
  `各位代表：\n现在，我代表区人民政府向大会作政府工作报告，请予审议。\n一、2016年工作回顾\n${results}\n二、2017年主要工作\n${targets}\n`;

describe('the same quantity: years, subjects and prefixes', () => {
  it('last year\'s result and this year\'s target under headings naming different years pass', async () => {
    expect(await run(gwh('治水提质全面提速，全年新增污水管网1033公里，完成整治河道12条。', '扎实开展治水提质，全年新增污水管网1500公里，完成整治河道20条。'))).toEqual([]);
    // the same under 过去一年 / 今年
    const text = '一、过去一年工作回顾\n全年新建学校12所，新增学位1.5万个。\n二、今年工作安排和重点任务\n全年新建学校15所。\n';
    expect(await run(text)).toEqual([]);
  });

  it('two values under the same year\'s heading are still found', async () => {
    const found = await run(gwh('全年新建中小学校12所，新增学位8000个。\n民生实事全面完成，全年新建中小学校15所。', '继续加大教育投入。'));
    expect(found.map((f) => [f.messageId, f.line, f.text])).toEqual([['statedTwice', 5, '15所']]);
  });

  it('different subjects with the same words, and places in a ranking, pass', async () => {
    expect(await run(report('全区地区生产总值增速居全省前3位。\n工业经济稳步回升，工业投资增速居全省前5位。'))).toEqual([]);
    expect(await run(report('全市综合考评排名前3名。\n全年综合考评排名前5名。'))).toEqual([]);
  });

  it('全年, 共, 累计 in the year and a synonymous verb do not make another quantity', async () => {
    for (const second of ['全年共办理行政复议案件21宗。', '全年累计办理行政复议案件21宗。', '2025年累计办理行政复议案件21宗。', '全年共处理行政复议案件21宗。']) {
      const found = await run(report(`依法办理行政复议案件19宗，办结17宗。\n${second}`));
      expect(found.map((f) => [f.messageId, f.text]), second).toEqual([['statedTwice', '21宗']]);
    }
    const found = await run(report('高效应对行政复议案件19宗，行政诉讼案件16宗。\n全年共办理行政复议案件21宗。'));
    expect(found.map((f) => f.message)).toEqual(['同一数字前后不一致：「办理行政复议案件」此处为21宗，第4行为19宗']);
  });

  it('a running total over years (累计 without the year, 以来) is not the year\'s figure', async () => {
    expect(await run(report('全年共办理行政复议案件19宗。\n2018年以来累计办理行政复议案件210宗。'))).toEqual([]);
    expect(await run(report('全年共办理行政复议案件19宗。\n累计办理行政复议案件86宗。'))).toEqual([]);
    expect(await run(report('受理并办理行政复议案件19宗。\n全年共受理行政复议案件21宗。'))).toEqual([]);
  });
});

describe('parts in brackets after their whole', () => {
  it('parts that split the whole must add up to it', async () => {
    const found = await run(report('全年共实施重点建设项目85个（新建项目60个、续建项目24个），完成投资126亿元。'));
    expect(found.map((f) => [f.messageId, f.text])).toEqual([['partsInBracketsDoNotAddUp', '60个、续建项目24个']]);
    expect(found[0]!.message).toBe('括号内列出的各部分之和84个与前面的总数「85个」不符');
    for (const body of [
      '组织执法人员培训300人次（线上200人次、线下120人次）。',
      '全区共有中小学校32所（公办学校20所、民办学校10所）。',
      '全年办理行政处罚案件45件（其中简易程序30件、普通程序12件）。',
    ]) expect((await run(report(body))).length, body).toBe(1);
    // a part above the whole, whatever the parts are
    expect(await ids(report('培育规上企业120家（其中高新技术企业130家）。'))).toEqual(['partExceedsWhole']);
  });

  it('parts that add up, may overlap, or leave the list open pass', async () => {
    for (const body of [
      '全年共实施重点建设项目85个（新建项目61个、续建项目24个）。',
      '全区建成公园18个（市级公园5个、区级公园9个、社区公园4个）。',
      '培育规上企业120家（高新技术企业80家、专精特新企业60家）。',
      '新增就业岗位1200个（同比增长12%）。',
      '全年办理行政处罚案件45件（其中简易程序30件）。',
      '引进项目42个（主要为新建项目30个、续建项目10个等）。',
      '完成老旧小区改造56个（涉及居民1.2万户）。',
    ]) expect(await run(report(body)), body).toEqual([]);
  });
});

describe('two approximations on one figure', () => {
  it('约…余, 大约…左右, 近…多, 超过…以上 are reported (warning)', async () => {
    const found = await run(report('服务群众约3000余人。大约50人左右参加培训。近100多家企业参与，超过90%以上的企业表示满意。'));
    expect(found.map((f) => [f.messageId, f.text, f.level])).toEqual([
      ['approximateTwice', '约3000余人', 'warn'],
      ['approximateTwice', '大约50人左右', 'warn'],
      ['approximateTwice', '近100多家', 'warn'],
      ['approximateTwice', '超过90%以上', 'warn'],
    ]);
    expect(found[0]!.message).toBe('「约3000余人」：「约」与「余」都表示概数，重复使用，只保留其一');
  });

  it('one approximation each passes', async () => {
    expect(await run(report('服务群众约3000人，培训3000余人次，近100家企业参与，90%以上的企业表示满意，历时三四个月左右，覆盖率达95%以上。'))).toEqual([]);
  });

  it('余 after a figure with two decimals of 万 (56.78万余元) is not round; 1.2万余人 is', async () => {
    const found = await run(report('拨付救助资金56.78万余元，惠及群众1.2万余人，发放补贴5万余元。'));
    expect(found.map((f) => [f.messageId, f.text])).toEqual([['approximateNonRound', '56.78万余元']]);
    expect(found[0]!.message).toBe('「56.78万余元」：精确的非整数后不宜加「余」，写确数（56.78万元）或整数概数（如56万余元）');
  });

  it('can be turned off', async () => {
    expect(await run(report('服务群众约3000余人。'), { checks: { approximateTwice: false } })).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule, { type Options } from '../../src/rules/number-usage.js';
import { toChineseNumber } from '../../src/document/parse/chinese-numerals.js';
import type { Rule } from '../../src/rule.js';
import { ROOT } from '../cli-helpers.js';
import { applyFixes, runRule } from '../helpers.js';

const r = rule as unknown as Rule<Options>;
const seed = (name: string) => readFileSync(path.join(ROOT, 'seeds', name), 'utf8');
const run = (text: string, options: Partial<Options> = {}, filename = 'draft.txt') => runRule(r, text, options, filename);
/** a one-paragraph draft under a heading */
const draft = (sentence: string) => `一、总体情况\n${sentence}\n`;

async function fixedOnce(text: string, options: Partial<Options> = {}, filename = 'draft.txt'): Promise<string> {
  return applyFixes(text, await run(text, options, filename));
}

describe('number-usage on the seeds', () => {
  it('is silent on both seeds, plain and Markdown', async () => {
    expect(await run(seed('000_123d78033956bda4.txt'))).toEqual([]);
    expect(await run(seed('003_fdb2e5dd79f7ab48.txt'))).toEqual([]);
    expect(await run(seed('003_fdb2e5dd79f7ab48.md'), {}, 'seed.md')).toEqual([]);
  });

  it('is silent on the seeds with every option at its strictest except the thousands style', async () => {
    const strict: Partial<Options> = { rangeUnits: 'always', approximateNonRound: true };
    expect(await run(seed('000_123d78033956bda4.txt'), strict)).toEqual([]);
    expect(await run(seed('003_fdb2e5dd79f7ab48.txt'), strict)).toEqual([]);
  });
});

describe('fixed expressions take Chinese numerals', () => {
  const cases: Array<[string, string]> = [
    ['深入学习贯彻党的20大精神。', '深入学习贯彻党的二十大精神。'],
    ['认真学习党的第20次全国代表大会报告。', '认真学习党的第二十次全国代表大会报告。'],
    ['全面贯彻党的二十届3中全会精神。', '全面贯彻党的二十届三中全会精神。'],
    ['深入学习20届3中全会精神。', '深入学习二十届三中全会精神。'],
    ['贯彻落实20届四中全会部署。', '贯彻落实二十届四中全会部署。'],
    ['传达学习十四届全国人大3次会议精神。', '传达学习十四届全国人大三次会议精神。'],
    ['区委14届9次全体会议审议通过。', '区委十四届九次全体会议审议通过。'],
    ['科学编制“15五”卫生健康规划。', '科学编制“十五五”卫生健康规划。'],
    ['这是14五规划的收官之年。', '这是十四五规划的收官之年。'],
    ['全面完成“8五”普法规划各项任务。', '全面完成“八五”普法规划各项任务。'],
    ['谋划9五普法工作。', '谋划九五普法工作。'],
    ['履行推进法治建设第1责任人职责。', '履行推进法治建设第一责任人职责。'],
    ['严格落实“第1议题”制度。', '严格落实“第一议题”制度。'],
    ['增强“4个意识”、坚定“4个自信”、做到“2个维护”。', '增强“四个意识”、坚定“四个自信”、做到“两个维护”。'],
    ['严格落实行政执法3项制度。', '严格落实行政执法三项制度。'],
    ['支部利用3会1课学习。', '支部利用三会一课学习。'],
    ['严格执行“3重1大”决策制度。', '严格执行“三重一大”决策制度。'],
    ['压实“1岗双责”。', '压实“一岗双责”。'],
    ['推动“1网通办”。', '推动“一网通办”。'],
  ];
  it.each(cases)('%s', async (wrong, right) => {
    const found = await run(draft(wrong));
    expect(found.length, JSON.stringify(found.map((f) => f.message))).toBeGreaterThan(0);
    expect(found.every((f) => f.messageId === 'fixedName' && f.level === undefined)).toBe(true);
    const fixed = await fixedOnce(draft(wrong));
    expect(fixed).toBe(draft(right));
    // idempotent: the fixed text is clean
    expect(await run(fixed)).toEqual([]);
  });

  it('names the expression and its correct form', async () => {
    const [f] = await run(draft('深入学习贯彻党的20大精神。'));
    expect(f).toMatchObject({ line: 2, column: 7, text: '党的20大', message: '「党的20大」是固定用语，其中的数字应使用汉字：「党的二十大」（GB/T 15835）' });
  });

  it('leaves counts, codes and correct names alone', async () => {
    for (const ok of [
      '深入学习贯彻党的二十大和二十届二中、三中、四中全会精神。',
      '落实“十四五”规划，谋划“十五五”发展，推进“八五”普法。',
      '落实第一责任人职责，全年组织学习14次，第3次会议研究了执法问题。',
      '共有2个责任单位、4个意识形态阵地和3个工作组。',
      '区政府第45次常务会议审议通过。',
      '设立3个监督小组，发放14份五年规划征求意见表。',
      '2025年，三级医院3家、二级医院5家。',
    ]) {
      expect(await run(draft(ok)), ok).toEqual([]);
    }
  });

  it('toChineseNumber (shared with heading-sequence)', () => {
    expect([1, 3, 10, 14, 20, 23, 99].map(toChineseNumber)).toEqual(['一', '三', '十', '十四', '二十', '二十三', '九十九']);
  });
});

describe('ranges keep the unit on both numbers', () => {
  const cases: Array<[string, string, string]> = [
    ['行政复议纠错率控制在15~30%之间。', '行政复议纠错率控制在15%~30%之间。', '%'],
    ['年度投入9~16亿元。', '年度投入9亿元~16亿元。', '亿元'],
    ['单个项目补助13~17万元。', '单个项目补助13万元~17万元。', '万元'],
    ['预计服务3-5万人次。', '预计服务3万人次～5万人次。', '万人次'],
    ['罚款数额为1.5至2万元。', '罚款数额为1.5万元至2万元。', '万元'],
    ['满意度提升5—10％。', '满意度提升5％—10％。', '％'],
  ];
  it.each(cases)('%s', async (wrong, right, unit) => {
    const found = await run(draft(wrong));
    expect(found.map((f) => [f.messageId, f.data?.['unit']])).toEqual([['rangeUnit', unit]]);
    const fixed = await fixedOnce(draft(wrong));
    expect(fixed).toBe(draft(right));
    expect(await run(fixed)).toEqual([]);
  });

  it('ordinary units may be dropped from the first number (GB/T 15835: 100~150kg), unless asked', async () => {
    const text = draft('用3~5年时间，分批培训50~80人。');
    expect(await run(text)).toEqual([]);
    const found = await run(text, { rangeUnits: 'always' });
    expect(found.map((f) => f.text)).toEqual(['3~5年', '50~80人']);
    expect(applyFixes(text, found)).toBe(draft('用3年~5年时间，分批培训50人~80人。'));
    expect(await run(text, { rangeUnits: 'off' })).toEqual([]);
  });

  it('leaves complete ranges, dates, codes and times alone', async () => {
    for (const ok of [
      '办结率保持在15%~30%，投入9亿~16亿元，补助13万元~17万元。',
      '时间为2025-01-02，执行GB/T 15835-2011，咨询电话0755-12345678。',
      '每天8:30-9:30开放，第3-5条另有规定，1至3月完成。',
    ]) {
      expect(await run(draft(ok), { rangeUnits: 'always' }), ok).toEqual([]);
    }
  });
});

describe('year spans take the 一字线', () => {
  it('fixes a hyphen in a span of years, inside a title too', async () => {
    const text = draft('贯彻《法治政府建设实施纲要（2021-2025年）》，2021年-2025年累计投入较大。');
    const found = await run(text);
    expect(found.map((f) => [f.messageId, f.text, f.data?.['right']])).toEqual([
      ['yearSpan', '2021-2025年', '2021—2025年'],
      ['yearSpan', '2021年-2025年', '2021年—2025年'],
    ]);
    const fixed = applyFixes(text, found);
    expect(fixed).toBe(draft('贯彻《法治政府建设实施纲要（2021—2025年）》，2021年—2025年累计投入较大。'));
    expect(await run(fixed)).toEqual([]);
  });

  it('leaves ISO dates, standards, backwards spans and correct spans alone', async () => {
    for (const ok of ['截至2025-12-31。', '执行GB/T 9704-2012标准。', '《法治中国建设规划（2020—2025年）》。', '编号2025-2021年。', '2024-2025学年。']) {
      expect(await run(draft(ok)), ok).toEqual([]);
    }
    expect(await run(draft('2021-2025年。'), { yearSpans: false })).toEqual([]);
  });
});

describe('shortened years', () => {
  it('warns on two-digit years in a clear year context, without a fix', async () => {
    const found = await run(draft('08年起实行，24年3月完成，23年度考核优秀，’22年底验收。'));
    expect(found.map((f) => [f.text, f.level, f.fix])).toEqual([
      ['08年', 'warn', undefined],
      ['24年', 'warn', undefined],
      ['23年', 'warn', undefined],
      ['’22年', 'warn', undefined],
    ]);
  });

  it('leaves lengths of time alone', async () => {
    for (const ok of ['坚守执法20年，从业30年以来。', '连续10年度考核优秀，近20年底蕴深厚。', '用时10年3个月。', '2024年3月完成。']) {
      expect(await run(draft(ok)), ok).toEqual([]);
    }
    expect(await run(draft('08年起实行。'), { shortYears: false })).toEqual([]);
  });
});

describe('余/多 after an exact number (option, off by default)', () => {
  const text = draft('办理行政复议案件39余件，发放资料1500余本，培训205多人次。');
  it('is off by default: figure-consistency owns it', async () => {
    expect(await run(text)).toEqual([]);
  });
  it('with approximateNonRound, warns on non-round numbers only', async () => {
    const found = await run(text, { approximateNonRound: true });
    expect(found.map((f) => [f.messageId, f.text, f.level, f.data?.['exact']])).toEqual([
      ['approximateNonRound', '39余件', 'warn', '39件'],
      ['approximateNonRound', '205多人次', 'warn', '205人次'],
    ]);
  });
});

describe('thousands separators', () => {
  it('one warning, at the first number in the minority style', async () => {
    const text = draft('全年检查1200家次，处罚3340元，审查合同870份；其中1,500家已整改，办结4200件。');
    const found = await run(text);
    expect(found.map((f) => [f.messageId, f.text, f.level, f.message])).toEqual([
      ['thousandsMixedGrouped', '1,500', 'warn', '千位分节写法不统一：「1,500」等1处使用了千位分节号，而全文另有3处不用（如「1200」），应统一'],
    ]);
  });

  it('the plain style in the minority is reported the other way round', async () => {
    const found = await run(draft('全年检查1,200家次，处罚3,340元，办结4200件。'));
    expect(found.map((f) => [f.messageId, f.text])).toEqual([['thousandsMixedPlain', '4200']]);
    expect(found[0]!.related).toBeUndefined();
  });

  it('the other numbers of the minority style are its related places', async () => {
    const text = draft('全年检查1,200家次，处罚3,340元，办结4200件，受理5100件，审查8,870份，整改1,500家。');
    const [found] = await run(text);
    expect([found!.messageId, found!.text]).toEqual(['thousandsMixedPlain', '4200']);
    expect(found!.related!.map((r) => text.slice(r.offset, r.endOffset))).toEqual(['5100']);
  });

  it('one style throughout is fine; numbers below 1000 never count', async () => {
    expect(await run(draft('检查1200家次，处罚3340元，办结870件。'))).toEqual([]);
    expect(await run(draft('检查1,200家次，处罚3,340元，办结870件。'))).toEqual([]);
  });

  it('comma and none modes fix every number, idempotently', async () => {
    const text = draft('检查1200家次，处罚12,500元，整改130000处。');
    const comma = await fixedOnce(text, { thousandsSeparator: 'comma' });
    expect(comma).toBe(draft('检查1,200家次，处罚12,500元，整改130,000处。'));
    expect(await run(comma, { thousandsSeparator: 'comma' })).toEqual([]);
    const none = await fixedOnce(text, { thousandsSeparator: 'none' });
    expect(none).toBe(draft('检查1200家次，处罚12500元，整改130000处。'));
    expect(await run(none, { thousandsSeparator: 'none' })).toEqual([]);
    expect(await run(text, { thousandsSeparator: 'off' })).toEqual([]);
  });
});

describe('Markdown', () => {
  it('fixes inside emphasis and links without touching the syntax', async () => {
    const md = '# 某局2025年法治政府建设年度报告\n\n## 一、总体情况\n\n深入学习**党的20大**精神，落实[“14五”规划](https://example.gov.cn/14-5)，投入**9~16亿元**。\n';
    const found = await run(md, {}, 'draft.md');
    expect(found.map((f) => f.text)).toEqual(['党的20大', '14五', '9~16亿元']);
    const fixed = applyFixes(md, found);
    expect(fixed).toBe('# 某局2025年法治政府建设年度报告\n\n## 一、总体情况\n\n深入学习**党的二十大**精神，落实[“十四五”规划](https://example.gov.cn/14-5)，投入**9亿元~16亿元**。\n');
    expect(await run(fixed, {}, 'draft.md')).toEqual([]);
  });

  it('reports but does not fix a match cut by syntax', async () => {
    const md = '## 一、总体情况\n\n深入学习党的*20*大精神。\n';
    const found = await run(md, {}, 'draft.md');
    expect(found.map((f) => [f.messageId, f.fix])).toEqual([['fixedName', undefined]]);
  });
});

describe('real-text cases (issue 13, 14)', () => {
  it('a series after one 届 is a fixed name', async () => {
    expect(await fixedOnce(draft('深入学习贯彻党的19届5中、6中全会精神。'))).toBe(draft('深入学习贯彻党的十九届五中、六中全会精神。'));
    expect(await fixedOnce(draft('认真学习党的十九届四中、5中全会精神。'))).toBe(draft('认真学习党的十九届四中、五中全会精神。'));
    expect(await run(draft('深入学习贯彻党的十九届五中、六中全会精神，召开第5次、第6次常务会议。'))).toEqual([]);
  });

  it('a year span without 年 in brackets takes the 一字线; other hyphens stay', async () => {
    const found = await run(draft('认真落实《深圳市生态文明体制改革总体方案（2014-2020）》。'));
    expect(found.map((f) => [f.messageId, f.text, f.fix?.text])).toEqual([['yearSpan', '2014-2020', '2014—2020']]);
    expect(found[0]!.message).toBe('年份起止「2014-2020」应使用一字线「—」：「2014—2020」');
    for (const ok of ['执行《党政机关公文格式》（GB/T 9704-2012）。', '咨询电话（0755-2014）。', '工作时间（2020-2014）有误。', '落实规划纲要（2016—2020）。', '截至2020-12-31完成。']) {
      expect(await run(draft(ok)), ok).toEqual([]);
    }
  });

  it('a range fix writes the hyphen as ～ (GB/T 15834/15835)', async () => {
    expect(await fixedOnce(draft('对省级优秀创业项目每个给予5-20万元资助。'))).toBe(draft('对省级优秀创业项目每个给予5万元～20万元资助。'));
    expect(await fixedOnce(draft('地区生产总值增长4.5-5%。'))).toBe(draft('地区生产总值增长4.5%～5%。'));
    expect(await fixedOnce(draft('补助13至17万元。'))).toBe(draft('补助13万元至17万元。'));
  });

  it('spoken figures: 3个亿 → 3亿元, not in quotes', async () => {
    expect(await fixedOnce(draft('全年投入3个亿用于民生实事，引进项目总投资12个亿元。'))).toBe(draft('全年投入3亿元用于民生实事，引进项目总投资12亿元。'));
    const found = await run(draft('撬动社会投资一个多亿，吸引几个亿的资金。'));
    expect(found.map((f) => [f.messageId, f.text, f.fix])).toEqual([['colloquialFigure', '一个多亿', undefined], ['colloquialFigure', '几个亿', undefined]]);
    expect(found.map((f) => f.message)).toEqual(['「一个多亿」是口语说法，公文中应写作「1亿多元」（GB/T 15835）', '「几个亿」是口语说法，公文中应写作「数亿元」（GB/T 15835）']);
    for (const ok of ['群众说“一个亿的项目终于落地了”。', '全年投入3亿元，建成3个百亿级产业集群。', '设立1亿元产业基金，培育2个亿元级龙头企业，引进5个亿级项目。']) {
      expect(await run(draft(ok)), ok).toEqual([]);
    }
    expect(await run(draft('全年投入3个亿。'), { colloquial: false })).toEqual([]);
  });

  it('a range without its measure word (扶持3-5有实力的…), no fix', async () => {
    const found = await run(draft('培育扶持3-5有实力的龙头企业上市。'));
    expect(found.map((f) => [f.messageId, f.text, f.fix])).toEqual([['rangeMeasure', '3-5', undefined]]);
    expect(found[0]!.message).toBe('数值范围「3-5」后缺少量词（「3-5有实力……」），应补上量词，如「家」「个」「项」');
    expect(await run(draft('力争用2~3年时间打造1-2具有国际影响力的品牌。'))).toHaveLength(1);
  });

  it('ranges with a measure word, units, months, codes and standards pass', async () => {
    for (const ok of [
      '扶持3-5家企业上市，每年培训60~80学时，1-3月完成摸底，3至5年内建成。',
      '新建1-2个社区公园，引进3-5名高层次人才，建设110-220千伏变电站。',
      '执行JT/T 1234-2019标准和GB/T 9704-2012规定，拨打0755-8888转人工。',
      '对3-5级风险点开展排查，1-6年级全面推行课后服务，2-3倍于上年。',
    ]) expect(await run(draft(ok)), ok).toEqual([]);
  });
});

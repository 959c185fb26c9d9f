import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/law-citation.js';
import { compileLaws, loadLaws, readLawFiles, titleKey } from '../../src/document/laws.js';
import { applyFixes, runRule } from '../helpers.js';

/** A 法治 report of `year` with one paragraph (the title gives the report year). */
const draft = (sentence: string, year = 2024) => `某区司法局${year}年法治政府建设年度报告\n一、主要举措和成效\n${sentence}\n`;
const run = (text: string, options: Parameters<typeof runRule<Record<string, unknown>>>[2] = {}, filename?: string) =>
  runRule(rule as never, text, options as never, filename);

/** [a wrong sentence, the sentence after the fix]: miswritten titles and wrong spans, fixed. */
const FIXED: Array<[string, string]> = [
  ['严格执行《中华人民共和国传染病防止法》，做好重点场所消毒工作。', '严格执行《中华人民共和国传染病防治法》，做好重点场所消毒工作。'],
  ['组织学习《传染病防止法》。', '组织学习《传染病防治法》。'],
  ['深入宣传《中华人民共和国未成年保护法》，开展法治进校园活动36场。', '深入宣传《中华人民共和国未成年人保护法》，开展法治进校园活动36场。'],
  ['依照《行政复义法实施条例》办理行政复议案件85件。', '依照《行政复议法实施条例》办理行政复议案件85件。'],
  ['认真落实《中华人民共和国政府信息工开条例》，主动公开政府信息1.2万条。', '认真落实《中华人民共和国政府信息公开条例》，主动公开政府信息1.2万条。'],
  ['贯彻《优化营商环竟条例》，压减审批时限40%。', '贯彻《优化营商环境条例》，压减审批时限40%。'],
  // one same-sounding character from one title, another title two edits away (人民法院组织法)
  ['组织学习《中华人民共和国人民检查院组织法》。', '组织学习《中华人民共和国人民检察院组织法》。'],
  ['落实《保障农民工工资支付条例（2020年施行）》和《保障中小企业款项支符条例》，追发工资860万元。', '落实《保障农民工工资支付条例（2020年施行）》和《保障中小企业款项支付条例》，追发工资860万元。'],
  // the dated documents (moved from canonical-term)
  ['贯彻《法治政府建设实施纲要（2022—2025年）》。', '贯彻《法治政府建设实施纲要（2021—2025年）》。'],
  ['贯彻《法治政府建设实施纲要(20212025年)》。', '贯彻《法治政府建设实施纲要(2021—2025年)》。'],
  ['贯彻《法治政府建设实施纲要（2021——2025）》。', '贯彻《法治政府建设实施纲要（2021—2025年）》。'],
  ['落实《法治政府建设实施纲要（2016—2020年）》。', '落实《法治政府建设实施纲要（2015—2020年）》。'],
  ['落实《法治中国建设规划（2021—2025年）》。', '落实《法治中国建设规划（2020—2025年）》。'],
  ['落实《法治社会建设实施纲要（2021—2025年）》。', '落实《法治社会建设实施纲要（2020—2025年）》。'],
  ['对照法治政府建设实施纲要（2022—2025年）逐项梳理重点任务。', '对照法治政府建设实施纲要（2021—2025年）逐项梳理重点任务。'],
  ['对照《法治政府建设纲要》查找差距。', '对照《法治政府建设实施纲要》查找差距。'],
  ['对照《法治社会建设纲要》查找差距。', '对照《法治社会建设实施纲要》查找差距。'],
  ['对照法治政府建设纲要（2021—2025年）查找差距。', '对照法治政府建设实施纲要（2021—2025年）查找差距。'],
  ['根据《法治政府建设与责任落实督查工作规定》报告。', '根据《法治政府建设与责任落实督察工作规定》报告。'],
];

/** Legitimate citations, as real reports write them: silent in a report on 2024. */
const PASSING = [
  // a local document of the same name has its own years
  '按照《静海区法治政府建设实施纲要（2022—2025年）》目标要求，加快构建职责明确、依法行政的政府治理体系。',
  '深入贯彻落实《河北省法治政府建设实施纲要（2022—2025年）》，制定本区法治社会建设实施方案。',
  '对照市法治政府建设实施纲要（2022—2025年）逐项梳理任务，全市法治社会建设纲要同步推进。',
  // the miswriting outside 《》 and without years may be any region's plan
  '北京市和上海市在《纲要》施行后都出台了与其高度契合的法治政府建设纲要。',
  '严格执行《中华人民共和国行政处罚法》《中华人民共和国行政许可法》《中华人民共和国行政强制法》，全年办理行政处罚案件1362件。',
  '组织执法人员学习新修订的《行政处罚法》《行政复议法》和《行政复议法实施条例》。',
  '贯彻《中华人民共和国行政处罚法（2021年修订）》，落实“首违不罚”清单。',
  '认真落实《优化营商环境条例》《广东省优化营商环境条例》和《深圳经济特区优化营商环境条例》。',
  '执行《广东省安全生产条例》《广东省物业管理条例》，修订《深圳市行政规范性文件管理规定》。',
  '制定《区生活垃圾分类管理实施办法》《区保障性住房轮候与配租管理办法》《市行政规范性文件管理办法》。',
  '印发《关于进一步加强行政执法协调监督工作体系建设的实施意见》和《2024年度区依法行政工作要点》。',
  '开展《中华人民共和国民法典》宣传月活动，举办《民法典》专题讲座12场，发放《宪法》读本3000册。',
  '贯彻《法治政府建设实施纲要（2021—2025年）》《法治中国建设规划（2020—2025年）》《法治社会建设实施纲要（2020—2025年）》。',
  '对照《法治政府建设实施纲要（2015—2020年）》总结经验，编制《“十五五”法治政府建设规划（2026—2030年）》。',
  '落实《党政主要负责人履行推进法治建设第一责任人职责规定》和《法治政府建设与责任落实督察工作规定》。',
  '严格执行《重大行政决策程序暂行条例》，完善《区重大行政决策程序规定》。',
  '落实《中国共产党纪律处分条例》《中国共产党问责条例》《党政机关厉行节约反对浪费条例》。',
  '深入学习《中共中央关于进一步全面深化改革、推进中国式现代化的决定》。',
  '严格执行《市场监督管理行政处罚程序规定》《公安机关办理行政案件程序规定》《自然资源行政处罚办法》。',
  '贯彻《农药管理条例》和《兽药管理条例》，开展农资打假专项行动。',
  '推动出台《渔业保险条例》实施细则，为渔民提供风险保障。',
  '落实《城市市容和环境卫生管理条例》《城镇燃气管理条例》《生产安全事故应急条例》。',
  '落实《中华人民共和国个人信息保护法》《数据安全法》《网络安全法》，开展数据安全检查。',
  '落实《信息公开条例》要求，做好政府信息公开工作。',
  '起草《某市城市更新条例（草案）》，报市人大常委会审议。',
  '学习《关于〈中华人民共和国行政复议法（修订草案）〉的说明》。',
  // hyphen: number-usage's; a span no listed document ends with
  '贯彻《法治政府建设实施纲要（2021-2025年）》。',
  '落实《提升行政执法质量三年行动计划（2023—2025年）》。',
  // 暂行 left out: another version, perhaps newer than the list
  '严格执行《重大行政决策程序条例》。',
  // a repealed law in a sentence about history
  '《民法典》施行后，《合同法》《物权法》《担保法》同时废止，我局对照清理规范性文件18件。',
  '自《合同法》施行以来，我区合同纠纷调解成功率稳步提高。',
  '2020年，我局依据原《合同法》调解的合同纠纷已全部办结。',
  '对2019年依据《侵权责任法》作出的赔偿决定开展回头看。',
  '2019年修订《中华人民共和国城市房地产管理法》后，我局同步修改配套文件。',
];

describe('law-citation: miswritten titles and wrong spans are fixed', () => {
  it.each(FIXED)('%s', async (wrong, right) => {
    const found = await run(draft(wrong));
    expect(found.map((f) => f.line)).toEqual([3]);
    expect(found[0]!.level).toBeUndefined();
    const fixed = applyFixes(draft(wrong), found);
    expect(fixed).toBe(draft(right));
    expect(await run(fixed)).toEqual([]);
  });

  it('names the right title in the message, with the prefix the draft wrote', async () => {
    const [f] = await run(draft('严格执行《中华人民共和国传染病防止法》。'));
    expect(f!.message).toBe('法规名称「《中华人民共和国传染病防止法》」疑为「《中华人民共和国传染病防治法》」之误，名称须一字不差');
    expect(f!.text).toBe('中华人民共和国传染病防止法');
  });

  it('fixes in a Markdown heading and paragraph', async () => {
    const md = '# 某区2024年法治政府建设年度报告\n\n## 一、贯彻《传染病防止法》情况\n\n严格执行**《传染病防止法》**。\n';
    const found = await run(md, {}, 'draft.md');
    expect(found.map((f) => f.line)).toEqual([3, 5]);
    expect(applyFixes(md, found)).toBe(md.replaceAll('防止', '防治'));
  });
});

describe('law-citation: legitimate citations stay silent', () => {
  it.each(PASSING)('%s', async (sentence) => {
    expect(await run(draft(sentence))).toEqual([]);
  });

  it('titles one character from a real one by another sound, or too short to tell, are left alone', async () => {
    // 河道/航道, 审计/统计: real titles the list might lack are not slips
    for (const s of ['执行《航道保护条例》。', '执行《统计法实施细则》。', '学习《海商法》《商标法》《保险法》。', '学习《商保法》。']) {
      expect(await run(draft(s)), s).toEqual([]);
    }
  });
});

describe('law-citation: repealed laws', () => {
  it('warns in a report on a year after the repeal, with the date and the act that replaced it', async () => {
    const found = await run(draft('全面清理合同文本，依据《合同法》审查各类合同326份。', 2023));
    expect(found.map((f) => [f.messageId, f.level, f.text, f.fix])).toEqual([['repealed', 'warn', '合同法', undefined]]);
    expect(found[0]!.message).toBe('「《合同法》」已于2021年1月1日废止（由《中华人民共和国民法典》取代），2023年度的报告不应作为现行依据引用');
  });

  it('each of the laws the 民法典 repealed, and others of repealed.tsv', async () => {
    for (const t of ['物权法', '民法通则', '民法总则', '婚姻法', '继承法', '收养法', '担保法', '侵权责任法', '中华人民共和国婚姻法']) {
      const found = await run(draft(`深入开展《${t}》宣传，发放资料1200份。`, 2022));
      expect(found.map((f) => f.messageId), t).toEqual(['repealed']);
    }
    const noise = await run(draft('严格执行《中华人民共和国环境噪声污染防治法》，查处噪声扰民案件46件。', 2023));
    expect(noise[0]!.message).toContain('2022年6月5日');
    expect((await run(draft('依据《城市规划法》审批建设项目。', 2010)))[0]!.message).toContain('《中华人民共和国城乡规划法》');
  });

  it('is silent in a report on the year of the repeal or before, and without a report year', async () => {
    expect(await run(draft('依据《合同法》审查各类合同326份。', 2020))).toEqual([]);
    // repealed on 2022-06-05: a report on 2022 may still have applied it in the first months
    expect(await run(draft('依据《环境噪声污染防治法》查处噪声扰民案件46件。', 2022))).toEqual([]);
    expect(await run('一、主要举措\n依据《合同法》审查各类合同326份。\n')).toEqual([]);
  });

  it('is silent when an earlier sentence of the paragraph sets the year before the repeal', async () => {
    expect(await run(draft('2020年，区司法局开展合同审查专项行动。依据《合同法》审查各类合同326份。', 2022))).toEqual([]);
  });

  it('option repealed: false', async () => {
    expect(await run(draft('依据《合同法》审查各类合同326份。'), { repealed: false })).toEqual([]);
  });
});

describe('law-citation: options', () => {
  it('allow: an office\'s own titles are never reported nor corrected', async () => {
    const text = draft('执行《传染病防止法》。');
    expect(await run(text, { allow: ['《传染病防止法》'] })).toEqual([]);
    // a title near an allowed one is not changed into a national title either
    expect(await run(draft('执行《未成年保护法》。'), { allow: ['中华人民共和国未成年保户法'] })).toEqual([]);
  });

  it('nearMatch: false and datedDocuments: false', async () => {
    expect(await run(draft('执行《传染病防止法》。'), { nearMatch: false })).toEqual([]);
    expect(await run(draft('贯彻《法治政府建设实施纲要（2022—2025年）》，对照法治政府建设纲要查找差距。'), { datedDocuments: false })).toEqual([]);
  });
});

describe('data/laws', () => {
  it('titleKey drops 中华人民共和国, spaces and trailing brackets', () => {
    expect(titleKey('中华人民共和国行政处罚法（2021年修订）')).toBe('行政处罚法');
    expect(titleKey('民法典 总则')).toBe('民法典总则');
    expect(titleKey('支部工作条例（试行）(2018)')).toBe('支部工作条例');
  });

  it('compiles: the national list, the repealed (out of the titles in force), the documents', () => {
    const laws = loadLaws();
    expect(laws.titles.size).toBeGreaterThan(1300);
    for (const t of ['行政处罚法', '民法典', '优化营商环境条例', '法治政府建设实施纲要', '党政主要负责人履行推进法治建设第一责任人职责规定']) expect(laws.titles.has(t), t).toBe(true);
    for (const t of ['合同法', '环境噪声污染防治法', '个体工商户条例']) {
      expect(laws.titles.has(t), t).toBe(false);
      expect(laws.repealed.get(t)?.date, t).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // each act that replaced a repealed one is in force, or repealed in its turn (经济合同法 → 合同法 → 民法典)
    for (const r of laws.repealed.values()) expect(laws.titles.has(titleKey(r.by)) || laws.repealed.has(titleKey(r.by)), r.by).toBe(true);
  });

  it('refuses a repeal without a source and a dated document the rule would not look for', () => {
    const files = readLawFiles();
    expect(() => compileLaws({ ...files, repealed: 'name\trepealed\treplaced_by\tsource\n合同法\t2021-01-01\t民法典\t\n' })).toThrow(/no source/);
    expect(() => compileLaws({ ...files, documents: 'title\tspan\tissued\tmiswritings\tsource\n某某实施方案\t2021—2025年\t\t\t某某印发\n' })).toThrow(/DOCUMENT_HINT/);
  });
});

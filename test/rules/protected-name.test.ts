import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/protected-name.js';
import { readingsOf } from '../../src/document/readings.js';
import { ROOT } from '../cli-helpers.js';
import { applyFixes, runRule } from '../helpers.js';

/** A name written with one character wrong, in the sentences reports are made of; [text, found, fixed]. */
const FAILING: Array<[string, string, string]> = [
  ['积极配合区检查院开展公益诉讼专项监督，全年移送案件线索6条。', '检查院', '积极配合区检察院开展公益诉讼专项监督，全年移送案件线索6条。'],
  ['主动接受县人民检查院法律监督，办理检察建议3件。', '检查院', '主动接受县人民检察院法律监督，办理检察建议3件。'],
  ['隆重庆祝中华人民大和国成立75周年，组织宪法宣誓12场。', '中华人民大和国', '隆重庆祝中华人民共和国成立75周年，组织宪法宣誓12场。'],
  ['认真学习中华人民共合国成立以来的法治建设成就。', '中华人民共合国', '认真学习中华人民共和国成立以来的法治建设成就。'],
  ['中共人民共和国成立以来，基层治理不断完善。', '中共人民共和国', '中华人民共和国成立以来，基层治理不断完善。'],
  ['区人民攻府高度重视行政复议体制改革。', '人民攻府', '区人民政府高度重视行政复议体制改革。'],
  ['常态化开展扫黑险恶斗争，依法严惩黑恶势力。', '扫黑险恶', '常态化开展扫黑除恶斗争，依法严惩黑恶势力。'],
  ['坚持以习近平新时代中国特色社会主意思想为指导，全面推进依法行政。', '习近平新时代中国特色社会主意思想', '坚持以习近平新时代中国特色社会主义思想为指导，全面推进依法行政。'],
  ['区纪律检察委员会派驻纪检监察组全程参与。', '纪律检察委员会', '区纪律检查委员会派驻纪检监察组全程参与。'],
  ['全面推进依法制国，加快建设法治政府。', '依法制国', '全面推进依法治国，加快建设法治政府。'],
  ['召开中国人民政冶协商会议委员座谈会。', '中国人民政冶协商会议', '召开中国人民政治协商会议委员座谈会。'],
  ['陪同全国人大副委员长一行调研基层立法联系点。', '全国人大副委员长', '陪同全国人大常委会副委员长一行调研基层立法联系点。'],
  ['全国人民代表大会委员长会议审议通过。', '全国人民代表大会委员长', '全国人民代表大会常务委员会委员长会议审议通过。'],
  ['广东省省委书记到我区调研基层治理工作。', '广东省省委', '广东省委书记到我区调研基层治理工作。'],
  // the state's name opening a law's title is this rule's (law-citation reads it as a prefix)
  ['依据《中华人民共合国行政处罚法》第三十二条作出决定。', '中华人民共合国', '依据《中华人民共和国行政处罚法》第三十二条作出决定。'],
];

/** Legitimate prose where the same characters stand right. */
const PASSING = [
  '坚持依法执政与依法行政相统一，推进区人民医院、区第三人民医院改扩建工程。',
  '区人民检察院检察委员会审议案件12件，区纪律检查委员会、区监察委员会开展联合督导。',
  '督促检查院落环境卫生整治，抽查检查院校食堂，检查院内消防设施，检查院感防控措施落实情况。',
  '全面推进依法治区，深化依法治校、依法治教，以法治国家建设为目标。',
  '攻坚克难完成政府采购、行政复议等重点任务，正副职领导带头，征服困难。',
  '湖南省省长到我市调研，全省省直单位参加，全国人大常委会副委员长出席，四川省省情教育。',
  '中共中山市委、中共中牟县委、国务院办公厅、国务委员出席会议。',
  '练习近乎所有科目，学习近平时积累的经验。',
  '依据《中华人民共和国人民检查院组织法》开展学习。', // inside a law's title: law-citation's
  '深入学习贯彻习近平新时代中国特色社会主义思想和习近平法治思想，践行社会主义核心价值观。',
  '坚持马克思主义、毛泽东思想、邓小平理论，高举中国特色社会主义伟大旗帜，扫黑除恶常态化。',
  '区人民法院、区人民法庭、人民陪审员，区人民代表大会常务委员会，全国人民代表大会代表。',
];

describe('protected-name: failing text', () => {
  it.each(FAILING)('%s', async (text, found, fixed) => {
    const findings = await runRule(rule, text);
    expect(findings.map((f) => f.text)).toEqual([found]);
    const out = applyFixes(text, findings);
    expect(out).toBe(fixed);
    expect(await runRule(rule, out)).toEqual([]);
  });
});

describe('protected-name: passing text', () => {
  it.each(PASSING)('%s', async (text) => {
    expect(await runRule(rule, text)).toEqual([]);
  });
});

describe('protected-name: messages and options', () => {
  it('says whether the character sounds or looks like the right one', async () => {
    const [sound] = await runRule(rule, '配合区检查院开展监督。');
    expect(sound!.message).toBe('「检查院」应为「检察院」：「查」与「察」音同致误');
    const [shape] = await runRule(rule, '区人民攻府高度重视。');
    expect(shape!.message).toBe('「人民攻府」应为「人民政府」：「攻」与「政」形近致误');
    const [other] = await runRule(rule, '中华人民大和国成立以来。');
    expect(other!.message).toBe('「中华人民大和国」应为「中华人民共和国」：「大」是错字');
  });

  it('a short name needs a place or level before it: 检察院', async () => {
    expect(await runRule(rule, '督促检查院（所）落实整改措施。')).toEqual([]);
    expect((await runRule(rule, '市、区两级检查院联合开展专项监督。')).map((f) => f.text)).toEqual(['检查院']);
  });

  it('reports the longer name once when two names share the wrong character', async () => {
    const found = await runRule(rule, '深入学习习近平新时代中国特色社会主意思想。');
    expect(found.map((f) => f.text)).toEqual(['习近平新时代中国特色社会主意思想']);
  });

  it('allow: the office\'s own names that look like a near miss', async () => {
    expect(await runRule(rule, '配合区检查院开展监督。', { allow: ['区检查院'] })).toEqual([]);
  });

  it('names: the office\'s own full name, by sound and shape', async () => {
    const found = await runRule(rule, '光明区司法局与光明区思法局联合开展普法。', { names: ['光明区司法局'] });
    expect(found.map((f) => [f.text, f.fix?.text])).toEqual([['光明区思法局', '司']]);
  });

  it('sound: false keeps the shape pairs and the anyCharacter names only', async () => {
    expect(await runRule(rule, '配合区检查院开展监督。', { sound: false })).toEqual([]);
    expect(await runRule(rule, '区人民攻府高度重视。', { sound: false })).toHaveLength(1);
  });

  it('titles: false leaves the office-holder titles alone', async () => {
    expect(await runRule(rule, '陪同全国人大副委员长调研。', { titles: false })).toEqual([]);
  });

  it('leaves URLs alone', async () => {
    expect(await runRule(rule, '详见 http://www.example.gov.cn/jianchayuan/检查院 页面。')).toEqual([]);
  });

  it('finds names in Markdown headings and fixes them there', async () => {
    const text = '# 某区人民攻府2024年法治政府建设年度报告\n\n正文。\n';
    const found = await runRule(rule, text, {}, 'draft.md');
    expect(applyFixes(text, found)).toBe('# 某区人民政府2024年法治政府建设年度报告\n\n正文。\n');
  });
});

describe('protected-name: data', () => {
  it('data/protected-names.json fits its schema, and every name and neighbour is as described', () => {
    const schema = JSON.parse(readFileSync(`${ROOT}/schemas/protected-names.schema.json`, 'utf8')) as object;
    const data = JSON.parse(readFileSync(`${ROOT}/data/protected-names.json`, 'utf8')) as { names: Array<{ name: string; allow?: string[] }> };
    const validate = new Ajv.default({ allErrors: true }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    for (const n of data.names) for (const a of n.allow ?? []) {
      expect(a.length, a).toBe(n.name.length);
      expect([...a].filter((c, i) => c !== n.name[i]).length, a).toBe(1);
    }
  });

  it('data/similar-shape.json pairs single characters', () => {
    const { pairs } = JSON.parse(readFileSync(`${ROOT}/data/similar-shape.json`, 'utf8')) as { pairs: string[][] };
    for (const p of pairs) expect(p.map((c) => [...c].length)).toEqual([1, 1]);
  });

  it('data/pinyin.tsv gives the readings the rule relies on (every reading of a polyphone)', () => {
    expect(readingsOf('察')).toEqual(['cha']);
    expect(readingsOf('查')).toEqual(expect.arrayContaining(['cha', 'zha']));
    expect(readingsOf('和')).toContain('he');
    expect(readingsOf('合')).toContain('he');
    expect(readingsOf('义')).toEqual(['yi']);
    expect(readingsOf('治')).toEqual(['zhi']);
    expect(readingsOf('法')).not.toContain('yi');
  });
});

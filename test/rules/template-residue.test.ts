import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/template-residue.js';
import { runRule } from '../helpers.js';

const TITLE = '某区司法局2024年法治政府建设年度报告\n一、主要举措和成效\n';

/** Template text left in a draft; [text after the title, the covered text, messageId]. */
const FAILING: Array<[string, string, string]> = [
  ['全年办理行政复议案件XX件，同比增长12.3%。', 'XX件', 'placeholder'],
  ['行政诉讼败诉率控制在××%以内。', '××%', 'placeholder'],
  ['20XX年，区司法局持续深化“放管服”改革。', '20XX年', 'placeholder'],
  ['202X年起实行行政执法人员持证上岗。', '202X年', 'placeholder'],
  ['于2024年XX月召开专题会议。', 'XX月', 'placeholder'],
  ['XX局高度重视法治政府建设。', 'XX局', 'placeholder'],
  ['在市委、市政府和xx县委的正确领导下，全县上下团结拼搏。', 'xx县委', 'placeholder'],
  ['在××县人大的监督支持下，较好完成全年目标任务。', '××县人大', 'placeholder'],
  ['由××同志任领导小组组长。', '××同志', 'placeholder'],
  ['印发《实施方案》（区府办〔2024〕号）。', '〔2024〕号', 'docNumber'],
  ['依据区府发〔 〕号文件要求开展工作。', '〔 〕号', 'docNumberYear'],
  ['依据区府发〔2024〕XX号文件开展工作。', 'XX号', 'placeholder'],
  ['完善重大行政决策程序，（此处填写具体做法及成效）。', '（此处填写具体做法及成效）', 'instruction'],
  ['开展规范性文件清理（请根据本单位实际情况填写）。', '（请根据本单位实际情况填写）', 'instruction'],
  ['落实行政执法“三项制度”（填写落实情况）。', '（填写落实情况）', 'instruction'],
  ['【2022年】建立法律顾问制度。', '【2022年】', 'formField'],
  ['【单位名称】认真落实第一责任人职责。', '【单位名称】', 'formField'],
  ['全年开展普法活动（ ）场。', '（ ）', 'emptyBracket'],
  ['联系电话：________。', '________', 'blank'],
];

const PASSING = [
  '查处××公司销售不合格食品案，当事人王××已履行行政处罚决定，××村村民委员会配合调查。',
  '对辖区医疗机构X射线装置、X光机开展专项检查，查处违规使用XXL型号设备1起。',
  '依据《中华人民共和国行政处罚法》（以下简称《行政处罚法》），区府办〔2024〕15号、粤府〔2023〕3号文件。',
  '编印【典型案例】汇编，收录【名词解释】20条。',
  '请见附件（请参阅附表1），联系电话见网站。',
  '详见 http://www.example.gov.cn/xxgk/XXzl/index.html 页面。',
  '全年办理案件126件（其中行政复议85件）。',
  '每季度召开一次联席会议（根据实际情况调整）。',
  '__________',
];

describe('template-residue: failing text', () => {
  it.each(FAILING)('%s', async (text, covered, messageId) => {
    const findings = await runRule(rule, TITLE + text + '\n');
    expect(findings.map((f) => [f.text, f.messageId])).toEqual([[covered, messageId]]);
  });
});

describe('template-residue: passing text', () => {
  it.each(PASSING)('%s', async (text) => {
    expect(await runRule(rule, TITLE + text + '\n')).toEqual([]);
  });
});

describe('template-residue: where the placeholder stands', () => {
  it('the title, a heading and the signature name the report itself: XX there is residue', async () => {
    const text = 'XX区司法局2024年法治政府建设年度报告\n一、XX局主要举措和成效\n正文。\n\nXX区司法局\n2025年1月20日\n';
    const found = await runRule(rule, text);
    expect(found.map((f) => [f.line, f.text])).toEqual([[1, 'XX'], [2, 'XX局'], [5, 'XX']]);
  });

  it('a case in a heading hides its parties as the body does', async () => {
    const text = TITLE + '（一）××公司虚假宣传案\n正文。\n（二）张××违法建设案\n正文。\n（三）关于XX工作\n正文。\n';
    const found = await runRule(rule, text);
    expect(found.map((f) => [f.line, f.text])).toEqual([[7, 'XX']]);
  });

  it('anonymised: true reports hidden names in case descriptions, with their own message', async () => {
    const found = await runRule(rule, TITLE + '查处××公司销售不合格食品案，当事人王××已履行。\n', { anonymised: true });
    expect(found.map((f) => [f.text, f.messageId])).toEqual([['××', 'anonymised'], ['××', 'anonymised']]);
    expect(found[0]!.message).toBe('「××」是隐去的名称，请确认公开文本中应当隐去');
  });

  it('allow: text that only looks like a placeholder', async () => {
    expect(await runRule(rule, TITLE + '采购XX型执法记录仪20台。\n', { allow: ['XX型'] })).toEqual([]);
  });

  it('each blank of a line is a finding', async () => {
    const found = await runRule(rule, TITLE + '报告日期：____年____月。\n');
    expect(found.map((f) => [f.column, f.text])).toEqual([[6, '____'], [11, '____']]);
  });

  it('reports 〔 〕号 once, as a document number', async () => {
    const found = await runRule(rule, TITLE + '依据〔 〕号文件。\n');
    expect(found.map((f) => f.messageId)).toEqual(['docNumberYear']);
  });
});

describe('template-residue: empty headings', () => {
  it('a numbered heading alone on its line', async () => {
    const found = await runRule(rule, TITLE + '（一）加强组织领导\n正文。\n（二）\n正文。\n');
    expect(found.map((f) => [f.line, f.text, f.messageId])).toEqual([[5, '（二）', 'emptyHeading']]);
  });

  it('not a heading that runs into its paragraph, nor one with text', async () => {
    expect(await runRule(rule, TITLE + '（一）加强组织领导。坚持党的领导。\n（二）推进依法决策\n正文。\n')).toEqual([]);
  });

  it('leaves 上一年度 / 下一年度 in headings to relative-time', async () => {
    const text = '某区司法局2024年法治政府建设年度报告\n一、上一年度推进法治政府建设的主要举措和成效\n正文。\n二、下一年度推进法治政府建设的主要安排\n正文。\n';
    expect(await runRule(rule, text)).toEqual([]);
  });
});

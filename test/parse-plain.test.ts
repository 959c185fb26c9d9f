import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentModel } from '../src/document/model.js';
import { parseDocument } from '../src/document/parse/index.js';
import { matchOrdinal } from '../src/document/parse/ordinals.js';

const seed = (name: string) => readFileSync(new URL(`../seeds/${name}`, import.meta.url), 'utf8');

/** [level, ordinal as written, first 24 chars of the heading title, first line, last line, inline, paragraphs] */
function outline(doc: DocumentModel) {
  return doc.allSections.map((s) => [
    s.level, s.ordinal ? s.ordinal.raw : null, s.heading.title.slice(0, 24),
    s.heading.span.start.line, s.span.end.line, s.inline, s.paragraphs.length,
  ]);
}

function enumItems(doc: DocumentModel) {
  return doc.paragraphs.flatMap((p) => p.enumItems.map((e) => [p.span.start.line, e.marker, e.text.slice(0, 12)]));
}

describe('plain-text parser on the seeds', () => {
  it('000_123d78033956bda4.txt: section tree, enumerations, signature', () => {
    const doc = parseDocument(seed('000_123d78033956bda4.txt'), { filename: '000.txt' });
    expect(doc.title).toBeNull();
    expect(doc.preamble).toHaveLength(1);
    expect(doc.preamble[0]!.text.startsWith('2024年,在区委区政府的领导')).toBe(true);
    expect(outline(doc)).toEqual([
      [1, '一、', '深入学习贯彻党的二十大精神和习近平法治思想,深刻', 2, 3, false, 1],
      [1, '二、', '加强组织领导,切实落实党政主要负责人履行推进法治', 4, 5, false, 1],
      [1, '三、', '2024年度推进法治政府建设的主要举措和成效', 6, 26, false, 0],
      [2, '(一)', '严格落实行政执法三项制度,充分发挥政府法律顾问作', 7, 10, false, 3],
      [2, '(二)', '积极探索执法队伍管理机制变革,提高行政效率', 11, 12, false, 1],
      [2, '(三)', '落实医疗机构分级分类管理,提升监管服务效率', 13, 14, false, 1],
      [2, '(四)', '持续开展边执法边普法,落实柔性执法', 15, 17, false, 2],
      [2, '(五)', '落实“两法衔接”,加强部门联动', 18, 19, false, 1],
      [2, '(六)', '建立医疗纠纷调解机制', 20, 21, false, 1],
      [2, '(七)', '法治引领,创新驱动,推动医院高质量发展', 22, 24, false, 2],
      [2, '(八)', '深化“放管服”改革,不断优化营商环境', 25, 26, false, 1],
      [1, '四、', '存在问题和不足', 27, 32, false, 5],
      [1, '五、', '下一年度法治政府建设主要安排', 33, 47, false, 0],
      [2, '(一)', '促进公共卫生领域与疾控体系融合', 34, 35, false, 1],
      [2, '(二)', '加大重点领域执法力度', 36, 38, false, 2],
      [2, '(三)', '持续落实柔性执法', 39, 42, false, 3],
      [2, '(四)', '探索医疗机构合规建设', 43, 44, false, 1],
      [2, '(五)', '健全行政争议化解体系', 45, 47, false, 2],
    ]);
    expect(doc.sections.map((s) => s.ordinal!.value)).toEqual([1, 2, 3, 4, 5]);
    expect(enumItems(doc)).toEqual([
      [8, '一是', '一是对行政执法的启动、调'], [9, '二是', '二是严格落实法制审核制度'], [10, '三是', '三是落实法律顾问制度,统'],
      [16, '一是', '一是开展重点医疗机构约谈'], [17, '二是', '二是制定“三函两书”警示'],
      [23, '一是', '一是依托南山区卫生健康系'], [24, '二是', '二是推进医院法治建设,培'],
      [30, '一是', '一是卫生监督执法力量不足'], [31, '二是', '二是医疗卫生法律法规滞后'], [32, '三是', '三是公立医院法治建设规范'],
      [37, '一是', '一是落实好对医疗机构、职'], [38, '二是', '二是提高信息化监管能力。'],
      [40, '一是', '一是常态化开展重点医疗机'], [41, '二是', '二是持续推行医疗监督三函'], [42, '三是', '三是以案释法做好普法宣传'],
      [46, '一是', '一是完善行政争议化解机制'], [47, '二是', '二是提升提升行政争议化解'],
    ]);
    expect(doc.signature?.issuer?.text).toBe('深圳市南山区卫生健康局');
    expect(doc.signature?.date?.text).toBe('2024年11月15日');
    expect(doc.signature?.span.start.line).toBe(48);
    expect(doc.signature?.date?.span.start).toMatchObject({ line: 49, column: 1, offset: doc.source.lastIndexOf('2024年11月15日') });
    // the signature is not body text
    expect(doc.paragraphs.some((p) => p.text.includes('深圳市南山区卫生健康局') && p.text.length < 20)).toBe(false);
  });

  it('003_fdb2e5dd79f7ab48.txt: inline headings, 1. level, "四 、"', () => {
    const doc = parseDocument(seed('003_fdb2e5dd79f7ab48.txt'), { filename: '003.txt' });
    expect(outline(doc)).toEqual([
      [1, '一、', '深入学习贯彻习近平总书记重要讲话重要指示精神,深', 2, 3, false, 1],
      [1, '二、', '党政主要负责人履行推进法治建设第一责任人职责,加', 4, 6, false, 0],
      [2, '(一)', '推动法治建设第一责任人职责履职常态化', 5, 5, true, 1],
      [2, '(二)', '统筹推进法治政府建设', 6, 6, true, 1],
      [1, '三、', '2025年法治建设主要举措和成效', 7, 18, false, 0],
      [2, '(一)', '严格执行规范性文件和重大行政决策法定程序,充分发', 8, 9, false, 1],
      [2, '(二)', '开展卫健重点领域执法,规范涉企检查', 10, 14, false, 0],
      [3, '1.', '加大重点领域执法力度,规范医疗市场', 11, 11, true, 1],
      [3, '2.', '规范涉企检查,推进柔性执法', 12, 12, true, 1],
      [3, '3.', '加强队伍建设,提升执法能力', 13, 13, true, 1],
      [3, '4.', '强化部门协同,重点事项综合监管', 14, 14, true, 1],
      [2, '(三)', '积极落实“谁执法谁普法”责任制', 15, 16, false, 1],
      [2, '(四)', '医疗矛盾纠纷多元化解', 17, 18, false, 1],
      [1, '四 、', '2024年法治建设不足整改情况及2025年存在的', 19, 20, false, 1],
      [1, '五、', '下一年度推进法治政府建设的主要安排', 21, 25, false, 0],
      [2, '(一)', '推动公立医院法治建设规范化', 22, 22, true, 1],
      [2, '(二)', '深入开展执法能力提升行动', 23, 23, true, 1],
      [2, '(三)', '进一步完善医疗综合监管和信用监管机制', 24, 25, true, 2],
    ]);
    expect(enumItems(doc)).toEqual([
      [20, '一是', '一是因重复信访导致的复议'], [20, '二是', '二是需要强化执法顶层设计'], [20, '三是', '三是医疗行业综合监管应用'],
      [23, '一是', '一是梳理法制审查全流程,'], [23, '二是', '二是建立“疑难复杂案件前'], [23, '三是', '三是坚持问题导向,聚焦基'],
    ]);
    // inline heading: the heading ends at the first 。 and the rest of the line is its paragraph
    const inline = doc.allSections[2]!;
    expect(inline.heading.text).toBe('(一)推动法治建设第一责任人职责履职常态化。');
    expect(inline.paragraphs[0]!.text.startsWith('坚持将党的领导贯彻落实')).toBe(true);
    expect(inline.paragraphs[0]!.span.start).toMatchObject({ line: 5, column: 23 });
    // "四 、": the ordinal keeps the space as written and knows where it is
    const four = doc.sections[3]!.ordinal!;
    expect(four).toMatchObject({ kind: 'cn', value: 4, numeral: '四', delimiter: '、', raw: '四 、' });
    expect(four.spaces).toHaveLength(1);
    expect(doc.pointAt(four.spaces[0]!.start)).toMatchObject({ line: 19, column: 2 });
    expect(doc.signature?.issuer?.text).toBe('罗湖区卫生健康局');
    expect(doc.signature?.date?.text).toBe('2025年12月2日');
    expect(doc.paragraphs.at(-1)!.text).toBe('特此报告。');
    // sentences: the opening paragraph ends with "现将有关情况报告如下:" as its own sentence
    expect(doc.preamble[0]!.sentences.map((s) => s.text.slice(-8))).toEqual(['不断取得新成效。', '关情况报告如下:']);
  });
});

describe('ordinals', () => {
  it.each([
    ['一、总体情况', 'cn', 1, '、'],
    ['十二、其他', 'cn', 12, '、'],
    ['二十一、其他', 'cn', 21, '、'],
    ['四 、存在不足', 'cn', 4, '、'],
    ['一.总体情况', 'cn', 1, '.'],
    ['（一）强化组织领导', 'paren-cn', 1, ''],
    ['(三)、强化组织领导', 'paren-cn', 3, '、'],
    ['（十）其他', 'paren-cn', 10, ''],
    ['1.加大执法力度', 'arabic', 1, '.'],
    ['12．加大执法力度', 'arabic', 12, '．'],
    ['3、加大执法力度', 'arabic', 3, '、'],
    ['(2)规范检查', 'paren-arabic', 2, ''],
    ['三、二〇二五年工作安排', 'cn', 3, '、'],
    ['（一）', 'paren-cn', 1, ''],
    ['1.', 'arabic', 1, '.'],
    ['（ 2 ）规范检查', 'paren-arabic', 2, ''],
  ])('%s', (text, kind, value, delimiter) => {
    expect(matchOrdinal(text)).toMatchObject({ kind, value, delimiter });
  });

  it.each([
    '一是加强领导', '十分重要', '2024年,我局', '1.5万元用于', '1、2月份开展检查', '(2021—2025年)规划',
    '第一议题制度', '一,二级医院', '一、二级医院全部完成评估', '三、四类风险点', '二〇二五年', '十三五期间', '一一对应',
  ])('not an ordinal: %s', (text) => {
    expect(matchOrdinal(text)).toBeNull();
  });
});

describe('document structure', () => {
  it('title, addressee, preamble and nesting with 跃层 (一、 → 1.)', () => {
    const text = [
      '某市司法局2025年法治政府建设年度报告',
      '市委、市政府:',
      '2025年,我局坚持以习近平新时代中国特色社会主义思想为指导。',
      '一、主要举措和成效',
      '1.健全制度。全年制定规范性文件3件。',
      '2.严格执法',
      '全年办理行政处罚案件12件。',
      '二、存在的不足和原因',
      '一是执法力量不足;二是信息化水平不高。',
      '某市司法局',
      '2026年1月20日',
    ].join('\n');
    const doc = parseDocument(text, { filename: 'a.txt' });
    expect(doc.title?.text).toBe('某市司法局2025年法治政府建设年度报告');
    expect(doc.addressee?.text).toBe('市委、市政府:');
    expect(doc.preamble.map((p) => p.text)).toEqual(['2025年,我局坚持以习近平新时代中国特色社会主义思想为指导。']);
    expect(outline(doc)).toEqual([
      [1, '一、', '主要举措和成效', 4, 7, false, 0],
      [2, '1.', '健全制度', 5, 5, true, 1],
      [2, '2.', '严格执法', 6, 7, false, 1],
      [1, '二、', '存在的不足和原因', 8, 9, false, 1],
    ]);
    expect(doc.paragraphs.find((p) => p.text.startsWith('一是'))!.enumItems.map((e) => e.value)).toEqual([1, 2]);
    expect(doc.signature?.issuer?.text).toBe('某市司法局');
  });

  it('CRLF and CR line ends, full-width indents and code-point columns', () => {
    const text = '　　一、总体情况\r\n　　𠀀字在前，提升提升效能。\r二、其他\r\n';
    const doc = parseDocument(text, { filename: 'b.txt' });
    expect(doc.sections.map((s) => s.heading.title)).toEqual(['总体情况', '其他']);
    const p = doc.paragraphs[0]!;
    expect(p.text).toBe('𠀀字在前，提升提升效能。');
    expect(p.span.start).toMatchObject({ line: 2, column: 3 });
    // 𠀀 is two UTF-16 units but one column
    const offset = text.indexOf('提升提升');
    expect(doc.pointAt(offset)).toEqual({ line: 2, column: 8, offset });
    expect(doc.sections[1]!.heading.span.start.line).toBe(3);
  });

  it('a report with no headings at all is one preamble', () => {
    const doc = parseDocument('今年我们做了很多工作。\n明年继续努力。', { filename: 'c.txt' });
    expect(doc.sections).toEqual([]);
    expect(doc.paragraphs).toHaveLength(2);
  });
});

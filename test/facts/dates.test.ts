import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/document/facts/index.js';
import { readSignatureDate, scanDates, signatureDate, validDate } from '../../src/document/facts/dates.js';
import { parseDocument } from '../../src/document/parse/index.js';
import { dateRow, seedText } from './helpers.js';

describe('extractDates on the seeds', () => {
  it('000_123d78033956bda4.txt: every date and year mention', () => {
    const doc = parseDocument(seedText('000_123d78033956bda4.txt'), { filename: '000.txt' });
    const dates = factsOf(doc).dates;
    expect(dates).toHaveLength(13);
    expect(dates.map((d) => dateRow(doc, d))).toEqual([
      '1:1 2024年 year 2024',
      '6:3 2024年度 year 2024 H',
      // line 8: 今年产生行政检查档案3340份
      '8:55 今年 relative ? this',
      '16:94 2024年 year 2024',
      '17:75 2024年 year 2024',
      '19:52 2024年 year 2024',
      // in quotes: “2024年度医院法治建设”
      '24:143 2024年度 year 2024',
      '28:3 2023年 year 2023',
      '29:5 2024年 year 2024',
      '30:161 2023年 year 2023',
      // line 31: 今年新增的投诉热点
      '31:27 今年 relative ? this',
      '33:3 下一年度 relative ? next H',
      '49:1 2024年11月15日 date 2024-11-15',
    ]);
    expect(dates[6]).toMatchObject({ quoted: true, annual: true, sectionId: 9, where: 'paragraph' });
    expect(dates[1]).toMatchObject({ inHeading: true, where: 'heading', sectionId: 2, annual: true, form: 'arabic' });
    expect(dates[0]).toMatchObject({ sectionId: null, paragraphIndex: 0, inHeading: false });
    expect(dates[12]).toMatchObject({ where: 'signature', sectionId: null, valid: true });
  });

  it('003_fdb2e5dd79f7ab48.txt: every date and year mention', () => {
    const doc = parseDocument(seedText('003_fdb2e5dd79f7ab48.txt'), { filename: '003.txt' });
    const dates = factsOf(doc).dates;
    expect(dates.map((d) => dateRow(doc, d))).toEqual([
      '1:1 2025年 year 2025',
      // line 3: 今年重点工作
      '3:212 今年 relative ? this',
      '6:250 2025年 year 2025',
      '7:3 2025年 year 2025 H',
      // line 9: 今年我局起草……
      '9:1 今年 relative ? this',
      // 四 、2024年法治建设不足整改情况及2025年存在的不足
      '19:4 2024年 year 2024 H',
      '19:20 2025年 year 2025 H',
      '20:1 2024年 year 2024',
      '20:162 2025年 year 2025',
      '21:3 下一年度 relative ? next H',
      '27:1 2025年12月2日 date 2025-12-2',
    ]);
    const [nextYear] = dates.filter((d) => d.relative === 'next');
    expect(doc.allSections[nextYear!.sectionId!]!.heading.title).toBe('下一年度推进法治政府建设的主要安排');
  });
});

type Row = [string, string, ...unknown[]];
const rows = (text: string): Row[] => scanDates(text).map((d) => {
  const row: Row = [d.raw, d.kind];
  if (d.year !== undefined) row.push(d.year);
  if (d.month !== undefined) row.push(d.month);
  if (d.day !== undefined) row.push(d.day);
  if (d.relative) row.push(d.relative);
  if (d.period) row.push(d.period);
  if (d.range) row.push(d.range);
  if (!d.valid) row.push('invalid');
  return row;
});

describe('scanDates on sentences from other reports', () => {
  it.each<[string, Row[]]>([
    ['2025年12月2日,2025年2月,2024年度,2024年。', [
      ['2025年12月2日', 'date', 2025, 12, 2], ['2025年2月', 'month', 2025, 2], ['2024年度', 'year', 2024], ['2024年', 'year', 2024],
    ]],
    ['二〇二五年十二月二日印发,二〇二四年工作总结。', [['二〇二五年十二月二日', 'date', 2025, 12, 2], ['二〇二四年', 'year', 2024]]],
    ['2025年2月30日和2025年13月5日召开,2024年2月29日,2023年2月29日。', [
      ['2025年2月30日', 'date', 2025, 2, 30, 'invalid'], ['2025年13月5日', 'date', 2025, 13, 5, 'invalid'],
      ['2024年2月29日', 'date', 2024, 2, 29], ['2023年2月29日', 'date', 2023, 2, 29, 'invalid'],
    ]],
    ['3月5日召开会议,4月31日前完成,12月份开展督查,三月份启动。', [
      ['3月5日', 'date', 3, 5], ['4月31日', 'date', 4, 31, 'invalid'], ['12月份', 'month', 12], ['三月份', 'month', 3],
    ]],
    ['上半年完成,下半年推进,第一季度,三季度,年底前,年初,年末。', [
      ['上半年', 'period', 'H1'], ['下半年', 'period', 'H2'], ['第一季度', 'period', 'Q1'], ['三季度', 'period', 'Q3'],
      ['年底', 'period', 'end'], ['年初', 'period', 'start'], ['年末', 'period', 'end'],
    ]],
    ['2025年上半年,2024年第四季度,2025年底前。', [
      ['2025年上半年', 'period', 2025, 'H1'], ['2024年第四季度', 'period', 2024, 'Q4'], ['2025年底', 'period', 2025, 'end'],
    ]],
    ['今年以来,去年同期,明年继续,本年度,上年度,上一年度,下一年度,本年。', [
      ['今年', 'relative', 'this'], ['去年', 'relative', 'last'], ['明年', 'relative', 'next'], ['本年度', 'relative', 'this'],
      ['上年度', 'relative', 'last'], ['上一年度', 'relative', 'last'], ['下一年度', 'relative', 'next'], ['本年', 'relative', 'this'],
    ]],
    ['全年召开会议,基本年限,成本年度核算,过去年代。', []],
    ['编制2021—2025年规划,2021-2025年度,2021年至2025年,2025—2021年。', [
      ['2021—2025年', 'range', 2021, { from: 2021, to: 2025 }], ['2021-2025年度', 'range', 2021, { from: 2021, to: 2025 }],
      ['2021年至2025年', 'range', 2021, { from: 2021, to: 2025 }], ['2025—2021年', 'range', 2025, { from: 2025, to: 2021 }, 'invalid'],
    ]],
    ['截至2025.12.2,2024-03-01,24年3月5日。', [
      ['2025.12.2', 'date', 2025, 12, 2], ['2024-03-01', 'date', 2024, 3, 1], ['24年3月5日', 'date', 2024, 3, 5],
    ]],
    ['坚守执法20年,1200年历史,四个月,3340份,2025中国健康科普大赛。', []],
  ])('%s', (text, expected) => {
    expect(rows(text)).toEqual(expected);
  });

  it('marks forms, quotes and short years', () => {
    const [a, b, c, d] = scanDates('二〇二五年,《2024年度工作要点》,24年3月,2025.1.2');
    expect(a).toMatchObject({ form: 'chinese', quoted: false });
    expect(b).toMatchObject({ form: 'arabic', quoted: true, annual: true });
    expect(c).toMatchObject({ shortYear: true, year: 2024, month: 3, kind: 'month' });
    expect(d).toMatchObject({ form: 'numeric' });
  });

  it('calendar validity', () => {
    expect(validDate(2024, 2, 29)).toBe(true);
    expect(validDate(1900, 2, 29)).toBe(false);
    expect(validDate(2000, 2, 29)).toBe(true);
    expect(validDate(undefined, 2, 29)).toBe(true);
    expect(validDate(2025, 4, 31)).toBe(false);
    expect(validDate(2025, 0)).toBe(false);
  });
});

describe('signature date (GB/T 9704 §7.3.5.4)', () => {
  it('the seeds conform', () => {
    for (const [name, raw, y, m, d] of [
      ['000_123d78033956bda4.txt', '2024年11月15日', 2024, 11, 15], ['003_fdb2e5dd79f7ab48.txt', '2025年12月2日', 2025, 12, 2],
    ] as const) {
      const doc = parseDocument(seedText(name), { filename: name });
      const sig = signatureDate(doc)!;
      expect(sig).toMatchObject({ raw, year: y, month: m, day: d, valid: true, conforms: true, problems: [] });
      expect(doc.source.slice(sig.start, sig.end)).toBe(raw);
    }
  });

  it.each([
    ['2026年1月6日', true, []],
    ['2026年01月06日', false, ['leading-zero']],
    ['26年1月6日', false, ['short-year']],
    ['二〇二六年一月六日', false, ['chinese-numerals']],
    ['2026.1.6', false, ['numeric-form']],
    ['2026-01-06', false, ['numeric-form', 'leading-zero']],
    ['2026 年 1 月 6 日', false, ['spaces']],
    ['2025年2月30日', false, ['invalid-date']],
    ['二〇二五年十三月一日', false, ['chinese-numerals', 'invalid-date']],
    ['某年某月', false, ['unrecognised']],
  ])('%s', (text, conforms, problems) => {
    expect(readSignatureDate(text)).toMatchObject({ conforms, problems });
  });

  it('reads the values of non-conforming forms', () => {
    expect(readSignatureDate('二〇二五年十二月二日')).toMatchObject({ year: 2025, month: 12, day: 2, valid: true });
    expect(readSignatureDate('26年1月6日')).toMatchObject({ year: 2026, month: 1, day: 6 });
  });

  it('null without a signature', () => {
    const doc = parseDocument('一、工作情况\n全年办理案件5件。\n二、下一步打算\n继续推进。', { filename: 'x.txt' });
    expect(signatureDate(doc)).toBeNull();
  });
});

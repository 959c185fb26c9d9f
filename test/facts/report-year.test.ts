import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/document/facts/index.js';
import { loadMarkdownSupport, parseDocument } from '../../src/document/parse/index.js';
import { seedText } from './helpers.js';

const doc = (text: string, filename = 'r.txt') => parseDocument(text, { filename });

describe('the seeds', () => {
  it('000: 2024 from the opening "2024年,", plan 五、下一年度法治政府建设主要安排', () => {
    const d = doc(seedText('000_123d78033956bda4.txt'));
    const y = factsOf(d).reportYear!;
    expect(y).toMatchObject({ year: 2024, source: 'opening' });
    expect(d.source.slice(y.evidence.start, y.evidence.end)).toBe('2024年');
    expect(d.pointAt(y.evidence.start)).toMatchObject({ line: 1, column: 1 });
    const plan = factsOf(d).planSection!;
    expect(plan.heading.text).toBe('五、下一年度法治政府建设主要安排');
    expect(plan.id).toBe(12);
    expect(factsOf(d).reportType).toBe('fazhi-annual-report');
  });

  it('003: 2025, plan 五、下一年度推进法治政府建设的主要安排 (text and Markdown)', async () => {
    await loadMarkdownSupport();
    for (const name of ['003_fdb2e5dd79f7ab48.txt', '003_fdb2e5dd79f7ab48.md']) {
      const d = doc(seedText(name), name);
      expect(factsOf(d).reportYear).toMatchObject({ year: 2025, source: 'opening' });
      expect(factsOf(d).planSection!.heading.title).toBe('下一年度推进法治政府建设的主要安排');
      expect(factsOf(d).reportType).toBe('fazhi-annual-report');
    }
  });
});

describe('inferReportYear', () => {
  it('from the title', () => {
    const d = doc('某区司法局2024年法治政府建设年度报告\n2025年以来,我局……\n一、主要举措和成效\n开展工作。');
    const y = factsOf(d).reportYear!;
    expect(y).toMatchObject({ year: 2024, source: 'title' });
    expect(d.source.slice(y.evidence.start, y.evidence.end)).toBe('2024年');
    expect(factsOf(doc('某市人民政府2023年度法治政府建设情况报告\n一、主要举措\n开展工作。')).reportYear).toMatchObject({ year: 2023, source: 'title' });
  });

  it('from the opening: the first sentence, or a year before 法治…', () => {
    expect(factsOf(doc('2023年以来,在市委领导下……。\n一、主要举措和成效\n开展工作。')).reportYear).toMatchObject({ year: 2023, source: 'opening' });
    const d = doc('在区委区政府的领导下,我局扎实推进各项工作。现将我局2022年法治政府建设情况报告如下:\n一、主要举措\n开展工作。');
    expect(factsOf(d).reportYear).toMatchObject({ year: 2022, source: 'opening' });
  });

  it('from the headings: results, not rectification; a plan heading gives N+1', () => {
    const d = doc([
      '我局坚持依法行政,现报告如下。',
      '一、2024年法治建设不足整改情况',
      '整改完成。',
      '二、2025年法治建设主要举措和成效',
      '开展工作。',
    ].join('\n'));
    const y = factsOf(d).reportYear!;
    expect(y).toMatchObject({ year: 2025, source: 'heading' });
    expect(d.source.slice(y.evidence.start, y.evidence.end)).toBe('2025年');
    expect(factsOf(doc('我局坚持依法行政。\n一、主要工作\n开展工作。\n二、2026年工作计划\n继续推进。')).reportYear).toMatchObject({ year: 2025, source: 'heading' });
  });

  it('from the signature date', () => {
    const body = '我局坚持依法行政。\n一、主要工作\n开展工作。\n某区司法局\n';
    expect(factsOf(doc(body + '2025年3月20日')).reportYear).toMatchObject({ year: 2024, source: 'signature' });
    expect(factsOf(doc(body + '2025年12月2日')).reportYear).toMatchObject({ year: 2025, source: 'signature' });
    expect(factsOf(doc(body + '2025年7月1日')).reportYear).toBeNull();
  });

  it('null when nothing says it', () => {
    expect(factsOf(doc('我局坚持依法行政。\n一、主要工作\n开展工作。')).reportYear).toBeNull();
  });
});

describe('findPlanSection', () => {
  it.each([
    ['三、下一步工作打算', '下一步工作打算'],
    ['三、2025年工作计划', '2025年工作计划'],
    ['三、明年工作安排', '明年工作安排'],
    ['三、下一年度推进法治政府建设的主要安排', '下一年度推进法治政府建设的主要安排'],
  ])('%s', (heading, title) => {
    const d = doc(`2024年,我局依法行政。\n一、主要举措和成效\n开展工作。\n二、存在的不足和原因\n不足。\n${heading}\n继续推进。`);
    expect(factsOf(d).planSection?.heading.title).toBe(title);
  });

  it('none, and not the year after next', () => {
    expect(factsOf(doc('2024年,我局依法行政。\n一、主要举措和成效\n开展工作。\n二、2026年工作计划\n继续。')).planSection).toBeNull();
    expect(factsOf(doc('2024年,我局依法行政。\n一、主要举措和成效\n开展工作。')).planSection).toBeNull();
  });

  it('prefers a top-level section', () => {
    const d = doc('2024年,我局依法行政。\n一、主要举措和成效\n(一)下一步工作安排\n内容。\n二、下一年度工作安排\n内容。');
    expect(factsOf(d).planSection?.heading.text).toBe('二、下一年度工作安排');
  });
});

describe('the year from the body when nothing else says it', () => {
  it('a results paragraph that starts with the year (no title, no year in the opening or headings, no signature date)', () => {
    const d = doc('现将有关情况报告如下：\n一、主要举措和成效\n2023年，区司法局全面履行统筹协调职责。今年年初制定工作要点。\n二、存在的不足和原因\n一是培训不够系统，主要原因是人员流动较大。\n三、下一年度工作安排\n继续推进。\n某区司法局');
    const y = factsOf(d).reportYear!;
    expect(y).toMatchObject({ year: 2023, source: 'body' });
    expect(d.source.slice(y.evidence.start, y.evidence.end)).toBe('2023年');
  });

  it('not from a plan or a rectification section, nor from a year inside a sentence', () => {
    expect(factsOf(doc('现将有关情况报告如下：\n一、主要举措和成效\n区司法局全面履行职责，2023年制定工作要点。\n二、下一步工作计划\n2025年，继续推进。')).reportYear).toBeNull();
    expect(factsOf(doc('现将有关情况报告如下：\n一、上年度问题整改情况\n2022年，针对审核力量不足问题配齐人员。')).reportYear).toBeNull();
  });
});

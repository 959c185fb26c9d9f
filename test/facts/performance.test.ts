import { describe, expect, it } from 'vitest';
import { extractDates } from '../../src/facts/dates.js';
import { extractFigures, scanFigures } from '../../src/facts/figures.js';
import { inferReportYear } from '../../src/facts/report-year.js';
import { scanDates } from '../../src/facts/dates.js';
import { parseDocument } from '../../src/parse/index.js';
import { seedText } from './helpers.js';

const time = (f: () => unknown): number => {
  const t = performance.now();
  f();
  return performance.now() - t;
};

describe('linear time', () => {
  it('a 1 MB report extracts in well under a second (loose bound: 2 s)', () => {
    const seed = seedText('000_123d78033956bda4.txt');
    const body = seed.split('\n').slice(0, 47).join('\n') + '\n';
    let text = '';
    while (text.length < 1_000_000) text += body;
    const doc = parseDocument(text + '深圳市南山区卫生健康局\n2024年11月15日\n', { filename: 'big.txt' });
    let figures = 0;
    let dates = 0;
    const ms = time(() => {
      figures = extractFigures(doc).length;
      dates = extractDates(doc).length;
      inferReportYear(doc);
    });
    expect(figures).toBeGreaterThan(1000);
    expect(dates).toBeGreaterThan(100);
    expect(ms).toBeLessThan(2000);
  });

  it.each([
    ['digits', '1'.repeat(200_000)],
    ['digit groups', '1,000,'.repeat(50_000)],
    ['Chinese numerals', '一二三四五六七八九十百千万亿'.repeat(20_000)],
    ['unclosed quotes', '“二十'.repeat(100_000)],
    ['no punctuation', '开展专项整治行动'.repeat(40_000) + '3次'],
    ['dates and ranges', '2021—2025年2月30日,'.repeat(20_000)],
    ['ranges', '3-'.repeat(100_000)],
    ['units', '5余万余元左右'.repeat(40_000)],
  ])('one pathological line: %s', (_, line) => {
    const ms = time(() => {
      scanFigures(line);
      scanDates(line);
    });
    expect(ms).toBeLessThan(2000);
  });
});

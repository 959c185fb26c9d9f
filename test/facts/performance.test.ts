import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/document/facts/index.js';
import { scanFigures } from '../../src/document/facts/figures.js';
import { scanDates } from '../../src/document/facts/dates.js';
import { parseDocument } from '../../src/document/parse/index.js';
import { seedText } from './helpers.js';

// Speed is measured by `npm run bench`, not by timed tests (they fail on a busy machine); these
// cases only show that large and pathological inputs finish (the test timeout bounds them).
describe('large and pathological inputs', () => {
  it('a 1 MB report extracts', () => {
    const seed = seedText('000_123d78033956bda4.txt');
    const body = seed.split('\n').slice(0, 47).join('\n') + '\n';
    let text = '';
    while (text.length < 1_000_000) text += body;
    const doc = parseDocument(text + '深圳市南山区卫生健康局\n2024年11月15日\n', { filename: 'big.txt' });
    expect(factsOf(doc).figures.length).toBeGreaterThan(1000);
    expect(factsOf(doc).dates.length).toBeGreaterThan(100);
    expect(factsOf(doc).reportYear?.year).toBe(2024);
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
    expect(Array.isArray(scanFigures(line))).toBe(true);
    expect(Array.isArray(scanDates(line))).toBe(true);
  });
});

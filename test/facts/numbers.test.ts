import { describe, expect, it } from 'vitest';
import {
  parseArabicNumber, parseChineseDigits, parseChineseInteger, parseChineseNumber, parseNumber, scaleDecimal, scanNumerals,
} from '../../src/document/facts/numbers.js';

describe('Chinese numerals', () => {
  it.each([
    ['一', 1], ['十', 10], ['十二', 12], ['二十', 20], ['九十九', 99], ['一百', 100], ['一百零五', 105], ['一千二百', 1200],
    ['两万三千', 23000], ['十万', 100000], ['三亿四千万', 340000000], ['一万亿', 1e12], ['二十余', null],
    // colloquial: 一千二 = 1200, 两万三 = 23000
    ['一千二', 1200], ['两万三', 23000], ['一百二', 120],
  ])('parseChineseInteger(%s) = %s', (s, v) => {
    expect(parseChineseInteger(s)).toBe(v);
  });

  it.each(['十四五', '千万', '百', '万一', '三四', '二〇', '零五', '十百', '万万', ''])('%s is not a counting numeral', (s) => {
    expect(parseChineseInteger(s)).toBeNull();
  });

  it('reads years digit by digit', () => {
    expect(parseChineseDigits('二〇二五')).toBe(2025);
    expect(parseChineseDigits('二零二四')).toBe(2024);
    expect(parseChineseDigits('二○二三')).toBe(2023);
    expect(parseChineseDigits('两〇二五')).toBeNull();
    expect(parseChineseNumber('二〇二五')).toBe(2025);
    expect(parseChineseNumber('五')).toBe(5);
    expect(parseChineseNumber('一千二百')).toBe(1200);
  });
});

describe('Arabic numerals and whole expressions', () => {
  it('parses grouping, decimals and full-width digits', () => {
    expect(parseArabicNumber('1,200')).toBe(1200);
    expect(parseArabicNumber('12,345,678')).toBe(12345678);
    expect(parseArabicNumber('3.5')).toBe(3.5);
    expect(parseArabicNumber('１２')).toBe(12);
    expect(parseArabicNumber('12,34')).toBeNull();
  });

  it('scales without floating-point error', () => {
    expect(scaleDecimal('178.4', 4)).toBe(1784000);
    expect(scaleDecimal('4.53', 8)).toBe(453000000);
    expect(scaleDecimal('0.1234567', 4)).toBe(1234.567);
  });

  it.each([
    ['178.4万', 1784000, 1e4, false],
    ['4.53亿', 453000000, 1e8, false],
    ['1,200', 1200, 1, false],
    ['3.5', 3.5, 1, false],
    ['90%', 90, 1, true],
    ['３５％', 35, 1, true],
    ['百分之九十', 90, 1, true],
    ['百分之百', 100, 1, true],
    ['十二', 12, 1, false],
    ['二〇二五', 2025, 1, false],
  ])('parseNumber(%s)', (raw, value, scale, isPercent) => {
    expect(parseNumber(raw)).toMatchObject({ value, scale, isPercent });
  });

  it('rejects what is not one numeral', () => {
    expect(parseNumber('12件')).toBeNull();
    expect(parseNumber('十四五')).toBeNull();
    expect(parseNumber('')).toBeNull();
  });
});

describe('scanNumerals', () => {
  it('finds Arabic and Chinese numerals with their magnitudes', () => {
    const tokens = scanNumerals('金额共178.4万元,两万三千人,百分之九十,十四五,1,200件,2024,在');
    expect(tokens.map((t) => [t.raw, t.value, t.form])).toEqual([
      ['178.4万', 1784000, 'arabic'],
      ['两万三千', 23000, 'chinese'],
      ['百分之九十', 90, 'chinese'],
      ['1,200', 1200, 'arabic'],
      // 2024,在: a comma after four digits is not a thousands separator
      ['2024', 2024, 'arabic'],
    ]);
    expect(tokens[2]!.percentWord).toBe(true);
  });
});

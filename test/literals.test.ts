// The literal scanner of pack prefilters (src/packs/literals.ts) finds exactly the literals a
// text contains, however its tables are sized (pairs of first characters share buckets).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LiteralScanner } from '../src/packs/literals.js';

const naive = (literals: readonly string[], text: string) => literals.flatMap((l, id) => (text.includes(l) ? [id] : [])).sort((a, b) => a - b);

describe('LiteralScanner', () => {
  it('finds each literal the text contains, once, and no other (many literals, shared buckets)', () => {
    // a small alphabet of CJK and ASCII characters, so literals overlap, repeat and collide
    const char = fc.constantFrom('法', '治', '政', '府', '建', '设', '做', '出', '截', '止', '目', '前', 'a', '1', '\u4e00', '\u5e00', '\u6e00');
    const literal = fc.array(char, { minLength: 1, maxLength: 4 }).map((cs) => cs.join(''));
    fc.assert(fc.property(fc.uniqueArray(literal, { minLength: 1, maxLength: 60 }), fc.array(char, { maxLength: 80 }), (literals, chars) => {
      const text = chars.join('');
      const scanner = new LiteralScanner(literals);
      expect([...scanner.literalsIn(text)].sort((a, b) => a - b)).toEqual(naive(literals, text));
      // a second call on another text starts afresh
      expect([...scanner.literalsIn(text + '法治')].sort((a, b) => a - b)).toEqual(naive(literals, text + '法治'));
    }), { numRuns: 300 });
  });

  it('first characters whose pairs fall in one bucket (4096 apart) are told apart', () => {
    const a = String.fromCharCode(0x4e00) + '法';
    const b = String.fromCharCode(0x4e00 + 4096) + '法';
    const scanner = new LiteralScanner([a, b, '法']);
    expect(scanner.literalsIn(`前${b}后`).sort()).toEqual([1, 2]);
    expect(scanner.literalsIn(`${a}`).sort()).toEqual([0, 2]);
    expect(scanner.literalsIn('无关的文字')).toEqual([]);
  });
});

import { createRequire } from 'node:module';
import type { RE2JS as RE2JSClass } from 're2js';

import { PatternError } from './errors.js';

const require = createRequire(import.meta.url);

export { PatternError };

/** A match: [0] the text, [1…] the groups (undefined where a group took no part), index in the text searched. */
export interface PatternMatch {
  readonly [group: number]: string | undefined;
  readonly 0: string;
  readonly length: number;
  readonly index: number;
}

/**
 * A compiled pack pattern. Built-in (trusted) patterns run on native RegExp; patterns of a user
 * pack run on RE2 (re2js), whose every search is linear in the text searched.
 */
export interface Pattern {
  readonly source: string;
  /** whether the pattern matches anywhere in the text */
  test(text: string): boolean;
  /** whether a match starts exactly at `index`; calls for one text must come in ascending `index` */
  testAt(text: string, index: number): boolean;
  /** the non-empty matches in the text, in order; for a user pattern at most `limit` (see MATCH_LIMIT) */
  matches(text: string, limit?: number): Iterable<PatternMatch>;
}

/**
 * The most matches of one user pattern taken from one block of text (a heading or paragraph).
 * Each RE2 search is linear in the text, but a pattern such as `a.*b|a` makes every search
 * read to the end of the block for a match of one character: n matches cost n². Stopping
 * after this many keeps a block's cost linear (at most MATCH_LIMIT + 1 searches).
 */
export const MATCH_LIMIT = 100;

/**
 * Compile a pattern from a pack. The built-in packs are `trusted`: they keep native RegExp (a
 * test proves each of their patterns linear, see test/packs-hostile.test.ts), so a plain run
 * never loads the RE2 engine. Any other pack is untrusted input: its patterns must be valid
 * JavaScript (Unicode mode) *and* expressible on RE2, which matches in linear time; what RE2
 * cannot do (lookahead, lookbehind, backreferences) is refused here, at load.
 */
export function compilePattern(source: string, trusted = false): Pattern {
  let re: RegExp;
  try {
    re = new RegExp(source, 'gu');
  } catch (error) {
    throw new PatternError(`invalid regular expression: ${(error as Error).message}`);
  }
  return trusted ? new NativePattern(re) : new Re2Pattern(source);
}

class NativePattern implements Pattern {
  readonly source: string;
  private readonly plain: RegExp;
  private sticky: RegExp | null = null;
  constructor(private readonly global: RegExp) {
    this.source = global.source;
    this.plain = new RegExp(global.source, 'u');
  }

  test(text: string): boolean {
    return this.plain.test(text);
  }

  testAt(text: string, index: number): boolean {
    this.sticky ??= new RegExp(this.source, 'uy');
    this.sticky.lastIndex = index;
    return this.sticky.test(text);
  }

  *matches(text: string): Generator<PatternMatch> {
    const re = this.global;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      yield m;
    }
  }
}

let RE2JS: typeof RE2JSClass | null = null;

class Re2Pattern implements Pattern {
  private readonly re: RE2JSClass;
  /** testAt: the text last searched, and the leftmost match start at or after `from` (-1: none) */
  private atText: string | null = null;
  private atFrom = 0;
  private atStart = -1;

  constructor(readonly source: string) {
    const translated = toRe2(source);
    // loaded on the first user pattern only: a run without a user pack never pays for it (~15 ms)
    RE2JS ??= (require('re2js') as typeof import('re2js')).RE2JS;
    try {
      this.re = RE2JS.compile(translated);
    } catch (error) {
      const why = (error as Error).message.replace(/^error parsing regexp: /, '');
      throw new PatternError(`pattern /${source}/ cannot run on the linear-time engine (RE2): ${why}`);
    }
  }

  test(text: string): boolean {
    return this.re.test(text);
  }

  testAt(text: string, index: number): boolean {
    // the leftmost match at or after `from` starts at atStart: no match starts in [from, atStart)
    if (text !== this.atText || index < this.atFrom || (this.atStart !== -1 && index > this.atStart)) {
      const m = this.re.matcher(text);
      this.atText = text;
      this.atFrom = index;
      this.atStart = m.find(index) ? m.start() : -1;
    }
    return this.atStart === index;
  }

  *matches(text: string, limit = MATCH_LIMIT): Generator<PatternMatch> {
    if (!this.re.test(text)) return; // one pass of the DFA rules most blocks out
    const m = this.re.matcher(text);
    const groups = this.re.groupCount();
    let found = 0;
    for (let from = 0; found < limit && from <= text.length && m.find(from); ) {
      const start = m.start();
      const end = m.end();
      if (end === start) {
        from = start + 1;
        continue;
      }
      const match: Array<string | undefined> & { index?: number } = [text.slice(start, end)];
      for (let g = 1; g <= groups; g++) match.push(m.group(g) ?? undefined);
      match.index = start;
      found++;
      yield match as unknown as PatternMatch;
      from = end;
    }
  }
}

/** JavaScript's \s: Unicode white space and line terminators (RE2's \s is ASCII only). */
const WHITE_SPACE = '\\t\\n\\v\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}';
/** JavaScript's `.` without the s flag: anything but a line terminator (RE2's `.` excludes only \n). */
const DOT = '[^\\n\\r\\x{2028}\\x{2029}]';

/**
 * Rewrite a pattern that is valid JavaScript (Unicode mode) into RE2 syntax with the same
 * meaning, or refuse it with the reason. The source has already compiled as a JavaScript
 * RegExp, so only syntax that is valid there needs handling.
 */
export function toRe2(source: string): string {
  let out = '';
  let inClass = false;
  const refuse = (what: string, why: string) => {
    throw new PatternError(`pattern /${source}/ uses ${what}, which user packs may not use: ${why}`);
  };
  for (let i = 0; i < source.length; ) {
    const ch = source[i]!;
    if (ch === '\\') {
      const kind = source[i + 1]!;
      if (kind === 'u') {
        let code: number;
        let length: number;
        if (source[i + 2] === '{') {
          const close = source.indexOf('}', i);
          code = parseInt(source.slice(i + 3, close), 16);
          length = close + 1 - i;
        } else {
          code = parseInt(source.slice(i + 2, i + 6), 16);
          length = 6;
          const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(source.slice(i + 6));
          if (code >= 0xd800 && code <= 0xdbff && low) {
            code = 0x10000 + ((code - 0xd800) << 10) + (parseInt(low[1]!, 16) - 0xdc00);
            length = 12;
          }
        }
        out += `\\x{${code.toString(16)}}`;
        i += length;
      } else if (kind === 'p' || kind === 'P') {
        const close = source.indexOf('}', i);
        const name = source.slice(i + 3, close).replace(/^(Script|sc|General_Category|gc)=/, '');
        if (name.includes('=')) refuse(`\\${kind}{${source.slice(i + 3, close)}}`, 'RE2 knows general categories and scripts only (\\p{Han}, \\p{Script=Han}, \\p{L})');
        out += `\\${kind}{${name}}`;
        i = close + 1;
      } else if (kind === 's') {
        out += inClass ? WHITE_SPACE : `[${WHITE_SPACE}]`;
        i += 2;
      } else if (kind === 'S') {
        if (inClass) refuse('\\S inside [...]', 'RE2 cannot put a negated class inside a class; list the characters instead');
        out += `[^${WHITE_SPACE}]`;
        i += 2;
      } else if (kind >= '1' && kind <= '9') {
        refuse(`a backreference (\\${kind})`, 'matching one needs backtracking, which can take exponential time');
      } else if (kind === 'k') {
        refuse('a backreference (\\k<…>)', 'matching one needs backtracking, which can take exponential time');
      } else if (kind === '0') {
        out += '\\x{0}';
        i += 2;
      } else if (kind === 'c') {
        out += `\\x{${(source.charCodeAt(i + 2) % 32).toString(16)}}`;
        i += 3;
      } else if (kind === '/') {
        out += '/';
        i += 2;
      } else {
        out += ch + kind;
        i += 2;
      }
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      i++;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      i++;
      // [] matches nothing and [^] anything in JavaScript; in RE2 a leading ] is a character
      if (source[i] === ']') {
        out = out.slice(0, -1) + '[^\\x{0}-\\x{10ffff}]';
        (i += 1), (inClass = false);
      } else if (source.startsWith('^]', i)) {
        out = out.slice(0, -1) + '[\\x{0}-\\x{10ffff}]';
        (i += 2), (inClass = false);
      }
      continue;
    }
    if (ch === '(' && source[i + 1] === '?') {
      const kind = source.slice(i + 2, i + 4);
      if (kind[0] === '=' || kind[0] === '!') refuse(`lookahead (?${kind[0]}…)`, 'RE2 has no lookaround; in a prefer check use `unless`, or a group and $1 in `right`');
      if (kind === '<=' || kind === '<!') refuse(`lookbehind (?${kind}…)`, 'RE2 has no lookaround; in a prefer check use a group and $1 in `right`');
    }
    if (ch === '.') {
      out += DOT;
      i++;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

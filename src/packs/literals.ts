import type { TextRange } from './units.js';

/**
 * A prefilter for pack patterns. Most patterns of a pack contain a literal that every match
 * must contain (法治审核, 习近平…, 做出); a range of text without any such literal cannot match,
 * so the pattern need not run on it. Each range is scanned once for all the rule's literals, and
 * each pattern then runs only on the ranges that hold one of its own.
 */

/**
 * Strings at least one of which every match of the pattern contains, or null when the pattern
 * has no such literal (its matches are not pinned down by fixed text, e.g. (?:尊法|学法){4}).
 * Conservative: anything it cannot read as plain text (escapes, classes, lookarounds,
 * optional parts) is taken to require nothing.
 */
export function requiredLiterals(source: string): string[] | null {
  try {
    const parser = new Parser(source);
    const { required } = parser.alternation();
    return parser.at < source.length ? null : required;
  } catch {
    return null;
  }
}

const SYNTAX = new Set('\\^$.|?*+()[]{}');
/** The most strings a stretch of exact text is read as: a product of groups grows fast. */
const MAX_EXACT = 32;

/**
 * What a regex part tells about its matches: `required`, strings at least one of which every
 * match contains (null: none known); `exact`, the strings it matches, when it matches only
 * fixed text ('一是|二是', '(?:精神|以来)'), else null.
 */
interface Reading {
  required: string[] | null;
  exact: string[] | null;
}

/** A recursive-descent reader of the regex source, computing required literals bottom-up. */
class Parser {
  at = 0;
  constructor(private readonly source: string) {}

  /** branch|branch|…: each match goes through one branch, so it contains one of their literals */
  alternation(): Reading {
    const all: string[] = [];
    let exact: string[] | null = [];
    let unknown = false;
    for (;;) {
      const branch = this.sequence();
      if (branch.required === null) unknown = true;
      else all.push(...branch.required);
      exact = exact && branch.exact ? [...exact, ...branch.exact] : null;
      if (this.source[this.at] !== '|') break;
      this.at++;
    }
    return { required: unknown ? null : [...new Set(all)], exact: exact && exact.length <= MAX_EXACT ? [...new Set(exact)] : null };
  }

  /**
   * a run of atoms: every atom that must occur gives a candidate, and so does each stretch of
   * exact text (plain characters and groups of fixed strings, next to each other); the most
   * selective candidate is kept
   */
  sequence(): Reading {
    let best: string[] | null = null;
    // the strings the current stretch of exact text may be (['']: none read yet)
    let run: string[] = [''];
    // plain characters read after the run, not yet joined to it
    let plain = '';
    // whether the whole sequence so far is one stretch of exact text
    let exact = true;
    const keep = (candidate: string[] | null) => {
      if (candidate && candidate.length && candidate.every((s) => s !== '') && better(candidate, best)) best = candidate;
    };
    const join = (piece: string[]) => {
      if (run.length === 1 && run[0] === '') {
        run = piece;
        return;
      }
      // A single character (的, 即) is in nearly every paragraph: joined to a short neighbour,
      // (做|干|抓)的 gives 做的, 干的, 抓的, each rare. Two longer parts are rare enough alone, and
      // the scan is cheaper with one of them ((工作|统筹)按排 keeps 按排); one string after another
      // is always joined (会议(精神)).
      const shortest = (l: string[]) => Math.min(...l.map((s) => s.length));
      const [a, b] = [shortest(run), shortest(piece)];
      const joined = run.length * piece.length;
      if (joined === 1 || (Math.min(a, b) === 1 && Math.max(a, b) <= 2 && joined <= MAX_EXACT)) {
        run = run.flatMap((r) => piece.map((t) => r + t));
      } else {
        keep(run);
        exact = false;
        run = piece;
      }
    };
    const flushPlain = () => {
      if (plain) join([plain]);
      plain = '';
    };
    const endRun = () => {
      flushPlain();
      keep(run);
      run = [''];
      exact = false;
    };
    while (this.at < this.source.length) {
      const ch = String.fromCodePoint(this.source.codePointAt(this.at)!);
      if (ch === '|' || ch === ')') break;
      if (!SYNTAX.has(ch)) {
        this.at += ch.length;
        const min = this.quantifier();
        if (min === null) {
          plain += ch; // a plain character: the run goes on
        } else {
          if (min >= 1) plain += ch; // ch+, ch{2}: ch is there, but what follows is not next to this run
          endRun();
        }
        continue;
      }
      if (ch === '(') {
        const group = this.group();
        const min = this.quantifier();
        if (min === null && group.exact) {
          // a group of fixed strings, once: the run goes on through it
          flushPlain();
          join(group.exact);
          continue;
        }
        endRun();
        if ((min ?? 1) >= 1) keep(group.required);
        continue;
      }
      if (ch === '[') {
        const chars = this.readClass();
        const min = this.quantifier();
        if (min === null && chars) {
          // [<＜]: one of a few characters, as a group of one-character strings
          flushPlain();
          join(chars);
          continue;
        }
        endRun();
        if ((min ?? 1) >= 1) keep(chars);
        continue;
      }
      endRun();
      if (ch === '\\') this.skipEscape();
      else if (ch === '^' || ch === '$' || ch === '.') this.at++;
      else throw new Error(`unexpected ${ch}`); // a stray quantifier: not a pattern we read
      this.quantifier();
    }
    flushPlain();
    const whole = exact ? run : null;
    keep(run);
    return { required: best, exact: whole };
  }

  /** (…), (?:…), (?<name>…) give their content's literals; lookarounds give none */
  private group(): Reading {
    this.at++; // (
    let lookaround = false;
    if (this.source[this.at] === '?') {
      const rest = this.source.slice(this.at, this.at + 3);
      if (rest.startsWith('?:')) this.at += 2;
      else if (rest.startsWith('?=') || rest.startsWith('?!')) (this.at += 2), (lookaround = true);
      else if (rest === '?<=' || rest === '?<!') (this.at += 3), (lookaround = true);
      else if (rest.startsWith('?<')) this.skipTo('>');
      else throw new Error('unknown group');
    }
    const inner = this.alternation();
    if (this.source[this.at] !== ')') throw new Error('unclosed group');
    this.at++;
    return lookaround ? { required: null, exact: null } : inner;
  }

  /**
   * [abc]: its characters, when the class lists at most MAX_EXACT plain characters; null for
   * anything else it may be ([^…], ranges, escapes)
   */
  private readClass(): string[] | null {
    const start = ++this.at; // [
    while (this.at < this.source.length && this.source[this.at] !== ']') this.at += this.source[this.at] === '\\' ? 2 : 1;
    if (this.at >= this.source.length) throw new Error('unclosed class');
    const inner = this.source.slice(start, this.at++);
    if (inner === '' || inner.startsWith('^') || /[-\\[]/.test(inner)) return null;
    const chars = [...new Set(inner)];
    return chars.length <= MAX_EXACT ? chars : null;
  }

  /** an escape (\d, \p{…}, \u4e00, \1, \k<name>, \.…): none of them is read as text */
  private skipEscape(): void {
    const kind = this.source[this.at + 1];
    this.at += 2;
    const next = this.source[this.at];
    if ((kind === 'u' || kind === 'p' || kind === 'P') && next === '{') this.skipTo('}');
    else if (kind === 'k' && next === '<') this.skipTo('>');
    else if (kind === 'u') this.at += 4;
    else if (kind === 'x') this.at += 2;
    else if (kind === 'c') this.at += 1;
    else if (kind !== undefined && kind >= '0' && kind <= '9') while (/[0-9]/.test(this.source[this.at] ?? '')) this.at++;
  }

  /** move past the next `end` */
  private skipTo(end: string): void {
    const i = this.source.indexOf(end, this.at);
    if (i < 0) throw new Error(`no ${end}`);
    this.at = i + 1;
  }

  /** reads the quantifier after an atom, if any; returns the atom's minimum count, or null without one */
  private quantifier(): number | null {
    const ch = this.source[this.at];
    let min: number;
    if (ch === '?' || ch === '*') {
      min = 0;
      this.at++;
    } else if (ch === '+') {
      min = 1;
      this.at++;
    } else if (ch === '{') {
      const m = /^\{(\d+)(?:,\d*)?\}/.exec(this.source.slice(this.at));
      if (!m) throw new Error('bad quantifier');
      min = Number(m[1]);
      this.at += m[0].length;
    } else {
      return null;
    }
    if (this.source[this.at] === '?') this.at++; // lazy
    return min;
  }
}

/** Whether required-literal set a rules out more text than b: longer shortest literal, then fewer literals. */
function better(a: string[], b: string[] | null): boolean {
  if (!b) return true;
  const shortest = (l: string[]) => Math.min(...l.map((s) => s.length));
  const [la, lb] = [shortest(a), shortest(b)];
  return la !== lb ? la > lb : a.length < b.length;
}

const STARTS_LONGER = 1;
const IS_SINGLE = 2;
const IS_SECOND = 4;
// 4,096 buckets: a few hundred literals rarely share one, and the tables stay small (a run
// builds one scanner per pack rule at start-up; 64 K-entry tables cost more to allocate than to use)
const PAIR_BUCKETS = 1 << 12;

/** The bucket of a literal's first two UTF-16 code units (a collision only costs a startsWith). */
const pairBucket = (first: number, second: number) => ((first << 7) ^ second) & (PAIR_BUCKETS - 1);

/**
 * Finds which of a fixed list of literals a text contains, in one pass over the text. Most characters start no literal; at those that do, the next character usually rules
 * the place out, so the literals are indexed by their first two UTF-16 code units (in typed
 * arrays: a Map keyed by first * 65536 + second hashed a heap number at every candidate).
 */
export class LiteralScanner {
  /**
   * by code unit: STARTS_LONGER where a longer literal starts with it, | IS_SINGLE where it is a
   * literal, | IS_SECOND where a literal has it second
   */
  private readonly flags = new Uint8Array(65536);
  /** one-character literals: their id, by code unit */
  private readonly single = new Map<number, number>();
  /** longer literals: by pair bucket, 1 + the index of their ids in byBucket (0: none) */
  private readonly bucketOf = new Uint16Array(PAIR_BUCKETS);
  private readonly byBucket: number[][] = [];
  /** per literal id, the call of literalsIn that last found it (found once per call without a search) */
  private readonly foundIn: Uint32Array;
  private call = 0;

  constructor(readonly literals: readonly string[]) {
    this.foundIn = new Uint32Array(literals.length);
    literals.forEach((literal, id) => {
      const first = literal.charCodeAt(0);
      if (literal.length === 1) {
        this.flags[first]! |= IS_SINGLE;
        this.single.set(first, id);
        return;
      }
      this.flags[first]! |= STARTS_LONGER;
      const second = literal.charCodeAt(1);
      this.flags[second]! |= IS_SECOND;
      const bucket = pairBucket(first, second);
      if (this.bucketOf[bucket] === 0) {
        this.byBucket.push([]);
        this.bucketOf[bucket] = this.byBucket.length;
      }
      this.byBucket[this.bucketOf[bucket]! - 1]!.push(id);
    });
  }

  /** The ids of the literals found in the text, each once. */
  literalsIn(text: string): number[] {
    const found: number[] = [];
    const { flags, single, bucketOf, byBucket, literals, foundIn } = this;
    // a new stamp per call; on wrap-around, clear the stamps of the previous calls
    if (++this.call === 0xffffffff) (this.call = 1), foundIn.fill(0);
    const call = this.call;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const first = text.charCodeAt(i);
      const kind = flags[first]! & (STARTS_LONGER | IS_SINGLE);
      if (kind === 0) continue;
      if (kind & IS_SINGLE) {
        const one = single.get(first)!;
        if (foundIn[one] !== call) (foundIn[one] = call), found.push(one);
      }
      if (!(kind & STARTS_LONGER) || i + 1 === n) continue;
      const second = text.charCodeAt(i + 1);
      if ((flags[second]! & IS_SECOND) === 0) continue;
      const slot = bucketOf[pairBucket(first, second)]!;
      if (slot === 0) continue;
      for (const id of byBucket[slot - 1]!) {
        if (foundIn[id] !== call && text.startsWith(literals[id]!, i)) (foundIn[id] = call), found.push(id);
      }
    }
    return found;
  }
}

/**
 * A rule's patterns with their required literals, sharing one scanner: for a list of ranges,
 * the ranges each pattern may match in.
 */
export class PatternPrefilter {
  private readonly scanner: LiteralScanner;
  /** for each pattern, the ids of its literals in the scanner, or null: run everywhere */
  private readonly literalIds: Array<number[] | null>;
  /** for each literal id, the patterns that require it */
  private readonly patternsOf: number[][];

  /** `known`: required literals by source, worked out before (the build's, for built-in packs); extended with the new ones */
  constructor(sources: readonly string[], known?: Map<string, string[] | null>) {
    const literals: string[] = [];
    const idOf = new Map<string, number>();
    this.literalIds = sources.map((source) => {
      let required = known?.get(source);
      if (required === undefined) {
        required = requiredLiterals(source);
        known?.set(source, required);
      }
      if (!required) return null;
      return required.map((literal) => {
        let id = idOf.get(literal);
        if (id === undefined) {
          id = literals.length;
          literals.push(literal);
          idOf.set(literal, id);
        }
        return id;
      });
    });
    this.scanner = new LiteralScanner(literals);
    this.patternsOf = literals.map(() => []);
    this.literalIds.forEach((ids, pattern) => ids?.forEach((id) => this.patternsOf[id]!.push(pattern)));
  }

  /**
   * A lookup for one run of the rule over a document: for a list of ranges and pattern numbers
   * first … first+count-1, the ranges (in their order) whose text contains one of the pattern's
   * literals, or all ranges for a pattern without literals. Each list of ranges is scanned once
   * per run: the checks of a rule share the document's list.
   */
  forRun(): (ranges: readonly TextRange[], first: number, count: number) => Array<readonly TextRange[]> {
    const indexed = new Map<readonly TextRange[], ReadonlyArray<TextRange[] | undefined>>();
    return (ranges, first, count) => {
      let byPattern = indexed.get(ranges);
      if (!byPattern) indexed.set(ranges, (byPattern = this.rangesByPattern(ranges)));
      const out: Array<readonly TextRange[]> = [];
      for (let k = first; k < first + count; k++) out.push(this.literalIds[k] ? (byPattern[k] ?? NONE) : ranges);
      return out;
    };
  }

  /** For each pattern with literals, the ranges that hold one of them (undefined: none). */
  private rangesByPattern(ranges: readonly TextRange[]): Array<TextRange[] | undefined> {
    const byPattern: Array<TextRange[] | undefined> = [];
    for (const range of ranges) {
      const text = range.block.text;
      const ids = this.scanner.literalsIn(range.start === 0 && range.end === text.length ? text : text.slice(range.start, range.end));
      for (const id of ids) {
        for (const pattern of this.patternsOf[id]!) {
          const list = (byPattern[pattern] ??= []);
          if (list[list.length - 1] !== range) list.push(range); // two literals of one pattern in one range
        }
      }
    }
    return byPattern;
  }
}

const NONE: readonly TextRange[] = [];

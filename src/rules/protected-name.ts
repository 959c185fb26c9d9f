import { readFileSync } from 'node:fs';
import type { TextBlock } from '../document/model.js';
import { lookup, segment } from '../document/dictionary.js';
import { readingsOf } from '../document/readings.js';
import { factsOf } from '../document/facts/index.js';
import { packageFile } from '../paths.js';
import { defineMeta, defineRule, type ContextOf, type OptionsOf } from '../rule.js';

/**
 * protected-name: the names that must be written exactly — the state's name, the state organs,
 * the Party's central organs, a few canonical formulations (data/protected-names.json) — written
 * with one character wrong: 中华人民大和国, 区检查院, 人民攻府, 扫黑险恶. These are the 「严重表述错误」
 * of the national inspection of government websites, where one of them fails a whole site.
 *
 * The rule does not guess at typos in general prose. It looks only for a stretch of text as long
 * as a listed name that differs from it in exactly one character, and reports it only when
 *
 * - the two characters look alike (data/similar-shape.json) or sound alike (the same syllable,
 *   tone aside, by data/pinyin.tsv, read only when such a candidate is there), or the name is one
 *   that nothing else lies one character away from (`anyCharacter`: 中华人民共和国);
 * - the stretch is not a word of jieba's dictionary, and no dictionary word runs across its
 *   start or its end (检查院落实: 院落; 练习近乎: 练习), so that a real word in that place is
 *   not called a typo;
 * - it is not one of the name's legitimate neighbours (检察委员会 beside 监察委员会, 以法治国) nor
 *   in the office's `allow` list, and for a short name the text before it fits (检察院 after
 *   人民, 区, 县 …, not after 督促);
 * - it is not inside the title of a law in 《》 (law-citation checks those), but for the state's name opening it.
 *
 * The fix writes the listed name's character back. Office-holder titles of a fixed form
 * (全国人大副委员长 → 全国人大常委会副委员长, 广东省省委 → 广东省委) are patterns of the same data file.
 */

export type Options = OptionsOf<typeof meta>;
type Context = ContextOf<typeof meta>;

export const meta = defineMeta({
  id: 'protected-name',
  description: {
    zh: '国名、国家机关和党的机关名称、规范表述写错一个字（中华人民大和国、检查院、攻府、扫黑险恶）',
    en: 'The state\'s name, the names of state and Party organs and fixed formulations with one character wrong (中华人民大和国, 检查院, 攻府, 扫黑险恶)',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: true,
  options: {
    allow: {
      type: 'array',
      items: { type: 'string', minLength: 2 },
      uniqueItems: true,
      description: 'Text that is right where it stands although it is one character away from a protected name (a local place or body name).',
    },
    names: {
      type: 'array',
      items: { type: 'string', pattern: '^\\p{Script=Han}{3,20}$' },
      uniqueItems: true,
      description: 'More names to protect, such as the office\'s own full name (three or more Chinese characters).',
    },
    sound: {
      type: 'boolean',
      description: 'Also report a character replaced by one of the same sound (default true); false: similar shape only.',
    },
    titles: {
      type: 'boolean',
      description: 'Also check office-holder titles of a fixed form (全国人大常委会副委员长, 广东省委书记); default true.',
    },
  },
  defaultOptions: { allow: [] as string[], names: [] as string[], sound: true, titles: true },
  messages: {
    shape: {
      zh: '「{{found}}」应为「{{name}}」：「{{wrong}}」与「{{right}}」形近致误',
      en: '"{{found}}" should be "{{name}}": "{{wrong}}" is mistaken for "{{right}}", which it looks like',
    },
    sound: {
      zh: '「{{found}}」应为「{{name}}」：「{{wrong}}」与「{{right}}」音同致误',
      en: '"{{found}}" should be "{{name}}": "{{wrong}}" is typed for "{{right}}", which sounds the same',
    },
    other: {
      zh: '「{{found}}」应为「{{name}}」：「{{wrong}}」是错字',
      en: '"{{found}}" should be "{{name}}": "{{wrong}}" is a wrong character',
    },
    npcStandingCommittee: {
      zh: '「{{found}}」应为「{{right}}」：委员长、副委员长是全国人大常委会的组成人员（宪法第六十五条）',
      en: '"{{found}}" should be "{{right}}": the chairman and vice-chairmen are members of the NPC Standing Committee (Constitution, Article 65)',
    },
    provinceDoubled: {
      zh: '「{{found}}」应为「{{right}}」：「省」重复，省委、省政府等简称紧接省名',
      en: '"{{found}}" should be "{{right}}": 省 is written twice; 省委, 省政府 … follow the province\'s name directly',
    },
  },
  tags: ['spelling', 'names'],
});

interface NameEntry {
  name: string;
  anyCharacter: boolean;
  sound: boolean;
  before: RegExp | null;
  allow: string[];
}

interface TitleEntry {
  wrong: RegExp;
  right: string;
  reason: 'npcStandingCommittee' | 'provinceDoubled';
}

interface Data {
  names: NameEntry[];
  titles: TitleEntry[];
  shapes: Map<string, Set<string>>;
}

interface RawData {
  names: Array<{ name: string; anyCharacter?: boolean; sound?: boolean; before?: string; allow?: string[] }>;
  titles: Array<{ wrong: string; right: string; reason: TitleEntry['reason'] }>;
}

let data: Data | null = null;

/** data/protected-names.json and data/similar-shape.json, read on first use. */
function builtinData(): Data {
  if (data) return data;
  const raw = JSON.parse(readFileSync(packageFile('data/protected-names.json'), 'utf8')) as RawData;
  const shape = JSON.parse(readFileSync(packageFile('data/similar-shape.json'), 'utf8')) as { pairs: Array<[string, string]> };
  const shapes = new Map<string, Set<string>>();
  for (const [a, b] of shape.pairs) {
    if (!shapes.has(a)) shapes.set(a, new Set());
    if (!shapes.has(b)) shapes.set(b, new Set());
    shapes.get(a)!.add(b);
    shapes.get(b)!.add(a);
  }
  data = {
    names: raw.names.map((n) => ({
      name: n.name,
      anyCharacter: n.anyCharacter === true,
      sound: n.sound !== false,
      before: n.before ? new RegExp(n.before, 'u') : null,
      allow: n.allow ?? [],
    })),
    titles: raw.titles.map((t) => ({ wrong: new RegExp(t.wrong, 'gu'), right: t.right, reason: t.reason })),
    shapes,
  };
  return data;
}

// ---------------------------------------------------------------- sound

/** one syllable in common, tones aside (every reading of a polyphone: 查/察, 和/合) */
function soundAlike(wrong: string, right: string): boolean {
  const ra = readingsOf(right);
  return readingsOf(wrong).some((s) => ra.includes(s));
}

// ---------------------------------------------------------------- words

const HAN = /^\p{Script=Han}$/u;
/** the characters on either side of a stretch that its reading is taken with */
const CONTEXT = 4;

/**
 * Whether the most probable reading of the text around [start, end) (jieba's cut over its
 * dictionary) puts a word across the stretch's start or end: 督促检查|院校, 练习|近乎.
 */
function wordAcross(text: string, start: number, end: number): boolean {
  const from = Math.max(0, start - CONTEXT);
  const to = Math.min(text.length, end + CONTEXT);
  const cuts = new Set(segment(text.slice(from, to)).map((c) => c + from));
  return !cuts.has(start) || !cuts.has(end);
}

/**
 * 《…法》, 《…条例》: a law's title, which law-citation checks; not the state's name that opens
 * it (《中华人民大和国行政处罚法》), which law-citation reads as a prefix and leaves to this rule
 */
const LAW_TITLE = /(?:法|法典|条例)$/;

function insideLawTitle(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('《', start);
  if (open < 0 || text.lastIndexOf('》', start) > open || start === open + 1) return false;
  const close = text.indexOf('》', end);
  if (close < 0) return false;
  const inner = text.slice(open + 1, close);
  return !inner.includes('《') && LAW_TITLE.test(inner);
}

interface Candidate {
  start: number;
  end: number;
  at: number;
  entry: NameEntry;
  how: 'shape' | 'sound' | 'other';
}

interface NameIndex {
  byChar: Map<number, Array<[NameEntry, number]>>;
  /** 1 at the UTF-16 code of a character some name has first or second */
  starts: Uint8Array;
}

let builtinIndex: NameIndex | null = null;
const indexByNames = new WeakMap<readonly string[], NameIndex>();

/**
 * The names by their first and second character: a stretch one character away from a name has
 * the name's first or its second character in place. Keyed by UTF-16 code, with a flag table in
 * front: every character of every line is looked up, and text[i] would make a string of each one.
 * Built once per list of names (the built-in ones and an office's own, from the options).
 */
function nameIndex(builtin: Data, names: readonly string[] | undefined): NameIndex {
  if (!names?.length && builtinIndex) return builtinIndex;
  if (names?.length && indexByNames.has(names)) return indexByNames.get(names)!;
  const extra: NameEntry[] = (names ?? []).map((name) => ({ name, anyCharacter: false, sound: true, before: null, allow: [] }));
  const byChar = new Map<number, Array<[NameEntry, number]>>();
  const starts = new Uint8Array(0x10000);
  for (const entry of [...builtin.names, ...extra]) {
    for (let k = 0; k < 2 && k < entry.name.length; k++) {
      const c = entry.name.charCodeAt(k);
      if (!byChar.has(c)) byChar.set(c, []);
      byChar.get(c)!.push([entry, k]);
      starts[c] = 1;
    }
  }
  const index = { byChar, starts };
  if (names?.length) indexByNames.set(names, index);
  else builtinIndex = index;
  return index;
}

export function check(ctx: Context): void {
  const { options } = ctx;
  const builtin = builtinData();
  const allow = options.allow ?? [];
  const useSound = options.sound !== false;
  const { byChar, starts } = nameIndex(builtin, options.names);

  for (const { block, mask } of factsOf(ctx.document).lineBlocks) {
    const text = block.text;
    const found: Candidate[] = [];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (starts[code] === 0) continue;
      const list = byChar.get(code)!;
      for (const [entry, k] of list) {
        const start = i - k;
        const name = entry.name;
        const end = start + name.length;
        if (start < 0 || end > text.length) continue;
        // found from its second character only when the first is the one that differs
        if (k === 1 && text[start] === name[0]) continue;
        let at = -1;
        let mismatches = 0;
        for (let j = 0; j < name.length && mismatches < 2; j++) {
          if (text.charCodeAt(start + j) !== name.charCodeAt(j)) {
            mismatches++;
            at = start + j;
          }
        }
        if (mismatches !== 1) continue;
        const candidate = judge(text, mask, start, end, at, entry, allow, useSound, builtin.shapes);
        if (candidate) found.push(candidate);
      }
    }
    // the same wrong character within two names (中国特色社会主意 in 习近平新时代中国特色社会主意思想): the longer name
    const byAt = new Map<number, Candidate>();
    for (const c of found) {
      const other = byAt.get(c.at);
      if (!other || c.entry.name.length > other.entry.name.length) byAt.set(c.at, c);
    }
    for (const c of [...byAt.values()].sort((x, y) => x.start - y.start)) {
      const right = c.entry.name[c.at - c.start]!;
      ctx.reportAt(block, c.start, c.end, {
        messageId: c.how,
        data: { found: text.slice(c.start, c.end), name: c.entry.name, wrong: text[c.at]!, right },
        fix: { start: c.at, end: c.at + 1, text: right },
      });
    }
    if (options.titles !== false) checkTitles(ctx, block, mask, builtin.titles);
  }
}

function judge(
  text: string,
  mask: Uint8Array | null,
  start: number,
  end: number,
  at: number,
  entry: NameEntry,
  allow: readonly string[],
  useSound: boolean,
  shapes: Map<string, Set<string>>,
): Candidate | null {
  const wrong = text[at]!;
  const right = entry.name[at - start]!;
  if (!HAN.test(wrong)) return null;
  if (mask) for (let j = start; j < end; j++) if (mask[j]) return null;
  // legitimate neighbours and the office's own names, covering the character that differs
  for (const a of [...entry.allow, ...allow]) {
    for (let p = text.indexOf(a, Math.max(0, at - a.length + 1)); p >= 0 && p <= at; p = text.indexOf(a, p + 1)) {
      if (p + a.length > at) return null;
    }
  }
  if (entry.before && !entry.before.test(text.slice(Math.max(0, start - 6), start))) return null;
  const shape = shapes.get(right)?.has(wrong) === true;
  // the cheap test first: most stretches one character off a name (人民医院, 依法治区) differ in a
  // character that neither looks nor sounds like the name's
  const how = shape ? 'shape' : entry.sound && useSound && soundAlike(wrong, right) ? 'sound' : entry.anyCharacter ? 'other' : null;
  if (!how) return null;
  // a real word in that place: the stretch itself, or a word across its start or its end
  if (lookup(text.slice(start, end))) return null;
  if (wordAcross(text, start, end)) return null;
  if (insideLawTitle(text, start, end)) return null;
  return { start, end, at, entry, how };
}

function checkTitles(ctx: Context, block: TextBlock, mask: Uint8Array | null, titles: readonly TitleEntry[]): void {
  const text = block.text;
  if (!/委员长|省省/.test(text)) return;
  for (const t of titles) {
    t.wrong.lastIndex = 0;
    for (const m of text.matchAll(t.wrong)) {
      const start = m.index;
      const end = start + m[0].length;
      if (mask && mask.subarray(start, end).some((x) => x)) continue;
      const right = m[0].replace(new RegExp(t.wrong.source, 'u'), t.right);
      ctx.reportAt(block, start, end, {
        messageId: t.reason,
        data: { found: m[0], right },
        fix: { start, end, text: right },
      });
    }
  }
}

export default defineRule({ meta, check });

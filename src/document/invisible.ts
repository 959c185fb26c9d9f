/**
 * Invisible characters: format characters that show nothing but split the text for search,
 * spell-checking and the rules (提升\u200B提升 is not 提升提升 to a program). They come in with text
 * pasted from web pages, PDFs and chat tools. Used by the invisible-character rule (which
 * reports them) and by repeated-word (which reads through them).
 */

/** the invisible characters, by code, with their names */
export const INVISIBLE_NAMES: ReadonlyMap<number, { zh: string; en: string }> = new Map([
  [0x00ad, { zh: '软连字符', en: 'soft hyphen' }],
  [0x200b, { zh: '零宽空格', en: 'zero width space' }],
  [0x200c, { zh: '零宽不连字', en: 'zero width non-joiner' }],
  [0x200d, { zh: '零宽连字', en: 'zero width joiner' }],
  [0x200e, { zh: '从左到右标记', en: 'left-to-right mark' }],
  [0x200f, { zh: '从右到左标记', en: 'right-to-left mark' }],
  [0x202a, { zh: '从左到右嵌入', en: 'left-to-right embedding' }],
  [0x202b, { zh: '从右到左嵌入', en: 'right-to-left embedding' }],
  [0x202c, { zh: '方向格式结束', en: 'pop directional formatting' }],
  [0x202d, { zh: '从左到右覆盖', en: 'left-to-right override' }],
  [0x202e, { zh: '从右到左覆盖', en: 'right-to-left override' }],
  [0x2060, { zh: '词连接符', en: 'word joiner' }],
  [0x2066, { zh: '从左到右隔离', en: 'left-to-right isolate' }],
  [0x2067, { zh: '从右到左隔离', en: 'right-to-left isolate' }],
  [0x2068, { zh: '首强隔离', en: 'first strong isolate' }],
  [0x2069, { zh: '方向隔离结束', en: 'pop directional isolate' }],
  [0xfeff, { zh: '零宽不换行空格，即 BOM', en: 'zero width no-break space, BOM' }],
]);

/**
 * Any of INVISIBLE_NAMES' characters: a search with it skips the rest of the text in the regex
 * engine's own loop, far faster than a look-up per character (drafts rarely hold any).
 */
const ANY_INVISIBLE = new RegExp(`[${[...INVISIBLE_NAMES.keys()].map((c) => `\\u${c.toString(16).padStart(4, '0')}`).join('')}]`, 'g');

/** The index of the first of INVISIBLE_NAMES' characters at or after `from`, or -1. */
export function nextInvisible(text: string, from: number): number {
  ANY_INVISIBLE.lastIndex = from;
  return ANY_INVISIBLE.test(text) ? ANY_INVISIBLE.lastIndex - 1 : -1;
}

const EMOJI_PART = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u20E3\u{E0020}-\u{E007F}]/u;
const EMOJI_START = /\p{Extended_Pictographic}/u;
/** letters of the scripts whose spelling uses ZWJ and ZWNJ (Arabic, Persian, the Indic scripts …): not Han, not Latin */
const JOINING_SCRIPT = /[\p{L}\p{M}]/u;
const NOT_JOINING = /[\p{Script=Han}\p{Script=Latin}\p{Script=Common}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** the code point that ends just before index i, and the one that starts at index j */
function before(text: string, i: number): string {
  if (i <= 0) return '';
  const c = text.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i >= 2 ? text.slice(i - 2, i) : text[i - 1]!;
}
function after(text: string, j: number): string {
  const cp = text.codePointAt(j);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

/**
 * Whether text[i] is an invisible character that does not belong there. Not: a zero width joiner
 * inside an emoji sequence (👨‍👩‍👧, 🏳️‍🌈), ZWJ/ZWNJ between letters of a script that spells with
 * them, a soft hyphen inside a Latin word, a BOM at the very start of the text.
 */
export function isStrayInvisible(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (!INVISIBLE_NAMES.has(c)) return false;
  if (c === 0xfeff && i === 0) return false;
  if (c === 0x200d || c === 0x200c) {
    const prev = before(text, i);
    const next = after(text, i + 1);
    if (c === 0x200d && EMOJI_PART.test(prev) && EMOJI_START.test(next)) return false;
    if (JOINING_SCRIPT.test(prev) && !NOT_JOINING.test(prev) && JOINING_SCRIPT.test(next) && !NOT_JOINING.test(next)) return false;
  }
  if (c === 0x00ad && LATIN_LETTER.test(before(text, i)) && LATIN_LETTER.test(after(text, i + 1))) return false;
  return true;
}

/**
 * The text without its stray invisible characters, and for each index of that text the index in
 * the original (one more entry: the original's length). Returns null when there are none, the
 * usual case.
 */
export function withoutInvisible(text: string): { text: string; index: number[] } | null {
  let any = false;
  for (let i = nextInvisible(text, 0); i >= 0; i = nextInvisible(text, i + 1)) {
    if (isStrayInvisible(text, i)) {
      any = true;
      break;
    }
  }
  if (!any) return null;
  const index: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (INVISIBLE_NAMES.has(text.charCodeAt(i)) && isStrayInvisible(text, i)) continue;
    out += text[i];
    index.push(i);
  }
  index.push(text.length);
  return { text: out, index };
}

import { INVISIBLE_NAMES, isStrayInvisible, nextInvisible } from '../document/invisible.js';
import { defineMeta, defineRule, type ContextOf } from '../rule.js';

/**
 * invisible-character: format characters that show nothing (zero width space U+200B, soft hyphen
 * U+00AD, word joiner U+2060, a BOM inside the text, the direction marks and embeddings
 * U+200E/U+200F, U+202A–U+202E, U+2066–U+2069 …). They come in with text pasted from web pages,
 * PDFs and chat tools; a reader cannot see them, but they split words for search, for the
 * published page's copy and paste, and for proofreading (提升\u200B提升 reads as 提升提升 yet is not
 * the same text), and direction controls can reorder what is shown.
 *
 * Left alone: a zero width joiner inside an emoji sequence (👨‍👩‍👧), ZWJ/ZWNJ between letters of
 * a script that spells with them (Arabic, Persian, the Indic scripts), a soft hyphen inside a
 * Latin word, a BOM at the very start. The whole source is searched. The fix deletes the run of
 * invisible characters; in Markdown, none is offered next to Markdown syntax (* _ ~ ` …), where
 * a zero width space may be what separates emphasis from the text.
 */

type Context = ContextOf<typeof meta>;

export const meta = defineMeta({
  id: 'invisible-character',
  description: {
    zh: '正文中不可见的格式字符（零宽空格、软连字符、方向控制符等）',
    en: 'Invisible format characters in the text (zero width space, soft hyphen, direction controls …)',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: true,
  options: {},
  defaultOptions: {},
  messages: {
    zeroWidth: {
      zh: '不可见字符 {{code}}（零宽字符），应删除',
      en: 'Invisible character {{code}} (zero width): delete it',
    },
    softHyphen: {
      zh: '不可见字符 {{code}}（软连字符），应删除',
      en: 'Invisible character {{code}} (soft hyphen): delete it',
    },
    direction: {
      zh: '不可见字符 {{code}}（文字方向控制符），应删除',
      en: 'Invisible character {{code}} (text direction control): delete it',
    },
    invisibleRun: {
      zh: '{{count}}个连续的不可见字符（{{codes}}），应删除',
      en: '{{count}} invisible characters in a row ({{codes}}): delete them',
    },
  },
  tags: ['spelling'],
});

/** Markdown syntax next to which deleting an invisible character could change how the text parses */
const MARKDOWN_SYNTAX = new Set('*_~`[]()<>#|\\!');

/** the direction marks, embeddings, overrides and isolates */
const DIRECTION = new Set([0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

export function check(ctx: Context): void {
  const { source, format } = ctx.document;
  for (let i = nextInvisible(source, 0); i >= 0; i = nextInvisible(source, i + 1)) {
    if (!isStrayInvisible(source, i)) continue;
    let j = i + 1;
    while (j < source.length && INVISIBLE_NAMES.has(source.charCodeAt(j)) && isStrayInvisible(source, j)) j++;
    const codes = [...new Set(Array.from(source.slice(i, j), (ch) => ch.charCodeAt(0)))];
    const nextToSyntax = format === 'markdown' && (MARKDOWN_SYNTAX.has(source[i - 1] ?? '') || MARKDOWN_SYNTAX.has(source[j] ?? ''));
    const fix = nextToSyntax ? {} : { fix: { start: i, end: j, text: '' } };
    if (j - i === 1) {
      const c = codes[0]!;
      const messageId = c === 0x00ad ? 'softHyphen' : DIRECTION.has(c) ? 'direction' : 'zeroWidth';
      ctx.report({ messageId, data: { code: hex(c) }, start: i, end: j, ...fix });
    } else {
      ctx.report({ messageId: 'invisibleRun', data: { count: j - i, codes: codes.map(hex).join(' ') }, start: i, end: j, ...fix });
    }
    i = j - 1;
  }
}

export default defineRule({ meta, check });

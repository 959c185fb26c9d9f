import type { DocumentModel, TextBlock, TextSegment } from './model.js';

/**
 * Text helpers the punctuation and spacing rules share: what counts as Chinese, the document's
 * lines as a reader sees them, and which stretches are not prose (URLs, e-mail, code).
 */

const HAN = /\p{Script=Han}/u;
/** Full-width punctuation that Chinese text alone uses: 、。〈〉《》「」『』【】〔〕 and the FFxx forms. */
const STRICT_CJK_PUNCT = /[\u3001-\u3003\u3008-\u3011\u3014-\u301f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]/;
/** Marks Chinese and Western text share: “ ” ‘ ’ … — · */
const SHARED_PUNCT = /[\u2018\u2019\u201c\u201d\u2026\u2014\u00b7]/;
/** White space that may stand inside a line of Chinese text. */
const INLINE_SPACE = /[ \t\u3000\u00a0]/;

/**
 * The rules ask these questions of one UTF-16 code unit at a time (a character outside the BMP is
 * two halves of a surrogate pair, and neither half is Han). The answers for each code unit are
 * worked out once, from the regexes above, the first time it is met, and kept in a table: the rules
 * look at millions of characters and must not allocate a string for each.
 */
const HAN_BIT = 1;
const CJK_PUNCT_BIT = 2;
const SHARED_PUNCT_BIT = 4;
const INLINE_SPACE_BIT = 8;
const KNOWN_BIT = 128;
const charClass = new Uint8Array(0x10000);

/** The class bits of text[i]; 0 when i lies outside the text. */
function classAt(text: string, i: number): number {
  if (i < 0 || i >= text.length) return 0;
  const code = text.charCodeAt(i);
  let bits = charClass[code]!;
  if (bits === 0) {
    const c = String.fromCharCode(code);
    bits = KNOWN_BIT
      | (HAN.test(c) ? HAN_BIT : 0)
      | (STRICT_CJK_PUNCT.test(c) ? CJK_PUNCT_BIT : 0)
      | (SHARED_PUNCT.test(c) ? SHARED_PUNCT_BIT : 0)
      | (INLINE_SPACE.test(c) ? INLINE_SPACE_BIT : 0);
    charClass[code] = bits;
  }
  return bits;
}

/** Whether text[i] is a Han character (false outside the text). */
export function isHanAt(text: string, i: number): boolean {
  return (classAt(text, i) & HAN_BIT) !== 0;
}

/** Whether text[i] is 、。《》（）， … : punctuation only Chinese text uses (not the ideographic space). */
export function isCjkPunctAt(text: string, i: number): boolean {
  return (classAt(text, i) & CJK_PUNCT_BIT) !== 0;
}

/** Whether text[i] is white space that may stand inside a line of Chinese text. */
export function isInlineSpaceAt(text: string, i: number): boolean {
  return (classAt(text, i) & INLINE_SPACE_BIT) !== 0;
}

/**
 * Whether text[i] is Chinese: a Han character or Chinese punctuation. A mark that Chinese and
 * Western text share counts by what it holds: a quote by the character just inside it (“ by the
 * one after, ” by the one before), … and — by the next character in direction `dir`.
 */
export function chineseAt(text: string, i: number, dir: -1 | 1): boolean {
  const bits = classAt(text, i);
  if ((bits & (HAN_BIT | CJK_PUNCT_BIT)) !== 0) return true;
  if ((bits & SHARED_PUNCT_BIT) !== 0) {
    const c = text.charCodeAt(i);
    const inside = c === 0x201c || c === 0x2018 ? i + 1 : c === 0x201d || c === 0x2019 ? i - 1 : i + dir;
    return (classAt(text, inside) & (HAN_BIT | CJK_PUNCT_BIT)) !== 0;
  }
  return false;
}

/**
 * Whether text[from, to) holds a Han character or Chinese punctuation, read by code point:
 * here a Han character outside the BMP counts too.
 */
export function hasChineseIn(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const code = text.charCodeAt(k);
    if (code >= 0xd800 && code <= 0xdbff && k + 1 < to) {
      const low = text.charCodeAt(k + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (HAN.test(text.slice(k, k + 2))) return true;
        k++;
        continue;
      }
    }
    if ((classAt(text, k) & (HAN_BIT | CJK_PUNCT_BIT)) !== 0) return true;
  }
  return false;
}

/** A line block with its protected mask. */
export interface LineBlock {
  block: TextBlock;
  /**
   * Which characters of block.text are not prose (marked 1): URLs, e-mail addresses and (in
   * Markdown) code spans, which a rule leaves alone; null when the whole block is prose.
   */
  mask: Uint8Array | null;
}

/**
 * The text blocks of a document the way a reader sees its lines: the title, the addressee, every
 * heading, every paragraph and the signature, in source order. A heading that runs into its
 * paragraph on the same line ("(一)加强组织领导。坚持……") is joined with it again, so that a mark
 * or a space at the seam is seen with both of its neighbours. Each comes with its protected mask.
 * Four rules read them: through factsOf(document).lineBlocks, which computes them once per document.
 */
export function collectLineBlocks(document: DocumentModel): LineBlock[] {
  return joinedBlocks(document).map((block) => ({ block, mask: protectedMask(document, block) }));
}

function joinedBlocks(document: DocumentModel): TextBlock[] {
  const all: TextBlock[] = [];
  const push = (b: TextBlock | null | undefined) => {
    if (b && b.text.length > 0) all.push(b);
  };
  push(document.title);
  push(document.addressee);
  for (const s of document.allSections) push(s.heading);
  for (const p of document.paragraphs) push(p);
  push(document.signature?.issuer);
  push(document.signature?.date);
  all.sort((a, b) => a.span.start.offset - b.span.start.offset);

  const out: TextBlock[] = [];
  for (const block of all) {
    const prev = out[out.length - 1];
    // on one line with only spaces between: the offsets say it (a line break is no inline space),
    // and the spans' lines are not worked out for it
    if (prev && prev.span.end.offset <= block.span.start.offset && onlyInlineSpace(document.source, prev.span.end.offset, block.span.start.offset)) {
      out[out.length - 1] = join(prev, document.source.slice(prev.span.end.offset, block.span.start.offset), block);
      continue;
    }
    out.push(block);
  }
  return out;
}

/** Whether source[from, to) is inline white space only (or empty). */
function onlyInlineSpace(source: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isInlineSpaceAt(source, i)) return false;
  return true;
}

function join(a: TextBlock, gap: string, b: TextBlock): TextBlock {
  const segments: TextSegment[] = a.segments.map((s) => ({ ...s }));
  const base = a.text.length;
  const add = (seg: TextSegment) => {
    if (seg.length <= 0) return;
    const last = segments[segments.length - 1];
    if (last && last.text + last.length === seg.text && last.source + last.length === seg.source) last.length += seg.length;
    else segments.push(seg);
  };
  add({ text: base, source: a.span.end.offset, length: gap.length });
  for (const s of b.segments) add({ text: base + gap.length + s.text, source: s.source, length: s.length });
  return { text: a.text + gap + b.text, segments, span: { start: a.span.start, end: b.span.end } };
}

const URL = /\b(?:(?:https?|ftp):\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** A URL starts with :// or www. in it: the cheap look before URL runs. */
const WWW = /www\./i;
const CODE_SPAN = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

/** Which characters of a block's text are URLs, e-mail addresses or code spans (see LineBlock); null: none. */
function protectedMask(document: DocumentModel, block: TextBlock): Uint8Array | null {
  const text = block.text;
  let mask: Uint8Array | null = null;
  // most blocks hold no URL, e-mail or code span: a cheap look first
  if (text.includes('://') || WWW.test(text)) {
    URL.lastIndex = 0;
    for (let m = URL.exec(text); m; m = URL.exec(text)) {
      // trailing punctuation is the sentence's, not the URL's (as GFM autolinks do)
      let end = m.index + m[0].length;
      for (;;) {
        const last = text[end - 1]!;
        const url = text.slice(m.index, end);
        // a closing bracket stays when the URL opened it: .../Law_(disambiguation)
        const balanced = last === ')' && url.split('(').length >= url.split(')').length;
        if (end > m.index && /[.,;:!?'")\]]/.test(last) && !balanced) end--;
        else break;
      }
      mask ??= new Uint8Array(text.length);
      mask.fill(1, m.index, end);
    }
  }
  if (text.includes('@')) {
    EMAIL.lastIndex = 0;
    for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
      mask ??= new Uint8Array(text.length);
      mask.fill(1, m.index, m.index + m[0].length);
    }
  }
  const from = block.span.start.offset;
  const src = document.format === 'markdown' ? document.source.slice(from, block.span.end.offset) : '';
  if (src.includes('`')) {
    // mark code spans in the source stretch, then look each text character up: linear
    let inCode: Uint8Array | null = null;
    CODE_SPAN.lastIndex = 0;
    for (let m = CODE_SPAN.exec(src); m; m = CODE_SPAN.exec(src)) {
      inCode ??= new Uint8Array(src.length);
      inCode.fill(1, m.index, m.index + m[0].length);
    }
    if (inCode) {
      for (const seg of block.segments) {
        for (let k = 0; k < seg.length; k++) {
          if (inCode[seg.source - from + k]) {
            mask ??= new Uint8Array(text.length);
            mask[seg.text + k] = 1;
          }
        }
      }
    }
  }
  return mask;
}

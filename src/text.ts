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

export function isHan(c: string | undefined): boolean {
  return c !== undefined && c !== '' && HAN.test(c);
}

/** 、。《》（）， … : punctuation only Chinese text uses (not the ideographic space). */
export function isCjkPunct(c: string | undefined): boolean {
  return c !== undefined && c !== '' && STRICT_CJK_PUNCT.test(c);
}

export function isSharedPunct(c: string | undefined): boolean {
  return c !== undefined && c !== '' && SHARED_PUNCT.test(c);
}

/**
 * Whether text[i] is Chinese: a Han character or Chinese punctuation. A mark that Chinese and
 * Western text share counts by what it holds: a quote by the character just inside it (“ by the
 * one after, ” by the one before), … and — by the next character in direction `dir`.
 */
export function chineseAt(text: string, i: number, dir: -1 | 1): boolean {
  const c = text[i];
  if (isHan(c) || isCjkPunct(c)) return true;
  if (isSharedPunct(c)) {
    const inside = c === '“' || c === '‘' ? i + 1 : c === '”' || c === '’' ? i - 1 : i + dir;
    const d = text[inside];
    return isHan(d) || isCjkPunct(d);
  }
  return false;
}

/** White space that may stand inside a line of Chinese text. */
export const INLINE_SPACE = /[ \t\u3000\u00a0]/;

/**
 * The text blocks of a document the way a reader sees its lines: the title, the addressee, every
 * heading, every paragraph and the signature, in source order. A heading that runs into its
 * paragraph on the same line ("(一)加强组织领导。坚持……") is joined with it again, so that a mark
 * or a space at the seam is seen with both of its neighbours.
 */
export function lineBlocks(document: DocumentModel): TextBlock[] {
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
    if (prev && prev.span.end.offset <= block.span.start.offset && prev.span.end.line === block.span.start.line) {
      const gap = document.source.slice(prev.span.end.offset, block.span.start.offset);
      if (/^[ \t\u3000\u00a0]*$/.test(gap)) {
        out[out.length - 1] = join(prev, gap, block);
        continue;
      }
    }
    out.push(block);
  }
  return out;
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
const CODE_SPAN = /(`+)(?!`)([\s\S]*?[^`])\1(?!`)/g;

/**
 * Which characters of a block's text are not prose: URLs, e-mail addresses and (in Markdown)
 * code spans. A rule leaves them alone.
 */
export function protectedMask(document: DocumentModel, block: TextBlock): boolean[] {
  const text = block.text;
  const mask = new Array<boolean>(text.length).fill(false);
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
    for (let i = m.index; i < end; i++) mask[i] = true;
  }
  EMAIL.lastIndex = 0;
  for (let m = EMAIL.exec(text); m; m = EMAIL.exec(text)) {
    for (let i = m.index; i < m.index + m[0].length; i++) mask[i] = true;
  }
  if (document.format === 'markdown') {
    const from = block.span.start.offset;
    const src = document.source.slice(from, block.span.end.offset);
    // mark code spans in the source stretch, then look each text character up: linear
    let inCode: Uint8Array | null = null;
    CODE_SPAN.lastIndex = 0;
    for (let m = CODE_SPAN.exec(src); m; m = CODE_SPAN.exec(src)) {
      inCode ??= new Uint8Array(src.length);
      inCode.fill(1, m.index, m.index + m[0].length);
    }
    if (inCode) {
      for (const seg of block.segments) {
        for (let k = 0; k < seg.length; k++) if (inCode[seg.source - from + k]) mask[seg.text + k] = true;
      }
    }
  }
  return mask;
}

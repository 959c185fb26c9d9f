/**
 * Where each character of a paragraph's text stands in word/document.xml.
 *
 * src/input/docx.ts gives one line per paragraph, read by mammoth. To write into the document,
 * each w:p's text is read again here from the XML, the way mammoth reads it (w:t, w:tab → "\t",
 * w:noBreakHyphen, w:softHyphen, w:br as docx.ts's paragraphText joins lines; inserted text kept,
 * deleted and moved-away text, field instructions and elements mammoth does not know skipped;
 * hyperlinks, smart tags, custom XML and content controls read through), and each character
 * remembers its run and its offsets in the XML. Only when that text is exactly the line mammoth
 * gave is the paragraph mapped; anything else (a text box inside it, a symbol font character, a
 * paragraph joined to the next by a deleted paragraph mark…) leaves it unmapped, so nothing is
 * ever anchored by a guess.
 */
import { mainPrefix, xmlTags, type XmlTag } from '../input/docx-xml.js';

/** A w:r element holding characters of the text. */
export interface RunXml {
  /** the element: [start, end) */
  start: number;
  end: number;
  /** its start tag as written (attributes kept when the run is split) */
  startTag: string;
  /** its w:rPr element as written, '' when none */
  rPr: string;
  /** its content after w:rPr, up to the end tag */
  contentStart: number;
  contentEnd: number;
  /** the tag index of the element holding the run (the w:p, a w:hyperlink…) */
  container: number;
  /** may a tracked change be written here: not in a field, another author's change or a content control */
  editable: boolean;
  /** children that are neither w:rPr nor characters (a footnote reference, a break, a drawing…): [start, end) */
  others: Array<[number, number]>;
}

/** The w:t element a character is in. */
export interface TextElement {
  /** the start tag [tagStart, tagEnd) and the end tag [closeStart, closeEnd) */
  tagStart: number;
  tagEnd: number;
  closeStart: number;
  closeEnd: number;
  preserve: boolean;
}

/** One UTF-16 unit of the paragraph's text. */
export interface CharXml {
  run: RunXml;
  /** the XML before the character ends at `start`, the XML after it starts at `end` */
  start: number;
  end: number;
  /** in a w:t; absent for w:tab and the like */
  t?: TextElement;
  /** a tracked change may replace it */
  editable: boolean;
}

export interface ParagraphXml {
  /** the w:p element: [start, end) */
  start: number;
  end: number;
  /** where its content starts (after w:pPr) and ends (the end tag's start); for <w:p/>, both its end */
  contentStart: number;
  contentEnd: number;
  /** written as <w:p/> */
  selfClosing: boolean;
  /** tag indexes of its start and end tags */
  firstTag: number;
  lastTag: number;
}

export interface MappedText {
  text: string;
  chars: CharXml[];
}

export interface DocumentXml {
  xml: string;
  prefix: string;
  tags: XmlTag[];
  /** the body's paragraphs as markDocumentXml (src/input/docx.ts) numbers them */
  paragraphs: ParagraphXml[];
}

/** Read the paragraphs of word/document.xml, numbered as the reader numbers them (a w:p inside a w:p is not counted). */
export function readDocumentXml(xml: string): DocumentXml {
  const prefix = mainPrefix(xml);
  const tags = [...xmlTags(xml, prefix)];
  const paragraphs: ParagraphXml[] = [];
  let depth = 0;
  let open: number | null = null;
  tags.forEach((tag, i) => {
    if (tag.name !== 'w:p') return;
    if (tag.kind === 'start') {
      depth++;
      if (depth === 1) open = i;
    } else if (tag.kind === 'end') {
      depth = Math.max(0, depth - 1);
      if (depth === 0 && open !== null) {
        const first = tags[open]!;
        let contentStart = first.end;
        // after w:pPr, when the paragraph starts with one
        const next = tags[open + 1];
        if (next && next.name === 'w:pPr') {
          if (next.kind === 'empty') contentStart = next.end;
          else {
            const close = matchingEnd(tags, open + 1);
            if (close !== null) contentStart = tags[close]!.end;
          }
        }
        paragraphs.push({ start: first.start, end: tag.end, contentStart, contentEnd: tag.start, selfClosing: false, firstTag: open, lastTag: i });
        open = null;
      }
    } else if (depth === 0) {
      paragraphs.push({ start: tag.start, end: tag.end, contentStart: tag.end, contentEnd: tag.end, selfClosing: true, firstTag: i, lastTag: i });
    }
  });
  return { xml, prefix, tags, paragraphs };
}

/** The index of the end tag closing the start tag at `i`, or null. */
export function matchingEnd(tags: readonly XmlTag[], i: number): number | null {
  const name = tags[i]!.name;
  let depth = 0;
  for (let k = i; k < tags.length; k++) {
    const t = tags[k]!;
    if (t.name !== name) continue;
    if (t.kind === 'start') depth++;
    else if (t.kind === 'end' && --depth === 0) return k;
  }
  return null;
}

// what mammoth reads through to reach runs (body-reader.js); every other element it ignores, children and all
const CONTAINERS = new Set(['w:hyperlink', 'w:ins', 'w:smartTag', 'w:customXml', 'w:sdt', 'w:sdtContent', 'w:moveTo', 'mc:AlternateContent', 'mc:Fallback']);
// containers inside which a tracked change of ours would land in something not ours to edit
const LOCKED = new Set(['w:ins', 'w:moveTo', 'w:sdt', 'w:sdtContent', 'mc:AlternateContent', 'mc:Fallback']);
/** run children that are neither characters nor anything a deletion would lose */
const HARMLESS_IN_RUN = new Set(['w:lastRenderedPageBreak']);
const SIMPLE_CHARS: Record<string, string> = { 'w:tab': '\t', 'w:noBreakHyphen': '\u2011', 'w:softHyphen': '\u00ad' };
const LINE_BREAK = '\u0000';

/**
 * The text of a paragraph as mammoth reads it, with each character's place; null when the
 * paragraph holds something this reading does not follow (then it must not be written into).
 */
export function mapParagraph(doc: DocumentXml, p: ParagraphXml): MappedText | null {
  if (p.selfClosing) return { text: '', chars: [] };
  const { tags, xml } = doc;
  let text = '';
  const chars: Array<CharXml | null> = [];
  /** open elements inside the paragraph: name and tag index */
  const stack: Array<{ name: string; at: number }> = [];
  let run: RunXml | null = null;
  let runDepth = -1;
  let fieldDepth = 0;
  let inFieldRun = false;
  for (let i = p.firstTag + 1; i < p.lastTag; i++) {
    const tag = tags[i]!;
    if (tag.kind === 'end') {
      const top = stack.pop();
      if (!top || top.name !== tag.name) return null; // not well nested: do not guess
      if (run && stack.length === runDepth) {
        run.contentEnd = tag.start;
        run.end = tag.end;
        if (inFieldRun) run.editable = false;
        run = null;
        runDepth = -1;
      }
      continue;
    }
    const skipTo = (): number | null => (tag.kind === 'empty' ? i : matchingEnd(tags, i));
    if (tag.name === 'w:p') return null; // a text box's paragraph inside this one
    if (run === null) {
      if (tag.name === 'w:r') {
        if (tag.kind === 'empty') continue;
        const container = stack.length ? stack[stack.length - 1]!.at : p.firstTag;
        const locked = fieldDepth > 0 || stack.some((s) => LOCKED.has(s.name));
        run = { start: tag.start, end: -1, startTag: xml.slice(tag.start, tag.end), rPr: '', contentStart: tag.end, contentEnd: -1, container, editable: !locked, others: [] };
        inFieldRun = false;
        runDepth = stack.length;
        stack.push({ name: tag.name, at: i });
        continue;
      }
      if (tag.name === 'mc:AlternateContent' || CONTAINERS.has(tag.name)) {
        if (tag.kind === 'start') stack.push({ name: tag.name, at: i });
        continue;
      }
      // w:pPr, w:del, w:moveFrom, w:sdtPr, mc:Choice, bookmarks, comments' ranges, unknown elements
      const end = skipTo();
      if (end === null) return null;
      if (hasParagraph(tags, i, end)) return null;
      i = end;
      continue;
    }
    // inside a run: only its direct children
    if (stack.length !== runDepth + 1) return null;
    const end = skipTo();
    if (end === null) return null;
    if (hasParagraph(tags, i, end)) return null;
    const close = tags[end]!;
    if (tag.name === 'w:rPr') {
      if (run.contentStart === tag.start || xml.slice(run.contentStart, tag.start).trim() === '') {
        run.rPr = xml.slice(tag.start, close.end);
        run.contentStart = close.end;
      }
    } else if (tag.name === 'w:t') {
      if (tag.kind === 'start') {
        const raw = xml.slice(tag.end, close.start);
        if (raw.includes('<')) return null; // CDATA or a comment in the text
        const element: TextElement = { tagStart: tag.start, tagEnd: tag.end, closeStart: close.start, closeEnd: close.end, preserve: /\bxml:space\s*=\s*["']preserve["']/.test(xml.slice(tag.start, tag.end)) };
        const decoded = decodeWithPlaces(raw, tag.end);
        decoded.forEach((c, k) => {
          text += c.ch;
          chars.push({
            run: run!, t: element, editable: true,
            start: k === 0 ? tag.start : c.start,
            end: k === decoded.length - 1 ? close.end : c.end,
          });
        });
      }
    } else if (tag.name in SIMPLE_CHARS) {
      text += SIMPLE_CHARS[tag.name];
      chars.push({ run, start: tag.start, end: close.end, editable: true });
    } else if (tag.name === 'w:br') {
      const type = tag.attrs['w:type'];
      if (type === undefined || type === 'textWrapping') {
        text += LINE_BREAK;
        chars.push({ run, start: tag.start, end: close.end, editable: false });
      }
      run.others.push([tag.start, close.end]);
    } else if (tag.name === 'w:sym') {
      return null; // mammoth maps symbol fonts to Unicode by a table of its own
    } else {
      if (tag.name === 'w:fldChar') {
        const type = tag.attrs['w:fldCharType'];
        if (type === 'begin') fieldDepth++;
        else if (type === 'end') fieldDepth = Math.max(0, fieldDepth - 1);
        inFieldRun = true;
      }
      if (!HARMLESS_IN_RUN.has(tag.name)) run.others.push([tag.start, close.end]);
    }
    i = end;
  }
  if (stack.length || run) return null;
  return finish(text, chars as CharXml[]);
}

function hasParagraph(tags: readonly XmlTag[], from: number, to: number): boolean {
  for (let k = from + 1; k < to; k++) if (tags[k]!.name === 'w:p') return true;
  return false;
}

/** docx.ts's paragraphText on the characters: newlines become spaces, line breaks vanish or become one space. */
function finish(raw: string, rawChars: CharXml[]): MappedText {
  let text = raw.replace(/\r\n?|\n|[\u2028\u2029\u000b\u000c\u0085]/g, (m) => ' '.repeat(m.length));
  // "\r\n" became one space in paragraphText: mirror it by dropping the "\n"'s place
  const chars: CharXml[] = [];
  let out = '';
  for (let k = 0; k < raw.length; k++) {
    if (raw[k] === '\r' && raw[k + 1] === '\n') {
      out += ' ';
      chars.push({ ...rawChars[k]!, end: rawChars[k + 1]!.end, editable: false });
      k++;
      continue;
    }
    out += text[k]!;
    chars.push(rawChars[k]!);
  }
  text = out;
  let result = '';
  const placed: CharXml[] = [];
  for (let k = 0; k < text.length; k++) {
    if (text[k] !== LINE_BREAK) {
      result += text[k]!;
      placed.push(chars[k]!);
      continue;
    }
    let e = k;
    while (text[e + 1] === LINE_BREAK) e++;
    const before = text[k - 1] ?? '';
    const after = text[e + 1] ?? '';
    const dropped = before === '' || after === '' || /\s/.test(before) || /\s/.test(after) || (isChinese(before) && isChinese(after));
    if (!dropped) {
      result += ' ';
      placed.push({ ...chars[k]!, editable: false });
    }
    k = e;
  }
  return { text: result, chars: placed };
}

/** The same test as docx.ts's isChinese. */
function isChinese(c: string): boolean {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026\ud840-\udfff]/.test(c);
}

/** Decode XML character data, giving each UTF-16 unit the offsets of what encodes it. */
function decodeWithPlaces(raw: string, base: number): Array<{ ch: string; start: number; end: number }> {
  const out: Array<{ ch: string; start: number; end: number }> = [];
  const entity = /&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/y;
  for (let k = 0; k < raw.length;) {
    if (raw[k] === '&') {
      entity.lastIndex = k;
      const m = entity.exec(raw);
      if (m) {
        const value = m[3] !== undefined
          ? ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[m[3]]!
          : String.fromCodePoint(m[1] !== undefined ? Number(m[1]) : Number.parseInt(m[2]!, 16));
        for (const unit of value.split('')) out.push({ ch: unit, start: base + k, end: base + k + m[0].length });
        k += m[0].length;
        continue;
      }
    }
    out.push({ ch: raw[k]!, start: base + k, end: base + k + 1 });
    k++;
  }
  return out;
}

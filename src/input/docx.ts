/**
 * Reading a Word document (.docx) as text the linter can check.
 *
 * The document's paragraphs, in order (body paragraphs and the paragraphs in table cells and
 * text boxes, as Word stores them), become one line each of a plain text joined with "\n". So
 * the plain-text parser and every rule work on it unchanged, and a finding's line is the
 * paragraph's number and its column the character in that paragraph (code points, 1-based):
 * `draft.docx:para 12:5`. Empty paragraphs count (they are lines with nothing on them), so the
 * numbers are Word's own paragraph count.
 *
 * Inside a paragraph a tab stays "\t"; a manual line break (Shift+Enter) is dropped between two
 * Chinese characters and becomes a space elsewhere; page and column breaks are dropped. Deleted
 * text of tracked changes is left out and inserted text kept (what Word shows with the changes
 * accepted). Footnotes, comments, headers and footers are not read.
 *
 * The zip and XML work is mammoth's (https://github.com/mwilliamson/mammoth.js): its public
 * `transformDocument` hook hands over the document it read, with each paragraph's style name
 * resolved from word/styles.xml. mammoth is loaded only when a .docx is read.
 *
 * Word's automatic numbering («一、», «（一）», «1.» that Word draws and the text does not hold) and
 * outline levels are read beside it (./docx-numbering.ts): mammoth keeps neither the number nor
 * the list a paragraph belongs to. Before mammoth reads the document, every paragraph of the body
 * gets an invisible marker run with its number (in a copy of the zip, made with jszip, which
 * mammoth itself reads zips with); the markers tie mammoth's paragraphs to the numbering read from
 * word/document.xml, and are taken out of the text again. The label is kept apart from the text
 * (DocxParagraph.label): the text and so every position stay the paragraph's own characters.
 *
 * Tables: each paragraph in a table cell says where it stands (DocxParagraph.cell: table, row,
 * column, with Word's merged cells), so the parser can build the table. A table holding another
 * table is read as paragraphs only.
 */

import { readFileSync } from 'node:fs';
import { codePointCount, lastAtOrBefore } from '../document/position.js';
import { paragraphProps, WordNumbering, type ParagraphNumbering } from './docx-numbering.js';
import { parseXml, xmlTags, mainPrefix } from './docx-xml.js';
import { InputError, readSourceFile } from './read.js';

export interface DocxParagraph {
  /** offset of the paragraph's first character in DocxSource.text */
  start: number;
  /** offset just after its last character (the "\n" that follows, if any, is not included) */
  end: number;
  /** the paragraph style's name as Word stores it ("heading 1", "标题 2", "Normal"…), or its id; null when none */
  style: string | null;
  /** 1–9 for the Word heading styles (Heading 1…9, 标题 1…9) or an outline level (w:outlineLvl) on the paragraph or its style, null otherwise */
  headingLevel: number | null;
  /**
   * the text Word's automatic numbering shows before the paragraph («一、», «（一）», «1.»), not part
   * of `text`; null when the paragraph is not numbered (or numbered with bullets)
   */
  label?: string | null;
  /** where the paragraph stands when it is in a table cell (0-based), absent otherwise */
  cell?: DocxCell;
  /**
   * read with `mapParagraphs`: the paragraph's w:p in word/document.xml, counted as
   * markDocumentXml counts them (the body's w:p in document order, text boxes' not); absent for
   * a paragraph that stands for an empty table cell
   */
  xmlIndex?: number;
}

/** A table cell's place: the table (0-based, in document order), the row and the column (a merged cell: its first grid column) */
export interface DocxCell {
  table: number;
  row: number;
  column: number;
  colSpan: number;
  /** Word's header row (w:tblHeader: repeated on each page) */
  headerRow: boolean;
}

export interface DocxSource {
  path: string;
  /** the paragraphs' text joined with "\n", no trailing newline */
  text: string;
  /** paragraph k (1-based) is paragraphs[k - 1] */
  paragraphs: DocxParagraph[];
}

/** A place in a Word document as a person finds it: the paragraph's number and the character in it, both 1-based. */
export interface DocxLocation {
  paragraph: number;
  character: number;
}

// Word's built-in heading styles are stored as "heading 1"…"heading 9" whatever the UI language
// (Chinese Word shows them as 标题 1 and gives them the style ids 1, 2, …); WPS and hand-made
// templates sometimes name them 标题 1 or Heading1.
const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
const HEADING_ID = /^heading\s*([1-9])$/i;

/** The Word heading level of a paragraph style, or null. */
export function headingLevelOf(styleName: string | null, styleId: string | null): number | null {
  const m = (styleName !== null ? HEADING_NAME.exec(styleName.trim()) : null) ?? (styleId !== null ? HEADING_ID.exec(styleId.trim()) : null);
  return m ? Number(m[1]) : null;
}

// --- errors ---------------------------------------------------------------------------------

function docxError(path: string, zh: string, en: string): InputError {
  const shown = path.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return new InputError(`${zh}: ${shown} / ${en}`, path);
}

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06];
// an encrypted .docx is an OLE2 compound file holding a stream named EncryptedPackage
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

/** Refuse what is not a .docx before handing it to the zip reader. */
function checkSignature(buf: Buffer, path: string): void {
  if (startsWith(buf, OLE2)) {
    if (buf.indexOf(ENCRYPTED_PACKAGE) !== -1) {
      throw docxError(path, 'Word 文档已加密（设有打开密码），请取消密码后再检查', 'the Word document is encrypted (password-protected); remove the password and try again');
    }
    throw docxError(path, '这是旧版 Word/WPS 文档（.doc/.wps），只是改了扩展名，请在 Word 中另存为 .docx', 'this is an old Word/WPS document (.doc/.wps) renamed to .docx; save it as .docx in Word');
  }
  if (!startsWith(buf, ZIP) && !startsWith(buf, EMPTY_ZIP)) {
    throw docxError(path, '不是有效的 Word 文档（.docx 应为 ZIP 格式）', 'not a Word document: a .docx file is a ZIP archive and this is not one');
  }
}

/** Turn what mammoth or its zip reader threw into a one-line InputError. */
function readError(error: unknown, path: string): InputError {
  const message = error instanceof Error ? error.message : String(error);
  if (/main document part/i.test(message)) {
    return docxError(path, '不是 Word 文档（ZIP 中没有 word/document.xml，可能是其他 Office 文档）', 'not a Word document: the ZIP archive has no word/document.xml (another Office format?)');
  }
  if (/zip|central directory|end of data|corrupt|crc32|invalid.*(?:signature|compression)/i.test(message)) {
    return docxError(path, 'Word 文档已损坏（ZIP 结构无法读取）', 'the Word document is damaged: its ZIP structure cannot be read');
  }
  const detail = message.split('\n')[0]!.slice(0, 120);
  return docxError(path, `Word 文档已损坏，无法读取（${detail}）`, `the Word document is damaged and cannot be read (${detail})`);
}

// --- reading --------------------------------------------------------------------------------

/** The parts of mammoth's document model read here (documents.js in mammoth). */
export interface MammothElement {
  type: string;
  children?: MammothElement[];
  value?: string;
  breakType?: string;
  styleId?: string | null;
  styleName?: string | null;
  /** a table row: Word's header row (w:tblHeader) */
  isHeader?: boolean;
  /** a table cell: the grid columns it spans */
  colSpan?: number;
}

export interface RawParagraph {
  text: string;
  styleName: string | null;
  styleId: string | null;
  /** the Word numbering label and outline level, when read */
  numbering?: ParagraphNumbering | null;
  cell?: DocxCell;
  /** the w:p's number in word/document.xml, when mapped */
  xmlIndex?: number;
}

/** stands for a manual line break until the paragraph's text is complete */
const LINE_BREAK = '\u0000';

/** Read a .docx file. Every failure is an InputError with a one-line message naming the file. */
export async function readDocx(path: string): Promise<DocxSource> {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (error) {
    // the same one-line message as for a text file (not found, a directory, no permission…)
    readSourceFile(path);
    throw error;
  }
  return readDocxBytes(buf, path);
}

export interface ReadDocxOptions {
  /**
   * record each paragraph's w:p (DocxParagraph.xmlIndex), for writing into the document
   * (src/annotate/): every paragraph is then marked, even in a document without numbering
   */
  mapParagraphs?: boolean;
}

/** Read a .docx held in memory (an upload); `path` names it in messages. Every failure is an InputError. */
export async function readDocxBytes(buf: Buffer, path: string, options: ReadDocxOptions = {}): Promise<DocxSource> {
  // an empty file is an empty draft: the caller reports it like an empty .txt
  if (buf.length === 0) return { path, text: '', paragraphs: [] };
  checkSignature(buf, path);
  const raw = await readParagraphs(buf, path, options.mapParagraphs === true);
  return assemble(path, raw);
}

/** Join paragraphs into the text, one per line, and record where each one is. */
export function assemble(path: string, raw: RawParagraph[]): DocxSource {
  const paragraphs: DocxParagraph[] = [];
  let text = '';
  raw.forEach((p, k) => {
    if (k > 0) text += '\n';
    const start = text.length;
    text += p.text;
    const paragraph: DocxParagraph = {
      start, end: text.length, style: p.styleName ?? p.styleId,
      headingLevel: headingLevelOf(p.styleName, p.styleId) ?? p.numbering?.outlineLevel ?? null,
    };
    if (p.numbering?.label) paragraph.label = p.numbering.label;
    if (p.cell) paragraph.cell = p.cell;
    if (p.xmlIndex !== undefined) paragraph.xmlIndex = p.xmlIndex;
    paragraphs.push(paragraph);
  });
  return { path, text, paragraphs };
}

async function readParagraphs(buf: Buffer, path: string, mapParagraphs: boolean): Promise<RawParagraph[]> {
  const { default: mammoth } = await import('mammoth');
  let numbered: { buffer: Buffer; numbering: ParagraphNumbering[] } | null;
  try {
    numbered = await markParagraphs(buf, mapParagraphs);
  } catch (error) {
    throw readError(error, path);
  }
  let document: MammothElement | null = null;
  try {
    await mammoth.convertToHtml(
      { buffer: numbered?.buffer ?? buf },
      {
        // the document as mammoth read it; an empty one goes on to the (then trivial) HTML step
        transformDocument: (element: MammothElement) => {
          document = element;
          return { ...element, children: [] };
        },
      },
    );
  } catch (error) {
    throw readError(error, path);
  }
  if (!document) throw docxError(path, 'Word 文档无法读取', 'the Word document cannot be read');
  const out: RawParagraph[] = [];
  collectParagraphs(document, out, { tables: 0, cell: null, numbering: numbered?.numbering ?? null, mapped: mapParagraphs });
  return out;
}

interface CollectState {
  /** tables seen so far */
  tables: number;
  /** the cell being read */
  cell: DocxCell | null;
  /** the numbering of the body's paragraphs by marker number; null when the document has none */
  numbering: ParagraphNumbering[] | null;
  /** record each paragraph's marker number as its xmlIndex */
  mapped: boolean;
}

function collectParagraphs(element: MammothElement, out: RawParagraph[], state: CollectState): void {
  if (element.type === 'paragraph') {
    let text = paragraphText(element);
    let numbering: ParagraphNumbering | null = null;
    let index = -1;
    if (state.numbering) {
      // the paragraph's own marker is its last one (a paragraph whose mark was deleted in a tracked
      // change is joined to the next, whose properties it takes); every marker leaves the text
      text = text.replace(MARKER_RE, (_, n: string) => {
        index = Number(n);
        return '';
      });
      numbering = state.numbering[index] ?? null;
    }
    const raw: RawParagraph = { text, styleName: element.styleName ?? null, styleId: element.styleId ?? null };
    if (numbering) raw.numbering = numbering;
    if (state.mapped && index >= 0) raw.xmlIndex = index;
    if (state.cell) raw.cell = state.cell;
    out.push(raw);
    return;
  }
  if (element.type === 'table' && state.cell === null && !containsTable(element)) {
    const table = state.tables++;
    // merged cells: a cell spanning columns takes the first; one continuing a vertical merge is left out by mammoth
    (element.children ?? []).filter((r) => r.type === 'tableRow').forEach((row, r) => {
      let column = 0;
      for (const cell of (row.children ?? []).filter((c) => c.type === 'tableCell')) {
        const colSpan = Math.max(1, cell.colSpan ?? 1);
        const before = state.cell;
        state.cell = { table, row: r, column, colSpan, headerRow: row.isHeader === true };
        const count = out.length;
        for (const child of cell.children ?? []) collectParagraphs(child, out, state);
        // an empty cell still stands in its row: one empty paragraph (mammoth may give none)
        if (out.length === count) out.push({ text: '', styleName: null, styleId: null, cell: state.cell });
        state.cell = before;
        column += colSpan;
      }
    });
    return;
  }
  if (element.type === 'table') state.tables++;
  // document, table (nested or holding a table), tableRow, tableCell, and any container mammoth may add
  for (const child of element.children ?? []) collectParagraphs(child, out, state);
}

function containsTable(element: MammothElement): boolean {
  return (element.children ?? []).some((c) => c.type === 'table' || containsTable(c));
}

// --- Word numbering: markers tie mammoth's paragraphs to word/document.xml ------------------

const MARKER_OPEN = '\ue000';
const MARKER_CLOSE = '\ue001';
const MARKER_RE = /\ue000(\d+)\ue001/g;
const MAIN_DOCUMENT_TYPE = /\/officeDocument$/;

/** The target of a relationship of the given type in a .rels part, resolved against `base`. */
export function relationshipTarget(rels: string | null, type: RegExp, base: string): string | null {
  if (!rels) return null;
  for (const tag of xmlTags(rels)) {
    if (!tag.name.endsWith('Relationship') || !type.test(tag.attrs['Type'] ?? '')) continue;
    const target = tag.attrs['Target'];
    if (!target || tag.attrs['TargetMode'] === 'External') continue;
    const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
    const resolved: string[] = [];
    for (const part of parts) {
      if (part === '..') resolved.pop();
      else if (part !== '.' && part !== '') resolved.push(part);
    }
    return resolved.join('/');
  }
  return null;
}

/**
 * The document with a marker run at the start of every paragraph of the body, and the numbering
 * label and outline level of each marker's paragraph; null when the document numbers nothing and
 * has no outline levels and `always` is not set (then mammoth reads the file as it is).
 */
async function markParagraphs(buf: Buffer, always: boolean): Promise<{ buffer: Buffer; numbering: ParagraphNumbering[] } | null> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(buf);
  const read = async (name: string | null): Promise<string | null> => (name ? (await zip.file(name)?.async('string')) ?? null : null);
  const mainName = relationshipTarget(await read('_rels/.rels'), MAIN_DOCUMENT_TYPE, '') ?? 'word/document.xml';
  const xml = await read(mainName);
  if (xml === null) return null;
  const dir = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/') + 1) : '';
  const rels = await read(`${dir}_rels/${mainName.slice(dir.length)}.rels`);
  const numberingXml = await read(relationshipTarget(rels, /\/numbering$/, dir) ?? `${dir}numbering.xml`);
  const stylesXml = await read(relationshipTarget(rels, /\/styles$/, dir) ?? `${dir}styles.xml`);
  const numbering = new WordNumbering(numberingXml, stylesXml);
  if (numbering.isEmpty && !/outlineLvl/.test(xml) && !always) return null;
  const marked = markDocumentXml(xml, numbering);
  zip.file(mainName, marked.xml);
  const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
  return { buffer, numbering: marked.numbering };
}

/**
 * Number the paragraphs of word/document.xml in document order and put a marker run with its
 * number after each one's w:pPr. Paragraphs in text boxes (a w:p inside a w:p) are neither
 * numbered nor marked: mammoth joins their text to the paragraph around them. A paragraph deleted
 * in a tracked change (w:del on its mark) is marked but not counted, as Word counts it only while
 * the change is shown.
 */
export function markDocumentXml(xml: string, numbering: WordNumbering): { xml: string; numbering: ParagraphNumbering[] } {
  const prefix = mainPrefix(xml);
  const w = (name: string) => (prefix === '' ? name : `${prefix}:${name}`);
  const out: ParagraphNumbering[] = [];
  const pieces: string[] = [];
  let copied = 0;
  let depth = 0;
  /** the paragraph waiting for its marker: after its start tag, or after its w:pPr */
  let awaiting: { insertAt: number; pPrStart: number; pPrDepth: number } | null = null;
  const marker = (n: number) => `<${w('r')}><${w('t')}>${MARKER_OPEN}${n}${MARKER_CLOSE}</${w('t')}></${w('r')}>`;
  const place = (at: number, pPr: string | null): void => {
    const props = paragraphProps(pPr === null ? null : parseXml(pPr, prefix));
    const deleted = pPr !== null && /<(?:[\w.-]+:)?rPr\b[\s\S]*<(?:[\w.-]+:)?del\b/.test(pPr.replace(/<(?:[\w.-]+:)?pPrChange\b[\s\S]*?<\/(?:[\w.-]+:)?pPrChange>/g, ''));
    pieces.push(xml.slice(copied, at), marker(out.length));
    copied = at;
    out.push(deleted ? { label: null, outlineLevel: null } : numbering.next(props));
  };
  for (const tag of xmlTags(xml, prefix)) {
    if (awaiting !== null) {
      if (awaiting.pPrDepth > 0) {
        if (tag.name === 'w:pPr') awaiting.pPrDepth += tag.kind === 'start' ? 1 : tag.kind === 'end' ? -1 : 0;
        if (awaiting.pPrDepth === 0) {
          place(tag.end, xml.slice(awaiting.pPrStart, tag.end));
          awaiting = null;
        }
        continue;
      }
      if (tag.name === 'w:pPr' && tag.kind !== 'end') {
        if (tag.kind === 'empty') {
          place(tag.end, null);
          awaiting = null;
        } else awaiting = { insertAt: awaiting.insertAt, pPrStart: tag.start, pPrDepth: 1 };
        continue;
      }
      place(awaiting.insertAt, null);
      awaiting = null;
    }
    if (tag.name !== 'w:p') continue;
    if (tag.kind === 'start') {
      depth++;
      if (depth === 1) awaiting = { insertAt: tag.end, pPrStart: -1, pPrDepth: 0 };
    } else if (tag.kind === 'end') {
      depth = Math.max(0, depth - 1);
    } else if (depth === 0) {
      // <w:p/>: an empty paragraph, opened to hold its marker
      pieces.push(xml.slice(copied, tag.start), `<${w('p')}>${marker(out.length)}</${w('p')}>`);
      copied = tag.end;
      out.push(numbering.next(paragraphProps(null)));
    }
  }
  if (awaiting !== null) place(awaiting.insertAt, null);
  pieces.push(xml.slice(copied));
  return { xml: pieces.join(''), numbering: out };
}

/** The text of one paragraph of mammoth's document model, on one line. */
export function paragraphText(paragraph: MammothElement): string {
  let text = '';
  const walk = (element: MammothElement): void => {
    switch (element.type) {
      case 'text':
        text += element.value ?? '';
        return;
      case 'tab':
        text += '\t';
        return;
      case 'break':
        if (element.breakType === 'line') text += LINE_BREAK;
        return;
      case 'paragraph':
        // not expected inside a paragraph; keep the text on this line
        if (text.length) text += LINE_BREAK;
        break;
    }
    for (const child of element.children ?? []) walk(child);
  };
  for (const child of paragraph.children ?? []) walk(child);
  // one paragraph, one line: line breaks typed into the XML never split it
  text = text.replace(/\r\n?|\n|[\u2028\u2029\u000b\u000c\u0085]/g, ' ');
  return text.replace(/\u0000+/g, (breaks: string, at: number) => {
    const before = text[at - 1] ?? '';
    const after = text[at + breaks.length] ?? '';
    return before === '' || after === '' || /\s/.test(before) || /\s/.test(after) || (isChinese(before) && isChinese(after)) ? '' : ' ';
  });
}

/** Chinese characters and full-width punctuation: no space where a line break joins them. */
function isChinese(c: string): boolean {
  return /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f\u201c\u201d\u2018\u2019\u2014\u2026\ud840-\udfff]/.test(c);
}

// --- locations ------------------------------------------------------------------------------

/** The paragraph and character (code points) of an offset into DocxSource.text; both 1-based. */
export function docxLocation(docx: DocxSource, offset: number): DocxLocation {
  const paragraphs = docx.paragraphs;
  if (paragraphs.length === 0) return { paragraph: 1, character: 1 };
  const at = Math.max(0, Math.min(offset, docx.text.length));
  const lo = Math.max(0, lastAtOrBefore(paragraphs, at, (p) => p.start));
  const p = paragraphs[lo]!;
  return { paragraph: lo + 1, character: codePointCount(docx.text, p.start, at) + 1 };
}

/** "para 12:5", a place in a Word document in short (the formats say 第12段第5字: src/formatters/place.ts). */
export function formatDocxLocation(location: DocxLocation): string {
  return `para ${location.paragraph}:${location.character}`;
}

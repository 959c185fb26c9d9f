/**
 * A reviewed copy of a Word draft: every finding a comment (批注) by "reportlint" on the text it
 * is about, every fix a tracked change (修订) to accept or reject.
 *
 * The fixes are not taken finding by finding: --fix fixes in passes (src/engine/fix.ts), so the
 * copy writes the difference between the draft and `fixedText`, paragraph by paragraph, which
 * makes accepting every change give exactly the text --fix gives. Each hunk of that difference is
 * credited to the findings whose fix touches it, and their comments say so.
 *
 * The package is read and written with jszip (already what mammoth reads .docx with, and a
 * dependency of reportlint's reader): the parts not changed keep their bytes and their
 * compression, in their order. word/document.xml is edited in place by offsets (./xml-edits.ts)
 * after the small tokenizer of src/input/docx-xml.ts, not parsed into a tree and written out
 * again, so everything not annotated (existing comments and changes, fields, footnotes, tables,
 * pictures, bookmarks, namespaces, whitespace) is passed through byte for byte.
 */
import type { LintMessage } from '../engine/lint.js';
import { mainPrefix, xmlTags } from '../input/docx-xml.js';
import { relationshipTarget, type DocxParagraph, type DocxSource } from '../input/docx.js';
import type { Locale } from '../messages.js';
import { charHunks, pairParagraphs } from './char-diff.js';
import { DocumentEditor, escapeXml, Ids, type RefusedChange } from './xml-edits.js';
import { mapParagraph, readDocumentXml, type DocumentXml, type MappedText, type ParagraphXml } from './xml-map.js';

export interface AnnotateInput {
  /** the original .docx */
  bytes: Buffer;
  /** as readDocxBytes(bytes, name) read it (src/input/docx.ts); read again with `mapParagraphs` when it was read without */
  docx: DocxSource;
  /** the findings on docx.text */
  messages: LintMessage[];
  /** the text the --fix fixer (src/engine/fix.ts fixText) gives for docx.text */
  fixedText: string;
  locale: Locale;
  /** the time written on comments and changes (default: now) */
  date?: Date;
}

/** What went into the copy. */
export interface AnnotateReport {
  bytes: Buffer;
  comments: number;
  /** tracked changes written (a replacement counts once) */
  changes: number;
  /** changes of the fixed text that could not be written as tracked changes */
  notWritten: number;
}

export const AUTHOR = 'reportlint';

const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const COMMENTS_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const MAIN_DOCUMENT_TYPE = /\/officeDocument$/;

export async function annotateDocx(input: AnnotateInput): Promise<Buffer> {
  return (await annotateDocxReport(input)).bytes;
}

interface Note {
  zh: string;
  en: string;
}

interface PlannedComment {
  /** paragraph index (0-based) and text range in it; null range: the whole paragraph */
  paragraph: number;
  from: number;
  to: number;
  whole: boolean;
  lines: Note[];
  sortKey: number;
}

export async function annotateDocxReport(input: AnnotateInput): Promise<AnnotateReport> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(input.bytes);
  const date = isoDate(input.date ?? new Date());
  const read = async (name: string): Promise<string | null> => (await zip.file(name)?.async('string')) ?? null;
  const mainName = relationshipTarget(await read('_rels/.rels'), MAIN_DOCUMENT_TYPE, '') ?? 'word/document.xml';
  const xml = await read(mainName);
  if (xml === null) throw new Error(`${mainName} is missing`);
  const dir = mainName.includes('/') ? mainName.slice(0, mainName.lastIndexOf('/') + 1) : '';
  const relsName = `${dir}_rels/${mainName.slice(dir.length)}.rels`;

  // ids above every w:id any part uses (comments, changes and bookmarks share no space we can rely on)
  let maxId = 0;
  for (const name of Object.keys(zip.files)) {
    if (!/\.xml$/i.test(name) || zip.files[name]!.dir) continue;
    const text = name === mainName ? xml : ((await read(name)) ?? '');
    for (const m of text.matchAll(/[\s:]id\s*=\s*"(\d{1,9})"/g)) maxId = Math.max(maxId, Number(m[1]));
  }
  const ids = new Ids(maxId + 1);

  const doc = readDocumentXml(xml);
  const editor = new DocumentEditor(doc, ids, AUTHOR, date);
  const docx = await mapped(input);
  const mapping = new ParagraphMapping(docx, doc, editor);
  const comments: PlannedComment[] = [];
  const locale = input.locale;

  // --- the fixes, as tracked changes ------------------------------------------------------
  /** per finding: changes written for it, and why some were not */
  const credit = new Map<LintMessage, { written: number; refused: RefusedChange[] }>();
  const fixers = input.messages.filter((m) => m.fix);
  let changes = 0;
  let notWritten = 0;
  const before = docx.paragraphs.map((p) => docx.text.slice(p.start, p.end));
  const after = input.fixedText.split('\n');
  // a fix that adds or removes a paragraph break is not a tracked change: those paragraphs are left
  const { pairs, unpaired } = after.length === before.length
    ? { pairs: before.map((_, k): [number, string] => [k, after[k]!]), unpaired: [] }
    : pairParagraphs(before, after);
  for (const [k, fixed] of pairs) {
    if (before[k] === fixed) continue;
    const p = docx.paragraphs[k]!;
    const mapped = mapping.mapped(k);
    for (const hunk of charHunks(before[k]!, fixed)) {
      const from = p.start + hunk.from;
      const to = p.start + hunk.to;
      // the findings whose fix touches the hunk; a fix within the paragraph before one over many
      // (punctuation-width's one fix for a whole draft)
      // (ranges that only meet count for an insertion: a fix inserting there, or a hunk that inserts)
      const touching = fixers.filter(({ fix }) => {
        const [f0, f1] = fix!.range;
        return (f0 < to && f1 > from) || ((f0 === f1 || from === to) && f0 <= to && f1 >= from);
      });
      const local = touching.filter((m) => m.fix!.range[0] >= p.start && m.fix!.range[1] <= p.end);
      const owners = local.length ? local : touching;
      const refused = mapped ? editor.change(mapped, hunk.from, hunk.to, hunk.text) : 'unmapped';
      if (refused) notWritten++;
      else changes++;
      for (const m of owners) {
        const c = credit.get(m) ?? { written: 0, refused: [] };
        if (refused) c.refused.push(refused);
        else c.written++;
        credit.set(m, c);
      }
      if (owners.length === 0) {
        // a change --fix makes on text no reported finding points at: a later pass, or a baselined finding
        const shown = hunk.to > hunk.from ? `「${before[k]!.slice(hunk.from, hunk.to)}」→「${hunk.text}」` : `+「${hunk.text}」`;
        comments.push({
          paragraph: k, from: hunk.from, to: Math.max(hunk.to, hunk.from + 1), whole: false, sortKey: from,
          lines: [
            { zh: `修改 ${shown}：--fix 的这处修改不对应本副本列出的问题（由再次检查后的修复产生，或属于基线中的问题）`, en: `change ${shown}: --fix makes it, but no finding listed in this copy points at it (a later pass of the fixes, or a finding in the baseline)` },
            refused ? refusedNote(refused) : { zh: '已写为修订。', en: 'Written as a tracked change.' },
          ],
        });
      }
    }
  }
  notWritten += unpaired.length;

  // --- the findings, as comments ----------------------------------------------------------
  for (const m of input.messages) comments.push(planComment(m, docx, mapping, credit.get(m), unpaired));
  for (const run of unpaired) {
    const k = Math.min(run.first, docx.paragraphs.length - 1);
    const shown = run.last >= run.first ? `第${run.first + 1}–${run.last + 1}段` : `第${run.first}段之后`;
    const shownEn = run.last >= run.first ? `paragraphs ${run.first + 1}–${run.last + 1}` : `after paragraph ${run.first}`;
    comments.push({
      paragraph: k, from: 0, to: 0, whole: true, sortKey: docx.paragraphs[k]?.start ?? 0,
      lines: [{ zh: `修复增删了段落分隔（${shown}），未写为修订，请手工修改。`, en: `A fix adds or removes a paragraph break (${shownEn}); it was not written as a tracked change: edit it by hand.` }],
    });
  }
  comments.sort((a, b) => a.sortKey - b.sortKey);

  const commentXml: string[] = [];
  for (const c of comments) {
    const id = ids.take();
    const target = mapping.target(c.paragraph);
    if (!target) continue;
    const mapped = c.whole ? null : mapping.mapped(c.paragraph);
    editor.comment(id, target.xml, mapped, c.from, c.to);
    commentXml.push(commentElement(id, date, c.lines.map((l) => l[locale])));
  }

  // --- the parts --------------------------------------------------------------------------
  const writes = new Map<string, string>();
  const edited = editor.result();
  // never a broken document: the edited XML must nest as the original did
  if (!balanced(edited) && balanced(xml)) throw new Error(`${mainName}: the edit would break the XML; no copy written`);
  writes.set(mainName, edited);
  if (commentXml.length) {
    const rels = (await read(relsName)) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const existing = relationshipTarget(rels, /\/comments$/, dir);
    const existingXml = existing ? await read(existing) : null;
    if (existing && existingXml !== null) writes.set(existing, appendComments(existingXml, commentXml));
    else {
      let name = `${dir}comments.xml`;
      for (let n = 2; zip.file(name); n++) name = `${dir}comments${n}.xml`;
      writes.set(name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${commentXml.join('')}</w:comments>`);
      writes.set(relsName, addRelationship(rels, COMMENTS_TYPE, name.slice(dir.length)));
      const types = await read('[Content_Types].xml');
      if (types === null) throw new Error('[Content_Types].xml is missing');
      writes.set('[Content_Types].xml', addOverride(types, `/${name}`, COMMENTS_CONTENT_TYPE));
    }
  }

  // every entry keeps its compression; new ones are deflated
  // (jszip keeps an entry's compressed bytes only when asked for the same method: its loaded
  // entries know their method in _data, which its typings do not show)
  for (const entry of Object.values(zip.files)) {
    const method = (entry as unknown as { _data?: { compression?: { magic?: string } } })._data?.compression?.magic;
    if (method !== undefined) (entry as unknown as { options: { compression?: string } }).options.compression = method === '\x00\x00' ? 'STORE' : 'DEFLATE';
  }
  for (const [name, text] of writes) {
    const old = zip.files[name];
    const compression = old ? (old as unknown as { options: { compression?: 'STORE' | 'DEFLATE' } }).options.compression ?? 'DEFLATE' : 'DEFLATE';
    zip.file(name, text, { compression, ...(old ? { date: old.date } : { date: input.date ?? new Date() }) });
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer' });
  return { bytes, comments: commentXml.length, changes, notWritten };
}

/**
 * The draft with each paragraph's w:p: as given when it was read with `mapParagraphs`, else read
 * again so (the text must come out the same, or the findings would be placed on another text).
 */
async function mapped(input: AnnotateInput): Promise<DocxSource> {
  const { docx } = input;
  if (docx.paragraphs.length === 0 || docx.paragraphs.some((p) => p.xmlIndex !== undefined)) return docx;
  const { readDocxBytes } = await import('../input/docx.js');
  const again = await readDocxBytes(input.bytes, docx.path, { mapParagraphs: true });
  if (again.text !== docx.text) throw new Error(`${docx.path}: the text given is not the text of these bytes`);
  return again;
}

/** Which w:p each paragraph of the text is, and its characters' places when its text reads back the same. */
class ParagraphMapping {
  private readonly cache = new Map<number, MappedText | null>();
  private readonly byXml = new Map<number, number>();

  constructor(private readonly docx: DocxSource, private readonly doc: DocumentXml, private readonly editor: DocumentEditor) {
    docx.paragraphs.forEach((p, k) => {
      if (p.xmlIndex === undefined) return;
      // two paragraphs of the text on one w:p: neither is mapped
      this.byXml.set(p.xmlIndex, this.byXml.has(p.xmlIndex) ? -1 : k);
    });
  }

  private xmlOf(k: number): ParagraphXml | null {
    const p = this.docx.paragraphs[k];
    if (!p || p.xmlIndex === undefined || this.byXml.get(p.xmlIndex) !== k) return null;
    return this.doc.paragraphs[p.xmlIndex] ?? null;
  }

  /** The paragraph's characters, or null when it cannot be mapped exactly. */
  mapped(k: number): MappedText | null {
    if (this.cache.has(k)) return this.cache.get(k)!;
    const p = this.docx.paragraphs[k];
    const xml = this.xmlOf(k);
    let mapped: MappedText | null = null;
    if (p && xml) {
      mapped = mapParagraph(this.doc, xml);
      if (mapped && mapped.text !== this.docx.text.slice(p.start, p.end)) mapped = null;
      if (mapped) this.editor.register(mapped);
    }
    this.cache.set(k, mapped);
    return mapped;
  }

  /** Where a comment on paragraph k goes: its w:p, or (a paragraph made up for an empty table cell) the first paragraph that has one. */
  target(k: number): { xml: ParagraphXml; moved: boolean } | null {
    const own = this.xmlOf(k);
    if (own) return { xml: own, moved: false };
    const first = this.doc.paragraphs[0];
    return first ? { xml: first, moved: true } : null;
  }

  isMapped(k: number): boolean {
    return this.mapped(k) !== null;
  }
}

function planComment(m: LintMessage, docx: DocxSource, mapping: ParagraphMapping, credit: { written: number; refused: RefusedChange[] } | undefined, unpaired: ReadonlyArray<{ first: number; last: number }>): PlannedComment {
  const k = paragraphIndexAt(docx.paragraphs, m.offset);
  const kEnd = paragraphIndexAt(docx.paragraphs, Math.max(m.offset, m.endOffset - 1));
  const p = docx.paragraphs[k]!;
  const severity: Note = m.severity === 2 ? { zh: '错误', en: 'error' } : { zh: '警告', en: 'warning' };
  const lines: Note[] = [
    { zh: m.message, en: m.message },
    { zh: `（reportlint · ${m.ruleId} · ${severity.zh}）`, en: `(reportlint · ${m.ruleId} · ${severity.en})` },
  ];
  let from = m.offset - p.start;
  let to = Math.min(m.endOffset, p.end) - p.start;
  let whole = false;
  const target = mapping.target(k);
  if (target?.moved) {
    whole = true;
    lines.push({ zh: `此问题在第${k + 1}段（表格的空单元格），批注放在第一段。`, en: `This finding is in paragraph ${k + 1} (an empty table cell); the comment is on the first paragraph.` });
  } else if (p.label && m.offset === p.start && m.endOffset <= p.start + 1 && m.message.includes(p.label.trim())) {
    // on Word's automatic number, which the text does not hold: the reader places such a finding
    // on the paragraph's first character, and its message names the number
    whole = true;
    lines.push({ zh: `此问题在 Word 自动编号「${p.label.trim()}」上，批注放在该段。`, en: `This finding is on Word's automatic number «${p.label.trim()}»; the comment is on its paragraph.` });
  } else if (m.offset === p.start && m.endOffset === p.start) {
    // no text of its own: the paragraph, or (at the start of the draft) the draft as a whole
    whole = true;
    if (k === 0) lines.push({ zh: '此问题关乎全文，批注放在第一段（标题）上。', en: 'This finding is about the whole draft; the comment is on its first paragraph (the title).' });
  } else if (kEnd > k) {
    to = p.end - p.start;
    if (m.offset <= p.start && m.endOffset >= docx.text.length && docx.paragraphs.length > 1) lines.push({ zh: '此问题关乎全文，批注放在第一段。', en: 'This finding is about the whole document; the comment is on the first paragraph.' });
    else lines.push({ zh: `此问题跨越第${k + 1}–${kEnd + 1}段，批注放在第${k + 1}段。`, en: `This finding spans paragraphs ${k + 1}–${kEnd + 1}; the comment is on paragraph ${k + 1}.` });
  }
  if (!whole && !mapping.isMapped(k)) {
    whole = true;
    lines.push({ zh: '此段含有无法逐字定位的内容，批注放在整段上。', en: 'This paragraph holds content that cannot be located character by character; the comment is on the whole paragraph.' });
  }
  if (to <= from) to = from + 1;
  if (m.fix) {
    if (credit && credit.written > 1 && credit.refused.length === 0) lines.push({ zh: `修复已写为 ${credit.written} 处修订（作者 reportlint），可逐处接受或拒绝。`, en: `The fix is written as ${credit.written} tracked changes (author reportlint) to accept or reject.` });
    else if (credit && credit.written > 0 && credit.refused.length === 0) lines.push({ zh: '修复已写为修订（作者 reportlint），可接受或拒绝。', en: 'The fix is written as a tracked change (author reportlint) to accept or reject.' });
    else if (credit && credit.refused.length > 0) {
      if (credit.written > 0) lines.push({ zh: `修复已写为 ${credit.written} 处修订；另有 ${credit.refused.length} 处未写：`, en: `The fix is written as ${credit.written} tracked changes; ${credit.refused.length} more were not:` });
      lines.push(refusedNote(credit.refused[0]!));
    }
    else if (unpaired.some((run) => k >= run.first && k <= run.last)) lines.push({ zh: '修复增删了段落分隔，未写为修订。', en: 'The fix adds or removes a paragraph break; it was not written as a tracked change.' });
    else lines.push({ zh: '修复与其他修复重叠或已由其他修复完成，未单独写为修订。', en: 'The fix overlaps another or is made by another; it is not written separately.' });
  }
  return { paragraph: k, from, to, whole, lines, sortKey: m.offset };
}

function refusedNote(reason: RefusedChange): Note {
  switch (reason) {
    case 'unmapped':
      return { zh: '修复未写为修订：此段含有无法逐字定位的内容，请手工修改。', en: 'The fix was not written: this paragraph holds content that cannot be located character by character; edit it by hand.' };
    case 'locked':
      return { zh: '修复未写为修订：文字在域、内容控件或他人的修订中，请手工修改。', en: 'The fix was not written: the text is in a field, a content control or another author\'s change; edit it by hand.' };
    case 'crosses':
      return { zh: '修复未写为修订：修改跨越超链接、域或其他修订的边界，请手工修改。', en: 'The fix was not written: it crosses the edge of a hyperlink, a field or another change; edit it by hand.' };
    case 'objects':
      return { zh: '修复未写为修订：被删文字间有脚注引用、换行、图片等对象，请手工修改。', en: 'The fix was not written: the text to delete holds a footnote reference, a break or an object; edit it by hand.' };
  }
}

function paragraphIndexAt(paragraphs: readonly DocxParagraph[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (paragraphs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function commentElement(id: number, date: string, lines: string[]): string {
  const paragraphs = lines.map((line, k) => `<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr>${k === 0 ? '<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:annotationRef/></w:r>' : ''}<w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`);
  return `<w:comment w:id="${id}" w:author="${AUTHOR}" w:date="${date}" w:initials="RL">${paragraphs.join('')}</w:comment>`;
}

/** Append comments to an existing comments part, in its own prefix. */
function appendComments(xml: string, comments: string[]): string {
  const prefix = mainPrefix(xml);
  const rename = (s: string) => (prefix === 'w' ? s : s.replace(/<(\/?)w:/g, prefix === '' ? '<$1' : `<$1${prefix}:`).replace(/ w:/g, prefix === '' ? ' ' : ` ${prefix}:`));
  const close = new RegExp(`</${prefix === '' ? '' : `${prefix}:`}comments\\s*>\\s*$`);
  const m = close.exec(xml);
  if (m) return xml.slice(0, m.index) + comments.map(rename).join('') + xml.slice(m.index);
  // <w:comments/>: opened to hold them
  const empty = new RegExp(`<(${prefix === '' ? '' : `${prefix}:`}comments)\\b([^>]*?)\\s*/>`);
  return xml.replace(empty, (_, name: string, attrs: string) => `<${name}${attrs}>${comments.map(rename).join('')}</${name}>`);
}

function addRelationship(rels: string, type: string, target: string): string {
  const used = new Set([...rels.matchAll(/\bId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const rel = `<Relationship Id="rId${n}" Type="${type}" Target="${escapeXml(target)}"/>`;
  return rels.replace(/<\/Relationships\s*>\s*$/, (end) => rel + end).replace(/<Relationships\b([^>]*?)\s*\/>\s*$/, (_, attrs: string) => `<Relationships${attrs}>${rel}</Relationships>`);
}

function addOverride(types: string, part: string, contentType: string): string {
  if (new RegExp(`PartName\\s*=\\s*"${part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'i').test(types)) return types;
  return types.replace(/<\/Types\s*>\s*$/, (end) => `<Override PartName="${escapeXml(part)}" ContentType="${contentType}"/>${end}`);
}

/** Do the XML's start and end tags nest? */
function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (const tag of xmlTags(xml)) {
    if (tag.kind === 'start') stack.push(tag.name);
    else if (tag.kind === 'end' && stack.pop() !== tag.name) return false;
  }
  return stack.length === 0;
}

/** Word's w:date: UTC, to the second. */
function isoDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

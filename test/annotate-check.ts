/**
 * Checks on a reviewed copy written by --annotate, independent of src/annotate: XML
 * well-formedness, the ids, what each comment is anchored on, accepting every change, and the
 * zip entries' order and compression.
 */
import JSZip from 'jszip';
import { xmlTags } from '../src/input/docx-xml.js';

/** The first problem that makes `xml` not well-formed (tags nested and closed, text escaped), or null. */
export function wellFormedProblem(xml: string): string | null {
  const stack: string[] = [];
  let last = 0;
  let roots = 0;
  const tags = [...xmlTags(xml, 'w')];
  for (const tag of tags) {
    const between = xml.slice(last, tag.start).replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, '');
    if (/[<>]/.test(between)) return `stray markup before ${tag.start}: ${between.slice(0, 40)}`;
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(between)) return `unescaped & before ${tag.start}`;
    last = tag.end;
    if (tag.kind === 'start') {
      if (stack.length === 0) roots++;
      stack.push(tag.name);
    } else if (tag.kind === 'end') {
      const open = stack.pop();
      if (open !== tag.name) return `</${tag.name}> at ${tag.start} closes <${open}>`;
    } else if (stack.length === 0) roots++;
  }
  if (stack.length) return `unclosed <${stack[stack.length - 1]}>`;
  if (roots !== 1) return `${roots} root elements`;
  return null;
}

/** Accept every tracked change: deleted runs go, inserted runs stay (w:ins unwrapped). */
export function acceptAll(xml: string): string {
  let out = xml;
  // (a w:del holds no w:del; repeat for a w:del inside another author's w:ins)
  for (let before = ''; before !== out;) {
    before = out;
    out = out.replace(/<w:del\b[^>]*\/>|<w:del\b[^>]*>(?:(?!<w:del\b)[\s\S])*?<\/w:del>/g, '');
  }
  return out.replace(/<w:ins\b[^>]*>|<\/w:ins>/g, '');
}

/** Reject every change by `author`: their insertions go, their deletions come back as text. */
export function rejectAllBy(xml: string, author: string): string {
  const a = author.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return xml
    .replace(new RegExp(`<w:ins\\b[^>]*w:author="${a}"[^>]*>[\\s\\S]*?</w:ins>`, 'g'), '')
    .replace(new RegExp(`<w:del\\b[^>]*w:author="${a}"[^>]*>([\\s\\S]*?)</w:del>`, 'g'), (_, inner: string) => inner.replace(/<(\/?)w:delText\b/g, '<$1w:t'));
}

/**
 * The draft's own text a comment is anchored on: w:t between its range start and end, leaving
 * out text inserted by `author` and putting back text `author` deleted (the other authors'
 * deleted text is not the draft's); with view 'accepted', the text once `author`'s changes are
 * accepted.
 */
export function anchoredText(xml: string, id: number, view: 'draft' | 'accepted' = 'draft', author = 'reportlint'): string {
  const start = xml.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = xml.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  if (start < 0 || end < start) throw new Error(`comment ${id} is not anchored`);
  const tags = [...xmlTags(xml, 'w')];
  let text = '';
  const changes: Array<{ name: string; ours: boolean }> = [];
  for (const tag of tags) {
    if (tag.start < start) {
      if (tag.name === 'w:ins' || tag.name === 'w:del') {
        if (tag.kind === 'start') changes.push({ name: tag.name, ours: tag.attrs['w:author'] === author });
        else if (tag.kind === 'end') changes.pop();
      }
      continue;
    }
    if (tag.start >= end) break;
    if (tag.name === 'w:ins' || tag.name === 'w:del') {
      if (tag.kind === 'start') changes.push({ name: tag.name, ours: tag.attrs['w:author'] === author });
      else if (tag.kind === 'end') changes.pop();
      continue;
    }
    const inOurIns = changes.some((c) => c.name === 'w:ins' && c.ours);
    const inOurDel = changes.some((c) => c.name === 'w:del' && c.ours);
    const inOtherDel = changes.some((c) => c.name === 'w:del' && !c.ours);
    const shown = view === 'draft' ? !inOurIns && !inOtherDel : !inOurDel && !inOtherDel;
    if (tag.kind === 'start' && (tag.name === 'w:t' || tag.name === 'w:delText') && shown) {
      const close = xml.indexOf('</', tag.end);
      text += xml.slice(tag.end, close).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    }
    if (tag.kind === 'empty' && tag.name === 'w:tab' && shown) text += '\t';
  }
  return text;
}

/** The zip's entries in order with their compression method (0 stored, 8 deflated), from the local headers. */
export function zipEntries(buf: Buffer): Array<{ name: string; method: number }> {
  const out: Array<{ name: string; method: number }> = [];
  let at = 0;
  while (at + 30 <= buf.length && buf.readUInt32LE(at) === 0x04034b50) {
    const flags = buf.readUInt16LE(at + 6);
    const method = buf.readUInt16LE(at + 8);
    let size = buf.readUInt32LE(at + 18);
    const nameLength = buf.readUInt16LE(at + 26);
    const extraLength = buf.readUInt16LE(at + 28);
    const name = buf.toString('utf8', at + 30, at + 30 + nameLength);
    const dataStart = at + 30 + nameLength + extraLength;
    if (flags & 8) {
      // sizes in a data descriptor after the data: find it through the central directory instead
      const central = buf.lastIndexOf(Buffer.from(name, 'utf8'));
      size = buf.readUInt32LE(central - 46 + 20);
    }
    out.push({ name, method });
    at = dataStart + size + (flags & 8 ? 16 : 0);
  }
  return out;
}

/** The package with one part replaced (for reading an accepted or rejected copy back). */
export async function withPart(buf: Buffer, name: string, text: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buf);
  zip.file(name, text);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

export async function part(buf: Buffer, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const file = zip.file(name);
  if (!file) throw new Error(`no ${name}`);
  return file.async('string');
}

/**
 * The little XML reading the .docx numbering needs: a tokenizer over start and end tags (text,
 * comments, CDATA and processing instructions are skipped) and a tree of elements with their
 * attributes. WordprocessingML names are read with the prefix `w:` whatever prefix the file binds
 * to the main namespace (Word, WPS and LibreOffice all write `w:`; a file binding another prefix,
 * or the default namespace, is read the same).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

/** A start, end or empty tag, with its place in the XML text. */
export interface XmlTag {
  kind: 'start' | 'end' | 'empty';
  name: string;
  attrs: Record<string, string>;
  /** offsets of the tag in the XML text: [start, end) */
  start: number;
  end: number;
}

const MAIN_NAMESPACES = [
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
];

// a comment, CDATA, a processing instruction or a declaration (skipped), or a tag
const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<![^>]*>|<(\/?)([A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decode(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (m, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined || hex !== undefined) {
      const code = dec !== undefined ? Number(dec) : Number.parseInt(hex!, 16);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!]!;
  });
}

/** The prefix the XML binds to the WordprocessingML main namespace ('' for the default namespace), from its first tag. */
export function mainPrefix(xml: string): string {
  const root = /<([A-Za-z_][\w.\-:]*)([^>]*)>/.exec(xml.replace(/^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/, ''));
  if (!root) return 'w';
  for (const m of root[2]!.matchAll(/xmlns(?::([\w.\-]+))?\s*=\s*"([^"]*)"/g)) {
    if (MAIN_NAMESPACES.includes(m[2]!)) return m[1] ?? '';
  }
  return 'w';
}

/** Every tag of an XML text in order, with WordprocessingML names as w:… (`prefix`: the one the text binds to them, read from its root when not given) */
export function* xmlTags(xml: string, prefix: string = mainPrefix(xml)): Generator<XmlTag> {
  const rename = (name: string): string => {
    if (prefix === 'w') return name;
    if (prefix === '') return name.includes(':') ? name : `w:${name}`;
    return name.startsWith(`${prefix}:`) ? `w:${name.slice(prefix.length + 1)}` : name;
  };
  // (a regex of its own per call: a caller may read another XML text while it reads this one)
  const token = new RegExp(TOKEN.source, 'g');
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    if (m[2] === undefined) continue;
    const attrs: Record<string, string> = {};
    if (m[1] === '') {
      for (const a of m[3]!.matchAll(ATTR)) {
        // (attributes are not in the default namespace: only a prefixed one is renamed)
        const name = prefix !== '' && prefix !== 'w' && a[1]!.startsWith(`${prefix}:`) ? `w:${a[1]!.slice(prefix.length + 1)}` : a[1]!;
        attrs[name] = decode(a[2] ?? a[3] ?? '');
      }
    }
    yield { kind: m[1] === '/' ? 'end' : m[4] === '/' ? 'empty' : 'start', name: rename(m[2]), attrs, start: m.index, end: m.index + m[0].length };
  }
}

/** The XML as a tree: the root element (an empty one named '' when there is none). */
export function parseXml(xml: string, prefix?: string): XmlElement {
  const top: XmlElement = { name: '', attrs: {}, children: [] };
  const stack: XmlElement[] = [top];
  for (const tag of xmlTags(xml, prefix)) {
    const parent = stack[stack.length - 1]!;
    if (tag.kind === 'end') {
      // (a stray end tag closes nothing)
      const at = stack.map((e) => e.name).lastIndexOf(tag.name);
      if (at > 0) stack.length = at;
      continue;
    }
    const element: XmlElement = { name: tag.name, attrs: tag.attrs, children: [] };
    parent.children.push(element);
    if (tag.kind === 'start') stack.push(element);
  }
  return top.children.length === 1 ? top.children[0]! : top;
}

/** The first child element of that name. */
export function child(element: XmlElement | null | undefined, name: string): XmlElement | null {
  if (!element) return null;
  for (const c of element.children) if (c.name === name) return c;
  return null;
}

/** The children of that name. */
export function childrenNamed(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((c) => c.name === name);
}

/** The w:val of a child element (<w:numFmt w:val="decimal"/>), or null. */
export function valOf(element: XmlElement | null | undefined, name: string): string | null {
  return child(element, name)?.attrs['w:val'] ?? null;
}

/** An integer attribute value, or null. */
export function intOf(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\s*-?\d+\s*$/.test(value)) return null;
  return Number(value);
}

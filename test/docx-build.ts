/**
 * Word documents built in the tests: word/document.xml, numbering.xml and styles.xml written as
 * Word writes them, zipped with jszip. Paragraphs may be numbered (w:numPr), styled, given an
 * outline level, and tables (w:tbl) may stand between them.
 */
import JSZip from 'jszip';

export interface BuiltParagraph {
  text: string;
  /** w:numPr: the list (w:numId) and level (w:ilvl) */
  num?: { numId: number; ilvl: number };
  style?: string;
  outlineLvl?: number;
}

export interface BuiltTable {
  rows: string[][];
  /** the first row is a repeated header row (w:tblHeader) */
  headerRow?: boolean;
}

/** XML written into the body as it is (a paragraph with runs of its own, a footnote reference, a comment…) */
export interface BuiltXml {
  xml: string;
}

export type BuiltBlock = BuiltParagraph | BuiltTable | BuiltXml | string;

/** A part beside word/document.xml (footnotes.xml, comments.xml…): its relationship type and content type */
export interface BuiltPart {
  name: string;
  xml: string;
  relType: string;
  contentType: string;
}

export interface BuiltLevel {
  ilvl: number;
  numFmt: string;
  lvlText: string;
  start?: number;
  /** w:lvlRestart */
  restart?: number;
  pStyle?: string;
}

export interface BuiltNumbering {
  abstractNums: Array<{ id: number; levels: BuiltLevel[] }>;
  /** w:num: numId → abstractNumId, with w:startOverride per level */
  nums: Array<{ numId: number; abstractNumId: number; startOverride?: Record<number, number> }>;
}

export interface BuiltStyle {
  id: string;
  name: string;
  basedOn?: string;
  outlineLvl?: number;
  num?: { numId: number; ilvl?: number };
}

export const NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The GB/T 9704 levels as a Chinese Word template numbers them: 一、 （一） 1. （1） */
export const GBT_LEVELS: BuiltLevel[] = [
  { ilvl: 0, numFmt: 'chineseCounting', lvlText: '%1、', start: 1 },
  { ilvl: 1, numFmt: 'chineseCounting', lvlText: '（%2）', start: 1 },
  { ilvl: 2, numFmt: 'decimal', lvlText: '%3.', start: 1 },
  { ilvl: 3, numFmt: 'decimal', lvlText: '（%4）', start: 1 },
];

function paragraphXml(p: BuiltParagraph): string {
  const props: string[] = [];
  if (p.style) props.push(`<w:pStyle w:val="${esc(p.style)}"/>`);
  if (p.num) props.push(`<w:numPr><w:ilvl w:val="${p.num.ilvl}"/><w:numId w:val="${p.num.numId}"/></w:numPr>`);
  if (p.outlineLvl !== undefined) props.push(`<w:outlineLvl w:val="${p.outlineLvl}"/>`);
  const pPr = props.length ? `<w:pPr>${props.join('')}</w:pPr>` : '';
  // two runs, as Word splits text by formatting
  const cut = Math.min(2, p.text.length);
  const runs = p.text.length === 0 ? '' : [p.text.slice(0, cut), p.text.slice(cut)].filter(Boolean).map((t) => `<w:r><w:t xml:space="preserve">${esc(t)}</w:t></w:r>`).join('');
  return `<w:p>${pPr}${runs}</w:p>`;
}

function tableXml(t: BuiltTable): string {
  const rows = t.rows.map((cells, r) => {
    const trPr = r === 0 && t.headerRow ? '<w:trPr><w:tblHeader/></w:trPr>' : '';
    return `<w:tr>${trPr}${cells.map((c) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${c.split('\n').map((line) => paragraphXml({ text: line })).join('')}</w:tc>`).join('')}</w:tr>`;
  }).join('');
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${t.rows[0]!.map(() => '<w:gridCol w:w="2000"/>').join('')}</w:tblGrid>${rows}</w:tbl>`;
}

export function numberingXml(n: BuiltNumbering): string {
  const abstract = n.abstractNums.map((a) => `<w:abstractNum w:abstractNumId="${a.id}"><w:multiLevelType w:val="multilevel"/>${a.levels.map((l) =>
    `<w:lvl w:ilvl="${l.ilvl}"><w:start w:val="${l.start ?? 1}"/><w:numFmt w:val="${l.numFmt}"/>${l.restart !== undefined ? `<w:lvlRestart w:val="${l.restart}"/>` : ''}${l.pStyle ? `<w:pStyle w:val="${l.pStyle}"/>` : ''}<w:lvlText w:val="${esc(l.lvlText)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="640"/></w:pPr></w:lvl>`).join('')}</w:abstractNum>`).join('');
  const nums = n.nums.map((x) => `<w:num w:numId="${x.numId}"><w:abstractNumId w:val="${x.abstractNumId}"/>${Object.entries(x.startOverride ?? {}).map(([l, v]) => `<w:lvlOverride w:ilvl="${l}"><w:startOverride w:val="${v}"/></w:lvlOverride>`).join('')}</w:num>`).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:numbering ${NS}>${abstract}${nums}</w:numbering>`;
}

export function stylesXml(styles: BuiltStyle[]): string {
  const defs = styles.map((s) => {
    const props: string[] = [];
    if (s.num) props.push(`<w:numPr>${s.num.ilvl !== undefined ? `<w:ilvl w:val="${s.num.ilvl}"/>` : ''}<w:numId w:val="${s.num.numId}"/></w:numPr>`);
    if (s.outlineLvl !== undefined) props.push(`<w:outlineLvl w:val="${s.outlineLvl}"/>`);
    return `<w:style w:type="paragraph" w:styleId="${esc(s.id)}"><w:name w:val="${esc(s.name)}"/>${s.basedOn ? `<w:basedOn w:val="${esc(s.basedOn)}"/>` : ''}${props.length ? `<w:pPr>${props.join('')}</w:pPr>` : ''}</w:style>`;
  }).join('');
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles ${NS}><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${defs}</w:styles>`;
}

/** A .docx as a Buffer. */
export async function buildDocx(blocks: BuiltBlock[], options: { numbering?: BuiltNumbering; styles?: BuiltStyle[]; parts?: BuiltPart[]; store?: string[] } = {}): Promise<Buffer> {
  const body = blocks.map((b) => (typeof b === 'string' ? paragraphXml({ text: b }) : 'rows' in b ? tableXml(b) : 'xml' in b ? b.xml : paragraphXml(b))).join('');
  const documentXml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${NS}><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
  const zip = new JSZip();
  const overrides = [
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>',
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>',
    ...(options.numbering ? ['<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'] : []),
    ...(options.parts ?? []).map((p) => `<Override PartName="/word/${p.name}" ContentType="${p.contentType}"/>`),
  ];
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`);
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const rels = ['<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'];
  if (options.numbering) rels.push('<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>');
  (options.parts ?? []).forEach((p, i) => rels.push(`<Relationship Id="rId${10 + i}" Type="${p.relType}" Target="${p.name}"/>`));
  zip.file('word/_rels/document.xml.rels', `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`);
  zip.file('word/document.xml', documentXml);
  zip.file('word/styles.xml', stylesXml(options.styles ?? []));
  if (options.numbering) zip.file('word/numbering.xml', numberingXml(options.numbering));
  for (const p of options.parts ?? []) zip.file(`word/${p.name}`, p.xml);
  // entries named in `store` are stored, not deflated (a package may mix both)
  for (const name of options.store ?? []) zip.file(name, (await zip.file(name)!.async('string')), { compression: 'STORE' });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * A plain-text draft as Word would hold it with automatic numbering: each line that begins with a
 * GB/T 9704 ordinal (一、 （一） 1. （1）) loses it and is numbered by the list at that level; a list
 * that restarts where Word would not (or the other way round) gets a w:num with a w:startOverride.
 */
export async function docxFromText(lines: string[], ordinalOf: (line: string) => { kind: 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic'; value: number; end: number } | null): Promise<Buffer> {
  const level = { cn: 0, 'paren-cn': 1, arabic: 2, 'paren-arabic': 3 } as const;
  const counters: Array<number | undefined> = [];
  const nums: BuiltNumbering['nums'] = [{ numId: 1, abstractNumId: 0 }];
  let current = 1;
  const blocks: BuiltBlock[] = lines.map((line) => {
    const m = ordinalOf(line);
    if (!m) return line;
    const ilvl = level[m.kind];
    const expected = counters[ilvl] === undefined ? 1 : counters[ilvl]! + 1;
    if (m.value !== expected) {
      // a restart Word would not make by itself: a new list instance starting at the value
      current = nums.length + 1;
      nums.push({ numId: current, abstractNumId: 0, startOverride: { [ilvl]: m.value } });
    }
    counters[ilvl] = m.value;
    for (let d = ilvl + 1; d < 4; d++) counters[d] = undefined;
    return { text: line.slice(m.end), num: { numId: current, ilvl } };
  });
  return buildDocx(blocks, { numbering: { abstractNums: [{ id: 0, levels: GBT_LEVELS }], nums } });
}

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { DocumentModel, Section, TextBlock } from '../src/document/model.js';
import { parseDocumentAsync } from '../src/document/parse/index.js';
import { markdownBlocks } from '../src/document/parse/markdown.js';
import { LineIndex, contiguousSourceRange, sourceOffset } from '../src/document/position.js';

const seed = (name: string) => readFileSync(fileURLToPath(new URL(`../seeds/${name}`, import.meta.url)), 'utf8');

/** Every text block of a document model. */
function textBlocks(doc: DocumentModel): TextBlock[] {
  const blocks: TextBlock[] = [];
  if (doc.title) blocks.push(doc.title);
  if (doc.addressee) blocks.push(doc.addressee);
  blocks.push(...doc.preamble, ...doc.paragraphs);
  for (const section of doc.allSections) blocks.push(section.heading, ...section.paragraphs);
  if (doc.signature?.issuer) blocks.push(doc.signature.issuer);
  if (doc.signature?.date) blocks.push(doc.signature.date);
  return blocks;
}

/**
 * The source offset where block text [.., j) ends. (`sourceOffset(block, j)` at the end of
 * a segment gives the start of the next one, i.e. after any syntax in between.)
 */
function sourceEnd(block: TextBlock, j: number): number {
  for (const seg of block.segments) if (j > seg.text && j <= seg.text + seg.length) return seg.source + (j - seg.text);
  return sourceOffset(block, j);
}

/**
 * The segment invariant: each segment's source slice is its text. With `exactSpan`, the
 * span runs from the first segment to the end of the last (blocks as markdownBlocks makes
 * them; the builder's slices may end after trailing syntax such as a closing `**`).
 */
function expectSegmentsMatch(source: string, block: TextBlock, exactSpan = true): void {
  let previousEnd = -1;
  for (const seg of block.segments) {
    expect(seg.length).toBeGreaterThan(0);
    expect(seg.text).toBeGreaterThanOrEqual(previousEnd);
    expect(seg.text + seg.length).toBeLessThanOrEqual(block.text.length);
    expect(source.slice(seg.source, seg.source + seg.length)).toBe(block.text.slice(seg.text, seg.text + seg.length));
    previousEnd = seg.text + seg.length;
  }
  if (block.segments.length > 0) {
    const first = block.segments[0]!;
    const last = block.segments[block.segments.length - 1]!;
    if (exactSpan) {
      expect(block.span.start.offset).toBe(first.source);
      expect(block.span.end.offset).toBe(last.source + last.length);
    } else {
      expect(block.span.start.offset).toBeLessThanOrEqual(first.source);
      expect(block.span.end.offset).toBeGreaterThanOrEqual(last.source + last.length);
    }
  }
}

async function parseMd(source: string): Promise<DocumentModel> {
  return parseDocumentAsync(source, { filename: 'draft.md' });
}

function rawTexts(source: string): string[] {
  return markdownBlocks(source, new LineIndex(source)).map((b) => b.block.text);
}

const DOCUMENTS: Record<string, string> = {
  emphasis: '# 标题\n\n一、**加粗。**正文*斜体*和__下划__。\n\n***全部强调***与~~删除~~\n',
  links: '[链接文字](http://example.com "标题")和<http://auto.link>以及![图片](a.png)。[引用][r]\n\n[r]: http://x.y\n',
  escapes: '反斜杠\\*不是强调\\*,\\\\和\\_。\\# 不是标题\n',
  entities: 'A&amp;B &copy; &#42; &#x1F600; &lt;tag&gt; &nbsp;结束 &bogus; & 完\n',
  lists: '1. 第一项\n   续行\n2. 第二项\n   - 子项\n   - 子项二\n3.\n4. ```\n   code\n   ```\n\n- 甲\n- 乙\n\n10) 第十项\n',
  blockquotes: '> 引用一\n> 引用二\n继续\n> > 嵌套\n>\n> - 引用中的列表\n',
  crlf: '## 一、标题\r\n\r\n第一行\r\n第二行  \r\n第三行\\\r\n第四行\r\n\r\n1. 条目\r\n   续行\r\n',
  cjk: '## 二、推进依法行政\n\n(一)完善制度。全年办理𠀀𠀁案件12宗,“两法衔接” 双向机制。\n\n一是……二是……\n',
  frontMatter: '---\ntitle: 某局报告\ndate: 2025-12-02\n---\n# 标题\n\n正文\n',
  frontMatterBom: '\ufeff---\r\na: 1\r\n...\r\n正文\r\n',
  bom: '\ufeff# 有BOM的标题\n正文𠀀字\n',
  inlineCode: '使用`code`和`` a`b ``命令`多\n行`\n',
  setext: '标题第一行\n第二行\n===\n\n正文\n---\n',
  html: '<div>\n块\n</div>\n\n段<b>粗</b>落<!-- 注释 -->。\n',
  codeBlock: '正文\n\n```\n代码不是正文\n```\n\n    缩进代码\n\n***\n\n结尾\n',
  seed: seed('003_fdb2e5dd79f7ab48.md'),
};

describe('markdownBlocks: segments', () => {
  for (const [name, source] of Object.entries(DOCUMENTS)) {
    it(`maps every segment to equal source text (${name})`, async () => {
      const lines = new LineIndex(source);
      const raw = markdownBlocks(source, lines);
      expect(raw.length).toBeGreaterThan(0);
      for (const b of raw) expectSegmentsMatch(source, b.block, true);
      const doc = await parseMd(source);
      for (const block of textBlocks(doc)) expectSegmentsMatch(source, block);
    });
  }

  it('takes the syntax out of the text', () => {
    expect(rawTexts(DOCUMENTS.emphasis!)).toEqual(['标题', '一、加粗。正文斜体和__下划__。', '全部强调与~~删除~~']);
    expect(rawTexts(DOCUMENTS.links!)).toEqual(['链接文字和http://auto.link以及。引用']);
    expect(rawTexts(DOCUMENTS.escapes!)).toEqual(['反斜杠*不是强调*,\\和_。# 不是标题']);
    expect(rawTexts(DOCUMENTS.entities!)).toEqual(['A&B © * 😀 <tag> \u00a0结束 &bogus; & 完']);
    expect(rawTexts(DOCUMENTS.html!)).toEqual(['段粗落。']);
    expect(rawTexts(DOCUMENTS.codeBlock!)).toEqual(['正文', '结尾']);
    expect(rawTexts(DOCUMENTS.inlineCode!)).toEqual(['使用code和a`b命令多', '行']);
  });

  it('maps text around escapes and entities to the characters it came from', () => {
    const source = DOCUMENTS.escapes!;
    const [block] = markdownBlocks(source, new LineIndex(source));
    const i = block!.block.text.indexOf('不是强调');
    expect(source.slice(sourceOffset(block!.block, i), sourceEnd(block!.block, i + 4))).toBe('不是强调');
    const entities = DOCUMENTS.entities!;
    const [e] = markdownBlocks(entities, new LineIndex(entities));
    const k = e!.block.text.indexOf('结束');
    expect(contiguousSourceRange(e!.block, k, k + 2)).toEqual({ start: entities.indexOf('结束'), end: entities.indexOf('结束') + 2 });
    // a decoded entity has no segment: no fix can land on half of "&copy;"
    const c = e!.block.text.indexOf('©');
    expect(contiguousSourceRange(e!.block, c, c + 1)).toBeNull();
  });

  it('splits paragraphs into lines, soft and hard breaks alike, and keeps ordered list markers', () => {
    expect(rawTexts(DOCUMENTS.lists!)).toEqual(['1.第一项', '续行', '2.第二项', '子项', '子项二', '3.', '4.', '甲', '乙', '10)第十项']);
    expect(rawTexts(DOCUMENTS.blockquotes!)).toEqual(['引用一', '引用二', '继续', '嵌套', '引用中的列表']);
    expect(rawTexts(DOCUMENTS.crlf!)).toEqual(['一、标题', '第一行', '第二行', '第三行', '第四行', '1.条目', '续行']);
    expect(rawTexts(DOCUMENTS.setext!)).toEqual(['标题第一行第二行', '正文']);
    const blocks = markdownBlocks(DOCUMENTS.setext!, new LineIndex(DOCUMENTS.setext!));
    expect(blocks.map((b) => [b.kind, b.markdownDepth])).toEqual([['heading', 1], ['heading', 2]]);
  });

  it('leaves front matter and a BOM out of the text and keeps offsets', async () => {
    expect(rawTexts(DOCUMENTS.frontMatter!)).toEqual(['标题', '正文']);
    expect(rawTexts(DOCUMENTS.frontMatterBom!)).toEqual(['正文']);
    const doc = await parseMd(DOCUMENTS.frontMatter!);
    expect(doc.title?.text).toBe('标题');
    expect(doc.title?.span.start).toMatchObject({ line: 5, column: 3, offset: DOCUMENTS.frontMatter!.indexOf('标题') });
    const bom = markdownBlocks(DOCUMENTS.bom!, new LineIndex(DOCUMENTS.bom!));
    expect(bom[0]!.block.span.start.offset).toBe(DOCUMENTS.bom!.indexOf('有'));
    expect(bom[1]!.block.span.start).toMatchObject({ line: 2, column: 1 });
  });

  it('a lone --- line is not front matter unless it is closed', () => {
    expect(rawTexts('---\n正文\n')).toEqual(['正文']);
    expect(rawTexts('正文\n\n---\na: 1\n---\n')).toEqual(['正文', 'a: 1']);
  });
});

describe('remark-cjk-friendly', () => {
  it('parses **加粗。**正文 as emphasis', async () => {
    const source = '## 一、总体情况\n\n**加粗。**正文\n';
    expect(rawTexts(source)).toEqual(['一、总体情况', '加粗。正文']);
    const doc = await parseMd(source);
    const paragraph = doc.sections[0]!.paragraphs[0]!;
    expect(paragraph.text).toBe('加粗。正文');
    expect(paragraph.segments).toEqual([
      { text: 0, source: source.indexOf('加粗'), length: 3 },
      { text: 3, source: source.indexOf('正文'), length: 2 },
    ]);
  });
});

describe('the seed as Markdown', () => {
  const txtSource = seed('003_fdb2e5dd79f7ab48.txt');
  const mdSource = seed('003_fdb2e5dd79f7ab48.md');

  it('has the text of the plain-text seed, line for line', () => {
    const txtLines = txtSource.split('\n');
    const mdLines = mdSource.replace(/\n$/, '').split('\n\n').map((l) => l.replace(/^#{2,3} /, ''));
    expect(mdLines).toEqual(txtLines);
  });

  it('gives the same section tree as the plain text', async () => {
    const txt = await parseDocumentAsync(txtSource, { filename: '003.txt' });
    const md = await parseDocumentAsync(mdSource, { filename: '003.md' });
    expect(md.format).toBe('markdown');
    expect(md.title).toBeNull();
    expect(txt.title).toBeNull();
    expect(md.preamble.map((p) => p.text)).toEqual(txt.preamble.map((p) => p.text));
    expect(md.paragraphs.map((p) => p.text)).toEqual(txt.paragraphs.map((p) => p.text));
    expect(md.sections.length).toBe(5);
    expect(md.allSections.length).toBe(txt.allSections.length);

    const mdLines = mdSource.split('\n');
    const shape = (s: Section) => ({
      ordinal: s.ordinal && { raw: s.ordinal.raw, kind: s.ordinal.kind, value: s.ordinal.value },
      level: s.level,
      title: s.heading.title,
      inline: s.inline,
      paragraphs: s.paragraphs.map((p) => p.text),
      enumMarkers: s.paragraphs.map((p) => p.enumItems.map((e) => e.marker)),
      children: s.children.map((c) => c.id),
    });
    txt.allSections.forEach((t, k) => {
      const m = md.allSections[k]!;
      expect(shape(m)).toEqual(shape(t));
      // the .md has a blank line between blocks: line n of the .txt is line 2n - 1 of the .md
      expect(m.heading.span.start.line).toBe(2 * t.heading.span.start.line - 1);
      const line = mdLines[m.heading.span.start.line - 1]!;
      expect(line).toContain(m.heading.text);
      expect(m.markdownDepth === null ? !line.startsWith('#') : line.startsWith('#'.repeat(m.markdownDepth) + ' ')).toBe(true);
      expect(mdSource.slice(m.ordinal!.span.start.offset, m.ordinal!.span.end.offset)).toBe(m.ordinal!.raw);
    });
    // the 四 、 heading with its stray space is a Markdown heading and still an ordinal
    const four = md.sections[3]!;
    expect(four.ordinal?.raw).toBe('四 、');
    expect(four.markdownDepth).toBe(2);
    expect(four.ordinal?.spaces.map((s) => mdSource.slice(s.start, s.end))).toEqual([' ']);

    expect(md.signature?.issuer?.text).toBe(txt.signature?.issuer?.text);
    expect(md.signature?.date?.text).toBe(txt.signature?.date?.text);
    expect(md.signature?.date?.text).toBe('2025年12月2日');
  });
});

describe('a Markdown report with a title and ordered lists', () => {
  const source = [
    '# 某局2025年法治政府建设年度报告',
    '',
    '区委、区政府:',
    '',
    '2025年,我局坚持依法行政。现将有关情况报告如下:',
    '',
    '## 一、主要举措和成效',
    '',
    '### (一)加强执法监督',
    '',
    '1. 加大重点领域执法力度。开展**专项**治理行动。',
    '2. 规范涉企检查。落实三项制度。',
    '',
    '### (二)推进普法',
    '',
    '普法正文。',
    '',
    '## 二、存在的不足',
    '',
    '不足正文。',
    '',
    '某局',
    '',
    '2025年12月2日',
    '',
  ].join('\n');

  it('finds the title, the addressee, the sections and the signature', async () => {
    const doc = await parseMd(source);
    expect(doc.title?.text).toBe('某局2025年法治政府建设年度报告');
    expect(doc.addressee?.text).toBe('区委、区政府:');
    expect(doc.preamble.map((p) => p.text)).toEqual(['2025年,我局坚持依法行政。现将有关情况报告如下:']);
    expect(doc.sections.map((s) => s.heading.title)).toEqual(['主要举措和成效', '存在的不足']);
    const [one, two] = doc.sections;
    expect(one!.markdownDepth).toBe(2);
    expect(one!.children.map((c) => c.heading.title)).toEqual(['加强执法监督', '推进普法']);
    const supervision = one!.children[0]!;
    expect(supervision.level).toBe(2);
    expect(supervision.children.map((c) => [c.ordinal?.raw, c.ordinal?.kind, c.ordinal?.value, c.level, c.inline]))
      .toEqual([['1.', 'arabic', 1, 3, true], ['2.', 'arabic', 2, 3, true]]);
    const first = supervision.children[0]!;
    expect(first.heading.title).toBe('加大重点领域执法力度');
    expect(first.paragraphs.map((p) => p.text)).toEqual(['开展专项治理行动。']);
    // the ordinal is the list marker, where it stands in the source
    const markerAt = source.indexOf('1. 加大');
    expect(first.ordinal!.span.start).toMatchObject({ line: 11, column: 1, offset: markerAt });
    // and ends right after "1.", not after the list marker's space
    expect(first.ordinal!.span.end.offset).toBe(markerAt + 2);
    expect(contiguousSourceRange(first.heading, 0, 2)).toEqual({ start: markerAt, end: markerAt + 2 });
    expect(first.ordinal!.spaces).toEqual([]);
    expect(one!.children[1]!.paragraphs.map((p) => p.text)).toEqual(['普法正文。']);
    expect(two!.paragraphs.map((p) => p.text)).toEqual(['不足正文。']);
    expect(doc.signature?.issuer?.text).toBe('某局');
    expect(doc.signature?.date?.text).toBe('2025年12月2日');
    for (const block of textBlocks(doc)) expectSegmentsMatch(source, block);
  });
});

describe('positions', () => {
  it('maps an offset in a Markdown paragraph to line and column in code points', async () => {
    const source = '## 一、标题\n\n> 正文𠀀**重复重复**的词语,[链接里的错字](http://x)。\n';
    const doc = await parseMd(source);
    const paragraph = doc.sections[0]!.paragraphs[0]!;
    expect(paragraph.text).toBe('正文𠀀重复重复的词语,链接里的错字。');

    const i = paragraph.text.indexOf('重复重复');
    const start = sourceOffset(paragraph, i);
    const end = sourceEnd(paragraph, i + 4);
    expect(source.slice(start, end)).toBe('重复重复');
    // "> 正文𠀀**": 𠀀 is two UTF-16 units but one column
    expect(doc.pointAt(start)).toEqual({ line: 3, column: 8, offset: start });
    expect(doc.pointAt(end)).toMatchObject({ line: 3, column: 12 });

    const k = paragraph.text.indexOf('错字');
    const range = contiguousSourceRange(paragraph, k, k + 2);
    expect(range && source.slice(range.start, range.end)).toBe('错字');
    expect(doc.pointAt(range!.start)).toMatchObject({ line: 3, column: 23 });
  });

  it('maps positions in CRLF files', async () => {
    const doc = await parseMd(DOCUMENTS.crlf!);
    const lines = doc.sections[0]!.paragraphs.map((p) => [p.text, p.span.start.line, p.span.start.column]);
    expect(lines).toEqual([['第一行', 3, 1], ['第二行', 4, 1], ['第三行', 5, 1], ['第四行', 6, 1]]);
  });
});

describe('spans end where their text ends, before any following syntax', () => {
  it('an inline heading in bold: the heading ends at its 。 inside the ** and the ordinal before them', async () => {
    const source = '## 一、总体情况\n\n**(二)推进。**正文内容。\n';
    const doc = await parseMd(source);
    const section = doc.allSections[1]!;
    expect(section.ordinal!.raw).toBe('(二)');
    expect(source.slice(section.ordinal!.span.start.offset, section.ordinal!.span.end.offset)).toBe('(二)');
    expect(source.slice(section.heading.span.start.offset, section.heading.span.end.offset)).toBe('(二)推进。');
    expect(section.paragraphs.map((p) => p.text)).toEqual(['正文内容。']);
  });
});

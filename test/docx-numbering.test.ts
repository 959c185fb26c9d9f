/**
 * Word's automatic numbering and outline levels (src/input/docx-numbering.ts): the labels Word
 * shows become the paragraphs' ordinals in the model, with the paragraph's own columns unchanged.
 * The .docx files are built here (test/docx-build.ts writes document.xml, numbering.xml and
 * styles.xml as Word does and zips them with jszip).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatNumber, WordNumbering } from '../src/input/docx-numbering.js';
import { readDocx } from '../src/input/docx.js';
import { docxDocument } from '../src/document/parse/docx.js';
import { matchOrdinal } from '../src/document/parse/ordinals.js';
import { factsOf } from '../src/document/facts/index.js';
import { buildDocx, docxFromText, GBT_LEVELS, numberingXml, stylesXml, type BuiltBlock, type BuiltNumbering } from './docx-build.js';
import { cli, ROOT, tempDir } from './cli-helpers.js';

const GBT: BuiltNumbering = { abstractNums: [{ id: 0, levels: GBT_LEVELS }], nums: [{ numId: 1, abstractNumId: 0 }] };

async function write(name: string, blocks: BuiltBlock[], options: Parameters<typeof buildDocx>[1] = { numbering: GBT }): Promise<string> {
  const file = path.join(tempDir(), name);
  writeFileSync(file, await buildDocx(blocks, options));
  return file;
}

const n = (text: string, ilvl: number, numId = 1) => ({ text, num: { numId, ilvl } });

interface JsonMessage { ruleId: string; line: number; column: number; message: string }
async function findings(file: string): Promise<JsonMessage[]> {
  const run = await cli([file, '--format', 'json', '--no-color']);
  return (JSON.parse(run.stdout) as Array<{ messages: JsonMessage[] }>)[0]!.messages;
}

describe('formatNumber: Word number formats', () => {
  it('chineseCounting, decimal, enclosed and letters', () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110].map((v) => formatNumber(v, 'chineseCounting')))
      .toEqual(['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零五', '一百一十']);
    expect(formatNumber(12, 'chineseCountingThousand')).toBe('十二');
    expect(formatNumber(3, 'decimal')).toBe('3');
    expect(formatNumber(3, 'decimalZero')).toBe('03');
    expect(formatNumber(3, 'decimalEnclosedCircle')).toBe('③');
    expect(formatNumber(10, 'ideographDigital')).toBe('一〇');
    expect(formatNumber(2, 'ideographTraditional')).toBe('乙');
    expect(formatNumber(28, 'upperLetter')).toBe('BB');
    expect(formatNumber(4, 'lowerRoman')).toBe('iv');
    expect(formatNumber(3, 'chineseLegalSimplified')).toBe('叁');
  });
});

describe('WordNumbering: counting as Word counts', () => {
  const props = (numId: string | null, ilvl: number | null, styleId: string | null = null, outlineLvl: number | null = null) => ({ numId, ilvl, styleId, outlineLvl });

  it('levels restart when a higher level advances; lvlText takes each level in its own format', () => {
    const w = new WordNumbering(numberingXml({ abstractNums: [{ id: 0, levels: [...GBT_LEVELS, { ilvl: 4, numFmt: 'decimal', lvlText: '%1.%5', start: 1 }] }], nums: [{ numId: 1, abstractNumId: 0 }] }), null);
    const labels = [[0], [1], [2], [2], [1], [2], [0], [1], [3], [4]].map(([l]) => w.next(props('1', l!)).label);
    expect(labels).toEqual(['一、', '（一）', '1.', '2.', '（二）', '1.', '二、', '（一）', '（1）', '二.1']);
  });

  it('a w:num with a startOverride restarts where it is first used; numbers sharing an abstractNum continue', () => {
    const w = new WordNumbering(numberingXml({ abstractNums: [{ id: 0, levels: GBT_LEVELS }], nums: [{ numId: 1, abstractNumId: 0 }, { numId: 2, abstractNumId: 0, startOverride: { 2: 1 } }, { numId: 3, abstractNumId: 0 }] }), null);
    expect([w.next(props('1', 2)), w.next(props('1', 2)), w.next(props('2', 2)), w.next(props('2', 2)), w.next(props('3', 2))].map((x) => x.label))
      .toEqual(['1.', '2.', '1.', '2.', '3.']);
  });

  it('lvlRestart 0: a level that never restarts', () => {
    const w = new WordNumbering(numberingXml({ abstractNums: [{ id: 0, levels: [GBT_LEVELS[0]!, { ilvl: 1, numFmt: 'decimal', lvlText: '%2.', restart: 0 }] }], nums: [{ numId: 1, abstractNumId: 0 }] }), null);
    expect([0, 1, 1, 0, 1].map((l) => w.next(props('1', l)).label)).toEqual(['一、', '1.', '2.', '二、', '3.']);
  });

  it('numbering and outline levels from the style (basedOn chain); numId 0 takes numbering away; bullets have no label', () => {
    const w = new WordNumbering(
      numberingXml({ abstractNums: [{ id: 0, levels: GBT_LEVELS }, { id: 1, levels: [{ ilvl: 0, numFmt: 'bullet', lvlText: '●' }] }], nums: [{ numId: 1, abstractNumId: 0 }, { numId: 2, abstractNumId: 1 }] }),
      stylesXml([
        { id: 'H1', name: 'heading 1', outlineLvl: 0, num: { numId: 1, ilvl: 0 } },
        { id: 'MyHeading', name: '一级标题', basedOn: 'H1' },
        { id: 'Outline2', name: '二级', outlineLvl: 1 },
      ]),
    );
    expect(w.next(props(null, null, 'MyHeading'))).toEqual({ label: '一、', outlineLevel: 1 });
    expect(w.next(props(null, null, 'Outline2'))).toEqual({ label: null, outlineLevel: 2 });
    expect(w.next(props('0', null, 'H1'))).toEqual({ label: null, outlineLevel: 1 });
    expect(w.next(props(null, null, null, 2))).toEqual({ label: null, outlineLevel: 3 });
    expect(w.next(props(null, null, null, 9))).toEqual({ label: null, outlineLevel: null });
    expect(w.next(props('2', 0))).toEqual({ label: null, outlineLevel: null });
    expect(w.next(props(null, null, 'H1'))).toEqual({ label: '二、', outlineLevel: 1 });
  });
});

describe('a .docx with Word-numbered headings', () => {
  const BLOCKS: BuiltBlock[] = [
    '某区司法局2024年法治政府建设年度报告',
    '2024年，我局深入推进法治政府建设，现将有关情况报告如下：',
    n('主要举措和成效', 0),
    n('加强组织领导', 1),
    '局党组召开专题会议研究法治建设工作，持续提升提升依法行政水平。',
    n('3个街道完成综合行政执法改革。', 2),
    n('规范行政执法行为。', 2),
    n('推进严格规范公正文明执法', 1),
    '全面落实行政执法三项制度。',
    n('存在的不足和原因', 0),
    '法治宣传教育的针对性还不够强，主要原因是统筹不足。',
  ];

  it('gives the paragraphs their labels, not in the text: the text and its columns stay the paragraph\'s own', async () => {
    const docx = await readDocx(await write('numbered.docx', BLOCKS));
    expect(docx.paragraphs.map((p) => p.label ?? null)).toEqual([null, null, '一、', '（一）', null, '1.', '2.', '（二）', null, '二、', null]);
    expect(docx.text.split('\n')[2]).toBe('主要举措和成效');
    const doc = docxDocument(docx);
    expect(doc.allSections.map((s) => `${s.level} ${s.heading.text}`)).toEqual([
      '1 一、主要举措和成效', '2 （一）加强组织领导', '3 1.3个街道完成综合行政执法改革。', '3 2.规范行政执法行为。', '2 （二）推进严格规范公正文明执法', '1 二、存在的不足和原因',
    ]);
    // the label is read as written: 1. before 3个 is the ordinal, not the decimal 1.3
    expect(doc.allSections[2]!.ordinal).toMatchObject({ kind: 'arabic', value: 1, raw: '1.' });
    // a finding on the label is placed at the paragraph's first character
    expect(doc.allSections[0]!.ordinal!.span.start).toMatchObject({ line: 3, column: 1 });
  });

  it('findings are placed by the paragraph\'s own characters (para N:col), as without the numbering', async () => {
    const found = await findings(await write('numbered.docx', BLOCKS));
    const repeated = found.filter((m) => m.ruleId === 'repeated-word');
    // 局党组召开专题会议研究法治建设工作，持续提升提升: 提升提升 begins at character 21 of paragraph 5
    expect(repeated.map((m) => `${m.line}:${m.column}`)).toEqual(['5:21']);
    expect(found.filter((m) => m.ruleId === 'heading-sequence')).toEqual([]);
  });

  it('has its parts (measures, shortcomings) by its numbered headings; without the numbering it has no headings', async () => {
    const numbered = factsOf(docxDocument(await readDocx(await write('numbered.docx', BLOCKS))));
    expect(numbered.reportType).toBe('fazhi-annual-report');
    expect(numbered.isAnnualReport).toBe(true);
    const untitled = factsOf(docxDocument(await readDocx(await write('numbered.docx', BLOCKS.slice(1)))));
    expect(untitled.isAnnualReport).toBe(true);
    const plain = BLOCKS.map((b) => (typeof b === 'string' ? b : 'num' in b ? b.text : b));
    const unnumbered = docxDocument(await readDocx(await write('plain.docx', plain)));
    expect(unnumbered.allSections).toEqual([]);
  });

  it('heading-sequence sees Word\'s own punctuation: a level written %1、 for 1. is reported at the paragraph start', async () => {
    const levels = GBT_LEVELS.map((l) => (l.ilvl === 2 ? { ...l, lvlText: '%3、' } : l));
    const file = await write('dunhao.docx', BLOCKS, { numbering: { abstractNums: [{ id: 0, levels }], nums: [{ numId: 1, abstractNumId: 0 }] } });
    const found = (await findings(file)).filter((m) => m.ruleId === 'heading-sequence');
    expect(found.map((m) => `${m.line}:${m.column}`)).toEqual(['6:1', '7:1']);
  });

  it('outline levels (on the paragraph or its style) make headings; a heading style\'s numbering comes with it', async () => {
    const file = await write('outline.docx', [
      '某区司法局2024年法治政府建设年度报告',
      { text: '主要举措和成效', style: 'Title1' },
      '全年办理行政复议案件12件。',
      { text: '加强组织领导', outlineLvl: 1 },
      '成立法治政府建设领导小组。',
      { text: '存在的不足和原因', style: 'Title1' },
      '基层执法力量不足，主要原因是编制有限。',
    ], { numbering: GBT, styles: [{ id: 'Title1', name: '一级标题', outlineLvl: 0, num: { numId: 1, ilvl: 0 } }] });
    const doc = docxDocument(await readDocx(file));
    expect(doc.allSections.map((s) => `${s.level} ${s.heading.text}`)).toEqual(['1 一、主要举措和成效', '2 加强组织领导', '1 二、存在的不足和原因']);
  });

  it('a document without numbering is read as it was (no marker copy)', async () => {
    const docx = await readDocx(await write('none.docx', ['标题', '一、正文'], {}));
    expect(docx.text).toBe('标题\n一、正文');
    expect(docx.paragraphs.every((p) => p.label === undefined)).toBe(true);
  });
});

describe('done when: the real 法治 report (02) as a .docx with Word-numbered headings', () => {
  const REAL = path.join(ROOT, 'test', 'corpus', 'real');
  const G02 = readFileSync(path.join(REAL, '02-guangming-2021-fazhi.txt'), 'utf8');
  const TITLE = '深圳市光明区人民政府关于2021年法治政府建设工作情况的报告';
  const CONTENT = new Set(['required-sections', 'previous-shortcomings', 'relative-time']);

  /** the lines as Word paragraphs: each typed ordinal taken out and made Word's numbering */
  const asDocx = async (lines: string[], name: string): Promise<string> => {
    const file = path.join(tempDir(), name);
    const trimmed = lines.map((l) => l.replace(/^[\s\u3000]+/, ''));
    writeFileSync(file, await docxFromText(trimmed, (line) => {
      const m = matchOrdinal(line);
      return m ? { kind: m.kind, value: m.value, end: m.end } : null;
    }));
    return file;
  };
  const content = (found: JsonMessage[]) => found.filter((m) => CONTENT.has(m.ruleId)).map((m) => `${m.ruleId} ${m.line} ${m.message}`);

  it('has no typed ordinal left, and gives the content findings of the .txt, with its title line and without', async () => {
    const lines = G02.replace(/\n$/, '').split('\n');
    for (const [name, body] of [['02.docx', lines], ['02-titled.docx', [TITLE, ...lines]]] as const) {
      const docxFile = await asDocx(body, name);
      const docx = await readDocx(docxFile);
      // the ordinals are Word's now: no paragraph text begins with one
      const typed = docx.text.split('\n').filter((l) => matchOrdinal(l));
      expect(typed, name).toEqual([]);
      expect(docx.paragraphs.filter((p) => p.label).length, name).toBeGreaterThan(10);

      const txtFile = path.join(tempDir(), name.replace('.docx', '.txt'));
      writeFileSync(txtFile, body.join('\n'));
      const fromTxt = content(await findings(txtFile));
      const fromDocx = content(await findings(docxFile));
      expect(fromDocx, name).toEqual(fromTxt);
      const shift = name === '02.docx' ? 0 : 1;
      expect(fromDocx.some((f) => f.startsWith(`required-sections ${17 + shift} `)), name).toBe(true);
      expect(fromDocx.filter((f) => f.startsWith('previous-shortcomings')), name).toHaveLength(1);
      expect(fromDocx.some((f) => f.startsWith(`relative-time ${14 + shift} `)), name).toBe(true);
    }
  });
});

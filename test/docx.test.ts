import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../src/engine/config.js';
import { activeRulesFor } from '../src/config/resolve.js';
import type { MammothElement } from '../src/input/docx.js';
import { assemble, docxLocation, formatDocxLocation, headingLevelOf, paragraphText, readDocx } from '../src/input/docx.js';
import { html } from '../src/formatters/html.js';
import { lintDocument, summarize } from '../src/engine/lint.js';
import { docxDocument, parseDocx } from '../src/document/parse/docx.js';
import { InputError } from '../src/input/read.js';
import { cli, ROOT, spawnCli, tempDir } from './cli-helpers.js';

/** Made by test/fixtures/docx/make.py (python3 test/fixtures/docx/make.py rewrites them). */
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'docx');
const fixture = (name: string) => path.join(FIXTURES, name);

const STYLED_PARAGRAPHS = [
  '某区司法局2024年法治政府建设年度报告',
  '',
  '2024年，我局在区委、区政府的坚强领导下，深入推进法治政府建设。',
  '一、主要举措和成效',
  '（一）加强组织领导',
  '我局持续提升提升依法行政水平，全年办理行政复议案件12件。',
  '（二）推进严格规范公正文明执法',
  '全面落实行政执法三项制度，执法质量稳步提高。',
  '典型案例',
  '某某案件办理过程规范。',
  '二、存在的不足和原因',
  '法治宣传教育的针对性还不够强，主要原因是工作统筹不足。',
  '三、党政主要负责人履行推进法治建设第一责任人职责情况',
  '主要负责人认真履行第一责任人职责。',
  '四 、2025年工作安排',
  '2025年，我局将继续深化法治政府建设。',
  '指标',
  '数量',
  '某区司法局',
  '2025年1月10日',
];

async function lint(file: string) {
  const config = await defaultConfig(os.tmpdir());
  const docx = await readDocx(file);
  const document = docxDocument(docx);
  const messages = lintDocument(document, await activeRulesFor(file, config));
  return { docx, document, messages };
}

describe('readDocx: the paragraphs as text, one per line', () => {
  it('reads a styled document: text, paragraph offsets, styles and heading levels', async () => {
    const docx = await readDocx(fixture('styled.docx'));
    expect(docx.text).toBe(STYLED_PARAGRAPHS.join('\n'));
    expect(docx.paragraphs).toHaveLength(20);
    docx.paragraphs.forEach((p, k) => {
      expect(docx.text.slice(p.start, p.end)).toBe(STYLED_PARAGRAPHS[k]);
      // one paragraph, one line: a paragraph's line number is its number
      expect(docx.text.slice(0, p.start).split('\n')).toHaveLength(k + 1);
    });
    const levels = docx.paragraphs.map((p, k) => [k + 1, p.headingLevel]).filter(([, level]) => level !== null);
    expect(levels).toEqual([[4, 1], [5, 2], [7, 2], [9, 3], [11, 1], [13, 1], [15, 1]]);
    expect(docx.paragraphs[3]!.style).toBe('heading 1');
    expect(docx.paragraphs[8]!.style).toBe('标题 3'); // style id "30", named as WPS names it
    expect(docx.paragraphs[18]!.style).toBe('Signature');
    expect(docx.paragraphs[0]!.style).toBeNull();
  });

  it('joins runs split by formatting, and a manual line break between Chinese characters adds no space', async () => {
    const docx = await readDocx(fixture('styled.docx'));
    const line = (n: number) => docx.text.slice(docx.paragraphs[n - 1]!.start, docx.paragraphs[n - 1]!.end);
    expect(line(7)).toBe('（二）推进严格规范公正文明执法'); // bold （二） + plain rest
    expect(line(8)).toBe('全面落实行政执法三项制度，执法质量稳步提高。'); // <w:br/> after ，
  });

  it('inside a paragraph: a line break is a space between Latin words and nothing between Chinese ones; tabs stay', () => {
    const run = (...children: MammothElement[]): MammothElement => ({ type: 'run', children });
    const text = (value: string): MammothElement => ({ type: 'text', value });
    const br = (breakType = 'line'): MammothElement => ({ type: 'break', breakType });
    const p = (...children: MammothElement[]): MammothElement => ({ type: 'paragraph', children });
    expect(paragraphText(p(run(text('Rule of')), run(br()), run(text('law'))))).toBe('Rule of law');
    expect(paragraphText(p(run(text('依法')), run(br(), br()), run(text('行政'))))).toBe('依法行政');
    expect(paragraphText(p(run(text('报告 ')), run(br()), run(text('正文'))))).toBe('报告 正文');
    expect(paragraphText(p(run(br()), run(text('一、总体情况')), run(br('page'))))).toBe('一、总体情况');
    expect(paragraphText(p(run(text('甲'), { type: 'tab' }, text('乙'))))).toBe('甲\t乙');
    // a line break typed into the XML text never splits the paragraph
    expect(paragraphText(p(run(text('第一行\n第二行\r\n第三行'))))).toBe('第一行 第二行 第三行');
    expect(paragraphText(p({ type: 'hyperlink', children: [run(text('链接'))] }, { type: 'noteReference' }))).toBe('链接');
  });

  it('assemble: paragraphs joined with "\\n", offsets and heading levels recorded', () => {
    const docx = assemble('x.docx', [
      { text: 'a\tb', styleName: 'Normal', styleId: 'Normal' },
      { text: '', styleName: null, styleId: null },
      { text: '𠮷提升提升', styleName: 'heading 2', styleId: '2' },
    ]);
    expect(docx.text).toBe('a\tb\n\n𠮷提升提升');
    expect(docx.paragraphs).toEqual([
      { start: 0, end: 3, style: 'Normal', headingLevel: null },
      { start: 4, end: 4, style: null, headingLevel: null },
      { start: 5, end: 11, style: 'heading 2', headingLevel: 2 },
    ]);
  });

  it('reads a document without styles: no heading levels', async () => {
    const docx = await readDocx(fixture('ordinals.docx'));
    expect(docx.text.split('\n')).toEqual([
      '关于2024年法治政府建设情况的报告',
      '一、主要举措和成效',
      '（一）加强组织领导',
      '1.健全工作机制。我局持续提升提升依法行政水平。',
      '二、存在的不足和原因',
      '工作统筹不足。',
    ]);
    expect(docx.paragraphs.every((p) => p.headingLevel === null && p.style === null)).toBe(true);
  });

  it('an empty document is an empty text (the CLI reports it as an empty file)', async () => {
    const docx = await readDocx(fixture('empty.docx'));
    expect(docx.text).toBe('');
    expect(docx.paragraphs).toEqual([{ start: 0, end: 0, style: null, headingLevel: null }]);
    const document = docxDocument(docx);
    expect(document.allSections).toEqual([]);
    expect(document.paragraphs).toEqual([]);
  });

  it('recognises Word heading styles by name (any UI language) or by id', () => {
    expect(headingLevelOf('heading 1', '1')).toBe(1);
    expect(headingLevelOf('Heading 3', 'Heading3')).toBe(3);
    expect(headingLevelOf('标题 2', 'a2')).toBe(2);
    expect(headingLevelOf('标题2', null)).toBe(2);
    expect(headingLevelOf(null, 'Heading4')).toBe(4);
    expect(headingLevelOf('Title', 'Title')).toBeNull();
    expect(headingLevelOf('标题', 'a3')).toBeNull();
    expect(headingLevelOf('Normal', 'Normal')).toBeNull();
    expect(headingLevelOf('heading 1 char', null)).toBeNull();
  });
});

describe('readDocx: what is not a readable .docx is one clear InputError', () => {
  const cases: Array<[string, RegExp]> = [
    ['broken.docx', /^不是有效的 Word 文档（\.docx 应为 ZIP 格式）: .*broken\.docx \/ not a Word document/],
    ['truncated.docx', /^Word 文档已损坏（ZIP 结构无法读取）: .*truncated\.docx \/ the Word document is damaged/],
    ['legacy.docx', /^这是旧版 Word\/WPS 文档（\.doc\/\.wps）.*legacy\.docx \/ this is an old Word\/WPS document/],
    ['encrypted.docx', /^Word 文档已加密.*encrypted\.docx \/ the Word document is encrypted/],
    ['notword.docx', /^不是 Word 文档（ZIP 中没有 word\/document\.xml.*notword\.docx \/ not a Word document: the ZIP archive has no word\/document\.xml/],
    ['missing.docx', /^无法读取文件（不存在）: .*missing\.docx \/ file not found$/],
  ];
  for (const [name, pattern] of cases) {
    it(name, async () => {
      const error = await readDocx(fixture(name)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(InputError);
      const message = (error as InputError).message;
      expect(message).toMatch(pattern);
      expect(message).not.toContain('\n');
      expect((error as InputError).path).toBe(fixture(name));
    });
  }
});

describe('parseDocx: the document model', () => {
  it('headings from Word heading styles, with or without an ordinal; positions are paragraph:character', async () => {
    const document = await parseDocx(fixture('styled.docx'));
    expect(document.format).toBe('text');
    expect(document.filename).toBe(fixture('styled.docx'));
    expect(document.title?.text).toBe('某区司法局2024年法治政府建设年度报告');
    const sections = document.allSections.map((s) => ({
      heading: s.heading.text,
      level: s.level,
      depth: s.markdownDepth,
      ordinal: s.ordinal?.raw ?? null,
      para: s.heading.span.start.line,
      parent: document.allSections.find((p) => p.children.includes(s))?.heading.text ?? null,
    }));
    expect(sections).toEqual([
      { heading: '一、主要举措和成效', level: 1, depth: 1, ordinal: '一、', para: 4, parent: null },
      { heading: '（一）加强组织领导', level: 2, depth: 2, ordinal: '（一）', para: 5, parent: '一、主要举措和成效' },
      { heading: '（二）推进严格规范公正文明执法', level: 2, depth: 2, ordinal: '（二）', para: 7, parent: '一、主要举措和成效' },
      // 标题 3 without an ordinal is still a heading, nested by its style's level
      { heading: '典型案例', level: 3, depth: 3, ordinal: null, para: 9, parent: '（二）推进严格规范公正文明执法' },
      { heading: '二、存在的不足和原因', level: 1, depth: 1, ordinal: '二、', para: 11, parent: null },
      { heading: '三、党政主要负责人履行推进法治建设第一责任人职责情况', level: 1, depth: 1, ordinal: '三、', para: 13, parent: null },
      { heading: '四 、2025年工作安排', level: 1, depth: 1, ordinal: '四 、', para: 15, parent: null },
    ]);
    const table = document.paragraphs.filter((p) => p.text === '指标' || p.text === '数量');
    expect(table.map((p) => p.span.start.line)).toEqual([17, 18]);
    expect(document.signature?.issuer?.text).toBe('某区司法局');
    expect(document.signature?.date?.text).toBe('2025年1月10日');
  });

  it('without styles, the ordinals make the headings, as in a .txt', async () => {
    const document = await parseDocx(fixture('ordinals.docx'));
    expect(document.allSections.map((s) => [s.heading.text, s.level, s.markdownDepth, s.heading.span.start.line])).toEqual([
      ['一、主要举措和成效', 1, null, 2],
      ['（一）加强组织领导', 2, null, 3],
      ['1.健全工作机制。', 3, null, 4],
      ['二、存在的不足和原因', 1, null, 5],
    ]);
  });
});

describe('linting a .docx: findings at paragraph and character', () => {
  it('the doubled word and the spaced ordinal of the styled document', async () => {
    const { docx, document, messages } = await lint(fixture('styled.docx'));
    const repeated = messages.filter((m) => m.ruleId === 'repeated-word');
    expect(repeated).toHaveLength(1);
    const m = repeated[0]!;
    expect(document.source.slice(m.offset, m.endOffset)).toBe('提升提升');
    expect(docxLocation(docx, m.offset)).toEqual({ paragraph: 6, character: 5 });
    expect(docxLocation(docx, m.endOffset)).toEqual({ paragraph: 6, character: 9 });
    // line and column are paragraph and character already, so every formatter can show them
    expect([m.line, m.column, m.endLine, m.endColumn]).toEqual([6, 5, 6, 9]);
    expect(formatDocxLocation(docxLocation(docx, m.offset))).toBe('para 6:5');

    const spaced = messages.filter((x) => x.ruleId === 'heading-sequence');
    expect(spaced.map((x) => [x.line, x.column, document.source.slice(x.offset, x.endOffset)])).toEqual([[15, 2, ' ']]);
    // the line break joined without a space: nothing for stray-space to report
    expect(messages.filter((x) => x.ruleId === 'stray-space')).toEqual([]);
  });

  it('the doubled word in the document without styles', async () => {
    const { docx, messages } = await lint(fixture('ordinals.docx'));
    const m = messages.find((x) => x.ruleId === 'repeated-word')!;
    expect(docxLocation(docx, m.offset)).toEqual({ paragraph: 4, character: 14 });
    expect([m.line, m.column]).toEqual([4, 14]);
  });

  it('docxLocation counts code points, from 1, and maps the line break to the end of its paragraph', () => {
    const docx = assemble('x.docx', [
      { text: '一、总体情况', styleName: null, styleId: null },
      { text: '𠮷𠮷提升提升', styleName: null, styleId: null },
    ]);
    expect(docxLocation(docx, 0)).toEqual({ paragraph: 1, character: 1 });
    expect(docxLocation(docx, 6)).toEqual({ paragraph: 1, character: 7 }); // the "\n"
    expect(docxLocation(docx, 7)).toEqual({ paragraph: 2, character: 1 });
    expect(docxLocation(docx, docx.text.indexOf('提'))).toEqual({ paragraph: 2, character: 3 });
    expect(docxLocation(docx, 1e9)).toEqual({ paragraph: 2, character: 7 });
    expect(docxLocation(assemble('e.docx', []), 0)).toEqual({ paragraph: 1, character: 1 });
  });

  it('the html format shows the document with the finding highlighted', async () => {
    const file = fixture('styled.docx');
    const { document, messages } = await lint(file);
    const page = html([summarize(file, messages)], {
      color: false,
      locale: 'zh',
      cwd: FIXTURES,
      rulesMeta: {},
      sources: { [file]: document.source },
    });
    expect(page).toMatch(/<mark class="finding error"[^>]*data-rule="repeated-word"[^>]*>提升提升<\/mark>/);
    expect(page).toContain('某区司法局2024年法治政府建设年度报告');
  });
});

describe('docx support is loaded only for a .docx', () => {
  it('neither the CLI nor src/document/parse/docx.ts loads mammoth until a .docx is read', async () => {
    const script = `
      import { createRequire } from 'node:module';
      const require = createRequire(import.meta.url);
      const loaded = () => Object.keys(require.cache).some((k) => k.includes('/mammoth/'));
      await import(${JSON.stringify(path.join(ROOT, 'dist', 'cli.js'))});
      const afterCli = loaded();
      const { readDocx } = await import(${JSON.stringify(path.join(ROOT, 'dist', 'input', 'docx.js'))});
      const afterImport = loaded();
      await readDocx(${JSON.stringify(fixture('styled.docx'))});
      console.log(JSON.stringify([afterCli, afterImport, loaded()]));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([false, false, true]);
  });
});

// --- end to end: the CLI ------------------------------------------------------------------------

describe('reportlint draft.docx', () => {
  const copy = (...names: string[]) => {
    const dir = tempDir();
    for (const name of names) copyFileSync(fixture(name), path.join(dir, name));
    return dir;
  };

  it('stylish: file, then 第N段第C字 and the heading above for each finding; exit 1 (the built CLI, in a process of its own)', () => {
    const dir = copy('styled.docx');
    const run = spawnCli(['styled.docx'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^styled\.docx\n/);
    const lines = run.stdout.split('\n');
    // place, heading, severity: each in a column of its own, aligned by display width
    expect(lines).toContain('  第6段第5字   （一）加强组织领导   错误  重复词语「提升提升」：「提升」连写了两次                                          repeated-word');
    expect(lines).toContain('  第15段第2字  四 、2025年工作安排  错误  序号「四 、」内有多余的空格                                                       heading-sequence');
    // before the first heading there is no heading to name
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}第1段第1字 {24}警告  .*previous-shortcomings$/));
    const en = spawnCli(['--locale', 'en', 'styled.docx'], { cwd: dir });
    expect(en.stdout).toMatch(/^ {2}paragraph 6, char 5 {3}（一）加强组织领导 {3}error {4}Doubled word "提升提升".*repeated-word$/m);
    expect(en.stdout).toMatch(/^ {2}paragraph 15, char 2 {2}四 、2025年工作安排 {2}error .*heading-sequence$/m);
    // json keeps the numbers
    const json = JSON.parse(spawnCli(['-f', 'json', 'styled.docx'], { cwd: dir }).stdout) as Array<{ messages: Array<{ line: number; column: number; ruleId: string }> }>;
    expect(json[0]!.messages.find((m) => m.ruleId === 'repeated-word')).toMatchObject({ line: 6, column: 5 });
  });

  it('json: line is the paragraph, column the character', async () => {
    const dir = copy('styled.docx');
    const run = await cli(['-f', 'json', 'styled.docx'], { cwd: dir });
    expect(run.status).toBe(1);
    const [result] = JSON.parse(run.stdout) as Array<{ filePath: string; messages: Array<Record<string, unknown>> }>;
    expect(result!.filePath).toBe(path.join(dir, 'styled.docx'));
    const repeated = result!.messages.find((m) => m['ruleId'] === 'repeated-word');
    expect(repeated).toMatchObject({ line: 6, column: 5, endLine: 6, endColumn: 9 });
  });

  it('html: the document with the finding highlighted', async () => {
    const dir = copy('styled.docx');
    const run = await cli(['-f', 'html', '-o', 'report.html', 'styled.docx'], { cwd: dir });
    expect(run.status).toBe(1);
    const page = readFileSync(path.join(dir, 'report.html'), 'utf8');
    expect(page).toMatch(/<mark class="finding error"[^>]*data-rule="repeated-word"[^>]*>提升提升<\/mark>/);
  });

  it('a folder: .docx files are found, Word\'s ~$ lock files are not', async () => {
    const dir = copy('styled.docx', 'ordinals.docx');
    // Word leaves an owner file beside an open document; it is not a document
    writeFileSync(path.join(dir, '~$styled.docx'), Buffer.from([0x05, 0x41, 0x64, 0x6d, 0x69, 0x6e]));
    const run = await cli(['-f', 'json', '.'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const files = (JSON.parse(run.stdout) as Array<{ filePath: string }>).map((r) => path.basename(r.filePath));
    expect(files.sort()).toEqual(['ordinals.docx', 'styled.docx']);
  });

  it('a broken, old, encrypted or empty .docx: one line on stderr, exit 2', async () => {
    const dir = copy('broken.docx', 'legacy.docx', 'encrypted.docx', 'empty.docx');
    for (const [name, pattern] of [
      ['broken.docx', /不是有效的 Word 文档/],
      ['legacy.docx', /旧版 Word\/WPS 文档/],
      ['encrypted.docx', /已加密/],
      ['empty.docx', /文件为空|empty/],
    ] as const) {
      const run = await cli([name], { cwd: dir });
      expect(run.status, name).toBe(2);
      expect(run.stderr, name).toMatch(pattern);
      expect(run.stderr.trim().split('\n'), name).toHaveLength(1);
    }
  });

  it('--fix never rewrites a .docx', async () => {
    const dir = copy('styled.docx');
    const before = readFileSync(path.join(dir, 'styled.docx'));
    const run = await cli(['--fix', 'styled.docx'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'styled.docx')).equals(before)).toBe(true);
    expect(run.status).toBe(1);
  });
});

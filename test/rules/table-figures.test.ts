/**
 * Figures in tables (Markdown GFM tables, Word tables): figure-relations and figure-consistency
 * read them as the same figures in a sentence; table-total checks a 合计 row. Every case in
 * .txt (the sentence), .md and .docx, in both directions.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMarkdownSupport, parseDocument } from '../../src/document/parse/index.js';
import { factsOf } from '../../src/document/facts/index.js';
import { defaultConfig, lintText } from '../../src/index.js';
import { buildDocx } from '../docx-build.js';
import { cli, ROOT, tempDir } from '../cli-helpers.js';

const config = await defaultConfig(ROOT);
await loadMarkdownSupport();

const TITLE = '某区司法局2024年法治政府建设年度报告';
const OPENING = '2024年，我局坚持以习近平法治思想为指导，深入推进法治政府建设，现将有关情况报告如下：';
const FIGURE_RULES = new Set(['figure-relations', 'figure-consistency', 'table-total']);

async function textFindings(text: string, filename: string): Promise<string[]> {
  return (await lintText(text, { filename, config })).messages.filter((m) => FIGURE_RULES.has(m.ruleId)).map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`);
}

async function docxFindings(blocks: Parameters<typeof buildDocx>[0]): Promise<string[]> {
  const file = path.join(tempDir(), 'draft.docx');
  writeFileSync(file, await buildDocx(blocks));
  const run = await cli([file, '--format', 'json', '--no-color']);
  const messages = (JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string; line: number; column: number; message: string }> }>)[0]!.messages;
  return messages.filter((m) => FIGURE_RULES.has(m.ruleId)).map((m) => `${m.ruleId} ${m.line}:${m.column} ${m.message}`);
}

/** a Markdown table of rows of cells */
const md = (rows: string[][]) => [`| ${rows[0]!.join(' | ')} |`, `| ${rows[0]!.map(() => '---').join(' | ')} |`, ...rows.slice(1).map((r) => `| ${r.join(' | ')} |`)].join('\n');

const message = (f: string) => f.replace(/^\S+ \d+:\d+ /, '');

describe('the model: tables with cells, header rows and places', () => {
  it('a Markdown table: header row, cells with positions; the cells stay paragraphs for the text rules', () => {
    const doc = parseDocument(`# ${TITLE}\n\n${md([['项目', '数量（宗）'], ['行政诉讼案件', '16'], ['出庭应诉', '30']])}\n`, { filename: 'a.md' });
    expect(doc.tables).toHaveLength(1);
    const [header, first] = doc.tables[0]!.rows;
    expect(header!.header).toBe(true);
    expect(first!.cells.map((c) => [c.text, c.column, `${c.span.start.line}:${c.span.start.column}`])).toEqual([['行政诉讼案件', 0, '5:3'], ['16', 1, '5:12']]);
    expect(doc.paragraphs.filter((p) => p.cell).map((p) => p.text)).toEqual(['项目', '数量（宗）', '行政诉讼案件', '16', '出庭应诉', '30']);
  });

  it('reads a table as clauses: row label + column heading + value + the heading\'s unit; a year column puts the year first', () => {
    const doc = parseDocument(`# ${TITLE}\n\n${md([['指标', '2023年', '2024年'], ['行政复议案件（件）', '19', '21']])}\n\n${md([['部门', '受理数（件）', '办结率'], ['区市场监管局', '120', '98%']])}\n`, { filename: 'a.md' });
    const readings = factsOf(doc).tableReadings.map((r) => r.block.text);
    expect(readings).toEqual(['2023年行政复议案件19件；2024年行政复议案件21件。', '区市场监管局受理数120件；区市场监管局办结率98%。']);
  });

  it('a pipe in prose is not a table', () => {
    const doc = parseDocument(`# ${TITLE}\n\n办理行政复议案件19宗|行政诉讼案件16宗。\n`, { filename: 'a.md' });
    expect(doc.tables).toEqual([]);
  });
});

describe('figure-relations and figure-consistency see figures in tables as in a sentence', () => {
  const SENTENCE = '全年办理行政诉讼案件16宗，行政机关负责人出庭应诉30宗。';
  const ROWS = [['项目', '数量（宗）'], ['行政诉讼案件', '16'], ['行政机关负责人出庭应诉', '30']];

  it('出庭应诉 30宗 against 行政诉讼案件 16宗: .txt sentence, .md table (unit in the heading), .md table (unit in the cell), .docx table', async () => {
    const txt = await textFindings(`${TITLE}\n${OPENING}\n${SENTENCE}\n`, 'a.txt');
    expect(txt.map(message)).toEqual(['负责人出庭应诉30宗，多于行政诉讼案件16宗']);
    const mdHeadingUnit = await textFindings(`# ${TITLE}\n\n${OPENING}\n\n${md(ROWS)}\n`, 'a.md');
    expect(mdHeadingUnit).toEqual(['figure-relations 8:17 负责人出庭应诉30宗，多于行政诉讼案件16宗']);
    const mdCellUnit = await textFindings(`# ${TITLE}\n\n${OPENING}\n\n${md([['项目', '数量'], ['行政诉讼案件', '16宗'], ['行政机关负责人出庭应诉', '30宗']])}\n`, 'a.md');
    expect(mdCellUnit.map(message)).toEqual(['负责人出庭应诉30宗，多于行政诉讼案件16宗']);
    const docx = await docxFindings([TITLE, OPENING, { rows: ROWS }]);
    // paragraphs: title, opening, then the cells one per paragraph: 30 is paragraph 8
    expect(docx).toEqual(['figure-relations 8:1 负责人出庭应诉30宗，多于行政诉讼案件16宗']);
  });

  it('stays silent where the figures agree, and on a table of two years (2024\'s appearances are not compared with 2023\'s lawsuits)', async () => {
    expect(await textFindings(`# ${TITLE}\n\n${OPENING}\n\n${md([['项目', '数量（宗）'], ['行政诉讼案件', '16'], ['行政机关负责人出庭应诉', '16']])}\n`, 'a.md')).toEqual([]);
    const rows = [['指标', '2023年', '2024年'], ['行政诉讼案件（宗）', '12', '16'], ['行政机关负责人出庭应诉（宗）', '12', '16']];
    expect(await textFindings(`# ${TITLE}\n\n${OPENING}\n\n${md(rows)}\n`, 'a.md')).toEqual([]);
    expect(await docxFindings([TITLE, OPENING, { rows }])).toEqual([]);
    // each year's column is read on its own: 2023 says 14 appearances for 12 lawsuits
    const wrong = rows.map((r) => (r[0]!.startsWith('行政机关') ? [r[0]!, '14', '16'] : r));
    expect((await textFindings(`# ${TITLE}\n\n${OPENING}\n\n${md(wrong)}\n`, 'a.md')).map(message)).toEqual(['负责人出庭应诉14宗，多于行政诉讼案件12宗']);
  });

  it('a table of subjects (departments as rows) is read row by row: one department\'s figures are not another\'s', async () => {
    const rows = [['单位', '行政诉讼案件（宗）', '负责人出庭应诉（宗）'], ['区城管局', '10', '10'], ['区市场监管局', '2', '2']];
    expect(await textFindings(`# ${TITLE}\n\n${OPENING}\n\n${md(rows)}\n`, 'a.md')).toEqual([]);
    const wrong = [['单位', '行政诉讼案件（宗）', '负责人出庭应诉（宗）'], ['区城管局', '10', '10'], ['区市场监管局', '2', '3']];
    expect((await textFindings(`# ${TITLE}\n\n${OPENING}\n\n${md(wrong)}\n`, 'a.md')).map(message)).toEqual(['负责人出庭应诉3宗，多于行政诉讼案件2宗']);
    // 序号 | 单位 | …: the department is the row's label, the serial number is no figure
    const numbered = (rs: string[][]) => rs.map((r, i) => [i === 0 ? '序号' : String(i), ...r]);
    expect(await textFindings(`# ${TITLE}\n\n${OPENING}\n\n${md(numbered(rows))}\n`, 'a.md')).toEqual([]);
    expect((await textFindings(`# ${TITLE}\n\n${OPENING}\n\n${md(numbered(wrong))}\n`, 'a.md')).map(message)).toEqual(['负责人出庭应诉3宗，多于行政诉讼案件2宗']);
  });

  it('figure-consistency: a rate above 100% in a table cell; the same quantity in the text and in a table with two values', async () => {
    const over = await textFindings(`# ${TITLE}\n\n${OPENING}\n\n${md([['指标', '完成情况'], ['行政复议案件办结率', '102%']])}\n`, 'a.md');
    expect(over.map(message)).toEqual(['比率或占比「102%」超过100%']);
    // the same as in a sentence: 「全年行政复议案件共21宗。」 … 「行政复议案件19宗。」
    const head = `# ${TITLE}\n\n${OPENING}\n\n## 一、主要举措和成效\n\n全年行政复议案件共21宗。\n\n`;
    const sentence = await textFindings(`${head}行政复议案件19宗。\n`, 'a.md');
    expect(sentence.map(message)).toEqual(['同一数字前后不一致：「行政复议案件」此处为19宗，第7行为21宗']);
    const table = await textFindings(`${head}${md([['项目', '数量（宗）'], ['行政复议案件', '19']])}\n`, 'a.md');
    expect(table).toEqual(['figure-consistency 11:12 同一数字前后不一致：「行政复议案件」此处为19宗，第7行为21宗']);
    expect(await textFindings(`${head}${md([['项目', '数量（宗）'], ['行政复议案件', '21']])}\n`, 'a.md')).toEqual([]);
    // a table of 2023's figures is not this year's
    expect(await textFindings(`${head}${md([['项目', '2023年'], ['行政复议案件（宗）', '19']])}\n`, 'a.md')).toEqual([]);
  });
});

describe('table-total', () => {
  const ROWS = [['案件类别', '数量（件）'], ['行政复议', '12'], ['行政诉讼', '16'], ['行政赔偿', '3'], ['合计', '30']];

  it('a 合计 row that is not the sum: .md and .docx, at the total cell', async () => {
    expect(await textFindings(`# ${TITLE}\n\n${md(ROWS)}\n`, 'a.md')).toEqual(['table-total 8:8 表格「数量（件）」列的「合计」为30，各行之和为31']);
    expect(await docxFindings([TITLE, { rows: ROWS, headerRow: true }])).toEqual(['table-total 11:1 表格「数量（件）」列的「合计」为30，各行之和为31']);
  });

  it('总计 first, units in the cells, decimals with rounding, merged label (合　计)', async () => {
    const first = [['季度', '罚没款（万元）'], ['总计', '35.7'], ['第一季度', '10.2'], ['第二季度', '12.4'], ['第三季度', '13.2']];
    expect(await textFindings(`# ${TITLE}\n\n${md(first)}\n`, 'a.md')).toEqual([]);
    const wrong = first.map((r) => (r[0] === '第三季度' ? ['第三季度', '14.2'] : r));
    expect((await textFindings(`# ${TITLE}\n\n${md(wrong)}\n`, 'a.md')).map(message)).toEqual(['表格「罚没款（万元）」列的「总计」为35.7，各行之和为36.8']);
    const units = [['类别', '数量'], ['培训', '12场'], ['讲座', '8场'], ['合　计', '21场']];
    expect((await textFindings(`# ${TITLE}\n\n${md(units)}\n`, 'a.md')).map(message)).toEqual(['表格「数量」列的「合计」为21场，各行之和为20场']);
  });

  it('a first column of serial numbers (序号): 合计 stands in the next column, the numbers are not summed', async () => {
    const rows = [['序号', '单位', '行政复议（件）', '出庭应诉（次）'], ['1', '执法一大队', '3', '5'], ['2', '执法二大队', '1', '0'], ['', '合计', '4', '2']];
    expect((await textFindings(`# ${TITLE}\n\n${md(rows)}\n`, 'a.md')).map(message)).toEqual(['表格「出庭应诉（次）」列的「合计」为2，各行之和为5']);
    const numbered = rows.map((r) => (r[1] === '合计' ? ['3', '合计', '4', '5'] : r));
    expect(await textFindings(`# ${TITLE}\n\n${md(numbered)}\n`, 'a.md')).toEqual([]);
  });

  it('stays silent: sub-rows (其中), rates, mixed units, empty or approximate cells, 小计 tables, year columns that add up', async () => {
    const cases: string[][][] = [
      [['类别', '数量（件）'], ['行政复议', '12'], ['其中：纠错', '3'], ['行政诉讼', '16'], ['合计', '28']],
      [['部门', '办结率'], ['区城管局', '98%'], ['区市场监管局', '100%'], ['合计', '99%']],
      [['类别', '数量'], ['培训', '12场'], ['发放资料', '800份'], ['合计', '812']],
      [['类别', '数量（件）'], ['行政复议', '12'], ['行政诉讼', ''], ['合计', '30']],
      [['类别', '数量（件）'], ['行政复议', '约12'], ['行政诉讼', '16'], ['合计', '30']],
      [['类别', '数量（件）'], ['行政复议', '12'], ['行政诉讼', '16'], ['小计', '28'], ['行政赔偿', '2'], ['合计', '31']],
      [['指标', '2023年', '2024年', '同比增长'], ['行政复议（件）', '19', '21', '10.5%'], ['行政诉讼（件）', '12', '16', '33.3%'], ['合计', '31', '37', '19.4%']],
      [['序号', '事项', '数量（件）'], ['1', '行政复议', '12'], ['2', '行政诉讼', '16']],
    ];
    for (const rows of cases) expect(await textFindings(`# ${TITLE}\n\n${md(rows)}\n`, 'a.md'), JSON.stringify(rows)).toEqual([]);
  });

  it('in plain text a table is prose: nothing to sum', async () => {
    expect(await textFindings(`${TITLE}\n案件类别\t数量\n行政复议\t12\n合计\t30\n`, 'a.txt')).toEqual([]);
  });
});

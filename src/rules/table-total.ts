/**
 * table-total: a table's 合计/总计 row is the sum of the rows above (or below) it, column by column.
 *
 * Conservative by design: a column is checked only when every row of it (the total row and every
 * row it sums) holds a plain number — no empty cell, no 约/余/多, no range, no dash — all written
 * with the same unit (the unit in the cell, or none when the heading gives it), and the heading
 * does not make it a rate, share, average, rank or change (率, 占比, 比例, %, 平均, 排名, 增长, 同比 …).
 * Sub-rows (其中…, 含…, 包括…) are not summed. A table with a 小计 row, a row that is only 其中,
 * more than one total row, or a rate row is left alone, as is a total row that is neither the first
 * nor the last row of figures. Rounding: with decimals, the sum may differ by half a unit of the
 * last decimal per row.
 */
import type { Table, TableCell, TableRow } from '../document/model.js';
import { cellAt, labelColumnOf } from '../document/facts/figures.js';
import { defineMeta, defineRule, type ContextOf } from '../rule.js';

export const meta = defineMeta({
  id: 'table-total',
  description: {
    zh: '表格中「合计」「总计」行的数字应等于各行之和',
    en: 'A table\'s 合计/总计 (total) row equals the sum of its rows',
  },
  type: 'problem',
  defaultSeverity: 'error',
  fixable: false,
  options: {
    totalLabels: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description: 'Row labels (first cell, white space ignored) that mark the total row; default 合计, 总计, 总数, 共计, 合 计.',
    },
  },
  defaultOptions: { totalLabels: ['合计', '总计', '总数', '共计'] as string[] },
  messages: {
    totalMismatch: {
      zh: '表格「{{column}}」列的「{{label}}」为{{total}}，各行之和为{{sum}}',
      en: 'The "{{label}}" row of column "{{column}}" says {{total}}, but the rows add up to {{sum}}',
    },
  },
  tags: ['figures', 'content'],
});

type Context = ContextOf<typeof meta>;

const SUB_ROW = /^(?:其中|含|包括|包含|内含|注[:：]|[—－\-]{1,2})/;
/** headings of columns that are not summed: rates, shares, averages, ranks, changes, codes */
const NOT_SUMMED = /率|占比|比例|比重|百分比|[%％‰]|平均|均值|人均|排名|名次|排序|增长|增加|减少|增幅|降幅|增减|同比|环比|变化|较上年|序号|编号|代码|年份|日期|时间|电话|备注|得分|分值|评分|等级/;
const ROW_NOT_SUMMED = /率|占比|比例|比重|平均|人均|均值/;
/** a plain number with its unit: 30, 1,200, 178.4, 30宗, 178.4万元 (no 约/余/多, no range) */
const PLAIN = /^(\d{1,3}(?:[,，]\d{3})+|\d+)(?:[.．](\d+))?([万亿]?[\u4e00-\u9fff]{0,3})$/;

interface Value {
  value: number;
  decimals: number;
  unit: string;
  cell: TableCell;
}

function plain(cell: TableCell | null): Value | null {
  if (!cell) return null;
  const t = cell.text.replace(/\s+/g, '');
  const m = PLAIN.exec(t);
  if (!m) return null;
  // a unit that is a word, not a unit (30宗 yes, 30个部门 no: then it is a label)
  if (m[3]!.length > 2 && !/^[万亿]/.test(m[3]!)) return null;
  if (/[余多]/.test(m[3]!)) return null;
  const value = Number(`${m[1]!.replace(/[,，]/g, '')}.${m[2] ?? '0'}`);
  return { value, decimals: m[2]?.length ?? 0, unit: m[3]!, cell };
}

const squash = (s: string) => s.replace(/\s+/g, '');

function format(n: number, decimals: number): string {
  return decimals > 0 ? n.toFixed(decimals) : String(Math.round(n));
}

function checkTable(ctx: Context, table: Table, totalLabels: readonly string[]): void {
  const data = table.rows.filter((r) => !r.header && r.cells.length > 1);
  const header = table.rows.find((r) => r.header) ?? null;
  // 序号 | 单位 | …: the row's label is in the column after the numbers (合计 stands there)
  const labelColumn = labelColumnOf(table);
  const labelOf = (r: TableRow) => squash(cellAt(r.cells, labelColumn)?.text ?? '');
  const totals = data.filter((r) => totalLabels.includes(labelOf(r)));
  if (totals.length !== 1) return;
  if (data.some((r) => /^小计/.test(labelOf(r)) || labelOf(r) === '其中' || ROW_NOT_SUMMED.test(labelOf(r)))) return;
  const total = totals[0]!;
  const at = data.indexOf(total);
  if (at !== 0 && at !== data.length - 1) return;
  const parts = data.filter((r) => r !== total && !SUB_ROW.test(labelOf(r)) && labelOf(r) !== '');
  if (parts.length < 2) return;
  for (const totalCell of total.cells) {
    if (totalCell.column <= labelColumn) continue;
    const head = header ? cellAt(header.cells, totalCell.column) : null;
    const column = head ? squash(head.text) : '';
    if (NOT_SUMMED.test(column)) continue;
    const totalValue = plain(totalCell);
    if (!totalValue) continue;
    const values = parts.map((r) => plain(cellAt(r.cells, totalCell.column)));
    if (values.some((v) => v === null || v.unit !== totalValue.unit || v.cell.colSpan !== totalCell.colSpan)) continue;
    const sum = values.reduce((s, v) => s + v!.value, 0);
    const decimals = Math.max(totalValue.decimals, ...values.map((v) => v!.decimals));
    // rounding: half a unit of the last decimal per figure written with decimals
    const slack = decimals > 0 ? 0.5 * 10 ** -decimals * (values.length + 1) : 0;
    if (Math.abs(sum - totalValue.value) <= slack + 1e-9) continue;
    ctx.reportAt(totalCell, 0, totalCell.text.length, {
      messageId: 'totalMismatch',
      data: { column: column || `第${totalCell.column + 1}`, label: labelOf(total), total: squash(totalCell.text), sum: `${format(sum, decimals)}${totalValue.unit}` },
    });
  }
}

export function check(ctx: Context): void {
  const totalLabels = (ctx.options.totalLabels ?? meta.defaultOptions.totalLabels).map(squash);
  for (const table of ctx.document.tables) checkTable(ctx, table, totalLabels);
}

export default defineRule({ meta, check });

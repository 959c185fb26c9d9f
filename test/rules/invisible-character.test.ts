import { describe, expect, it } from 'vitest';
import rule from '../../src/rules/invisible-character.js';
import repeatedWord from '../../src/rules/repeated-word.js';
import { applyFixes, runRule } from '../helpers.js';

/** Text pasted from web pages and chat tools, with the invisible character where it was found. */
const FAILING: Array<{ source: string; column: number; code: string; fixed: string; filename?: string }> = [
  { source: '全面推进\u200B依法行政，加快建设法治政府。', column: 5, code: 'U+200B', fixed: '全面推进依法行政，加快建设法治政府。' },
  { source: '深入开展“八五”普\u00AD法，全年开展法治宣传活动126场。', column: 10, code: 'U+00AD', fixed: '深入开展“八五”普法，全年开展法治宣传活动126场。' },
  { source: '坚持重大事项向区人大常委会报告\u200F。', column: 16, code: 'U+200F', fixed: '坚持重大事项向区人大常委会报告。' },
  { source: '全年办理行政复议案件\u202C85件，纠错率12.9%。', column: 11, code: 'U+202C', fixed: '全年办理行政复议案件85件，纠错率12.9%。' },
  { source: '区政府常务会议审议\uFEFF通过了《实施方案》。', column: 10, code: 'U+FEFF', fixed: '区政府常务会议审议通过了《实施方案》。' },
  { source: '推进\u2060“放管服”改革。', column: 3, code: 'U+2060', fixed: '推进“放管服”改革。' },
  { source: '法治政府建设\u200D示范创建工作', column: 7, code: 'U+200D', fixed: '法治政府建设示范创建工作' },
  { source: '行政执法\u200C公示制度', column: 5, code: 'U+200C', fixed: '行政执法公示制度' },
  { source: '## 二、存在的不足\u200B和原因\n\n正文。\n', column: 11, code: 'U+200B', fixed: '## 二、存在的不足和原因\n\n正文。\n', filename: 'draft.md' },
];

/** Legitimate uses, and text without any. */
const PASSING = [
  '全区共办理行政复议案件85件，同比增长12.3%。',
  '开展“法治进社区”活动，发放宣传资料👨‍👩‍👧‍👦2000余份。',
  '在“我为群众办实事”活动中，群众点赞👍🏽，留言🏳️‍🌈不计其数。',
  '波斯语“می‌خواهم”一词中的零宽不连字是正字法的一部分。',
  '英文资料中的 co\u00ADoperation 一词保留了软连字符。',
];

describe('invisible-character: failing text', () => {
  it.each(FAILING)('$source', async ({ source, column, code, fixed, filename }) => {
    const findings = await runRule(rule, source, {}, filename);
    expect(findings.map((f) => [f.column, f.message.includes(code)])).toEqual([[column, true]]);
    const out = applyFixes(source, findings);
    expect(out).toBe(fixed);
    expect(await runRule(rule, out, {}, filename)).toEqual([]);
  });

  it('reports a run of invisible characters once, and its fix deletes them all', async () => {
    const source = '推进\u202A\u200B\u202C依法行政。';
    const findings = await runRule(rule, source);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toBe('3个连续的不可见字符（U+202A U+200B U+202C），应删除');
    expect(applyFixes(source, findings)).toBe('推进依法行政。');
  });

  it('names the character in the message', async () => {
    const [f] = await runRule(rule, '推进\u200B依法行政。');
    expect(f!.message).toBe('不可见字符 U+200B（零宽字符），应删除');
    const [d] = await runRule(rule, '坚持重大事项向区人大常委会报告\u202E。');
    expect(d!.message).toBe('不可见字符 U+202E（文字方向控制符），应删除');
  });

  it('offers no fix next to Markdown syntax', async () => {
    const findings = await runRule(rule, '**重点**\u200B工作全面推进。\n', {}, 'draft.md');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.fix).toBeUndefined();
  });
});

describe('invisible-character: passing text', () => {
  it.each(PASSING)('%s', async (source) => {
    expect(await runRule(rule, source)).toEqual([]);
  });
});

describe('invisible-character with repeated-word: a double split by an invisible character', () => {
  it.each([
    ['二是提升\u200B提升行政争议化解质效。', '二是提升行政争议化解质效。'],
    ['坚持重大事项向\u00AD向区人大常委会报告。', '坚持重大事项向区人大常委会报告。'],
    ['推进法治政府建设\u200F推进法治政府建设。', '推进法治政府建设。'],
    ['加强\u202A加强\u202C行政执法监督。', '加强行政执法监督。'],
  ])('%s', async (source, fixed) => {
    const doubled = await runRule(repeatedWord, source);
    const invisible = await runRule(rule, source);
    expect(doubled).toHaveLength(1);
    expect(invisible.length).toBeGreaterThanOrEqual(1);
    // both fixes together, as --fix applies them (they never overlap)
    expect(applyFixes(applyFixes(source, doubled), await runRule(rule, applyFixes(source, doubled)))).toBe(fixed);
  });
});

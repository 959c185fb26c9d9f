/**
 * The engine holds rules to their contract, as ESLint does: a report it cannot place or a fix it
 * cannot apply is a rule bug, thrown as a RuleCrashError (in the CLI: one line, exit 2), never
 * clamped or dropped. Broken rules on the model of textlint-tester's NaN-rule and invalid-index-rule.
 */
import { describe, expect, it } from 'vitest';
import { parseDocumentAsync } from '../src/document/parse/index.js';
import { lintDocument, mergeFixes, RuleCrashError } from '../src/engine/lint.js';
import { defineRule, type Report, type RuleContext } from '../src/rule.js';

const TEXT = '全面推进依法行政。\n';

function ruleThat(fixable: boolean, check: (ctx: RuleContext<{ on: boolean }, 'found'>) => void) {
  return defineRule({
    meta: {
      id: 'broken-rule',
      description: { zh: '测试用的规则', en: 'A rule for tests' },
      type: 'problem',
      defaultSeverity: 'error',
      fixable,
      tags: [],
      options: { on: { type: 'boolean' } },
      defaultOptions: { on: true },
      messages: { found: { zh: '发现「{{x}}」', en: 'found "{{x}}"' } },
    },
    check,
  });
}

async function lint(fixable: boolean, check: (ctx: RuleContext<{ on: boolean }, 'found'>) => void) {
  const document = await parseDocumentAsync(TEXT, { filename: 'draft.md' });
  const rule = ruleThat(fixable, check);
  return lintDocument(document, [{ rule, severity: 2, options: rule.meta.defaultOptions }]);
}

const at = (r: Partial<Report<'found'>>): Report<'found'> => ({ messageId: 'found', data: { x: 'a' }, start: 0, end: 1, ...r });

describe('the engine throws on a broken report', () => {
  it.each([
    ['NaN offsets', at({ start: NaN, end: NaN })],
    ['a fractional offset', at({ start: 0.5 })],
    ['a negative offset', at({ start: -1 })],
    ['an end past the text', at({ end: TEXT.length + 1 })],
    ['an end before the start', at({ start: 3, end: 2 })],
    ['an unknown messageId', { ...at({}), messageId: 'typo' as 'found' }],
    ['a fix out of range', at({ fix: { start: 0, end: TEXT.length + 5, text: '' } })],
    ['overlapping edits in one fix', at({ fix: [{ start: 0, end: 3, text: 'a' }, { start: 2, end: 4, text: 'b' }] })],
  ])('%s', async (_, report) => {
    await expect(lint(true, (ctx) => ctx.report(report))).rejects.toThrow(RuleCrashError);
  });

  it('a fix from a rule whose meta.fixable is false', async () => {
    await expect(lint(false, (ctx) => ctx.report(at({ fix: { start: 0, end: 1, text: '' } })))).rejects.toThrow(/meta\.fixable is false/);
  });

  it('reportAt outside the block', async () => {
    await expect(lint(true, (ctx) => ctx.reportAt(ctx.document.paragraphs[0]!, 0, 99, { messageId: 'found', data: { x: 'a' } }))).rejects.toThrow(RuleCrashError);
  });
});

describe('what the engine accepts', () => {
  it('reportAt maps block offsets to the source, past Markdown syntax', async () => {
    const document = await parseDocumentAsync('全面**推进**依法行政。\n', { filename: 'draft.md' });
    const block = document.paragraphs[0]!;
    expect(block.text).toBe('全面推进依法行政。');
    const rule = ruleThat(true, (ctx) => {
      ctx.reportAt(block, 2, 4, { messageId: 'found', data: { x: '推进' }, fix: { start: 2, end: 4, text: '促进' } });
      // across the ** : placed, but no fix (it would rewrite the syntax)
      ctx.reportAt(block, 1, 3, { messageId: 'found', data: { x: '面推' }, fix: { start: 1, end: 3, text: '' } });
    });
    const [across, within] = lintDocument(document, [{ rule, severity: 2, options: rule.meta.defaultOptions }]);
    expect([within!.column, within!.endColumn, within!.fix]).toEqual([5, 7, { range: [4, 6], text: '促进' }]);
    expect([across!.column, across!.endColumn, across!.fix]).toEqual([2, 6, undefined]);
  });

  it('several edits merge into one fix that keeps the text between them (ESLint mergeFixes)', () => {
    const source = 'a,b;c';
    expect(mergeFixes('r', source, [{ start: 3, end: 4, text: '；' }, { start: 1, end: 2, text: '，' }])).toEqual({ range: [1, 4], text: '，b；' });
    // two insertions at one place keep their order; no edits, no fix
    expect(mergeFixes('r', source, [{ start: 1, end: 1, text: 'x' }, { start: 1, end: 1, text: 'y' }])).toEqual({ range: [1, 1], text: 'xy' });
    expect(mergeFixes('r', source, [])).toBeNull();
  });

  it('merged text keeps characters outside the BMP, kept or inserted, and edits that delete or insert', () => {
    // offsets are UTF-16 code units: 𠮷 (U+20BB7) is two of them
    const source = '𠮷,b(𠮷)c';
    const edits = [
      { start: 2, end: 3, text: '，' },
      { start: 4, end: 5, text: '（' },
      { start: 7, end: 8, text: '）𪚥' },
      { start: 8, end: 9, text: '' },
    ];
    const expected = { range: [2, 9], text: '，b（𠮷）𪚥' };
    expect(mergeFixes('r', source, edits)).toEqual(expected);
    expect(mergeFixes('r', source, [...edits].reverse())).toEqual(expected);
    const fixed = source.slice(0, 2) + expected.text + source.slice(9);
    expect(fixed).toBe('𠮷，b（𠮷）𪚥');
  });

  it("a summary finding's related places come in source order, whatever order the rule gave them in", async () => {
    const [summary] = await lint(false, (ctx) => ctx.report(at({ related: [{ start: 4, end: 6 }, { start: 1, end: 2 }, { start: 1, end: 1 }] })));
    expect(summary!.related!.map((p) => [p.offset, p.endOffset, p.column, p.endColumn])).toEqual([[1, 1, 2, 2], [1, 2, 2, 3], [4, 6, 5, 7]]);
  });
});

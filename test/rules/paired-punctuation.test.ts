import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule, { type Options } from '../../src/rules/paired-punctuation.js';
import { runRule } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

const SEEDS = [
  ['seeds/000_123d78033956bda4.txt', 'draft.txt'],
  ['seeds/003_fdb2e5dd79f7ab48.txt', 'draft.txt'],
  ['seeds/003_fdb2e5dd79f7ab48.md', 'draft.md'],
] as const;

const run = (text: string, options: Partial<Options> = {}, filename = 'draft.txt') => runRule(rule, text, options, filename);
const found = async (text: string, options: Partial<Options> = {}, filename = 'draft.txt') =>
  (await run(text, options, filename)).map((f) => `${f.line}:${f.column} ${f.messageId} ${f.text}`);

const PASSING = [
  '严格落实“第一议题”制度，学习《中华人民共和国行政复议法》。',
  '他强调：“要把‘一岗双责’落到实处。”',
  '印发《关于〈法治政府建设实施纲要〉的实施方案》。',
  '落实【重点】任务，文号为粤府〔2024〕12号，参见「附件一」与『附件二』。',
  '将习近平法治思想纳入局党委(党组)理论学习中心组学习内容（每季度一次）。',
  '(一)加强组织领导\n1)健全工作机制;2)落实责任分工。\n',
  'It’s the Xi’an office’s plan.',
  '详见https://zh.wikipedia.org/wiki/Law_(disambiguation)说明。',
  // a quotation over several paragraphs: each opens with “, only the last closes
  '报告指出：“第一，坚持党的领导。\n“第二，坚持以人民为中心。\n“第三，坚持依法治国。”\n',
];

describe('paired-punctuation: passing text', () => {
  it.each(SEEDS)('the whole seed %s passes', async (file, filename) => {
    expect(await run(readFileSync(file, 'utf8'), {}, filename)).toEqual([]);
  });

  it('a Markdown paragraph wrapped over two lines may carry a quotation across the line break', async () => {
    expect(await run('严格落实“第一议题\n制度”，学习法律法规。\n', {}, 'draft.md')).toEqual([]);
    // in plain text each line is a paragraph
    expect(await found('严格落实“第一议题\n制度”，学习法律法规。\n')).toEqual(['1:5 unclosed “', '2:3 unopened ”']);
  });

  it('code spans are not checked', async () => {
    expect(await run('运行`f(x`命令，输出“完成”。\n', {}, 'draft.md')).toEqual([]);
  });
});

const FAILING: Array<[string, string[]]> = [
  ['严格落实“第一议题制度，学习法律法规。', ['1:5 unclosed “']],
  ['严格落实第一议题”制度。', ['1:9 unopened ”']],
  ['学习《中华人民共和国行政复议法，提高依法行政能力。', ['1:3 unclosed 《']],
  ['学习中华人民共和国行政复议法》。', ['1:15 unopened 》']],
  ['将其纳入局党委（党组理论学习内容。', ['1:8 unclosed （']],
  ['将其纳入局党委(党组理论学习内容。', ['1:8 unclosed (']],
  ['将其纳入局党委党组)理论学习内容。', ['1:10 unopened )']],
  ['文号为粤府〔2024 12号。', ['1:6 unclosed 〔']],
  ['落实【重点任务。', ['1:3 unclosed 【']],
  // crossing
  ['学习《关于“加强执法》的通知”。', ['1:11 crossed 》']],
  ['学习《关于“加强执法》的通知。', ['1:11 crossed 》']],
  // nesting: quotes in quotes take single quotes, 书名号 in 书名号 take 〈〉
  ['他强调：“要把“一岗双责”落到实处。”', ['1:8 nested “']],
  ['印发《关于《法治政府建设实施纲要》的实施方案》。', ['1:6 nested 《']],
  ['他强调：‘要把“一岗双责”落到实处。’', ['1:8 order “']],
  // a quotation that is not continued in the next paragraph
  ['报告指出：“第一，坚持党的领导。\n第二，坚持以人民为中心。\n', ['1:6 unclosed “']],
  // a heading, and a heading running into its paragraph
  ['一、学习贯彻《行政复议法\n正文。\n', ['1:7 unclosed 《']],
];

ruleTester(rule).run({
  valid: PASSING,
  // "1:5 unclosed “": position, messageId and the mark the finding covers; the rule offers no fix
  invalid: FAILING.map(([text, expected]) => ({
    text,
    errors: expected.map((e) => {
      const [at, messageId, mark] = e.split(' ') as [string, string, string];
      const [line, column] = at.split(':').map(Number) as [number, number];
      return { line, column, messageId, text: mark };
    }),
    output: null,
  })),
});

describe('paired-punctuation: failing text', () => {
  it('a heading running into its paragraph is checked as one line', async () => {
    // the heading ends at the first 。, inside the quotation: still one balanced pair
    expect(await run('(一)落实“谁执法谁普法。”责任制全面落实。\n')).toEqual([]);
  });

  it('messages name both marks', async () => {
    const [f] = await run('严格落实“第一议题制度。');
    expect(f!.message).toBe('「“」没有配对的「”」');
    const [g] = await run('学习《关于“加强执法》的通知”。');
    expect(g!.message).toBe('标点交叉：「“」在「《」之后打开，却没有在「》」之前闭合');
    const [h] = await run('他强调：“要把“一岗双责”落到实处。”');
    expect(h!.message).toBe('「“”」里面又用了「“」：里面一层应改用「‘’」');
  });

  it('options: halfWidthParens, multiParagraphQuotes, nesting', async () => {
    expect(await run('将其纳入局党委(党组理论学习内容。', { halfWidthParens: false })).toEqual([]);
    expect(await found('报告指出：“第一，坚持。\n“第二，坚持。”\n', { multiParagraphQuotes: false })).toEqual(['1:6 unclosed “']);
    expect(await run('他强调：“要把“一岗双责”落到实处。”', { nesting: false })).toEqual([]);
  });

  it('Markdown: positions are in the source, past the syntax', async () => {
    expect(await found('## 一、学习**《行政复议法**\n\n正文“未闭合。\n', {}, 'draft.md')).toEqual([
      '1:10 unclosed 《',
      '3:3 unclosed “',
    ]);
  });
});

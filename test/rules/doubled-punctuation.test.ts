import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule, { type Options } from '../../src/rules/doubled-punctuation.js';
import { applyFixes, runRule } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

const SEEDS = [
  ['seeds/000_123d78033956bda4.txt', 'draft.txt'],
  ['seeds/003_fdb2e5dd79f7ab48.txt', 'draft.txt'],
  ['seeds/003_fdb2e5dd79f7ab48.md', 'draft.md'],
] as const;

const run = (text: string, options: Partial<Options> = {}, filename = 'draft.txt') => runRule(rule, text, options, filename);

const PASSING = [
  '2023年，全市共办理行政复议案件1,256件，同比增长12.5%。',
  '这样做合法吗？！必须依法审查。',
  '开展“三服务”活动……取得明显成效。',
  '强化执法监督——这是今年的重点工作。',
  '他指出：“要坚持依法行政。”会议要求各单位抓好落实。',
  '开展“代孕”“两非”专项治理，印发《行政复议法》《行政诉讼法》学习材料。',
  '运行`a,,b`和 https://a.cn/x,,y 不报告。',
];

describe('doubled-punctuation: passing text', () => {
  it.each(SEEDS)('the whole seed %s passes', async (file, filename) => {
    expect(await run(readFileSync(file, 'utf8'), {}, filename)).toEqual([]);
  });
});

interface Failing {
  source: string;
  text: string;
  messageId: 'doubled' | 'stacked';
  /** the text after the fix, or null when there is no certain fix */
  fixed: string | null;
  filename?: string;
}

const FAILING: Failing[] = [
  { source: '全面推进依法行政。。\n', text: '。。', messageId: 'doubled', fixed: '全面推进依法行政。\n' },
  { source: '加强组织领导，，压实主体责任。', text: '，，', messageId: 'doubled', fixed: '加强组织领导，压实主体责任。' },
  { source: '开展宪法、、民法典宣传。', text: '、、', messageId: 'doubled', fixed: '开展宪法、民法典宣传。' },
  { source: '一是加强学习；；二是强化监督。', text: '；；', messageId: 'doubled', fixed: '一是加强学习；二是强化监督。' },
  { source: '主要做法如下：：一是学法。', text: '：：', messageId: 'doubled', fixed: '主要做法如下：一是学法。' },
  { source: '加强组织领导，，，压实责任。', text: '，，，', messageId: 'doubled', fixed: '加强组织领导，压实责任。' },
  // NFKC-folded drafts: half-width marks count the same
  { source: '加强组织领导,,压实主体责任。', text: ',,', messageId: 'doubled', fixed: '加强组织领导,压实主体责任。' },
  { source: '加强组织领导,，压实主体责任。', text: ',，', messageId: 'doubled', fixed: '加强组织领导,压实主体责任。' },
  // two different marks: fixed only at the end of a paragraph, where the 句号 stays
  { source: '三是深化普法宣传；。\n', text: '；。', messageId: 'stacked', fixed: '三是深化普法宣传。\n' },
  { source: '二是强化执法监督，。\n', text: '，。', messageId: 'stacked', fixed: '二是强化执法监督。\n' },
  { source: '加强组织领导。，压实主体责任。', text: '。，', messageId: 'stacked', fixed: null },
  { source: '是否依法审查？。下一步继续推进。', text: '？。', messageId: 'stacked', fixed: null },
  // Markdown: the fix never empties emphasis
  { filename: 'draft.md', source: '全面推进**依法行政。**。\n', text: '。**。', messageId: 'doubled', fixed: '全面推进**依法行政。**\n' },
  { filename: 'draft.md', source: '全面推进依法行政，**，**压实责任。\n', text: '，**，', messageId: 'doubled', fixed: '全面推进依法行政**，**压实责任。\n' },
];

ruleTester(rule).run({
  valid: [
    ...PASSING.map((text) => ({ text, options: { quotedSeriesComma: 'error' as const }, filename: text.includes('`') ? 'draft.md' : 'draft.txt' })),
    // once fixed, nothing is left to report
    ...FAILING.flatMap(({ fixed, filename }) => (fixed === null ? [] : [{ text: fixed, filename, name: `fixed: ${fixed}` }])),
  ],
  // output null: no certain fix, none offered
  invalid: FAILING.map(({ source, text, messageId, fixed, filename }) => ({ text: source, filename, errors: [{ text, messageId }], output: fixed })),
});

describe('doubled-punctuation: failing text', () => {
  it('messages name the marks', async () => {
    const [a] = await run('全面推进依法行政。。');
    expect(a!.message).toBe('标点重复：「。。」，应只用一个「。」');
    const [b] = await run('加强组织领导。，压实责任。');
    expect(b!.message).toBe('标点连用：「。，」，两个点号只应保留一个');
  });
});

describe('doubled-punctuation: 顿号 between quoted items (quotedSeriesComma)', () => {
  const text = '提出“一号司法建议”、“二号司法建议”，学习《民法典》、《行政复议法》。';

  it('is off by default', async () => {
    expect(await run(text)).toEqual([]);
  });

  it('reports and fixes ”、“ and 》、《 when asked', async () => {
    const findings = await run(text, { quotedSeriesComma: 'error' });
    expect(findings.map((f) => f.text)).toEqual(['”、“', '》、《']);
    expect(findings[0]!.message).toContain('GB/T 15834 4.5.3.5');
    const out = applyFixes(text, findings);
    expect(out).toBe('提出“一号司法建议”“二号司法建议”，学习《民法典》《行政复议法》。');
    expect(await run(out, { quotedSeriesComma: 'error' })).toEqual([]);
  });

  it('"warn" lowers the finding to a warning', async () => {
    const findings = await run(text, { quotedSeriesComma: 'warn' });
    expect(findings.map((f) => (f as { level?: string }).level)).toEqual(['warn', 'warn']);
  });

  it('a bracketed note between the items keeps the 顿号 (GB/T 15834 4.5.3.5)', async () => {
    expect(await run('学习《民法典》（2020年）、《行政复议法》（2023年修订）。', { quotedSeriesComma: 'error' })).toEqual([]);
  });

  it('seed 003 has “代孕”、“两非”: reported only when asked', async () => {
    const seed = readFileSync('seeds/003_fdb2e5dd79f7ab48.txt', 'utf8');
    const findings = await run(seed, { quotedSeriesComma: 'warn' });
    expect(findings.map((f) => `${f.line}:${f.column} ${f.text}`)).toEqual(['11:26 ”、“']);
  });
});

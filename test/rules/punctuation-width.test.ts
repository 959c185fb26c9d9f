import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule, { type Options } from '../../src/rules/punctuation-width.js';
import { applyFixes, runRule } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

const SEED_2024 = readFileSync('seeds/000_123d78033956bda4.txt', 'utf8');
const SEED_2025 = readFileSync('seeds/003_fdb2e5dd79f7ab48.txt', 'utf8');
const SEED_2025_MD = readFileSync('seeds/003_fdb2e5dd79f7ab48.md', 'utf8');

const run = (text: string, options: Partial<Options> = {}, filename = 'draft.txt') => runRule(rule, text, options, filename);

/** Apply fixes until none is left, as an engine would. */
async function fixAll(text: string, options: Partial<Options> = {}, filename = 'draft.txt'): Promise<string> {
  let out = text;
  for (let round = 0; round < 5; round++) {
    const next = applyFixes(out, await run(out, options, filename));
    if (next === out) return out;
    out = next;
  }
  return out;
}

/** Correct text: full-width in Chinese, half-width where numbers, URLs, code and Latin text own it. */
const PASSING = [
  '2023年，全市共办理行政复议案件1,256件，同比增长12.5%。',
  '局党组会议于每周一上午9:30召开，比例尺为1:500。',
  '严格落实重大行政决策程序（公众参与、专家论证、风险评估）。',
  '（三）深化普法宣传。落实“谁执法谁普法”责任制。',
  '引用英文标语“Hello, world!”作为开场。',
  '课程包括Introduction to Law (2nd ed.)等英文教材。',
  '详见http://www.gov.cn/zhengce/content_1.htm?id=1,2&type=a:b（政策文件库）。',
  '来信请寄fazhi.office@sz.gov.cn，我们将及时答复。',
  '推进“互联网+监管”，实现HIS系统与AI人脸识别平台对接。',
  '是否符合法定程序？是否超越法定权限？均须逐项审查！',
  // a percentage in a Latin sentence keeps the Latin comma
  '报告引用了OECD的评估：growth of 5.2%, 2024 estimate。',
  '',
];

describe('punctuation-width: passing text', () => {
  it('code spans and link URLs in Markdown are left alone', async () => {
    const md = '运行`lint(a, b)`命令，参见[说明](https://example.com/a,b?x=(1))。\n';
    expect(await run(md, { listAll: true }, 'draft.md')).toEqual([]);
  });

  it('both seeds pass once they are full-width again (the summary fix restores them)', async () => {
    for (const seed of [SEED_2024, SEED_2025]) {
      const fixed = await fixAll(seed);
      expect(await run(fixed, { listAll: true })).toEqual([]);
      // nothing but the marks changed: same length, and no half-width mark left beside Chinese
      expect(fixed.length).toBe(seed.length);
      expect(fixed).toMatch(/2024年，|2025年，/);
    }
  });
});

interface Failing {
  source: string;
  found: string[];
  fixed: string;
  filename?: string;
}

const FAILING: Failing[] = [
  { source: '2023年,全市共办理行政复议案件126件。', found: [','], fixed: '2023年，全市共办理行政复议案件126件。' },
  { source: '各单位要做到:一是学法;二是守法。', found: [':', ';'], fixed: '各单位要做到：一是学法；二是守法。' },
  { source: '严格落实重大行政决策程序(公众参与、专家论证)。', found: ['(', ')'], fixed: '严格落实重大行政决策程序（公众参与、专家论证）。' },
  { source: '完善医院信息系统(HIS)建设。', found: ['(', ')'], fixed: '完善医院信息系统（HIS）建设。' },
  { source: '(三)深化普法宣传\n正文。\n', found: ['(', ')'], fixed: '（三）深化普法宣传\n正文。\n' },
  { source: '是否存在超越职权的情况?经审查!', found: ['?', '!'], fixed: '是否存在超越职权的情况？经审查！' },
  { source: '他说“好”,然后离开。', found: [','], fixed: '他说“好”，然后离开。' },
  // after a percentage the digits that follow do not make the comma a number's (20%,2025 is no 20,025)
  { source: '全区规上工业增加值同比增长20%,2025年力争再增长10%。', found: [','], fixed: '全区规上工业增加值同比增长20%，2025年力争再增长10%。' },
  { source: '城镇登记失业率控制在3.5‰;2024年新增就业1.2万人。', found: [';'], fixed: '城镇登记失业率控制在3.5‰；2024年新增就业1.2万人。' },
  // the Western habit's space after the mark goes with it
  { source: '在市委领导下, 我局认真履职。', found: [','], fixed: '在市委领导下，我局认真履职。' },
  { source: '同比增长12%,较上年有所提高。', found: [','], fixed: '同比增长12%，较上年有所提高。' },
  // a URL's own punctuation stays, the sentence's comma after it does not
  { source: '详见http://www.sz.gov.cn/xxgk,以及区政府网站。', found: [','], fixed: '详见http://www.sz.gov.cn/xxgk，以及区政府网站。' },
  // Markdown: only the mark changes, never the syntax around it
  {
    filename: 'draft.md',
    source: '**加强组织领导**,推动[责任清单](https://a.cn/x,y)落实;`a,b`不变。\n',
    found: [',', ';'],
    fixed: '**加强组织领导**，推动[责任清单](https://a.cn/x,y)落实；`a,b`不变。\n',
  },
  {
    filename: 'draft.md',
    source: '## (一)加强组织领导\n\n1) 推进*执法*(重点领域)。\n',
    found: ['(', ')', '(', ')'],
    fixed: '## （一）加强组织领导\n\n1) 推进*执法*（重点领域）。\n',
  },
];

ruleTester(rule).run({
  valid: PASSING.filter(Boolean).map((text) => ({ text, options: { listAll: true } })),
  // each mark a halfWidth finding; the fix leaves nothing to fix (fixText stops at the first pass)
  invalid: FAILING.map(({ source, found, fixed, filename }) => ({
    text: source,
    filename,
    options: { listAll: true },
    errors: found.map((text) => ({ messageId: 'halfWidth', text })),
    output: fixed,
  })),
});

describe('punctuation-width: failing text', () => {
  it('names the mark and the full-width one in the message', async () => {
    const [f] = await run('2023年,全市。');
    expect(f!.message).toBe('中文文字中应使用全角标点「，」，此处为半角「,」');
    expect(f!.line).toBe(1);
    expect(f!.column).toBe(6);
  });

  it('a few stray marks in a full-width document are listed one by one', async () => {
    const text = '2023年，我局深入推进依法行政，严格规范执法，全面落实普法责任制,取得明显成效。\n';
    const findings = await run(text);
    expect(findings.map((f) => f.messageId)).toEqual(['halfWidth']);
  });

  it('`marks` restricts the check', async () => {
    const text = '要做到:一是学法,二是守法。';
    expect((await run(text, { listAll: true, marks: [':'] })).map((f) => f.text)).toEqual([':']);
  });
});

describe('punctuation-width: a document half-width throughout', () => {
  it('each seed gets one summary finding at its first mark, with the count and one fix for all', async () => {
    for (const [seed, count] of [[SEED_2024, 170], [SEED_2025, 137]] as const) {
      const findings = await run(seed);
      expect(findings).toHaveLength(1);
      const f = findings[0]!;
      expect(f.messageId).toBe('summary');
      expect([f.line, f.column, f.text]).toEqual([1, 6, ',']);
      expect(f.data?.['count']).toBe(count);
      expect(f.message).toContain(`全文有${count}处`);
      const fixed = applyFixes(seed, findings);
      expect(await run(fixed, { listAll: true })).toEqual([]);
      // the fix changes the marks and nothing else
      expect(fixed.replace(/[，；：（）]/g, '#')).toBe(seed.replace(/[,;:()]/g, '#'));
    }
  });

  it('the summary names every other place it stands for (related), the same places listAll gives', async () => {
    const [summary] = await run(SEED_2024);
    const all = await run(SEED_2024, { listAll: true });
    expect(summary!.related).toHaveLength(169);
    expect(summary!.related!.map((r) => SEED_2024.slice(r.offset, r.endOffset))).toEqual(all.slice(1).map((f) => f.text));
    expect(summary!.related!.map((r) => [r.line, r.column])).toEqual(all.slice(1).map((f) => [f.line, f.column]));
    // a finding for one place has none
    expect(all.every((f) => f.related === undefined)).toBe(true);
  });

  it('listAll lists every place instead', async () => {
    expect(await run(SEED_2024, { listAll: true })).toHaveLength(170);
  });

  it('summaryThreshold: more marks than the threshold give a summary', async () => {
    const text = '2023年，我局推进依法行政，严格执法，落实普法，开展培训，召开会议,审议文件,通报案例,部署工作。\n';
    expect((await run(text)).map((f) => f.messageId)).toEqual(['halfWidth', 'halfWidth', 'halfWidth']);
    expect((await run(text, { summaryThreshold: 2 })).map((f) => f.messageId)).toEqual(['summary']);
  });

  it('in Markdown with syntax between the marks the summary still has one fix, and the syntax stays', async () => {
    const findings = await run(SEED_2025_MD, {}, 'draft.md');
    expect(findings.map((f) => [f.messageId, f.data?.['count']])).toEqual([['summary', 137]]);
    expect(findings[0]!.fix).toBeDefined();
    const fixed = applyFixes(SEED_2025_MD, findings);
    expect(await run(fixed, { listAll: true }, 'draft.md')).toEqual([]);
    // the fix changes the marks and nothing else: headings, emphasis and links are as they were
    expect(fixed.replace(/[，；：（）]/g, '#')).toBe(SEED_2025_MD.replace(/[,;:()]/g, '#'));
    // listAll fixes each place to the same text
    expect(await fixAll(SEED_2025_MD, { listAll: true }, 'draft.md')).toBe(fixed);
  });

  it('in Markdown, marks within one stretch of text still get one fix', async () => {
    const md = '# 报告\n\n2023年,我局推进依法行政,严格执法,落实普法。\n';
    const findings = await run(md, {}, 'draft.md');
    expect(findings.map((f) => f.messageId)).toEqual(['summary']);
    expect(applyFixes(md, findings)).toBe('# 报告\n\n2023年，我局推进依法行政，严格执法，落实普法。\n');
  });
});

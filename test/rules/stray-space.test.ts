import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import rule, { type Options } from '../../src/rules/stray-space.js';
import { parseDocumentAsync } from '../../src/document/parse/index.js';
import { applyFixes, runRule } from '../helpers.js';
import { ruleTester } from '../rule-tester.js';

const SEED_2024 = readFileSync('seeds/000_123d78033956bda4.txt', 'utf8');
const SEED_2025 = readFileSync('seeds/003_fdb2e5dd79f7ab48.txt', 'utf8');
const SEED_2025_MD = readFileSync('seeds/003_fdb2e5dd79f7ab48.md', 'utf8');

const run = (text: string, options: Partial<Options> = {}, filename = 'draft.txt') => runRule(rule, text, options, filename);

const PASSING = [
  '推进医院HIS系统与AI人脸识别平台对接，覆盖率达 95%。',
  '推行“互联网 + 监管”模式，运用 5G 技术开展远程执法。',
  '全年办理行政复议案件126件，同比增长12%。',
  '详见 https://www.gd.gov.cn/zwgk 和 `npm run lint` 命令。',
  'Hello, world. This is English text inside a report.',
  '一、 总体情况\n正文。\n', // the space after an ordinal is heading-sequence's
  '四 、存在的不足\n正文。\n', // and so is the one inside it
  '组织“学宪法 讲宪法”系列活动，推进“减负 提质 增效”改革。', // a slogan's phrases are spaced on purpose
  // the same with an ideographic space, and in corner quotes: a slogan is a slogan whatever the space
  '深入开展“学习身边榜样　争做时代先锋”主题实践活动。',
  '广泛开展「学习身边榜样 争做时代先锋」宣传教育。',
  // the byline under the title: office and name
  '2025年政府工作报告\n——2025年1月20日在某省第十四届人民代表大会第三次会议上\n省长　张明华\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n',
  '2024年某区人民政府工作报告\n代区长 李卫东\n各位代表：\n现在，我代表区人民政府向大会报告工作。\n',
  // joint issuers: 中共中央 国务院, 党工委 管委会
  '认真贯彻《中共中央 国务院关于加快建设全国统一大市场的意见》。',
  '“1”是指《某新区党工委 某新区管委会关于进一步加强安全生产工作的意见》。',
  '中共中央办公厅 国务院办公厅印发了《关于进一步优化营商环境的意见》。',
  // a table pasted as text: its cells are separated by tabs
  '序号\t项目名称\t牵头单位\n1\t新建社区公园\t区城管局\n',
  // a text that sets spaces around its figures does so on both sides: a house style
  '全区污水收集率达 95% 以上，城市生活垃圾回收利用率达 40% 以上。',
  '全年新增 5G 基站 1200 个。',
];

describe('stray-space: passing text', () => {
  it('seed 000 has no stray space', async () => {
    expect(await run(SEED_2024)).toEqual([]);
  });

  it('seed 003 passes once its three stray spaces are gone ("四 、" is left to heading-sequence)', async () => {
    const fixed = SEED_2025.replace('告知书 “两书同送”', '告知书“两书同送”')
      .replace('“两法衔接” 双向', '“两法衔接”双向')
      .replace('各环节。 选取', '各环节。选取');
    expect(await run(fixed)).toEqual([]);
  });
});

interface Failing {
  source: string;
  /** line:column of each finding */
  at: string[];
  fixed: string;
  filename?: string;
  options?: Partial<Options>;
}

const FAILING: Failing[] = [
  { source: '严格落实 “一岗双责”，压实工作责任。', at: ['1:5'], fixed: '严格落实“一岗双责”，压实工作责任。' },
  { source: '深化“放管服” 改革，优化营商环境。', at: ['1:8'], fixed: '深化“放管服”改革，优化营商环境。' },
  { source: '完成全部整改任务。 下一步，我局将继续努力。', at: ['1:10'], fixed: '完成全部整改任务。下一步，我局将继续努力。' },
  { source: '全面推进依法 行政，建设法治政府。', at: ['1:7'], fixed: '全面推进依法行政，建设法治政府。' },
  { source: '他强调：“要依法 行政，严格执法。”', at: ['1:9'], fixed: '他强调：“要依法行政，严格执法。”' },
  { source: '一是加强学习，  二是强化监督。', at: ['1:8'], fixed: '一是加强学习，二是强化监督。' },
  { source: '印发《行政执法公示办法》　并组织实施。', at: ['1:13'], fixed: '印发《行政执法公示办法》并组织实施。' },
  { source: '使用 AI （人工智能）辅助审查。', at: ['1:6'], fixed: '使用 AI（人工智能）辅助审查。' },
  // a figure glued to the Chinese before it and spaced from the Chinese after it
  { source: '全区污水管网收集率达95% 以上。', at: ['1:14'], fixed: '全区污水管网收集率达95%以上。' },
  { source: '全年完成固定资产投资120.5 亿元，同比增长8.2%。', at: ['1:16'], fixed: '全年完成固定资产投资120.5亿元，同比增长8.2%。' },
  // a byline is a line of its own at the top; in a sentence, an office and a name are written together
  { source: '各位代表：\n会议由常务副区长 王明主持。\n', at: ['2:9'], fixed: '各位代表：\n会议由常务副区长王明主持。\n' },
  // two organs are joint issuers only where a document of theirs follows
  { source: '在区委 区政府的坚强领导下，各项工作取得新成效。', at: ['1:4'], fixed: '在区委区政府的坚强领导下，各项工作取得新成效。' },
  { source: '推动经济社会 高质量发展。', at: ['1:7'], fixed: '推动经济社会高质量发展。' },
  // a sentence in quotes is not a slogan
  { source: '群众反映“办事 要跑好几个窗口，材料重复提交”的问题得到解决。', at: ['1:8'], fixed: '群众反映“办事要跑好几个窗口，材料重复提交”的问题得到解决。' },
  // a space in a table cell is still a slip
  { source: '13\t完善提升 “智慧城市WIFI通”一、二期\t科创局牵头办理\n', at: ['1:8'], fixed: '13\t完善提升“智慧城市WIFI通”一、二期\t科创局牵头办理\n' },
  // at the seam of a heading and its paragraph on one line
  { source: '(一)加强组织领导。 坚持党对法治工作的领导。\n', at: ['1:11'], fixed: '(一)加强组织领导。坚持党对法治工作的领导。\n' },
  // Chinese and Latin, only when asked
  {
    source: '推行“双随机 + 执法全过程记录”，运用 5G 技术。',
    at: ['1:7', '1:9', '1:21', '1:24'],
    fixed: '推行“双随机+执法全过程记录”，运用5G技术。',
    options: { chineseLatin: true },
  },
  // Markdown: the space goes, the syntax stays
  { filename: 'draft.md', source: '严格落实 **“一岗双责”**，压实责任。\n', at: ['1:5'], fixed: '严格落实**“一岗双责”**，压实责任。\n' },
  { filename: 'draft.md', source: '## 二、加强 组织领导\n\n参见[《实施 方案》](https://a.cn/x_y)。\n', at: ['1:8', '3:7'], fixed: '## 二、加强组织领导\n\n参见[《实施方案》](https://a.cn/x_y)。\n' },
];

ruleTester(rule).run({
  valid: [
    ...PASSING,
    // once fixed, nothing is left to report
    ...FAILING.map(({ fixed, filename, options }) => ({ text: fixed, filename, options, name: `fixed: ${fixed}` })),
  ],
  invalid: FAILING.map(({ source, at, fixed, filename, options }) => ({ text: source, filename, options, errors: at, output: fixed })),
});

describe('stray-space: failing text', () => {
  it.each(FAILING)('each finding covers white space only: $source', async ({ source, filename, options }) => {
    expect((await run(source, options, filename)).every((f) => /^\s+$/.test(f.text))).toBe(true);
  });

  it('the fix in Markdown leaves the parsed text as it was, less the space', async () => {
    const source = '严格落实 **“一岗双责”**，推进 *“放管服”* 改革。\n';
    const out = applyFixes(source, await run(source, {}, 'draft.md'));
    const before = await parseDocumentAsync(source, { filename: 'draft.md' });
    const after = await parseDocumentAsync(out, { filename: 'draft.md' });
    expect(after.paragraphs[0]!.text).toBe(before.paragraphs[0]!.text.replace(/ /g, ''));
  });

  it('the seed 003 spaces, with exact places and a message quoting both sides', async () => {
    for (const [text, filename, lines] of [
      [SEED_2025, 'draft.txt', [12, 14, 22]],
      [SEED_2025_MD, 'draft.md', [23, 27, 43]],
    ] as const) {
      const findings = await run(text, {}, filename);
      expect(findings.map((f) => [f.line, f.column])).toEqual([[lines[0], 199], [lines[1], 107], [lines[2], 66]]);
      expect(findings[0]!.message).toBe('多余的空格：「复告知书」与「“两书同」之间不应有空格');
      const fixed = applyFixes(text, findings);
      expect(await run(fixed, {}, filename)).toEqual([]);
    }
  });

  it('chineseLatin reports "双随机 + 执法" in seed 003, which the default leaves alone', async () => {
    const findings = await run(SEED_2025, { chineseLatin: true });
    expect(findings.filter((f) => f.messageId === 'latin').map((f) => `${f.line}:${f.column}`)).toEqual(['12:47', '12:49']);
  });
});

import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rule, { meta, type Options } from '../../src/rules/heading-sequence.js';
import { formatMessage } from '../../src/rule.js';
import { applyFixes, runRule, type TestFinding } from '../helpers.js';

// vitest runs from the project root
const SEEDS = join(process.cwd(), 'seeds');
const seed = (name: string): string => readFileSync(join(SEEDS, name), 'utf8');
const lines = (...l: string[]): string => l.join('\n') + '\n';
const run = (text: string, options: Partial<Options> = {}, filename = 'draft.txt') => runRule(rule, text, options, filename);
const ids = (findings: TestFinding[]): string[] => findings.map((f) => f.messageId);
const at = (findings: TestFinding[]): string[] => findings.map((f) => `${f.line}:${f.column} ${f.messageId} ${f.text}`).sort();

/** Apply fixes until none is left (at most a few rounds), as an engine would. */
async function fixAll(text: string, options: Partial<Options> = {}, filename = 'draft.txt'): Promise<string> {
  let out = text;
  for (let round = 0; round < 5; round++) {
    const findings = await run(out, options, filename);
    const next = applyFixes(out, findings);
    if (next === out) return out;
    out = next;
  }
  return out;
}

// A correct report with all four levels, of another agency and year than the seeds.
const GOOD = lines(
  '某市市场监督管理局2023年法治政府建设年度报告',
  '2023年，我局坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻习近平法治思想。现将有关情况报告如下：',
  '一、主要举措和成效',
  '（一）健全依法决策机制。严格落实重大行政决策程序规定，全年作出重大行政决策3项。',
  '（二）严格规范公正文明执法。',
  '1.推进“双随机、一公开”监管。全年开展抽查1200户次。',
  '2.规范行政处罚裁量权。',
  '（1）统一裁量基准。修订裁量基准12项。',
  '（2）公开裁量结果。',
  '3.加强执法监督。',
  '（三）深化普法宣传。落实“谁执法谁普法”责任制。',
  '二、党政主要负责人履行推进法治建设第一责任人职责情况',
  '主要负责同志切实履行第一责任人职责，全年听取法治建设工作汇报4次。',
  '三、存在的不足和原因',
  '1.基层执法力量不足。',
  '2.信用监管机制有待完善。',
  '四、2024年工作安排',
  '（一）深化“放管服”改革。',
  '（二）加强执法队伍建设。',
  '某市市场监督管理局',
  '2024年1月20日',
);

describe('heading-sequence: meta', () => {
  it('declares the rule as asked', () => {
    expect(meta.id).toBe('heading-sequence');
    expect(meta.defaultSeverity).toBe('error');
    expect(meta.type).toBe('layout');
    expect(meta.fixable).toBe(true);
    expect(meta.tags).toEqual(['structure']);
    expect(meta.defaultOptions).toEqual({ brackets: 'any', arabicDelimiter: 'any', allowSpaceAfter: false });
    expect(rule.meta).toBe(meta);
    for (const [id, m] of Object.entries(meta.messages)) {
      expect(m.zh.length, id).toBeGreaterThan(0);
      expect(m.en.length, id).toBeGreaterThan(0);
    }
  });

  it('has a strict draft-07 options schema whose defaults are the default options', async () => {
    const { default: Ajv } = await import('ajv');
    const ajv = new Ajv.default({ strict: true, allErrors: true });
    const validate = ajv.compile(meta.schema);
    expect(validate(meta.defaultOptions)).toBe(true);
    expect(validate({ brackets: 'full', arabicDelimiter: 'half', allowSpaceAfter: true })).toBe(true);
    expect(validate({ brackets: 'round' })).toBe(false);
    expect(validate({ allowSpaceAfter: 'yes' })).toBe(false);
    expect(validate({ spaces: true })).toBe(false);
    const props = meta.schema.properties as Record<string, { default: unknown }>;
    for (const [key, value] of Object.entries(meta.defaultOptions)) expect(props[key]!.default).toEqual(value);
  });
});

describe('heading-sequence: seeds', () => {
  it('finds the stray space in "四 、" on seed 003 line 19, and nothing else', async () => {
    const text = seed('003_fdb2e5dd79f7ab48.txt');
    const findings = await run(text);
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ messageId: 'spaceInside', line: 19, column: 2, endLine: 19, endColumn: 3, text: ' ' });
    expect(f!.message).toBe('序号「四 、」内有多余的空格');
    const fixed = applyFixes(text, findings);
    expect(fixed.split('\n')[18]).toBe('四、2024年法治建设不足整改情况及2025年存在的不足');
    // only that character changed
    expect(fixed.length).toBe(text.length - 1);
    expect(await run(fixed)).toEqual([]);
  });

  it('finds nothing in seed 000', async () => {
    expect(await run(seed('000_123d78033956bda4.txt'))).toEqual([]);
  });
});

describe('heading-sequence: numbering', () => {
  it('accepts a correct four-level report', async () => {
    expect(await run(GOOD)).toEqual([]);
  });

  it('reports a gap, naming the missing ordinal, at the ordinal', async () => {
    const text = lines('前言。', '一、总体情况', '二、主要做法', '四、存在问题', '五、下一步打算');
    const findings = await run(text);
    expect(at(findings)).toEqual(['4:1 gap 四、']);
    expect(findings[0]!.message).toBe('序号不连续：缺少「三、」，此处为「四、」');
    expect(findings[0]!.fix).toBeUndefined();
  });

  it('names every missing ordinal of a longer gap', async () => {
    const text = lines('前言。', '一、总体情况', '（一）甲', '（二）乙', '（五）丙', '（六）丁');
    const findings = await run(text);
    expect(at(findings)).toEqual(['5:1 gap （五）']);
    expect(findings[0]!.message).toBe('序号不连续：缺少「（三）」「（四）」，此处为「（五）」');
  });

  it('reports a repeat once', async () => {
    const text = lines('前言。', '一、总体情况', '二、主要做法', '三、存在问题', '三、下一步打算', '四、其他事项');
    const findings = await run(text);
    expect(at(findings)).toEqual(['5:1 repeat 三、']);
    expect(findings[0]!.message).toBe('序号重复：「三、」在本层级已经用过，此处应为「四、」');
  });

  it('reports a number typed twice in place of the next one once: 1. 2. 2. 4.', async () => {
    const text = lines('一、主要做法', '1.甲。', '2.乙。', '2.丙。', '4.丁。');
    const findings = await run(text);
    expect(at(findings)).toEqual(['4:1 repeat 2.']);
    expect(findings[0]!.message).toBe('序号重复：「2.」在本层级已经用过，此处应为「3.」');
  });

  it('reports wrong order: 三 after 四', async () => {
    const text = lines('前言。', '一、总体情况', '二、主要做法', '四、存在问题', '三、下一步打算', '五、其他事项');
    const findings = await run(text);
    expect(at(findings)).toEqual(['4:1 order 四、', '5:1 order 三、']);
    expect(findings.map((f) => f.message)).toEqual([
      '序号顺序错误：此处应为「三、」，实为「四、」',
      '序号顺序错误：此处应为「四、」，实为「三、」',
    ]);
  });

  it('reports a first ordinal that is not one', async () => {
    const text = lines('前言。', '一、总体情况', '(二)健全制度', '(三)规范执法', '二、存在问题');
    const findings = await run(text);
    expect(at(findings)).toEqual(['3:1 start (二)']);
    expect(findings[0]!.message).toBe('序号应从「(一)」开始，实为「(二)」');
  });

  it('reports a swap at the start of a level as two order findings', async () => {
    const text = lines('前言。', '一、主要做法', '（二）规范执法', '（一）完善制度', '（三）加强监督');
    const findings = await run(text);
    expect(at(findings)).toEqual(['3:1 order （二）', '4:1 order （一）']);
    expect(findings.map((f) => f.message)).toEqual([
      '序号顺序错误：此处应为「（一）」，实为「（二）」',
      '序号顺序错误：此处应为「（二）」，实为「（一）」',
    ]);
  });

  it('has English messages that name the expected and the found ordinal', async () => {
    const [f] = await run(lines('前言。', '一、总体情况', '二、主要做法', '二、存在问题', '四、下一步'));
    expect(f!.messageId).toBe('repeat');
    expect(formatMessage(meta.messages.repeat!.en, f!.data)).toBe(
      'Repeated ordinal: "二、" is already used at this level; expected "三、"',
    );
  });

  it('restarts (一) under each 一、 and 1. under each (一)', async () => {
    const text = lines(
      '2022年，区司法局在区委、区政府的领导下，全面推进依法行政。',
      '一、主要工作',
      '(一)加强组织领导',
      '1.召开专题会议。',
      '2.制定工作要点。',
      '(二)推进严格执法',
      '1.开展执法检查。',
      '2.落实三项制度。',
      '二、存在问题',
      '(一)执法人员不足',
      '(二)培训不够系统',
      '三、下一步打算',
      '(一)加强队伍建设',
    );
    expect(await run(text)).toEqual([]);
  });

  it('allows skipping a level (跃层): 1. under 一、, (1) under (一)', async () => {
    const text = lines(
      '2024年，县教育局法治政府建设工作情况报告如下。',
      '一、主要举措',
      '1.完善制度。',
      '2.规范执法。',
      '二、存在不足',
      '（一）普法形式单一',
      '（1）覆盖面不广。',
      '（2）针对性不强。',
      '（二）执法能力不足',
    );
    expect(await run(text)).toEqual([]);
  });

  it('reports mixing kinds of ordinal at one level', async () => {
    const text = lines('前言。', '一、主要做法', '1.完善制度。', '2.规范执法。', '（一）加强监督', '（二）推进普法');
    const findings = await run(text);
    expect(at(findings)).toEqual(['5:1 mixed （一）']);
    expect(findings[0]!.message).toBe('同一层级混用了不同形式的序号：前面是「2.」，此处是「（一）」');
  });

  it('lets a top-level list start again after a signature and an appendix', async () => {
    const text = lines(
      '2023年，乡人民政府全面推进依法行政，现报告如下。',
      '一、工作开展情况',
      '二、存在问题',
      '三、下一步计划',
      '特此报告。',
      '某某乡人民政府',
      '2024年2月28日',
      '附件',
      '一、行政执法统计',
      '二、行政复议统计',
    );
    expect(await run(text)).toEqual([]);
  });

  it('lets a list start again after a lead-in line or an appendix line', async () => {
    const text = lines(
      '一、主要做法',
      '1.完善制度。',
      '2.规范执法。',
      '同时，在普法方面开展了以下工作：',
      '1.开展宪法宣传周活动。',
      '2.组织旁听庭审。',
      '附件：1.《行政执法公示办法》',
      '2.《重大执法决定法制审核目录》',
    );
    expect(await run(text)).toEqual([]);
  });

  it('still reports a top-level 一、 repeated inside the body', async () => {
    const text = lines('前言。', '一、总体情况', '正文。', '二、主要做法', '正文。', '一、存在问题', '正文。');
    const findings = await run(text);
    expect(at(findings)).toEqual(['6:1 repeat 一、']);
    expect(findings[0]!.message).toBe('序号重复：「一、」在本层级已经用过，此处应为「三、」');
  });

  it('does not take ordinals inside a sentence, 一是, figures or dates for headings', async () => {
    const text = lines(
      '2024年，我局按照“一、二、三”的步骤推进工作，一是健全制度，二是规范执法。',
      '一、总体情况',
      '1、2月份开展专项检查，检查企业1.5万家。',
      '1.5万家企业完成年报。',
      '2024年完成立法后评估。',
      '二、存在问题',
    );
    expect(await run(text)).toEqual([]);
  });

  it('does not count prose such as "一、二级医院……" as a heading', async () => {
    const text = lines(
      '前言。',
      '一、主要做法',
      '（一）推进医院法治建设',
      '（二）加强医疗监管',
      '一、二级医院全部完成法治建设评估。',
      '（三）化解医疗纠纷',
      '二、存在问题',
    );
    expect(await run(text)).toEqual([]);
  });
});

describe('heading-sequence: punctuation of ordinals', () => {
  const cases: Array<[string, string, string, string]> = [
    // [line, messageId, fixed line, message]
    ['一,总体情况', 'delimiter', '一、总体情况', '序号「一,」的标点应为「、」，不是「,」'],
    ['一，总体情况', 'delimiter', '一、总体情况', '序号「一，」的标点应为「、」，不是「，」'],
    ['一.总体情况', 'delimiter', '一、总体情况', '序号「一.」的标点应为「、」，不是「.」'],
    ['一．总体情况', 'delimiter', '一、总体情况', '序号「一．」的标点应为「、」，不是「．」'],
    ['1、完善制度', 'delimiter', '1.完善制度', '序号「1、」的标点应为「.」，不是「、」'],
    ['1,完善制度', 'delimiter', '1.完善制度', '序号「1,」的标点应为「.」，不是「,」'],
    ['1，完善制度', 'delimiter', '1.完善制度', '序号「1，」的标点应为「.」，不是「，」'],
    ['（一）、完善制度', 'parenDelimiter', '（一）完善制度', '带括号的序号「（一）、」后不加标点，应删去「、」'],
    ['(一).完善制度', 'parenDelimiter', '(一)完善制度', '带括号的序号「(一).」后不加标点，应删去「.」'],
    ['(1).完善制度', 'parenDelimiter', '(1)完善制度', '带括号的序号「(1).」后不加标点，应删去「.」'],
    ['（1），完善制度', 'parenDelimiter', '（1）完善制度', '带括号的序号「（1），」后不加标点，应删去「，」'],
  ];
  for (const [line, messageId, fixedLine, message] of cases) {
    it(`${line} → ${fixedLine}`, async () => {
      const text = lines('前言。', line);
      const findings = await run(text);
      expect(ids(findings)).toEqual([messageId]);
      expect(findings[0]!.message).toBe(message);
      expect(findings[0]!.line).toBe(2);
      expect(applyFixes(text, findings)).toBe(lines('前言。', fixedLine));
    });
  }

  it('accepts 1. and 1． by default', async () => {
    expect(await run(lines('前言。', '一、主要做法', '1.甲', '2．乙'))).toEqual([]);
  });

  it('option arabicDelimiter: half requires "." and full requires "．"', async () => {
    const text = lines('前言。', '一、主要做法', '1.甲', '2．乙', '3、丙');
    const half = await run(text, { arabicDelimiter: 'half' });
    expect(at(half)).toEqual(['4:2 delimiter ．', '5:2 delimiter 、']);
    expect(applyFixes(text, half)).toBe(lines('前言。', '一、主要做法', '1.甲', '2.乙', '3.丙'));
    const full = await run(text, { arabicDelimiter: 'full' });
    expect(at(full)).toEqual(['3:2 delimiter .', '5:2 delimiter 、']);
    expect(applyFixes(text, full)).toBe(lines('前言。', '一、主要做法', '1．甲', '2．乙', '3．丙'));
  });

  it('with "any", fixes 1、 to the point the document uses', async () => {
    const text = lines('前言。', '一、主要做法', '1．甲', '2、乙', '3．丙');
    const findings = await run(text);
    expect(applyFixes(text, findings)).toBe(lines('前言。', '一、主要做法', '1．甲', '2．乙', '3．丙'));
  });
});

describe('heading-sequence: brackets', () => {
  it('reports mismatched brackets and fixes them to full width when the document gives no lead', async () => {
    const text = lines('前言。', '一、主要做法', '(一）加强领导');
    const findings = await run(text);
    expect(at(findings)).toEqual(['3:1 mixedBrackets (一）']);
    expect(findings[0]!.message).toBe('序号「(一）」的括号不配对，应为「（一）」');
    expect(applyFixes(text, findings)).toBe(lines('前言。', '一、主要做法', '（一）加强领导'));
  });

  it('fixes mismatched brackets to the pair the document uses (NFKC-folded drafts use "()")', async () => {
    const text = lines('前言。', '一、主要做法', '(一)加强领导', '（二)完善制度', '(三)规范执法');
    const findings = await run(text);
    expect(at(findings)).toEqual(['4:1 mixedBrackets （二)']);
    expect(applyFixes(text, findings)).toBe(lines('前言。', '一、主要做法', '(一)加强领导', '(二)完善制度', '(三)规范执法'));
  });

  it('accepts both pairs by default', async () => {
    expect(await run(lines('前言。', '一、主要做法', '（一）甲', '(二)乙', '（1）丙', '(2)丁'))).toEqual([]);
  });

  it('option brackets: full / half', async () => {
    const text = lines('前言。', '一、主要做法', '（一）甲', '(二)乙');
    const full = await run(text, { brackets: 'full' });
    expect(at(full)).toEqual(['4:1 bracketStyle (二)']);
    expect(full[0]!.message).toBe('序号「(二)」的括号应为「（二）」');
    expect(applyFixes(text, full)).toBe(lines('前言。', '一、主要做法', '（一）甲', '（二）乙'));
    const half = await run(text, { brackets: 'half' });
    expect(at(half)).toEqual(['3:1 bracketStyle （一）']);
    expect(applyFixes(text, half)).toBe(lines('前言。', '一、主要做法', '(一)甲', '(二)乙'));
  });
});

describe('heading-sequence: spaces', () => {
  it('reports spaces inside ordinals, at the space, with a fix', async () => {
    const text = lines('前言。', '一 、总体情况', '（ 一 ）加强领导', '1 .完善制度', '（1　）细化清单');
    const findings = await run(text);
    expect(at(findings)).toEqual([
      '2:2 spaceInside  ',
      '3:2 spaceInside  ',
      '3:4 spaceInside  ',
      '4:2 spaceInside  ',
      '5:3 spaceInside 　',
    ]);
    expect(applyFixes(text, findings)).toBe(lines('前言。', '一、总体情况', '（一）加强领导', '1.完善制度', '（1）细化清单'));
  });

  it('reports a space between the ordinal and the heading text unless allowSpaceAfter', async () => {
    const text = lines('前言。', '一、 总体情况', '（一）　加强领导', '1. 完善制度');
    const findings = await run(text);
    expect(at(findings)).toEqual(['2:3 spaceAfter  ', '3:4 spaceAfter 　', '4:3 spaceAfter  ']);
    expect(findings[0]!.message).toBe('序号「一、」与标题文字之间有多余的空格');
    expect(applyFixes(text, findings)).toBe(lines('前言。', '一、总体情况', '（一）加强领导', '1.完善制度'));
    expect(await run(text, { allowSpaceAfter: true })).toEqual([]);
  });

  it('allowSpaceAfter does not excuse a space inside the ordinal', async () => {
    const findings = await run(lines('前言。', '一 、 存在问题'), { allowSpaceAfter: true });
    expect(at(findings)).toEqual(['2:2 spaceInside  ']);
  });

  it('does not report the indent before an ordinal', async () => {
    expect(await run(lines('前言。', '　　一、总体情况', '    二、存在问题'))).toEqual([]);
  });
});

describe('heading-sequence: fixes', () => {
  const MESSY = lines(
    '2021年，区城市管理和综合执法局法治政府建设情况报告如下：',
    '一 ，主要举措',
    '（一）、 健全制度',
    '1、制定权责清单。',
    '2 ．规范执法流程。',
    '（ 二)加强监督',
    '(1).开展案卷评查。',
    '二.存在问题',
    '四、 下一步打算',
  );

  it('fixes every form error in one pass and leaves the numbering error', async () => {
    const findings = await run(MESSY);
    const fixed = applyFixes(MESSY, findings);
    expect(fixed).toBe(lines(
      '2021年，区城市管理和综合执法局法治政府建设情况报告如下：',
      '一、主要举措',
      '（一）健全制度',
      // "any": the point the document already uses (its only correct one is 2．)
      '1．制定权责清单。',
      '2．规范执法流程。',
      '（二）加强监督',
      '(1)开展案卷评查。',
      '二、存在问题',
      '四、下一步打算',
    ));
    const again = await run(fixed);
    expect(again.filter((f) => f.fix)).toEqual([]);
    expect(at(again)).toEqual(['9:1 gap 四、']);
    // and a fixed text stays fixed
    expect(applyFixes(fixed, again)).toBe(fixed);
  });

  it('is idempotent with options that rewrite brackets and points', async () => {
    const options: Partial<Options> = { brackets: 'full', arabicDelimiter: 'half' };
    const fixed = await fixAll(MESSY, options);
    const again = await run(fixed, options);
    expect(again.filter((f) => f.fix)).toEqual([]);
    expect(fixed).toContain('（1）开展案卷评查。');
    expect(fixed).toContain('2.规范执法流程。');
    // one round is enough: the fixes do not overlap
    expect(applyFixes(MESSY, await run(MESSY, options))).toBe(fixed);
  });

  it('never fixes numbering', async () => {
    const findings = await run(lines('前言。', '二、甲', '二、乙', '五、丙', '四、丁'));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.fix === undefined)).toBe(true);
  });
});

describe('heading-sequence: Markdown', () => {
  it('checks ordinals of Markdown headings and paragraphs, ignores headings without one', async () => {
    const text = [
      '# 某区人力资源和社会保障局2022年法治政府建设年度报告',
      '',
      '2022年，我局深入学习贯彻习近平法治思想。',
      '',
      '## 一、主要举措和成效',
      '',
      '（一）完善制度体系。',
      '',
      '（三）规范执法行为。',
      '',
      '## 二、存在问题',
      '',
      '## 附件说明',
      '',
      '## 四 、下一步安排',
      '',
    ].join('\n');
    const findings = await run(text, {}, 'draft.md');
    expect(at(findings)).toEqual(['15:4 gap 四 、', '15:5 spaceInside  ', '9:1 gap （三）']);
    expect(applyFixes(text, findings)).toContain('## 四、下一步安排');
  });

  it('reports a Markdown ordinal at the ordinal only, not at the syntax around it', async () => {
    const text = ['前言。', '', '## **一、**总体情况', '', '## **三、**存在问题', ''].join('\n');
    const findings = await run(text, {}, 'draft.md');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ messageId: 'gap', text: '三、', line: 5, column: 6 });
  });

  it('does not check the numbers of Markdown ordered-list items, which Markdown renumbers', async () => {
    const text = ['前言。', '', '## 一、主要做法', '', '1. 完善制度。', '1. 规范执法。', '1. 加强监督。', ''].join('\n');
    expect(await run(text, {}, 'draft.md')).toEqual([]);
  });

  it('finds the seed defect in the Markdown rendering of a report too', async () => {
    const text = seed('003_fdb2e5dd79f7ab48.txt')
      .split('\n')
      .map((l) => (/^[一二三四五][ 、]/.test(l) ? `## ${l}` : l))
      .join('\n\n');
    const findings = await run(text, {}, 'draft.md');
    expect(at(findings)).toEqual(['37:5 spaceInside  ']);
    expect(applyFixes(text, findings)).toContain('## 四、2024年法治建设不足整改情况');
  });
});

describe('heading-sequence: lists that begin where the parser sees no heading', () => {
  it('附件：1.《甲方案》 then 2.《乙方案》 is one list', async () => {
    const text = '一、总体情况\n全年完成各项任务。\n附件：1.《甲方案》\n2.《乙方案》\n3.《丙方案》\n';
    expect(await runRule(rule, text)).toEqual([]);
  });

  it('an ordinal before a year is an ordinal: 1.2025年3月底前完成', async () => {
    const text = '一、工作安排\n1.2025年3月底前完成制度修订。\n2.第一季度完成人员培训。\n3.年底前完成评估。\n';
    expect(await runRule(rule, text)).toEqual([]);
    const gap = await runRule(rule, '一、工作安排\n1.2025年3月底前完成。\n3.年底前完成评估。\n');
    expect(gap.map((f) => [f.line, f.messageId])).toEqual([[3, 'gap']]);
  });
});

describe('heading-sequence: an ordinal before a number', () => {
  // an annex of terms in a 政府工作报告: 「7.4E级」 is item 7 (the term 4E级), not the decimal 7.4
  const TERMS = lines(
    '今年是“十四五”规划收官之年，我们将扎实做好各项工作。',
    '附件',
    '名词解释',
    '1.新基建：指以5G、人工智能、工业互联网为代表的新型基础设施建设。',
    '2.“放管服”：简政放权、放管结合、优化服务的简称。',
    '3.4E级：机场飞行区等级指标之一，可起降大型宽体客机。',
    '4. 3条绿道主线：滨海绿道、环城绿道和山林绿道。',
    '5.“两不愁三保障”：不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障。',
    '6. 90%以上的社区建成党群服务中心：即社区党群服务中心覆盖率达到90%以上。',
    '7.一网通办：政务服务事项网上办理、一次办成。',
  );

  it('reads the item that continues the list as an ordinal, not as a decimal', async () => {
    const findings = await run(TERMS);
    // 4. and 6. before a number keep their space (removing it would write 「4.3条」): nothing to report
    expect(at(findings)).toEqual([]);
  });

  it('still reports a gap where the numbered line does not continue the list', async () => {
    // 「3.5万户」 is a figure in item 2's paragraph: the next item is 3., not 4.
    const text = lines(
      '一、民生保障',
      '1.稳定就业。全年城镇新增就业2.1万人。',
      '2.改善居住条件。完成老旧小区改造56个。',
      '3.5万户家庭直接受益，群众满意度明显提升。',
      '3.提升教育质量。新增公办学位8000个。',
      '5.加强社会保障。',
    );
    const findings = await run(text);
    expect(at(findings)).toEqual(['6:1 gap 5.']);
  });

  it('keeps a decimal at the start of a paragraph a decimal without a list around it', async () => {
    const text = lines('一、经济运行', '8.3%的增速高于全省平均水平。', '全年地区生产总值增长8.3%。', '二、社会事业', '1.教育。', '2.卫生。');
    expect(await run(text)).toEqual([]);
  });

  it('a space after an ordinal before a year is not reported, and never removed', async () => {
    const text = lines('今年重点抓好以下工作。', '附件：', '1. 2024年区政府工作报告名词解释', '2. 2023年区政府民生实事完成情况', '3. 2024年区政府民生实事计划');
    expect(await run(text)).toEqual([]);
  });
});

describe('heading-sequence: a house habit and the odd one out', () => {
  const SPACED = lines(
    '现将2024年民生实事安排报告如下：',
    '附件2',
    '2024年区政府民生实事',
    '1. 新建改扩建中小学5所，新增学位8000个。',
    '2. 新增普惠性幼儿园10所。',
    '3. 完成老旧小区改造30个。',
    '4 . 新建社区公园和街心公园6个。',
    '5. 完成150公里污水管网建设。',
  );

  it('a space after every ordinal of a list is one warning for the file, with one fix for all', async () => {
    const findings = await run(SPACED);
    expect(at(findings)).toEqual(['4:1 spaceAfterHabit 1. ', '7:2 spaceInside  ']);
    const habit = findings.find((f) => f.messageId === 'spaceAfterHabit')!;
    expect(habit.level).toBe('warn');
    expect(habit.message).toBe('全文有5处序号与标题文字之间加了空格（此处为第一处「1.」），GB/T 9704 的序号后不空格；修复将一并删去');
    // the other four spaced ordinals, each with its space
    expect(habit.related!.map((r) => SPACED.slice(r.offset, r.endOffset))).toEqual(['2. ', '3. ', '4 . ', '5. ']);
    // the space inside 「4 .」 has its own fix, applied in a second round (the two overlap)
    expect(await fixAll(SPACED)).toBe(SPACED.replace(/^(\d) ?\. /gm, '$1.'));
  });

  it('one item with a space among items without is reported on its own', async () => {
    const text = lines('一、主要做法', '1.完善制度。', '2. 规范执法。', '3.加强监督。', '4.强化保障。');
    const findings = await run(text);
    expect(at(findings)).toEqual(['3:3 spaceAfter  ']);
    expect(findings[0]!.level).toBeUndefined();
  });

  it('an item whose point differs from both neighbours is reported, fixed only where no number follows', async () => {
    const text = lines('一、主要做法', '1.完善制度。', '2．规范执法。', '3.加强监督。', '二、下一步安排', '1. 2025年一季度完成清单修订。', '2．2025年二季度完成培训。', '3. 2025年底前完成评估。');
    const findings = await run(text);
    expect(at(findings)).toEqual(['3:1 oddForm 2．', '7:1 oddForm 2．']);
    expect(findings[0]!.message).toBe('序号「2．」的写法与同一列表前后的序号不一致，应为「2.」');
    expect(findings.find((f) => f.line === 7)!.fix).toBeUndefined();
    expect(applyFixes(text, findings)).toContain('\n2.规范执法。\n');
  });

  it('brackets that differ from the neighbours are the odd one out too', async () => {
    const text = lines('一、主要做法', '（一）完善制度。', '(二)规范执法。', '（三）加强监督。');
    const findings = await run(text);
    expect(at(findings)).toEqual(['3:1 oddForm (二)']);
    expect(applyFixes(text, findings)).toContain('\n（二）规范执法。\n');
  });

  it('in a list that alternates, only the rarer form is the odd one', async () => {
    const text = lines('一、主要做法', '1.完善制度。', '2．规范执法。', '3.加强监督。', '4．强化保障。', '5.狠抓落实。');
    expect(at(await run(text))).toEqual(['3:1 oddForm 2．', '5:1 oddForm 4．']);
  });

  it('a list that is consistent in either form says nothing', async () => {
    expect(await run(lines('一、主要做法', '1．完善制度。', '2．规范执法。', '3．加强监督。', '二、存在问题', '1.执法力量不足。', '2.信息化水平不高。'))).toEqual([]);
    // two spaced headings are two slips, not yet a habit
    expect(at(await run(lines('前言。', '一、 总体情况', '二、 主要做法')))).toEqual(['2:3 spaceAfter  ', '3:3 spaceAfter  ']);
  });
});

describe('heading-sequence: a speech that turns to its next part', () => {
  it('a second (一) list after 「各位代表！」 starts again', async () => {
    const text = lines(
      '各位代表：',
      '一、“十三五”主要成绩和2020年工作回顾',
      '（一）经济实力迈上新台阶。五年来，全区生产总值年均增长7.5%。',
      '（二）城市品质明显提升。',
      '各位代表！刚刚过去的2020年，是极不平凡的一年。这一年，我们统筹疫情防控和经济社会发展，各项工作取得新成效。',
      '（一）全力以赴抗击疫情。',
      '（二）千方百计稳住经济。',
      '二、2021年工作安排',
    );
    expect(await run(text)).toEqual([]);
  });

  it('a repeated (一) without such a turn is still a repeat', async () => {
    const text = lines(
      '一、2020年工作回顾',
      '（一）经济实力迈上新台阶。',
      '（二）城市品质明显提升。全年新建公园12个。',
      '（一）全力以赴抗击疫情。',
    );
    expect(at(await run(text))).toEqual(['4:1 repeat （一）']);
  });
});

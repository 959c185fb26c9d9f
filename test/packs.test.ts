import fc from 'fast-check';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/engine/config.js';
import { getValidators } from '../src/config/validators.js';
import { ConfigError } from '../src/errors.js';
import { lintText } from '../src/index.js';
import { requiredLiterals } from '../src/packs/literals.js';
import { loadPackFile } from '../src/packs/load.js';
import type { Pack } from '../src/packs/types.js';
import { allRules } from '../src/rules/index.js';
import { cli, ROOT, tempDir } from './cli-helpers.js';

/** A config in a temp dir that extends only the given pack, so other rules stay quiet. */
function setup(pack: unknown, extra: Record<string, unknown> = {}): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'pack.json'), JSON.stringify(pack));
  writeFileSync(path.join(dir, '.reportlintrc.json'), JSON.stringify({ extends: ['./pack.json'], ...extra }));
  return dir;
}

function pack(checks: unknown[], more: Record<string, unknown> = {}) {
  return { id: 'our-office', description: '本单位用语', rules: [{ id: 'office-style', description: '本单位用语规范', severity: 'warn', checks }], ...more };
}

async function lint(dir: string, text: string, name = 'draft.txt') {
  const filename = path.join(dir, name);
  const result = await lintText(text, { filename, config: await loadConfig({ forFile: filename, cwd: dir }) });
  return result.messages.map((m) => ({ ruleId: m.ruleId, line: m.line, column: m.column, severity: m.severity, message: m.message, fix: m.fix, text: text.slice(m.offset, m.endOffset) }));
}

async function packError(p: unknown): Promise<ConfigError> {
  const dir = setup(p);
  try {
    await loadConfig({ forFile: path.join(dir, 'a.txt'), cwd: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('shipped packs', () => {
  // a run trusts the shipped packs' patterns (native RegExp, see compilePattern); packs-hostile.test.ts proves them linear
  it('every pack in rules/ validates and compiles', async () => {
    const { pack: validate } = await getValidators(allRules);
    const files = readdirSync(path.join(ROOT, 'rules')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const loaded = loadPackFile(path.join(ROOT, 'rules', f), f, validate, true);
      expect(loaded.rules.length, f).toBeGreaterThan(0);
    }
  });
});

describe('pattern prefilter: the literals every match contains', () => {
  it('reads the most selective required text, or none', () => {
    expect(requiredLiterals('法治审核')).toEqual(['法治审核']);
    expect(requiredLiterals('习近平(?:总书记|主席)?为核心的党中央')).toEqual(['为核心的党中央']);
    expect(requiredLiterals('(^|[^学练])习(总书记|主席)')).toEqual(['习总书记', '习主席']);
    expect(requiredLiterals('做出((?:了|过)?[^，。]{0,8}?(?:决定|贡献))')).toEqual(['做出']);
    expect(requiredLiterals('执法全程记录(制度)')).toEqual(['执法全程记录制度']);
    expect(requiredLiterals('广西省(?!级)')).toEqual(['广西省']);
    expect(requiredLiterals('(?:尊法|学法){4}')).toEqual(['尊法', '学法']);
    expect(requiredLiterals('一是|二是')).toEqual(['一是', '二是']);
    expect(requiredLiterals('ab+c')).toEqual(['ab']);
    expect(requiredLiterals('(?<=现将)年度')).toEqual(['年度']);
    expect(requiredLiterals('\\d+年')).toEqual(['年']);
    expect(requiredLiterals('\\u4e00\\u4e8c年度')).toEqual(['年度']);
    // a single character joins the fixed strings next to it; longer parts stay apart
    expect(requiredLiterals('(做|干|落实)的([^，。]{0,4})')).toEqual(['做的', '干的', '落实的']);
    expect(requiredLiterals('即(要|是)')).toEqual(['即要', '即是']);
    expect(requiredLiterals('(工作|统筹)按排')).toEqual(['按排']);
    expect(requiredLiterals('(?:党的)?十八大(?:精神|以来)')).toEqual(['十八大']);
    expect(requiredLiterals('会议(精神)')).toEqual(['会议精神']);
    // a class of a few characters is one of them; other classes require nothing
    expect(requiredLiterals('[<＜](?<=《.{0,9})')).toEqual(['<', '＜']);
    expect(requiredLiterals('[，,]即')).toEqual(['，即', ',即']);
    expect(requiredLiterals('[^<]x?')).toBeNull();
    expect(requiredLiterals('[a-c]x?')).toBeNull();
    // nothing pins these down: they run on every block
    for (const source of ['a?b*', '[甲乙]?', '(?=法治)\\S+', '一是|\\d', '(?:甲乙)?', '\\p{Script=Han}{2}']) {
      expect(requiredLiterals(source), source).toBeNull();
    }
  });

  it('every match of a generated pattern contains one of its literals', () => {
    // patterns of a few characters, groups of alternatives, quantifiers and classes, run on
    // texts of the same characters: a literal that a match may lack would be found
    const char = fc.constantFrom('的', '做', '干', '法', '治', '、', 'a');
    const pattern: fc.Arbitrary<string> = fc.letrec<{ part: string; seq: string }>((tie) => ({
      part: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        char,
        char.map((c) => `${c}?`),
        char.map((c) => `${c}+`),
        fc.constant('[的法]'),
        fc.constant('[的、]?'),
        fc.constant('[^的]'),
        fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).map((branches) => `(?:${branches.join('|')})`),
        fc.array(tie('seq'), { minLength: 1, maxLength: 3 }).map((branches) => `(${branches.join('|')})?`),
        tie('seq').map((inner) => `(?:${inner}){2}`),
      ),
      seq: fc.array(tie('part'), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
    })).seq;
    fc.assert(fc.property(pattern, fc.array(char, { maxLength: 40 }), (source, chars) => {
      const literals = requiredLiterals(source);
      if (!literals) return;
      for (const m of chars.join('').matchAll(new RegExp(source, 'gu'))) {
        if (m[0] === '') continue;
        expect(literals.some((l) => m[0].includes(l)), `${source} on ${m[0]}: ${literals.join(' ')}`).toBe(true);
      }
    }), { numRuns: 2000 });
  });

  it('every match of a shipped pattern in the test corpus contains one of its literals', () => {
    const sources: string[] = [];
    for (const f of readdirSync(path.join(ROOT, 'rules')).filter((name) => name.endsWith('.json'))) {
      const p = JSON.parse(readFileSync(path.join(ROOT, 'rules', f), 'utf8')) as Pack;
      for (const c of p.rules.flatMap((r) => r.checks)) {
        if (c.type === 'forbid') sources.push(...c.patterns);
        if (c.type === 'prefer') sources.push(...c.replace.map((e) => e.wrong));
        if (c.type === 'count') sources.push(c.pattern);
        if (c.type === 'consistent') sources.push(...c.forms);
        if (c.type === 'requires') sources.push(c.if, c.then);
      }
    }
    const corpus = readdirSync(path.join(ROOT, 'test/corpus'))
      .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
      .map((f) => readFileSync(path.join(ROOT, 'test/corpus', f), 'utf8'))
      .join('\n');
    let matches = 0;
    for (const source of sources) {
      const literals = requiredLiterals(source);
      if (!literals) continue;
      for (const m of corpus.matchAll(new RegExp(source, 'gu'))) {
        matches++;
        expect(literals.some((l) => m[0].includes(l)), `${source} on ${m[0]}`).toBe(true);
      }
    }
    expect(matches).toBeGreaterThan(10);
  });

  it('patterns with and without literals, lookarounds and sentence scope in one rule', async () => {
    const dir = setup(pack([
      { type: 'forbid', patterns: ['(?:尊法|学法){2}', '然后(乙方)', '[甲乙]方'], message: '「{{match}}」' },
      { type: 'forbid', patterns: ['^另外'], scope: 'sentence', message: '句首「{{match}}」' },
    ]));
    const found = await lint(dir, '学法尊法。另外，甲方同意，然后乙方签字。\n不必另外说明。\n');
    expect(found.map((f) => [f.line, f.column, f.text])).toEqual([
      [1, 1, '学法尊法'],
      [1, 6, '另外'],
      [1, 9, '甲方'],
      [1, 14, '然后乙方'],
      [1, 16, '乙方'],
    ]);
  });
});

describe('check types', () => {
  it('forbid reports every match', async () => {
    const dir = setup(pack([{ type: 'forbid', patterns: ['领导高度重视'], message: '套话「{{match}}」' }]));
    expect(await lint(dir, '一、总体情况\n领导高度重视，多次听取汇报。\n')).toEqual([
      expect.objectContaining({ ruleId: 'office-style', line: 2, column: 1, severity: 1, message: '套话「领导高度重视」', text: '领导高度重视' }),
    ]);
  });

  it('prefer substitutes with a fix, honours `unless` and $1 groups', async () => {
    const dir = setup(pack([{
      type: 'prefer',
      message: { zh: '「{{match}}」应为「{{right}}」', en: 'use {{right}}' },
      replace: [
        { wrong: '截止', right: '截至', unless: '截止(日期|时间)' },
        { wrong: '习近平法制(思想)', right: '习近平法治$1' },
        { wrong: '做出(贡献)', right: '作出$1' },
      ],
    }]));
    const text = '截止目前，申报截止日期未变。深入学习习近平法制思想。做出贡献。\n';
    const found = await lint(dir, text);
    expect(found.map((f) => [f.text, f.message, f.fix?.text])).toEqual([
      ['截止', '「截止」应为「截至」', '截至'],
      ['习近平法制思想', '「习近平法制思想」应为「习近平法治思想」', '习近平法治思想'],
      ['做出贡献', '「做出贡献」应为「作出贡献」', '作出贡献'],
    ]);
  });

  it('count checks min and max per scope unit', async () => {
    const dir = setup(pack([
      { type: 'count', pattern: '一是', max: 1, scope: 'paragraph', message: '一个段落中「一是」出现{{count}}次' },
      { type: 'count', pattern: '特此报告', min: 1, message: '缺少「特此报告」' },
    ]));
    const found = await lint(dir, '一是加强领导；一是健全制度。\n二是完善机制。\n');
    expect(found.map((f) => [f.line, f.column, f.message])).toEqual([
      [1, 1, '缺少「特此报告」'],
      [1, 8, '一个段落中「一是」出现2次'],
    ]);
  });

  it('consistent reports the less frequent form', async () => {
    const dir = setup(pack([{ type: 'consistent', forms: ['其他', '其它'], message: '「{{match}}」与「{{other}}」混用' }]));
    const found = await lint(dir, '其他事项。\n其它事项。\n其他情况。\n');
    expect(found.map((f) => [f.line, f.message])).toEqual([[2, '「其它」与「其他」混用']]);
  });

  it('requires: where `if` matches, `then` must too, in the same unit', async () => {
    const dir = setup(pack([{ type: 'requires', if: '三项制度', then: '法制审核', scope: 'paragraph', message: '提到「{{match}}」时应写明重大执法决定法制审核' }]));
    const found = await lint(dir, '落实行政执法三项制度。\n落实三项制度，严格法制审核。\n');
    expect(found.map((f) => [f.line, f.text])).toEqual([[1, '三项制度']]);
  });

  it('scope by section heading and `when` over facts', async () => {
    const dir = setup(pack([
      { type: 'forbid', patterns: ['明年'], scope: { section: { heading: '成效' } }, message: '成效部分不应写「明年」' },
      { type: 'forbid', patterns: ['今年'], when: { '==': [{ var: 'format' }, 'markdown'] }, message: 'Markdown 中不写「今年」' },
    ]));
    const text = '一、主要举措和成效\n明年继续。今年完成。\n二、工作安排\n明年继续。\n';
    expect((await lint(dir, text)).map((f) => [f.line, f.text])).toEqual([[2, '明年']]);
    expect((await lint(dir, text, 'draft.md')).map((f) => [f.line, f.text])).toEqual([[2, '明年'], [2, '今年']]);
  });

  it('sections: missing parts, with the closest heading; contains; optional parts', async () => {
    const dir = setup(pack([{
      type: 'sections',
      parts: [
        { id: 'summary', name: '工作总结', headings: ['工作总结'] },
        { id: 'plan', name: '下一步工作计划', headings: ['下一步'], contains: [{ patterns: ['\\d{4}年'], message: '「{{part}}」应写明年份', level: 'warn' }] },
        { id: 'other', name: '其他事项', headings: ['其他事项'], optional: true },
      ],
    }], { }));
    const found = await lint(dir, '一、工作开展总结\n正文。\n二、下一步打算\n继续努力。\n');
    expect(found.map((f) => [f.line, f.column, f.severity, f.message])).toEqual([
      [1, 1, 1, '缺少「工作总结」部分（最接近的标题是「工作开展总结」，如是该部分，请在标题中写明）'],
      [3, 1, 1, '「下一步工作计划」应写明年份'],
    ]);
  });

  it('a pack for another report type stays silent', async () => {
    const dir = setup(pack([{ type: 'forbid', patterns: ['今年'], message: 'x' }], { reportType: 'audit-report' }));
    expect(await lint(dir, '一、总体情况\n今年完成。\n')).toEqual([]);
  });
});

describe('exceptions (`unless`) and periods of validity (`valid`)', () => {
  it('`unless` skips a match that an exception overlaps, before or after it, on every check type', async () => {
    const dir = setup(pack([
      { type: 'prefer', message: '「{{match}}」应为「{{right}}」', replace: [{ wrong: '全方面', right: '全方位', unless: ['[安健完齐]全方面'] }] },
      { type: 'forbid', patterns: ['领导高度重视', { pattern: '高度重视', unless: '高度重视程度' }], unless: '党委领导高度重视', message: '套话「{{match}}」' },
      { type: 'count', pattern: '一是', max: 1, unless: '统一是', scope: 'paragraph', message: '「一是」{{count}}次' },
    ]));
    const text = '一、总体情况\n食品药品安全方面，推进全过程、全方面监管，健全方面机制。\n党委领导高度重视，提高高度重视程度，区领导高度重视。\n一是统一是非标准；二是完善机制。\n';
    expect((await lint(dir, text)).map((f) => [f.line, f.text, f.fix?.text])).toEqual([
      [2, '全方面', '全方位'],
      [3, '领导高度重视', undefined],
      [3, '高度重视', undefined],
    ]);
  });

  it('consistent with `preferred`: every occurrence of the other form, with a fix, however frequent', async () => {
    const dir = setup(pack([{ type: 'consistent', forms: ['混合所有制改革', '混合制改革'], preferred: 0, message: '「{{match}}」应为「{{other}}」' }]));
    const text = '推进混合制改革，混合制改革取得进展。\n深化国有企业混合所有制改革。\n';
    const found = await lint(dir, text);
    expect(found.map((f) => [f.line, f.text, f.fix?.text])).toEqual([[1, '混合制改革', '混合所有制改革'], [1, '混合制改革', '混合所有制改革']]);
    expect(await lint(dir, '推进混合制改革。\n')).toEqual([]);
  });

  const dated = pack([{
    type: 'prefer',
    message: '「{{match}}」应为「{{right}}」',
    replace: [
      { wrong: '以习近平同志为总书记的党中央', right: '以习近平同志为核心的党中央', valid: { from: '2016-10-27' } },
      { wrong: '其它', right: '其他' },
    ],
  }, { type: 'forbid', patterns: ['二十届四中全会精神'], valid: { until: '2025-10-19' }, message: '会议尚未召开' }]);
  const body = '紧密团结在以习近平同志为总书记的党中央周围，学习二十届四中全会精神，其它事项另报。';

  it('`valid`: against the signature date when there is one', async () => {
    const dir = setup(dated);
    const texts = (sig: string) => `某局工作报告\n一、总体情况\n${body}\n\n某局\n${sig}\n`;
    expect((await lint(dir, texts('2016年3月1日'))).map((f) => f.text)).toEqual(['二十届四中全会精神', '其它']);
    expect((await lint(dir, texts('2025年3月1日'))).map((f) => f.text)).toEqual(['以习近平同志为总书记的党中央', '二十届四中全会精神', '其它']);
    expect((await lint(dir, texts('2025年12月1日'))).map((f) => f.text)).toEqual(['以习近平同志为总书记的党中央', '其它']);
  });

  it('`valid`: against the months around the report year; no finding when neither is known', async () => {
    const dir = setup(dated);
    const titled = (year: number) => `${year}年政府工作报告\n一、总体情况\n${body}\n`;
    // 2016: December 2015 to June 2017 straddles 2016-10-27
    expect((await lint(dir, titled(2016))).map((f) => f.text)).toEqual(['二十届四中全会精神', '其它']);
    expect((await lint(dir, titled(2017))).map((f) => f.text)).toEqual(['以习近平同志为总书记的党中央', '二十届四中全会精神', '其它']);
    // 2025: December 2024 to June 2026 straddles 2025-10-19
    expect((await lint(dir, titled(2025))).map((f) => f.text)).toEqual(['以习近平同志为总书记的党中央', '其它']);
    expect((await lint(dir, `一、总体情况\n${body}\n`)).map((f) => f.text)).toEqual(['其它']);
  });

  it('a period that is not a date, or ends before it starts, is a pack error', async () => {
    let e = await packError(pack([{ type: 'forbid', patterns: ['x'], message: 'x', valid: { from: '2016-13' } }]));
    expect(e.message).toMatch(/rules\[0\]\.checks\[0\]\.valid: "from": "2016-13" is not a date/);
    e = await packError(pack([{ type: 'prefer', replace: [{ wrong: 'x', right: 'y', valid: { from: '2021', until: '2020-12-31' } }], message: 'x' }]));
    expect(e.message).toMatch(/rules\[0\]\.checks\[0\]\.replace\[0\]\.valid: "from" \(2021\) is after "until" \(2020-12-31\)/);
    e = await packError(pack([{ type: 'forbid', patterns: [{ pattern: 'x', valid: { until: '2025-02-30' } }], message: 'x' }]));
    expect(e.message).toMatch(/rules\[0\]\.checks\[0\]\.patterns\[0\]\.valid: "until": "2025-02-30" is not a date/);
    e = await packError(pack([{ type: 'forbid', patterns: ['x'], message: 'x', valid: { from: '16-10-27' } }]));
    expect(e.message).toMatch(/rules\[0\]\.checks\[0\]\.valid\.from/);
    e = await packError(pack([{ type: 'forbid', patterns: ['x'], message: 'x', unless: ['(?=a)'] }]));
    expect(e.message).toMatch(/rules\[0\]\.checks\[0\]\.unless\[0\]: pattern .* uses lookahead/);
  });
});

describe('broken packs: the file and the JSON path, exit 2', () => {
  it('unknown check type', async () => {
    const e = await packError(pack([{ type: 'frobnicate', message: 'x' }]));
    expect(e.message).toMatch(/pack\.json: rules\[0\]\.checks\[0\]\.type: must be one of "forbid"/);
  });

  it('missing required field', async () => {
    const e = await packError(pack([{ type: 'forbid', message: 'x' }]));
    expect(e.message).toMatch(/rules\[0\]\.checks\[0\]: must have required property 'patterns'/);
  });

  it('bad json-logic', async () => {
    const e = await packError(pack([{ type: 'forbid', patterns: ['x'], message: 'x', when: { frobnicate: [1, 2] } }]));
    expect(e.message).toMatch(/rules\[0\]\.checks\[0\]\.when: bad json-logic condition: Unrecognized operation frobnicate/);
  });

  it('invalid regex', async () => {
    const e = await packError(pack([{ type: 'forbid', patterns: ['ok', '(unclosed'], message: 'x' }]));
    expect(e.message).toMatch(/rules\[0\]\.checks\[0\]\.patterns\[1\]: invalid regular expression/);
  });

  it('lookaround in a user pack (it runs on RE2)', async () => {
    const e = await packError(pack([{ type: 'prefer', replace: [{ wrong: '做出(?=贡献)', right: '作出' }], message: 'x' }]));
    expect(e.message).toMatch(/rules\[0\]\.checks\[0\]\.replace\[0\]\.wrong: pattern \/做出\(\?=贡献\)\/ uses lookahead/);
  });

  it('rule id already taken', async () => {
    const e = await packError({ ...pack([{ type: 'forbid', patterns: ['x'], message: 'x' }]), rules: [{ id: 'repeated-word', description: 'x', checks: [{ type: 'forbid', patterns: ['x'], message: 'x' }] }] });
    expect(e.message).toContain('rule id "repeated-word" is already taken');
  });

  it('unknown built-in pack name', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, '.reportlintrc.json'), JSON.stringify({ extends: ['reportlint:nope'] }));
    writeFileSync(path.join(dir, 'a.txt'), '一、总体情况\n正文。\n');
    const run = await cli(['a.txt'], { cwd: dir, env: { REPORTLINT_LOCALE: 'en' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\.reportlintrc\.json: extends\[0\]: unknown pack "reportlint:nope"/);
    expect((await cli(['a.txt'], { cwd: dir })).stderr).toMatch(/\.reportlintrc\.json: extends\[0\]: 未知规则包 "reportlint:nope"/);
  });

  it('through the CLI: exit 2 and one line', async () => {
    const dir = setup(pack([{ type: 'forbid', patterns: ['(x)\\1'], message: 'x' }]));
    writeFileSync(path.join(dir, 'a.txt'), '一、总体情况\n正文。\n');
    const run = await cli(['a.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^reportlint: pack\.json: rules\[0\]\.checks\[0\]\.patterns\[0\]: pattern/);
  });
});

describe('pack rules are configured like code rules', () => {
  it('severity from config, --rule, listed by --help', async () => {
    const dir = setup(pack([{ type: 'forbid', patterns: ['今年'], message: '写明年份' }]), { rules: { 'office-style': 'error' } });
    writeFileSync(path.join(dir, 'a.txt'), '一、总体情况\n今年完成。\n');
    const run = await cli(['--format', 'json', 'a.txt'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)[0].messages[0]).toMatchObject({ ruleId: 'office-style', severity: 2 });
    expect((await cli(['--rule', 'office-style:off', 'a.txt'], { cwd: dir })).status).toBe(0);
    expect((await cli(['--help'])).stdout).toContain('required-sections');
  });

  it('pack rules take no options', async () => {
    const dir = setup(pack([{ type: 'forbid', patterns: ['x'], message: 'x' }]), { rules: { 'office-style': ['warn', { level: 1 }] } });
    await expect(loadConfig({ forFile: path.join(dir, 'a.txt'), cwd: dir })).rejects.toThrow(/rules\.office-style\[1\]: rule "office-style" takes no options/);
  });
});

describe('relation checks over figures', () => {
  const relation = (extra: Record<string, unknown> = {}) => pack([{
    type: 'relation',
    figures: { trained: { label: '培训', unit: '^人次$' }, staff: { label: '执法人员', unit: '^(人|名)$' } },
    condition: { '<=': [{ var: 'trained' }, { '*': [{ var: 'staff' }, 10] }] },
    message: '培训{{trained}}人次，超过执法人员{{staff}}人的10倍',
    ...extra,
  }]);

  it('reports where the condition fails, at the first named figure, with the values', async () => {
    const dir = setup(relation());
    const found = await lint(dir, '一、主要举措\n全局有执法人员12人，全年组织执法人员培训150人次。\n另有执法人员30人，培训200人次。\n');
    expect(found.map((f) => [f.line, f.text, f.message])).toEqual([[2, '150人次', '培训150人次，超过执法人员12人的10倍']]);
  });

  it('stays silent where a named figure is missing from the unit', async () => {
    const dir = setup(relation());
    expect(await lint(dir, '一、主要举措\n全年组织培训150人次。\n')).toEqual([]);
  });

  it('a relation naming an unknown figure in `at`, or with bad json-logic, is a pack error', async () => {
    expect((await packError(relation({ at: 'nobody' }))).message).toMatch(/rules\[0\]\.checks\[0\]\.at: names no figure/);
    expect((await packError(relation({ condition: { nope: [] } }))).message).toMatch(/rules\[0\]\.checks\[0\]\.condition: bad json-logic/);
  });

  it('the shipped fazhi-annual-report relations: 出庭应诉 ≤ 行政诉讼案件, quoting the draft\'s own unit (宗, 件)', async () => {
    const dir = tempDir();
    const draft = (n: number) => `某区卫生健康局2025年法治政府建设年度报告\n一、2025年推进法治政府建设的主要举措和成效\n高效应对行政复议案件19宗,行政诉讼案件16宗,行政机关负责人出庭应诉${n}宗。\n`;
    writeFileSync(path.join(dir, 'bad.txt'), draft(18));
    writeFileSync(path.join(dir, 'good.txt'), draft(3));
    const run = await cli(['--format', 'json', '--rule', 'required-sections:off', 'bad.txt', 'good.txt'], { cwd: dir });
    const [bad, good] = JSON.parse(run.stdout);
    expect(bad.messages.filter((m: { ruleId: string }) => m.ruleId === 'figure-relations')).toEqual([
      expect.objectContaining({ line: 3, column: 36, message: '负责人出庭应诉18宗，多于行政诉讼案件16宗' }),
    ]);
    expect(good.messages.filter((m: { ruleId: string }) => m.ruleId === 'figure-relations')).toEqual([]);
    writeFileSync(path.join(dir, 'jian.txt'), draft(18).replace(/宗/g, '件'));
    const [jian] = JSON.parse((await cli(['--format', 'json', '--rule', 'required-sections:off', 'jian.txt'], { cwd: dir })).stdout);
    expect(jian.messages.filter((m: { ruleId: string }) => m.ruleId === 'figure-relations').map((m: { message: string }) => m.message))
      .toEqual(['负责人出庭应诉18件，多于行政诉讼案件16件']);
  });
});

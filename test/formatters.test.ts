import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';
import { github } from '../src/formatters/github.js';
import { html } from '../src/formatters/html.js';
import { json, jsonChunks } from '../src/formatters/json.js';
import { FORMAT_NAMES } from '../src/formatters/index.js';
import { junit } from '../src/formatters/junit.js';
import { repositoryWebUrl, sarif } from '../src/formatters/sarif.js';
import type { FormatContext } from '../src/formatters/types.js';
import type { LintMessage, LintResult } from '../src/engine/lint.js';
import { summarize } from '../src/engine/lint.js';
import { LineIndex } from '../src/document/position.js';
import type { RuleMeta } from '../src/rule.js';
import { cli, ROOT, tempDir } from './cli-helpers.js';

const DOUBLED = '一、总体情况\n我局持续提升提升依法行政水平。\n';
const GAP = '一、甲\n三、乙\n';

// --- fixtures for calling the formatters directly ----------------------------------------

const CWD = path.join(path.sep, 'work', 'drafts');

function meta(id: string, defaultSeverity: RuleMeta['defaultSeverity'], fixable = false): RuleMeta {
  return {
    id,
    description: { zh: `${id} 的说明`, en: `what ${id} checks` },
    type: 'problem',
    defaultSeverity,
    fixable,
    schema: {},
    defaultOptions: {},
    messages: {},
    tags: ['test'],
  };
}

const RULES_META: Record<string, RuleMeta> = {
  'repeated-word': meta('repeated-word', 'error', true),
  'heading-sequence': meta('heading-sequence', 'error'),
  'stray-space': meta('stray-space', 'warn'),
  'off-rule': meta('off-rule', 'off'),
};

/** A message on text[start, end), with line/column the way the engine computes them. */
function finding(text: string, start: number, end: number, ruleId: string, severity: 1 | 2, message: string, fix?: LintMessage['fix']): LintMessage {
  const index = new LineIndex(text);
  const a = index.pointAt(start);
  const b = index.pointAt(end);
  return { ruleId, messageId: 'm', severity, message, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: start, endOffset: end, ...(fix ? { fix } : {}) };
}

/** A draft with CRLF line ends, a character outside the BMP, HTML/XML specials and a fix. */
const TRICKY = '一、总体情况\r\n我局𠮷持续提升提升依法<行政>&"水平"。\r\n';
const AT = TRICKY.indexOf('提升提升');
const TRICKY_FILE = path.join(CWD, '草稿 2024', '报告.txt');
const TRICKY_MESSAGES = [
  finding(TRICKY, AT, AT + 4, 'repeated-word', 2, '重复词语「提升提升」：「提升」连写了两次', { range: [AT + 2, AT + 4], text: '' }),
  finding(TRICKY, TRICKY.indexOf('<'), TRICKY.indexOf('>') + 1, 'stray-space', 1, 'a <b> & "c", d: 100%\nsecond line'),
  finding(TRICKY, TRICKY.indexOf('。'), TRICKY.indexOf('。'), 'stray-space', 1, 'zero-length'),
];
const CLEAN_FILE = path.join(CWD, 'clean.md');

function trickyResults(): LintResult[] {
  return [summarize(TRICKY_FILE, TRICKY_MESSAGES), summarize(CLEAN_FILE, [])];
}

function context(overrides: Partial<FormatContext> = {}): FormatContext {
  return { color: false, locale: 'zh', cwd: CWD, rulesMeta: RULES_META, sources: { [TRICKY_FILE]: TRICKY, [CLEAN_FILE]: '一、甲\n' }, ...overrides };
}

// --- json: written in pieces, the same bytes as one JSON.stringify ---------------------------

/** The report as one JSON.stringify of ESLint's shape: what json() and jsonChunks() must equal byte for byte. */
function stringifiedWhole(results: LintResult[]): string {
  return JSON.stringify(results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId, messageId: m.messageId, severity: m.severity, message: m.message,
      line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn,
      ...(m.fix ? { fix: m.fix } : {}),
      ...(m.related ? { related: m.related.map((p) => ({ line: p.line, column: p.column, endLine: p.endLine, endColumn: p.endColumn })) } : {}),
    })),
    errorCount: r.errorCount, warningCount: r.warningCount, fixableErrorCount: r.fixableErrorCount, fixableWarningCount: r.fixableWarningCount,
  }))) + '\n';
}

describe('json', () => {
  it('the pieces join to the whole report, a long fix text cut without splitting a surrogate pair', () => {
    // 𠮷 (a surrogate pair) straddles every 65,536th position; a lone surrogate, quotes, control characters and CRLF too
    const unit = 'ab"\\\n\r\u0001，𠮷' + '\ud800' + 'x'.repeat(65_536 - 14);
    const long = ('甲' + unit.repeat(5)).slice(0, 65_536 * 5 - 3) + '𠮷';
    const big = finding(TRICKY, AT, AT + 4, 'repeated-word', 2, '全文有3处「,」', { range: [AT, AT + 4], text: long });
    const related = { ...TRICKY_MESSAGES[1]!, related: [{ line: 1, column: 2, endLine: 1, endColumn: 3, offset: 1, endOffset: 2 }] } as LintMessage;
    const results = [summarize(TRICKY_FILE, [big, related, ...TRICKY_MESSAGES]), summarize(CLEAN_FILE, [])];
    const pieces = [...jsonChunks(results)];
    expect(pieces.every((p) => p.length <= 65_536 * 2)).toBe(true);
    expect(pieces.join('')).toBe(stringifiedWhole(results));
    expect(json(results, context())).toBe(stringifiedWhole(results));
    for (let cut = 65_530; cut < 65_540; cut++) {
      const text = 'x'.repeat(cut) + '𠮷'.repeat(4) + 'y'.repeat(65_536);
      const one = [summarize(TRICKY_FILE, [finding(TRICKY, AT, AT + 4, 'repeated-word', 2, 'm', { range: [0, 1], text })])];
      expect([...jsonChunks(one)].join('')).toBe(stringifiedWhole(one));
    }
    expect(json([], context())).toBe('[]\n');
  });
});

// --- SARIF schema -------------------------------------------------------------------------

/**
 * The SARIF 2.1.0 schema vendored byte for byte from the npm package @microsoft/jest-sarif
 * (lib/schemas/sarif-2.1.0-rtm.5.json, Microsoft's published 2.1.0 schema). It is draft-04; ajv 8
 * has no draft-04 mode, but the schema uses no keyword whose meaning changed after draft-04
 * other than `id`, so it is checked as draft-07 with `id` read as `$id`. Its `language` pattern
 * is not valid with the `u` flag, so patterns are compiled without it (as draft-04 intends).
 */
function sarifValidator() {
  const raw = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'vendor', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  expect(raw['$schema']).toBe('http://json-schema.org/draft-04/schema#');
  const { id, $schema: _draft04, ...rest } = raw as { id: string; $schema: string };
  const ajv = new Ajv({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  // RFC 3986: only unreserved, reserved and %XX; a scheme for an absolute URI
  const uriReference = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
  ajv.addFormat('uri-reference', uriReference);
  ajv.addFormat('uri', (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && uriReference.test(s));
  ajv.addFormat('date-time', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)$/i);
  return ajv.compile({ ...rest, $schema: 'http://json-schema.org/draft-07/schema#', $id: id });
}
const validateSarif = sarifValidator();

function expectValidSarif(log: unknown): void {
  const ok = validateSarif(log);
  expect(ok ? [] : validateSarif.errors!.map((e: { instancePath: string; message?: string; params: unknown }) => `${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`)).toEqual([]);
}

interface SarifLog {
  runs: Array<{
    columnKind: string;
    tool: { driver: { name: string; version: string; informationUri?: string; rules: Array<Record<string, any>> } };
    results: Array<Record<string, any>>;
  }>;
}

// --- unit tests: the formatters called directly --------------------------------------------

describe('sarif (formatter)', () => {
  const log = JSON.parse(sarif(trickyResults(), context())) as SarifLog;
  const run = log.runs[0]!;

  it('is valid SARIF 2.1.0, and the validator does reject broken logs', () => {
    expectValidSarif(log);
    const broken = structuredClone(log);
    broken.runs[0]!.results[0]!['level'] = 'fatal';
    broken.runs[0]!.columnKind = 'bytes';
    expect(validateSarif(broken)).toBe(false);
    expect(validateSarif.errors!.map((e: { instancePath: string }) => e.instancePath).sort()).toEqual(['/runs/0/columnKind', '/runs/0/results/0/level']);
  });

  it('describes every rule, in the context locale, with doc page and default level', () => {
    expect(run.tool.driver.name).toBe('reportlint');
    expect(run.tool.driver.version).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    expect(run.tool.driver.rules.map((r) => r['id'])).toEqual(Object.keys(RULES_META));
    const [repeated, , stray, off] = run.tool.driver.rules;
    expect(repeated!['shortDescription']).toEqual({ text: 'repeated-word 的说明' });
    expect(repeated!['help'].text).toContain('docs/rules/repeated-word.md');
    expect(repeated!['defaultConfiguration']).toEqual({ level: 'error' });
    expect(stray!['defaultConfiguration']).toEqual({ level: 'warning' });
    expect(off!['defaultConfiguration']).toEqual({ enabled: false, level: 'note' });
    const en = JSON.parse(sarif(trickyResults(), context({ locale: 'en' }))) as SarifLog;
    expect(en.runs[0]!.tool.driver.rules[0]!['shortDescription']).toEqual({ text: 'what repeated-word checks' });
  });

  it('results: rule, level, message, region in code points, uri relative to %SRCROOT% and encoded', () => {
    expect(run.columnKind).toBe('unicodeCodePoints');
    expect(run.results).toHaveLength(3);
    const [doubled, stray] = run.results;
    expect(doubled!['ruleId']).toBe('repeated-word');
    expect(doubled!['ruleIndex']).toBe(0);
    expect(doubled!['level']).toBe('error');
    expect(stray!['level']).toBe('warning');
    expect(stray!['message']).toEqual({ text: 'a <b> & "c", d: 100%\nsecond line' });
    const location = doubled!['locations'][0].physicalLocation;
    // 𠮷 is two UTF-16 units but one column
    expect(location.region).toEqual({ startLine: 2, startColumn: 6, endLine: 2, endColumn: 10 });
    expect(location.artifactLocation).toEqual({ uri: `${encodeURIComponent('草稿 2024')}/${encodeURIComponent('报告.txt')}`, uriBaseId: '%SRCROOT%' });
  });

  it('fixes: deletedRegion in code points (fix.range is UTF-16), only where the text is known', () => {
    const fix = run.results[0]!['fixes'][0];
    const change = fix.artifactChanges[0];
    const [start, end] = TRICKY_MESSAGES[0]!.fix!.range;
    expect(change.replacements).toEqual([{ deletedRegion: { charOffset: [...TRICKY.slice(0, start)].length, charLength: 2 }, insertedContent: { text: '' } }]);
    expect(change.replacements[0].deletedRegion.charOffset).toBe(start - 1);
    expect(TRICKY.slice(start, end)).toBe('提升');
    expect(run.results[1]!['fixes']).toBeUndefined();
    const noSources = JSON.parse(sarif(trickyResults(), context({ sources: undefined }))) as SarifLog;
    expect(noSources.runs[0]!.results[0]!['fixes']).toBeUndefined();
    expectValidSarif(noSources);
  });

  it('a summary finding\'s other places are relatedLocations, and the log stays valid', () => {
    const text = '甲,乙,丙,丁。\n';
    const related = [3, 5].map((o) => ({ line: 1, column: o + 1, endLine: 1, endColumn: o + 2, offset: o, endOffset: o + 1 }));
    const message = { ...finding(text, 1, 2, 'stray-space', 2, '全文有3处'), related };
    const out = JSON.parse(sarif([summarize(TRICKY_FILE, [message])], context())) as SarifLog;
    expectValidSarif(out);
    const result = out.runs[0]!.results[0]!;
    expect(result['relatedLocations']).toEqual(related.map((r, id) => ({
      id,
      physicalLocation: { artifactLocation: result['locations'][0].physicalLocation.artifactLocation, region: { startLine: 1, startColumn: r.column, endLine: 1, endColumn: r.endColumn } },
    })));
    expect(run.results.every((r) => r['relatedLocations'] === undefined)).toBe(true);
  });

  it('a file outside cwd gets a file: URI; an unknown rule id still gets a descriptor', () => {
    const outside = path.join(path.sep, 'elsewhere', 'a b.txt');
    const m = finding('x', 0, 1, 'pack-rule', 1, 'from a pack');
    const out = JSON.parse(sarif([summarize(outside, [m])], context())) as SarifLog;
    expectValidSarif(out);
    expect(out.runs[0]!.results[0]!['locations'][0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/a%20b.txt' });
    expect(out.runs[0]!.tool.driver.rules.at(-1)!['id']).toBe('pack-rule');
    expect(out.runs[0]!.results[0]!['ruleIndex']).toBe(Object.keys(RULES_META).length);
  });

  it('repository urls become web addresses for helpUri', () => {
    expect(repositoryWebUrl(undefined)).toBeUndefined();
    expect(repositoryWebUrl('reportlint/reportlint')).toBe('https://github.com/reportlint/reportlint');
    expect(repositoryWebUrl('github:reportlint/reportlint')).toBe('https://github.com/reportlint/reportlint');
    expect(repositoryWebUrl({ url: 'git+https://github.com/reportlint/reportlint.git' })).toBe('https://github.com/reportlint/reportlint');
    expect(repositoryWebUrl('git@gitlab.com:gov/reportlint.git')).toBe('https://gitlab.com/gov/reportlint');
    expect(repositoryWebUrl('ssh://git@example.org/gov/reportlint.git')).toBe('https://example.org/gov/reportlint');
    expect(repositoryWebUrl('file:///srv/repo')).toBeUndefined();
  });
});

describe('github (formatter)', () => {
  it('one workflow command per finding, with the runner\'s escaping', () => {
    const out = github(trickyResults(), context());
    const file = '草稿 2024/报告.txt';
    expect(out.split('\n')).toEqual([
      `::error file=${file},line=2,col=6,endLine=2,endColumn=10,title=repeated-word::重复词语「提升提升」：「提升」连写了两次`,
      `::warning file=${file},line=2,col=12,endLine=2,endColumn=16,title=stray-space::a <b> & "c", d: 100%25%0Asecond line`,
      `::warning file=${file},line=2,col=21,endLine=2,endColumn=21,title=stray-space::zero-length`,
      '',
    ]);
  });

  it('properties escape : and , as well; no findings, no output', () => {
    const odd = path.join(CWD, 'a,b:c%.txt');
    const out = github([summarize(odd, [finding('x\r\ny', 0, 1, 'repeated-word', 2, '50%\r\nok')])], context());
    expect(out).toBe('::error file=a%2Cb%3Ac%25.txt,line=1,col=1,endLine=1,endColumn=2,title=repeated-word::50%25%0D%0Aok\n');
    expect(github([summarize(CLEAN_FILE, [])], context())).toBe('');
  });
});

describe('junit (formatter)', () => {
  const out = junit(trickyResults(), context());

  it('one testsuite per file, a failing testcase per finding, a passing one for a clean file', () => {
    expect(out.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="reportlint" tests="4" failures="3"')).toBe(true);
    const suites = [...out.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"/g)].map((m) => m.slice(1));
    expect(suites).toEqual([['草稿 2024/报告.txt', '3', '3'], ['clean.md', '1', '0']]);
    expect(out).toContain('<failure message="重复词语「提升提升」：「提升」连写了两次" type="repeated-word">2:6 error 重复词语「提升提升」：「提升」连写了两次</failure>');
    expect(out).toContain('<testcase classname="clean.md" name="reportlint" time="0"/>');
    expect(out.match(/<failure /g)).toHaveLength(3);
  });

  it('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(out).toContain('message="a &lt;b&gt; &amp; &quot;c&quot;, d: 100%&#10;second line"');
    expect(out).toContain('>2:12 warning a &lt;b&gt; &amp; "c", d: 100%\nsecond line</failure>');
    const nasty = junit([summarize(path.join(CWD, '<&>.txt'), [finding('x', 0, 1, 'repeated-word', 2, 'bad\u0000\u0007\uFFFE\uD800 end 𠮷')])], context());
    expect(nasty).toContain('<testsuite name="&lt;&amp;&gt;.txt"');
    expect(nasty).toContain('message="bad end 𠮷"');
    expect(nasty).not.toMatch(/[\u0000-\u0008\uFFFE\uD800]/);
  });
});

describe('html (formatter, given the sources)', () => {
  const page = html(trickyResults(), context());

  it('is one self-contained page: no external resources, no script', () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="zh-CN">')).toBe(true);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|src=|@import|url\(/i);
    // no link leaves the page (the rule examples may quote an address as text)
    expect(page).not.toMatch(/href="(?!#)/);
    expect(page.replace(/<pre class="example[^"]*">[^<]*<\/pre>/g, '')).not.toMatch(/https?:\/\//);
  });

  it('marks every finding in place, escaped, with id, rule and message', () => {
    const marks = [...page.matchAll(/<mark class="finding (error|warning)( empty)?" id="(f-[\d-]+)" data-rule="([^"]+)" title="([^"]*)">/g)];
    expect(marks.map((m) => [m[3], m[1], m[4]])).toEqual([
      ['f-1-1', 'error', 'repeated-word'],
      ['f-1-2', 'warning', 'stray-space'],
      ['f-1-3', 'warning', 'stray-space'],
    ]);
    expect(marks[1]![5]).toBe('a &lt;b&gt; &amp; &quot;c&quot;, d: 100%\nsecond line');
    expect(marks[2]![2]).toBe(' empty');
    expect(page).toContain('>提升提升</mark>');
    expect(page).toContain('>&lt;行政&gt;</mark>');
    // the text survives: without the tags it is the draft (line ends shown as \n)
    const pre = /<pre class="source"[^>]*>\n([\s\S]*?)<\/pre>/.exec(page)![1]!;
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(unescape(pre.replace(/<[^>]+>/g, ''))).toBe(TRICKY.replace(/\r\n?/g, '\n'));
  });

  it('lists the findings (linking to the marks) and counts them by rule', () => {
    expect(page).toContain('<li id="l-f-1-1" class="error"><a href="#f-1-1">2:6</a>');
    expect(page).toMatch(/<tr data-rule="stray-space"><td><a class="rule" href="#rule-stray-space"><code>stray-space<\/code><\/a><\/td><td>stray-space 的说明<\/td><td class="n">0<\/td><td class="n">2<\/td><td class="n">2<\/td><\/tr>/);
    expect(page).toContain('共检查 2 个文件，发现 3 个问题（1 个错误，2 个警告）。');
    expect(page).toContain('<h2>clean.md<span class="counts">未发现问题</span></h2>');
    const en = html(trickyResults(), context({ locale: 'en' }));
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('2 files checked: 3 problems (1 error, 2 warnings).');
    expect(en).toContain('Problems by rule');
  });

  it('overlapping, crossing and empty ranges: one mark.finding each; crossing ones continue in parts', () => {
    const text = 'ABCDEFGHIJ';
    const messages = [
      finding(text, 0, 6, 'r', 2, 'outer'), // ABCDEF
      finding(text, 2, 4, 'r', 1, 'inner'), // CD
      finding(text, 4, 8, 'r', 1, 'crossing'), // EFGH crosses the end of outer
      finding(text, 6, 6, 'r', 2, 'empty at G'),
      finding(text, 9, 10, 'r', 2, 'last'),
    ];
    const out = html([summarize(path.join(CWD, 'x.txt'), messages)], context({ sources: { [path.join(CWD, 'x.txt')]: text } }));
    const pre = /<pre class="source"[^>]*>\n([\s\S]*?)<\/pre>/.exec(out)![1]!.replace(/ data-rule="r" title="[^"]*"/g, '');
    expect(pre).toBe(
      '<span class="line" data-line="1"><mark class="finding error" id="f-1-1">AB<mark class="finding warning" id="f-1-2">CD</mark>' +
        '<mark class="finding warning" id="f-1-3">EF</mark></mark><mark class="finding-part warning" data-for="f-1-3">' +
        '<mark class="finding error empty" id="f-1-4"></mark>GH</mark>I<mark class="finding error" id="f-1-5">J</mark></span>',
    );
  });

  it('one span per line, numbered, with the title and headings marked; a mark over a line break goes on in a part', () => {
    const text = '某局2024年工作报告\n\n一、总体情况\r\n（一）学习\n我局提升提升水平。\n';
    const file = path.join(CWD, 'lines.txt');
    const across = finding(text, text.indexOf('情况'), text.indexOf('学习'), 'r', 2, 'across');
    const outline = [{ line: 1, level: 0, text: '某局2024年工作报告' }, { line: 3, level: 1, text: '一、总体情况' }, { line: 4, level: 2, text: '（一）学习' }];
    const out = html([{ ...summarize(file, [across]), outline }], context({ sources: { [file]: text } }));
    const pre = /<pre class="source"[^>]*>\n([\s\S]*?)<\/pre>/.exec(out)![1]!.replace(/ data-rule="r" title="[^"]*"/g, '');
    expect(pre).toBe(
      '<span class="line title" data-line="1">某局2024年工作报告\n</span>' +
        '<span class="line" data-line="2">\n</span>' +
        '<span class="line h1" data-line="3">一、总体<mark class="finding error" id="f-1-1">情况\n</mark></span>' +
        '<span class="line h2" data-line="4"><mark class="finding-part error" data-for="f-1-1">（一）</mark>学习\n</span>' +
        '<span class="line" data-line="5">我局提升提升水平。\n</span>',
    );
  });

  it('a summary finding marks each of its other places, and says so in the list', () => {
    const text = '甲,乙,丙,丁。\n';
    const file = path.join(CWD, 'half.txt');
    const related = [3, 5].map((o) => ({ line: 1, column: o + 1, endLine: 1, endColumn: o + 2, offset: o, endOffset: o + 1 }));
    const out = html([summarize(file, [{ ...finding(text, 1, 2, 'punctuation-width', 2, '全文有3处'), related }])], context({ sources: { [file]: text } }));
    expect(out).toContain(
      '<span class="line" data-line="1">甲<mark class="finding error" id="f-1-1" data-rule="punctuation-width" title="全文有3处">,</mark>乙' +
        '<mark class="finding-related error" data-for="f-1-1" data-rule="punctuation-width" title="全文有3处">,</mark>丙' +
        '<mark class="finding-related error" data-for="f-1-1" data-rule="punctuation-width" title="全文有3处">,</mark>丁。\n</span>',
    );
    expect(out).toContain('<span class="related-note">（另有 2 处，均已在原文中标出）</span>');
  });

  it('says when it was made, by which version, with which config', () => {
    const now = new Date(2026, 11, 4, 9, 5);
    const configFiles = { [TRICKY_FILE]: path.join(CWD, '.reportlintrc.json'), [CLEAN_FILE]: null };
    const out = html(trickyResults(), context({ now, configFiles }));
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(out).toMatch(new RegExp(`<p class="meta">生成时间: 2026-12-04 09:05 \\(UTC[+-]\\d\\d:\\d\\d\\) · reportlint 版本 ${version.replace(/\./g, '\\.')} · 配置: \\.reportlintrc\\.json；内置默认配置（未找到配置文件）</p>`));
    expect(out).toContain('<p class="config">配置: .reportlintrc.json</p>');
    expect(out).toContain('<p class="config">配置: 内置默认配置（未找到配置文件）</p>');
    // without configFiles the page does not claim one
    expect(html(trickyResults(), context())).not.toContain('class="config"');
  });

  it('carries the explanation of each rule that has a finding, from docs/rules, and links to it', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'rules', 'repeated-word.md'), 'utf8').split('\n');
    const section = /<section id="rules">([\s\S]*?)<\/section>\n<\/main>/.exec(page)![1]!;
    expect([...section.matchAll(/<section class="rule-doc" id="rule-([^"]+)">/g)].map((m) => m[1])).toEqual(['repeated-word', 'stray-space']);
    expect(section).toContain(`<p class="what">${doc[2]}</p>`);
    expect(section).toMatch(/<p class="why"><strong>为什么:<\/strong> A doubled word is /);
    // the page's first failing and passing examples, as written there
    const fence = (kind: string) => {
      const start = doc.findIndex((l) => l.startsWith(`\`\`\`text ${kind}`));
      return doc.slice(start + 1, doc.indexOf('```', start + 1)).join('\n');
    };
    const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
    expect(unescape(/<pre class="example failing">([^<]*)<\/pre>/.exec(section)![1]!)).toBe(fence('failing'));
    expect(unescape(/<pre class="example passing">([^<]*)<\/pre>/.exec(section)![1]!)).toBe(fence('passing'));
    expect(page).toContain('<a class="rule" href="#rule-repeated-word"><code class="rule"');
    expect(page).not.toContain('docs/rules');
    // English: the English summary
    const en = html(trickyResults(), context({ locale: 'en' }));
    expect(en).toContain(`<p class="what">${doc[3]}</p>`);
    // a rule without a page (a user's pack) still has its description
    const file = path.join(CWD, 'x.txt');
    const own = html([summarize(file, [finding('甲乙', 0, 1, 'off-rule', 2, 'm')])], context({ sources: { [file]: '甲乙' } }));
    expect(own).toContain('<section class="rule-doc" id="rule-off-rule">\n<h3><code>off-rule</code></h3>\n<p class="what">off-rule 的说明</p>\n</section>');
  });

  it('places a .docx finding by paragraph and character', () => {
    const file = path.join(CWD, 'draft.docx');
    const text = '一、总体情况\n我局提升提升水平。';
    const out = html([summarize(file, [finding(text, text.indexOf('提升提升'), text.indexOf('提升提升') + 4, 'repeated-word', 2, 'm')], 'docx')], context({ sources: { [file]: text } }));
    expect(out).toContain('<a href="#f-1-1">第2段第3字</a>');
    expect(out).toContain('左侧数字为段落序号');
    expect(html([summarize(file, [finding(text, 7, 8, 'repeated-word', 2, 'm')], 'docx')], context({ locale: 'en', sources: { [file]: text } }))).toContain('<a href="#f-1-1">paragraph 2, char 1</a>');
  });

  it('a file whose text was not given still lists its findings', () => {
    const out = html(trickyResults(), context({ sources: undefined }));
    expect(out).not.toContain('<mark');
    expect(out).toContain('未提供原文');
    expect(out.match(/<li id="l-f-1-\d"/g)).toHaveLength(3);
  });
});

// --- end to end: the CLI (main(), in this process) -----------------------------------------

function draftDir(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

interface JsonResult {
  filePath: string;
  messages: Array<{ ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number; fix?: unknown }>;
}

/** The findings of the same run as --format json: other formats must say the same things. */
async function jsonRun(args: string[], cwd: string): Promise<JsonResult[]> {
  return JSON.parse((await cli(['--format', 'json', ...args], { cwd })).stdout) as JsonResult[];
}

describe('--format on the command line', () => {
  const dir = draftDir({ 'doubled.txt': DOUBLED, '章节/gap.md': GAP });
  const files = ['doubled.txt', '章节/gap.md'];
  let expected: JsonResult[];
  beforeAll(async () => {
    expected = await jsonRun(files, dir);
  });

  it('the formats are listed and unknown ones rejected', async () => {
    expect(FORMAT_NAMES).toEqual(expect.arrayContaining(['stylish', 'json', 'sarif', 'github', 'junit', 'html']));
    const run = await cli(['--locale', 'en', '--format', 'nope', 'doubled.txt'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/unknown --format "nope".*sarif, github, junit, html/);
    expect((await cli(['--help'], { cwd: dir })).stdout).toContain('sarif, github, junit, html');
  });

  it('the drafts give the doubled word and the heading gap', () => {
    const found = expected.flatMap((r) => r.messages.map((m) => [path.basename(r.filePath), m.ruleId, m.line, m.column, m.endLine, m.endColumn]));
    expect(found).toContainEqual(['doubled.txt', 'repeated-word', 2, 5, 2, 9]);
    expect(found).toContainEqual(['gap.md', 'heading-sequence', 2, 1, 2, 3]);
  });

  it('sarif: valid 2.1.0, same findings as json, exit code 1 on errors', async () => {
    const run = await cli(['--format', 'sarif', ...files], { cwd: dir });
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as SarifLog;
    expectValidSarif(log);
    const results = log.runs[0]!.results;
    const rules = log.runs[0]!.tool.driver.rules;
    expect(results.map((r) => {
      const { artifactLocation, region } = r['locations'][0].physicalLocation;
      return [decodeURIComponent(artifactLocation.uri), r['ruleId'], rules[r['ruleIndex']]!['id'], r['level'], r['message'].text, region.startLine, region.startColumn, region.endLine, region.endColumn];
    })).toEqual(expected.flatMap((f) => f.messages.map((m) => [
      path.relative(dir, f.filePath).split(path.sep).join('/'), m.ruleId, m.ruleId, m.severity === 2 ? 'error' : 'warning', m.message, m.line, m.column, m.endLine, m.endColumn,
    ])));
    expect(results[0]!['locations'][0].physicalLocation.artifactLocation).toEqual({ uri: 'doubled.txt', uriBaseId: '%SRCROOT%' });
    expect(log.runs[0]!.columnKind).toBe('unicodeCodePoints');
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { homepage?: string; repository?: unknown };
    // links only where package.json gives an address (none may point nowhere)
    expect(log.runs[0]!.tool.driver.informationUri).toBe(pkg.homepage);
    if (!pkg.repository) expect(rules.every((r) => r['helpUri'] === undefined && /docs\/rules\/[a-z0-9-]+\.md/.test(r['help'].text))).toBe(true);
    else expect(rules.some((r) => r['helpUri'] !== undefined)).toBe(true);
  });

  it('sarif: the repeated-word fix is a deletion in code points (the CLI passes each file\'s text as context.sources)', async () => {
    const text = '一、总体情况\n我局𠮷持续提升提升依法行政水平。\n';
    const astral = draftDir({ 'a.txt': text });
    const log = JSON.parse((await cli(['--format', 'sarif', 'a.txt'], { cwd: astral })).stdout) as SarifLog;
    const result = log.runs[0]!.results.find((r) => r['ruleId'] === 'repeated-word')!;
    expect(result['fixes'], 'no fixes: the CLI did not pass context.sources to the formatter').toBeDefined();
    const { deletedRegion } = result['fixes'][0].artifactChanges[0].replacements[0];
    expect([...text].slice(deletedRegion.charOffset, deletedRegion.charOffset + deletedRegion.charLength).join('')).toBe('提升');
    expectValidSarif(log);
  });

  it('github: one annotation command per finding', async () => {
    const run = await cli(['--format', 'github', ...files], { cwd: dir });
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(expected.reduce((n, r) => n + r.messages.length, 0));
    expect(lines).toContain('::error file=doubled.txt,line=2,col=5,endLine=2,endColumn=9,title=repeated-word::重复词语「提升提升」：「提升」连写了两次');
    expect(lines.find((l) => l.includes('title=heading-sequence'))).toMatch(/^::error file=章节\/gap\.md,line=2,col=1,endLine=2,endColumn=3,title=heading-sequence::序号不连续/);
    for (const line of lines) expect(line).toMatch(/^::(error|warning) file=[^,]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::\S/);
  });

  it('junit: one suite per file, one failure per finding; --output-file writes it', async () => {
    const run = await cli(['--format', 'junit', '--output-file', 'report.xml', ...files], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const xml = readFileSync(path.join(dir, 'report.xml'), 'utf8');
    const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
    expect(suites).toEqual(expected.map((r) => [path.relative(dir, r.filePath).split(path.sep).join('/'), Math.max(1, r.messages.length), r.messages.length]));
    expect(xml.match(/<failure /g)).toHaveLength(expected.reduce((n, r) => n + r.messages.length, 0));
    expect(xml).toContain('type="repeated-word">2:5 error 重复词语「提升提升」');
  });

  it('junit and github on a draft with no errors: exit 0', async () => {
    // whatever the rules find in it, only warnings (if any) may remain
    const clean = draftDir({ 'ok.txt': '一、总体情况\n我局持续提升依法行政水平。\n' });
    const findings = (await jsonRun(['ok.txt'], clean))[0]!.messages;
    const errors = findings.filter((m) => m.severity === 2);
    expect(errors, 'the draft must have no errors for this test').toEqual([]);
    const run = await cli(['--format', 'junit', 'ok.txt'], { cwd: clean });
    expect(run.status).toBe(0);
    if (findings.length === 0) expect(run.stdout).toContain('<testcase classname="ok.txt" name="reportlint" time="0"/>');
    expect((await cli(['--format', 'github', 'ok.txt'], { cwd: clean })).stdout.split('\n').filter(Boolean)).toHaveLength(findings.length);
  });

  it('html: the page marks every finding in its draft (the CLI passes each file\'s text as context.sources)', async () => {
    const run = await cli(['--format', 'html', ...files], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    const total = expected.reduce((n, r) => n + r.messages.length, 0);
    expect(run.stdout.match(/<li id="l-f-/g)).toHaveLength(total);
    expect(run.stdout, 'no highlights: the CLI did not pass context.sources to the formatter').toContain('<mark class="finding');
    expect(run.stdout.match(/<mark class="finding /g)).toHaveLength(total);
    expect(run.stdout).toMatch(/<mark class="finding error" id="f-1-\d+" data-rule="repeated-word" title="[^"]*">提升提升<\/mark>/);
    const en = await cli(['--format', 'html', '--locale', 'en', ...files], { cwd: dir });
    expect(en.stdout).toContain('<html lang="en">');
  });
});

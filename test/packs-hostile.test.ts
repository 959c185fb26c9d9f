// Packs written to hang a run or crash a rule: each must be refused at load (exit 2, file and
// JSON path, before any file is linted) or run in linear time.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/engine/config.js';
import { ConfigError } from '../src/errors.js';
import { compilePattern } from '../src/pattern.js';
import { cli, CLI, ROOT, tempDir } from './cli-helpers.js';

function pack(checks: unknown[]) {
  return { id: 'our-office', description: '本单位用语', rules: [{ id: 'office-style', description: '本单位用语规范', severity: 'warn', checks }] };
}

function setup(p: unknown, draft = '一、总体情况\n正文。\n'): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'pack.json'), JSON.stringify(p));
  writeFileSync(path.join(dir, '.reportlintrc.json'), JSON.stringify({ extends: ['./pack.json'] }));
  writeFileSync(path.join(dir, 'a.txt'), draft);
  return dir;
}

/**
 * The built CLI on a.txt in a process of its own, killed after 20 s: a hang fails the test rather
 * than the suite (in this process it could not be stopped).
 */
function run(dir: string) {
  const start = performance.now();
  const r = spawnSync(process.execPath, [CLI, '--format', 'json', 'a.txt'], { cwd: dir, encoding: 'utf8', timeout: 20_000, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: performance.now() - start };
}

async function packError(p: unknown): Promise<string> {
  const dir = setup(p);
  try {
    await loadConfig({ forFile: path.join(dir, 'a.txt'), cwd: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('user patterns run in linear time (RE2)', () => {
  const digits = '1'.repeat(50_000);

  it('(\\d|\\d\\d)+件 on 50,000 digits', () => {
    const dir = setup(pack([{ type: 'forbid', patterns: ['(\\d|\\d\\d)+件'], message: '「{{match}}」' }]), `一、总体情况\n共${digits}元，办理3件。\n`);
    const r = run(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(15_000);
    expect(JSON.parse(r.stdout)[0].messages.map((m: { message: string }) => m.message)).toEqual(['「3件」']);
  });

  it('(a|aa)+$ on 50,000 a', () => {
    const dir = setup(pack([{ type: 'forbid', patterns: ['(a|aa)+$'], message: 'x' }]), `一、总体情况\n${'a'.repeat(50_000)}b\n`);
    const r = run(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(15_000);
  });

  it('a.*b|a on 50,000 a: each search reads to the end, so matches stop at MATCH_LIMIT per block', () => {
    const dir = setup(pack([{ type: 'forbid', patterns: ['a.*b|a'], message: 'x' }]), `一、总体情况\n${'a'.repeat(50_000)}\n`);
    const r = run(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.ms).toBeLessThan(15_000);
    expect(JSON.parse(r.stdout)[0].messages).toHaveLength(100);
  });

  it('JavaScript meanings kept on RE2: \\u escapes, \\s (full-width space), \\p{Script=Han}, `.`, [^]', () => {
    const p = (s: string) => compilePattern(s);
    expect(p('[\\u4e00-\\u9fa5]{2}').test('法治')).toBe(true);
    expect(p('\\u{1F600}').test('😀')).toBe(true);
    expect(p('\\ud83d\\ude00').test('😀')).toBe(true);
    expect(p('告知书\\s“').test('告知书\u3000“')).toBe(true);
    expect(p('[\\s，]').test('\u00a0')).toBe(true);
    expect(p('\\S').test('\u3000')).toBe(false);
    expect(p('\\p{Script=Han}+').test('法')).toBe(true);
    expect(p('a.b').test('a\rb')).toBe(false);
    expect(p('a[^]b').test('a\nb')).toBe(true);
    expect(p('a[]b').test('ab')).toBe(false);
    const m = [...p('(\\d+)(件|宗)?').matches('共12件，3')].map((x) => [x.index, x[0], x[1], x[2]]);
    expect(m).toEqual([[1, '12件', '12', '件'], [5, '3', '3', undefined]]);
  });

  it('prefer: `unless` at the match, and $1, on RE2', () => {
    const dir = setup(pack([{ type: 'prefer', message: '「{{match}}」应为「{{right}}」', replace: [
      { wrong: '广西省', right: '广西壮族自治区', unless: '广西省级' },
      { wrong: '做出(贡献)', right: '作出$1' },
    ] }]), '一、总体情况\n广西省级单位与广西省各地做出贡献，广西省。\n');
    const r = run(dir);
    expect(JSON.parse(r.stdout)[0].messages.map((m: { column: number; fix?: { text: string } }) => [m.column, m.fix?.text])).toEqual([
      [8, '广西壮族自治区'], [13, '作出贡献'], [18, '广西壮族自治区'],
    ]);
  });
});

describe('what a user pattern may not use: refused at load with the file and JSON path', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['forbid', '截止(?=目前)', /patterns\[0\]: pattern \/截止\(\?=目前\)\/ uses lookahead/],
    ['forbid', '广西省(?!级)', /patterns\[0\]: .* uses lookahead/],
    ['forbid', '(?<=现将)年度', /patterns\[0\]: .* uses lookbehind/],
    ['forbid', '(?<!学)习', /patterns\[0\]: .* uses lookbehind/],
    ['forbid', '(分类)\\1', /patterns\[0\]: .* uses a backreference/],
    ['forbid', '(?<w>分类)\\k<w>', /patterns\[0\]: .* uses a backreference/],
    ['forbid', '\\p{Script_Extensions=Han}', /patterns\[0\]: .* RE2 knows general categories and scripts only/],
    ['forbid', 'a{1001}', /patterns\[0\]: pattern \/a\{1001\}\/ cannot run on the linear-time engine \(RE2\): invalid repeat count/],
  ];
  for (const [type, source, expected] of cases) {
    it(source, async () => {
      expect(await packError(pack([{ type, patterns: [source], message: 'x' }]))).toMatch(expected);
    });
  }

  it('in every place a pattern goes', async () => {
    const la = 'x(?=y)';
    expect(await packError(pack([{ type: 'prefer', replace: [{ wrong: 'x', right: 'y', unless: la }], message: 'x' }]))).toMatch(/checks\[0\]\.replace\[0\]\.unless: /);
    expect(await packError(pack([{ type: 'count', pattern: la, max: 1, message: 'x' }]))).toMatch(/checks\[0\]\.pattern: /);
    expect(await packError(pack([{ type: 'consistent', forms: ['x', la], message: 'x' }]))).toMatch(/checks\[0\]\.forms\[1\]: /);
    expect(await packError(pack([{ type: 'requires', if: 'x', then: la, message: 'x' }]))).toMatch(/checks\[0\]\.then: /);
    expect(await packError(pack([{ type: 'forbid', patterns: ['x'], scope: { section: { heading: la } }, message: 'x' }]))).toMatch(/checks\[0\]\.scope\.section\.heading: /);
    expect(await packError(pack([{ type: 'relation', figures: { a: { label: la } }, condition: true, message: 'x' }]))).toMatch(/checks\[0\]\.figures\.a\.label: /);
    expect(await packError(pack([{ type: 'sections', parts: [{ id: 'p', name: 'x', headings: [la] }] }]))).toMatch(/checks\[0\]\.parts: .*uses lookahead/);
  });

  it('through the CLI: exit 2, one line, nothing linted', async () => {
    const r = await cli(['--format', 'json', 'a.txt'], { cwd: setup(pack([{ type: 'forbid', patterns: ['截止(?=目前)'], message: 'x' }])) });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^reportlint: pack\.json: rules\[0\]\.checks\[0\]\.patterns\[0\]: pattern .* uses lookahead/)]);
  });
});

describe('every field of a check is validated at load', () => {
  const forbid = (extra: Record<string, unknown>) => pack([{ type: 'forbid', patterns: ['今年'], message: 'x', ...extra }]);
  const cases: Array<[string, unknown, RegExp]> = [
    ['scope "chapter"', forbid({ scope: 'chapter' }), /checks\[0\]\.scope: must be one of "document"/],
    ['scope 123', forbid({ scope: 123 }), /checks\[0\]\.scope: must be one of "document"/],
    ['scope null', forbid({ scope: null }), /checks\[0\]\.scope: must be one of "document"/],
    ['message 5', forbid({ message: 5 }), /checks\[0\]\.message: must be string/],
    ['message {zh: 5}', forbid({ message: { zh: 5 } }), /checks\[0\]\.message\.zh: must be string/],
    ['level "loud"', forbid({ level: 'loud' }), /checks\[0\]\.level: must be one of "error", "warn"/],
    ['when 5', forbid({ when: 5 }), /checks\[0\]\.when: must be object,boolean/],
    ['link 5', forbid({ link: 5 }), /checks\[0\]\.link: must be string/],
    ['scope {section: {}}', forbid({ scope: { section: {} } }), /checks\[0\]\.scope\.section: must NOT have fewer than 1 properties/],
    ['scope {section: {heading: 5}}', forbid({ scope: { section: { heading: 5 } } }), /checks\[0\]\.scope\.section\.heading: must be string/],
    ['scope names an unknown part', forbid({ scope: { section: { part: 'nope' } } }), /checks\[0\]\.scope\.section\.part: names no part of this rule's sections check \("nope"\)/],
    ['prefer message 5', pack([{ type: 'prefer', replace: [{ wrong: 'a', right: 'b' }], message: 5 }]), /checks\[0\]\.message: must be string/],
    ['count level "loud"', pack([{ type: 'count', pattern: 'a', max: 1, message: 'x', level: 'loud' }]), /checks\[0\]\.level: must be one of/],
    ['consistent when "yes"', pack([{ type: 'consistent', forms: ['a', 'b'], message: 'x', when: 'yes' }]), /checks\[0\]\.when: must be object,boolean/],
    ['requires scope "chapter"', pack([{ type: 'requires', if: 'a', then: 'b', message: 'x', scope: 'chapter' }]), /checks\[0\]\.scope: must be one of/],
    ['relation message 5', pack([{ type: 'relation', figures: { a: { label: 'x' } }, condition: true, message: 5 }]), /checks\[0\]\.message: must be string/],
    ['relation level 1', pack([{ type: 'relation', figures: { a: { label: 'x' } }, condition: true, message: 'x', level: 1 }]), /checks\[0\]\.level: must be one of/],
    ['sections when 5', pack([{ type: 'sections', parts: [{ id: 'p', name: 'x', headings: ['x'] }], when: 5 }]), /checks\[0\]\.when: must be object,boolean/],
    ['sections level "loud"', pack([{ type: 'sections', parts: [{ id: 'p', name: 'x', headings: ['x'] }], level: 'loud' }]), /checks\[0\]\.level: must be one of/],
    ['sections link []', pack([{ type: 'sections', parts: [{ id: 'p', name: 'x', headings: ['x'] }], link: [] }]), /checks\[0\]\.link: must be string/],
  ];
  for (const [name, p, expected] of cases) {
    it(name, async () => {
      expect(await packError(p)).toMatch(expected);
    });
  }

  it('through the CLI: exit 2 and one line before any file is linted (scope "chapter" crashed the rule)', async () => {
    const r = await cli(['--format', 'json', 'a.txt'], { cwd: setup(pack([{ type: 'forbid', patterns: ['今年'], scope: 'chapter', message: 'x' }]), '一、总体情况\n今年完成。\n') });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual(['reportlint: pack.json: rules[0].checks[0].scope: 应为以下之一: "document", "heading", "paragraph", "sentence"']);
  });
});

describe('built-in packs keep native RegExp: each pattern is proven linear', () => {
  const sources: string[] = [];
  for (const f of readdirSync(path.join(ROOT, 'rules')).filter((name) => name.endsWith('.json'))) {
    const walk = (v: unknown, key: string): void => {
      if (typeof v === 'string') {
        if (/^(patterns|headings|keywords|forms|unless)\[|^(wrong|unless|pattern|if|then|label|unit|heading)$/.test(key)) sources.push(v);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${key}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    };
    walk(JSON.parse(readFileSync(path.join(ROOT, 'rules', f), 'utf8')), '');
  }

  /** Whether the pattern repeats anything without bound (*, +, {n,}) outside a character class. */
  function unbounded(source: string): boolean {
    for (let i = 0; i < source.length; i++) {
      const ch = source[i]!;
      if (ch === '\\') {
        i++;
      } else if (ch === '[') {
        while (source[++i] !== ']') if (source[i] === '\\') i++;
      } else if (ch === '*' || ch === '+' || (ch === '{' && /^\{\d+,\}/.test(source.slice(i)))) {
        return true;
      }
    }
    return false;
  }

  // A pattern whose every repetition is bounded matches at most a bounded length, so a
  // backtracking engine does bounded work at each start: linear in the text. The exceptions,
  // each with why it is linear all the same (and a timed worst case below):
  const EXCEPTIONS: Record<string, { why: string; worst: string }> = {
    '\\d{4}\\s*年(度)?.{0,16}(工作)?(安排|打算|计划|思路|重点|规划|要点)': {
      why: '\\s* follows exactly four digits, which \\s cannot match: a run of white space is entered from one start only',
      worst: `2025${' '.repeat(50_000)}2025${'\u3000'.repeat(50_000)}`,
    },
    '(党的第[一二三四五六七八九十]+次)代表大会': {
      why: 'the class follows the fixed 党的第, which it cannot match: a run of numerals is entered from one start only',
      worst: `党的第${'一'.repeat(50_000)}党的第${'十'.repeat(50_000)}次`,
    },
  };

  it('every repetition is bounded, but for the listed exceptions', () => {
    expect(sources.length).toBeGreaterThan(100);
    expect([...new Set(sources.filter(unbounded))].sort()).toEqual(Object.keys(EXCEPTIONS).sort());
    for (const [source, { worst }] of Object.entries(EXCEPTIONS)) {
      const start = performance.now();
      [...worst.matchAll(new RegExp(source, 'gu'))];
      expect(performance.now() - start, source).toBeLessThan(1000);
    }
  });

  it('and runs fast on 20,000 characters made of its own text', () => {
    for (const source of sources) {
      const re = new RegExp(source, 'gu');
      const chars = [...new Set(source.replace(/\\[a-z]/gi, '').replace(/[\\^$.|?*+()[\]{}!=<:-]/g, '') + '0 1')];
      const inputs = [chars.join('').repeat(Math.ceil(20_000 / chars.length)), ...chars.slice(0, 8).map((c) => c.repeat(20_000))];
      const start = performance.now();
      for (const input of inputs) [...input.matchAll(re)];
      expect(performance.now() - start, source).toBeLessThan(3000);
    }
  });
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRules } from '../src/rules/index.js';
import { cli, ROOT } from './cli-helpers.js';
import { draftDir } from './workflow-helpers.js';

const BAD = '一、总体情况\n我局持续提升提升依法行政水平。\n';

describe('--list-rules', () => {
  it('lists every rule, pack rules included: id, default severity, fixable, description in the locale', async () => {
    const run = await cli(['--list-rules', '--locale', 'en'], { cwd: draftDir({}) });
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^rule +default +fixable +description$/);
    for (const rule of allRules) {
      const m = rule.meta;
      expect(run.stdout).toMatch(new RegExp(`^${m.id} +\\(?${m.defaultSeverity}\\)? +${m.fixable ? 'yes' : 'no'} +${escape(m.description.en)}`, 'm'));
    }
    expect(run.stdout).toMatch(/^required-sections +error +no +.*\(pack fazhi-annual-report\)$/m);
    const zh = await cli(['--list-rules'], { cwd: draftDir({}) });
    expect(zh.stdout).toMatch(/^repeated-word +error +是 +同一词语连写两次/m);
  });

  it('--format json, and a user pack from the config', async () => {
    const pack = { id: 'office', description: '本单位用语', rules: [{ id: 'office-wording', description: '本单位用语规范', severity: 'warn', checks: [{ type: 'forbid', patterns: ['高度重视'], message: '套话「{{match}}」' }] }] };
    const dir = draftDir({ 'office.json': JSON.stringify(pack), '.reportlintrc.json': JSON.stringify({ extends: ['reportlint:recommended', './office.json'] }) });
    const rows = JSON.parse((await cli(['--list-rules', '--format', 'json'], { cwd: dir })).stdout) as Array<Record<string, unknown>>;
    expect(rows.find((r) => r['id'] === 'office-wording')).toEqual({ id: 'office-wording', defaultSeverity: 'warn', fixable: false, enabled: true, pack: 'office', description: '本单位用语规范' });
    expect(rows.find((r) => r['id'] === 'repeated-word')).toMatchObject({ defaultSeverity: 'error', fixable: true, enabled: true });
  });
});

describe('--print-config', () => {
  it('prints the resolved settings for a file: config, extends, active rules with severity and options', async () => {
    const dir = draftDir({
      '.reportlintrc.json': JSON.stringify({
        rules: { 'repeated-word': ['warn', { allow: ['冰冰'] }] },
        overrides: [{ files: ['drafts/**'], rules: { 'heading-sequence': 'off' } }],
        ignorePatterns: ['old/'],
      }),
    });
    const run = await cli(['--print-config', 'drafts/a.md', '--rule', 'stray-space:warn'], { cwd: dir });
    expect(run.status).toBe(0);
    const printed = JSON.parse(run.stdout) as { file: string; config: string; extends: string[]; ignored: boolean; rules: Record<string, [string, Record<string, unknown>]> };
    expect(printed.file).toBe('drafts/a.md');
    expect(printed.config).toBe('.reportlintrc.json');
    expect(printed.extends).toEqual(['reportlint:recommended']);
    expect(printed.ignored).toBe(false);
    expect(printed.rules['repeated-word']).toEqual(['warn', { allow: ['冰冰'], reportTentativeVerbs: false }]);
    expect(printed.rules['stray-space']![0]).toBe('warn');
    expect(printed.rules['heading-sequence']).toBeUndefined();
    expect(printed.rules['punctuation-width']![0]).toBe('error');
    expect(JSON.parse((await cli(['--print-config', 'old/x.md'], { cwd: dir })).stdout).ignored).toBe(true);
  });
});

describe('--init', () => {
  it('writes a commented .reportlintrc.yaml that reportlint reads; refuses to overwrite', async () => {
    const dir = draftDir({ 'a.txt': BAD });
    const run = await cli(['--init'], { cwd: dir });
    expect(run.status).toBe(0);
    const file = path.join(dir, '.reportlintrc.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=/);
    for (const rule of allRules) expect(text).toMatch(new RegExp(`^  ${rule.meta.id}: +${rule.meta.defaultSeverity}$`, 'm'));
    expect(text).toContain('# overrides:');
    // the starter config is valid and is the one used
    const printed = JSON.parse((await cli(['--print-config', 'a.txt'], { cwd: dir })).stdout) as { config: string };
    expect(printed.config).toBe('.reportlintrc.yaml');
    expect((await cli(['a.txt'], { cwd: dir })).status).toBe(1);
    // a second --init refuses, and so does one beside any other config
    const again = await cli(['--init', '--locale', 'en'], { cwd: dir });
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/^reportlint: --init: \.reportlintrc\.yaml already exists/);
    const other = draftDir({ '.reportlintrc.json': '{}' });
    expect((await cli(['--init'], { cwd: other })).status).toBe(2);
    expect(existsSync(path.join(other, '.reportlintrc.yaml'))).toBe(false);
  });
});

describe('--explain', () => {
  it('prints the rule\'s doc page', async () => {
    const run = await cli(['--explain', 'repeated-word']);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(ROOT, 'docs/rules/repeated-word.md'), 'utf8').replace(/\s*$/, '\n'));
    // a pack rule's page
    expect((await cli(['--explain', 'required-sections'])).stdout).toMatch(/^# required-sections/);
  });

  it('an unknown rule: exit 2 with a did-you-mean', async () => {
    const run = await cli(['--explain', 'repeated-wrod', '--locale', 'en']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^reportlint: --explain: unknown rule "repeated-wrod" \(did you mean "repeated-word"\?\)/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/engine/config.js';
import { activeRulesFor } from '../src/config/resolve.js';
import { ConfigError } from '../src/errors.js';
import { allRules } from '../src/rules/index.js';
import { tempDir } from './cli-helpers.js';

function project(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

async function configError(files: Record<string, string>, forFile = 'a.txt'): Promise<ConfigError> {
  const dir = project(files);
  try {
    await loadConfig({ forFile: path.join(dir, forFile), cwd: dir });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('config discovery', () => {
  it('finds the nearest .reportlintrc.json from the file folder upwards', async () => {
    const dir = project({
      '.reportlintrc.json': '{"rules": {"repeated-word": "warn"}}',
      'sub/deeper/.reportlintrc.json': '{"rules": {"repeated-word": "off"}}',
    });
    const top = await loadConfig({ forFile: path.join(dir, 'sub/a.txt'), cwd: dir });
    expect(top.file).toBe(path.join(dir, '.reportlintrc.json'));
    expect(top.rules['repeated-word']!.severity).toBe(1);
    const deep = await loadConfig({ forFile: path.join(dir, 'sub/deeper/a.txt'), cwd: dir });
    expect(deep.rules['repeated-word']!.severity).toBe(0);
  });

  it('reads a "reportlint" key in package.json and YAML through cosmiconfig', async () => {
    const pkg = project({ 'package.json': '{"name": "x", "reportlint": {"rules": {"heading-sequence": "warn"}}}' });
    expect((await loadConfig({ forFile: path.join(pkg, 'a.txt'), cwd: pkg })).rules['heading-sequence']!.severity).toBe(1);
    const yaml = project({ '.reportlintrc.yaml': 'rules:\n  heading-sequence: off\n' });
    expect((await loadConfig({ forFile: path.join(yaml, 'a.txt'), cwd: yaml })).rules['heading-sequence']!.severity).toBe(0);
  });

  it('no config: every rule at its default severity', async () => {
    const dir = project({});
    const config = await loadConfig({ forFile: path.join(dir, 'a.txt'), cwd: dir });
    const active = await activeRulesFor(path.join(dir, 'a.txt'), config);
    expect(config.file).toBeNull();
    expect(config.extends).toEqual(['reportlint:recommended']);
    // every code rule at its default severity, and the recommended packs' rules
    const ids = active.map((a) => a.rule.meta.id);
    expect(ids).toEqual(expect.arrayContaining(allRules.filter((r) => r.meta.defaultSeverity !== 'off').map((r) => r.meta.id)));
    expect(ids).toContain('required-sections');
  });
});

describe('config errors name the file and the key', () => {
  it('invalid JSON points at line and column', async () => {
    const e = await configError({ '.reportlintrc.json': '{\n  "rules": {\n    "repeated-word": "warn",\n  }\n}' });
    expect(e.message).toMatch(/\.reportlintrc\.json:4:3: invalid JSON/);
  });

  it('unknown top-level key', async () => {
    const e = await configError({ '.reportlintrc.json': '{"rulez": {}}' });
    expect(e.key).toBe('rulez');
    expect(e.message).toContain('unknown key');
  });

  it('unknown rule, with a suggestion', async () => {
    const e = await configError({ '.reportlintrc.json': '{"rules": {"repeated-words": "error"}}' });
    expect(e.key).toBe('rules.repeated-words');
    expect(e.message).toContain('did you mean "repeated-word"');
  });

  it('bad severity', async () => {
    const e = await configError({ '.reportlintrc.json': '{"rules": {"repeated-word": "fatal"}}' });
    expect(e.key).toBe('rules.repeated-word');
    expect(e.message).toMatch(/severity must be/);
  });

  it('option of the wrong type is checked by the rule schema', async () => {
    const e = await configError({ '.reportlintrc.json': '{"rules": {"repeated-word": ["error", {"allow": "冰冰"}]}}' });
    expect(e.key).toBe('rules.repeated-word[1].allow');
    expect(e.message).toContain('must be array');
  });

  it('unknown option of a rule', async () => {
    const e = await configError({ '.reportlintrc.json': '{"rules": {"repeated-word": ["error", {"alow": []}]}}' });
    expect(e.key).toBe('rules.repeated-word[1].alow');
    expect(e.message).toContain('unknown key');
  });

  it('errors inside overrides carry their index', async () => {
    const e = await configError({ '.reportlintrc.json': '{"overrides": [{"files": "*.md", "rules": {"nope": "off"}}]}' });
    expect(e.key).toBe('overrides[0].rules.nope');
  });

  it('overrides need files', async () => {
    const e = await configError({ '.reportlintrc.json': '{"overrides": [{"rules": {}}]}' });
    expect(e.key).toBe('overrides[0]');
    expect(e.message).toContain("must have required property 'files'");
  });
});

describe('rule settings per file', () => {
  it('overrides apply by glob relative to the config folder, later entries win, options survive a severity change', async () => {
    const dir = project({
      '.reportlintrc.json': JSON.stringify({
        // nothing on by default: only what the config names runs
        extends: [],
        rules: { 'repeated-word': ['warn', { allow: ['冰冰'] }], 'heading-sequence': 'error' },
        overrides: [
          { files: ['drafts/**/*.md'], rules: { 'repeated-word': 'error', 'heading-sequence': 'off' } },
          { files: '*.txt', excludedFiles: 'keep/*.txt', rules: { 'repeated-word': 'off' } },
        ],
      }),
    });
    const config = await loadConfig({ forFile: path.join(dir, 'x.md'), cwd: dir });
    const ids = async (f: string) =>
      Object.fromEntries((await activeRulesFor(path.join(dir, f), config)).map((a) => [a.rule.meta.id, a.severity]));
    expect(await ids('x.md')).toEqual({ 'repeated-word': 1, 'heading-sequence': 2 });
    expect(await ids('drafts/2025/a.md')).toEqual({ 'repeated-word': 2 });
    expect(await ids('other/b.txt')).toEqual({ 'heading-sequence': 2 });
    expect(await ids('keep/c.txt')).toEqual({ 'repeated-word': 1, 'heading-sequence': 2 });
    const drafts = await activeRulesFor(path.join(dir, 'drafts/a.md'), config);
    expect(drafts.find((a) => a.rule.meta.id === 'repeated-word')!.options['allow']).toEqual(['冰冰']);
  });
});

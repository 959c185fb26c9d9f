import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { getValidators } from '../src/config/validators.js';
import { allRules } from '../src/rules/index.js';
import { builtinPacks } from '../src/config/ruleset.js';
import { ROOT } from './cli-helpers.js';

// rules written in code and rules from the built-in packs are held to the same standard
const packRules = builtinPacks((await getValidators(allRules)).pack).flatMap((p) => p.rules);

describe.each([...allRules, ...packRules].map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  const meta = rule.meta;

  it('has a kebab-case id, descriptions and messages in both languages', () => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(meta.description.zh.length).toBeGreaterThan(4);
    expect(meta.description.en.length).toBeGreaterThan(4);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    for (const [messageId, text] of Object.entries(meta.messages)) {
      expect(text.zh, messageId).toMatch(/\S/);
      expect(text.en, messageId).toMatch(/\S/);
      // both languages use the same placeholders
      const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(text.en), messageId).toEqual(placeholders(text.zh));
    }
    expect(['error', 'warn', 'off']).toContain(meta.defaultSeverity);
  });

  it('has an options schema that its default options satisfy and that rejects unknown options', () => {
    const validate = new Ajv.default({ allErrors: true, strictTuples: false }).compile(meta.schema);
    expect(validate(meta.defaultOptions), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...meta.defaultOptions, noSuchOption: true })).toBe(false);
  });

  it('has a doc page with a failing and a passing example', () => {
    const doc = path.join(ROOT, 'docs', 'rules', `${id}.md`);
    expect(existsSync(doc), doc).toBe(true);
    const text = readFileSync(doc, 'utf8');
    expect(text).toContain(`# ${id}`);
    expect(text).toContain(meta.defaultSeverity);
    expect((text.match(/```text/g) ?? []).length).toBeGreaterThanOrEqual(2);
    for (const option of Object.keys((meta.schema['properties'] as Record<string, unknown>) ?? {})) {
      expect(text, `option ${option} documented`).toContain(option);
    }
  });
});

/**
 * Every rule has docs/rules/<id>.md, in step with its meta: the default severity, whether it is
 * fixable, and every option. Rules written in code (src/rules/index.ts) and the rules of every
 * built-in pack (rules/*.json) alike; `reportlint --explain <id>` prints these pages.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getValidators } from '../src/config/validators.js';
import { loadPackFile } from '../src/packs/load.js';
import type { Rule } from '../src/rule.js';
import { allRules } from '../src/rules/index.js';
import { ROOT } from './cli-helpers.js';

const validators = await getValidators(allRules);
const packRules: Rule[] = readdirSync(path.join(ROOT, 'rules'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => loadPackFile(path.join(ROOT, 'rules', f), `rules/${f}`, validators.pack, true).rules);
const rules = [...allRules, ...packRules];

describe.each(rules.map((r) => [r.meta.id, r] as const))('docs/rules/%s.md', (id, rule) => {
  const doc = path.join(ROOT, 'docs', 'rules', `${id}.md`);

  it('exists (and a pack rule\'s own doc link points at a page that exists)', () => {
    expect(existsSync(doc), `${doc} is missing`).toBe(true);
    if (rule.meta.docPath) expect(existsSync(rule.meta.docPath), rule.meta.docPath).toBe(true);
  });

  it('states the default severity and whether the rule is fixable, as its meta does', () => {
    const text = readFileSync(doc, 'utf8');
    expect(text).toMatch(new RegExp(`^# ${id}\\s*$`, 'm'));
    const severity = /Default severity:?\**:?\s*`?(error|warn|off)`?/i.exec(text);
    expect(severity?.[1], 'a "Default severity: `…`" line').toBe(rule.meta.defaultSeverity);
    const fixable = /Fixable:?\**:?\s*(yes|no|partly)/i.exec(text);
    expect(fixable, 'a "Fixable: yes/no" line').not.toBeNull();
    expect(fixable![1]!.toLowerCase() === 'no', `Fixable: ${fixable![1]} but meta.fixable is ${rule.meta.fixable}`).toBe(!rule.meta.fixable);
  });

  it('documents every option', () => {
    const text = readFileSync(doc, 'utf8');
    for (const option of Object.keys((rule.meta.schema['properties'] as Record<string, unknown> | undefined) ?? {})) {
      expect(text, `option ${option}`).toMatch(new RegExp(`\`${option}\``));
    }
  });

  it('is what --explain prints', async () => {
    const { explainRule } = await import('../src/cli/info.js');
    expect(explainRule(id, rules, 'en')).toBe(readFileSync(rule.meta.docPath ?? doc, 'utf8').replace(/^\uFEFF/, '').replace(/\s*$/, '\n'));
  });
});

/**
 * Every rule — written in code (src/rules/index.ts) or in a built-in pack (rules/*.json) — is held
 * to one standard: a sound meta, and a page docs/rules/<id>.md in step with it (default severity,
 * fixable, every option, what --explain prints), whose examples run as tests through the
 * RuleTester (docs/rules/README.md gives the convention):
 *
 *   ```text failing 1:9 2:5      the findings of this rule, exactly (line:column)
 *   ```text passing              no finding of this rule
 *   ```text previous             last year's report, for the failing and passing blocks after it
 *   ```text                      anything else (not run); right after a failing block, the
 *                                CLI's lines for it, which must match the findings
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { getValidators } from '../src/config/validators.js';
import { builtinPacks } from '../src/packs/load.js';
import type { Rule } from '../src/rule.js';
import { allRules } from '../src/rules/index.js';
import { ROOT } from './cli-helpers.js';
import { checkValid, findings } from './rule-tester.js';

const packRules: Rule[] = builtinPacks((await getValidators(allRules)).pack).flatMap((p) => p.rules);
const rules: Rule[] = [...allRules, ...packRules];

interface Example {
  kind: 'failing' | 'passing';
  /** 1-based line of the opening fence in the page */
  line: number;
  text: string;
  /** failing: expected line:column of each finding */
  at: string[];
  options: Record<string, unknown>;
  filename: string;
  previous: string | null;
  /** failing: the CLI lines shown right after the block, if any */
  output: string[] | null;
}

/** The examples of a rule page, read by the convention above. */
function examplesOf(page: string): Example[] {
  const lines = page.split('\n');
  const examples: Example[] = [];
  let previous: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const open = /^```text(?:\s+(.*))?$/.exec(lines[i]!);
    if (!open) {
      if (lines[i]!.startsWith('```')) i = closeOf(lines, i); // another language: skip its body
      continue;
    }
    const end = closeOf(lines, i);
    const text = lines.slice(i + 1, end).join('\n') + '\n';
    const [kind, ...words] = (open[1] ?? '').trim().split(/\s+/).filter(Boolean);
    const line = i + 1;
    i = end;
    if (kind === undefined) continue;
    if (kind === 'previous') {
      previous = text;
      continue;
    }
    if (kind !== 'failing' && kind !== 'passing') throw new Error(`line ${line}: \`\`\`text ${kind}: expected failing, passing or previous`);
    const example: Example = { kind, line, text, at: [], options: {}, filename: 'example.txt', previous, output: null };
    for (const w of words) {
      if (/^\d+:\d+$/.test(w) && kind === 'failing') example.at.push(w);
      else if (w.startsWith('options=')) example.options = JSON.parse(w.slice('options='.length)) as Record<string, unknown>;
      else if (w.startsWith('filename=')) example.filename = w.slice('filename='.length);
      else throw new Error(`line ${line}: unexpected "${w}" after \`\`\`text ${kind}`);
    }
    if (kind === 'failing') {
      // the CLI's lines for it: a plain ```text block right after, blank lines between
      let k = i + 1;
      while (k < lines.length && lines[k]!.trim() === '') k++;
      if (lines[k] === '```text') {
        const close = closeOf(lines, k);
        example.output = lines.slice(k + 1, close);
        i = close;
      }
    }
    examples.push(example);
  }
  return examples;
}

function closeOf(lines: string[], open: number): number {
  let j = open + 1;
  while (j < lines.length && !lines[j]!.startsWith('```')) j++;
  return j;
}

describe.each(rules.map((r) => [r.meta.id, r] as const))('rule %s', (id, rule) => {
  const meta = rule.meta;
  const doc = path.join(ROOT, 'docs', 'rules', `${id}.md`);
  const page = existsSync(doc) ? readFileSync(doc, 'utf8') : '';

  it('has a kebab-case id, descriptions and messages in both languages with the same placeholders', () => {
    expect(id).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
    expect(meta.description.zh.length).toBeGreaterThan(4);
    expect(meta.description.en.length).toBeGreaterThan(4);
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
    for (const [messageId, text] of Object.entries(meta.messages)) {
      expect(text.zh, messageId).toMatch(/\S/);
      expect(text.en, messageId).toMatch(/\S/);
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

  it('has a doc page (and a pack rule\'s own doc link points at a page that exists)', () => {
    expect(existsSync(doc), `${doc} is missing`).toBe(true);
    if (meta.docPath) expect(existsSync(meta.docPath), meta.docPath).toBe(true);
    expect(page).toMatch(new RegExp(`^# ${id}\\s*$`, 'm'));
  });

  it('states the default severity and whether the rule is fixable, as its meta does', () => {
    const severity = /Default severity:?\**:?\s*`?(error|warn|off)`?/i.exec(page);
    expect(severity?.[1], 'a "Default severity: `…`" line').toBe(meta.defaultSeverity);
    const fixable = /Fixable:?\**:?\s*(yes|no|partly)/i.exec(page);
    expect(fixable, 'a "Fixable: yes/no" line').not.toBeNull();
    expect(fixable![1]!.toLowerCase() === 'no', `Fixable: ${fixable![1]} but meta.fixable is ${meta.fixable}`).toBe(!meta.fixable);
  });

  it('documents every option', () => {
    for (const option of Object.keys((meta.schema['properties'] as Record<string, unknown> | undefined) ?? {})) {
      expect(page, `option ${option}`).toMatch(new RegExp(`\`${option}\``));
    }
  });

  it('is what --explain prints', async () => {
    const { explainRule } = await import('../src/cli/info.js');
    expect(explainRule(id, rules, 'en')).toBe(readFileSync(meta.docPath ?? doc, 'utf8').replace(/^\uFEFF/, '').replace(/\s*$/, '\n'));
  });

  const examples = page ? examplesOf(page) : [];

  it('has a failing and a passing example', () => {
    expect(examples.filter((e) => e.kind === 'failing').length).toBeGreaterThanOrEqual(1);
    expect(examples.filter((e) => e.kind === 'passing').length).toBeGreaterThanOrEqual(1);
  });

  it.each(examples.map((e) => [`${e.kind} example at line ${e.line}`, e] as const))('%s', async (_, e) => {
    if (e.kind === 'passing') return checkValid(rule, { text: e.text, options: e.options, filename: e.filename, previous: e.previous ?? undefined });
    const found = await findings(rule, e.text, e.options, e.filename, e.previous);
    expect(found.map((f) => `${f.line}:${f.column}`), 'the findings the info string lists').toEqual(e.at);
    if (e.output) {
      // "3:1   警告  message  rule-id", as the CLI prints it (--format stylish, zh)
      const shown = e.output.filter((l) => l.trim()).map((l) => {
        const m = /^(\d+:\d+)\s+(错误|警告)\s+(.*?)\s+(\S+)$/.exec(l.trim());
        if (!m) throw new Error(`line "${l}" of the output block is not "line:column  错误|警告  message  rule-id"`);
        return [m[1], m[2], m[3], m[4]];
      });
      const severity = (f: (typeof found)[number]) => (f.level === 'warn' || meta.defaultSeverity === 'warn' ? '警告' : '错误');
      expect(shown, 'the output block').toEqual(found.map((f) => [`${f.line}:${f.column}`, severity(f), f.message, id]));
    }
  });
});

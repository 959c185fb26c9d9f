/**
 * RuleTester: one rule's valid and invalid texts, run the way the CLI runs them — parseDocument,
 * the engine (lintDocument, which holds the rule to its contract) and the fixer (fixText).
 *
 *   ruleTester(rule).run({
 *     valid: ['全年办理案件126件。', { text: '…', options: { chineseLatin: true }, filename: 'draft.md' }],
 *     invalid: [{ text: '严格落实 “一岗双责”。', errors: ['1:5 between'], output: '严格落实“一岗双责”。' }],
 *   });
 *
 * - valid: the rule finds nothing.
 * - invalid: exactly these findings, in the engine's order. An error is 'line:column' or
 *   'line:column messageId' (columns in code points, as printed), or an object that may also
 *   name endLine, endColumn, the covered text, data, level ('warn' for a finding lowered to a
 *   warning) or the Chinese message.
 * - output: the text once --fix is done with this rule (every pass); null: no fix offered.
 * - options are checked against the rule's schema first; every finding is rendered in zh and en,
 *   and both must fill every placeholder.
 */
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseDocumentAsync } from '../src/document/parse/index.js';
import { fixText } from '../src/engine/fix.js';
import { lintDocument, type LintMessage, type ReportedExtras } from '../src/engine/lint.js';
import type { Locale, Rule } from '../src/rule.js';

export interface ValidCase<O> {
  text: string;
  options?: Partial<O>;
  filename?: string;
  /** last year's report (--previous) */
  previous?: string;
  name?: string;
}

export interface ErrorSpec {
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  messageId?: string;
  /** the source text the finding covers */
  text?: string;
  /** the message in Chinese */
  message?: string;
  data?: Record<string, string | number>;
  level?: 'error' | 'warn';
}

export interface InvalidCase<O> extends ValidCase<O> {
  errors: Array<string | ErrorSpec>;
  output?: string | null;
}

export interface Finding extends LintMessage {
  data: Record<string, string | number> | undefined;
  level: 'error' | 'warn' | undefined;
  /** the source text the finding covers */
  text: string;
  /** the message in English */
  messageEn: string;
}

const PLACEHOLDER = /\{\{\s*\w+\s*\}\}/;
const validators = new WeakMap<object, ReturnType<InstanceType<typeof Ajv.default>['compile']>>();

/** Options checked against the rule's schema, merged over its defaults as config/resolve does. */
export function optionsFor(rule: Rule, options: Record<string, unknown> = {}): Record<string, unknown> {
  let validate = validators.get(rule.meta.schema);
  if (!validate) {
    validate = new Ajv.default({ allErrors: true, strictTuples: false }).compile(rule.meta.schema);
    validators.set(rule.meta.schema, validate);
  }
  if (!validate(options)) throw new Error(`options ${JSON.stringify(options)} do not fit ${rule.meta.id}'s schema: ${JSON.stringify(validate.errors)}`);
  return { ...rule.meta.defaultOptions, ...options };
}

/** Lint a text with one rule, in one locale. */
export async function lintWith(
  rule: Rule,
  text: string,
  options: Record<string, unknown>,
  filename: string,
  previousText: string | null,
  locale: Locale,
): Promise<Array<LintMessage & ReportedExtras>> {
  const document = await parseDocumentAsync(text, { filename });
  const previous = previousText === null ? null : await parseDocumentAsync(previousText, { filename: 'previous.txt' });
  const extras = new Map<LintMessage, ReportedExtras>();
  const messages = lintDocument(document, [{ rule, severity: 2, options }], locale, previous, (m, e) => extras.set(m, e));
  return messages.map((m) => ({ ...m, ...extras.get(m)! }));
}

/**
 * Every finding of one rule on a text, rendered in both locales (which must agree and fill
 * every placeholder), with the data and level the rule reported.
 */
export async function findings<O>(
  rule: Rule<O, string>,
  text: string,
  options: Partial<O> = {},
  filename = 'draft.txt',
  previous: string | null = null,
): Promise<Finding[]> {
  const r = rule as unknown as Rule;
  const merged = optionsFor(r, options as Record<string, unknown>);
  const zh = await lintWith(r, text, merged, filename, previous, 'zh');
  const en = await lintWith(r, text, merged, filename, previous, 'en');
  expect(en.map(place), 'the same findings in both locales').toEqual(zh.map(place));
  return zh.map((m, i) => {
    const messageEn = en[i]!.message;
    expect(m.message, `${m.messageId}: every placeholder filled (zh)`).not.toMatch(PLACEHOLDER);
    expect(messageEn, `${m.messageId}: every placeholder filled (en)`).not.toMatch(PLACEHOLDER);
    return { ...m, text: text.slice(m.offset, m.endOffset), messageEn };
  });
}

function place(m: LintMessage): string {
  return `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.messageId}`;
}

/** What --fix makes of a text with this rule alone. */
export async function fixWith<O>(rule: Rule<O, string>, text: string, options: Partial<O> = {}, filename = 'draft.txt', previous: string | null = null): Promise<string> {
  const r = rule as unknown as Rule;
  const merged = optionsFor(r, options as Record<string, unknown>);
  return (await fixText(text, (t) => lintWith(r, t, merged, filename, previous, 'zh'))).text;
}

/** A finding in the shape of an error spec, keeping only what the spec names. */
function shaped(f: Finding, spec: string | ErrorSpec): string | ErrorSpec {
  if (typeof spec === 'string') {
    const withId = /\s/.test(spec.trim());
    return `${f.line}:${f.column}${withId ? ` ${f.messageId}` : ''}`;
  }
  const out: ErrorSpec = {};
  const all: Required<ErrorSpec> = {
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    messageId: f.messageId,
    text: f.text,
    message: f.message,
    data: f.data ?? {},
    level: f.level ?? 'error',
  };
  for (const key of Object.keys(spec) as Array<keyof ErrorSpec>) (out as Record<string, unknown>)[key] = all[key];
  return out;
}

function label(c: ValidCase<unknown>): string {
  return c.name ?? (c.text.length > 60 ? `${c.text.slice(0, 60)}…` : c.text).replace(/\n/g, '⏎');
}

/** Check one invalid case (outside describe/it: the docs test uses it too). */
export async function checkInvalid<O>(rule: Rule<O, string>, c: InvalidCase<O>): Promise<void> {
  const filename = c.filename ?? 'draft.txt';
  const found = await findings(rule, c.text, c.options, filename, c.previous ?? null);
  expect(
    found.map((f, i) => shaped(f, c.errors[i] ?? '0:0 x')),
    'findings',
  ).toEqual(c.errors.map((e) => (typeof e === 'string' ? e.trim().replace(/\s+/g, ' ') : e)));
  if (c.output === null) expect(found.filter((f) => f.fix), 'no fix offered').toEqual([]);
  else if (c.output !== undefined) expect(await fixWith(rule, c.text, c.options, filename, c.previous ?? null), 'output').toBe(c.output);
}

/** Check one valid case. */
export async function checkValid<O>(rule: Rule<O, string>, c: ValidCase<O>): Promise<void> {
  const found = await findings(rule, c.text, c.options, c.filename ?? 'draft.txt', c.previous ?? null);
  expect(found.map((f) => `${f.line}:${f.column} ${f.messageId}: ${f.message}`)).toEqual([]);
}

export function ruleTester<O>(rule: Rule<O, string>) {
  return {
    run({ valid = [], invalid = [] }: { valid?: Array<string | ValidCase<O>>; invalid?: Array<InvalidCase<O>> }): void {
      describe(`${rule.meta.id} (RuleTester)`, () => {
        if (valid.length > 0) {
          describe('valid', () => {
            for (const v of valid) {
              const c = typeof v === 'string' ? { text: v } : v;
              it(label(c), () => checkValid(rule, c));
            }
          });
        }
        if (invalid.length > 0) {
          describe('invalid', () => {
            for (const c of invalid) it(label(c), () => checkInvalid(rule, c));
          });
        }
      });
    },
  };
}

import { applyFixes as applyEngineFixes } from '../src/engine/fix.js';
import type { LintMessage } from '../src/engine/lint.js';
import type { Edit, Rule } from '../src/rule.js';
import { findings } from './rule-tester.js';

/** A finding as the rule tests read it: source offsets, the fix as an edit, the Chinese message. */
export interface TestFinding {
  messageId: string;
  data?: Record<string, string | number>;
  level?: 'error' | 'warn';
  /** source offsets [start, end) */
  start: number;
  end: number;
  fix?: Edit;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** the source text the finding covers */
  text: string;
  message: string;
  /** a summary finding's other places */
  related?: LintMessage['related'];
}

/**
 * Run one rule on a text through the engine and return its findings with positions (see
 * rule-tester.ts, which checks options against the schema and renders both locales).
 */
export async function runRule<O>(
  rule: Rule<O, string>,
  text: string,
  options: Partial<O> = {},
  filename = 'draft.txt',
  previousText: string | null = null,
): Promise<TestFinding[]> {
  return (await findings(rule, text, options, filename, previousText)).map((f) => ({
    messageId: f.messageId,
    ...(f.data !== undefined ? { data: f.data } : {}),
    ...(f.level !== undefined ? { level: f.level } : {}),
    start: f.offset,
    end: f.endOffset,
    ...(f.fix ? { fix: { start: f.fix.range[0], end: f.fix.range[1], text: f.fix.text } } : {}),
    line: f.line,
    column: f.column,
    endLine: f.endLine,
    endColumn: f.endColumn,
    text: f.text,
    message: f.message,
    ...(f.related ? { related: f.related } : {}),
  }));
}

/** Apply the findings' fixes to a text, one pass, with the engine's fixer (src/engine/fix.ts). */
export function applyFixes(text: string, found: ReadonlyArray<{ fix?: Edit }>): string {
  const messages = found.flatMap((f) => (f.fix ? [{ fix: { range: [f.fix.start, f.fix.end] as [number, number], text: f.fix.text } }] : []));
  return applyEngineFixes(text, messages as Parameters<typeof applyEngineFixes>[1]).text;
}

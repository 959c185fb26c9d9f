/**
 * Suppression comments, read from the source text (the Markdown parser drops HTML nodes, so
 * they are found here with a scan; the same syntax works in plain-text drafts):
 *
 *   <!-- reportlint-disable rule-a, rule-b -->   … up to …   <!-- reportlint-enable -->
 *   <!-- reportlint-disable -->                   every rule, until an enable
 *   <!-- reportlint-disable-line rule-a -->       the line the comment is on
 *   <!-- reportlint-disable-next-line rule-a -->  the line after the comment
 *
 * Rules are separated by commas or spaces; ` -- why` after them is a note for people.
 * A disable comment that suppressed nothing can be reported (--report-unused-disable-directives)
 * as a finding of the reserved id `unused-disable-directive`.
 */
import type { LintMessage } from './lint.js';
import type { Locale } from '../rule.js';

export const UNUSED_DIRECTIVE_ID = 'unused-disable-directive';

type Kind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

export interface Directive {
  kind: Kind;
  /** named rules; empty means every rule */
  rules: string[];
  /** source offsets of the whole comment */
  offset: number;
  endOffset: number;
  /** 1-based line of the comment's start, and of its end */
  line: number;
  endLine: number;
}

const COMMENT = /<!--\s*reportlint-(disable-next-line|disable-line|disable|enable)(?=[\s-]|-->)([\s\S]*?)-->/g;

/** Every directive in the text, in order. Cheap when there is none: one indexOf. */
export function parseDirectives(source: string): Directive[] {
  if (!source.includes('reportlint-')) return [];
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10) lineStarts.push(i + 1);
    else if (c === 13) {
      if (source.charCodeAt(i + 1) === 10) i++;
      lineStarts.push(i + 1);
    }
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  const out: Directive[] = [];
  for (const m of source.matchAll(COMMENT)) {
    const kind = m[1] as Kind;
    // "-- reason" ends the rule list
    const list = m[2]!.replace(/(^|\s)--(\s[\s\S]*)?$/, '').trim();
    const rules = list ? list.split(/[\s,]+/).filter(Boolean) : [];
    const offset = m.index;
    const endOffset = offset + m[0].length;
    out.push({ kind, rules, offset, endOffset, line: lineOf(offset), endLine: lineOf(Math.max(offset, endOffset - 1)) });
  }
  return out;
}

export interface SuppressResult {
  /** the messages no directive suppressed */
  messages: LintMessage[];
  /** disable directives (and, for lists, each named rule) that suppressed nothing */
  unused: Array<{ directive: Directive; rule: string | null }>;
}

/**
 * Drop the messages that a directive turns off. Messages are expected sorted by offset.
 * Messages lying inside a directive comment itself (a plain-text draft is linted as text,
 * comment included) are dropped too.
 */
export function applyDirectives(messages: LintMessage[], directives: Directive[]): SuppressResult {
  if (directives.length === 0) return { messages, unused: [] };
  const used = new Set<string>();
  const key = (d: Directive, rule: string | null) => `${d.offset}:${rule ?? '*'}`;
  const lineDirectives = directives.filter((d) => d.kind === 'disable-line' || d.kind === 'disable-next-line');
  const blockDirectives = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');

  // block state, advanced as the messages go by
  let all: Directive | null = null;
  const perRule = new Map<string, Directive>();
  const reenabled = new Set<string>();
  let next = 0;

  const kept: LintMessage[] = [];
  for (const message of [...messages].sort((a, b) => a.offset - b.offset)) {
    while (next < blockDirectives.length && blockDirectives[next]!.endOffset <= message.offset) {
      const d = blockDirectives[next++]!;
      if (d.kind === 'disable') {
        if (d.rules.length === 0) {
          all = d;
          perRule.clear();
          reenabled.clear();
        } else {
          for (const r of d.rules) {
            perRule.set(r, d);
            reenabled.delete(r);
          }
        }
      } else if (d.rules.length === 0) {
        all = null;
        perRule.clear();
        reenabled.clear();
      } else {
        for (const r of d.rules) {
          perRule.delete(r);
          if (all) reenabled.add(r);
        }
      }
    }
    if (directives.some((d) => message.offset >= d.offset && message.endOffset <= d.endOffset)) continue;
    const rule = message.ruleId;
    let by: { d: Directive; rule: string | null } | null = null;
    for (const d of lineDirectives) {
      const target = d.kind === 'disable-line' ? d.line : d.endLine + 1;
      if (message.line !== target) continue;
      if (d.rules.length === 0) by = { d, rule: null };
      else if (d.rules.includes(rule)) by = { d, rule };
      if (by) break;
    }
    if (!by) {
      const d = perRule.get(rule);
      if (d) by = { d, rule };
      else if (all && !reenabled.has(rule)) by = { d: all, rule: null };
    }
    if (by) used.add(key(by.d, by.rule));
    else kept.push(message);
  }

  const unused: SuppressResult['unused'] = [];
  for (const d of directives) {
    if (d.kind === 'enable') continue;
    if (d.rules.length === 0) {
      if (!used.has(key(d, null))) unused.push({ directive: d, rule: null });
    } else {
      for (const r of d.rules) if (!used.has(key(d, r))) unused.push({ directive: d, rule: r });
    }
  }
  return { messages: kept, unused };
}

/** A warning for each unused directive, placed on the comment. */
export function unusedDirectiveMessages(
  unused: SuppressResult['unused'],
  pointAt: (offset: number) => { line: number; column: number },
  locale: Locale,
  severity: 1 | 2 = 1,
): LintMessage[] {
  return unused.map(({ directive, rule }) => {
    const start = pointAt(directive.offset);
    const end = pointAt(directive.endOffset);
    const message = rule === null
      ? locale === 'zh'
        ? `多余的 reportlint-${directive.kind} 注释：此处没有要屏蔽的问题`
        : `Unused reportlint-${directive.kind} directive (no problems were reported)`
      : locale === 'zh'
        ? `多余的 reportlint-${directive.kind} 注释：此处没有「${rule}」的问题`
        : `Unused reportlint-${directive.kind} directive (no problems were reported from '${rule}')`;
    return {
      ruleId: UNUSED_DIRECTIVE_ID,
      messageId: 'unused',
      severity,
      message,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      offset: directive.offset,
      endOffset: directive.endOffset,
    };
  });
}

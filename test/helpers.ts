import { parseDocumentAsync } from '../src/document/parse/index.js';
import type { Report, Rule } from '../src/rule.js';
import { formatMessage } from '../src/rule.js';

export interface TestFinding extends Report {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** the source text the finding covers */
  text: string;
  message: string;
}

/** Run one rule on a text, the way the engine does, and return its findings with positions. */
export async function runRule<O>(
  rule: Rule<O>,
  text: string,
  options: Partial<O> = {},
  filename = 'draft.txt',
  previousText: string | null = null,
): Promise<TestFinding[]> {
  const document = await parseDocumentAsync(text, { filename });
  const previous = previousText === null ? null : await parseDocumentAsync(previousText, { filename: 'previous.txt' });
  const reports: Report[] = [];
  rule.check({
    document,
    previous,
    options: { ...(rule.meta.defaultOptions as O), ...options } as O,
    report: (r) => reports.push(r),
  });
  return reports.map((r) => {
    const start = document.pointAt(r.start);
    const end = document.pointAt(r.end);
    const template = rule.meta.messages[r.messageId];
    if (!template) throw new Error(`unknown messageId ${r.messageId}`);
    return {
      ...r,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      text: text.slice(r.start, r.end),
      message: formatMessage(template.zh, r.data),
    };
  });
}

/** Apply the fixes of findings (non-overlapping, from the end) to a text. */
export function applyFixes(text: string, findings: Report[]): string {
  const fixes = findings.flatMap((f) => (f.fix ? [f.fix] : [])).sort((a, b) => b.start - a.start);
  let out = text;
  let limit = Infinity;
  for (const fix of fixes) {
    if (fix.end > limit) continue;
    out = out.slice(0, fix.start) + fix.text + out.slice(fix.end);
    limit = fix.start;
  }
  return out;
}

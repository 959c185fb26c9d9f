import type { ActiveRule } from '../config/resolve.js';
import type { DocumentModel } from '../document/model.js';
import type { Locale, Report } from '../rule.js';
import { formatMessage } from '../rule.js';

/** One finding, in ESLint's message shape (1-based lines, columns in code points). */
export interface LintMessage {
  ruleId: string;
  messageId: string;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** source offsets, as the parser gave them */
  offset: number;
  endOffset: number;
  /** replace source [range[0], range[1]) with text */
  fix?: { range: [number, number]; text: string };
}

export interface LintResult {
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
}

export class RuleCrashError extends Error {
  override name = 'RuleCrashError';
  constructor(readonly ruleId: string, readonly file: string, cause: unknown) {
    super(`rule ${ruleId} failed on ${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/** Run the active rules on a parsed document. Rules only read the model and report. */
export function lintDocument(
  document: DocumentModel,
  active: readonly ActiveRule[],
  locale: Locale = 'zh',
  previous: DocumentModel | null = null,
): LintMessage[] {
  const messages: LintMessage[] = [];
  const length = document.source.length;
  // a fix is an edit of the file, and a Word document is never rewritten (--fix only reads it)
  const fixable = !/\.docx$/i.test(document.filename);
  for (const { rule, severity, options } of active) {
    const report = (r: Report): void => {
      const template = rule.meta.messages[r.messageId];
      if (!template) throw new Error(`rule ${rule.meta.id} reported unknown messageId "${r.messageId}"`);
      const startOffset = clamp(r.start, 0, length);
      const endOffset = clamp(r.end, startOffset, length);
      const start = document.pointAt(startOffset);
      const end = document.pointAt(endOffset);
      const message: LintMessage = {
        ruleId: rule.meta.id,
        messageId: r.messageId,
        severity: r.level === 'warn' ? 1 : severity,
        message: formatMessage(template[locale], r.data),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        offset: startOffset,
        endOffset,
      };
      if (r.fix && rule.meta.fixable && fixable) {
        const fixStart = clamp(r.fix.start, 0, length);
        const fixEnd = clamp(r.fix.end, fixStart, length);
        // a fix that changes nothing is not one (--fix skips it; it must not be counted as fixable)
        if (document.source.slice(fixStart, fixEnd) !== r.fix.text) message.fix = { range: [fixStart, fixEnd], text: r.fix.text };
      }
      messages.push(message);
    };
    try {
      rule.check({ document, previous, options, report });
    } catch (error) {
      throw new RuleCrashError(rule.meta.id, document.filename, error);
    }
  }
  return messages.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || (a.ruleId === b.ruleId ? 0 : a.ruleId.localeCompare(b.ruleId)));
}

export function summarize(filePath: string, messages: LintMessage[]): LintResult {
  const result: LintResult = { filePath, messages, errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  for (const m of messages) {
    if (m.severity === 2) {
      result.errorCount++;
      if (m.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (m.fix) result.fixableWarningCount++;
    }
  }
  return result;
}

function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.max(lo, Math.min(hi, Math.floor(n))) : lo;
}

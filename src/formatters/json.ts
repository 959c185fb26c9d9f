import type { LintResult } from '../engine/lint.js';
import type { FormatContext } from './types.js';

/**
 * ESLint's JSON shape (schemas/results.schema.json): one entry per file, severity 1 = warning,
 * 2 = error, fix as {range, text} over source offsets.
 */
export function json(results: LintResult[], _context: FormatContext): string {
  return JSON.stringify(
    results.map((r) => ({
      filePath: r.filePath,
      messages: r.messages.map((m) => ({
        ruleId: m.ruleId,
        messageId: m.messageId,
        severity: m.severity,
        message: m.message,
        line: m.line,
        column: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        ...(m.fix ? { fix: m.fix } : {}),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      fixableErrorCount: r.fixableErrorCount,
      fixableWarningCount: r.fixableWarningCount,
    })),
  ) + '\n';
}

import type { LintResult } from '../engine/lint.js';
import type { FormatContext } from './types.js';

/**
 * ESLint's JSON shape (schemas/results.schema.json): one entry per file, severity 1 = warning,
 * 2 = error, fix as {range, text} over source offsets, and for a summary finding (「全文有170处……」)
 * `related`: the other places it stands for.
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
        // the other places a summary finding stands for
        ...(m.related ? { related: m.related.map((r) => ({ line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn })) } : {}),
      })),
      errorCount: r.errorCount,
      warningCount: r.warningCount,
      fixableErrorCount: r.fixableErrorCount,
      fixableWarningCount: r.fixableWarningCount,
    })),
  ) + '\n';
}

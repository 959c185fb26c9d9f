import path from 'node:path';
import type { LintResult } from '../engine/lint.js';
import type { FormatContext } from './types.js';

/**
 * GitHub Actions workflow commands: one `::error` / `::warning` line per finding, which the
 * runner turns into an annotation on the file and line. Paths are relative to cwd (the
 * repository root in a workflow); line and column numbers are 1-based, columns in code points.
 */
export function github(results: LintResult[], context: FormatContext): string {
  const lines: string[] = [];
  for (const result of results) {
    const file = (path.relative(context.cwd, result.filePath) || result.filePath).split(path.sep).join('/');
    for (const m of result.messages) {
      const properties = [
        ['file', file],
        ['line', m.line],
        ['col', m.column],
        ['endLine', m.endLine],
        ['endColumn', m.endColumn],
        ['title', m.ruleId],
      ].map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
      lines.push(`::${m.severity === 2 ? 'error' : 'warning'} ${properties.join(',')}::${escapeData(m.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The runner's escaping of a command's message. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** The runner's escaping of a property value: as the message, and also `:` and `,`. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

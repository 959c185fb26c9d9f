import path from 'node:path';
import type { LintResult } from '../engine/lint.js';
import type { FormatContext } from './types.js';
import { headingAt, placeOf, shortHeading } from './place.js';
import { displayWidth, padEnd } from './width.js';

const TEXT = {
  zh: { error: '错误', warning: '警告', problems: '个问题', errors: '个错误', warnings: '个警告', fixable: '个可自动修复，使用 --fix 自动修复' },
  en: { error: 'error', warning: 'warning', problems: 'problems', errors: 'errors', warnings: 'warnings', fixable: 'fixable with the --fix option' },
};

/**
 * ESLint's stylish layout: file, then `line:col  severity  message  rule-id`, then a summary.
 * A Word document's rows are `第12段第5字  二、存在的不足  severity  message  rule-id`.
 */
export function stylish(results: LintResult[], context: FormatContext): string {
  const t = TEXT[context.locale];
  const paint = (code: string, s: string) => (context.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let fixable = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    fixable += result.fixableErrorCount + result.fixableWarningCount;
    out.push(paint('4', path.relative(context.cwd, result.filePath) || result.filePath));
    const rows = result.messages.map((m) => ({
      place: placeOf(result, m, context.locale),
      heading: headingOf(result, m),
      severity: m.severity === 2 ? t.error : t.warning,
      isError: m.severity === 2,
      message: m.message.replace(/\s*\n\s*/g, ' '),
      ruleId: m.ruleId,
    }));
    const placeWidth = Math.max(...rows.map((r) => displayWidth(r.place)));
    const headingWidth = Math.max(...rows.map((r) => displayWidth(r.heading)));
    const severityWidth = Math.max(...rows.map((r) => displayWidth(r.severity)));
    const messageWidth = Math.min(80, Math.max(...rows.map((r) => displayWidth(r.message))));
    for (const r of rows) {
      out.push(
        `  ${paint('2', padEnd(r.place, placeWidth))}  ${headingWidth ? `${padEnd(r.heading, headingWidth)}  ` : ''}${paint(r.isError ? '31' : '33', padEnd(r.severity, severityWidth))}  ${padEnd(r.message, messageWidth)}  ${paint('2', r.ruleId)}`,
      );
    }
    out.push('');
  }
  const total = errors + warnings;
  if (total === 0) return '';
  const summary = context.locale === 'zh'
    ? `✖ ${total} ${t.problems}（${errors} ${t.errors}，${warnings} ${t.warnings}）`
    : `✖ ${total} ${total === 1 ? 'problem' : t.problems} (${errors} ${errors === 1 ? 'error' : t.errors}, ${warnings} ${warnings === 1 ? 'warning' : t.warnings})`;
  out.push(paint(errors ? '31;1' : '33;1', summary));
  if (fixable) out.push(paint(errors ? '31;1' : '33;1', context.locale === 'zh' ? `  其中 ${fixable} ${t.fixable}` : `  ${fixable} ${t.fixable}`));
  return out.join('\n') + '\n';
}

/**
 * Word shows no paragraph numbers, so a Word document's finding also names the heading its
 * paragraph sits under, in a column of its own: `第12段第5字  二、存在的不足  错误  …`.
 */
function headingOf(result: LintResult, m: LintResult['messages'][number]): string {
  if (result.inputKind !== 'docx') return '';
  const heading = headingAt(result.outline, m.line);
  return heading ? shortHeading(heading.text) : '';
}

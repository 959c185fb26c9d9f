import path from 'node:path';
import type { LintResult } from '../engine/lint.js';
import type { FormatContext } from './types.js';

/**
 * JUnit XML, the report format CI dashboards read (GitLab `artifacts:reports:junit`, Jenkins,
 * Azure DevOps): one <testsuite> per file, one failing <testcase> per finding, and one passing
 * <testcase> for a file with no findings, so every checked file shows up.
 */
export function junit(results: LintResult[], context: FormatContext): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const result of results) {
    const name = (path.relative(context.cwd, result.filePath) || result.filePath).split(path.sep).join('/');
    const cases = result.messages.map((m) => {
      const severity = m.severity === 2 ? 'error' : 'warning';
      return (
        `    <testcase classname="${attr(name)}" name="${attr(`${m.line}:${m.column} ${m.ruleId}`)}" time="0">\n` +
        `      <failure message="${attr(m.message)}" type="${attr(m.ruleId)}">${text(`${m.line}:${m.column} ${severity} ${m.message}`)}</failure>\n` +
        `    </testcase>`
      );
    });
    if (cases.length === 0) cases.push(`    <testcase classname="${attr(name)}" name="reportlint" time="0"/>`);
    const suiteFailures = result.errorCount + result.warningCount;
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${attr(name)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n` +
        `${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="reportlint" tests="${tests}" failures="${failures}" errors="0" time="0">\n` +
    (suites.length ? `${suites.join('\n')}\n` : '') +
    `</testsuites>\n`
  );
}

/** Characters XML 1.0 does not allow at all (controls, lone surrogates, U+FFFE/U+FFFF) are dropped. */
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function text(s: string): string {
  return s.replace(ILLEGAL, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Attribute values: also quotes, and line breaks and tabs as references so parsers keep them. */
function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

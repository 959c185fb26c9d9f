/**
 * Programmatic API: lint a text or files as the CLI does, through the same engine
 * (src/engine/lint-files.ts): suppression comments, `previous` and the config's overrides apply.
 *
 *   import { lintText } from 'reportlint';
 *   const result = await lintText('一、总体情况\n提升提升……', { filename: 'draft.txt' });
 */
import type { Config } from './config/index.js';
import { ConfigsByFolder, type ConfigLookup } from './engine/config.js';
import type { LintResult } from './engine/lint.js';
import { summarize } from './engine/lint.js';
import { lintFiles as runEngine, type LintFilesOptions } from './engine/lint-files.js';
import { PreviousReports } from './engine/previous.js';
import { InputError } from './errors.js';
import { collectFiles } from './input/files.js';
import type { Locale } from './rule.js';

export type * from './document/model.js';
export type { LintMessage, LintResult } from './engine/lint.js';
export { defaultConfig, loadConfig } from './engine/config.js';
export type { Config } from './config/index.js';
export type { Rule, RuleMeta, RuleContext, Report, Fix, Locale } from './rule.js';
export type { InputKind } from './input/kind.js';
export { parseDocument, parseDocumentAsync, loadMarkdownSupport } from './document/parse/index.js';
export { allRules } from './rules/index.js';
export { lintDocument } from './engine/lint.js';
export { explainDocument, explainReport, type ReportExplanation } from './engine/explain-report.js';
export { REPORT_TYPES, type ReportTypeDecision, type ReportTypeEvidence } from './document/facts/report-type.js';

export interface LintOptions {
  /** the folder relative names are resolved from (default: process.cwd()) */
  cwd?: string;
  /** a config file to use; otherwise the nearest one from each file's folder, if any */
  configFile?: string;
  /** use this config object instead of searching (as if read from a file) */
  config?: Config;
  locale?: Locale;
  /** last year's report, as --previous; a config's `previous` applies without it */
  previous?: string;
  /** warn about reportlint-disable comments that suppress nothing, as --report-unused-disable-directives */
  reportUnusedDisableDirectives?: boolean;
}

export interface LintTextOptions extends LintOptions {
  /** decides the format (.md is Markdown, .docx is placed by paragraph) and which config applies */
  filename?: string;
}

function engineOptions(options: LintOptions): LintFilesOptions {
  const cwd = options.cwd ?? process.cwd();
  const fixed = options.config;
  const configs: ConfigLookup = fixed ? { configFor: async () => fixed } : new ConfigsByFolder(cwd, options.configFile);
  return {
    cwd,
    configs,
    locale: options.locale,
    previous: new PreviousReports(cwd, options.previous),
    post: { reportUnused: options.reportUnusedDisableDirectives === true },
  };
}

/** Lint a text as the CLI would lint a file with that name (an empty text has no findings). */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const filename = options.filename ?? 'draft.txt';
  const run = await runEngine([{ path: filename, text }], { ...engineOptions(options), concurrency: 'off' });
  return run.files[0]?.result ?? summarize(filename, []);
}

/**
 * Lint files, folders and globs as the CLI does (without --fix, the cache or ignore files).
 * A file that cannot be read, or that is empty, is an InputError naming it.
 */
export async function lintFiles(patterns: string[], options: LintOptions = {}): Promise<LintResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const collected = await collectFiles(patterns, cwd);
  const run = await runEngine(collected.files.map((f) => ({ path: f })), engineOptions(options));
  const problems = [...collected.errors];
  for (const { path, outcome } of run.files) {
    if (outcome.kind === 'unreadable') problems.push(outcome.message);
    else if (outcome.kind === 'empty') problems.push(`文件为空: ${path} / empty file, nothing to check`);
  }
  if (problems.length) throw new InputError(problems.join('\n'), patterns.join(' '));
  return run.files.flatMap((f) => (f.result ? [f.result] : []));
}

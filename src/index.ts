/**
 * Programmatic API: parse a draft into the document model and lint it.
 *
 *   import { lintText } from 'reportlint';
 *   const result = await lintText('一、总体情况\n提升提升……', { filename: 'draft.txt' });
 */
import type { Config } from './config/index.js';
import { loadConfig } from './config/index.js';
import { activeRulesFor } from './config/resolve.js';
import type { LintResult } from './engine/lint.js';
import { lintDocument, summarize } from './engine/lint.js';
import { parseDocumentAsync } from './document/parse/index.js';
import type { Locale } from './rule.js';

export type * from './document/model.js';
export type { LintMessage, LintResult } from './engine/lint.js';
export { defaultConfig, loadConfig } from './config/index.js';
export type { Config } from './config/index.js';
export type { Rule, RuleMeta, RuleContext, Report, Fix, Locale } from './rule.js';
export { parseDocument, parseDocumentAsync, loadMarkdownSupport } from './document/parse/index.js';
export { allRules } from './rules/index.js';
export { lintDocument } from './engine/lint.js';

export interface LintTextOptions {
  /** decides the format (.md is Markdown) and which config applies */
  filename?: string;
  /** a config file to use; otherwise the nearest one from the file's folder, if any */
  configFile?: string;
  /** use this config object instead of searching (as if read from a file) */
  config?: Config;
  locale?: Locale;
}

/** Lint a text as the CLI would lint a file with that name. */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<LintResult> {
  const filename = options.filename ?? 'draft.txt';
  const config = options.config ?? (await loadConfig({ forFile: filename, explicitPath: options.configFile }));
  const active = await activeRulesFor(filename, config);
  const document = await parseDocumentAsync(text, { filename });
  return summarize(filename, lintDocument(document, active, options.locale ?? config.locale ?? 'zh'));
}

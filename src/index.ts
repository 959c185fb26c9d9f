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
import type { DocumentModel } from './document/model.js';
import { declareReportType, factsOf, type ReportTypeDecision } from './document/facts/index.js';

export type * from './document/model.js';
export type { LintMessage, LintResult } from './engine/lint.js';
export { defaultConfig, loadConfig } from './config/index.js';
export type { Config } from './config/index.js';
export type { Rule, RuleMeta, RuleContext, Report, Fix, Locale } from './rule.js';
export { parseDocument, parseDocumentAsync, loadMarkdownSupport } from './document/parse/index.js';
export { allRules } from './rules/index.js';
export { lintDocument } from './engine/lint.js';
export { REPORT_TYPES, type ReportTypeDecision, type ReportTypeEvidence } from './document/facts/report-type.js';

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
  declareReportType(document, config.reportType);
  return summarize(filename, lintDocument(document, active, options.locale ?? config.locale ?? 'zh'));
}

/** What reportlint takes a draft to be: its type with the confidence and evidence, and its report year N. */
export interface ReportExplanation {
  file: string;
  type: string;
  confidence: number;
  declared: boolean;
  /** whether the rules about any annual report run (relative-time, date-validity's annual checks) */
  annualReport: boolean;
  scores: ReportTypeDecision['scores'];
  evidence: Array<Omit<ReportTypeDecision['evidence'][number], 'start' | 'end'> & { line?: number; column?: number }>;
  /** the report year N and where it was read; null when nothing says it */
  year: { year: number; source: string; text: string; line: number; column: number } | null;
}

/** Explain the report type and year of a text, as the rules see them (--explain-report). */
export async function explainReport(text: string, options: Omit<LintTextOptions, 'locale'> = {}): Promise<ReportExplanation> {
  const filename = options.filename ?? 'draft.txt';
  const config = options.config ?? (await loadConfig({ forFile: filename, explicitPath: options.configFile }));
  const document = await parseDocumentAsync(text, { filename });
  return explainDocument(document, config.reportType ?? null);
}

/** The same for a parsed document (a .docx read by the CLI). */
export function explainDocument(document: DocumentModel, declared: string | null): ReportExplanation {
  declareReportType(document, declared);
  const facts = factsOf(document);
  const d = facts.reportTypeDecision;
  const y = facts.reportYear;
  const place = (start?: number) => (start === undefined ? {} : { line: document.pointAt(start).line, column: document.pointAt(start).column });
  return {
    file: document.filename,
    type: d.type,
    confidence: d.confidence,
    declared: d.declared,
    annualReport: facts.isAnnualReport,
    scores: d.scores,
    evidence: d.evidence.map(({ start, end: _end, ...e }) => ({ ...e, ...place(start) })),
    year: y ? { year: y.year, source: y.source, text: document.source.slice(y.evidence.start, y.evidence.end), ...(place(y.evidence.start) as { line: number; column: number }) } : null,
  };
}

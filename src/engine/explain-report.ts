/**
 * What reportlint takes a draft to be (--explain-report, and explainReport in the API): its
 * report type with the confidence and the evidence, and its report year N with where it was read.
 */
import type { Config } from '../config/index.js';
import { declareReportType, factsOf, type ReportTypeDecision } from '../document/facts/index.js';
import type { DocumentModel } from '../document/model.js';
import { parseDocumentAsync } from '../document/parse/index.js';
import { loadConfig } from './config.js';

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
export async function explainReport(text: string, options: { filename?: string; configFile?: string; config?: Config } = {}): Promise<ReportExplanation> {
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

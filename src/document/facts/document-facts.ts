import type { DocumentFacts, DocumentModel } from '../model.js';
import { extractDates, signatureDate } from './dates.js';
import { extractFigures } from './figures.js';
import { findPlanSection, inferReportYear, reportTypeOf } from './report-year.js';

/**
 * The facts of a document, for DocumentModel.facts. Each is computed on first access and kept:
 * a run whose rules only ask for the report type never pays for figure extraction.
 */
export function extractFacts(document: DocumentModel): DocumentFacts {
  const memo = new Map<keyof DocumentFacts, unknown>();
  const once = <K extends keyof DocumentFacts>(key: K, compute: () => DocumentFacts[K]): DocumentFacts[K] => {
    if (!memo.has(key)) memo.set(key, compute());
    return memo.get(key) as DocumentFacts[K];
  };
  const facts: DocumentFacts = {
    get figures() { return once('figures', () => extractFigures(document)); },
    get dates() { return once('dates', () => extractDates(document)); },
    get signatureDate() { return once('signatureDate', () => signatureDate(document)); },
    get reportYear() { return once('reportYear', () => inferReportYear(document)); },
    get reportType() { return once('reportType', () => reportTypeOf(document)); },
    get planSection() { return once('planSection', () => findPlanSection(document, facts.reportYear?.year ?? null)); },
  };
  return facts;
}

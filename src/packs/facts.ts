import type { DocumentModel } from '../document/model.js';

/** What a pack's `when` conditions can ask about a document (json-logic data). */
export interface DocumentFacts {
  reportType: string | null;
  /** the report year N, or null when it cannot be inferred */
  year: number | null;
  format: 'markdown' | 'text';
  sectionCount: number;
  hasTitle: boolean;
  hasSignature: boolean;
}

const cache = new WeakMap<DocumentModel, DocumentFacts>();

/**
 * Made once per document, on first use. The report type and year are read from doc.facts (which
 * computes each once) only when asked for: a rule that needs neither, or only the type, does not
 * pay for inferring the year.
 */
export function documentFacts(doc: DocumentModel): DocumentFacts {
  let facts = cache.get(doc);
  if (!facts) {
    facts = {
      get reportType() {
        return doc.facts.reportType;
      },
      get year() {
        return doc.facts.reportYear?.year ?? null;
      },
      format: doc.format,
      sectionCount: doc.allSections.length,
      hasTitle: doc.title !== null,
      hasSignature: doc.signature !== null,
    };
    cache.set(doc, facts);
  }
  return facts;
}

/** Facts to test a pack's json-logic conditions against when it is loaded. */
export const SAMPLE_FACTS: DocumentFacts & { unit: UnitFacts } = {
  reportType: 'fazhi-annual-report',
  year: 2025,
  format: 'text',
  sectionCount: 5,
  hasTitle: true,
  hasSignature: true,
  unit: { kind: 'paragraph', part: null, heading: '', level: 1 },
};

/** What a condition can ask about the unit being checked. */
export interface UnitFacts {
  kind: string;
  /** the part (of a sections check in the same rule) the unit lies in */
  part: string | null;
  heading: string;
  level: number;
}

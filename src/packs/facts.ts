import type { WhenData } from '../document/facts/index.js';

/** What a pack's `when` conditions can ask about a document: factsOf(doc).when. */
export type { WhenData };

/** Facts to test a pack's json-logic conditions against when it is loaded. */
export const SAMPLE_FACTS: WhenData & { unit: UnitFacts } = {
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

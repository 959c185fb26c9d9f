/**
 * The parts of a 法治政府建设年度报告 (measures and results, shortcomings, the leaders' duty, next
 * year's plan, other matters) as the built-in pack rules/fazhi-annual-report.json defines them:
 * the one place where code asks which section is which part (date-validity: the measures
 * headings; previous-shortcomings: the shortcomings part). The pack's `sections` check reads the
 * same data through the pack loader.
 *
 * Also the heading words the year inference and figure-consistency use to tell a section about
 * another year (a plan, a rectification) from one about the report year: one vocabulary, here.
 */
import { readFileSync } from 'node:fs';
import { compileParts, findParts, type CompiledPart, type FoundPart, type PartDefinition } from './part-finder.js';

/** What this module reads of a pack file: the parts of its `sections` checks. */
interface PackFile {
  rules: Array<{ checks: Array<{ type: string; parts?: PartDefinition[] }> }>;
}
import { packageFile } from '../../paths.js';
import type { DocumentModel } from '../model.js';
import type { TextRange } from './blocks.js';

/** The built-in pack that defines the parts of an annual report. */
const ANNUAL_REPORT_PACK = 'rules/fazhi-annual-report.json';

let definitions: ReadonlyMap<string, CompiledPart> | null = null;

/** The parts of the built-in pack's first `sections` check by id, compiled once per process (trusted patterns). */
export function annualReportParts(): ReadonlyMap<string, CompiledPart> {
  if (!definitions) {
    const pack = JSON.parse(readFileSync(packageFile(ANNUAL_REPORT_PACK), 'utf8')) as PackFile;
    const sections = pack.rules.flatMap((r) => r.checks).find((c) => c.type === 'sections');
    const parts = compileParts(sections?.parts ?? [], true);
    definitions = new Map(parts.map((p) => [p.def.id, p]));
  }
  return definitions;
}

/** The parts of one document (factsOf(document).parts). */
export interface ReportParts {
  /** the parts as the pack defines them, by id (measures, shortcomings, leaders-duty, next-year-plan, other-matters) */
  readonly definitions: ReadonlyMap<string, CompiledPart>;
  /** where a part is in this document: the first section whose heading names it, else a passage with one of its keywords */
  found(id: string): FoundPart | null;
  /** whether a heading title names the part (matches one of its heading patterns) */
  isHeadingOf(id: string, title: string): boolean;
}

export function reportParts(document: DocumentModel, passages: () => readonly TextRange[]): ReportParts {
  const defs = annualReportParts();
  const found = new Map<string, FoundPart | null>();
  return {
    definitions: defs,
    found(id) {
      if (!found.has(id)) {
        const part = defs.get(id);
        found.set(id, part ? findParts(document, [part], passages()).get(id) ?? null : null);
      }
      return found.get(id)!;
    },
    isHeadingOf(id, title) {
      return defs.get(id)?.headings.some((re) => re.test(title)) ?? false;
    },
  };
}

// --- heading words about another year ---------------------------------------------------------

/** Words of a plan after a year in a heading (2026年工作安排): the year is N+1, not N. */
export const PLAN_WORDS = /安排|打算|计划|思路|规划|举措|目标|展望/;
/** Words of a heading that looks back at last year (整改, 不足): its year is not N. */
export const LOOKING_BACK = /整改|不足|问题|短板/;
/**
 * Headings of sections where last year's figures or plans are quoted: the LOOKING_BACK words and
 * the plan words without 规划, 举措 and 目标 (which also head results: 主要举措和成效).
 */
export const OTHER_YEAR_HEADING = /整改|不足|问题|短板|计划|安排|打算|思路|展望/;

/**
 * The facts of a document, and their one home: factsOf(document).
 *
 * Everything derived from a parsed document that more than one rule or pack reads — the blocks
 * the extractors scan, the line blocks of the punctuation rules, figures, dates, the report year
 * and type, the plan section, the parts of an annual report, the year of every sentence, the data
 * a pack's `when` conditions see — is computed here, lazily, at most once per document. The model
 * (../model.ts) knows nothing of it and the parser does not build it; rules only read it.
 */
import type { DocumentModel, Section } from '../model.js';
import { collectLineBlocks, type LineBlock } from '../text.js';
import { collectDocumentRanges, collectFactBlocks, type FactBlock, type TextRange } from './blocks.js';
import { extractDates, scanDates, signatureDate, type DateMention, type SignatureDate, type TextDate } from './dates.js';
import { extractFigures, groupFigures, tableReadings, type Figure, type FigureScope, type TableReading } from './figures.js';
import { reportParts, type ReportParts } from './parts.js';
import { sentenceYearsOf, type SentenceYear } from './sentence-years.js';
import { findPlanSection, inferReportYear, type ReportYear } from './report-year.js';
import { decideReportType, isAnnualType, type ReportType, type ReportTypeDecision } from './report-type.js';

export * from './numbers.js';
export * from './figures.js';
export * from './dates.js';
export * from './report-year.js';
export * from './report-type.js';
export { OTHER_YEAR_HEADING, type ReportParts } from './parts.js';
export type { SentenceYear } from './sentence-years.js';
export {
  nameRanges, RangeSet, sourceRange, type FactBlock, type BlockPlace, type TextRange,
} from './blocks.js';

/** What a pack's `when` conditions can ask about a document (json-logic data). */
export interface WhenData {
  reportType: string | null;
  /** the report year N, or null when it cannot be inferred */
  year: number | null;
  format: 'markdown' | 'text';
  sectionCount: number;
  hasTitle: boolean;
  hasSignature: boolean;
}

/** The facts of one document; every property is computed on first access and then kept. Shared: callers must not change what they get. */
export interface DocumentFacts {
  /** the title, every heading (read after its ordinal) and every body paragraph, in document order */
  readonly blocks: readonly FactBlock[];
  /** the date mentions of each of `blocks`, in the same order, with text indices */
  readonly blockDates: ReadonlyArray<readonly TextDate[]>;
  /** the blocks as a reader sees the lines (a heading joined with its run-in paragraph), with their protected masks */
  readonly lineBlocks: readonly LineBlock[];
  /** every text block whole, in tree order (title, addressee, preamble, sections, signature): a pack's document unit */
  readonly documentRanges: readonly TextRange[];
  /** every figure, in document order, with source offsets (a table's figures read with their row and column, see tableReadings) */
  readonly figures: readonly Figure[];
  /** the tables read as text: each figure with its row label and its column's heading and unit */
  readonly tableReadings: readonly TableReading[];
  /** every date and year mention (signature included), in document order, with source offsets */
  readonly dates: readonly DateMention[];
  /** the signature date read and checked; null without one */
  readonly signatureDate: SignatureDate | null;
  /** the report year N and where it was read; null when nothing says it */
  readonly reportYear: ReportYear | null;
  /** the report type (src/document/facts/report-type.ts): the config's `reportType`, else inferred */
  readonly reportType: ReportType;
  /** the type with its confidence and the evidence it was read from (--explain-report) */
  readonly reportTypeDecision: ReportTypeDecision;
  /** an annual report or summary: the type is fazhi-annual-report or annual-report */
  readonly isAnnualReport: boolean;
  /** next year's plan section */
  readonly planSection: Section | null;
  /** the ids of the plan section and every section under it (empty without a plan) */
  readonly planSectionIds: ReadonlySet<number>;
  /** the parts of an annual report (measures, shortcomings, plan …) as the built-in pack defines them */
  readonly parts: ReportParts;
  /** what a pack's `when` conditions see */
  readonly when: WhenData;
  /** the figures grouped by scope unit (a pack's relation check), once per scope */
  figureGroups(scope: FigureScope): readonly Figure[][];
  /** the sentences of body paragraph `paragraphIndex` (in DocumentModel.paragraphs) with the year each is about */
  sentenceYears(paragraphIndex: number): readonly SentenceYear[];
}

class Facts implements DocumentFacts {
  private blocks_: readonly FactBlock[] | undefined;
  private blockDates_: ReadonlyArray<readonly TextDate[]> | undefined;
  private lineBlocks_: readonly LineBlock[] | undefined;
  private documentRanges_: readonly TextRange[] | undefined;
  private figures_: readonly Figure[] | undefined;
  private tableReadings_: readonly TableReading[] | undefined;
  private dates_: readonly DateMention[] | undefined;
  private signatureDate_: SignatureDate | null | undefined;
  private reportYear_: ReportYear | null | undefined;
  private reportType_: ReportTypeDecision | undefined;
  private planSection_: Section | null | undefined;
  private planSectionIds_: ReadonlySet<number> | undefined;
  private when_: WhenData | undefined;
  private parts_: ReportParts | undefined;
  private figureGroups_: Map<FigureScope, readonly Figure[][]> | undefined;
  private datesByParagraph_: Map<number, DateMention[]> | undefined;
  private sentenceYears_: Map<number, readonly SentenceYear[]> | undefined;

  constructor(private readonly document: DocumentModel) {}

  get blocks(): readonly FactBlock[] {
    return (this.blocks_ ??= collectFactBlocks(this.document));
  }

  get blockDates(): ReadonlyArray<readonly TextDate[]> {
    return (this.blockDates_ ??= this.blocks.map((fb) => scanDates(fb.block.text)));
  }

  get lineBlocks(): readonly LineBlock[] {
    return (this.lineBlocks_ ??= collectLineBlocks(this.document));
  }

  get documentRanges(): readonly TextRange[] {
    return (this.documentRanges_ ??= collectDocumentRanges(this.document));
  }

  get figures(): readonly Figure[] {
    return (this.figures_ ??= extractFigures(this.blocks, this.blockDates, this.tableReadings));
  }

  get tableReadings(): readonly TableReading[] {
    return (this.tableReadings_ ??= tableReadings(this.document));
  }

  get dates(): readonly DateMention[] {
    return (this.dates_ ??= extractDates(this.document, this.blocks, this.blockDates));
  }

  get signatureDate(): SignatureDate | null {
    if (this.signatureDate_ === undefined) this.signatureDate_ = signatureDate(this.document);
    return this.signatureDate_;
  }

  get reportYear(): ReportYear | null {
    if (this.reportYear_ === undefined) {
      this.reportYear_ = inferReportYear(this.document, this.blocks, this.blockDates, () => this.signatureDate);
    }
    return this.reportYear_;
  }

  get reportTypeDecision(): ReportTypeDecision {
    return (this.reportType_ ??= decideReportType({ document: this.document, parts: this.parts, declared: declaredTypes.get(this.document) ?? null }));
  }

  get reportType(): ReportType {
    return this.reportTypeDecision.type;
  }

  get isAnnualReport(): boolean {
    return isAnnualType(this.reportType);
  }

  get planSection(): Section | null {
    if (this.planSection_ === undefined) this.planSection_ = findPlanSection(this.document, this.reportYear?.year ?? null);
    return this.planSection_;
  }

  get planSectionIds(): ReadonlySet<number> {
    return (this.planSectionIds_ ??= sectionIdsUnder(this.planSection));
  }

  get when(): WhenData {
    if (!this.when_) {
      // the report type and year are read only when a condition asks for them: a rule that
      // needs neither, or only the type, does not pay for inferring the year
      const facts = this;
      this.when_ = {
        get reportType() {
          return facts.reportType;
        },
        get year() {
          return facts.reportYear?.year ?? null;
        },
        format: this.document.format,
        sectionCount: this.document.allSections.length,
        hasTitle: this.document.title !== null,
        hasSignature: this.document.signature !== null,
      };
    }
    return this.when_;
  }

  get parts(): ReportParts {
    return (this.parts_ ??= reportParts(this.document, () => this.documentRanges));
  }

  figureGroups(scope: FigureScope): readonly Figure[][] {
    this.figureGroups_ ??= new Map();
    let groups = this.figureGroups_.get(scope);
    if (!groups) this.figureGroups_.set(scope, (groups = groupFigures(this.document, this.figures, scope)));
    return groups;
  }

  sentenceYears(paragraphIndex: number): readonly SentenceYear[] {
    this.sentenceYears_ ??= new Map();
    let years = this.sentenceYears_.get(paragraphIndex);
    if (!years) {
      if (!this.datesByParagraph_) {
        // the unquoted date mentions of each body paragraph
        this.datesByParagraph_ = new Map();
        for (const d of this.dates) {
          if (d.paragraphIndex === null || d.quoted) continue;
          const list = this.datesByParagraph_.get(d.paragraphIndex) ?? [];
          list.push(d);
          this.datesByParagraph_.set(d.paragraphIndex, list);
        }
      }
      const paragraph = this.document.paragraphs[paragraphIndex]!;
      years = sentenceYearsOf(paragraph, this.datesByParagraph_.get(paragraphIndex) ?? [], this.reportYear?.year ?? null);
      this.sentenceYears_.set(paragraphIndex, years);
    }
    return years;
  }
}

/** The ids of a section and of every section under it (empty for null). */
export function sectionIdsUnder(section: Section | null): Set<number> {
  const out = new Set<number>();
  const visit = (s: Section) => {
    out.add(s.id);
    s.children.forEach(visit);
  };
  if (section) visit(section);
  return out;
}

/** The report types the config names (`reportType`), set by the engine before the rules run. */
const declaredTypes = new WeakMap<DocumentModel, ReportType>();

/**
 * Say what type a document is (the config's `reportType`): its facts take it as it is instead of
 * inferring it. Call it before anything reads factsOf(document).reportType; null or undefined
 * leaves the type to be inferred.
 */
export function declareReportType(document: DocumentModel, type: ReportType | null | undefined): void {
  if (type) declaredTypes.set(document, type);
}

/** The one per-document memo: every derived fact of a document lives here. */
const factsOfDocuments = new WeakMap<DocumentModel, Facts>();

/** The facts of a document, made on first use and kept as long as the document lives. */
export function factsOf(document: DocumentModel): DocumentFacts {
  let facts = factsOfDocuments.get(document);
  if (!facts) factsOfDocuments.set(document, (facts = new Facts(document)));
  return facts;
}

import type { ActiveRule } from '../config/resolve.js';
import type { DocumentModel, TextBlock } from '../document/model.js';
import { contiguousSourceRange, sourceRange } from '../document/position.js';
import type { Edit, Fix, Locale, Report, ReportDescriptor } from '../rule.js';
import { formatMessage } from '../rule.js';
import { RuleCrashError } from '../errors.js';
import { inputKindOf, type InputKind } from '../input/kind.js';

/** Where a finding, or a place it stands for, is: 1-based lines, columns in code points, and the source offsets the parser gave. */
export interface FindingPlace {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  endOffset: number;
}

/** One finding, in ESLint's message shape (1-based lines, columns in code points). */
export interface LintMessage extends FindingPlace {
  ruleId: string;
  messageId: string;
  severity: 1 | 2;
  message: string;
  /** replace source [range[0], range[1]) with text */
  fix?: { range: [number, number]; text: string };
  /** the other places a summary finding stands for (Report.related), in source order */
  related?: RelatedPlace[];
}

/** A place besides a finding's own that the finding stands for. */
export type RelatedPlace = FindingPlace;

/**
 * A heading line (or the title, level 0) of a draft: enough for a format to say which part a
 * finding is in (第12段第5字（二、存在的不足）) and to show headings as headings.
 */
export interface OutlineEntry {
  line: number;
  /** 0 for the title, else the section's depth (1 for 一、) */
  level: number;
  /** the heading's text as written, ordinal included, on one line */
  text: string;
}

export interface LintResult {
  filePath: string;
  /** what the file was read as (src/input/kind.ts): a .docx is placed by paragraph, `para 12:5` */
  inputKind: InputKind;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** the title and headings, in document order; absent where the engine did not parse the file (a cached clean file) */
  outline?: OutlineEntry[];
}

export { RuleCrashError };

/** What a rule reported beside the message: its data and its own level (for tests and tools). */
export interface ReportedExtras {
  data: Record<string, string | number> | undefined;
  level: 'error' | 'warn' | undefined;
}

/**
 * Run the active rules on a parsed document. Rules only read the model and report.
 * The engine holds rules to their contract and throws (a RuleCrashError) on a report with an
 * unknown messageId, offsets that are not whole numbers within the text or that end before they
 * start, a fix from a rule whose meta.fixable is false, or a fix whose edits overlap.
 * `observe`, if given, sees each message with the data and level it was reported with.
 * A Word document's findings carry no fix (--fix never rewrites one) unless `options.docxFixes`
 * asks for them: --annotate writes them into a copy as tracked changes.
 */
export function lintDocument(
  document: DocumentModel,
  active: readonly ActiveRule[],
  locale: Locale = 'zh',
  previous: DocumentModel | null = null,
  observe?: (message: LintMessage, extras: ReportedExtras) => void,
  options: { docxFixes?: boolean } = {},
): LintMessage[] {
  const messages: LintMessage[] = [];
  const length = document.source.length;
  // a fix is an edit of the file, and a Word document is never rewritten (--fix only reads it)
  const fixable = options.docxFixes === true || inputKindOf(document.filename) !== 'docx';
  for (const { rule, severity, options } of active) {
    const id = rule.meta.id;
    const report = (r: Report): void => {
      const template = Object.prototype.hasOwnProperty.call(rule.meta.messages, r.messageId) ? rule.meta.messages[r.messageId] : undefined;
      if (!template) throw new Error(`rule ${id} reported unknown messageId "${r.messageId}"`);
      checkRange(id, 'report', r.start, r.end, length);
      const start = document.pointAt(r.start);
      const end = document.pointAt(r.end);
      const message: LintMessage = {
        ruleId: id,
        messageId: r.messageId,
        severity: r.level === 'warn' ? 1 : severity,
        message: formatMessage(template[locale], r.data),
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        offset: r.start,
        endOffset: r.end,
      };
      if (r.related !== undefined && r.related.length > 0) message.related = relatedPlaces(id, document, r.related);
      if (r.fix !== undefined) {
        if (!rule.meta.fixable) throw new Error(`rule ${id} offered a fix but its meta.fixable is false`);
        const fix = mergeFixes(id, document.source, r.fix);
        // a Word document is never rewritten (--fix only reads it), and a fix that changes nothing is
        // none (--fix skips it): neither may be counted as fixable
        if (fix && fixable && document.source.slice(fix.range[0], fix.range[1]) !== fix.text) message.fix = fix;
      }
      messages.push(message);
      observe?.(message, { data: r.data, level: r.level });
    };
    const reportAt = (block: TextBlock, i: number, j: number, d: ReportDescriptor): void => {
      checkRange(id, 'reportAt', i, j, block.text.length);
      const { fix, ...rest } = d;
      const at = sourceRange(block, i, j);
      if (fix === undefined) return report({ ...rest, ...at });
      // the edits are block-text indices: offered only where each lies in one stretch of source
      const edits: Edit[] = [];
      for (const e of isEditList(fix) ? fix : [fix]) {
        checkRange(id, 'reportAt fix', e.start, e.end, block.text.length);
        const range = contiguousSourceRange(block, e.start, e.end);
        if (!range) return report({ ...rest, ...at });
        edits.push({ ...range, text: e.text });
      }
      report({ ...rest, ...at, fix: edits });
    };
    try {
      rule.check({ document, previous, options, report, reportAt });
    } catch (error) {
      throw new RuleCrashError(id, document.filename, error);
    }
  }
  return messages.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || (a.ruleId === b.ruleId ? 0 : a.ruleId.localeCompare(b.ruleId)));
}

/**
 * The places a summary finding stands for, in source order. Rules give them in that order (a
 * summary on a long draft stands for thousands), so they are sorted only when they are not.
 */
function relatedPlaces(id: string, document: DocumentModel, related: NonNullable<Report['related']>): RelatedPlace[] {
  const places: RelatedPlace[] = [];
  let inOrder = true;
  for (const { start, end } of related) {
    checkRange(id, 'related', start, end, document.source.length);
    const a = document.pointAt(start);
    const b = document.pointAt(end);
    const place = { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: start, endOffset: end };
    if (inOrder && places.length > 0 && compareRanges(places[places.length - 1]!, place) > 0) inOrder = false;
    places.push(place);
  }
  return inOrder ? places : places.sort(compareRanges);
}

function compareRanges(a: FindingPlace, b: FindingPlace): number {
  return a.offset - b.offset || a.endOffset - b.endOffset;
}

function isEditList(fix: Fix): fix is readonly Edit[] {
  return Array.isArray(fix);
}

/** [start, end) must be whole numbers with 0 <= start <= end <= length. */
function checkRange(id: string, what: string, start: number, end: number, length: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > length) {
    throw new Error(`rule ${id}: ${what} range [${start}, ${end}) is not within [0, ${length}]`);
  }
}

/**
 * One fix from a rule's edits (ESLint's mergeFixes): sorted, they must not overlap (two
 * insertions at one place keep their order); the text between them is kept as it is.
 * No edits: no fix.
 */
export function mergeFixes(id: string, source: string, fix: Fix): { range: [number, number]; text: string } | null {
  if (!isEditList(fix)) {
    checkRange(id, 'fix', fix.start, fix.end, source.length);
    return { range: [fix.start, fix.end], text: fix.text };
  }
  if (fix.length === 0) return null;
  let inOrder = true;
  for (let k = 0; k < fix.length; k++) {
    const e = fix[k]!;
    checkRange(id, 'fix', e.start, e.end, source.length);
    if (k > 0 && compareEdits(fix[k - 1]!, e) > 0) inOrder = false;
  }
  if (fix.length === 1) return { range: [fix[0]!.start, fix[0]!.end], text: fix[0]!.text };
  // rules give their edits in source order (a summary fix: one per place, thousands on a long
  // draft), so the copy and the sort are for the others only; a stable sort keeps the order of
  // two insertions at one place
  const sorted = inOrder ? fix : [...fix].sort(compareEdits);
  let at = sorted[0]!.start;
  let length = 0;
  for (const e of sorted) {
    if (e.start < at) throw new Error(`rule ${id}: the edits of one fix overlap ([${e.start}, ${e.end}) starts before ${at})`);
    length += e.start - at + e.text.length;
    at = e.end;
  }
  // written as UTF-16 code units into one buffer, the kept source copied from another: on
  // big/10mb.md's 136,000 edits this took 17 ms where joining two strings per edit took 60 and
  // appending with += 31 (and raised the peak memory by 14 MB)
  const from = sorted[0]!.start;
  const kept = Buffer.from(source.slice(from, at), 'utf16le');
  const merged = Buffer.allocUnsafe(2 * length);
  let w = 0;
  at = from;
  for (const e of sorted) {
    w += kept.copy(merged, w, 2 * (at - from), 2 * (e.start - from));
    for (let i = 0; i < e.text.length; i++) w = merged.writeUInt16LE(e.text.charCodeAt(i), w);
    at = e.end;
  }
  return { range: [from, at], text: merged.toString('utf16le') };
}

function compareEdits(a: Edit, b: Edit): number {
  return a.start - b.start || a.end - b.end;
}

/** The title and headings of a parsed draft, for the formats (cheap: one entry per heading). */
export function outlineOf(document: DocumentModel): OutlineEntry[] {
  const entry = (block: TextBlock, level: number): OutlineEntry => ({
    line: block.span.start.line,
    level,
    text: firstLine(block.text).trim(),
  });
  const outline = document.title ? [entry(document.title, 0)] : [];
  for (const section of document.allSections) outline.push(entry(section.heading, section.level));
  return outline;
}

function firstLine(text: string): string {
  const cut = text.search(/[\r\n]/);
  return cut < 0 ? text : text.slice(0, cut);
}

/** A file's result; its input kind is decided from the name unless the engine says otherwise. */
export function summarize(filePath: string, messages: LintMessage[], inputKind: InputKind = inputKindOf(filePath), outline?: OutlineEntry[]): LintResult {
  const result: LintResult = { filePath, inputKind, messages, errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 };
  if (outline) result.outline = outline;
  for (const m of messages) {
    if (m.severity === 2) {
      result.errorCount++;
      if (m.fix) result.fixableErrorCount++;
    } else {
      result.warningCount++;
      if (m.fix) result.fixableWarningCount++;
    }
  }
  return result;
}

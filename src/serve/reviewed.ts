/**
 * The reviewed copy of a .docx (comments for the findings, tracked changes for the fixes) is made
 * by an annotator passed in by whoever starts the server; this is the one place it is called.
 */
import type { DocxSource } from '../input/docx.js';
import type { LintMessage } from '../engine/lint.js';
import type { Locale } from '../messages.js';
import type { ReviewedParts } from './check.js';

/** The shape of the annotator: the original bytes, the document as read, its findings and its fixed text. */
export type AnnotateDocx = (input: { bytes: Buffer; docx: DocxSource; messages: LintMessage[]; fixedText: string; locale: Locale; date?: Date }) => Promise<Buffer>;

export function reviewedCopy(parts: ReviewedParts, bytes: Buffer, locale: Locale, annotate: AnnotateDocx): Promise<Buffer> {
  return annotate({ bytes, docx: parts.docx, messages: parts.messages, fixedText: parts.fixedText, locale });
}

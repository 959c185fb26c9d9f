/**
 * A Word document into the document model. The text is DocxSource.text (one paragraph per
 * line), so every position is an offset into it, a line is a paragraph and a column a character
 * in it. Paragraphs in a Word heading style (Heading 1…9, 标题 1…9) or with an outline level are
 * headings at that level, whether or not they begin with an ordinal, as Markdown headings are;
 * every other paragraph is read as a plain-text line, so 一、/(一)/1./(1) at its start make it a
 * heading as in a .txt.
 *
 * Word's automatic numbering: a numbered paragraph's block text is its label followed by its
 * text («一、» + «主要举措和成效»), as if the label were typed, so headings, heading-sequence and the
 * content rules see it. The label is not in the source: it has no segment, and every index of
 * the paragraph's own text keeps its place (para N, the same column as without the label). A
 * finding on the label itself is placed at the paragraph's first character. A .docx is never
 * fixed, so no fix can write into a label.
 *
 * Table cells' paragraphs come with their place (DocxParagraph.cell) and become the model's tables.
 *
 * Imported only when a .docx is linted (it loads mammoth through src/docx.ts).
 */

import type { DocumentModel } from '../model.js';
import { LineIndex } from '../position.js';
import type { DocxSource } from '../../input/docx.js';
import { readDocx } from '../../input/docx.js';
import type { RawBlock } from './build.js';
import { buildDocument } from './build.js';
import { matchOrdinal } from './ordinals.js';
import { blockFromSource, isWhitespaceCode } from './text-block.js';

/** The blocks of a read Word document: one per non-empty paragraph (a numbered one is not empty: it shows its label). */
export function docxBlocks(docx: DocxSource, lines: LineIndex): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const p of docx.paragraphs) {
    const label = p.label && !p.cell ? p.label : null;
    if (p.end <= p.start && label === null) continue;
    let block = blockFromSource(docx.text, p.start, p.end, lines);
    let ordinal;
    if (label !== null) {
      // the label before the text, unmapped; white space at the start of the text is Word's gap after the number
      let from = p.start;
      while (from < p.end && isWhitespaceCode(docx.text.charCodeAt(from))) from++;
      block = {
        text: label + docx.text.slice(from, p.end),
        segments: p.end > from ? [{ text: label.length, source: from, length: p.end - from }] : [],
        span: lines.spanOf(p.start, p.end),
      };
      const m = matchOrdinal(label);
      if (m && m.end === label.length) ordinal = m;
    }
    const raw: RawBlock = p.headingLevel !== null && !p.cell
      ? { kind: 'heading', markdownDepth: p.headingLevel, block }
      : { kind: 'paragraph', markdownDepth: null, block };
    if (ordinal) raw.ordinal = ordinal;
    if (p.cell) raw.cell = { table: p.cell.table, row: p.cell.row, column: p.cell.column, colSpan: p.cell.colSpan, headerRow: p.cell.headerRow };
    blocks.push(raw);
  }
  return blocks;
}

/** The document model of a Word document already read. */
export function docxDocument(docx: DocxSource, filename: string = docx.path): DocumentModel {
  const lines = new LineIndex(docx.text);
  return buildDocument(docx.text, filename, 'text', docxBlocks(docx, lines), lines);
}

/** Read and parse a .docx file. Failures are InputErrors (src/read.ts) with a one-line message. */
export async function parseDocx(path: string): Promise<DocumentModel> {
  return docxDocument(await readDocx(path), path);
}

/** Both: the read document (for its paragraphs) and its model. */
export async function readAndParseDocx(path: string): Promise<{ docx: DocxSource; document: DocumentModel }> {
  const docx = await readDocx(path);
  return { docx, document: docxDocument(docx, path) };
}

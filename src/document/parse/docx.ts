/**
 * A Word document into the document model. The text is DocxSource.text (one paragraph per
 * line), so every position is an offset into it, a line is a paragraph and a column a character
 * in it. Paragraphs in a Word heading style (Heading 1…9, 标题 1…9) are headings at that level,
 * whether or not they begin with an ordinal, as Markdown headings are; every other paragraph is
 * read as a plain-text line, so 一、/(一)/1./(1) at its start make it a heading as in a .txt.
 *
 * Imported only when a .docx is linted (it loads mammoth through src/docx.ts).
 */

import type { DocumentModel } from '../model.js';
import { LineIndex } from '../position.js';
import type { DocxSource } from '../../input/docx.js';
import { readDocx } from '../../input/docx.js';
import type { RawBlock } from './build.js';
import { buildDocument } from './build.js';
import { blockFromSource } from './text-block.js';

/** The blocks of a read Word document: one per non-empty paragraph. */
export function docxBlocks(docx: DocxSource, lines: LineIndex): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const p of docx.paragraphs) {
    if (p.end <= p.start) continue;
    const block = blockFromSource(docx.text, p.start, p.end, lines);
    blocks.push(p.headingLevel !== null
      ? { kind: 'heading', markdownDepth: p.headingLevel, block }
      : { kind: 'paragraph', markdownDepth: null, block });
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

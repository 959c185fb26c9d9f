import type { DocumentFormat, DocumentModel } from '../model.js';
import { LineIndex } from '../position.js';
import { buildDocument } from './build.js';
import { plainBlocks } from './plain.js';

export interface ParseOptions {
  filename?: string;
  /** defaults to the filename's extension: .md/.markdown are Markdown, anything else plain text */
  format?: DocumentFormat;
}

export function formatOf(filename: string): DocumentFormat {
  return /\.(md|markdown|mdown|mkd)$/i.test(filename) ? 'markdown' : 'text';
}

/**
 * Parse a draft into the document model. Markdown needs the Markdown parser, which is
 * loaded only then (a .txt run never pays for it): call `loadMarkdownSupport()` first,
 * or use `parseDocumentAsync`.
 */
export function parseDocument(text: string, options: ParseOptions = {}): DocumentModel {
  const filename = options.filename ?? '<text>';
  const format = options.format ?? formatOf(filename);
  const lines = new LineIndex(text);
  if (format === 'markdown') {
    if (!markdownBlocks) throw new Error('Markdown support is not loaded: await loadMarkdownSupport() first');
    return buildDocument(text, filename, format, markdownBlocks(text, lines), lines);
  }
  return buildDocument(text, filename, format, plainBlocks(text, lines), lines);
}

let markdownBlocks: ((source: string, lines: LineIndex) => import('./build.js').RawBlock[]) | null = null;

export async function loadMarkdownSupport(): Promise<void> {
  if (!markdownBlocks) markdownBlocks = (await import('./markdown.js')).markdownBlocks;
}

export async function parseDocumentAsync(text: string, options: ParseOptions = {}): Promise<DocumentModel> {
  const format = options.format ?? formatOf(options.filename ?? '');
  if (format === 'markdown') await loadMarkdownSupport();
  return parseDocument(text, options);
}

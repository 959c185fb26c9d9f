import type { DocumentFormat, DocumentModel } from '../model.js';
import { LineIndex } from '../position.js';
import { inputKindOf } from '../../input/kind.js';
import { buildDocument } from './build.js';
import { isSimpleMarkdown, simpleMarkdownBlocks } from './markdown-simple.js';
import { plainBlocks } from './plain.js';

export interface ParseOptions {
  filename?: string;
  /** defaults to the filename's extension: .md/.markdown are Markdown, anything else plain text */
  format?: DocumentFormat;
}

export function formatOf(filename: string): DocumentFormat {
  return inputKindOf(filename) === 'markdown' ? 'markdown' : 'text';
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
  if (format === 'markdown' && !nestsTooDeep(text)) {
    if (isSimpleMarkdown(text)) return buildDocument(text, filename, format, simpleMarkdownBlocks(text, lines), lines);
    if (!markdownBlocks) throw new Error('Markdown support is not loaded: await loadMarkdownSupport() first');
    return buildDocument(text, filename, format, markdownBlocks(text, lines), lines);
  }
  return buildDocument(text, filename, format, plainBlocks(text, lines), lines);
}

/**
 * Markdown nested hundreds of levels deep (lists indented 500 times) takes remark-parse tens of
 * seconds; no report is written that way. Such a file is read as plain text: every rule still
 * runs, with the same positions.
 */
export function nestsTooDeep(text: string): boolean {
  const MAX_INDENT = 120;
  const MAX_QUOTES = 30;
  for (let i = 0; i < text.length; ) {
    let width = 0;
    let quotes = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 32) width++;
      else if (c === 9) width += 4;
      else if (c === 62) quotes++;
      else break;
    }
    if (width > MAX_INDENT || quotes > MAX_QUOTES) return true;
    const next = text.indexOf('\n', i);
    if (next < 0) break;
    i = next + 1;
  }
  return false;
}

let markdownBlocks: ((source: string, lines: LineIndex) => import('./build.js').RawBlock[]) | null = null;

export async function loadMarkdownSupport(): Promise<void> {
  if (!markdownBlocks) markdownBlocks = (await import('./markdown.js')).markdownBlocks;
}

/** Load the Markdown parser if `text` needs it (a draft of headings and paragraphs does not). */
export async function loadMarkdownSupportFor(text: string): Promise<void> {
  if (!markdownBlocks && !isSimpleMarkdown(text) && !nestsTooDeep(text)) await loadMarkdownSupport();
}

export async function parseDocumentAsync(text: string, options: ParseOptions = {}): Promise<DocumentModel> {
  const format = options.format ?? formatOf(options.filename ?? '');
  if (format === 'markdown') await loadMarkdownSupportFor(text);
  return parseDocument(text, options);
}

/**
 * One draft from disk to findings: read it, parse it, run the active rules, apply its
 * suppression comments. Shared by the CLI's own loop and its worker threads (src/worker.ts).
 */
import type { Config } from '../config/index.js';
import type { ActiveRule } from '../config/resolve.js';
import type { DocxSource } from '../input/docx.js';
import type { LintMessage } from './lint.js';
import { lintDocument } from './lint.js';
import { formatOf, loadMarkdownSupportFor, parseDocument } from '../document/parse/index.js';
import type { PreviousReports } from './previous.js';
import { InputError, readSourceFile, type SourceFile } from '../input/read.js';
import type { Locale } from '../rule.js';
import { declareReportType } from '../document/facts/index.js';

export interface FileInput {
  text: string;
  /** the decoded file (encoding, line ends), for writing fixes back; null for a .docx */
  source: SourceFile | null;
  /** a Word document: its paragraphs one per line, so a line is a paragraph and a column a character */
  docx: DocxSource | null;
}

/** Read a draft. Throws InputError with a one-line message (mammoth is loaded only for a .docx). */
export async function readInput(file: string): Promise<FileInput> {
  if (/\.docx$/i.test(file)) {
    const docx = await (await import('../input/docx.js')).readDocx(file);
    return { text: docx.text, source: null, docx };
  }
  const source = readSourceFile(file);
  return { text: source.text, source, docx: null };
}

export interface TextLinterOptions {
  file: string;
  docx: DocxSource | null;
  config: Config;
  active: readonly ActiveRule[];
  locale: Locale;
  previous: PreviousReports;
  reportUnused: boolean;
}

export interface TextLinter {
  /** the findings on `text` (the file's text, or a fixed version of it) */
  lint(text: string): Promise<LintMessage[]>;
  /** last year's report as the last lint looked for it, for the cache */
  previousFile: string | null;
}

export async function textLinter(options: TextLinterOptions): Promise<TextLinter> {
  const { file, docx, config, active, locale, previous, reportUnused } = options;
  const markdown = formatOf(file) === 'markdown';
  const docxParser = docx ? await import('../document/parse/docx.js') : null;
  const linter: TextLinter = {
    previousFile: null,
    async lint(text) {
      if (markdown) await loadMarkdownSupportFor(text);
      // a .docx is never fixed, so text is its text: headings come from its Word heading styles too
      const document = docx && docxParser ? docxParser.docxDocument(docx, file) : parseDocument(text, { filename: file });
      declareReportType(document, config.reportType);
      linter.previousFile = previous.fileFor(document, config);
      const messages = lintDocument(document, active, locale, await previous.load(document, linter.previousFile));
      // suppression comments: the module is loaded only for a text that has one
      if (!text.includes('reportlint-')) return messages;
      const suppress = await import('./suppress.js');
      const directives = suppress.parseDirectives(text);
      if (directives.length === 0) return messages;
      const kept = suppress.applyDirectives(messages, directives);
      if (!reportUnused || kept.unused.length === 0) return kept.messages;
      return [...kept.messages, ...suppress.unusedDirectiveMessages(kept.unused, (o) => document.pointAt(o), locale)]
        .sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
    },
  };
  return linter;
}

/** What became of one file when the files are linted in parallel (src/parallel.ts). */
export type FileOutcome =
  | { kind: 'unreadable'; message: string }
  | { kind: 'empty' }
  /** text is sent back only when the format shows the draft (html, sarif) */
  | { kind: 'linted'; messages: LintMessage[]; text?: string };

export interface FileTask {
  file: string;
  locale: Locale;
}

export interface PlainRunOptions {
  configFor: (file: string) => Promise<Config>;
  activeRulesFor: (file: string, config: Config) => Promise<ActiveRule[]>;
  previous: PreviousReports;
  reportUnused: boolean;
  keepText: boolean;
}

/**
 * A file linted as a plain run does it (no --fix, no cache): read, skip when empty, lint.
 * An unreadable file is an outcome, not an exception; a broken config or a rule crash throws.
 */
export async function lintFileOnce(task: FileTask, options: PlainRunOptions): Promise<FileOutcome> {
  let input: FileInput;
  try {
    input = await readInput(task.file);
  } catch (error) {
    if (error instanceof InputError) return { kind: 'unreadable', message: error.message };
    throw error;
  }
  if (input.text.trim().length === 0) return { kind: 'empty' };
  const config = await options.configFor(task.file);
  const active = await options.activeRulesFor(task.file, config);
  const linter = await textLinter({ file: task.file, docx: input.docx, config, active, locale: task.locale, previous: options.previous, reportUnused: options.reportUnused });
  const messages = await linter.lint(input.text);
  return options.keepText ? { kind: 'linted', messages, text: input.text } : { kind: 'linted', messages };
}

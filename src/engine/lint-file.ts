/**
 * One draft to findings: the one per-file path of every run, for the CLI, its worker threads
 * (src/engine/worker.ts) and the API (src/index.ts). Read the file (or take the text given:
 * stdin, lintText), skip it when empty, find its config and active rules, answer from the cache
 * when it was clean, lint it (parse once, run the rules, the 'text' post-processing steps of
 * src/engine/post-process.ts), and with --fix fix it and write it back.
 */
import path from 'node:path';
import type { Config, RuleSetting } from '../config/index.js';
import { activeRulesFor, type ActiveRule } from '../config/resolve.js';
import { formatOf, loadMarkdownSupportFor, parseDocument } from '../document/parse/index.js';
import { declareReportType } from '../document/facts/index.js';
import { InputError } from '../errors.js';
import type { DocxSource } from '../input/docx.js';
import { inputKindOf, type InputKind } from '../input/kind.js';
import { readSourceFile, type SourceFile } from '../input/read.js';
import type { Locale } from '../messages.js';
import type { LintCache } from './cache.js';
import type { ConfigLookup } from './config.js';
import { lintDocument, outlineOf, type LintMessage, type OutlineEntry } from './lint.js';
import { processText, type PostProcessOptions } from './post-process.js';
import type { PreviousReports } from './previous.js';

/** A draft as read from disk. */
export interface ReadInput {
  text: string;
  /** the decoded file (encoding, line ends), for writing fixes back; null for a .docx */
  source: SourceFile | null;
  /** a Word document: its paragraphs one per line, so a line is a paragraph and a column a character */
  docx: DocxSource | null;
}

/** Read a draft. Throws InputError with a one-line message (mammoth is loaded only for a .docx). */
export async function readInput(file: string): Promise<ReadInput> {
  if (inputKindOf(file) === 'docx') {
    const docx = await (await import('../input/docx.js')).readDocx(file);
    return { text: docx.text, source: null, docx };
  }
  return readText(file);
}

function readText(file: string): ReadInput {
  const source = readSourceFile(file);
  return { text: source.text, source, docx: null };
}

/** A .docx for --annotate: its bytes, and its paragraphs with their places in word/document.xml. */
async function readDocxMapped(file: string, given?: Buffer): Promise<{ docx: DocxSource; bytes: Buffer }> {
  const { readFileSync } = await import('node:fs');
  let bytes: Buffer;
  if (given !== undefined) bytes = given;
  else {
    try {
      bytes = readFileSync(file);
    } catch (error) {
      readSourceFile(file); // the one-line message a text file gets (not found, a directory…)
      throw error;
    }
  }
  const docx = await (await import('../input/docx.js')).readDocxBytes(bytes, file, { mapParagraphs: true });
  return { docx, bytes };
}

export interface TextLinterOptions {
  file: string;
  docx: DocxSource | null;
  config: Config;
  active: readonly ActiveRule[];
  locale: Locale;
  previous: PreviousReports;
  post: PostProcessOptions;
  /** a .docx's findings keep their fixes (for --annotate) */
  docxFixes?: boolean;
}

export interface TextLinter {
  /** the findings on `text` (the file's text, or a fixed version of it) */
  lint(text: string): Promise<LintMessage[]>;
  /** last year's report as the last lint looked for it, for the cache */
  previousFile: string | null;
  /** the title and headings of the text the last lint read, for the formats */
  outline: OutlineEntry[];
}

export async function textLinter(options: TextLinterOptions): Promise<TextLinter> {
  const { file, docx, config, active, locale, previous, post } = options;
  const lintOptions = { docxFixes: options.docxFixes === true };
  const markdown = formatOf(file) === 'markdown';
  const docxParser = docx ? await import('../document/parse/docx.js') : null;
  const linter: TextLinter = {
    previousFile: null,
    outline: [],
    async lint(text) {
      if (markdown) await loadMarkdownSupportFor(text);
      // a .docx's headings come from its Word heading styles too; a fixed text of it (--annotate's
      // later passes) keeps each paragraph's style, number and cell
      const docxNow = docx && text !== docx.text ? docxWithText(docx, text) : docx;
      const document = docxNow && docxParser ? docxParser.docxDocument(docxNow, file) : parseDocument(text, { filename: file });
      declareReportType(document, config.reportType);
      linter.previousFile = previous.fileFor(document, config);
      linter.outline = outlineOf(document);
      const messages = lintDocument(document, active, locale, await previous.load(document, linter.previousFile), undefined, lintOptions);
      return processText(messages, { file, text, document, locale, options: post });
    },
  };
  return linter;
}

/** A Word document's paragraphs over a changed text with as many lines; null when the count differs. */
function docxWithText(docx: DocxSource, text: string): DocxSource | null {
  const lines = text.split('\n');
  if (lines.length !== docx.paragraphs.length) return null;
  let start = 0;
  const paragraphs = docx.paragraphs.map((p, k) => {
    const moved = { ...p, start, end: start + lines[k]!.length };
    start = moved.end + 1;
    return moved;
  });
  return { ...docx, text, paragraphs };
}

/** A draft to lint: a file on disk, or a text given under a file's name. */
export interface LintInput {
  path: string;
  /** the text, when it does not come from the file (stdin, lintText) */
  text?: string | undefined;
  /** a .docx held in memory (an upload to `reportlint serve`): read from these bytes, never from `path` */
  bytes?: Buffer | undefined;
  /** read but not linted (--stdin-filename names an ignored file) */
  ignored?: boolean | undefined;
}

/** What one run needs for every file, built once per run (and once per worker thread). */
export interface FileContext {
  cwd: string;
  configs: ConfigLookup;
  cliRules: Record<string, RuleSetting>;
  previous: PreviousReports;
  post: PostProcessOptions;
  /** --fix (dryRun false) or --fix-dry-run (true) */
  fix: { dryRun: boolean } | null;
  /** --cache */
  cache: LintCache | null;
  /** --annotate: a .docx is read with its paragraphs mapped to its XML, and its fixed text computed (never written) */
  annotate?: boolean;
  /** a line for the user while the run goes on (a .docx that --fix leaves alone) */
  notice(message: string): void;
}

/** What --annotate needs of a .docx to write its reviewed copy (src/annotate). */
export interface DocxAnnotation {
  bytes: Buffer;
  /** read with its paragraphs mapped to word/document.xml */
  docx: DocxSource;
  /** the text --fix would give */
  fixedText: string;
  /** the draft's findings that offer a fix (the reported ones carry none, as for any .docx) */
  fixes: LintMessage[];
}

/** What became of one file. */
export type FileOutcome =
  | { kind: 'unreadable'; message: string }
  | { kind: 'empty'; text?: string }
  | { kind: 'ignored'; text: string }
  | {
    kind: 'linted';
    inputKind: InputKind;
    /** after the 'text' post-processing steps */
    messages: LintMessage[];
    /** the text the findings are about (the fixed text once fixes were applied); workers send it only when asked */
    text?: string;
    /** the title and headings of that text; absent for a file the cache found clean */
    outline?: OutlineEntry[];
    /** --fix-dry-run: the text before and after the fixes, when they change it */
    fixed?: { before: string; after: string };
    /** --fix could not write the fixed file back */
    writeError?: string;
    /** --annotate, a .docx: what src/annotate needs to write the reviewed copy */
    annotation?: DocxAnnotation;
  };

/**
 * Lint one draft. An unreadable or empty file is an outcome, not an exception; a broken config
 * or a rule crash throws. `localeFor` gives the messages' language once the file's config is known.
 */
export async function lintFile(input: LintInput, context: FileContext, localeFor: (config: Config) => Locale): Promise<FileOutcome> {
  let text: string;
  let source: SourceFile | null = null;
  let docx: DocxSource | null = null;
  const fromFile = input.text === undefined && input.bytes === undefined;
  // --annotate (or serve's reviewed copy): a .docx read with its paragraphs mapped to word/document.xml
  const annotating = context.annotate === true && input.text === undefined && inputKindOf(input.path) === 'docx';
  let docxBytes: Buffer | null = null;
  if (input.text !== undefined) text = input.text;
  else {
    try {
      if (annotating) {
        ({ docx, bytes: docxBytes } = await readDocxMapped(input.path, input.bytes));
        text = docx.text;
      } else if (input.bytes !== undefined) {
        docx = await (await import('../input/docx.js')).readDocxBytes(input.bytes, input.path);
        text = docx.text;
      } else ({ text, source, docx } = await readInput(input.path));
    } catch (error) {
      if (error instanceof InputError) return { kind: 'unreadable', message: error.message };
      throw error;
    }
  }
  if (input.ignored) return { kind: 'ignored', text };
  if (text.trim().length === 0) return { kind: 'empty', text };
  const config = await context.configs.configFor(input.path);
  const locale = localeFor(config);
  const active = await activeRulesFor(input.path, config, context.cliRules);
  const inputKind = inputKindOf(input.path);
  const shown = path.relative(context.cwd, input.path) || input.path;

  const cacheMod = context.cache && fromFile ? await import('./cache.js') : null;
  let cacheKey: { content: string; settings: string } | null = null;
  if (context.cache && cacheMod && !annotating) {
    // a .docx's heading styles are part of what is checked, not only its text
    cacheKey = { content: cacheMod.sha256(docx ? text + JSON.stringify(docx.paragraphs) : text), settings: cacheMod.settingsHash(active, config, context.post.reportUnused) };
    if (context.cache.isClean(input.path, cacheKey.content, cacheKey.settings)) return { kind: 'linted', inputKind, messages: [], text };
  }

  const linter = await textLinter({ file: input.path, docx, config, active, locale, previous: context.previous, post: context.post, docxFixes: annotating });
  let messages: LintMessage[];
  /** the text the findings are about, and the text the file holds after this run */
  let linted = text;
  let onDisk = text;
  let fixed: { before: string; after: string } | undefined;
  let writeError: string | undefined;
  let annotation: DocxAnnotation | undefined;
  if (annotating && docx && docxBytes) {
    // the findings of the draft, and the text --fix would give (its first pass lints the draft)
    const fixer = await import('./fix.js');
    let first: LintMessage[] | null = null;
    const outcome = await fixer.fixText(text, async (t) => {
      const found = await linter.lint(t);
      first ??= found;
      return found;
    }, { lineEnding: 'none', accept: context.post.quiet ? (m) => m.severity === 2 : undefined });
    const found: LintMessage[] = first ?? (await linter.lint(text));
    // reported as any .docx's findings are, without fixes; the copy gets them
    messages = found.map(({ fix: _, ...m }) => m);
    annotation = { bytes: docxBytes, docx, fixedText: outcome.text, fixes: found.filter((m) => m.fix) };
  } else if (context.fix && inputKind === 'docx') {
    // a Word document is read, never written
    context.notice(`${shown}: .docx 文件不会被改写，未修复 / Word documents are never rewritten; not fixed`);
    messages = await linter.lint(text);
  } else if (context.fix) {
    const fixer = await import('./fix.js');
    const outcome = await fixer.fixText(text, (t) => linter.lint(t), {
      lineEnding: source?.lineEnding ?? 'none',
      // as ESLint: with --quiet only errors are fixed
      accept: context.post.quiet ? (m) => m.severity === 2 : undefined,
    });
    messages = outcome.messages;
    if (outcome.text !== text) {
      if (context.fix.dryRun) fixed = { before: text, after: outcome.text };
      else if (source) {
        try {
          fixer.writeFileAtomic(input.path, outcome.text, source.encoding, shown);
          onDisk = outcome.text;
        } catch (error) {
          if (!(error instanceof InputError) && !(error as NodeJS.ErrnoException).code) throw error;
          writeError = error instanceof InputError ? error.message : `无法写回: ${shown} / cannot write the fixed file: ${(error as Error).message}`;
        }
      }
      // not written: report the file as it is; otherwise the findings' offsets are into the fixed text
      if (onDisk === text && !context.fix.dryRun && fromFile) messages = await linter.lint(text);
      else linted = outcome.text;
    }
  } else {
    messages = await linter.lint(text);
  }

  if (context.cache && cacheKey && cacheMod) {
    // recorded as clean only for the text the file now holds
    if (messages.length === 0 && linted === onDisk) {
      if (onDisk !== text) cacheKey.content = cacheMod.sha256(onDisk);
      const prev = linter.previousFile;
      context.cache.markClean(input.path, cacheKey.content, cacheKey.settings, prev ? { file: prev, content: cacheMod.fileHash(prev) } : null);
    } else context.cache.forget(input.path);
  }
  return { kind: 'linted', inputKind, messages, text: linted, outline: linter.outline, ...(fixed ? { fixed } : {}), ...(writeError !== undefined ? { writeError } : {}), ...(annotation ? { annotation } : {}) };
}

/**
 * --annotate: the reported findings with the fixes the same findings offered (a .docx's reported
 * findings carry none; DocxAnnotation.fixes holds them), matched by rule, message and range.
 */
export function withAnnotationFixes(messages: readonly LintMessage[], fixes: readonly LintMessage[]): LintMessage[] {
  const key = (m: LintMessage) => `${m.ruleId}\u0000${m.messageId}\u0000${m.offset}\u0000${m.endOffset}\u0000${m.message}`;
  const byKey = new Map(fixes.map((m) => [key(m), m.fix]));
  return messages.map((m) => {
    const fix = byKey.get(key(m));
    return fix ? { ...m, fix } : m;
  });
}

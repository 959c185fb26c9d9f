/**
 * One request's check, as a worker thread of the server runs it (./check-worker.ts): the draft
 * (pasted text, or a file's bytes) goes through the engine's lintFile (src/engine/lint-file.ts)
 * with the server's config, suppression comments and fixes, exactly as the CLI would lint a file
 * of that name. Everything stays in memory: the draft's name only chooses how it is read (.docx,
 * Markdown, text) and which of the config's overrides apply; no file of that name is opened.
 */
import path from 'node:path';
import type { DocumentModel } from '../document/model.js';
import { factsOf } from '../document/facts/index.js';
import { formatOf, loadMarkdownSupportFor, parseDocument } from '../document/parse/index.js';
import { activeRulesFor } from '../config/resolve.js';
import { ConfigsByFolder } from '../engine/config.js';
import { lintFile, textLinter, withAnnotationFixes, type FileContext, type LintInput } from '../engine/lint-file.js';
import type { LintMessage } from '../engine/lint.js';
import { processResult } from '../engine/post-process.js';
import { PreviousReports } from '../engine/previous.js';
import { InputError } from '../errors.js';
import type { DocxSource } from '../input/docx.js';
import { inputKindOf, type InputKind } from '../input/kind.js';
import { decodeBuffer } from '../input/read.js';
import type { Locale, Localized } from '../messages.js';
import { DraftError } from './check-error.js';
import { checkZipSizes } from './zip-limits.js';

export { DraftError };

/** A draft as the page sends it: pasted text, or the bytes of an opened file. */
export interface DraftUpload {
  /** the file's name as the browser gave it (cleaned by draftName) */
  name: string;
  text?: string;
  bytes?: Buffer;
}

export interface CheckRequest {
  op: 'check' | 'fix' | 'reviewed';
  draft: DraftUpload;
  /** last year's report, for previous-shortcomings */
  previous?: DraftUpload | null;
  locale: Locale;
}

export interface CheckAnswer {
  inputKind: InputKind;
  /** the text the findings are about (for 'fix': the fixed text) */
  text: string;
  messages: LintMessage[];
  /** 'fix': whether any fix changed the text */
  changed?: boolean;
}

/** What an annotated copy of a .docx needs (op 'reviewed'); the bytes stay with the caller. */
export interface ReviewedParts {
  docx: DocxSource;
  messages: LintMessage[];
  fixedText: string;
}

/** The checks of one worker thread: the configs and rules are loaded once, on the first request. */
export class Checker {
  private readonly configs: ConfigsByFolder;

  /** @param cwd where the server was started (configs are found from there) @param explicitConfig --config */
  constructor(private readonly cwd: string, explicitConfig: string | undefined, private readonly limits: { maxUnzippedBytes: number }) {
    this.configs = new ConfigsByFolder(cwd, explicitConfig, {});
  }

  /** The draft's place for the config lookup: a name in the server's folder, never a client's path. */
  private virtualPath(name: string): string {
    return path.join(this.cwd, draftName(name));
  }

  async run(request: CheckRequest): Promise<CheckAnswer | ReviewedParts> {
    // a Buffer posted to a worker thread arrives as a plain Uint8Array
    request = { ...request, draft: asBuffer(request.draft), previous: request.previous ? asBuffer(request.previous) : null };
    const file = this.virtualPath(request.draft.name);
    const previous = new UploadedPrevious(this.cwd, request.previous ? await this.readPrevious(request.previous) : null);
    const context: FileContext = {
      cwd: this.cwd,
      configs: this.configs,
      cliRules: {},
      previous,
      post: { reportUnused: false, baseline: null, quiet: false },
      fix: request.op === 'fix' ? { dryRun: true } : null,
      cache: null,
      notice: () => {},
    };
    const input = this.lintInput(file, request.draft);
    if (request.op === 'reviewed') return this.reviewedParts(file, input, context, request.locale);
    const outcome = await lintFile(input, context, () => request.locale);
    if (outcome.kind === 'unreadable') throw new DraftError(bothFromInputError(outcome.message, this.cwd));
    if (outcome.kind !== 'linted') throw new DraftError({ zh: '草稿是空的，没有可检查的内容', en: 'the draft is empty: nothing to check' });
    const text = outcome.fixed?.after ?? outcome.text ?? '';
    const messages = outcome.inputKind === 'docx' && input.bytes !== undefined ? await this.withTextFixes(file, text, outcome.messages, context, request.locale) : outcome.messages;
    return { inputKind: outcome.inputKind, text, messages, ...(request.op === 'fix' ? { changed: outcome.fixed !== undefined } : {}) };
  }

  /** A draft's text or .docx bytes as the engine's input; a text file's bytes are decoded as the CLI decodes a file. */
  private lintInput(file: string, draft: DraftUpload): LintInput {
    if (draft.bytes === undefined) return { path: file, text: draft.text ?? '' };
    if (inputKindOf(file) === 'docx') {
      checkZipSizes(draft.bytes, this.limits.maxUnzippedBytes, path.basename(file));
      return { path: file, bytes: draft.bytes };
    }
    return { path: file, text: decodeUpload(draft.bytes, file, this.cwd) };
  }

  /**
   * The engine offers no fixes on a Word document (it is never rewritten), but the page edits its
   * text: a finding gets the fix that the same rule gives for the same place when the text is
   * read as plain text (same rule, message and range), and none otherwise.
   */
  private async withTextFixes(file: string, text: string, messages: LintMessage[], context: FileContext, locale: Locale): Promise<LintMessage[]> {
    const textFile = `${file}.txt`;
    const config = await context.configs.configFor(file);
    const linter = await textLinter({ file: textFile, docx: null, config, active: await activeRulesFor(file, config, {}), locale, previous: context.previous, post: context.post });
    const key = (m: LintMessage): string => `${m.ruleId}\0${m.messageId}\0${m.offset}\0${m.endOffset}`;
    const fixes = new Map((await linter.lint(text)).filter((m) => m.fix).map((m) => [key(m), m.fix!]));
    return messages.map((m) => (fixes.has(key(m)) ? { ...m, fix: fixes.get(key(m))! } : m));
  }

  /**
   * The findings on a .docx and the text with every fix applied, for its reviewed copy: lintFile's
   * --annotate path, as the CLI's `--annotate` takes it (the paragraphs mapped to word/document.xml,
   * the findings with the fixes --fix would make, and the text --fix gives).
   */
  private async reviewedParts(file: string, input: LintInput, context: FileContext, locale: Locale): Promise<ReviewedParts> {
    if (input.bytes === undefined) throw new DraftError({ zh: '只有 Word 文档（.docx）能生成批注稿', en: 'only a Word document (.docx) has a reviewed copy' }, 400);
    const outcome = await lintFile(input, { ...context, annotate: true }, () => locale);
    if (outcome.kind === 'unreadable') throw new DraftError(bothFromInputError(outcome.message, this.cwd));
    if (outcome.kind !== 'linted' || !outcome.annotation) throw new DraftError({ zh: '草稿是空的，没有可检查的内容', en: 'the draft is empty: nothing to check' });
    // the reported findings are the ones after every post-processing step, as the check shows them
    const result = await processResult({ filePath: file, inputKind: 'docx', messages: outcome.messages, errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 }, context.post);
    const { docx, fixedText, fixes } = outcome.annotation;
    return { docx, messages: withAnnotationFixes(result.messages, fixes), fixedText };
  }

  private async readPrevious(upload: DraftUpload): Promise<DocumentModel> {
    const file = this.virtualPath(upload.name);
    let document: DocumentModel;
    if (upload.bytes !== undefined && inputKindOf(file) === 'docx') {
      checkZipSizes(upload.bytes, this.limits.maxUnzippedBytes, path.basename(file));
      const { readDocxBytes } = await import('../input/docx.js');
      const { docxDocument } = await import('../document/parse/docx.js');
      try {
        document = docxDocument(await readDocxBytes(upload.bytes, file), file);
      } catch (error) {
        if (error instanceof InputError) throw new DraftError(bothFromInputError(error.message, this.cwd));
        throw error;
      }
    } else {
      const text = upload.bytes !== undefined ? decodeUpload(upload.bytes, file, this.cwd) : upload.text ?? '';
      if (formatOf(file) === 'markdown') await loadMarkdownSupportFor(text);
      document = parseDocument(text, { filename: file });
    }
    if (document.source.trim().length === 0) throw new DraftError({ zh: '上一年度报告是空的', en: "last year's report is empty" });
    return document;
  }
}

/**
 * Last year's report as the page gave it (or none): the config's `previous` files are not read
 * for a request, as a draft's year would choose among the server's files.
 */
class UploadedPrevious extends PreviousReports {
  constructor(cwd: string, private readonly uploaded: DocumentModel | null) {
    super(cwd, undefined);
  }

  override fileFor(): string | null {
    return this.uploaded ? this.uploaded.filename : null;
  }

  override async load(document: DocumentModel): Promise<DocumentModel | null> {
    if (!this.uploaded) return null;
    const year = factsOf(document).when.year;
    const previousYear = factsOf(this.uploaded).when.year;
    if (year !== null && previousYear !== null && previousYear >= year) {
      throw new DraftError({
        zh: `给出的上一年度报告是 ${previousYear} 年的，不早于本报告（${year} 年）`,
        en: `the report given as last year's is of ${previousYear}, not earlier than this draft (${year})`,
      }, 400);
    }
    return this.uploaded;
  }
}

function asBuffer(upload: DraftUpload): DraftUpload {
  const bytes = upload.bytes as Uint8Array | undefined;
  return bytes === undefined || Buffer.isBuffer(bytes) ? upload : { ...upload, bytes: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

/** A browser's file name made safe to stand in the server's folder: its last part, no dots in front, no control characters. */
export function draftName(name: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const cleaned = last.replace(/[\u0000-\u001f\u007f]/g, '').replace(/^\.+/, '').trim().slice(0, 200);
  return cleaned || 'draft.txt';
}

function decodeUpload(bytes: Buffer, file: string, cwd: string): string {
  try {
    return decodeBuffer(bytes, file).text.replace(/^\uFEFF/, '');
  } catch (error) {
    if (error instanceof InputError) throw new DraftError(bothFromInputError(error.message, cwd));
    throw error;
  }
}

/** The input layer's one-line "中文: file / English" message, split, with the server's folder left out. */
function bothFromInputError(message: string, cwd: string): Localized {
  const shown = message.split(cwd + path.sep).join('');
  const slash = shown.indexOf(' / ');
  return slash < 0 ? { zh: shown, en: shown } : { zh: shown.slice(0, slash), en: shown.slice(slash + 3) };
}

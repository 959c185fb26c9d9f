/**
 * Last year's report, for previous-shortcomings: --previous names one file; `previous` in the
 * config may name one per year (`reports/{year}.md`). Each file is read and parsed once per run.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.js';
import type { DocumentModel } from '../document/model.js';
import { factsOf } from '../document/facts/index.js';
import { formatOf, loadMarkdownSupportFor, parseDocument } from '../document/parse/index.js';
import { readSourceFile } from '../input/read.js';
import { inputKindOf } from '../input/kind.js';
import { UsageError } from '../errors.js';
import { MSG } from '../messages.js';

export class PreviousReports {
  private readonly parsed = new Map<string, DocumentModel | null>();

  /** @param flag the --previous argument, if given */
  constructor(private readonly cwd: string, readonly flag: string | undefined) {}

  /** Read --previous once before any draft, so that a missing, unreadable or empty file stops the run. */
  async checkFlag(): Promise<void> {
    if (this.flag === undefined) return;
    const file = path.resolve(this.cwd, this.flag);
    const text = inputKindOf(file) === 'docx' ? (await (await import('../input/docx.js')).readDocx(file)).text : readSourceFile(file).text;
    if (text.trim().length === 0) throw new UsageError(MSG.previousEmpty(this.shown(file)));
  }

  private shown(file: string): string {
    return path.relative(this.cwd, file) || file;
  }

  /** The file that would be last year's report for `document` (it may not exist), or null. */
  fileFor(document: DocumentModel, config: Config): string | null {
    if (this.flag !== undefined) return path.resolve(this.cwd, this.flag);
    if (!config.previous) return null;
    const year = factsOf(document).reportYear?.year ?? null;
    if (config.previous.includes('{year}') && year === null) return null;
    return path.resolve(config.dir, config.previous.replaceAll('{year}', String((year ?? 0) - 1)));
  }

  /** Last year's report parsed, or null when `file` names none. */
  async load(document: DocumentModel, file: string | null): Promise<DocumentModel | null> {
    // a pattern that names no existing file (the first year, a gap) means: no previous report
    if (file === null || file === path.resolve(document.filename) || (this.flag === undefined && !existsSync(file))) return null;
    if (!this.parsed.has(file)) {
      if (inputKindOf(file) === 'docx') {
        const previousDoc = await (await import('../document/parse/docx.js')).parseDocx(file);
        this.parsed.set(file, previousDoc.source.trim() ? previousDoc : null);
      } else {
        const source = readSourceFile(file);
        if (formatOf(file) === 'markdown') await loadMarkdownSupportFor(source.text);
        this.parsed.set(file, source.text.trim() ? parseDocument(source.text, { filename: file }) : null);
      }
    }
    const previous = this.parsed.get(file)!;
    if (previous && this.flag !== undefined) {
      // --previous the wrong way round (this year's report as last year's) is an error, not a comparison
      const year = factsOf(document).when.year;
      const previousYear = factsOf(previous).when.year;
      if (year !== null && previousYear !== null && previousYear >= year) {
        throw new UsageError(MSG.previousNotEarlier(this.shown(file), previousYear, this.shown(path.resolve(document.filename)), year));
      }
    }
    return previous;
  }
}

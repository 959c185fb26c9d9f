import type { LintResult } from '../engine/lint.js';
import type { Locale, RuleMeta } from '../rule.js';

export interface FormatContext {
  color: boolean;
  locale: Locale;
  cwd: string;
  /** metadata of every rule, for formats that describe rules (sarif, html) */
  rulesMeta: Record<string, RuleMeta>;
  /**
   * The decoded text of each linted file (key: `LintResult.filePath`), exactly as the rules saw
   * it, so that `LintMessage.offset`/`endOffset` and `fix.range` index into it. Needed by `html`
   * (the draft with its findings highlighted) and by `sarif` (fix offsets in code points); a
   * format that gets no text for a file leaves those parts out.
   */
  sources?: Record<string, string>;
  /**
   * The config file each linted file was checked with (key: `LintResult.filePath`), null for the
   * built-in defaults (no config file found). `html` shows it; absent, the page does not say.
   */
  configFiles?: Record<string, string | null>;
  /** when the report is made (html shows it); the current time when absent */
  now?: Date;
}

export type Formatter = (results: LintResult[], context: FormatContext) => string;

import type { LintResult } from '../lint.js';
import type { Locale, RuleMeta } from '../rule.js';

export interface FormatContext {
  color: boolean;
  locale: Locale;
  cwd: string;
  /** metadata of every rule, for formats that describe rules (sarif, html) */
  rulesMeta: Record<string, RuleMeta>;
}

export type Formatter = (results: LintResult[], context: FormatContext) => string;

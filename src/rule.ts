import type { DocumentModel } from './model.js';

export type Severity = 'error' | 'warn' | 'off';
export type Locale = 'zh' | 'en';

/** A message template in both languages; {{name}} placeholders are filled from `data`. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** A JSON Schema (draft-07) describing a rule's options object. */
export type JsonSchema = Record<string, unknown>;

export interface RuleMeta {
  /** kebab-case id, also the doc page name: docs/rules/<id>.md */
  id: string;
  /** one line */
  description: LocalizedText;
  /** problem: the text is wrong; suggestion: could be better; layout: form and numbering */
  type: 'problem' | 'suggestion' | 'layout';
  defaultSeverity: Severity;
  fixable: boolean;
  /** JSON Schema for the options object (the second element of ["warn", {…}]) */
  schema: JsonSchema;
  /** options used where the config gives none; merged under the user's options */
  defaultOptions: Record<string, unknown>;
  messages: Record<string, LocalizedText>;
  tags: string[];
  /** the pack a rule comes from (rules written as data); absent for rules written in code */
  pack?: string;
  /** doc page of a pack rule; code rules' pages are docs/rules/<id>.md */
  docPath?: string;
}

export interface Fix {
  /** source offsets [start, end) to replace */
  start: number;
  end: number;
  text: string;
}

export interface Report {
  messageId: string;
  data?: Record<string, string | number>;
  /** source offsets [start, end) of the offending text */
  start: number;
  end: number;
  fix?: Fix;
  /**
   * 'warn' lowers this finding to a warning even where the rule runs as an error
   * (a check that is advisory within a stricter rule); it never raises a warning.
   */
  level?: 'error' | 'warn';
}

export interface RuleContext<Options = Record<string, unknown>> {
  readonly document: DocumentModel;
  /** last year's report (--previous, or `previous` in config), parsed the same way; null without one */
  readonly previous: DocumentModel | null;
  readonly options: Options;
  report(report: Report): void;
}

export interface Rule<Options = Record<string, unknown>> {
  meta: RuleMeta;
  check(context: RuleContext<Options>): void;
}

/** Fill {{name}} placeholders. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) =>
    Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : m,
  );
}

import type { DocumentModel } from './document/model.js';

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

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

/**
 * A template cut at its placeholders: text, [name, placeholder as written], text, … (always an
 * odd count). Templates are few and reused for every finding, so each is cut once.
 */
type TemplateParts = Array<string | readonly [string, string]>;
const templateParts = new Map<string, TemplateParts>();

function partsOf(template: string): TemplateParts {
  let parts = templateParts.get(template);
  if (!parts) {
    parts = [];
    let last = 0;
    for (const m of template.matchAll(PLACEHOLDER)) {
      parts.push(template.slice(last, m.index), [m[1]!, m[0]] as const);
      last = m.index + m[0].length;
    }
    parts.push(template.slice(last));
    if (templateParts.size >= 1000) templateParts.clear(); // only rules' templates are expected: bound it anyway
    templateParts.set(template, parts);
  }
  return parts;
}

/** Fill {{name}} placeholders (a name missing from data leaves its placeholder as written). */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  if (!data) return template;
  const parts = partsOf(template);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const [name, written] = parts[i] as readonly [string, string];
    out += (Object.prototype.hasOwnProperty.call(data, name) ? String(data[name]) : written) + (parts[i + 1] as string);
  }
  return out;
}

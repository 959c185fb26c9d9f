import type { DocumentModel, TextBlock } from './document/model.js';

export type Severity = 'error' | 'warn' | 'off';
export type { Locale } from './messages.js';

/** A message template in both languages; {{name}} placeholders are filled from `data`. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** A JSON Schema (draft-07) describing a rule's options object. */
export type JsonSchema = Record<string, unknown>;

export interface RuleMeta<MessageIds extends string = string, Options = Record<string, unknown>> {
  /** kebab-case id, also the doc page name: docs/rules/<id>.md */
  id: string;
  /** one line */
  description: LocalizedText;
  /** problem: the text is wrong; suggestion: could be better; layout: form and numbering */
  type: 'problem' | 'suggestion' | 'layout';
  defaultSeverity: Severity;
  /** whether the rule offers fixes; the engine throws on a fix from a rule that says false */
  fixable: boolean;
  /** JSON Schema for the options object (the second element of ["warn", {…}]) */
  schema: JsonSchema;
  /** options used where the config gives none; merged under the user's options */
  defaultOptions: Options;
  messages: Record<MessageIds, LocalizedText>;
  tags: string[];
  /** the pack a rule comes from (rules written as data); absent for rules written in code */
  pack?: string;
  /** doc page of a pack rule; code rules' pages are docs/rules/<id>.md */
  docPath?: string;
}

/** One edit: replace [start, end) with text. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * What a finding offers to fix: one edit, or several that the engine merges into one, as
 * ESLint's mergeFixes does (the text between them stays; edits that overlap are an error).
 */
export type Fix = Edit | readonly Edit[];

/** A finding without its place: what reportAt takes. */
export interface ReportDescriptor<MessageIds extends string = string> {
  messageId: MessageIds;
  data?: Record<string, string | number>;
  fix?: Fix;
  /**
   * 'warn' lowers this finding to a warning even where the rule runs as an error
   * (a check that is advisory within a stricter rule); it never raises a warning.
   */
  level?: 'error' | 'warn';
}

export interface Report<MessageIds extends string = string> extends ReportDescriptor<MessageIds> {
  /** source offsets [start, end) of the offending text; a fix's edits are source offsets too */
  start: number;
  end: number;
  /**
   * The other places one summary finding stands for (「全文有170处……此处为第一处」), as source
   * offsets [start, end): formats that show the draft mark each of them, json and sarif list them.
   */
  related?: ReadonlyArray<{ start: number; end: number }>;
}

export interface RuleContext<Options = Record<string, unknown>, MessageIds extends string = string> {
  readonly document: DocumentModel;
  /** last year's report (--previous, or `previous` in config), parsed the same way; null without one */
  readonly previous: DocumentModel | null;
  readonly options: Options;
  /** Report source offsets. */
  report(report: Report<MessageIds>): void;
  /**
   * Report block.text[i, j); the engine turns the indices into source offsets. The fix's edits
   * are indices into block.text as well: the fix is offered only when each edit lies in one
   * stretch of source (TextBlock.segments), so that it can never change Markdown syntax.
   */
  reportAt(block: TextBlock, i: number, j: number, report: ReportDescriptor<MessageIds>): void;
}

export interface Rule<Options = Record<string, unknown>, MessageIds extends string = string> {
  meta: RuleMeta<MessageIds, Options>;
  check(context: RuleContext<Options, MessageIds>): void;
}

// ---------------------------------------------------------------- defineRule

/** The TypeScript type of a value an option's schema accepts; unknown where it cannot say. */
export type FromSchema<S> = S extends { enum: readonly (infer E)[] }
  ? E
  : S extends { type: 'boolean' }
    ? boolean
    : S extends { type: 'number' | 'integer' }
      ? number
      : S extends { type: 'string' }
        ? string
        : S extends { type: 'array'; items: infer I }
          ? ArrayOf<FromSchema<I>>
          : unknown;

type ArrayOf<T> = [unknown] extends [T] ? unknown : T[];

/** Options from the schema of each option, or from its default where the schema cannot say (objects). */
export type OptionsFrom<S, D> = {
  [K in keyof S | keyof D]: K extends keyof S
    ? [unknown] extends [FromSchema<S[K]>]
      ? K extends keyof D
        ? D[K]
        : unknown
      : FromSchema<S[K]>
    : K extends keyof D
      ? D[K]
      : never;
};

/** A rule's meta as written in its file: `options` holds the schema of each option. */
export interface MetaInput<MessageIds extends string, S extends Record<string, JsonSchema>, D> {
  id: string;
  description: LocalizedText;
  type: RuleMeta['type'];
  defaultSeverity: Severity;
  fixable: boolean;
  /** JSON Schema (draft-07) of each option; defineMeta wraps them in the options object's schema */
  options: S;
  defaultOptions: D;
  messages: Record<MessageIds, LocalizedText>;
  tags: string[];
}

/** The options type of a rule or of its meta. */
export type OptionsOf<T> = T extends { meta: infer Meta } ? OptionsOf<Meta> : T extends { defaultOptions: infer O } ? O : never;
/** The message ids of a rule or of its meta. */
export type MessageIdsOf<T> = T extends { meta: infer Meta } ? MessageIdsOf<Meta> : T extends { messages: infer Ms } ? keyof Ms & string : never;
/** The context a rule's check gets, for the helpers it hands the context to. */
export type ContextOf<T> = RuleContext<OptionsOf<T>, MessageIdsOf<T>>;

/**
 * A rule's meta, typed: the message ids are the keys of `messages` (so that reporting an id that
 * is not there does not compile), the options type comes from each option's schema (or its
 * default), and the options object's schema ($schema, type: object, no other properties) is
 * written here once.
 */
export function defineMeta<const MessageIds extends string, const S extends Record<string, JsonSchema>, D>(
  meta: MetaInput<MessageIds, S, D>,
): RuleMeta<MessageIds, OptionsFrom<S, D>> {
  const { options, defaultOptions, ...rest } = meta;
  return {
    ...rest,
    schema: {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      additionalProperties: false,
      properties: options,
    },
    defaultOptions: defaultOptions as OptionsFrom<S, D>,
  };
}

/**
 * A rule: `defineRule({ meta, check })`, meta written with defineMeta or in place. check's
 * context knows the rule's message ids and options (typescript-eslint's RuleCreator, in small).
 */
export function defineRule<const MessageIds extends string, const S extends Record<string, JsonSchema>, D>(rule: {
  meta: MetaInput<MessageIds, S, D>;
  check: (context: RuleContext<OptionsFrom<S, D>, MessageIds>) => void;
}): Rule<OptionsFrom<S, D>, MessageIds>;
export function defineRule<MessageIds extends string, Options>(rule: {
  meta: RuleMeta<MessageIds, Options>;
  check: (context: RuleContext<Options, NoInfer<MessageIds>>) => void;
}): Rule<Options, MessageIds>;
export function defineRule(rule: { meta: RuleMeta | MetaInput<string, Record<string, JsonSchema>, unknown>; check: (context: RuleContext) => void }): Rule {
  const meta = 'options' in rule.meta ? defineMeta(rule.meta) : rule.meta;
  return { meta: meta as RuleMeta, check: rule.check };
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

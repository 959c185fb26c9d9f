/** A rule pack as written in JSON (schemas/rule-pack.schema.json). */

export type PackText = string | { zh: string; en?: string };
export type Level = 'error' | 'warn';
export type JsonLogic = Record<string, unknown> | boolean;

export type PackScope =
  | 'document'
  | 'heading'
  | 'paragraph'
  | 'sentence'
  | { section: { heading?: string; part?: string } };

/**
 * A period of validity: a check or entry applies only to a report whose date (its signature
 * date, else the months around its report year) lies wholly inside it. Dates are `YYYY`,
 * `YYYY-MM` or `YYYY-MM-DD`; `from` reads as the first day they name, `until` as the last.
 */
export interface PackValid { from?: string; until?: string }
/** Exceptions: a match that a match of any of these patterns overlaps is not reported. */
export type PackUnless = string | string[];

interface CheckBase {
  message?: PackText;
  level?: Level;
  scope?: PackScope;
  when?: JsonLogic;
  link?: string;
  valid?: PackValid;
}

/** A forbid pattern: the pattern itself, or with its own exceptions and period of validity. */
export type ForbidPattern = string | { pattern: string; unless?: PackUnless; valid?: PackValid };
export interface PreferEntry { wrong: string; right: string; unless?: PackUnless; valid?: PackValid }

export interface ForbidCheck extends CheckBase { type: 'forbid'; patterns: ForbidPattern[]; unless?: PackUnless }
export interface PreferCheck extends CheckBase { type: 'prefer'; replace: PreferEntry[]; unless?: PackUnless }
export interface CountCheck extends CheckBase { type: 'count'; pattern: string; min?: number; max?: number; unless?: PackUnless }
export interface ConsistentCheck extends CheckBase {
  type: 'consistent';
  forms: [string, string];
  unless?: PackUnless;
  /** the index of the right form: where both occur, every occurrence of the other is reported, with a fix */
  preferred?: 0 | 1;
}
export interface RequiresCheck extends CheckBase { type: 'requires'; if: string; then: string; unless?: PackUnless }

export interface PackPart {
  id: string;
  name: PackText;
  headings: string[];
  keywords?: string[];
  optional?: boolean;
  level?: Level;
  contains?: Array<{ patterns: string[]; message: PackText; level?: Level }>;
  yearOffset?: number;
}
export interface RelationCheck extends Omit<CheckBase, 'scope'> {
  type: 'relation';
  scope?: 'document' | 'paragraph' | 'sentence';
  figures: Record<string, { label: string; unit?: string }>;
  condition: JsonLogic;
  at?: string;
}
export interface SectionsCheck extends Omit<CheckBase, 'scope'> { type: 'sections'; parts: PackPart[] }

export type PackCheck = ForbidCheck | PreferCheck | CountCheck | ConsistentCheck | RequiresCheck | SectionsCheck | RelationCheck;

export interface PackRule {
  id: string;
  description: PackText;
  severity?: 'error' | 'warn' | 'off';
  type?: 'problem' | 'suggestion' | 'layout';
  tags?: string[];
  doc?: string;
  checks: PackCheck[];
}

export interface Pack {
  id: string;
  description: PackText;
  reportType?: string;
  recommended?: boolean;
  rules: PackRule[];
}

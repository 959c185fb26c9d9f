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

interface CheckBase {
  message?: PackText;
  level?: Level;
  scope?: PackScope;
  when?: JsonLogic;
  link?: string;
}

export interface ForbidCheck extends CheckBase { type: 'forbid'; patterns: string[] }
export interface PreferCheck extends CheckBase { type: 'prefer'; replace: Array<{ wrong: string; right: string; unless?: string }> }
export interface CountCheck extends CheckBase { type: 'count'; pattern: string; min?: number; max?: number }
export interface ConsistentCheck extends CheckBase { type: 'consistent'; forms: [string, string] }
export interface RequiresCheck extends CheckBase { type: 'requires'; if: string; then: string }

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

import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { ConfigError } from '../errors.js';
import { MSG, schemaMessage } from '../messages.js';
import type { Locale } from '../rule.js';
import { RECOMMENDED, resolveRuleSet, type Builtins, type RuleSet } from './ruleset.js';
import { findConfigFile } from './discover.js';
import { loadConfigFile } from './load.js';
import type { Validators } from './schemas.js';
import { getValidators, lazyPackValidator } from './validators.js';
import { describeSchemaErrors } from '../schema.js';

export type SeverityLevel = 0 | 1 | 2;

export interface RuleSetting {
  severity: SeverityLevel;
  /** the user's options, validated; merged over the rule's defaults when the rule runs */
  options: Record<string, unknown>;
}

export interface Override {
  files: string[];
  excludedFiles: string[];
  rules: Record<string, RuleSetting>;
}

/** A validated config file (or the empty config when there is none). */
export interface Config {
  /** the file it came from; null when no config file was found (recommended set only) */
  file: string | null;
  /** folder that `overrides` globs and pack paths are relative to */
  dir: string;
  locale: Locale | null;
  /** as written, or ["reportlint:recommended"] when absent */
  extends: string[];
  rules: Record<string, RuleSetting>;
  overrides: Override[];
  /** the rules this config can name and the ones its `extends` turns on */
  ruleSet: RuleSet;
  /** last year's report: a path relative to `dir`, {year} standing for the year before the report year */
  previous: string | null;
  /** files left alone, .gitignore syntax relative to `dir` */
  ignorePatterns: string[];
  /** the report type of the drafts under this config, when it says one (else inferred per draft) */
  reportType?: string | null;
}

export type { Builtins } from './ruleset.js';

const SEVERITIES: Record<string, SeverityLevel> = { off: 0, warn: 1, error: 2, 0: 0, 1: 1, 2: 2 };

export interface LoadConfigOptions {
  forFile?: string | undefined;
  explicitPath?: string | undefined;
  cwd?: string | undefined;
  /** the built-in rules and packs (src/engine/config.ts passes reportlint's own) */
  builtins: Builtins;
}

/** Find and read the config for a file (nearest from its folder upwards), or read `explicitPath`. */
export async function loadConfig(options: LoadConfigOptions): Promise<Config> {
  const cwd = options.cwd ?? process.cwd();
  const file = options.explicitPath
    ? path.resolve(cwd, options.explicitPath)
    : findConfigFile(options.forFile ? path.dirname(path.resolve(cwd, options.forFile)) : cwd);
  if (!file) return defaultConfig(cwd, options.builtins);
  const raw = await loadConfigFile(file);
  return validateConfig(raw, file, await getValidators(options.builtins.rules), options.builtins);
}

/** The config that applies where there is no config file: the recommended set. */
export async function defaultConfig(dir: string, builtins: Builtins): Promise<Config> {
  // the pack validator is loaded only if a built-in pack differs from what the build validated
  return {
    file: null, dir, locale: null, extends: [RECOMMENDED], rules: {}, overrides: [], previous: null, ignorePatterns: [],
    ruleSet: resolveRuleSet([RECOMMENDED], null, dir, lazyPackValidator(builtins.rules), builtins),
  };
}

export function validateConfig(raw: unknown, file: string, validators: Validators, builtins: Builtins): Config {
  const shown = path.relative(process.cwd(), file) || file;
  if (raw === undefined || raw === null) raw = {};
  if (!validators.config(raw)) throw toConfigError(shown, '', validators.config.errors ?? []);
  const data = raw as {
    extends?: string | string[];
    locale?: Locale;
    previous?: string;
    reportType?: string;
    ignorePatterns?: string[];
    rules?: Record<string, unknown>;
    overrides?: Array<{ files: string | string[]; excludedFiles?: string | string[]; rules?: Record<string, unknown> }>;
  };
  const extendsList = data.extends === undefined ? [RECOMMENDED] : Array.isArray(data.extends) ? data.extends : [data.extends];
  const ruleSet = resolveRuleSet(extendsList, file, path.dirname(file), validators.pack, builtins);
  const known = new Map(ruleSet.rules.map((r) => [r.meta.id, r]));
  const readRules = (entries: Record<string, unknown> | undefined, prefix: string): Record<string, RuleSetting> => {
    const out: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(entries ?? {})) {
      const key = `${prefix}rules.${id}`;
      if (!known.has(id)) {
        const hint = closest(id, [...known.keys()]);
        throw new ConfigError(shown, key, MSG.unknownRule(id, hint));
      }
      const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
      if (options !== undefined) {
        const validate = validators.rules[id];
        if (validate) {
          if (!validate(options)) throw toConfigError(shown, `${key}[1]`, validate.errors ?? []);
        } else if (Object.keys(options as object).length > 0) {
          // rules from packs take no options
          throw new ConfigError(shown, `${key}[1]`, MSG.ruleTakesNoOptions(id));
        }
      }
      out[id] = { severity: SEVERITIES[String(severity)]!, options: (options as Record<string, unknown>) ?? {} };
    }
    return out;
  };
  const list = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return {
    file,
    dir: path.dirname(file),
    locale: data.locale ?? null,
    extends: extendsList,
    ruleSet,
    previous: data.previous ?? null,
    reportType: data.reportType ?? null,
    ignorePatterns: data.ignorePatterns ?? [],
    rules: readRules(data.rules, ''),
    overrides: (data.overrides ?? []).map((o, i) => ({
      files: list(o.files),
      excludedFiles: list(o.excludedFiles),
      rules: readRules(o.rules, `overrides[${i}].`),
    })),
  };
}

/** One clear sentence for the most specific schema error, naming the key. */
function toConfigError(file: string, prefix: string, errors: ErrorObject[]): ConfigError {
  const { key, message } = describeSchemaErrors(errors, prefix);
  if (/(^|\.)rules\.[^.[]+$/.test(key) || /rules\.[^.[]+\[0\]$/.test(key)) {
    return new ConfigError(file, key, MSG.severityForm());
  }
  if (errors.some((e) => e.keyword === 'propertyNames') && /rules$/.test(key)) {
    return new ConfigError(file, key, MSG.ruleIdForm());
  }
  return new ConfigError(file, key, schemaMessage(message));
}

/** The known id nearest to a misspelt one (edit distance ≤ 3). */
export function closest(id: string, ids: string[]): string | null {
  let best: string | null = null;
  let bestDistance = 4;
  for (const candidate of ids) {
    const d = editDistance(id, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

export function parseSeverity(value: string): SeverityLevel | undefined {
  return SEVERITIES[value];
}

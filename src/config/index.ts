import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { ConfigError } from '../errors.js';
import type { Locale, Rule } from '../rule.js';
import { findConfigFile } from './discover.js';
import { loadConfigFile } from './load.js';
import type { Validators } from './schemas.js';
import { getValidators } from './validators.js';

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
  /** folder that `overrides` globs are relative to */
  dir: string;
  locale: Locale | null;
  rules: Record<string, RuleSetting>;
  overrides: Override[];
}

const SEVERITIES: Record<string, SeverityLevel> = { off: 0, warn: 1, error: 2, 0: 0, 1: 1, 2: 2 };

/** Find and read the config for a file (nearest from its folder upwards), or read `explicitPath`. */
export async function loadConfig(rules: readonly Rule[], options: { forFile?: string; explicitPath?: string; cwd?: string }): Promise<Config> {
  const cwd = options.cwd ?? process.cwd();
  const file = options.explicitPath
    ? path.resolve(cwd, options.explicitPath)
    : findConfigFile(options.forFile ? path.dirname(path.resolve(cwd, options.forFile)) : cwd);
  if (!file) return { file: null, dir: cwd, locale: null, rules: {}, overrides: [] };
  const raw = await loadConfigFile(file);
  return validateConfig(raw, file, rules, await getValidators(rules));
}

export function validateConfig(raw: unknown, file: string, rules: readonly Rule[], validators: Validators): Config {
  const shown = path.relative(process.cwd(), file) || file;
  if (raw === undefined || raw === null) raw = {};
  if (!validators.config(raw)) throw toConfigError(shown, '', validators.config.errors ?? []);
  const data = raw as {
    locale?: Locale;
    rules?: Record<string, unknown>;
    overrides?: Array<{ files: string | string[]; excludedFiles?: string | string[]; rules?: Record<string, unknown> }>;
  };
  const known = new Map(rules.map((r) => [r.meta.id, r]));
  const readRules = (entries: Record<string, unknown> | undefined, prefix: string): Record<string, RuleSetting> => {
    const out: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(entries ?? {})) {
      const key = `${prefix}rules.${id}`;
      if (!known.has(id)) {
        const hint = closest(id, [...known.keys()]);
        throw new ConfigError(shown, key, `unknown rule "${id}"${hint ? ` (did you mean "${hint}"?)` : ''}`);
      }
      const [severity, options] = Array.isArray(setting) ? setting : [setting, undefined];
      if (options !== undefined) {
        const validate = validators.rules[id]!;
        if (!validate(options)) throw toConfigError(shown, `${key}[1]`, validate.errors ?? []);
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
  // the deepest error is the most specific; among equals, prefer one that is not a combinator
  const best = [...errors].sort((a, b) =>
    depth(b.instancePath) - depth(a.instancePath) || Number(a.keyword === 'anyOf') - Number(b.keyword === 'anyOf'))[0];
  if (!best) return new ConfigError(file, prefix, 'is not valid');
  const segments = best.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let key = prefix;
  for (const s of segments) key += /^\d+$/.test(s) ? `[${s}]` : key ? `.${s}` : s;
  let message: string;
  if (best.keyword === 'additionalProperties') {
    const extra = String(best.params['additionalProperty']);
    key = key ? `${key}.${extra}` : extra;
    message = 'unknown key';
  } else if (/(^|\.)rules\.[^.[]+$/.test(key) || /rules\.[^.[]+\[0\]$/.test(key)) {
    message = 'severity must be "error", "warn" or "off" (or 2, 1, 0), or an array ["warn", { options }]';
  } else if (best.keyword === 'enum') {
    message = `must be one of ${(best.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  } else if (best.keyword === 'propertyNames') {
    message = 'rule ids are kebab-case, e.g. "repeated-word"';
  } else {
    message = best.message ?? 'is not valid';
  }
  return new ConfigError(file, key, message);
}

function depth(instancePath: string): number {
  return instancePath === '' ? 0 : instancePath.split('/').length;
}

/** The known id nearest to a misspelt one (edit distance ≤ 3). */
function closest(id: string, ids: string[]): string | null {
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

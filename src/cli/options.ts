/**
 * The command line's options: what parseArgs accepts, what it found wrong (in both languages),
 * the --rule flags, and which files the ignore patterns leave out.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Config, RuleSetting } from '../config/index.js';
import { parseSeverity } from '../config/index.js';
import { UsageError } from '../errors.js';
import { MSG, type Localized } from '../messages.js';

export const OPTIONS = {
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  rule: { type: 'string', multiple: true },
  previous: { type: 'string' },
  locale: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  annotate: { type: 'boolean' },
  'annotate-dir': { type: 'string' },
  baseline: { type: 'string' },
  'baseline-write': { type: 'boolean' },
  'no-ignore': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  cache: { type: 'boolean' },
  concurrency: { type: 'string' },
  'cache-location': { type: 'string' },
  'list-rules': { type: 'boolean' },
  'print-config': { type: 'string' },
  'explain-report': { type: 'string' },
  init: { type: 'boolean' },
  explain: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/**
 * Is a file ignored, by `.reportlintignore` in the working directory or by the `ignorePatterns`
 * of the config that applies to it? The matcher is loaded only when there are patterns.
 */
export async function ignoreCheckerFor(cwd: string, configFor: (file: string) => Promise<Config>): Promise<(file: string) => Promise<boolean>> {
  const hasIgnoreFile = existsSync(path.join(cwd, '.reportlintignore'));
  let mod: typeof import('./ignore.js') | null = null;
  const load = async () => (mod ??= await import('./ignore.js'));
  const ignoreFile = hasIgnoreFile ? (await load()).readIgnoreFile(cwd) : null;
  return async (file: string) => {
    if (ignoreFile && mod && mod.isIgnoredBy(ignoreFile, file)) return true;
    const config = await configFor(file);
    if (config.ignorePatterns.length === 0) return false;
    return (await load()).isIgnoredBy({ dir: config.dir, patterns: config.ignorePatterns }, file);
  };
}


/** What parseArgs found wrong, in both languages (its own message is English only). */
export function argumentProblem(error: Error & { code?: string }): Localized {
  const firstLine = error.message.split('\n')[0]!;
  const option = /'([^']+)'/.exec(firstLine)?.[1];
  if (option && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return MSG.unknownOption(option);
  if (option && error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(firstLine)) return MSG.missingValue(option);
    if (/does not take an argument/.test(firstLine)) return MSG.takesNoValue(option);
  }
  return MSG.badArguments(firstLine);
}


/** --rule repeated-word:warn  (also id:off, id:error, id:0/1/2) */
export function parseRuleFlags(flags: string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const m = /^\s*([a-z][a-z0-9-]*)\s*:\s*(\S+)\s*$/.exec(flag);
    const severity = m ? parseSeverity(m[2]!) : undefined;
    if (!m || severity === undefined) throw new UsageError(MSG.ruleFlagForm(flag));
    out[m[1]!] = { severity, options: {} };
  }
  return out;
}


import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describeSchemaErrors, type Validate } from '../schema.js';
import { packagePath } from '../paths.js';
import { ConfigError } from '../errors.js';
import { MSG, schemaMessage } from '../messages.js';
import type { Rule } from '../rule.js';
import { PackError, packRules } from './compile.js';
import type { Pack } from './types.js';

export interface LoadedPack {
  pack: Pack;
  file: string;
  rules: Rule[];
}

/**
 * Read, validate and compile a pack file. Every problem — JSON syntax, schema, a bad
 * json-logic condition, an invalid regex or one the linear-time engine cannot run — names the file and the JSON path.
 */
export function loadPackFile(file: string, shownAs: string, validate: Validate, trusted = false): LoadedPack {
  let raw: unknown;
  let textContent: string;
  try {
    textContent = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new ConfigError(shownAs, '', MSG.packUnreadable((error as NodeJS.ErrnoException).code ?? (error as Error).message));
  }
  try {
    raw = JSON.parse(textContent);
  } catch (error) {
    throw new ConfigError(shownAs, '', MSG.packInvalidJson((error as Error).message));
  }
  if (!validate(raw)) {
    const { key, message } = describeSchemaErrors(validate.errors ?? []);
    throw new ConfigError(shownAs, key, schemaMessage(message));
  }
  const pack = raw as Pack;
  try {
    return { pack, file, rules: packRules(pack, pathToFileURL(file).href, trusted) };
  } catch (error) {
    if (error instanceof PackError) throw new ConfigError(shownAs, error.path, error.message.slice(error.path.length + 2));
    throw error;
  }
}

const BUILTIN_DIR = packagePath('rules/');
let builtins: LoadedPack[] | null = null;

/** The packs shipped in rules/ (loaded once per process; their patterns are trusted, see compilePattern). */
export function builtinPacks(validate: Validate): LoadedPack[] {
  builtins ??= existsSync(BUILTIN_DIR)
    ? readdirSync(BUILTIN_DIR).filter((f) => f.endsWith('.json')).sort()
      .map((f) => loadPackFile(path.join(BUILTIN_DIR, f), `rules/${f}`, validate, true))
    : [];
  return builtins;
}

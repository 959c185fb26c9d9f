import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { describeSchemaErrors } from '../config/schema-errors.js';
import type { Validate } from '../config/schemas.js';
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

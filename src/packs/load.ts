import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describeSchemaErrors, type Validate } from '../schema.js';
import { CODE_DIR, packagePath } from '../paths.js';
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
 * What the build learnt about a built-in pack (scripts/compile-schemas.mjs): the text it validated
 * against the pack schema, and the required literals of its patterns (literals.ts), so that a run
 * on the same text does neither again.
 */
export interface PackStamp {
  /**
   * the pack's text as validated (its BOM removed). A run compares it with the file's text: string
   * equality is native and exact, where the 53-bit hash it replaced ran a loop over the packs'
   * 33,000 characters in the interpreter (loading the three packs: 11.7 → 9.2 ms of CPU).
   */
  text: string;
  literals: Record<string, string[] | null>;
}

/**
 * The build's stamp for a built-in pack's text: validated and compiled (a PackError throws), or
 * the schema's complaint as a string.
 */
export function builtinPackStamp(text: string, validate: Validate): PackStamp | string {
  const content = text.replace(/^\uFEFF/, '');
  const raw = JSON.parse(content) as unknown;
  if (!validate(raw)) {
    const { key, message } = describeSchemaErrors(validate.errors ?? []);
    return `${key}: ${message}`;
  }
  const literals = new Map<string, string[] | null>();
  packRules(raw as Pack, null, true, literals);
  return { text: content, literals: Object.fromEntries(literals) };
}

/**
 * Read, validate and compile a pack file. Every problem — JSON syntax, schema, a bad
 * json-logic condition, an invalid regex or one the linear-time engine cannot run — names the file and the JSON path.
 * With the build's `stamp` of this very text, the schema is not run again (and `validate` not called).
 */
export function loadPackFile(file: string, shownAs: string, validate: Validate, trusted = false, stamp?: PackStamp): LoadedPack {
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
  const stamped = stamp !== undefined && stamp.text === textContent;
  if (!stamped && !validate(raw)) {
    const { key, message } = describeSchemaErrors(validate.errors ?? []);
    throw new ConfigError(shownAs, key, schemaMessage(message));
  }
  const pack = raw as Pack;
  try {
    const literals = stamped ? new Map(Object.entries(stamp.literals)) : undefined;
    return { pack, file, rules: packRules(pack, pathToFileURL(file).href, trusted, literals) };
  } catch (error) {
    if (error instanceof PackError) throw new ConfigError(shownAs, error.path, error.message.slice(error.path.length + 2));
    throw error;
  }
}

const BUILTIN_DIR = packagePath('rules/');
let builtins: LoadedPack[] | null = null;

/** The build's stamps of the built-in packs, by file name (none when running from src/). */
function builtinStamps(): Record<string, PackStamp> {
  try {
    return JSON.parse(readFileSync(new URL('generated/builtin-packs.json', CODE_DIR), 'utf8')) as Record<string, PackStamp>;
  } catch {
    return {};
  }
}

/**
 * The packs shipped in rules/ (loaded once per process; their patterns are trusted, see
 * compilePattern). A pack whose text the build validated is not validated again: `validate` is
 * called only for a pack edited since the build (or with no build, under the tests).
 */
export function builtinPacks(validate: Validate): LoadedPack[] {
  if (!builtins) {
    const stamps = existsSync(BUILTIN_DIR) ? builtinStamps() : {};
    builtins = existsSync(BUILTIN_DIR)
      ? readdirSync(BUILTIN_DIR).filter((f) => f.endsWith('.json')).sort()
        .map((f) => loadPackFile(path.join(BUILTIN_DIR, f), `rules/${f}`, validate, true, stamps[f]))
      : [];
  }
  return builtins;
}

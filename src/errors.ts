/**
 * Every error class reportlint throws on purpose, in one place.
 *
 * Errors that end a run with exit code 2 and one clear line on stderr: bad input (InputError),
 * a broken config (ConfigError), a wrong command line (UsageError). UsageError and ConfigError
 * carry their message in Chinese and English (src/messages.ts); `message` is the English one,
 * and the CLI prints the one of the locale in use (`textIn`).
 *
 * Errors that stay inside a layer: PatternError (a pack pattern, src/packs/regex.ts) becomes a
 * PackError (a pack field, src/packs/compile.ts), which src/packs/load.ts turns into a
 * ConfigError naming the file and JSON path. RuleCrashError is a rule breaking its contract
 * (src/engine/lint.ts): the CLI exits 2 and asks for a bug report. Anything else escaping is a bug.
 */
import type { Locale, Localized } from './messages.js';

/** A problem with an input file. `message` is a single line naming the file. */
export class InputError extends Error {
  constructor(
    message: string,
    public readonly path: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A rule pack field that cannot be compiled; `path` is its JSON path in the pack. */
export class PackError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path}: ${message}`);
  }
}

/** A pack pattern that is invalid or may not run on the linear-time engine. */
export class PatternError extends Error {}

/** A rule that threw or broke the engine's contract on a file. */
export class RuleCrashError extends Error {
  override name = 'RuleCrashError';
  constructor(readonly ruleId: string, readonly file: string, cause: unknown) {
    super(`rule ${ruleId} failed on ${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

export class UsageError extends Error {
  override name = 'UsageError';
  readonly localized: Localized;
  constructor(message: string | Localized) {
    const localized = typeof message === 'string' ? { zh: message, en: message } : message;
    super(localized.en);
    this.localized = localized;
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  readonly localized: Localized;
  constructor(
    readonly file: string,
    /** dotted path of the offending key, e.g. rules.repeated-word[1].allow; '' for the whole file */
    readonly key: string,
    message: string | Localized,
  ) {
    const m = typeof message === 'string' ? { zh: message, en: message } : message;
    const place = key ? `${file}: ${key}: ` : `${file}: `;
    super(place + m.en);
    this.localized = { zh: place + m.zh, en: place + m.en };
  }
}

/** An error's message in a locale, when it has one in both languages. */
export function textIn(error: Error, locale: Locale): string {
  const localized = (error as { localized?: Localized }).localized;
  return localized ? localized[locale] : error.message;
}

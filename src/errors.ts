/**
 * Errors that end a run with exit code 2 and one clear line on stderr: bad input,
 * a broken config, a wrong command line. Anything else escaping is a bug.
 *
 * Each carries its message in Chinese and English (src/messages.ts); `message` is the English
 * one, and the CLI prints the one of the locale in use (`textIn`).
 */
import type { Localized } from './messages.js';
import type { Locale } from './rule.js';

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

/**
 * Errors that end a run with exit code 2 and one clear line on stderr: bad input,
 * a broken config, a wrong command line. Anything else escaping is a bug.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly file: string,
    /** dotted path of the offending key, e.g. rules.repeated-word[1].allow; '' for the whole file */
    readonly key: string,
    message: string,
  ) {
    super(key ? `${file}: ${key}: ${message}` : `${file}: ${message}`);
  }
}

import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export class PatternError extends Error {}

let isSafe: ((re: RegExp | string) => boolean) | null = null;

/**
 * Compile a pattern from a pack. Packs are untrusted input: a pattern that can backtrack
 * catastrophically (nested quantifiers such as (a+)+, or syntax the checker cannot read)
 * is refused rather than run. The built-in packs are `trusted`: a test runs the check on
 * every pattern of theirs, so a run need not load the checker and repeat it (~30 ms).
 */
export function compilePattern(source: string, flags = 'gu', trusted = false): RegExp {
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (error) {
    throw new PatternError(`invalid regular expression: ${(error as Error).message}`);
  }
  if (trusted) return re;
  isSafe ??= require('safe-regex2') as (re: RegExp | string) => boolean;
  if (!isSafe(source)) {
    throw new PatternError(`pattern /${source}/ may backtrack catastrophically (nested quantifiers, or syntax such as lookbehind that the safety check cannot verify); rewrite it without nesting repetitions`);
  }
  return re;
}

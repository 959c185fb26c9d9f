/**
 * The toneless readings (pinyin syllables) of Chinese characters, every reading of a polyphone:
 * data/pinyin.tsv (one syllable and the characters read so per line, generated once from
 * pinyin-pro, see data/laws/README.md). The same-sound tests of law-citation and protected-name
 * read it; it is read on the first question only, so a run that asks none never reads it.
 */
import { readFileSync } from 'node:fs';
import { packageFile } from '../paths.js';

let syllables: Array<[string, string]> | null = null;
const known = new Map<string, readonly string[]>();

/** The readings of one character (empty when the table does not know it). */
export function readingsOf(ch: string): readonly string[] {
  let r = known.get(ch);
  if (r) return r;
  syllables ??= readFileSync(packageFile('data/pinyin.tsv'), 'utf8')
    .split('\n')
    .map((line) => line.split('\t') as [string, string])
    .filter(([syllable, chars]) => syllable && chars);
  // a question scans the syllables' strings (about 400): cheaper than a map of 20,000 characters
  // for the few characters a run ever asks about
  r = syllables.filter(([, chars]) => chars.includes(ch)).map(([syllable]) => syllable);
  known.set(ch, r);
  return r;
}

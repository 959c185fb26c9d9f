/**
 * Which files a run leaves alone: `ignorePatterns` in a config file (relative to that file's
 * folder) and `.reportlintignore` in the working directory, both in .gitignore syntax (read by
 * the `ignore` package, the matcher ESLint uses). Loaded only when a run walks files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Ignore } from 'ignore';
import ignoreFactory from 'ignore';

export const IGNORE_FILE = '.reportlintignore';

export interface IgnoreSource {
  /** folder the patterns are relative to */
  dir: string;
  patterns: readonly string[];
}

const matchers = new Map<string, Ignore>();

function matcher(source: IgnoreSource): Ignore {
  const key = `${source.dir}\0${source.patterns.join('\n')}`;
  let ig = matchers.get(key);
  if (!ig) {
    ig = ignoreFactory({ allowRelativePaths: true }).add([...source.patterns]);
    matchers.set(key, ig);
  }
  return ig;
}

/** Is `file` (absolute) ignored by these patterns? `isDir` tests it as a folder (`dir/` patterns). */
export function isIgnoredBy(source: IgnoreSource, file: string, isDir = false): boolean {
  if (source.patterns.length === 0) return false;
  const relative = path.relative(source.dir, file);
  // outside the folder the patterns belong to: not theirs to ignore
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const posix = relative.split(path.sep).join('/');
  return matcher(source).ignores(isDir ? `${posix}/` : posix);
}

/** The patterns of `.reportlintignore` in `cwd` (none when there is no such file). */
export function readIgnoreFile(cwd: string): IgnoreSource {
  const file = path.join(cwd, IGNORE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return { dir: cwd, patterns: [] };
  }
  return { dir: cwd, patterns: text.split(/\r\n|\r|\n/) };
}

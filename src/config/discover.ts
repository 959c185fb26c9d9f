import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The places cosmiconfig searches for a "reportlint" config, nearest folder first.
 * Discovery is done here with plain existence checks: it runs on every pre-commit
 * and cosmiconfig's own asynchronous search costs tens of milliseconds; cosmiconfig
 * is loaded only to read the formats that need it (YAML, JS, TS).
 */
export const SEARCH_PLACES = [
  'package.json',
  '.reportlintrc',
  '.reportlintrc.json',
  '.reportlintrc.yaml',
  '.reportlintrc.yml',
  '.reportlintrc.js',
  '.reportlintrc.ts',
  '.reportlintrc.mjs',
  '.reportlintrc.cjs',
  '.config/reportlintrc',
  '.config/reportlintrc.json',
  '.config/reportlintrc.yaml',
  '.config/reportlintrc.yml',
  '.config/reportlintrc.js',
  '.config/reportlintrc.ts',
  '.config/reportlintrc.mjs',
  '.config/reportlintrc.cjs',
  'reportlint.config.js',
  'reportlint.config.ts',
  'reportlint.config.mjs',
  'reportlint.config.cjs',
];

const cache = new Map<string, string | null>();

/** The nearest config file from `dir` upwards, or null. */
export function findConfigFile(dir: string): string | null {
  const start = path.resolve(dir);
  const visited: string[] = [];
  let found: string | null = null;
  for (let current = start; ; current = path.dirname(current)) {
    const known = cache.get(current);
    if (known !== undefined) {
      found = known;
      break;
    }
    visited.push(current);
    found = configIn(current);
    if (found) break;
    if (path.dirname(current) === current) break;
  }
  for (const d of visited) cache.set(d, found);
  return found;
}

/** The config file in `dir` itself, or null. */
export function configIn(dir: string): string | null {
  for (const place of SEARCH_PLACES) {
    const file = path.join(dir, place);
    if (!existsSync(file)) continue;
    // package.json counts only when it has a "reportlint" key
    if (place === 'package.json' && !packageHasKey(file)) continue;
    return file;
  }
  return null;
}

function packageHasKey(file: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    return pkg !== null && typeof pkg === 'object' && 'reportlint' in pkg;
  } catch {
    return false;
  }
}

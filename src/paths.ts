/**
 * Where the package's files are. This module sits at the top of the compiled code (dist/, or
 * src/ under the tests), and so do the chunks of the bundled CLI (scripts/bundle-cli.mjs) that
 * inline it, so its own URL finds them; modules deeper down ask here instead of counting `../`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** dist/ (or src/ when the tests run the TypeScript) */
export const CODE_DIR = new URL('./', import.meta.url);
/** the package root: package.json, rules/, schemas/, data/, docs/ */
export const PACKAGE_ROOT = new URL('../', import.meta.url);

/** A file of the package, as a URL (for readFileSync and import()). */
export function packageFile(relative: string): URL {
  return new URL(relative, PACKAGE_ROOT);
}

/** A file of the package, as a path. */
export function packagePath(relative: string): string {
  return fileURLToPath(packageFile(relative));
}

let version: string | undefined;
/** reportlint's version, from package.json (read once). */
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
  return version;
}

#!/usr/bin/env node
// dist/cli.js (copied there by scripts/bundle-cli.mjs): the CLI as an ES module, for
// `node dist/cli.js` and for importers (a test, scripts/code-cache.mjs). It runs what package.json's
// bin, dist/cli.cjs (scripts/cli-entry.cjs), runs; the bin itself is CommonJS, which starts faster.
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = createRequire(import.meta.url)('./cli.cjs');

/** a file's identity, so that a symbolic link to this file counts as it */
function identity(p) {
  try {
    const s = statSync(p);
    return `${s.dev}:${s.ino}`;
  } catch {
    return p;
  }
}
// run when started as the command, not when imported (a test checking what loading it loads)
const self = fileURLToPath(import.meta.url);
const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
if (invokedAs && (invokedAs === self || identity(invokedAs) === identity(self))) cli.runCli();
// the compiled bundle, for scripts/code-cache.mjs (which writes the cache after a run) and a test
export const script = cli.script;

#!/usr/bin/env node
// dist/cli.js, package.json's bin (copied here by scripts/bundle-cli.mjs). Runs the CLI bundled as
// one CommonJS file, dist/cli-bundle.cjs, compiled with V8's code cache dist/cli-bundle.cache that
// the build wrote (scripts/code-cache.mjs): a run then skips compiling the functions a plain lint
// uses. Node 20 has no compile cache for ES modules (module.enableCompileCache is Node 22), hence
// CommonJS and vm.Script. A cache of another Node or V8 is rejected by V8 and the code is compiled
// as usual; a missing cache file only costs that time.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';

// Without inlining in V8's optimising compiler. A lint of many reports runs hundreds of rule and
// fact functions a few hundred times each: most of the CPU of a run of 1,000 reports went into
// TurboFan compiling them with their callees inlined (half of all instructions on 200 reports,
// callgrind with node --single-threaded), and re-compiling them after a deoptimisation. Without
// inlining a function compiles in a fraction of the time and runs about as fast once warm
// (bench/profile.mjs on 1,000 reports: the last tenths take the same time). Set before the bundle
// is compiled, here and in scripts/code-cache.mjs's run alike, so that the code cache was made
// under the same flags (V8 rejects a cache made under others). Worker threads share the flag.
v8.setFlagsFromString('--no-turbo-inlining');
// The old generation grows by half its live size before a full GC instead of V8's up to fourfold.
// A lint leaves almost all it allocates as garbage (the document model of the file done): on
// bench/out/big/10mb.md 33 MB were live after linting while the heap had grown to over 200 MB
// waiting for its second full GC. Time did not suffer (10 MB file and 1,000 reports, measured).
// Set with the flag above, for the same reason (the code cache).
v8.setFlagsFromString('--heap-growing-percent=50');

const file = fileURLToPath(new URL('./cli-bundle.cjs', import.meta.url));
let cachedData;
try {
  cachedData = readFileSync(new URL('./cli-bundle.cache', import.meta.url));
} catch {
  cachedData = undefined;
}
// The build wrote the bundle inside CommonJS's module function and in ASCII (scripts/bundle-cli.mjs):
// read as latin1 (a plain copy of its bytes, no UTF-8 decoding), the text is compiled as read.
const script = new vm.Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(file), module, file, fileURLToPath(new URL('.', import.meta.url)));

/** a file's identity, so that a symbolic link to this file (node_modules/.bin/reportlint) counts as it */
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
if (invokedAs && (invokedAs === self || identity(invokedAs) === identity(self))) module.exports.runCli();
// for scripts/code-cache.mjs, which writes the cache after a run
export { script };

#!/usr/bin/env node
// dist/cli.cjs, package.json's bin (copied there by scripts/bundle-cli.mjs). Runs the CLI bundled as
// one CommonJS file, dist/cli-bundle.cjs, compiled with V8's code cache dist/cli-bundle.cache that
// the build wrote (scripts/code-cache.mjs): a run then skips compiling the functions a plain lint
// uses. Node 20 has no compile cache for ES modules (module.enableCompileCache is Node 22), hence
// CommonJS and vm.Script. A cache of another Node or V8 is rejected by V8 and the code is compiled
// as usual; a missing cache file only costs that time.
//
// CommonJS itself, not an ES module: Node starts an ES module through its ESM loader, and importing
// node:fs there builds the module's ESM facade (which loads fs's streams). The same run started
// from an ES module entry spent ~10 ms more on the main thread (medians of 20, alternating).
// dist/cli.js (scripts/cli-entry.mjs) is the ES module entry kept for `node dist/cli.js`.
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');
const v8 = require('node:v8');
const vm = require('node:vm');

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

const file = path.join(__dirname, 'cli-bundle.cjs');
let cachedData;
try {
  cachedData = readFileSync(path.join(__dirname, 'cli-bundle.cache'));
} catch {
  cachedData = undefined;
}
// The build wrote the bundle inside CommonJS's module function and in ASCII (scripts/bundle-cli.mjs):
// read as latin1 (a plain copy of its bytes, no UTF-8 decoding), the text is compiled as read.
const script = new vm.Script(readFileSync(file, 'latin1'), { filename: file, cachedData });
const bundle = { exports: {} };
script.runInThisContext()(bundle.exports, createRequire(file), bundle, file, __dirname);

// `script` for scripts/code-cache.mjs, which writes the cache after a run
module.exports = { runCli: bundle.exports.runCli, script };
// run when started as the command (node_modules/.bin/reportlint is a link to this file: Node's
// main module is the file it resolves to), not when required (dist/cli.js, a test)
if (require.main === module) bundle.exports.runCli();

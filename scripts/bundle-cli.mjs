// The CLI is some sixty small ES modules of our own; loading them one by one costs ~30 ms of
// every run (a pre-commit hook pays it on each commit). After tsc, bundle them:
// - the command (dist/cli/bin.js and all it imports, lazily imported modules included) into one
//   CommonJS file, dist/cli-bundle.cjs, which the bin dist/cli.cjs (scripts/cli-entry.cjs; dist/cli.js
//   runs it as an ES module) compiles with V8's code cache (scripts/code-cache.mjs writes it next):
//   Node 20 caches no ES modules. Modules imported with import() stay unevaluated until a run asks
//   for them, as before;
// - the worker thread's entry (dist/engine/worker.js) into dist/worker.js, an ES module with what
//   it imports statically; what a run may not need stays in chunks loaded on demand.
// Packages stay external (but json-logic-js and the Word packages, below), and the library's
// modules (dist/index.js and what it imports) stay as tsc wrote them. Chunks land in dist/ itself,
// where src/paths.ts expects the code that inlines it.
import { chmodSync, copyFileSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

for (const f of readdirSync('dist')) if (/^chunk-.*\.js$/.test(f)) rmSync(`dist/${f}`);
// V8 checks a code cache against its source's length only: a cache of an older bundle must not
// outlive it (scripts/code-cache.mjs writes the new one)
rmSync('dist/cli-bundle.cache', { force: true });

/** the start and end of the function dist/cli-bundle.cjs is written in (the one Node wraps a CommonJS module in) */
const CJS_WRAPPER = ['(function (exports, require, module, __filename, __dirname) {', '\n})'];

// Packages every run loads, bundled rather than required: json-logic-js (15 kB, packs/compile.ts
// imports it) was the only package a plain lint required, and requiring it cost a run its module
// resolution (package.json, stats) and a compile without the code cache.
const BUNDLED_PACKAGES = new Set(['json-logic-js']);
const packagesExternal = {
  name: 'packages-external',
  setup(b) {
    // bare specifiers (packages, node: built-ins) are resolved by Node at run time
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === 'entry-point' || BUNDLED_PACKAGES.has(args.path) ? undefined : { path: args.path, external: true }));
  },
};
const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', plugins: [packagesExternal] };

// Modules a run may not need, as CommonJS files of their own that the bundle requires only when a
// run asks for them (each is named by the module that imports it and the specifier it uses):
// - the Markdown stack (unified, remark; scripts/bundle-markdown.mjs made it one ES module),
//   required only for Markdown that needs remark: a .txt run neither reads nor compiles its 380 kB;
// - `reportlint serve` (src/cli/serve.ts and the server under src/serve/), required only by that command;
// - --annotate's writer of the reviewed Word copy (src/annotate/docx.ts), required only with --annotate.
const APART = [
  { importer: '/dist/document/parse/index.js', specifier: './markdown.js', entry: 'dist/document/parse/markdown.js', out: 'markdown.cjs' },
  { importer: '/dist/cli/main.js', specifier: './serve.js', entry: 'dist/cli/serve.js', out: 'serve.cjs' },
  { importer: '/dist/cli/main.js', specifier: '../annotate/docx.js', entry: 'dist/annotate/docx.js', out: 'annotate.cjs' },
];
// import('pkg') as require: a script compiled from V8's code cache loses vm.Script's
// importModuleDynamically on Node 20, and every package the CLI imports lazily has a CommonJS build.
// import.meta.url of the bundled modules (paths.ts finds the package by it): the bundle's own URL.
const commonCjs = {
  ...common,
  format: 'cjs',
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
};
// The packages that read a Word file, mammoth (with its XML and zip packages) and jszip, bundled
// into one CommonJS file, dist/docx-packages.cjs, which the CLI's files require in their place,
// only for a .docx: from node_modules they were some 440 modules to resolve, read and compile one
// by one (requiring both cost 125 ms of CPU; as one file 75 ms; medians of 5, alternating).
const DOCX_PACKAGES = 'docx-packages.cjs';
const docxPackages = {
  name: 'docx-packages',
  setup(b) {
    // `import('mammoth')` gets a module whose exports are those of docx-packages.cjs's mammoth
    b.onResolve({ filter: /^(mammoth|jszip)$/ }, (args) => ({ path: args.path, namespace: 'docx-packages' }));
    b.onLoad({ filter: /.*/, namespace: 'docx-packages' }, (args) => ({ contents: `module.exports = require('./${DOCX_PACKAGES}')[${JSON.stringify(args.path)}];`, loader: 'js' }));
    b.onResolve({ filter: new RegExp(`^\\./${DOCX_PACKAGES.replace('.', '\\.')}$`) }, (args) => ({ path: args.path, external: true }));
  },
};
await build({
  bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', format: 'cjs', outfile: `dist/${DOCX_PACKAGES}`,
  stdin: { contents: "module.exports = { mammoth: require('mammoth'), jszip: require('jszip') };", resolveDir: process.cwd(), sourcefile: 'docx-packages.cjs' },
});
const apart = {
  name: 'apart',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      const part = APART.find((p) => p.specifier === args.path && args.importer.endsWith(p.importer));
      return part ? { path: `./${part.out}`, external: true } : undefined;
    });
  },
};
for (const part of APART) {
  // (the serve part requires the markdown part rather than holding a copy)
  await build({ ...commonCjs, plugins: [docxPackages, apart, packagesExternal], entryPoints: [part.entry], outfile: `dist/${part.out}` });
}

await build({ ...commonCjs, plugins: [docxPackages, apart, packagesExternal], entryPoints: ['dist/cli/bin.js'], outfile: 'dist/cli-bundle.cjs' });
// esbuild escapes strings but leaves the regex literals' Chinese as written: escape those too, so
// that the bundle is ASCII, which Node reads and V8 scans as one byte a character (a few ms of
// every run). \uXXXX means the same character in a regex literal as in a string, provided none is
// escaped already (\X) or half of a surrogate pair; the build stops on either.
const bundle = readFileSync('dist/cli-bundle.cjs', 'utf8');
if (/\\[^\x00-\x7f]|[\ud800-\udfff]/.test(bundle)) throw new Error('bundle-cli: an escaped or astral character in the bundle; escaping it to ASCII needs care');
const ascii = bundle.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
// The file holds the bundle inside the function Node wraps a CommonJS module in, so that
// dist/cli.js hands V8 the text as read: wrapping it there (a template string) made V8 copy the
// 650 kB into one flat string before compiling, ~7 ms of CPU on every run (measured).
writeFileSync('dist/cli-bundle.cjs', `${CJS_WRAPPER[0]}${ascii}${CJS_WRAPPER[1]}`);
// the bin (CommonJS) and the ES module entry that runs it for `node dist/cli.js`
copyFileSync('scripts/cli-entry.cjs', 'dist/cli.cjs');
copyFileSync('scripts/cli-entry.mjs', 'dist/cli.js');
for (const command of ['dist/cli.cjs', 'dist/cli.js']) chmodSync(command, 0o755); // commands, as esbuild leaves a bundle with a #! line

await build({
  ...common,
  // src/engine/parallel.ts starts ./worker.js; `reportlint serve`'s check threads are
  // dist/check-worker.js (src/serve/pool.ts starts ./check-worker.js)
  entryPoints: [{ in: 'dist/engine/worker.js', out: 'worker' }, { in: 'dist/serve/check-worker.js', out: 'check-worker' }],
  outdir: 'dist',
  allowOverwrite: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
});
console.log('bundled the CLI into dist/cli-bundle.cjs (run by the bin dist/cli.cjs; markdown.cjs, serve.cjs, annotate.cjs and docx-packages.cjs apart) and the workers into dist/worker.js, dist/check-worker.js');

// The CLI is some sixty small ES modules of our own; loading them one by one costs ~30 ms of
// every run (a pre-commit hook pays it on each commit). After tsc, bundle the CLI's two entry
// points (dist/cli.js and the worker thread's dist/worker.js) into dist/ with what they import
// statically; what a run may not need (the Markdown parser, Word, --fix, the formats other than
// stylish …) stays in chunks loaded on demand. Packages stay external, and the library's modules
// (dist/index.js and what it imports) stay as tsc wrote them.
// Chunks land in dist/ itself, where src/paths.ts expects the code that inlines it.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

for (const f of readdirSync('dist')) if (/^chunk-.*\.js$/.test(f)) rmSync(`dist/${f}`);

await build({
  // the CLI lives in dist/cli/main.js and the worker in dist/engine/worker.js; the bundles are
  // dist/cli.js (package.json's bin) and dist/worker.js (src/engine/parallel.ts starts ./worker.js)
  // `reportlint serve`'s check threads are dist/check-worker.js (src/serve/pool.ts starts ./check-worker.js)
  entryPoints: [{ in: 'dist/cli/main.js', out: 'cli' }, { in: 'dist/engine/worker.js', out: 'worker' }, { in: 'dist/serve/check-worker.js', out: 'check-worker' }],
  outdir: 'dist',
  allowOverwrite: true,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'packages-external',
      setup(b) {
        // bare specifiers (packages, node: built-ins) are resolved by Node at run time
        b.onResolve({ filter: /^[^./]/ }, (args) => (args.kind === 'entry-point' ? undefined : { path: args.path, external: true }));
      },
    },
  ],
});
console.log('bundled the CLI into dist/cli.js and dist/worker.js');

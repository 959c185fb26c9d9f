// The Markdown parser (unified + remark-parse + remark-cjk-friendly) is hundreds of small ES
// modules; loading them one by one costs ~170 ms on every Markdown run. After tsc, bundle
// dist/document/parse/markdown.js with those packages into one file (our own modules stay separate
// imports, so there is one copy of each).
import { build } from 'esbuild';

await build({
  entryPoints: ['dist/document/parse/markdown.js'],
  outfile: 'dist/document/parse/markdown.js',
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'own-modules-external',
      setup(b) {
        b.onResolve({ filter: /^\.\.?\// }, (args) =>
          args.kind === 'entry-point' || args.importer.includes('node_modules') ? undefined : { path: args.path, external: true });
      },
    },
  ],
});
console.log('bundled the Markdown parser into dist/document/parse/markdown.js');

// The page of `reportlint serve` (web/): its script (CodeMirror 6 and the page's own code) bundled
// by esbuild into one file, with the HTML and CSS beside it, in dist/web/. The server sends these
// three files and nothing else, so the page needs no network and no inline script.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

mkdirSync('dist/web', { recursive: true });
await build({
  entryPoints: ['web/app.ts'],
  outfile: 'dist/web/app.js',
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'chrome100',
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync('web/index.html', 'dist/web/index.html');
copyFileSync('web/app.css', 'dist/web/app.css');
console.log('bundled the page of reportlint serve into dist/web/');

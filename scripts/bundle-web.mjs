// The page of `reportlint serve` (web/): its script (CodeMirror 6 and the page's own code) bundled
// by esbuild into one file, with the HTML and CSS beside it, in dist/web/. The server sends these
// three files and nothing else, so the page needs no network and no inline script.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

// esbuild strips the types without checking them: tsc checks the page first (web/tsconfig.json, DOM types)
const check = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'web/tsconfig.json'], { stdio: 'inherit' });
if (check.status !== 0) process.exit(check.status ?? 1);
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

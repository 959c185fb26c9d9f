// V8's code cache for the bundled CLI (see scripts/cli-entry.mjs): run dist/cli.js in this process
// on two seeds, a .txt and the same as .md, so that V8 has compiled what a plain lint runs, then
// write what it compiled to dist/cli-bundle.cache. The output goes nowhere: nothing is written but
// the cache.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = path.resolve('dist');
const seed = readFileSync('seeds/000_123d78033956bda4.txt', 'utf8');
const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-code-cache-'));
writeFileSync(path.join(dir, 'report.txt'), seed);
writeFileSync(path.join(dir, 'report.md'), seed.split('\n').map((l) => (/^[一二三四五六七八九十]+\s*、/.test(l) ? `## ${l}` : l)).join('\n\n'));
process.chdir(dir);
process.argv = [process.argv[0], path.join(dist, 'cli.js'), '--concurrency', 'off', '--format', 'json', '-o', os.devNull, 'report.txt', 'report.md'];
const { script } = await import(pathToFileURL(path.join(dist, 'cli.js')).href);
process.once('beforeExit', () => {
  rmSync(dir, { recursive: true, force: true });
  if (process.exitCode !== 1) throw new Error(`code-cache: the CLI exited ${process.exitCode} on a seed (1 expected: it has findings)`);
  const data = script.createCachedData();
  writeFileSync(path.join(dist, 'cli-bundle.cache'), data);
  process.exitCode = 0;
  console.log(`wrote V8's code cache of the CLI: dist/cli-bundle.cache, ${Math.round(data.length / 1024)} kB`);
});

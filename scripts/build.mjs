// `npm run build`: tsc, then the steps that work on its output (schemas compiled to validators,
// the Markdown parser and the CLI bundled, jieba's dictionary indexed, the laws compiled, the rule
// pages extracted for the html report), in that order.
//
// The build is skipped when dist/ is exactly what a build of the same inputs wrote: a content
// hash of every input (src/, schemas/, the build scripts, tsconfig.json, package.json and the
// installed packages as npm records them in node_modules/.package-lock.json) and a hash of every
// file in dist/ are kept in node_modules/.cache/reportlint/build.json. A change to any input,
// any file of dist/ changed, added or removed (or dist/ gone), or a fresh node_modules means a
// full build. `npm ci` builds through `prepare` and `npm test` through `pretest`, and
// `npm pack` runs `prepare` again after `npm install` did: the second of each pair is skipped.
//
//   node scripts/build.mjs [--force]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const STEPS = [
  ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'],
  ['scripts/compile-schemas.mjs'],
  ['scripts/bundle-markdown.mjs'],
  ['scripts/bundle-cli.mjs'],
  ['scripts/build-dictionary-index.mjs'],
  ['scripts/build-laws.mjs'],
  ['scripts/build-rule-docs.mjs'],
  ['scripts/bundle-web.mjs'],
  // last: it runs the CLI, which needs everything above
  ['scripts/code-cache.mjs'],
];
const STAMP = path.join(ROOT, 'node_modules', '.cache', 'reportlint', 'build.json');

/** every file under dir (relative to ROOT, sorted), or none when dir does not exist */
function filesUnder(dir) {
  const out = [];
  const walk = (rel) => {
    for (const entry of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = path.posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  if (existsSync(path.join(ROOT, dir))) walk(dir);
  return out.sort();
}

/** one hash over the names and contents of files (a missing file hashes as missing) */
function hashFiles(files) {
  const hash = createHash('sha256');
  for (const file of files) {
    const full = path.join(ROOT, file);
    hash.update(`${file}\0`);
    hash.update(existsSync(full) ? readFileSync(full) : '\0missing\0');
    hash.update('\0');
  }
  return hash.digest('hex');
}

function inputsHash() {
  const installed = existsSync(path.join(ROOT, 'node_modules', '.package-lock.json')) ? 'node_modules/.package-lock.json' : 'package-lock.json';
  const files = [
    ...filesUnder('src'),
    ...filesUnder('schemas'),
    // the build reads the packs (compile-schemas validates and stamps them) and the data
    // (laws, names, the dictionary index's list)
    ...filesUnder('rules'),
    ...filesUnder('data'),
    // the rule pages, whose summaries and examples the html report carries (build-rule-docs)
    ...filesUnder('docs/rules'),
    // the page of `reportlint serve`, bundled into dist/web/
    ...filesUnder('web'),
    'scripts/build.mjs',
    'scripts/cli-entry.cjs',
    'scripts/cli-entry.mjs',
    ...STEPS.map((step) => step[0]).filter((file) => file.startsWith('scripts/')),
    'tsconfig.json',
    'package.json',
    installed,
  ];
  return `${process.version} ${hashFiles(files)}`;
}

const distHash = () => hashFiles(filesUnder('dist'));

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return null;
  }
}

const force = process.argv.includes('--force');
const inputs = inputsHash();
const stamp = readStamp();
if (!force && stamp && stamp.inputs === inputs && existsSync(path.join(ROOT, 'dist')) && stamp.dist === distHash()) {
  console.log('dist/ is up to date: a build of these sources wrote it (node scripts/build.mjs --force rebuilds)');
  process.exit(0);
}

rmSync(STAMP, { force: true });
for (const [script, ...args] of STEPS) {
  const run = spawnSync(process.execPath, [script, ...args], { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
mkdirSync(path.dirname(STAMP), { recursive: true });
writeFileSync(STAMP, JSON.stringify({ inputs, dist: distHash() }) + '\n');

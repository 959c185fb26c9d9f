#!/usr/bin/env node
/**
 * Every finding on the corpora a change to the rules must be judged on, one line each, sorted:
 * the seeds, test/corpus (with test/corpus/real when present), ../shared/real-reports when present,
 * and the bench corpus (bench/out, written by `node bench/run.mjs --corpus-only`).
 *
 *   node scripts/findings-snapshot.mjs > before.tsv      # on the old build
 *   node scripts/findings-snapshot.mjs > after.tsv       # on the new build
 *   diff before.tsv after.tsv                            # every difference must be intended
 *
 * Runs the BUILT CLI (dist/cli.js) with each folder's own config, as a user would.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
// drafts only: test/corpus/real also holds its provenance README, which is not a report
const drafts = (dir) => (existsSync(path.join(ROOT, dir)) ? readdirSync(path.join(ROOT, dir)).filter((f) => /\.(txt|md)$/.test(f) && f !== 'README.md').map((f) => path.join(dir, f)) : []);
const targets = [
  'seeds',
  ...drafts('test/corpus'),
  ...(existsSync(path.join(ROOT, 'test/corpus/real')) ? drafts('test/corpus/real') : drafts(path.join('..', 'shared', 'real-reports'))),
  'bench/out/one', 'bench/out/many-txt', 'bench/out/many-md', 'bench/out/big/1mb.txt',
].filter((t) => existsSync(path.join(ROOT, t)));
if (!existsSync(path.join(ROOT, 'bench/out/many-txt'))) process.stderr.write('findings-snapshot: no bench corpus; run `node bench/run.mjs --corpus-only` first\n');

const lines = [];
// one run per folder (a file list for the corpus drafts), as a user would run it
const runs = targets.filter((t) => !/\.(txt|md)$/.test(t) || t.startsWith('bench')).map((t) => [t]);
runs.push(targets.filter((t) => /\.(txt|md)$/.test(t) && !t.startsWith('bench')));
for (const target of runs) {
  const run = spawnSync(process.execPath, [CLI, '--format', 'json', '--concurrency', 'off', ...target], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 1) {
    lines.push(`${target}\tEXIT ${run.status}\t${run.stderr.trim()}`);
    continue;
  }
  for (const result of JSON.parse(run.stdout)) {
    const file = path.relative(ROOT, result.filePath);
    for (const m of result.messages) {
      lines.push([file, m.ruleId, `${m.line}:${m.column}-${m.endLine}:${m.endColumn}`, m.severity, m.message, m.fix ? JSON.stringify(m.fix) : ''].join('\t'));
    }
  }
}
lines.sort();
process.stdout.write(lines.join('\n') + '\n');
process.stderr.write(`findings-snapshot: ${lines.length} findings in ${targets.length} targets\n`);

// Side-by-side cold runs of two or more builds of the CLI (issue 13): each build's bin on
// one .txt, one .md and one .docx report, `node -e 0` as the floor, the runs interleaved (floor,
// build A, build B, … again and again) so that all see a shared, loaded machine in the same state.
// Prints medians and each build's ratio to the first. Usage:
//   node bench/cold.mjs [--runs 20] old=/tmp/wt-old new=.
// (build the old commit in a worktree of its own: git worktree add /tmp/wt-old <commit> && cd /tmp/wt-old && npm ci)
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const RUNS = at >= 0 ? Number(args.splice(at, 2)[1]) : 20;
const builds = args.map((a) => {
  const [label, dir] = a.includes('=') ? a.split('=') : [a, a];
  // the command as installed: package.json's bin (dist/cli.cjs; dist/cli.js in older builds)
  const { bin } = JSON.parse(readFileSync(path.resolve(dir, 'package.json'), 'utf8'));
  return { label, cli: path.resolve(dir, typeof bin === 'string' ? bin : bin.reportlint) };
});
if (builds.length === 0) throw new Error('usage: node bench/cold.mjs [--runs N] label=dir …');

// the reports in a folder of their own, outside any project (no config file on the way up)
const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-cold-'));
const seed = readFileSync(path.join(ROOT, 'seeds', '000_123d78033956bda4.txt'), 'utf8');
writeFileSync(path.join(dir, 'report.txt'), seed);
writeFileSync(path.join(dir, 'report.md'), seed.split('\n').map((l) => (/^[一二三四五六七八九十]+\s*、/.test(l) ? `## ${l}` : l)).join('\n\n'));
copyFileSync(path.join(ROOT, 'test', 'fixtures', 'docx', 'styled.docx'), path.join(dir, 'report.docx'));

function time(argv) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: dir, stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${argv.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const jobs = [{ key: 'node -e 0', argv: ['-e', '0'] }];
for (const file of ['report.txt', 'report.md', 'report.docx']) {
  for (const b of builds) jobs.push({ key: `${b.label} ${file}`, file, argv: [b.cli, '--format', 'json', '-o', os.devNull, file] });
}
for (const job of jobs) (job.ms = []), time(job.argv); // warm the file cache
for (let i = 0; i < RUNS; i++) for (const job of jobs) job.ms.push(time(job.argv));
rmSync(dir, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const first = {};
for (const job of jobs) {
  const m = median(job.ms);
  if (job.file && !(job.file in first)) first[job.file] = m;
  console.log(`${job.key.padEnd(24)} ${m.toFixed(0).padStart(6)} ms${job.file ? `  ${(m / first[job.file]).toFixed(3)}` : ''}`);
}

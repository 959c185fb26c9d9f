// Speed benchmark (npm run bench). Builds a deterministic corpus from the seeds in bench/out/
// and prints medians of several runs of the built CLI:
//   - cold run on one report (.txt and .md) next to `node -e 0`, as a ratio;
//   - files/s and MB/s on 1,000 reports in one invocation (.txt and .md), as run by default and
//     with two threads;
//   - the 10 MB file: time and peak memory;
//   - time against input size for 1, 2, 4 and 8 MB (should grow linearly).
// Not a test: numbers depend on the machine. `--quick` does fewer runs.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', 'out');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const quick = process.argv.includes('--quick');
const RUNS = quick ? 5 : 15;
const HEAVY_RUNS = quick ? 1 : 3;

// --- corpus ---------------------------------------------------------------

const seeds = ['000_123d78033956bda4.txt', '003_fdb2e5dd79f7ab48.txt'].map((f) => readFileSync(path.join(ROOT, 'seeds', f), 'utf8'));

/** A small deterministic PRNG (mulberry32), so the corpus is the same on every machine. */
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEADING = /^(?:[一二三四五六七八九十]+\s*、|[(（][一二三四五六七八九十]+[)）]|\d+\.)/;

/** Markdown rendering of a plain-text report: ## for 一、, ### for (一), blank lines between blocks. */
function toMarkdown(text) {
  return text.split('\n').map((line) => {
    if (/^[一二三四五六七八九十]+\s*、/.test(line)) return `## ${line}`;
    if (/^[(（][一二三四五六七八九十]+[)）]/.test(line) && !/。./.test(line)) return `### ${line}`;
    return line;
  }).join('\n\n') + '\n';
}

/** Report i: a seed with its year and figures varied, so files differ but stay realistic. */
function report(i) {
  const rand = prng(i + 1);
  const year = 2015 + (i % 11);
  return seeds[i % 2]
    .replace(/20(2[345])年/g, (_, y) => `${year + Number(y) - 2025}年`)
    .replace(/(\d+)(宗|件|份|次|家|人)/g, (_, n, unit) => `${Math.max(1, Math.round(Number(n) * (0.5 + rand())))}${unit}`);
}

/** One long report of about `bytes` bytes: seed bodies repeated under numbered headings. */
function bigReport(bytes) {
  const bodies = seeds.map((s) => s.split('\n').filter((l) => !HEADING.test(l)).slice(1, -2));
  const parts = [];
  let size = 0;
  for (let section = 1; size < bytes; section++) {
    const heading = `${section}.第${section}部分工作情况`;
    parts.push(heading);
    size += Buffer.byteLength(heading) + 1;
    for (const line of bodies[section % 2]) {
      parts.push(line);
      size += Buffer.byteLength(line) + 1;
      if (size >= bytes) break;
    }
  }
  return parts.join('\n') + '\n';
}

function buildCorpus() {
  rmSync(OUT, { recursive: true, force: true });
  for (const dir of ['one', 'many-txt', 'many-md', 'big']) mkdirSync(path.join(OUT, dir), { recursive: true });
  writeFileSync(path.join(OUT, 'one', 'report.txt'), seeds[0]);
  writeFileSync(path.join(OUT, 'one', 'report.md'), toMarkdown(seeds[0]));
  for (let i = 0; i < 1000; i++) {
    const text = report(i);
    const name = `report-${String(i).padStart(4, '0')}`;
    writeFileSync(path.join(OUT, 'many-txt', `${name}.txt`), text);
    writeFileSync(path.join(OUT, 'many-md', `${name}.md`), toMarkdown(text));
  }
  const MB = 1024 * 1024;
  for (const mb of [1, 2, 4, 8, 10]) writeFileSync(path.join(OUT, 'big', `${mb}mb.txt`), bigReport(mb * MB));
  writeFileSync(path.join(OUT, 'big', '10mb.md'), toMarkdown(bigReport(10 * MB)));
}

// --- measuring --------------------------------------------------------------

/** Wall time (s) and peak RSS (MB) of one command, via GNU time. */
function measure(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', cwd: OUT, maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const last = r.stderr.trim().split('\n').pop().split(' ');
  return { seconds: Number(last[0]), rssMB: Number(last[1]) / 1024 };
}

/** Finer wall time for short runs: hrtime around spawnSync. */
function time(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: OUT, stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const repeat = (n, f) => Array.from({ length: n }, f);
const sizeMB = (p) => statSync(p).size / (1024 * 1024);
const dirMB = (dir, n, ext) => repeat(n, (_, i) => sizeMB(path.join(OUT, dir, `report-${String(i).padStart(4, '0')}${ext}`))).reduce((a, b) => a + b, 0);

buildCorpus();
// `--corpus-only`: write the corpus and stop (scripts/findings-snapshot.mjs lints it)
if (process.argv.includes('--corpus-only')) process.exit(0);
console.log(`reportlint benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`);

// the floor and the two cold runs take turns, so that all three see the machine in the same state
const cold = { floor: [], txt: [], md: [] };
const coldArgs = { floor: ['-e', '0'], txt: [CLI, 'one/report.txt'], md: [CLI, 'one/report.md'] };
for (const key of Object.keys(cold)) time(coldArgs[key]); // warm the file cache
for (let i = 0; i < RUNS; i++) for (const key of Object.keys(cold)) cold[key].push(time(coldArgs[key]));
const floor = median(cold.floor);
for (const ext of ['txt', 'md']) {
  const ms = median(cold[ext]);
  console.log(`cold run, one .${ext} report: ${(ms * 1000).toFixed(0)} ms; node -e 0: ${(floor * 1000).toFixed(0)} ms; ratio ${(ms / floor).toFixed(2)}×`);
}
// the default run (--concurrency auto: one thread per two cores) and, for comparison, two threads
for (const [dir, ext] of [['many-txt', '.txt'], ['many-md', '.md']]) {
  const mb = dirMB(dir, 1000, ext);
  for (const threads of [[], ['--concurrency', '2']]) {
    const s = median(repeat(HEAVY_RUNS, () => measure([CLI, ...threads, '--format', 'json', '-o', os.devNull, dir]).seconds));
    console.log(`1,000 ${ext} reports (${mb.toFixed(1)} MB) in one run${threads.length ? ', --concurrency 2' : ''}: ${s.toFixed(2)} s, ${(1000 / s).toFixed(0)} files/s, ${(mb / s).toFixed(2)} MB/s`);
  }
}
for (const file of ['big/10mb.txt', 'big/10mb.md']) {
  const runs = repeat(HEAVY_RUNS, () => measure([CLI, '--format', 'json', '-o', os.devNull, file]));
  console.log(`${file}: ${median(runs.map((r) => r.seconds)).toFixed(2)} s, peak memory ${median(runs.map((r) => r.rssMB)).toFixed(0)} MB`);
}
const points = [1, 2, 4, 8].map((mb) => {
  const s = median(repeat(HEAVY_RUNS, () => measure([CLI, '--format', 'json', '-o', os.devNull, `big/${mb}mb.txt`]).seconds));
  return [mb, s];
});
console.log(`time against size (.txt): ${points.map(([mb, s]) => `${mb} MB ${s.toFixed(2)} s`).join(', ')}; per MB: ${points.map(([mb, s]) => (s / mb).toFixed(3)).join(', ')} s`);

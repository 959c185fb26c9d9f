// Speed benchmark (npm run bench). Builds a deterministic corpus from the seeds in bench/out/
// and prints medians of several runs of the built CLI beside autocorrect-node (a dev dependency:
// its `autocorrect` bin, `--lint --format json`, as a user runs it), the runs taking turns so that
// both see a shared, loaded machine in the same state:
//   - cold run on one report (.txt, .md, .docx) next to `node -e 0` and autocorrect, as ratios;
//   - MB/s on 1,000 reports in one invocation (.md for both; reportlint's .txt path too), with
//     --concurrency auto (the default) and, for comparison, 1 and 2 threads;
//   - the 10 MB file: time and peak memory (GNU time's maximum resident set size);
//   - time against input size for 1, 2, 4 and 8 MB (should grow linearly).
// Not a test: numbers depend on the machine. `--quick` does fewer runs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'bench', 'out');
// the command as installed: package.json's bin
const CLI = path.join(ROOT, JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).bin.reportlint);
const AUTOCORRECT = path.join(ROOT, 'node_modules', 'autocorrect-node', 'cli.js');
const AUTOCORRECT_VERSION = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'autocorrect-node', 'package.json'), 'utf8')).version;
const quick = process.argv.includes('--quick');
const RUNS = quick ? 5 : 15;
const HEAVY_RUNS = quick ? 1 : 5;

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
  for (const dir of ['one', 'one-docx', 'many-txt', 'many-md', 'big']) mkdirSync(path.join(OUT, dir), { recursive: true });
  writeFileSync(path.join(OUT, 'one', 'report.txt'), seeds[0]);
  writeFileSync(path.join(OUT, 'one', 'report.md'), toMarkdown(seeds[0]));
  // a folder of its own: scripts/findings-snapshot.mjs lints one/ (text and Markdown) as it was
  copyFileSync(path.join(ROOT, 'test', 'fixtures', 'docx', 'styled.docx'), path.join(OUT, 'one-docx', 'report.docx'));
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

/** Wall time (s) and peak RSS (MB) of one command, via GNU time; its output goes to /dev/null. */
function measure(args) {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', cwd: OUT, stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const last = r.stderr.trim().split('\n').pop().split(' ');
  return { seconds: Number(last[0]), rssMB: Number(last[1]) / 1024 };
}

/** Finer wall time (s) for short runs: hrtime around spawnSync. */
function time(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: OUT, stdio: 'ignore' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e9;
}

/** Runs every job `runs` times, the jobs taking turns (after one warm-up each); returns each job's samples. */
function alternate(jobs, runs, run) {
  const samples = Object.fromEntries(Object.keys(jobs).map((k) => [k, []]));
  for (const key of Object.keys(jobs)) run(jobs[key]); // warm the file cache
  for (let i = 0; i < runs; i++) for (const key of Object.keys(jobs)) samples[key].push(run(jobs[key]));
  return samples;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * The lowest and highest of the rounds' own ratios, ours[i] / theirs[i] (run i of each job came
 * one after the other): on a shared machine the medians' ratio moves by ±10% from one bench run to
 * the next, and the spread says how far a ratio near 1 can be trusted.
 */
const roundRatios = (ours, theirs) => {
  const r = ours.map((x, i) => x / theirs[i]).sort((a, b) => a - b);
  return r.length > 1 ? ` (rounds: ${r[0].toFixed(2)}–${r[r.length - 1].toFixed(2)})` : '';
};
const repeat = (n, f) => Array.from({ length: n }, f);
const sizeMB = (p) => statSync(p).size / (1024 * 1024);
const dirMB = (dir, n, ext) => repeat(n, (_, i) => sizeMB(path.join(OUT, dir, `report-${String(i).padStart(4, '0')}${ext}`))).reduce((a, b) => a + b, 0);
const rl = (...args) => [CLI, '--format', 'json', ...args];
const ac = (...args) => [AUTOCORRECT, '--lint', '--format', 'json', ...args];
const ms = (s) => `${(s * 1000).toFixed(0)} ms`;

buildCorpus();
// `--corpus-only`: write the corpus and stop (scripts/findings-snapshot.mjs lints it)
if (process.argv.includes('--corpus-only')) process.exit(0);
const cores = os.availableParallelism();
console.log(`reportlint benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cores} × ${os.cpus()[0]?.model ?? 'cpu'}, autocorrect-node ${AUTOCORRECT_VERSION}`);

// cold runs: the floor, reportlint on each kind and autocorrect on the .md take turns
const cold = alternate(
  { floor: ['-e', '0'], txt: rl('one/report.txt'), md: rl('one/report.md'), docx: rl('one-docx/report.docx'), autocorrect: ac('one/report.md') },
  RUNS,
  time,
);
const floor = median(cold.floor);
const acCold = median(cold.autocorrect);
console.log(`cold run: node -e 0 ${ms(floor)}; autocorrect, one .md report ${ms(acCold)} (${(acCold / floor).toFixed(2)}× node -e 0)`);
for (const ext of ['txt', 'md', 'docx']) {
  const m = median(cold[ext]);
  console.log(`cold run, one .${ext} report: ${ms(m)}; ${(m / floor).toFixed(2)}× node -e 0, ${(m / acCold).toFixed(2)}× autocorrect's time`);
}

// 1,000 reports in one invocation; "× autocorrect" is reportlint's throughput over autocorrect's on the .md files
const mdMB = dirMB('many-md', 1000, '.md');
const txtMB = dirMB('many-txt', 1000, '.txt');
const many = alternate(
  {
    autocorrect: ac('many-md'),
    md: rl('many-md'),
    txt: rl('many-txt'),
    'md, --concurrency off': rl('--concurrency', 'off', 'many-md'),
    'md, --concurrency 2': rl('--concurrency', '2', 'many-md'),
  },
  HEAVY_RUNS,
  (args) => measure(args).seconds,
);
const acMany = median(many.autocorrect);
console.log(`1,000 .md reports (${mdMB.toFixed(1)} MB), autocorrect: ${acMany.toFixed(2)} s, ${(mdMB / acMany).toFixed(2)} MB/s`);
for (const key of ['md', 'txt', 'md, --concurrency off', 'md, --concurrency 2']) {
  const s = median(many[key]);
  const [ext, threads] = key.split(', ');
  const mb = ext === 'txt' ? txtMB : mdMB;
  console.log(`1,000 .${ext} reports (${mb.toFixed(1)} MB), reportlint${threads ? ` ${threads}` : ''}: ${s.toFixed(2)} s, ${(mb / s).toFixed(2)} MB/s, ${(mb / s / (mdMB / acMany)).toFixed(2)}× autocorrect's throughput${roundRatios(many.autocorrect.map((a) => (mb / mdMB) * a), many[key])}`);
}

// the 10 MB file
const big = alternate({ autocorrect: ac('big/10mb.md'), md: rl('big/10mb.md'), txt: rl('big/10mb.txt') }, HEAVY_RUNS, measure);
const acBig = median(big.autocorrect.map((r) => r.seconds));
console.log(`big/10mb.md, autocorrect: ${acBig.toFixed(2)} s, peak memory ${median(big.autocorrect.map((r) => r.rssMB)).toFixed(0)} MB`);
for (const ext of ['md', 'txt']) {
  const s = median(big[ext].map((r) => r.seconds));
  console.log(`big/10mb.${ext}, reportlint: ${s.toFixed(2)} s, peak memory ${median(big[ext].map((r) => r.rssMB)).toFixed(0)} MB, ${(s / acBig).toFixed(2)}× autocorrect's time${roundRatios(big[ext].map((r) => r.seconds), big.autocorrect.map((r) => r.seconds))}`);
}

// time against size
const sizes = [1, 2, 4, 8];
const growth = alternate(Object.fromEntries(sizes.map((mb) => [mb, rl(`big/${mb}mb.txt`)])), HEAVY_RUNS, (args) => measure(args).seconds);
const points = sizes.map((mb) => [mb, median(growth[mb])]);
// the cost of each further MB (slope between successive sizes): constant when growth is linear
const slopes = points.slice(1).map(([mb, s], i) => (s - points[i][1]) / (mb - points[i][0]));
console.log(`time against size (.txt): ${points.map(([mb, s]) => `${mb} MB ${s.toFixed(2)} s`).join(', ')}; each further MB: ${slopes.map((s) => s.toFixed(3)).join(', ')} s`);

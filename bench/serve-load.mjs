// Load test of `reportlint serve` on loopback (npm run bench, after bench/run.mjs; not a test:
// the numbers depend on the machine). Starts the built server as an office would, then:
//   1. 200 concurrent checks of one report (seeds/000_…txt), with bad uploads sent in between
//      (a zip bomb, a truncated .docx, a binary file, a 50 MB paste, malformed JSON);
//   2. 20 concurrent checks of a 2 MB draft;
// and prints p50/p95 latency, the errors among the valid requests (must be 0), what each bad
// upload got, the server's peak memory (VmHWM of its process: the worker threads are in it),
// and that it still answers afterwards. Bounded: 220 valid checks, one run of each phase.
//   node bench/serve-load.mjs [--workers N]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const workersArg = process.argv.indexOf('--workers');
const extra = workersArg > 0 ? ['--workers', process.argv[workersArg + 1]] : [];

const seed = readFileSync(path.join(ROOT, 'seeds', '000_123d78033956bda4.txt'), 'utf8');
const big = seed.repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(seed)));

const server = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...extra], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
let log = '';
server.stderr.on('data', (d) => (log += d));
let serverOut = '';
const url = await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => {
    serverOut += d;
    const m = /(http:\/\/\S+?\/)(?=[（ (])/.exec(serverOut);
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`serve exited ${code}: ${log}`)));
  setTimeout(() => reject(new Error('serve did not start in 30 s')), 30_000);
});
const threads = /(\d+) 个检查线程|(\d+) workers?/.exec(serverOut);
console.log(`server: ${url} with ${threads?.[1] ?? threads?.[2] ?? '?'} check thread(s) on ${os.availableParallelism()} cores, default limits`);

const rss = () => {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { now: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
};

async function check(body, contentType = 'application/json') {
  const started = performance.now();
  try {
    const response = await fetch(new URL('/api/check', url), { method: 'POST', headers: { 'Content-Type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
    const answer = await response.text();
    return { status: response.status, ms: performance.now() - started, error: response.ok ? null : answer };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, error: String(error) };
  }
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};
const summary = (name, results, started) => {
  const errors = results.filter((r) => r.status !== 200);
  const ms = results.map((r) => r.ms);
  console.log(`${name}: ${results.length} checks in ${((performance.now() - started) / 1000).toFixed(1)} s; p50 ${quantile(ms, 0.5).toFixed(0)} ms, p95 ${quantile(ms, 0.95).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms; errors ${errors.length}`);
  for (const e of errors.slice(0, 3)) console.log(`  ${e.status}: ${String(e.error).slice(0, 200)}`);
  return errors.length;
};

// the bad uploads
const bomb = await (async () => {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', Buffer.alloc(100 * 1024 * 1024, 0x20));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
})();
const docx = await (async () => {
  const zip = new JSZip();
  zip.file('word/document.xml', `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${seed.slice(0, 2000)}</w:t></w:r></w:p></w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
})();
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)]);
const BAD = [
  ['zip bomb .docx (100 MB of spaces in 100 kB)', () => check({ name: 'bomb.docx', file: bomb.toString('base64') })],
  ['truncated .docx', () => check({ name: 'cut.docx', file: docx.subarray(0, docx.length >> 1).toString('base64') })],
  ['binary file as .txt', () => check({ name: 'photo.txt', file: png.toString('base64') })],
  ['50 MB paste', () => check(`{"name":"paste.txt","text":"${'提'.repeat(17 * 1024 * 1024)}"}`)],
  ['malformed JSON', () => check('{"name": "a.txt", "text": ')],
  ['form post (not JSON)', () => check('name=a.txt&text=x', 'application/x-www-form-urlencoded')],
];

const memoryBefore = rss();
let errors = 0;

let started = performance.now();
const valid = Array.from({ length: 200 }, () => check({ name: 'report.txt', text: seed }));
const bad = BAD.map(([name, send]) => send().then((r) => ({ name, ...r })));
errors += summary(`200 concurrent checks of one report (seeds/000_…txt, ${(Buffer.byteLength(seed) / 1024).toFixed(0)} kB)`, await Promise.all(valid), started);
console.log('bad uploads sent during that load:');
for (const r of await Promise.all(bad)) {
  let message = '';
  try {
    message = JSON.parse(r.error).error.en;
  } catch {
    message = String(r.error).slice(0, 100);
  }
  console.log(`  ${r.name}: ${r.status} ${message}`);
}

started = performance.now();
errors += summary('20 concurrent checks of a 2 MB draft', await Promise.all(Array.from({ length: 20 }, () => check({ name: 'big.txt', text: big }))), started);

const after = await check({ name: 'report.txt', text: seed });
const memory = rss();
console.log(`still answering afterwards: ${after.status === 200 ? 'yes' : `NO (${after.status})`} (${after.ms.toFixed(0)} ms)`);
console.log(`server memory: ${memoryBefore.now.toFixed(0)} MB at rest, peak ${memory.peak.toFixed(0)} MB (RSS of the process, worker threads included)`);
console.log(`log lines: ${log.split('\n').filter(Boolean).length}; draft text in the log: ${log.includes(seed.slice(100, 130)) ? 'YES' : 'none'}`);
server.kill('SIGTERM');
if (errors > 0 || after.status !== 200) process.exitCode = 1;

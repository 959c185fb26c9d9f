// Where the time goes. Usage:
//   node bench/profile.mjs <file> [--as name.md]   one input: parsing, each fact, each rule
//   node bench/profile.mjs <folder>                every .txt/.md in it, one after another in one
//                                                  process: each phase's total, then the CPU time
//                                                  of each tenth of the files (V8's warm-up)
// (a development aid next to bench/run.mjs; it times the built library in dist/)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
const lib = await import(new URL('../dist/index.js', import.meta.url).href);
const { activeRulesFor } = await import(new URL('../dist/config/resolve.js', import.meta.url).href);
const { factsOf } = await import(new URL('../dist/document/facts/index.js', import.meta.url).href);
const FACTS = ['reportType', 'reportYear', 'figures', 'dates', 'signatureDate', 'planSection'];
const target = process.argv[2];
const t = () => performance.now();

if (statSync(target).isDirectory()) {
  const files = readdirSync(target).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => path.join(target, f));
  const config = await lib.defaultConfig(path.resolve(target));
  const totals = new Map();
  const add = (key, ms) => totals.set(key, (totals.get(key) ?? 0) + ms);
  const tenth = Math.max(1, Math.ceil(files.length / 10));
  const cpuPerTenth = [];
  let cpu = process.cpuUsage();
  for (let i = 0; i < files.length; i++) {
    let t0 = t();
    const text = readFileSync(files[i], 'utf8');
    add('read', t() - t0);
    t0 = t();
    const doc = await lib.parseDocumentAsync(text, { filename: files[i] });
    add('parse', t() - t0);
    for (const key of FACTS) {
      t0 = t();
      void factsOf(doc)[key];
      add(`facts.${key}`, t() - t0);
    }
    for (const active of await activeRulesFor(files[i], config)) {
      t0 = t();
      lib.lintDocument(doc, [active], 'zh');
      add(active.rule.meta.id, t() - t0);
    }
    if ((i + 1) % tenth === 0 || i === files.length - 1) {
      const used = process.cpuUsage(cpu);
      cpuPerTenth.push(Math.round((used.user + used.system) / 1000));
      cpu = process.cpuUsage();
    }
  }
  const all = [...totals.values()].reduce((a, b) => a + b, 0);
  console.log(`${files.length} files, ${all.toFixed(0)} ms in all`);
  for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1])) console.log(`${key.padEnd(24)} ${ms.toFixed(0).padStart(6)} ms  ${((100 * ms) / all).toFixed(1).padStart(4)}%`);
  console.log(`CPU ms (all threads of the process) per ${tenth} files, in order: ${cpuPerTenth.join(' ')}`);
} else {
  const as = process.argv.includes('--as') ? process.argv[process.argv.indexOf('--as') + 1] : target;
  const text = readFileSync(target, 'utf8');
  const config = await lib.defaultConfig(path.dirname(path.resolve(target)));
  let t0 = t();
  const doc = await lib.parseDocumentAsync(text, { filename: as });
  console.log(`parse ${(t() - t0).toFixed(0)} ms (${text.length} chars, ${doc.allSections.length} sections, ${doc.paragraphs.length} paragraphs)`);
  for (const key of FACTS) {
    t0 = t();
    void factsOf(doc)[key];
    console.log(`facts.${key} ${(t() - t0).toFixed(0)} ms`);
  }
  for (const active of await activeRulesFor(as, config)) {
    t0 = t();
    const n = lib.lintDocument(doc, [active], 'zh').length;
    console.log(`${active.rule.meta.id.padEnd(22)} ${(t() - t0).toFixed(0).padStart(6)} ms  ${n} findings`);
  }
}

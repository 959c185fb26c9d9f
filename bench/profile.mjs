// Where the time goes on one input: parsing, each fact, each rule. Usage:
//   node bench/profile.mjs <file> [--as name.md]
// (a development aid next to bench/run.mjs; it times the built library in dist/)
import { readFileSync } from 'node:fs';
import path from 'node:path';
const lib = await import(new URL('../dist/index.js', import.meta.url).href);
const { activeRulesFor } = await import(new URL('../dist/config/resolve.js', import.meta.url).href);
const { factsOf } = await import(new URL('../dist/document/facts/index.js', import.meta.url).href);
const file = process.argv[2];
const as = process.argv.includes('--as') ? process.argv[process.argv.indexOf('--as') + 1] : file;
const text = readFileSync(file, 'utf8');
const config = await lib.defaultConfig(path.dirname(path.resolve(file)));
const t = () => performance.now();
let t0 = t();
const doc = await lib.parseDocumentAsync(text, { filename: as });
console.log(`parse ${(t() - t0).toFixed(0)} ms (${text.length} chars, ${doc.allSections.length} sections, ${doc.paragraphs.length} paragraphs)`);
for (const key of ['reportType', 'reportYear', 'figures', 'dates', 'signatureDate', 'planSection']) {
  t0 = t();
  void factsOf(doc)[key];
  console.log(`facts.${key} ${(t() - t0).toFixed(0)} ms`);
}
for (const active of await activeRulesFor(as, config)) {
  t0 = t();
  const n = lib.lintDocument(doc, [active], 'zh').length;
  console.log(`${active.rule.meta.id.padEnd(22)} ${(t() - t0).toFixed(0).padStart(6)} ms  ${n} findings`);
}

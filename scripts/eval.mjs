#!/usr/bin/env node
/**
 * Accuracy of the rules on the labelled corpus in test/corpus/ (see docs/accuracy.md).
 *
 *   npm run eval                 # table of TP / FP / FN, precision and recall per rule
 *   npm run eval -- --check      # exit 1 when a rule is below the thresholds
 *   npm run eval -- --dir <d>    # another corpus folder
 *
 * A draft is test/corpus/<name>.txt or .md; beside it, <name>.expected.json lists the expected
 * findings as [{"ruleId": "...", "line": N}, ...] ([] for a draft that must stay silent).
 * Findings are matched to expected items by (ruleId, line) as multisets: two findings of one rule
 * on one line need two expected items. Severity and column are not compared.
 *
 * The script runs the BUILT library (dist/index.js), with the recommended rule set (no config
 * file): run `npm run build` first. `evaluate()` is exported for test/eval.test.ts, which passes
 * the library from src/ instead.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PRECISION_MIN = 0.95;
export const RECALL_MIN = 0.9;
/** every rule should have at least this many expected findings in the corpus */
export const MIN_EXPECTED_PER_RULE = 3;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = path.join(ROOT, 'test', 'corpus');
const DRAFT = /^(?!\.)(.+)\.(txt|md|markdown)$/;

/** The drafts of a corpus folder with their expected findings, sorted by name. */
export function loadCorpus(dir = CORPUS_DIR) {
  const names = readdirSync(dir).sort();
  const drafts = [];
  for (const file of names) {
    const m = DRAFT.exec(file);
    if (!m) continue;
    const expectedFile = path.join(dir, `${m[1]}.expected.json`);
    if (!existsSync(expectedFile)) throw new Error(`${file}: no ${m[1]}.expected.json beside it`);
    let expected;
    try {
      expected = JSON.parse(readFileSync(expectedFile, 'utf8'));
    } catch (error) {
      throw new Error(`${m[1]}.expected.json: ${error.message}`);
    }
    if (!Array.isArray(expected) || !expected.every((e) => e && typeof e.ruleId === 'string' && Number.isInteger(e.line) && e.line >= 1)) {
      throw new Error(`${m[1]}.expected.json: must be an array of {"ruleId": string, "line": positive integer}`);
    }
    drafts.push({ file, path: path.join(dir, file), text: readFileSync(path.join(dir, file), 'utf8'), expected });
  }
  // an expected file without its draft is a mistake too
  for (const file of names) {
    const m = /^(.+)\.expected\.json$/.exec(file);
    if (m && !drafts.some((d) => d.file.replace(/\.(txt|md|markdown)$/, '') === m[1])) {
      throw new Error(`${file}: no draft ${m[1]}.txt or ${m[1]}.md beside it`);
    }
  }
  return drafts;
}

/**
 * The config a draft is linted with: no config file, the recommended rule set, Chinese messages,
 * and the ids of the rules it turns on. Uses the library's defaultConfig() where it has one (the
 * config object grows as features land), else the plain Config shape.
 */
export async function recommendedConfig(lib, dir = CORPUS_DIR) {
  const config = typeof lib.defaultConfig === 'function'
    ? { ...(await lib.defaultConfig(dir)), locale: 'zh' }
    : { file: null, dir, locale: 'zh', rules: {}, overrides: [] };
  const ids = new Set(lib.allRules.map((r) => r.meta.id));
  if (config.ruleSet?.enabled) for (const id of config.ruleSet.enabled) ids.add(id);
  return { config, ruleIds: [...ids] };
}

const ratio = (a, b) => (b === 0 ? null : a / b);

/**
 * Lint every draft and compare. `lintText` is the library's; `config` the config object to lint
 * with (see recommendedConfig); `ruleIds` the rules to report on (rules without corpus data are
 * listed as such).
 * Returns { drafts, perRule: {id: {tp, fp, fn, expected, found, precision, recall}}, overall, errors }.
 */
export async function evaluate({ lintText, config, ruleIds = [], dir = CORPUS_DIR } = {}) {
  const corpus = loadCorpus(dir);
  config ??= { file: null, dir, locale: 'zh', rules: {}, overrides: [] };
  const perRule = new Map();
  const stats = (id) => {
    if (!perRule.has(id)) perRule.set(id, { tp: 0, fp: 0, fn: 0, fpList: [], fnList: [] });
    return perRule.get(id);
  };
  for (const id of ruleIds) stats(id);
  const errors = [];
  const drafts = [];

  for (const draft of corpus) {
    let messages;
    try {
      ({ messages } = await lintText(draft.text, { filename: draft.path, config }));
    } catch (error) {
      errors.push({ file: draft.file, error: error instanceof Error ? error.message : String(error) });
      for (const e of draft.expected) {
        const s = stats(e.ruleId);
        s.fn++;
        s.fnList.push({ file: draft.file, line: e.line, message: '(lint threw)' });
      }
      continue;
    }
    // multiset of expected (ruleId, line)
    const remaining = new Map();
    const key = (id, line) => `${id}\u0000${line}`;
    for (const e of draft.expected) remaining.set(key(e.ruleId, e.line), (remaining.get(key(e.ruleId, e.line)) ?? 0) + 1);
    const fps = [];
    let tp = 0;
    for (const m of messages) {
      const k = key(m.ruleId, m.line);
      const left = remaining.get(k) ?? 0;
      if (left > 0) {
        remaining.set(k, left - 1);
        stats(m.ruleId).tp++;
        tp++;
      } else {
        const s = stats(m.ruleId);
        s.fp++;
        const item = { file: draft.file, line: m.line, column: m.column, message: m.message };
        s.fpList.push(item);
        fps.push({ ruleId: m.ruleId, ...item });
      }
    }
    const fns = [];
    for (const e of draft.expected) {
      const k = key(e.ruleId, e.line);
      const left = remaining.get(k) ?? 0;
      if (left > 0) {
        remaining.set(k, left - 1);
        const s = stats(e.ruleId);
        s.fn++;
        const item = { file: draft.file, line: e.line, message: lineText(draft.text, e.line) };
        s.fnList.push(item);
        fns.push({ ruleId: e.ruleId, ...item });
      }
    }
    drafts.push({ file: draft.file, expected: draft.expected.length, found: messages.length, tp, fp: fps, fn: fns });
  }

  const result = {};
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [id, s] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
    const expected = s.tp + s.fn;
    const found = s.tp + s.fp;
    result[id] = {
      ...s,
      expected,
      found,
      known: ruleIds.length === 0 || ruleIds.includes(id),
      precision: ratio(s.tp, found),
      recall: ratio(s.tp, expected),
    };
    total.tp += s.tp;
    total.fp += s.fp;
    total.fn += s.fn;
  }
  const overall = {
    ...total,
    expected: total.tp + total.fn,
    found: total.tp + total.fp,
    precision: ratio(total.tp, total.tp + total.fp),
    recall: ratio(total.tp, total.tp + total.fn),
  };
  return { drafts, perRule: result, overall, errors, draftCount: corpus.length };
}

/** Rules that fail the thresholds (only rules with at least one expected or found item count). */
export function failures(report, { precisionMin = PRECISION_MIN, recallMin = RECALL_MIN } = {}) {
  const out = [];
  for (const [id, r] of Object.entries(report.perRule)) {
    if (r.expected + r.found === 0) continue;
    if (r.precision !== null && r.precision < precisionMin) out.push(`${id}: precision ${fmt(r.precision)} < ${precisionMin}`);
    if (r.found === 0 && r.expected > 0) out.push(`${id}: found nothing of ${r.expected} expected`);
    if (r.recall !== null && r.recall < recallMin) out.push(`${id}: recall ${fmt(r.recall)} < ${recallMin}`);
  }
  for (const e of report.errors) out.push(`${e.file}: lint threw: ${e.error}`);
  return out;
}

function lineText(text, line) {
  const l = text.split(/\r\n|\r|\n/)[line - 1];
  if (l === undefined) return '(no such line)';
  return l.length > 40 ? `${l.slice(0, 40)}…` : l;
}

function fmt(x) {
  return x === null ? '—' : x.toFixed(3);
}

/** The report as text: the table, then every false positive and false negative. */
export function formatReport(report) {
  const rows = [['rule', 'expected', 'found', 'TP', 'FP', 'FN', 'precision', 'recall']];
  const noData = [];
  for (const [id, r] of Object.entries(report.perRule)) {
    if (r.expected + r.found === 0) {
      noData.push(id);
      rows.push([id, '0', '0', '0', '0', '0', 'no data', 'no data']);
      continue;
    }
    rows.push([id + (r.known ? '' : ' (unknown rule)'), r.expected, r.found, r.tp, r.fp, r.fn, fmt(r.precision), fmt(r.recall)].map(String));
  }
  const o = report.overall;
  rows.push(['overall', o.expected, o.found, o.tp, o.fp, o.fn, fmt(o.precision), fmt(o.recall)].map(String));
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const out = [];
  const silent = report.drafts.filter((d) => d.expected === 0).length;
  out.push(`corpus: ${report.draftCount} drafts (${silent} expected silent), ${o.expected} expected findings`);
  out.push('');
  out.push(line(rows[0]));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows.slice(1, -1)) out.push(line(r));
  out.push(widths.map((w) => '-'.repeat(w)).join('  '));
  out.push(line(rows[rows.length - 1]));
  const fps = Object.entries(report.perRule).flatMap(([id, r]) => r.fpList.map((x) => ({ id, ...x })));
  const fns = Object.entries(report.perRule).flatMap(([id, r]) => r.fnList.map((x) => ({ id, ...x })));
  out.push('');
  out.push(`false positives (${fps.length}):`);
  for (const x of fps) out.push(`  ${x.file}:${x.line}:${x.column}  ${x.id}  ${x.message}`);
  out.push(`false negatives (${fns.length}):`);
  for (const x of fns) out.push(`  ${x.file}:${x.line}  ${x.id}  expected here: ${x.message}`);
  for (const e of report.errors) out.push(`error: ${e.file}: lint threw: ${e.error}`);
  if (noData.length) {
    out.push('');
    out.push(`warning: no corpus data for ${noData.join(', ')}: every rule should have labelled drafts in test/corpus/ (see docs/accuracy.md)`);
  }
  const thin = Object.entries(report.perRule).filter(([, r]) => r.known && r.expected > 0 && r.expected < MIN_EXPECTED_PER_RULE);
  for (const [id, r] of thin) out.push(`warning: ${id} has only ${r.expected} expected finding(s); at least ${MIN_EXPECTED_PER_RULE} are wanted`);
  return out.join('\n');
}

async function main(argv) {
  const check = argv.includes('--check');
  const dirAt = argv.indexOf('--dir');
  const dir = dirAt >= 0 && argv[dirAt + 1] ? path.resolve(argv[dirAt + 1]) : CORPUS_DIR;
  const dist = path.join(ROOT, 'dist', 'index.js');
  if (!existsSync(dist)) {
    console.error('reportlint eval: dist/index.js not found: run `npm run build` first');
    return 2;
  }
  const lib = await import(pathToFileURL(dist).href);
  const { config, ruleIds } = await recommendedConfig(lib, dir);
  const report = await evaluate({ lintText: lib.lintText, config, ruleIds, dir });
  console.log(formatReport(report));
  const failed = failures(report);
  if (failed.length) {
    console.log('');
    console.log(`below the thresholds (precision >= ${PRECISION_MIN}, recall >= ${RECALL_MIN}):`);
    for (const f of failed) console.log(`  ${f}`);
  }
  return check && failed.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(`reportlint eval: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 2;
    },
  );
}

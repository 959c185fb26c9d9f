#!/usr/bin/env node
/**
 * Accuracy of the rules on the labelled corpus in test/corpus/ (see docs/accuracy.md).
 *
 *   npm run eval                 # table of TP / FP / FN, precision and recall per rule
 *   npm run eval -- --check      # exit 1 when a rule is below the thresholds or the real reports fail
 *   npm run eval -- --dir <d>    # another corpus folder
 *   npm run eval -- --markdown   # only the per-rule table (real reports and corpus) in Markdown
 *   npm run eval -- --real <d>   # real reports from another folder (default test/corpus/real)
 *   npm run eval -- --no-real    # the labelled corpus only
 *
 * A draft is test/corpus/<name>.txt or .md; beside it, <name>.expected.json lists the expected
 * findings as [{"ruleId": "...", "line": N}, ...] ([] for a draft that must stay silent).
 * Findings are matched to expected items by (ruleId, line) as multisets: two findings of one rule
 * on one line need two expected items. Severity and column are not compared.
 *
 * The real reports in test/corpus/real/ are scored against their labels.json and
 * expected-state.json (see evaluateReal below and docs/accuracy.md, "Real reports").
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

// --- real reports (test/corpus/real/) ---------------------------------------------------------
//
// The twelve published reports in test/corpus/real/ are scored against labels.json (every finding
// of reportlint 0.1.0 judged TP / FP / DEBATABLE by a proofreader, and the defects it missed) and
// expected-state.json (the labelled FPs still tolerated and the misses not yet found: a ratchet).
// See docs/accuracy.md, "Real reports".

export const REAL_DIR = path.join(CORPUS_DIR, 'real');
/** characters of the line kept on each side of a finding's column in its `context` */
export const CONTEXT_RADIUS = 12;
const VERDICTS = new Set(['TP', 'FP', 'DEBATABLE']);

/** The text around a 1-based column of a line, as labels.json writes it: 12 characters each side. */
export function contextAt(lineText, column) {
  const c = column - 1;
  return lineText.slice(Math.max(0, c - CONTEXT_RADIUS), c + CONTEXT_RADIUS);
}

/** The key of a finding label in expected-state.json and in messages: `file:line:column rule`. */
export const labelKey = (l) => `${l.file}:${l.line}:${l.column} ${l.rule}`;
/** The key of a miss: `file:line rule` (`*` for a miss without a line). */
export const missKey = (m) => `${m.file}:${m.line ?? '*'} ${m.rule}`;

/**
 * The real reports, their labels and the expected state. Throws on labels that do not fit the
 * texts (a label on a file that is not there, or whose `context` is not on its line): those are
 * authoring mistakes, not results.
 */
export function loadReal(dir = REAL_DIR) {
  const files = readdirSync(dir).filter((f) => /\.txt$/.test(f)).sort();
  const reports = files.map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    return { file, path: path.join(dir, file), text, lines: text.split(/\r\n|\r|\n/) };
  });
  const byFile = new Map(reports.map((r) => [r.file, r]));
  // labels.json holds the proofreader's verdicts on reportlint 0.1.0; labels.d/*.json (same shape)
  // hold the verdicts on findings judged since, one file per piece of work, so that two changes
  // judging new findings never edit the same lines
  const labels = { findings: [], misses: [] };
  const extra = existsSync(path.join(dir, 'labels.d')) ? readdirSync(path.join(dir, 'labels.d')).filter((f) => f.endsWith('.json')).sort().map((f) => `labels.d/${f}`) : [];
  for (const name of ['labels.json', ...extra]) {
    const part = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    if (!Array.isArray(part.findings) || !Array.isArray(part.misses)) throw new Error(`${name}: needs "findings" and "misses" arrays`);
    labels.findings.push(...part.findings);
    labels.misses.push(...part.misses);
  }
  const seen = new Set();
  const findings = labels.findings.map((l, i) => {
    const where = `labels.json findings[${i}] (${l.file}:${l.line}:${l.column} ${l.rule})`;
    if (!byFile.has(l.file)) throw new Error(`${where}: no such report`);
    if (typeof l.rule !== 'string' || !Number.isInteger(l.line) || !Number.isInteger(l.column) || typeof l.context !== 'string') {
      throw new Error(`${where}: needs file, line, column, rule and context`);
    }
    if (!VERDICTS.has(l.verdict)) throw new Error(`${where}: verdict must be TP, FP or DEBATABLE`);
    const key = labelKey(l);
    if (seen.has(key)) throw new Error(`${where}: labelled twice`);
    seen.add(key);
    const lineText = byFile.get(l.file).lines[l.line - 1] ?? '';
    // The span of the line that the label's context covers; a finding of the label's rule on the
    // label's line whose column falls inside it is this label (see matchReport).
    let start = Math.max(0, l.column - 1 - CONTEXT_RADIUS);
    if (lineText.slice(start, start + l.context.length) !== l.context) {
      // context written by hand or by another tool: take its occurrence nearest the column
      const at = [];
      for (let i = lineText.indexOf(l.context); i >= 0; i = lineText.indexOf(l.context, i + 1)) at.push(i);
      if (at.length === 0 || l.context.length === 0) throw new Error(`${where}: context ${JSON.stringify(l.context)} is not on line ${l.line}`);
      start = at.reduce((a, b) => (Math.abs(b - (l.column - 1)) < Math.abs(a - (l.column - 1)) ? b : a));
    }
    return { ...l, key, span: [start + 1, start + l.context.length] };
  });
  const misses = labels.misses.map((m, i) => {
    if (!byFile.has(m.file)) throw new Error(`labels.json misses[${i}]: no such report ${m.file}`);
    return { ...m, key: m.rule ? missKey(m) : null };
  });
  const stateFile = path.join(dir, 'expected-state.json');
  const state = existsSync(stateFile) ? JSON.parse(readFileSync(stateFile, 'utf8')) : {};
  for (const k of ['toleratedFalsePositives', 'missesNotYetFound']) {
    if (state[k] !== undefined && !(Array.isArray(state[k]) && state[k].every((x) => typeof x === 'string'))) {
      throw new Error(`expected-state.json: "${k}" must be an array of strings`);
    }
  }
  return {
    reports,
    findings,
    misses,
    state: { toleratedFalsePositives: state.toleratedFalsePositives ?? [], missesNotYetFound: state.missesNotYetFound ?? [] },
  };
}

/**
 * Match one report's findings to its labels. A finding matches a label of the same rule on the
 * same line when its column lies inside the label's context span (the 24 characters around the
 * labelled column), so a rule that moves its column by a few characters keeps its label. Each
 * label takes at most one finding; pairs are taken nearest column first, so the exact column wins
 * and two labels close together on one line each keep their own finding.
 */
function matchReport(messages, labels) {
  const pairs = [];
  messages.forEach((m, mi) => {
    labels.forEach((l, li) => {
      if (l.rule === m.ruleId && l.line === m.line && m.column >= l.span[0] && m.column <= l.span[1]) {
        pairs.push({ mi, li, d: Math.abs(m.column - l.column) });
      }
    });
  });
  pairs.sort((a, b) => a.d - b.d || a.mi - b.mi || a.li - b.li);
  const labelOf = new Array(messages.length).fill(null);
  const taken = new Set();
  for (const p of pairs) {
    if (labelOf[p.mi] !== null || taken.has(p.li)) continue;
    labelOf[p.mi] = labels[p.li];
    taken.add(p.li);
  }
  return { labelOf, unmatched: labels.filter((_, li) => !taken.has(li)) };
}

/**
 * Lint every real report once and score it against the labels. Returns
 * { perRule: {id: {tp, fp, debatable, unjudged, precision, missesFound, missesMissed}}, findings,
 *   judged: {TP, FP, DEBATABLE}, unjudged: [...], gone: [labels no longer reported],
 *   stillReported: [labels reported], misses: [{...miss, found}], state, errors, reportCount }.
 */
export async function evaluateReal({ lintText, config, ruleIds = [], dir = REAL_DIR } = {}) {
  const { reports, findings: labels, misses, state } = loadReal(dir);
  config ??= { file: null, dir, locale: 'zh', rules: {}, overrides: [] };
  const perRule = new Map();
  const stats = (id) => {
    if (!perRule.has(id)) perRule.set(id, { tp: 0, fp: 0, debatable: 0, unjudged: 0, missesFound: 0, missesMissed: 0 });
    return perRule.get(id);
  };
  for (const id of ruleIds) stats(id);
  for (const l of labels) stats(l.rule);
  const errors = [];
  const unjudged = [];
  const gone = [];
  const stillReported = [];
  const judged = { TP: 0, FP: 0, DEBATABLE: 0 };
  const missResults = misses.map((m) => ({ ...m, found: false }));
  let total = 0;

  for (const report of reports) {
    const mine = labels.filter((l) => l.file === report.file);
    let messages;
    try {
      ({ messages } = await lintText(report.text, { filename: report.path, config }));
    } catch (error) {
      errors.push({ file: report.file, error: error instanceof Error ? error.message : String(error) });
      gone.push(...mine);
      continue;
    }
    total += messages.length;
    const { labelOf, unmatched } = matchReport(messages, mine);
    gone.push(...unmatched);
    messages.forEach((m, i) => {
      const l = labelOf[i];
      const s = stats(m.ruleId);
      if (l) {
        judged[l.verdict]++;
        stillReported.push({ ...l, now: { line: m.line, column: m.column, message: m.message } });
        if (l.verdict === 'TP') s.tp++;
        else if (l.verdict === 'FP') s.fp++;
        else s.debatable++;
      } else {
        s.unjudged++;
        unjudged.push({
          file: report.file, line: m.line, column: m.column, rule: m.ruleId, message: m.message,
          context: contextAt(report.lines[m.line - 1] ?? '', m.column),
        });
      }
      // a miss is found by a finding of its rule in its file (on its line when it names one) that
      // is not labelled FP or DEBATABLE
      if (!l || l.verdict === 'TP') {
        for (const miss of missResults) {
          if (miss.rule === m.ruleId && miss.file === report.file && (miss.line == null || miss.line === m.line)) miss.found = true;
        }
      }
    });
  }
  for (const miss of missResults) if (miss.rule) stats(miss.rule)[miss.found ? 'missesFound' : 'missesMissed']++;

  const result = {};
  for (const [id, s] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
    result[id] = { ...s, known: ruleIds.length === 0 || ruleIds.includes(id), precision: ratio(s.tp, s.tp + s.fp) };
  }
  return { perRule: result, findings: total, judged, unjudged, gone, stillReported, misses: missResults, state, errors, reportCount: reports.length };
}

/**
 * What makes the suite fail on the real reports, as [{kind, text}]:
 *   error       a report could not be linted
 *   unjudged    a finding that no label judges (judge it, add it to labels.json)
 *   tp-lost     a labelled TP is no longer reported
 *   fp-back     a labelled FP is reported and is not in expected-state.json toleratedFalsePositives
 *   fp-gone     a tolerated FP is no longer reported: remove it from toleratedFalsePositives (ratchet)
 *   miss-lost   a labelled miss that the rules found is missed again
 *   miss-found  a miss in missesNotYetFound is found now: remove it from there (ratchet)
 *   state       expected-state.json names something that is not a labelled FP / miss
 */
export function realFailures(real) {
  const out = [];
  const add = (kind, text) => out.push({ kind, text });
  for (const e of real.errors) add('error', `${e.file}: lint threw: ${e.error}`);
  for (const u of real.unjudged) add('unjudged', `UNJUDGED ${u.file}:${u.line}:${u.column} ${u.rule} ${u.message} «${u.context}»`);
  const tolerated = new Set(real.state.toleratedFalsePositives);
  const notYet = new Set(real.state.missesNotYetFound);
  const fpKeys = new Set([...real.gone, ...real.stillReported].filter((l) => l.verdict === 'FP').map((l) => l.key));
  for (const key of tolerated) if (!fpKeys.has(key)) add('state', `expected-state.json toleratedFalsePositives: "${key}" is not an FP label in labels.json`);
  const missKeys = new Set(real.misses.filter((m) => m.key).map((m) => m.key));
  for (const key of notYet) if (!missKeys.has(key)) add('state', `expected-state.json missesNotYetFound: "${key}" is not a miss with a rule in labels.json`);
  for (const l of real.gone) {
    if (l.verdict === 'TP') add('tp-lost', `labelled TP no longer reported: ${l.key} «${l.context}» (${l.note})`);
    if (l.verdict === 'FP' && tolerated.has(l.key)) add('fp-gone', `labelled FP gone, well done: remove "${l.key}" from toleratedFalsePositives in test/corpus/real/expected-state.json`);
  }
  for (const l of real.stillReported) {
    if (l.verdict === 'FP' && !tolerated.has(l.key)) add('fp-back', `labelled FP reported: ${l.key} «${l.context}» (${l.note})`);
  }
  for (const m of real.misses) {
    if (!m.key) continue;
    if (m.found && notYet.has(m.key)) add('miss-found', `labelled miss found now, well done: remove "${m.key}" from missesNotYetFound in test/corpus/real/expected-state.json`);
    if (!m.found && !notYet.has(m.key)) add('miss-lost', `labelled miss not found: ${m.key} (${m.what})`);
  }
  return out;
}

const cut = (s, n) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The real-report part of the eval as text: the table, then what needs attention. */
export function formatRealReport(real) {
  const rows = [['rule', 'TP', 'FP', 'DEBATABLE', 'unjudged', 'precision', 'misses found', 'missed']];
  for (const [id, r] of Object.entries(real.perRule)) {
    rows.push([id, r.tp, r.fp, r.debatable, r.unjudged, fmt(r.precision), r.missesFound, r.missesMissed].map(String));
  }
  const sum = (k) => Object.values(real.perRule).reduce((a, r) => a + r[k], 0);
  const tp = sum('tp');
  const fp = sum('fp');
  rows.push(['overall', tp, fp, sum('debatable'), sum('unjudged'), fmt(ratio(tp, tp + fp)), sum('missesFound'), sum('missesMissed')].map(String));
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [];
  out.push(`real reports: ${real.reportCount} reports in test/corpus/real/, ${real.findings} findings (${real.judged.TP} TP, ${real.judged.FP} FP, ${real.judged.DEBATABLE} DEBATABLE, ${real.unjudged.length} UNJUDGED); precision = TP / (TP + FP)`);
  out.push('');
  out.push(line(rows[0]), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1]));
  out.push('');
  out.push(`UNJUDGED (${real.unjudged.length}): judge each, add it to test/corpus/real/labels.json (docs/accuracy.md)`);
  for (const u of real.unjudged) out.push(`  ${u.file}:${u.line}:${u.column}  ${u.rule}  ${u.message}  «${u.context}»`);
  const fpStill = real.stillReported.filter((l) => l.verdict === 'FP');
  out.push(`labelled FP still reported (${fpStill.length}):`);
  for (const l of fpStill) out.push(`  ${l.key}  «${l.context}»  ${cut(l.note ?? '', 70)}`);
  const goneBy = (v) => real.gone.filter((l) => l.verdict === v);
  out.push(`labelled FP no longer reported (${goneBy('FP').length}):`);
  for (const l of goneBy('FP')) out.push(`  ${l.key}  «${l.context}»`);
  out.push(`labelled TP no longer reported (${goneBy('TP').length}):`);
  for (const l of goneBy('TP')) out.push(`  ${l.key}  «${l.context}»  ${cut(l.note ?? '', 70)}`);
  out.push(`labelled DEBATABLE no longer reported: ${goneBy('DEBATABLE').length}`);
  const withRule = real.misses.filter((m) => m.rule);
  out.push(`misses (${withRule.filter((m) => m.found).length} of ${withRule.length} with a rule found; ${real.misses.length - withRule.length} no rule covers yet):`);
  for (const m of withRule) out.push(`  ${m.found ? 'found ' : 'missed'}  ${m.key}  ${cut(m.what, 80)}`);
  for (const e of real.errors) out.push(`error: ${e.file}: lint threw: ${e.error}`);
  return out.join('\n');
}

/**
 * One table for an issue note (Markdown): per rule, the real reports (TP, FP, DEBATABLE, unjudged,
 * precision, misses found/with a rule) and the labelled corpus (TP, FP, FN, precision, recall).
 */
export function markdownTable(corpus, real) {
  const ids = [...new Set([...Object.keys(corpus?.perRule ?? {}), ...Object.keys(real?.perRule ?? {})])].sort();
  const out = [
    '| rule | real TP | real FP | real DEBATABLE | real unjudged | real precision | real misses found | corpus TP | corpus FP | corpus FN | corpus precision | corpus recall |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  const cells = (id) => {
    const r = real?.perRule[id];
    const c = corpus?.perRule[id];
    const realCells = r
      ? [r.tp, r.fp, r.debatable, r.unjudged, fmt(r.precision), r.missesFound + r.missesMissed ? `${r.missesFound}/${r.missesFound + r.missesMissed}` : '—']
      : ['', '', '', '', '', ''];
    const corpusCells = c ? [c.tp, c.fp, c.fn, fmt(c.precision), fmt(c.recall)] : ['', '', '', '', ''];
    return [...realCells, ...corpusCells];
  };
  for (const id of ids) out.push(`| ${id} | ${cells(id).join(' | ')} |`);
  if (real) {
    const sum = (k) => Object.values(real.perRule).reduce((a, r) => a + r[k], 0);
    const tp = sum('tp');
    const fp = sum('fp');
    const mf = sum('missesFound');
    const o = corpus?.overall;
    out.push(`| **all** | ${tp} | ${fp} | ${sum('debatable')} | ${sum('unjudged')} | ${fmt(ratio(tp, tp + fp))} | ${mf}/${mf + sum('missesMissed')} | ${o ? [o.tp, o.fp, o.fn, fmt(o.precision), fmt(o.recall)].join(' | ') : ' |  |  |  | '} |`);
  }
  return out.join('\n');
}

// --- the report-type decision (test/corpus/report-types.json) ----------------------------------

export const REPORT_TYPES_FILE = path.join(CORPUS_DIR, 'report-types.json');

/** The rules that run for a type: the 法治 report's, any annual report's, or none of them. */
const premiseOf = (type) => (type === 'fazhi-annual-report' ? 'fazhi' : type === 'annual-report' ? 'annual' : 'none');

/**
 * Score the report-type decision: for each entry of report-types.json (a file, its expected type,
 * optionally text to prepend or another file name), the library's explainReport gives the type.
 * `explainReport` is the library's; `config` as for evaluate. Returns { rows, correct, total,
 * premiseCorrect } (premise: whether the same group of rules runs — fazhi, annual, none).
 */
export async function evaluateReportTypes({ explainReport, config, file = REPORT_TYPES_FILE } = {}) {
  const { entries } = JSON.parse(readFileSync(file, 'utf8'));
  const rows = [];
  for (const e of entries) {
    const full = path.join(ROOT, e.file);
    const text = (e.prepend ?? '') + readFileSync(full, 'utf8');
    const filename = e.filename ? path.join(path.dirname(full), e.filename) : full;
    let got;
    try {
      got = await explainReport(text, { filename, config });
    } catch (error) {
      got = { type: `(threw: ${error instanceof Error ? error.message : String(error)})`, confidence: 0, year: null };
    }
    const label = e.file.replace(/^test\/corpus\//, '') + (e.prepend ? ' + title' : '') + (e.filename ? ` as ${e.filename}` : '');
    rows.push({ label, expected: e.type, got: got.type, confidence: got.confidence, year: got.year?.year ?? null, ok: got.type === e.type, premiseOk: premiseOf(got.type) === premiseOf(e.type) });
  }
  return { rows, total: rows.length, correct: rows.filter((r) => r.ok).length, premiseCorrect: rows.filter((r) => r.premiseOk).length };
}

/** The report-type table: per expected type, correct/total, then every wrong decision. */
export function formatReportTypes(types) {
  const byType = new Map();
  for (const r of types.rows) {
    const t = byType.get(r.expected) ?? { n: 0, ok: 0, premise: 0 };
    t.n++;
    if (r.ok) t.ok++;
    if (r.premiseOk) t.premise++;
    byType.set(r.expected, t);
  }
  const out = [
    `report types: ${types.correct}/${types.total} decided right (the rules that run: ${types.premiseCorrect}/${types.total})`,
    '',
    '| expected type | drafts | right type | right rules run |',
    '| --- | ---: | ---: | ---: |',
    ...[...byType].sort(([a], [b]) => a.localeCompare(b)).map(([t, x]) => `| ${t} | ${x.n} | ${x.ok} | ${x.premise} |`),
    `| **all** | ${types.total} | ${types.correct} | ${types.premiseCorrect} |`,
  ];
  const wrong = types.rows.filter((r) => !r.ok);
  out.push('', `wrong decisions (${wrong.length}):`);
  for (const r of wrong) out.push(`  ${r.label}: expected ${r.expected}, got ${r.got} (confidence ${r.confidence ?? '—'}, year ${r.year ?? '—'})`);
  return out.join('\n');
}

async function main(argv) {
  const check = argv.includes('--check');
  const markdownOnly = argv.includes('--markdown');
  const dirAt = argv.indexOf('--dir');
  const dir = dirAt >= 0 && argv[dirAt + 1] ? path.resolve(argv[dirAt + 1]) : CORPUS_DIR;
  const realAt = argv.indexOf('--real');
  const realDir = argv.includes('--no-real') ? null : realAt >= 0 && argv[realAt + 1] ? path.resolve(argv[realAt + 1]) : REAL_DIR;
  const dist = path.join(ROOT, 'dist', 'index.js');
  if (!existsSync(dist)) {
    console.error('reportlint eval: dist/index.js not found: run `npm run build` first');
    return 2;
  }
  const lib = await import(pathToFileURL(dist).href);
  const { config, ruleIds } = await recommendedConfig(lib, dir);
  const report = await evaluate({ lintText: lib.lintText, config, ruleIds, dir });
  let real = null;
  if (realDir && existsSync(path.join(realDir, 'labels.json'))) {
    const { config: realConfig } = await recommendedConfig(lib, realDir);
    real = await evaluateReal({ lintText: lib.lintText, config: realConfig, ruleIds, dir: realDir });
  }
  const types = typeof lib.explainReport === 'function' && existsSync(REPORT_TYPES_FILE)
    ? await evaluateReportTypes({ explainReport: lib.explainReport, config })
    : null;
  if (markdownOnly) {
    console.log(markdownTable(report, real));
    if (types) console.log(`\n${formatReportTypes(types)}`);
    return 0;
  }
  console.log(formatReport(report));
  const failed = failures(report);
  if (failed.length) {
    console.log('');
    console.log(`below the thresholds (precision >= ${PRECISION_MIN}, recall >= ${RECALL_MIN}):`);
    for (const f of failed) console.log(`  ${f}`);
  }
  let realFailed = [];
  if (real) {
    console.log('');
    console.log(formatRealReport(real));
    realFailed = realFailures(real);
    console.log('');
    if (realFailed.length) {
      console.log(`real reports: ${realFailed.length} problem(s) that fail test/eval.test.ts:`);
      for (const f of realFailed) console.log(`  [${f.kind}] ${f.text}`);
    } else {
      console.log('real reports: as expected (every finding judged, no labelled TP lost, FPs and misses as in expected-state.json)');
    }
    console.log('');
    console.log('for an issue note (`npm run eval -- --markdown` prints only this):');
    console.log('');
    console.log(markdownTable(report, real));
  }
  if (types) {
    console.log('');
    console.log(formatReportTypes(types));
  }
  const typesFailed = types !== null && types.correct < types.total;
  return check && (failed.length || realFailed.length || typesFailed) ? 1 : 0;
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

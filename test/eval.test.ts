/**
 * Accuracy on the labelled corpus (test/corpus/, docs/accuracy.md): every rule must reach
 * precision >= 0.95 and recall >= 0.90 there, and every rule must have corpus data (at least
 * 3 expected findings). The same evaluation as `npm run eval`, run on the library from src/.
 * On the real reports (test/corpus/real/): every finding must be judged in labels.json, no labelled
 * TP may disappear, and labelled FPs and misses must be as expected-state.json says (a ratchet).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
// @ts-expect-error plain ESM script without type declarations
import { evaluate, evaluateReal, evaluateReportTypes, failures, formatRealReport, formatReportTypes, formatReport, loadCorpus, loadReal, MIN_EXPECTED_PER_RULE, PRECISION_MIN, REAL_DIR, realFailures, recommendedConfig, RECALL_MIN } from '../scripts/eval.mjs';

interface RuleStats { tp: number; fp: number; fn: number; expected: number; found: number; precision: number | null; recall: number | null }
interface Report { perRule: Record<string, RuleStats>; errors: Array<{ file: string; error: string }>; draftCount: number }

// The rule list is known at collection, so that there is one test per rule; the corpus is linted
// once, before the tests (not at collection, where it cost most of the suite's collect time).
const { config, ruleIds } = (await recommendedConfig(api)) as { config: unknown; ruleIds: string[] };
let report: Report;
let table: string;
beforeAll(async () => {
  report = (await evaluate({ lintText: api.lintText, config, ruleIds })) as Report;
  table = formatReport(report) as string;
});
const ratio = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));

describe('accuracy corpus', () => {
  it('has at least 40 labelled drafts, silent ones among them', () => {
    const drafts = loadCorpus() as Array<{ expected: unknown[] }>;
    expect(drafts.length).toBeGreaterThanOrEqual(40);
    expect(drafts.filter((d) => d.expected.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  it('lints every draft without throwing', () => {
    expect(report.errors).toEqual([]);
  });

  it('names in its expected files only rules that exist', () => {
    expect(Object.keys(report.perRule).filter((id) => !ruleIds.includes(id))).toEqual([]);
  });

  for (const id of ruleIds) {
    describe(id, () => {
      it(`has at least ${MIN_EXPECTED_PER_RULE} expected findings in test/corpus/`, () => {
        const r = report.perRule[id];
        expect(r?.expected ?? 0, `${id} needs labelled drafts in test/corpus/ (docs/accuracy.md)`).toBeGreaterThanOrEqual(MIN_EXPECTED_PER_RULE);
      });
      it(`precision >= ${PRECISION_MIN} and recall >= ${RECALL_MIN}`, () => {
        const r = report.perRule[id];
        const mine = (failures(report) as string[]).filter((f) => f.startsWith(`${id}:`));
        expect(mine, `${id}: precision ${ratio(r?.precision ?? null)}, recall ${ratio(r?.recall ?? null)}\n${table}`).toEqual([]);
      });
    });
  }
});

// --- real reports (test/corpus/real/, docs/accuracy.md "Real reports") ---------------------------

interface RealLabel { file: string; line: number; column: number; rule: string; verdict: string; message: string; context: string; key: string }
interface Real {
  findings: number; reportCount: number; unjudged: unknown[]; misses: Array<{ key: string | null; found: boolean }>;
  perRule: Record<string, { tp: number; fp: number; debatable: number; unjudged: number }>;
}
interface Failure { kind: string; text: string }

let real: Real;
let realText: string;
let realFailed: Failure[];
const ofKind = (kind: string) => realFailed.filter((f) => f.kind === kind).map((f) => f.text);

describe('real reports', () => {
  beforeAll(async () => {
    const { config: realConfig } = (await recommendedConfig(api, REAL_DIR)) as { config: unknown };
    real = (await evaluateReal({ lintText: api.lintText, config: realConfig, ruleIds })) as Real;
    realText = formatRealReport(real) as string;
    realFailed = realFailures(real) as Failure[];
  });

  it('lints all twelve reports without throwing', () => {
    expect(real.reportCount).toBe(12);
    expect(ofKind('error')).toEqual([]);
  });

  it('reports no finding that labels.json does not judge (judge UNJUDGED ones, docs/accuracy.md)', () => {
    expect(ofKind('unjudged'), realText).toEqual([]);
  });

  it('still reports every labelled TP', () => {
    expect(ofKind('tp-lost'), realText).toEqual([]);
  });

  it('reports no labelled FP beyond those tolerated in expected-state.json', () => {
    expect(ofKind('fp-back'), realText).toEqual([]);
  });

  it('still reports every tolerated FP (ratchet: remove the ones that are gone from expected-state.json)', () => {
    expect(ofKind('fp-gone')).toEqual([]);
  });

  it('finds every labelled miss not listed in missesNotYetFound, and lists none that is found (ratchet)', () => {
    expect(ofKind('miss-lost'), realText).toEqual([]);
    expect(ofKind('miss-found')).toEqual([]);
  });

  it('has an expected-state.json that names only labelled FPs and misses', () => {
    expect(ofKind('state')).toEqual([]);
  });
});

describe('real-report matching (synthetic findings from labels.json)', () => {
  const real = loadReal() as { reports: Array<{ file: string }>; findings: RealLabel[]; state: { toleratedFalsePositives: string[]; missesNotYetFound: string[] } };
  const { reports } = real;
  // the labels as today's rules give them: a labelled FP only while expected-state.json tolerates it
  const tolerated = new Set(real.state.toleratedFalsePositives);
  const labels = real.findings.filter((l) => l.verdict !== 'FP' || tolerated.has(l.key));
  const pathToFile = new Map(reports.map((r) => [path.join(REAL_DIR, r.file), r.file]));
  /** a lintText that returns the labels of a file, changed by `edit` (null drops one) */
  const fake = (edit: (l: RealLabel) => RealLabel | null, extra: RealLabel[] = []) => async (_text: string, { filename }: { filename: string }) => {
    const file = pathToFile.get(filename);
    const mine = [...labels, ...extra].filter((l) => l.file === file).map(edit).filter((l): l is RealLabel => l !== null);
    return { messages: mine.map((l) => ({ ruleId: l.rule, line: l.line, column: l.column, message: l.message })) };
  };
  const kinds = async (lintText: unknown) => {
    const failed = realFailures(await evaluateReal({ lintText })) as Failure[];
    return [...new Set(failed.map((f) => f.kind))].sort();
  };
  const isTp = (l: RealLabel) => l.verdict === 'TP';

  it('passes when every label comes back at its own column', async () => {
    expect(await kinds(fake((l) => l))).toEqual([]);
  });

  it('keeps a label when its rule moves the column within the labelled context', async () => {
    // (a label with another of its rule on its line stays put: moved, it could land on the other's column)
    const shared = (l: RealLabel) => real.findings.some((o) => o !== l && o.file === l.file && o.line === l.line && o.rule === l.rule);
    expect(await kinds(fake((l) => (shared(l) ? l : { ...l, column: l.column - Math.min(2, l.column - 1) })))).toEqual([]);
  });

  it('turns a finding moved outside the context into UNJUDGED, and its TP into lost', async () => {
    const moved = labels.find((l) => isTp(l) && l.column > 40)!;
    expect(await kinds(fake((l) => (l === moved ? { ...l, column: l.column - 30 } : l)))).toEqual(['tp-lost', 'unjudged']);
  });

  it('fails on a lost TP, on a tolerated FP that is gone, and on a found miss still listed', async () => {
    const tp = labels.find(isTp)!;
    expect(await kinds(fake((l) => (l === tp ? null : l)))).toEqual(['tp-lost']);
    // the ratchet, on a copy of the real reports whose expected-state.json still tolerates one
    // labelled FP and still lists one miss as not found (today's lists may be empty)
    const dir = mkdtempSync(path.join(tmpdir(), 'reportlint-ratchet-'));
    cpSync(REAL_DIR, dir, { recursive: true });
    const fp = real.findings.find((l) => l.verdict === 'FP')!;
    const miss = (JSON.parse(readFileSync(path.join(REAL_DIR, 'labels.json'), 'utf8')) as { misses: Array<{ file: string; line: number | null; rule: string | null }> })
      .misses.find((m) => m.rule !== null && m.line !== null)!;
    writeFileSync(path.join(dir, 'expected-state.json'), JSON.stringify({ toleratedFalsePositives: [fp.key], missesNotYetFound: [`${miss.file}:${miss.line} ${miss.rule}`] }));
    const inCopy = (edit: (l: RealLabel) => RealLabel | null, extra: RealLabel[] = []) => async (_text: string, { filename }: { filename: string }) => {
      const file = path.basename(filename);
      const mine = [...labels, ...extra].filter((l) => l.file === file).map(edit).filter((l): l is RealLabel => l !== null);
      return { messages: mine.map((l) => ({ ruleId: l.rule, line: l.line, column: l.column, message: l.message })) };
    };
    const kindsIn = async (lintText: unknown) => [...new Set((realFailures(await evaluateReal({ lintText, dir })) as Failure[]).map((f) => f.kind))].sort();
    // the tolerated FP is not reported (gone), and the listed miss is found by today's TP label of it
    const missLabel = labels.find((l) => l.file === miss.file && l.line === miss.line && l.rule === miss.rule);
    expect(missLabel, 'a TP label finds the miss').toBeDefined();
    expect(await kindsIn(inCopy((l) => l))).toEqual(['fp-gone', 'miss-found']);
    // with the FP reported and the miss's finding gone, only a lost TP remains
    expect(await kindsIn(inCopy((l) => (l === missLabel ? null : l), [fp]))).toEqual(['tp-lost']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not count a DEBATABLE that is gone', async () => {
    expect(await kinds(fake((l) => (l.verdict === 'DEBATABLE' ? null : l)))).toEqual([]);
  });
});

// --- the report-type decision (test/corpus/report-types.json) --------------------------------------

describe('report types', async () => {
  const types = (await evaluateReportTypes({ explainReport: api.explainReport, config })) as { rows: Array<{ label: string; ok: boolean }>; correct: number; total: number };
  it('decides the type of every listed draft right (the twelve real reports, the seeds, the corpus)', () => {
    expect(types.rows.filter((r) => !r.ok).map((r) => r.label), formatReportTypes(types) as string).toEqual([]);
  });
});

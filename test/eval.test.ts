/**
 * Accuracy on the labelled corpus (test/corpus/, docs/accuracy.md): every rule must reach
 * precision >= 0.95 and recall >= 0.90 there, and every rule must have corpus data (at least
 * 3 expected findings). The same evaluation as `npm run eval`, run on the library from src/.
 */
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
// @ts-expect-error plain ESM script without type declarations
import { evaluate, failures, formatReport, loadCorpus, MIN_EXPECTED_PER_RULE, PRECISION_MIN, recommendedConfig, RECALL_MIN } from '../scripts/eval.mjs';

interface RuleStats { tp: number; fp: number; fn: number; expected: number; found: number; precision: number | null; recall: number | null }
interface Report { perRule: Record<string, RuleStats>; errors: Array<{ file: string; error: string }>; draftCount: number }

// Evaluated once, at collection, so that there is one test per rule.
const { config, ruleIds } = (await recommendedConfig(api)) as { config: unknown; ruleIds: string[] };
const report = (await evaluate({ lintText: api.lintText, config, ruleIds })) as Report;
const table = formatReport(report) as string;
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
      const r = report.perRule[id];
      it(`has at least ${MIN_EXPECTED_PER_RULE} expected findings in test/corpus/`, () => {
        expect(r?.expected ?? 0, `${id} needs labelled drafts in test/corpus/ (docs/accuracy.md)`).toBeGreaterThanOrEqual(MIN_EXPECTED_PER_RULE);
      });
      it(`precision >= ${PRECISION_MIN} and recall >= ${RECALL_MIN}`, () => {
        const mine = (failures(report) as string[]).filter((f) => f.startsWith(`${id}:`));
        expect(mine, `${id}: precision ${ratio(r?.precision ?? null)}, recall ${ratio(r?.recall ?? null)}\n${table}`).toEqual([]);
      });
    });
  }
});

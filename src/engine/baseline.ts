/**
 * Baseline: adopt reportlint on years of old reports without fixing them first.
 * `--baseline-write` records today's findings per file and rule as counts; later runs hide up to
 * that many findings of that rule in that file (the first ones by position) and report the rest.
 *
 *   { "version": 1, "files": { "reports/2021.md": { "repeated-word": 2 } } }
 *
 * Paths are relative to the baseline file's folder, with forward slashes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { MSG, type Locale } from '../messages.js';
import type { LintMessage, LintResult } from './lint.js';
import { summarize } from './lint.js';

export const BASELINE_FILE = 'reportlint-baseline.json';
const VERSION = 1;

export interface Baseline {
  version: number;
  files: Record<string, Record<string, number>>;
}

export function baselineKey(baselineFile: string, file: string): string {
  return path.relative(path.dirname(baselineFile), file).split(path.sep).join('/');
}

/** Read a baseline; a missing file is null, a broken one a UsageError (exit 2). */
export function readBaseline(file: string): Baseline | null {
  if (!existsSync(file)) return null;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(MSG.baselineInvalidJson(file, (error as Error).message.split('\n')[0]!));
  }
  const files = (data as { files?: unknown } | null)?.files;
  if (!data || typeof data !== 'object' || !files || typeof files !== 'object' || Array.isArray(files)) {
    throw new UsageError(MSG.notABaseline(file));
  }
  for (const [name, counts] of Object.entries(files)) {
    if (!counts || typeof counts !== 'object' || Object.values(counts).some((n) => !Number.isInteger(n) || (n as number) < 0)) {
      throw new UsageError(MSG.baselineEntry(file, name));
    }
  }
  return { version: Number((data as { version?: unknown }).version ?? VERSION), files: files as Baseline['files'] };
}

/** Counts per rule of a file's findings. */
function countByRule(messages: readonly LintMessage[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const m of messages) counts[m.ruleId] = (counts[m.ruleId] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Hide the baselined findings: per rule, the first `count` by position. */
export function applyBaseline(result: LintResult, baseline: Baseline, baselineFile: string): { result: LintResult; hidden: number } {
  const counts = baseline.files[baselineKey(baselineFile, result.filePath)];
  if (!counts) return { result, hidden: 0 };
  const left = { ...counts };
  let hidden = 0;
  const messages = [...result.messages]
    .sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset)
    .filter((m) => {
      if ((left[m.ruleId] ?? 0) > 0) {
        left[m.ruleId]!--;
        hidden++;
        return false;
      }
      return true;
    });
  if (hidden === 0) return { result, hidden };
  // keep the formatter's order (position) and the counts in step
  return { result: summarize(result.filePath, messages, result.inputKind), hidden };
}

/**
 * The baseline after this run: every linted file's findings as counts, replacing what was
 * recorded for it; entries of files not linted this time are kept while the file exists.
 */
export function updatedBaseline(previous: Baseline | null, baselineFile: string, results: readonly LintResult[]): Baseline {
  const files: Record<string, Record<string, number>> = {};
  const linted = new Set(results.map((r) => baselineKey(baselineFile, r.filePath)));
  const dir = path.dirname(baselineFile);
  for (const [name, counts] of Object.entries(previous?.files ?? {})) {
    if (!linted.has(name) && existsSync(path.resolve(dir, name))) files[name] = counts;
  }
  for (const r of results) {
    if (r.messages.length) files[baselineKey(baselineFile, r.filePath)] = countByRule(r.messages);
  }
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { version: VERSION, files: sorted };
}

export function baselineText(baseline: Baseline): string {
  return JSON.stringify(baseline, null, 2) + '\n';
}

/** --baseline-write: record every file's full findings; the line that says so. */
export function writeBaseline(baselineFile: string, fullResults: readonly LintResult[], shown: string, locale: Locale): string {
  const updated = updatedBaseline(readBaseline(baselineFile), baselineFile, fullResults);
  try {
    writeFileSync(baselineFile, baselineText(updated));
  } catch (error) {
    throw new UsageError(MSG.baselineUnwritable(baselineFile, (error as Error).message));
  }
  const findings = fullResults.reduce((n, r) => n + r.messages.length, 0);
  const withFindings = fullResults.filter((r) => r.messages.length).length;
  return locale === 'zh'
    ? `已写入 ${shown}：${withFindings} 个文件中的 ${findings} 个问题记为基线\n`
    : `wrote ${shown}: ${findings} findings in ${withFindings} files recorded as the baseline\n`;
}

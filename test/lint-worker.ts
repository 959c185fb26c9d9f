/**
 * Lint a hostile input in a worker thread with a hard deadline (test/property.test.ts,
 * test/hostile-input.test.ts): a rule or parser that goes quadratic blocks its thread, so an
 * in-process timeout could only fire after the run ended. The worker runs the built library
 * (dist/, which `npm test` builds first) with the default config.
 *
 * One worker serves the calls of a test file one after another, as one CLI process lints file
 * after file (loading the library and its config once, not once per input); a worker that missed
 * its deadline is terminated, and the next call starts a new one. closeLintWorker() in afterAll.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LintMessage, LintResult } from '../src/index.js';

const DIST = pathToFileURL(join(process.cwd(), 'dist', 'index.js')).href;
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
let loaded = null;
async function load() {
  const lib = await import(workerData.dist);
  const config = typeof lib.defaultConfig === 'function'
    ? { ...(await lib.defaultConfig(workerData.dir)), locale: 'zh' }
    : { file: null, dir: workerData.dir, locale: 'zh', rules: {}, overrides: [] };
  return { lib, config };
}
parentPort.on('message', async ({ id, text, filename, slim }) => {
  try {
    loaded ??= load();
    const { lib, config } = await loaded;
    const started = Date.now();
    const result = await lib.lintText(text, { filename, config });
    const elapsed = Date.now() - started;
    // slim: only what the tests look at (100,000 findings with all their fields are slow to post)
    const sent = slim
      ? { messages: result.messages.map((m) => ({ ruleId: m.ruleId, messageId: m.messageId, line: m.line, message: m.message })) }
      : result;
    parentPort.postMessage({ id, ok: true, result: sent, elapsed });
  } catch (error) {
    parentPort.postMessage({ id, ok: false, error: String((error && error.stack) || error) });
  }
});
`;

type Outcome = { id: number; ok: boolean; result?: LintResult; error?: string; elapsed?: number };

let worker: Worker | null = null;
let nextId = 0;

function theWorker(): Worker {
  if (!existsSync(fileURLToPath(DIST))) throw new Error('dist/index.js is missing: run `npm run build` (npm test does)');
  if (!worker) {
    const started = new Worker(WORKER, { eval: true, workerData: { dist: DIST, dir: tmpdir() } });
    // a worker that failed or ended between calls is not reused (a call in progress sees the error itself)
    const forget = () => {
      if (worker === started) worker = null;
    };
    started.on('error', forget);
    started.on('exit', forget);
    started.unref();
    worker = started;
  }
  return worker;
}

/** The findings the slim form carries. */
export type Finding = Pick<LintMessage, 'ruleId' | 'messageId' | 'line' | 'message'>;

export function lintInWorker(text: string, filename: string, deadlineMs: number, slim: true): Promise<{ messages: Finding[]; elapsed: number }>;
export function lintInWorker(text: string, filename: string, deadlineMs: number, slim?: false): Promise<LintResult & { elapsed: number }>;
/** Lint text as filename in the worker; throws when it did not finish within deadlineMs, or threw. */
export async function lintInWorker(text: string, filename: string, deadlineMs: number, slim = false): Promise<unknown> {
  const current = theWorker();
  const id = nextId++;
  let timer: NodeJS.Timeout | undefined;
  let onMessage: ((outcome: Outcome) => void) | undefined;
  let onError: ((error: Error) => void) | undefined;
  let crashed = false;
  try {
    const outcome = await Promise.race([
      new Promise<Outcome>((resolve) => {
        onMessage = (outcome) => {
          if (outcome.id === id) resolve(outcome);
        };
        onError = (error) => {
          crashed = true;
          resolve({ id, ok: false, error: String(error) });
        };
        current.on('message', onMessage);
        current.once('error', onError);
        current.postMessage({ id, text, filename, slim });
      }),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), deadlineMs);
      }),
    ]);
    if (outcome === 'timeout' || crashed) await closeLintWorker();
    if (outcome === 'timeout') {
      throw new Error(`${filename} (${text.length} UTF-16 units): lint did not finish within ${deadlineMs / 1000} s`);
    }
    if (!outcome.ok) throw new Error(`${filename}: lint threw: ${outcome.error}`);
    return Object.assign(outcome.result!, { elapsed: outcome.elapsed! });
  } finally {
    clearTimeout(timer);
    if (onMessage) current.off('message', onMessage);
    if (onError) current.off('error', onError);
  }
}

/** Terminate the worker (the next call starts a new one). */
export async function closeLintWorker(): Promise<void> {
  const current = worker;
  worker = null;
  if (current) await current.terminate();
}

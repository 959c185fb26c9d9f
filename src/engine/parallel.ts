/**
 * Many files at once: worker threads (src/engine/worker.ts) and the main thread take files from one
 * queue, so a slow file does not hold the others up and the main thread, whose modules are
 * already loaded, starts at once while the workers load theirs. Results keep the input order.
 */
import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import { UsageError } from '../errors.js';
import type { Locale, Localized } from '../messages.js';
import { RuleCrashError } from '../errors.js';
import type { FileOutcome } from './lint-file.js';
import type { RuleSetting } from '../config/index.js';

/** One file for a thread, with the locale its messages are in (decided in file order by the main thread). */
export interface FileTask {
  file: string;
  locale: Locale;
}

/** What a worker needs to lint as the main thread does. */
export interface WorkerSetup {
  cwd: string;
  explicitConfig: string | undefined;
  cliRules: Record<string, RuleSetting>;
  previousFlag: string | undefined;
  reportUnused: boolean;
  keepText: boolean;
}

/** A worker's answer for one task. */
export type WorkerReply =
  | { type: 'ready' }
  | { type: 'outcome'; index: number; outcome: FileOutcome }
  | { type: 'failed'; index: number; error: WorkerError };

export interface WorkerError {
  name: string;
  message: string;
  ruleId?: string;
  file?: string;
  /** the message in both languages, for usage and config errors */
  localized?: Localized;
}

/**
 * Threads worth starting for `files` (the main thread counts as one). `requested` is the
 * --concurrency value: 'off', 'auto' or a number. Each thread warms up its own JIT: the first
 * 100 reports cost a thread ~5× the CPU of the last 100 of a thousand, so a worker adds ~2.5 s of
 * CPU to the 1,000 reports of bench/run.mjs, and auto uses workers only for enough text to
 * repay starting one. One thread also keeps a second core busy with V8's garbage collection and
 * compilation. Measured on 2 cores limited with taskset (1,000 .md reports, medians of 5):
 * 1 thread on 1 core 4.53 s, on 2 cores 3.22 s (its helper core is worth 1.4×); 2 threads on
 * 2 cores 4.11 s, on 1 core 6.52 s. So auto takes one thread per two cores: on 2 cores one. On 4
 * and 8 cores (extrapolated from those runs, not measured: each thread with a helper core, a
 * thread's CPU for its first 500 or 250 reports from the same run's per-100 figures) 2 threads
 * should take ~2.4 s and 4 threads ~1.7 s, where a thread per core would lose the helper cores.
 * Measured again after the json output and engine changes of issue 18 (same 2 cores, shared with
 * other jobs, medians of 5 alternating runs): --concurrency 1 4.35 s, 2 6.46 s, auto (one) 4.30 s.
 */
export function threadCount(requested: string, fileCount: number, totalBytes: number, cores = os.availableParallelism()): number {
  if (requested === 'off') return 1;
  if (requested !== 'auto') return Math.max(1, Math.min(Number(requested), fileCount));
  if (fileCount < 4 || totalBytes < AUTO_MIN_BYTES) return 1;
  return Math.max(1, Math.min(Math.floor(cores / 2), MAX_AUTO_THREADS, fileCount));
}
const AUTO_MIN_BYTES = 512 * 1024;
const MAX_AUTO_THREADS = 8;

/** Whether this build can start workers: only the compiled dist/ has a worker.js. */
export function workersAvailable(): boolean {
  return !import.meta.url.endsWith('.ts');
}

export async function lintInParallel(
  tasks: readonly FileTask[],
  threads: number,
  setup: WorkerSetup,
  lintHere: (task: FileTask) => Promise<FileOutcome>,
  onOutcome: (count: number, file: string) => void = () => {},
): Promise<FileOutcome[]> {
  const outcomes: Array<FileOutcome | undefined> = new Array(tasks.length);
  let next = 0;
  let done = 0;
  let failure: Error | null = null;
  const workers: Worker[] = [];
  // loaded here, not at the top: a run of one file (a pre-commit hook) never starts a thread
  const { Worker: WorkerThread } = await import('node:worker_threads');

  const finished = new Promise<void>((resolve, reject) => {
    const settle = (): void => {
      if (failure) reject(failure);
      else if (done === tasks.length) resolve();
    };
    const fail = (error: Error): void => {
      failure ??= error;
      settle();
    };
    const give = (worker: Worker): void => {
      if (failure || next >= tasks.length) return;
      const index = next++;
      worker.postMessage({ index, task: tasks[index] });
    };
    for (let t = 1; t < threads; t++) {
      const worker = new WorkerThread(new URL('./worker.js', import.meta.url), { workerData: setup });
      workers.push(worker);
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'ready') return give(worker);
        if (reply.type === 'failed') return fail(rebuildError(reply.error));
        outcomes[reply.index] = reply.outcome;
        onOutcome(++done, tasks[reply.index]!.file);
        give(worker);
        settle();
      });
      worker.on('error', (error) => fail(error));
    }

    // the main thread's share: one file at a time, letting the workers' messages in between
    void (async () => {
      while (!failure && next < tasks.length) {
        const index = next++;
        try {
          outcomes[index] = await lintHere(tasks[index]!);
        } catch (error) {
          return fail(error as Error);
        }
        onOutcome(++done, tasks[index]!.file);
        await new Promise((r) => setImmediate(r));
      }
      settle();
    })();
  });

  try {
    await finished;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes as FileOutcome[];
}

/** A worker's error as the main thread would have thrown it, so the CLI reports it the same way. */
export function rebuildError(e: WorkerError): Error {
  // the CLI prints these three as one line and exits 2; which of them it was does not matter then
  if (e.name === 'ConfigError' || e.name === 'UsageError' || e.name === 'InputError') return new UsageError(e.localized ?? e.message);
  const error = e.name === 'RuleCrashError' ? new RuleCrashError(e.ruleId ?? '?', e.file ?? '?', '') : new Error();
  error.message = e.message;
  return error;
}

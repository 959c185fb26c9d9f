/**
 * The server's checks run on a fixed number of worker threads (./check-worker.ts), never on the
 * thread that answers HTTP, and never more at once than there are workers: the others wait in a
 * bounded queue (full: the caller answers 503). Each check has a deadline; a worker past it is
 * terminated and replaced, which is the only way to stop a check that went quadratic. A worker's
 * heap is capped (resourceLimits): one that runs out of memory dies alone and is replaced too.
 */
import { Worker } from 'node:worker_threads';
import type { Localized } from '../messages.js';
import type { CheckAnswer, CheckRequest, ReviewedParts } from './check.js';

export interface WorkerSetup {
  cwd: string;
  explicitConfig: string | undefined;
  maxUnzippedBytes: number;
}

export type PoolReply =
  | { type: 'ready' }
  | { type: 'answer'; id: number; answer: CheckAnswer | ReviewedParts }
  | { type: 'refused'; id: number; status: number; localized: Localized };

export interface PoolOptions {
  workers: number;
  /** checks that may wait for a worker */
  queue: number;
  /** what the waiting checks' drafts may add up to (they are held in memory while they wait) */
  queueBytes: number;
  timeoutMs: number;
  /** each worker's JavaScript heap */
  heapMb: number;
  setup: WorkerSetup;
}

/** A check that was not done, with the HTTP status and the message for the page. */
export class CheckRefused extends Error {
  constructor(readonly status: number, readonly localized: Localized) {
    super(localized.en);
    this.name = 'CheckRefused';
  }
}

interface Job {
  id: number;
  bytes: number;
  request: CheckRequest;
  resolve(answer: CheckAnswer | ReviewedParts): void;
  reject(error: CheckRefused): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job: Job | null;
  timer: NodeJS.Timeout | null;
}

export class CheckPool {
  private readonly slots: Slot[] = [];
  private readonly waiting: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** workers replaced after a deadline or a crash (for the log and the tests) */
  replaced = 0;

  constructor(private readonly options: PoolOptions, private readonly log: (line: string) => void = () => {}) {
    for (let i = 0; i < options.workers; i++) this.slots.push(this.startWorker());
  }

  /** a worker that failed before it was ready: the config or the rules do not load */
  private startupError: Error | null = null;

  /** Resolves when every worker has loaded the config and rules; rejects when one could not. */
  ready(): Promise<void> {
    return new Promise((resolve, reject) => {
      // once, at start: a short poll keeps the workers' message handlers free of start-up promises
      const check = (): void => {
        if (this.slots.every((s) => s.ready)) return resolve();
        if (this.startupError) return reject(this.startupError);
        setTimeout(check, 20);
      };
      check();
    });
  }

  /** checks running and waiting */
  get load(): { running: number; waiting: number } {
    return { running: this.slots.filter((s) => s.job).length, waiting: this.waiting.length };
  }

  /** @param bytes the request's size, counted against queueBytes while it waits */
  run(request: CheckRequest, bytes = 0): Promise<CheckAnswer | ReviewedParts> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new CheckRefused(503, { zh: '服务正在关闭', en: 'the service is shutting down' }));
      const job: Job = { id: this.nextId++, bytes, request, resolve, reject };
      const free = this.slots.find((s) => s.ready && !s.job);
      if (free) return this.give(free, job);
      const waitingBytes = this.waiting.reduce((n, j) => n + j.bytes, 0);
      if (this.waiting.length >= this.options.queue || waitingBytes + bytes > this.options.queueBytes) {
        return reject(new CheckRefused(503, {
          zh: `服务繁忙：已有 ${this.load.running + this.waiting.length} 份草稿在检查或排队，请稍后再试`,
          en: `the service is busy: ${this.load.running + this.waiting.length} drafts are being checked or waiting; try again shortly`,
        }));
      }
      this.waiting.push(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.waiting.splice(0)) job.reject(new CheckRefused(503, { zh: '服务正在关闭', en: 'the service is shutting down' }));
    await Promise.all(this.slots.map((s) => {
      if (s.timer) clearTimeout(s.timer);
      return s.worker.terminate();
    }));
  }

  private startWorker(): Slot {
    const worker = new Worker(new URL('./check-worker.js', import.meta.url), {
      workerData: this.options.setup,
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb },
    });
    const slot: Slot = { worker, ready: false, job: null, timer: null };
    worker.on('message', (reply: PoolReply) => {
      if (reply.type === 'ready') {
        slot.ready = true;
        return this.next(slot);
      }
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      this.finish(slot);
      if (reply.type === 'answer') job.resolve(reply.answer);
      else job.reject(new CheckRefused(reply.status, reply.localized));
      this.next(slot);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (!slot.ready && !slot.job) {
        // the config or the rules do not load: every worker would fail the same way
        this.startupError ??= error;
        return;
      }
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.log(`worker ${outOfMemory ? 'ran out of memory' : `failed (${error.message.split('\n')[0]})`}; replaced`);
      this.replace(slot, outOfMemory
        ? new CheckRefused(413, { zh: '草稿太大，检查所需内存超出服务的限制', en: 'the draft is too large: checking it needs more memory than the service allows' })
        : new CheckRefused(500, { zh: '检查出错（reportlint 的缺陷，请报告）', en: 'the check failed (a bug in reportlint; please report it)' }));
    });
    worker.on('exit', () => {
      // an exit nobody asked for (replace() takes the slot out first); not while the config fails to load
      if (this.closed || this.startupError || !this.slots.includes(slot)) return;
      this.log('worker exited; replaced');
      this.replace(slot, new CheckRefused(500, { zh: '检查出错（reportlint 的缺陷，请报告）', en: 'the check failed (a bug in reportlint; please report it)' }));
    });
    return slot;
  }

  private give(slot: Slot, job: Job): void {
    slot.job = job;
    slot.timer = setTimeout(() => {
      this.log(`check past its deadline of ${this.options.timeoutMs} ms; worker replaced`);
      const seconds = Math.round(this.options.timeoutMs / 100) / 10;
      this.replace(slot, new CheckRefused(504, {
        zh: `检查超过 ${seconds} 秒仍未完成，已中止（草稿过大或过于复杂）`,
        en: `the check took longer than ${seconds} s and was stopped (the draft is too large or too complex)`,
      }));
    }, this.options.timeoutMs);
    slot.worker.postMessage({ id: job.id, request: job.request });
  }

  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** Stop a worker, refuse its check, and put a fresh worker in its place. */
  private replace(slot: Slot, refusal: CheckRefused): void {
    const job = slot.job;
    this.finish(slot);
    slot.ready = false;
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    slot.worker.removeAllListeners('message');
    slot.worker.removeAllListeners('error');
    slot.worker.on('error', () => {});
    if (this.closed) this.slots.splice(index, 1);
    else this.slots[index] = this.startWorker();
    void slot.worker.terminate();
    job?.reject(refusal);
    if (!this.closed) this.replaced++;
  }

  private next(slot: Slot): void {
    const job = this.waiting.shift();
    if (job) this.give(slot, job);
  }
}

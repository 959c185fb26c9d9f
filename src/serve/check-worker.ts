/**
 * A worker thread of the server's pool (./pool.ts): loads the config and rules once, says it is
 * ready, then runs one check at a time (./check.ts). A check past its deadline is not stopped
 * here: the pool terminates the whole thread and starts another.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigError, UsageError } from '../errors.js';
import { Checker, DraftError, type CheckRequest } from './check.js';
import type { PoolReply, WorkerSetup } from './pool.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const checker = new Checker(setup.cwd, setup.explicitConfig, { maxUnzippedBytes: setup.maxUnzippedBytes });

port.on('message', async ({ id, request }: { id: number; request: CheckRequest }) => {
  let reply: PoolReply;
  try {
    reply = { type: 'answer', id, answer: await checker.run(request) };
  } catch (error) {
    reply = { type: 'refused', id, ...refusalOf(error) };
  }
  port.postMessage(reply);
});

function refusalOf(error: unknown): { status: number; localized: { zh: string; en: string } } {
  if (error instanceof DraftError) return { status: error.status, localized: error.localized };
  // the server's own config is broken (it was edited after the start): the office must fix it
  if (error instanceof ConfigError || error instanceof UsageError) return { status: 500, localized: error.localized };
  // a bug: the message names the rule, never the draft's text
  const message = error instanceof Error ? error.message.split('\n')[0]!.slice(0, 300) : String(error);
  return { status: 500, localized: { zh: `检查出错（reportlint 的缺陷，请报告）：${message}`, en: `the check failed (a bug in reportlint; please report it): ${message}` } };
}

// load the config and every rule before taking the first request, so its deadline counts the check alone
await checker.run({ op: 'check', draft: { name: 'warm-up.txt', text: '关于2024年法治政府建设情况的报告\n一、总体情况\n今年我局持续推进依法行政。\n' }, locale: 'zh' });
port.postMessage({ type: 'ready' } satisfies PoolReply);

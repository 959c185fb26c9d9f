/**
 * A worker thread of src/parallel.ts: lints the files the main thread hands it, one at a time,
 * with its own copy of the config and rules (loaded once), and answers with their findings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config/index.js';
import { loadConfig } from '../config/index.js';
import { activeRulesFor } from '../config/resolve.js';
import { lintFileOnce, type FileTask } from './lint-file.js';
import type { WorkerReply, WorkerSetup } from './parallel.js';
import { PreviousReports } from './previous.js';
import path from 'node:path';
import type { Localized } from '../messages.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
const configs = new Map<string, Promise<Config>>();
const options = {
  // one config per folder, as the main thread loads them (it has already checked them)
  configFor: (file: string): Promise<Config> => {
    const key = setup.explicitConfig ? '<explicit>' : path.dirname(file);
    let config = configs.get(key);
    if (!config) {
      config = loadConfig({ forFile: file, explicitPath: setup.explicitConfig, cwd: setup.cwd });
      configs.set(key, config);
    }
    return config;
  },
  activeRulesFor: (file: string, config: Config) => activeRulesFor(file, config, setup.cliRules),
  previous: new PreviousReports(setup.cwd, setup.previousFlag),
  reportUnused: setup.reportUnused,
  keepText: setup.keepText,
};

port.on('message', async ({ index, task }: { index: number; task: FileTask }) => {
  let reply: WorkerReply;
  try {
    reply = { type: 'outcome', index, outcome: await lintFileOnce(task, options) };
  } catch (error) {
    const e = error as Error & { ruleId?: string; file?: string; localized?: Localized };
    reply = { type: 'failed', index, error: { name: e.name, message: e.message, ruleId: e.ruleId, file: e.file, localized: e.localized } };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);

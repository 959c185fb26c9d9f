/**
 * A worker thread of src/engine/parallel.ts: lints the files the main thread hands it, one at a
 * time, through the same lintFile as the main thread (src/engine/lint-file.ts), with its own
 * copy of the configs and rules (loaded once), and answers with their findings.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Localized } from '../messages.js';
import { ConfigsByFolder } from './config.js';
import { lintFile, type FileContext, type FileOutcome } from './lint-file.js';
import type { FileTask, WorkerReply, WorkerSetup } from './parallel.js';
import { PreviousReports } from './previous.js';

const setup = workerData as WorkerSetup;
const port = parentPort!;
// a plain run: no --fix, no cache (src/engine/lint-files.ts runs those on the main thread)
const context: FileContext = {
  cwd: setup.cwd,
  configs: new ConfigsByFolder(setup.cwd, setup.explicitConfig, setup.cliRules),
  cliRules: setup.cliRules,
  previous: new PreviousReports(setup.cwd, setup.previousFlag),
  post: { reportUnused: setup.reportUnused, baseline: null, quiet: false },
  fix: null,
  cache: null,
  notice: () => {},
};

port.on('message', async ({ index, task }: { index: number; task: FileTask }) => {
  let reply: WorkerReply;
  try {
    let outcome: FileOutcome = await lintFile({ path: task.file }, context, () => task.locale);
    // the text goes back only when the format shows the draft (html, sarif)
    if (!setup.keepText && 'text' in outcome) outcome = (({ text: _text, ...rest }) => rest as FileOutcome)(outcome);
    reply = { type: 'outcome', index, outcome };
  } catch (error) {
    const e = error as Error & { ruleId?: string; file?: string; localized?: Localized };
    reply = { type: 'failed', index, error: { name: e.name, message: e.message, ruleId: e.ruleId, file: e.file, localized: e.localized } };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies WorkerReply);

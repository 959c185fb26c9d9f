import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, vi } from 'vitest';
import { configIn } from '../src/config/discover.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  /** working directory (default: the repository root) */
  cwd?: string;
  /** standard input; decoded as the CLI decodes it (BOM, GB18030 …) */
  input?: string | Buffer;
  /** variables to add; `undefined` removes one */
  env?: NodeJS.ProcessEnv;
}

export interface InProcessOptions extends CliOptions {
  /** stdout is a terminal (a spawned run's is a pipe) */
  stdoutTTY?: boolean;
  /** stderr is a terminal */
  stderrTTY?: boolean;
  /** stderr's width, when it is a terminal */
  columns?: number;
}

/**
 * The environment a test run sees: no colour and no locale, as in the spawned runs, with
 * `overrides` applied. The spawned CLI gets the rest of process.env; main() does not need it.
 */
function testEnv(base: NodeJS.ProcessEnv, overrides: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, NO_COLOR: '1', FORCE_COLOR: undefined, REPORTLINT_LOCALE: undefined, ...overrides };
  // as in a child's environment: a variable set to undefined is absent (`'NO_COLOR' in env`)
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

/**
 * Run reportlint in this process: src/cli/main.ts's main(io) with a fake CliIO, answering as
 * spawnSync would ({status, stdout, stderr}). process.cwd() is the run's cwd while it runs, as
 * config errors show paths relative to it (src/config/index.ts, ruleset.ts); runs are one at a
 * time (vitest's forks pool runs a file's tests in sequence). What this cannot do — worker
 * threads (they need dist/worker.js), the bundle, a real terminal, another user — is spawnCli's.
 *
 * Between runs, the modules stay loaded (a fresh load costs ~400 ms, as much as a spawn). The one
 * cache that could make a later run differ from a process of its own is config discovery's
 * (src/config/discover.ts remembers which folder holds which config file): when a config file
 * in a folder of a temporary directory (tempDir) appeared, went or was renamed since the last
 * run, the modules are loaded afresh.
 */
export async function cli(args: string[], options: InProcessOptions = {}): Promise<CliRun> {
  const cwd = options.cwd ?? ROOT;
  if (configsChanged()) vi.resetModules();
  const { main } = await import('../src/cli/main.js');
  const { decodeBuffer } = await import('../src/input/read.js');
  let stdout = '';
  let stderr = '';
  const previousCwd = process.cwd();
  process.chdir(cwd);
  try {
    const status = await main({
      argv: args,
      cwd,
      env: testEnv({}, options.env),
      stdout: { write: (s: string | Uint8Array) => (stdout += text(s), true), isTTY: options.stdoutTTY ?? false },
      stderr: {
        write: (s: string | Uint8Array) => (stderr += text(s), true),
        isTTY: options.stderrTTY ?? false,
        ...(options.columns !== undefined ? { columns: options.columns } : {}),
      },
      readStdin: async () => {
        const input = options.input ?? '';
        return decodeBuffer(typeof input === 'string' ? Buffer.from(input) : input, '<stdin>').text;
      },
    });
    return { status, stdout, stderr };
  } finally {
    process.chdir(previousCwd);
    configsChanged();
  }
}

/** What main() wrote: text, or the UTF-8 bytes of a json report (each write ends on a whole character). */
export function text(chunk: string | Uint8Array): string {
  return typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('utf8');
}

/**
 * The temporary directories of each test file (tempDir), and the config file each folder had at
 * its last run. Kept per file: with isolate: false (vitest.config.ts) this module serves every
 * file a worker runs, and a file's runs can only meet the config files of its own folders.
 */
const tempDirsOf = new Map<string, string[]>();
const configStateOf = new Map<string, Map<string, string | null>>();
const currentTestFile = (): string => expect.getState().testPath ?? '';

/**
 * Record which config file each temporary folder holds; true when a folder known at the last
 * run now holds another one (or none, or one where it had none). A config's content is read
 * afresh by every run, so only its place matters.
 */
function configsChanged(): boolean {
  const file = currentTestFile();
  const state = new Map<string, string | null>();
  const visit = (dir: string): void => {
    state.set(dir, configIn(dir));
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== '.git') visit(path.join(dir, entry.name));
    }
  };
  for (const dir of tempDirsOf.get(file) ?? []) {
    try {
      visit(dir);
    } catch {
      // removed by its test
    }
  }
  const configState = configStateOf.get(file) ?? new Map<string, string | null>();
  let changed = false;
  for (const [dir, config] of configState) {
    if (!state.has(dir)) state.set(dir, config); // gone for now; remembered as discovery remembers it
    else if (state.get(dir) !== config) changed = true;
  }
  configStateOf.set(file, state);
  return changed;
}

/** Run the built CLI (npm test builds first) as a user would, in a process of its own. */
export function spawnCli(args: string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: 'utf8',
    env: testEnv(process.env, options.env),
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reportlint-'));
  const file = currentTestFile();
  tempDirsOf.set(file, [...(tempDirsOf.get(file) ?? []), dir]);
  return dir;
}

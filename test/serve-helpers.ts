/**
 * `reportlint serve` as an office runs it: the built CLI (dist/cli.js) spawned on a free port,
 * its log (stderr) kept for the tests that read it. One server per test file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CLI, ROOT } from './cli-helpers.js';

export interface TestServer {
  url: string;
  process: ChildProcess;
  /** everything the server wrote to stderr so far (its request log, warnings) */
  log(): string;
  stop(): Promise<void>;
}

export async function startServe(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TestServer> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', REPORTLINT_TOKEN: undefined, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 30 s:\n${stdout}\n${stderr}`)), 30_000);
    const look = (): void => {
      const m = /(http:\/\/\S+?\/)(?=[（ (])/.exec(stdout);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace('0.0.0.0', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', look);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${code}) before it started:\n${stderr}`));
    });
  });
  return {
    url,
    process: child,
    log: () => stderr,
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

export const SEED_TXT = path.join(ROOT, 'seeds', '000_123d78033956bda4.txt');
export const seedText = (): string => readFileSync(SEED_TXT, 'utf8');

export interface Answer {
  status: number;
  headers: Headers;
  json: any;
}

/** POST a JSON body to the server (with the token, if one is given). */
export async function post(base: string, route: string, body: unknown, options: { token?: string; contentType?: string } = {}): Promise<Answer> {
  const response = await fetch(new URL(route, base), {
    method: 'POST',
    headers: { 'Content-Type': options.contentType ?? 'application/json', ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}) },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = text;
  }
  return { status: response.status, headers: response.headers, json };
}

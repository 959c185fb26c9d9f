/**
 * `reportlint serve [--port 8080] [--host 127.0.0.1] [--config file] [--token …]`: start the web
 * app (src/serve/) and run until SIGINT or SIGTERM. Loaded only for this subcommand.
 *
 * On a loopback address no token is needed (only this machine can connect). On any other address
 * the server prints a warning and starts only with a token (--token or REPORTLINT_TOKEN): without
 * one it refuses to start (exit 2), since anyone on the network could otherwise read the drafts
 * being checked.
 */
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, textIn, UsageError } from '../errors.js';
import { MSG, usageLocale, type Locale } from '../messages.js';
import { DEFAULTS, isLoopback, startServer, type RunningServer } from '../serve/server.js';
import { argumentProblem } from './options.js';

/** what the subcommand uses of main.ts's CliIO (declared here: main.ts imports this module) */
export interface ServeIO {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

const SERVE_OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  config: { type: 'string', short: 'c' },
  token: { type: 'string' },
  workers: { type: 'string' },
  queue: { type: 'string' },
  timeout: { type: 'string' },
  'max-size': { type: 'string' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Resolves with the exit code once the server has stopped (or could not start). */
export async function serveCommand(io: ServeIO, signals: NodeJS.EventEmitter = process): Promise<number> {
  const locale: Locale = usageLocale(io.argv, io.env);
  let running: RunningServer | null;
  try {
    running = await start(io, locale);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      io.stderr.write(`reportlint serve: ${textIn(error, locale)}\n`);
      return 2;
    }
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE' || e.code === 'EACCES' || e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') {
      io.stderr.write(`reportlint serve: ${locale === 'en' ? `cannot listen there (${e.code}): ${e.message}` : `无法在该地址监听（${e.code}）：${e.message}`}\n`);
      return 2;
    }
    throw error;
  }
  if (running === null) return 0;
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    signals.once('SIGINT', stop);
    signals.once('SIGTERM', stop);
  });
  await running.close();
  return 0;
}

async function start(io: ServeIO, locale: Locale): Promise<RunningServer | null> {
  let values;
  try {
    ({ values } = parseArgs({ args: io.argv.slice(1), options: SERVE_OPTIONS, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new UsageError(MSG.seeHelp(argumentProblem(error as Error & { code?: string })));
  }
  if (values.help) {
    io.stdout.write(HELP[locale]);
    return null;
  }
  const port = integer(values.port, '--port', DEFAULTS.port, 0, 65535);
  const host = values.host ?? DEFAULTS.host;
  const token = values.token ?? io.env['REPORTLINT_TOKEN'] ?? null;
  if (token !== null && token.length < 8) throw new UsageError({ zh: '口令至少 8 个字符', en: 'the token must have at least 8 characters' });
  if (!isLoopback(host)) {
    if (token === null) {
      throw new UsageError({
        zh: `在 ${host} 上监听时局域网内任何人都能访问，必须设口令（--token 或环境变量 REPORTLINT_TOKEN）`,
        en: `listening on ${host} lets anyone on the network in: a token is required (--token or REPORTLINT_TOKEN)`,
      });
    }
    io.stderr.write(`reportlint serve: ${locale === 'en'
      ? `warning: listening on ${host}, reachable from other machines; only holders of the token can check drafts. The connection is plain HTTP: put it behind the office's HTTPS proxy on an untrusted network.`
      : `警告：在 ${host} 上监听，其他计算机可以访问；只有持口令者能检查草稿。连接是明文 HTTP，在不可信的网络上请置于单位的 HTTPS 代理之后。`}\n`);
  }
  const workers = integer(values.workers, '--workers', Math.max(1, Math.min(4, os.availableParallelism() - 1)), 1, 64);
  const queue = integer(values.queue, '--queue', DEFAULTS.queue, 0, 100_000);
  const timeoutS = number(values.timeout, '--timeout', DEFAULTS.timeoutMs / 1000, 0.01, 3600);
  const maxMb = number(values['max-size'], '--max-size', DEFAULTS.maxBodyBytes / 1024 / 1024, 0.001, 1024);
  const explicitConfig = values.config === undefined ? undefined : path.resolve(io.cwd, values.config);

  const running = await startServer({
    port, host, token, cwd: io.cwd, explicitConfig,
    maxBodyBytes: Math.round(maxMb * 1024 * 1024),
    maxUnzippedBytes: DEFAULTS.maxUnzippedBytes,
    timeoutMs: Math.round(timeoutS * 1000),
    workers, queue, queueBytes: DEFAULTS.queueBytes, heapMb: DEFAULTS.heapMb,
    log: (line) => io.stderr.write(`${new Date().toISOString()} ${line}\n`),
    annotate: (await import('../annotate/docx.js')).annotateDocx,
  });
  io.stdout.write(locale === 'en'
    ? `reportlint serve: ${running.url} (${workers} worker${workers > 1 ? 's' : ''}; ${explicitConfig ? `config ${explicitConfig}` : 'the config found from this folder'}; Ctrl+C stops)\n`
    : `reportlint serve：${running.url}（${workers} 个检查线程；${explicitConfig ? `配置 ${explicitConfig}` : '使用本目录起查找到的配置'}；Ctrl+C 停止）\n`);
  return running;
}

function integer(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError(badValue(name, value, `${min}–${max}`));
  return Number(value);
}

function number(value: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+(?:\.\d+)?$/.test(value) || n < min || n > max) throw new UsageError(badValue(name, value, `${min}–${max}`));
  return n;
}

function badValue(name: string, value: string, range: string): { zh: string; en: string } {
  return { zh: `${name} 的值 "${value}" 无效（应为 ${range}）`, en: `${name} "${value}" is not valid (expected ${range})` };
}

const HELP: Record<Locale, string> = {
  zh: `用法：reportlint serve [选项]

在浏览器中检查草稿的本地网页服务（不联网，所有资源由本程序提供）。

  --port <n>        端口（默认 8080；0 表示任选空闲端口）
  --host <地址>     监听地址（默认 127.0.0.1，仅本机可访问；其他地址必须设口令）
  --token <口令>    共享口令（也可用环境变量 REPORTLINT_TOKEN）；打开 http://地址:端口/?token=口令
  -c, --config <文件>  每次检查都使用的配置（默认从当前目录查找）
  --workers <n>     检查线程数（默认 CPU 核数减 1，至多 4）
  --queue <n>       排队等待的检查数上限（默认 ${DEFAULTS.queue}，且合计不超过 ${DEFAULTS.queueBytes / 1024 / 1024} MB；满时答复 503）
  --timeout <秒>    每次检查的时限（默认 ${DEFAULTS.timeoutMs / 1000}）
  --max-size <MB>   单次请求的大小上限（默认 ${DEFAULTS.maxBodyBytes / 1024 / 1024}）
`,
  en: `Usage: reportlint serve [options]

A local web page for checking drafts in a browser (no network: every asset is served by reportlint).

  --port <n>        port (default 8080; 0 picks a free one)
  --host <address>  address to listen on (default 127.0.0.1, this machine only; any other needs a token)
  --token <token>   shared token (or REPORTLINT_TOKEN); open http://host:port/?token=<token>
  -c, --config <file>  the config every check uses (default: found from the current folder)
  --workers <n>     check threads (default: CPU cores less one, at most 4)
  --queue <n>       checks that may wait (default ${DEFAULTS.queue}, together at most ${DEFAULTS.queueBytes / 1024 / 1024} MB; full: 503)
  --timeout <s>     time allowed per check (default ${DEFAULTS.timeoutMs / 1000})
  --max-size <MB>   largest request (default ${DEFAULTS.maxBodyBytes / 1024 / 1024})
`,
};

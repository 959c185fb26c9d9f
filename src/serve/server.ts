/**
 * `reportlint serve`: a small web app over the same engine, for an office's intranet. node:http,
 * no framework. Routes are a fixed table: the page's three files (built into dist/web/), the rules
 * with their docs, and the checks; no path from a request is ever opened. Checks run in the worker
 * pool (./pool.ts) with the server's config; request bodies are bounded before they are parsed;
 * every answer carries a Content-Security-Policy without inline script or outside origins, and no
 * CORS header. The log has one line per request (method, route, status, time, size), never a
 * draft's text, a query string or a token.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ConfigsByFolder } from '../engine/config.js';
import type { Locale, Localized } from '../messages.js';
import { CODE_DIR, packagePath, packageVersion } from '../paths.js';
import type { CheckAnswer, CheckRequest, DraftUpload, ReviewedParts } from './check.js';
import { draftName } from './check.js';
import { CheckPool, CheckRefused } from './pool.js';
import { reviewedCopy, type AnnotateDocx } from './reviewed.js';

export interface ServeOptions {
  port: number;
  host: string;
  /** the shared token; null: none asked for (only on a loopback address) */
  token: string | null;
  cwd: string;
  /** --config: the one config every check uses; otherwise the one found from cwd */
  explicitConfig: string | undefined;
  /** the largest request body (a draft as JSON, a .docx in base64) */
  maxBodyBytes: number;
  /** what a .docx's parts may add up to, unpacked */
  maxUnzippedBytes: number;
  timeoutMs: number;
  workers: number;
  queue: number;
  /** what the drafts waiting in the queue may add up to */
  queueBytes: number;
  heapMb: number;
  log(line: string): void;
  /** makes the reviewed copy of a .docx; null: the route answers 501 */
  annotate: AnnotateDocx | null;
}

export const DEFAULTS = {
  port: 8080,
  host: '127.0.0.1',
  maxBodyBytes: 16 * 1024 * 1024,
  maxUnzippedBytes: 64 * 1024 * 1024,
  timeoutMs: 30_000,
  queue: 256,
  queueBytes: 256 * 1024 * 1024,
  heapMb: 512,
} as const;

export interface RunningServer {
  url: string;
  server: Server;
  pool: CheckPool;
  close(): Promise<void>;
}

/** what the page is built into by scripts/bundle-web.mjs */
const WEB_FILES: Record<string, { file: string; type: string }> = {
  '/app.js': { file: 'app.js', type: 'text/javascript; charset=utf-8' },
  '/app.css': { file: 'app.css', type: 'text/css; charset=utf-8' },
};

/** the policy of every answer; the page's own answer admits CodeMirror's theme <style> by a nonce made for it */
const csp = (styleNonce?: string): string => [
  "default-src 'self'",
  "script-src 'self'",
  styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
export const isLoopback = (host: string): boolean => LOOPBACK.has(host) || /^127\./.test(host);

const COOKIE = 'reportlint_token';

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const webDir = new URL('web/', CODE_DIR);
  const assets = new Map<string, { body: Buffer; type: string }>();
  for (const [route, { file, type }] of Object.entries(WEB_FILES)) assets.set(route, { body: readFileSync(new URL(file, webDir)), type });
  const indexHtml = readFileSync(new URL('index.html', webDir), 'utf8');

  // the rules as the server's config has them, with their docs (read once, from the package)
  const configs = new ConfigsByFolder(options.cwd, options.explicitConfig, {});
  const config = await configs.configFor(path.join(options.cwd, 'draft.txt'));
  const rules = config.ruleSet.rules.map((rule) => {
    const doc = packagePath(`docs/rules/${rule.meta.id}.md`);
    return {
      id: rule.meta.id,
      description: rule.meta.description,
      fixable: Boolean(rule.meta.fixable),
      enabled: config.ruleSet.enabled.has(rule.meta.id),
      doc: /^[a-z0-9-]+$/.test(rule.meta.id) && existsSync(doc) ? readFileSync(doc, 'utf8') : null,
    };
  });
  const rulesJson = Buffer.from(JSON.stringify({ version: packageVersion(), locale: config.locale ?? 'zh', maxBodyBytes: options.maxBodyBytes, reviewedCopy: options.annotate !== null, rules }));

  const pool = new CheckPool({
    workers: options.workers,
    queue: options.queue,
    queueBytes: options.queueBytes,
    timeoutMs: options.timeoutMs,
    heapMb: options.heapMb,
    setup: { cwd: options.cwd, explicitConfig: options.explicitConfig, maxUnzippedBytes: options.maxUnzippedBytes },
  }, (line) => options.log(line));
  try {
    await pool.ready();
  } catch (error) {
    await pool.close();
    throw error;
  }

  const tokenHash = options.token === null ? null : sha256(options.token);
  const tokenMatches = (given: string | undefined): boolean => {
    if (tokenHash === null) return true;
    // equal-length digests compared in constant time: neither the token nor its length leaks
    return given !== undefined && timingSafeEqual(sha256(given), tokenHash);
  };

  const server = createServer((req, res) => {
    const started = Date.now();
    let bytesIn = 0;
    req.on('data', (chunk: Buffer) => (bytesIn += chunk.length));
    res.on('finish', () => {
      // the route only: a query string may hold a token
      const route = (req.url ?? '').split('?')[0]!.slice(0, 100);
      options.log(`${req.method} ${route} ${res.statusCode} ${Date.now() - started}ms ${bytesIn}B`);
    });
    handle(req, res).catch((error: unknown) => {
      options.log(`internal error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      if (!res.headersSent) sendError(res, 500, { zh: '服务内部错误', en: 'internal server error' });
      else res.destroy();
    });
  });
  // a slow or stalled upload does not hold a connection for ever
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    const url = new URL(req.url ?? '/', 'http://server');
    if (isLoopback(options.host) && !hostAllowed(req.headers.host)) {
      // another name pointing at 127.0.0.1 (DNS rebinding): a page elsewhere must not reach the drafts
      return sendError(res, 421, { zh: '主机名不符', en: 'misdirected request: unexpected Host header' });
    }
    const authorized = tokenMatches(bearer(req) ?? cookie(req, COOKIE));
    const route = `${req.method} ${url.pathname}`;

    if (route === 'GET /' || route === 'GET /index.html') {
      const given = url.searchParams.get('token');
      if (given !== null && tokenMatches(given)) {
        // the token moves from the address into a cookie the page's own requests carry
        res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(given)}; HttpOnly; SameSite=Strict; Path=/`);
        const lang = url.searchParams.get('lang');
        res.writeHead(303, { Location: lang === 'en' ? '/?lang=en' : '/' }).end();
        return;
      }
      if (!authorized) return send(res, 401, 'text/html; charset=utf-8', loginPage(given !== null, url.searchParams.get('lang') === 'en'));
      const nonce = randomBytes(18).toString('base64');
      res.setHeader('Content-Security-Policy', csp(nonce));
      return send(res, 200, 'text/html; charset=utf-8', indexHtml.replace('__CSP_NONCE__', nonce));
    }
    if (route === 'POST /login') {
      const body = await readBody(req, 4096);
      const given = body === null ? null : new URLSearchParams(body.toString('utf8')).get('token');
      if (given === null || !tokenMatches(given)) return send(res, 401, 'text/html; charset=utf-8', loginPage(true, false));
      res.setHeader('Set-Cookie', `${COOKIE}=${encodeURIComponent(given)}; HttpOnly; SameSite=Strict; Path=/`);
      res.writeHead(303, { Location: '/' }).end();
      return;
    }
    const asset = req.method === 'GET' ? assets.get(url.pathname) : undefined;
    if (asset) return send(res, 200, asset.type, asset.body);
    if (route === 'GET /favicon.ico') return send(res, 204, 'text/plain', '');

    if (req.method === 'OPTIONS') return sendError(res, 405, { zh: '不支持跨域请求', en: 'cross-origin requests are not supported' });
    if (url.pathname.startsWith('/api/')) {
      if (!authorized) return sendError(res, 401, { zh: '需要口令：请从办公室给出的地址打开本页', en: 'a token is needed: open the page from the address your office gave you' });
      if (route === 'GET /api/rules') return send(res, 200, 'application/json; charset=utf-8', rulesJson);
      const op = ({ 'POST /api/check': 'check', 'POST /api/fix': 'fix', 'POST /api/reviewed-docx': 'reviewed' } as const)[route];
      if (!op) return sendError(res, 404, { zh: '没有这个接口', en: 'no such API route' });
      // JSON only: a form on another site cannot post here without a CORS preflight, which gets no CORS answer
      if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return sendError(res, 415, { zh: '请求应为 JSON', en: 'the request must be JSON' });
      const body = await readBody(req, options.maxBodyBytes);
      if (body === null) return sendError(res, 413, tooLarge(options.maxBodyBytes));
      let request: CheckRequest;
      try {
        request = checkRequest(op, JSON.parse(body.toString('utf8')) as unknown);
      } catch {
        return sendError(res, 400, { zh: '请求格式有误', en: 'malformed request' });
      }
      if (op === 'reviewed' && options.annotate === null) {
        return sendError(res, 501, { zh: '本服务尚不能生成带批注和修订的 Word 副本', en: 'this service cannot make the reviewed Word copy (with comments and tracked changes) yet' });
      }
      let answer: CheckAnswer | ReviewedParts;
      try {
        answer = await pool.run(request, body.length);
      } catch (error) {
        if (error instanceof CheckRefused) return sendError(res, error.status, error.localized);
        throw error;
      }
      if (op === 'reviewed' && options.annotate) {
        const copy = await reviewedCopy(answer as ReviewedParts, request.draft.bytes!, request.locale, options.annotate);
        // named as the CLI's --annotate names a reviewed copy
        const name = `${draftName(request.draft.name).replace(/\.docx$/i, '')}.reportlint.docx`;
        res.setHeader('Content-Disposition', `attachment; filename="reviewed.reportlint.docx"; filename*=UTF-8''${encodeURIComponent(name)}`);
        return send(res, 200, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', copy);
      }
      return send(res, 200, 'application/json; charset=utf-8', JSON.stringify(answer));
    }
    return sendError(res, 404, { zh: '没有这个页面', en: 'not found' });
  }

  /** Host header: the loopback names, with or without the port */
  function hostAllowed(host: string | undefined): boolean {
    if (!host) return false;
    const name = host.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
    return isLoopback(name);
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => resolve());
    });
  } catch (error) {
    // the port is taken, the address not this machine's: the workers must not keep the process alive
    await pool.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}/`,
    server,
    pool,
    async close() {
      // idle keep-alive connections go at once; a request still running gets two seconds
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const grace = setTimeout(() => server.closeAllConnections(), 2000);
      await closed;
      clearTimeout(grace);
      await pool.close();
    },
  };
}

/** The JSON body as a check: a name, and text or a file's bytes in base64; the same for last year's report. */
function checkRequest(op: CheckRequest['op'], body: unknown): CheckRequest {
  const o = body as Record<string, unknown>;
  if (typeof o !== 'object' || o === null) throw new Error('not an object');
  const locale: Locale = o['lang'] === 'en' ? 'en' : 'zh';
  const previous = o['previous'] === undefined || o['previous'] === null ? null : draftOf(o['previous']);
  const draft = draftOf(o);
  if (op === 'reviewed' && draft.bytes === undefined) throw new Error('reviewed needs a file');
  return { op, draft, previous, locale };
}

function draftOf(value: unknown): DraftUpload {
  const o = value as Record<string, unknown>;
  if (typeof o !== 'object' || o === null || typeof o['name'] !== 'string') throw new Error('no name');
  if (typeof o['text'] === 'string') return { name: o['name'], text: o['text'] };
  if (typeof o['file'] === 'string' && /^[A-Za-z0-9+/]*={0,2}$/.test(o['file'])) return { name: o['name'], bytes: Buffer.from(o['file'], 'base64') };
  throw new Error('neither text nor file');
}

/**
 * The body, or null when it is over `max` bytes. An oversized body is read to its end (and
 * dropped) up to a hard limit, so that the browser receives the 413 rather than a reset connection.
 */
function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    const drainLimit = Math.max(max * 8, 128 * 1024 * 1024);
    if (declared > drainLimit) {
      req.destroy();
      return resolve(null);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) req.destroy();
      else if (size <= max) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks)));
    req.on('close', () => resolve(size > max ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function tooLarge(max: number): Localized {
  const mb = Math.round((max / 1024 / 1024) * 10) / 10;
  return { zh: `草稿太大：一次最多 ${mb} MB，请分开检查`, en: `the draft is too large: at most ${mb} MB at a time; check it in parts` };
}

function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', csp());
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Cache-Control', 'no-store');
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function sendError(res: ServerResponse, status: number, message: Localized): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify({ error: message }));
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}

function bearer(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** The page for a browser without the token: a form, no script. */
function loginPage(wrong: boolean, en: boolean): string {
  const t = en
    ? { title: 'reportlint: token needed', ask: 'This service needs the token your office gave you.', wrong: 'That token is not right.', label: 'Token', go: 'Open' }
    : { title: 'reportlint：需要口令', ask: '本服务需要办公室提供的口令。', wrong: '口令不正确。', label: '口令', go: '进入' };
  return `<!doctype html><html lang="${en ? 'en' : 'zh-CN'}"><head><meta charset="utf-8"><title>${t.title}</title><link rel="stylesheet" href="/app.css"></head>`
    + `<body class="login"><main><h1>${t.title}</h1><p>${t.ask}</p>${wrong ? `<p class="error">${t.wrong}</p>` : ''}`
    + `<form method="post" action="/login"><label>${t.label} <input name="token" type="password" autofocus></label> <button>${t.go}</button></form></main></body></html>`;
}

/**
 * `reportlint serve` under pressure and on a network: one server on every address with a token,
 * one check thread, a queue of one and a short deadline. A check past the deadline is stopped and
 * its worker replaced; checks beyond the queue get 503; without the token nothing is checked.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI, tempDir } from './cli-helpers.js';
import { post, seedText, startServe, type TestServer } from './serve-helpers.js';

const TOKEN = 'office-token-2024';
let server: TestServer;
let dir: string;

beforeAll(async () => {
  dir = tempDir();
  // the config every check uses: repeated-word as a warning
  writeFileSync(path.join(dir, 'office.json'), JSON.stringify({ rules: { 'repeated-word': 'warn' } }));
  server = await startServe(['--host', '0.0.0.0', '--workers', '1', '--queue', '1', '--timeout', '0.5', '--config', 'office.json'], { cwd: dir, env: { REPORTLINT_TOKEN: TOKEN } });
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

/** a draft of some 2 MB: checking it takes seconds, well past the 0.5 s deadline */
const bigDraft = (): string => seedText().repeat(Math.ceil((2 * 1024 * 1024) / Buffer.byteLength(seedText())));

describe('reportlint serve: a token on a network address', () => {
  it('warns that it listens on the network', () => {
    expect(server.log()).toMatch(/警告：在 0\.0\.0\.0 上监听/);
  });

  it('refuses to start on a network address without a token', () => {
    const run = spawnSync(process.execPath, [CLI, 'serve', '--host', '0.0.0.0', '--port', '0'], { encoding: 'utf8', env: { ...process.env, REPORTLINT_TOKEN: '' }, timeout: 20_000 });
    // an empty REPORTLINT_TOKEN is too short to be a token
    expect(run.status).toBe(2);
    const noToken = spawnSync(process.execPath, [CLI, 'serve', '--host', '0.0.0.0', '--port', '0', '--locale', 'en'], { encoding: 'utf8', env: { ...process.env, REPORTLINT_TOKEN: undefined }, timeout: 20_000 });
    expect(noToken.status).toBe(2);
    expect(noToken.stderr.trim().split('\n')).toHaveLength(1);
    expect(noToken.stderr).toContain('a token is required');
  });

  it('bad options are one line and exit 2', () => {
    for (const args of [['--port', 'eighty'], ['--timeout', '-1'], ['--what']]) {
      const run = spawnSync(process.execPath, [CLI, 'serve', ...args], { encoding: 'utf8', timeout: 20_000 });
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('without the token: the login page and 401s; a wrong token is no better', async () => {
    const page = await fetch(server.url);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('<form method="post" action="/login">');
    expect((await post(server.url, '/api/check', { name: 'a.txt', text: '提升提升' })).status).toBe(401);
    expect((await post(server.url, '/api/check', { name: 'a.txt', text: '提升提升' }, { token: 'office-token-2025' })).status).toBe(401);
    expect((await post(server.url, '/api/check', { name: 'a.txt', text: '提升提升' }, { token: TOKEN.slice(0, -1) })).status).toBe(401);
    expect((await fetch(new URL('/api/rules', server.url))).status).toBe(401);
  });

  it('with the token in the address: a cookie for the page, and the address loses the token', async () => {
    const response = await fetch(new URL(`/?token=${TOKEN}`, server.url), { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/');
    const cookie = response.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await fetch(server.url, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    // the login form too
    const form = await fetch(new URL('/login', server.url), { method: 'POST', body: `token=${TOKEN}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, redirect: 'manual' });
    expect(form.status).toBe(303);
    // the log never shows the token
    expect(server.log()).not.toContain(TOKEN);
  });

  it('with the token: checks with the server\'s config (repeated-word as a warning)', async () => {
    const answer = await post(server.url, '/api/check', { name: 'a.txt', text: '二是提升提升行政争议化解质效。' }, { token: TOKEN });
    expect(answer.status).toBe(200);
    expect(answer.json.messages.find((m: { ruleId: string }) => m.ruleId === 'repeated-word').severity).toBe(1);
  });
});

describe('reportlint serve: deadline and queue', () => {
  it('a check past its deadline: 504, the worker is replaced, the next check is answered', async () => {
    const started = Date.now();
    const answer = await post(server.url, '/api/check', { name: 'big.txt', text: bigDraft() }, { token: TOKEN });
    expect(answer.status).toBe(504);
    expect(answer.json.error.zh).toContain('已中止');
    expect(Date.now() - started).toBeLessThan(3000);
    const next = await post(server.url, '/api/check', { name: 'a.txt', text: '二是提升提升行政争议化解质效。' }, { token: TOKEN });
    expect(next.status).toBe(200);
    expect(server.log()).toMatch(/worker replaced/);
  }, 30_000);

  it('more checks than the worker and the queue hold: 503 for the rest, and all are answered', async () => {
    const text = bigDraft();
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(server.url, '/api/check', { name: 'big.txt', text }, { token: TOKEN })));
    const statuses = answers.map((a) => a.status).sort();
    // one running (past its deadline), one waiting (then past its own), three refused at once
    expect(statuses).toEqual([503, 503, 503, 504, 504]);
    expect(answers.find((a) => a.status === 503)!.json.error.en).toContain('busy');
    const next = await post(server.url, '/api/check', { name: 'a.txt', text: '二是提升提升行政争议化解质效。' }, { token: TOKEN });
    expect(next.status).toBe(200);
  }, 30_000);
});

describe('reportlint serve: starting and stopping', () => {
  it('a port in use: one line, exit 2', () => {
    const port = new URL(server.url).port;
    const run = spawnSync(process.execPath, [CLI, 'serve', '--port', port, '--locale', 'en'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('EADDRINUSE');
  });

  it('a broken --config: one line, exit 2, before listening', () => {
    writeFileSync(path.join(dir, 'broken.json'), '{"rules": {"no-such-rule": "error"}}');
    const run = spawnSync(process.execPath, [CLI, 'serve', '--port', '0', '--config', 'broken.json'], { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('no-such-rule');
    expect(run.stdout).toBe('');
  });

  it('SIGTERM stops it with exit 0, promptly, though a browser keeps a connection open', async () => {
    const { request, Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true });
    await new Promise<void>((resolve, reject) => {
      request(new URL('/favicon.ico', server.url), { agent }, (res) => {
        res.resume();
        res.on('end', resolve);
      }).on('error', reject).end();
    });
    const started = Date.now();
    const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
    server.process.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(Date.now() - started).toBeLessThan(3000);
    agent.destroy();
  });
});


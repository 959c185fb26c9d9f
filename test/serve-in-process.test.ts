/**
 * `reportlint serve` started in this process (the built dist/serve/server.js, whose check threads
 * are dist/serve/check-worker.js), for what the command line cannot set:
 * - the reviewed Word copy: the route hands the annotator the upload's bytes, the document as
 *   read, its findings and the text with every fix applied, and sends back what it made (a
 *   stand-in annotator here records its input);
 * - a small heap per check thread: a draft that needs more runs its worker out of memory; that
 *   worker alone dies, is replaced, and the next check is answered.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer, ServeOptions } from '../src/serve/server.js';
import type { AnnotateDocx } from '../src/serve/reviewed.js';
import { ROOT } from './cli-helpers.js';
import { buildDocx } from './docx-build.js';
import { post } from './serve-helpers.js';

let running: RunningServer;
const calls: Array<Parameters<AnnotateDocx>[0]> = [];
const lines: string[] = [];

beforeAll(async () => {
  const { startServer, DEFAULTS } = (await import(pathToFileURL(path.join(ROOT, 'dist', 'serve', 'server.js')).href)) as typeof import('../src/serve/server.js');
  const options: ServeOptions = {
    // 24 MB of heap checks a report; a draft of several MB needs more
    ...DEFAULTS, port: 0, token: null, cwd: ROOT, explicitConfig: undefined, workers: 1, heapMb: 24,
    log: (line) => lines.push(line),
    annotate: async (input) => {
      calls.push(input);
      return Buffer.from(`PK reviewed ${input.messages.length}`);
    },
  };
  running = await startServer(options);
}, 60_000);

afterAll(async () => {
  await running?.close();
});

describe('reportlint serve: the reviewed .docx copy', () => {
  it('calls the annotator with the bytes, the document, its findings and the fixed text, and sends its copy', async () => {
    const bytes = await buildDocx(['关于2024年法治政府建设情况的报告', '一、总体情况', '二是提升提升行政争议化解质效。']);
    const response = await fetch(new URL('/api/reviewed-docx', running.url), {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '草稿.docx', file: bytes.toString('base64'), lang: 'en' }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain("UTF-8''草稿.reportlint.docx");
    expect(calls).toHaveLength(1);
    const input = calls[0]!;
    expect(Buffer.from(input.bytes).equals(bytes)).toBe(true);
    expect(input.docx.paragraphs).toHaveLength(3);
    expect(input.locale).toBe('en');
    const doubled = input.messages.find((m) => m.ruleId === 'repeated-word')!;
    expect([doubled.line, doubled.column]).toEqual([3, 3]);
    expect(input.docx.text.slice(doubled.offset, doubled.endOffset)).toContain('提升');
    expect(input.fixedText).toBe(input.docx.text.replace('提升提升', '提升'));
    expect(await response.text()).toBe(`PK reviewed ${input.messages.length}`);
  });

  it('a text draft has no reviewed copy; a damaged .docx is refused before the annotator', async () => {
    expect((await post(running.url, '/api/reviewed-docx', { name: 'a.txt', text: '提升提升' })).status).toBe(400);
    const damaged = await post(running.url, '/api/reviewed-docx', { name: 'a.docx', file: Buffer.from('PK\x03\x04 not a zip').toString('base64') });
    expect(damaged.status).toBe(422);
    expect(calls).toHaveLength(1);
  });
});

describe('reportlint serve: memory', () => {
  it('a draft that needs more memory than a worker has: 413, that worker replaced, the service goes on', async () => {
    const seed = readFileSync(path.join(ROOT, 'seeds', '000_123d78033956bda4.txt'), 'utf8');
    const big = await post(running.url, '/api/check', { name: 'big.txt', text: seed.repeat(800) });
    expect(big.status).toBe(413);
    expect(big.json.error.zh).toContain('内存');
    expect(lines).toContain('worker ran out of memory; replaced');
    const next = await post(running.url, '/api/check', { name: 'a.txt', text: seed });
    expect(next.status).toBe(200);
    expect(next.json.messages.some((m: { ruleId: string }) => m.ruleId === 'repeated-word')).toBe(true);
  }, 60_000);
});

/**
 * `reportlint serve` at the HTTP level: the page and its headers, checks of pasted text and of
 * uploaded files through the same engine as the CLI, and every bad request an office's users or
 * a stranger might send — each gets one clear answer, and the service goes on answering.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './cli-helpers.js';
import { acceptAll, wellFormedProblem, withPart } from './annotate-check.js';
import { buildDocx } from './docx-build.js';
import { readDocxBytes } from '../src/input/docx.js';
import { post, seedText, startServe, type TestServer } from './serve-helpers.js';

/** a phrase of no seed: the log must never hold it */
const MARKER = '此句为日志检验专用标记文字';
const PREVIOUS = ['某区卫生健康局2023年法治政府建设年度报告', '一、2023年推进法治政府建设的主要举措和成效', '全年办理行政处罚案件215件。', '二、存在的不足和原因',
  '一是卫生监督执法力量不足。执法人员需负责全区1074家社会医疗机构的监督执法。', '二是医疗卫生法律法规滞后。相关法律法规的处罚力度不够。', '三、2024年推进法治政府建设的主要安排'].join('\n');
const THIS_YEAR = ['某区卫生健康局2024年法治政府建设年度报告', '一、2024年推进法治政府建设的主要举措和成效', `全年办理行政处罚案件190件。${MARKER}`, '二、2023年法治建设不足整改情况及2024年存在的不足',
  '2023年法治政府建设不足整改情况：为提高公立医院法治建设规范化水平，调研医院开展法治建设情况。', '三、2025年推进法治政府建设的主要安排'].join('\n');

let server: TestServer;
const b64 = (b: Buffer) => b.toString('base64');

beforeAll(async () => {
  server = await startServe(['--max-size', '2', '--workers', '1']);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe('reportlint serve: the page and its headers', () => {
  it('serves the page with a CSP without inline script or outside origins, nosniff and no CORS', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/https?:/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const html = await response.text();
    // no inline script, no outside address
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
    // the style nonce is fresh for each page
    const nonce = /content="([^"]+)"/.exec(html.slice(html.indexOf('csp-nonce')))![1]!;
    expect(csp).toContain(`'nonce-${nonce}'`);
    expect(await (await fetch(server.url)).text()).not.toContain(nonce);
  });

  it('serves the bundled script and style from the package, and the rules with their docs', async () => {
    const js = await fetch(new URL('/app.js', server.url));
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await js.text()).length).toBeGreaterThan(50_000);
    expect((await fetch(new URL('/app.css', server.url))).status).toBe(200);
    const rules = await (await fetch(new URL('/api/rules', server.url))).json() as { rules: Array<{ id: string; doc: string | null }> };
    expect(rules.rules.find((r) => r.id === 'repeated-word')!.doc).toMatch(/^# repeated-word/);
  });

  it('opens no path a client names', async () => {
    for (const route of ['/../package.json', '/%2e%2e/package.json', '/dist/cli.js', '/web/app.ts', '/docs/rules/repeated-word.md', '/api/rules/../../package.json']) {
      expect((await fetch(new URL(route, server.url))).status, route).toBe(404);
    }
  });
});

describe('reportlint serve: checks through the same engine', () => {
  it('checks pasted text: the doubled words, in Chinese or in English', async () => {
    const text = seedText();
    const zh = await post(server.url, '/api/check', { name: 'report.txt', text });
    expect(zh.status).toBe(200);
    const doubled = zh.json.messages.filter((m: { ruleId: string }) => m.ruleId === 'repeated-word');
    expect(doubled.map((m: { offset: number; endOffset: number }) => text.slice(m.offset, m.endOffset))).toContain('提升提升');
    expect(doubled[0].message).toMatch(/[\u4e00-\u9fff]/);
    const en = await post(server.url, '/api/check', { name: 'report.txt', text, lang: 'en' });
    expect(en.json.messages.find((m: { ruleId: string }) => m.ruleId === 'repeated-word').message).toMatch(/^[\x20-\x7e「」\u4e00-\u9fff]*$/);
  });

  it('reads an uploaded .docx in memory, paragraph by paragraph, and a GB18030 text file', async () => {
    const docx = await buildDocx(['关于2024年法治政府建设情况的报告', '一、总体情况', '二是提升提升行政争议化解质效。']);
    const answer = await post(server.url, '/api/check', { name: '草稿.docx', file: b64(docx) });
    expect(answer.status).toBe(200);
    expect(answer.json.inputKind).toBe('docx');
    const doubled = answer.json.messages.find((m: { ruleId: string }) => m.ruleId === 'repeated-word');
    expect([doubled.line, doubled.column]).toEqual([3, 3]);
    // the page edits the text: the fix the same rule gives there
    expect(doubled.fix).toEqual({ range: [doubled.offset + 2, doubled.offset + 4], text: '' });
    const gbBytes = Buffer.from([0xcc, 0xe1, 0xc9, 0xfd, 0xcc, 0xe1, 0xc9, 0xfd, 0xd0, 0xd0, 0xd5, 0xfe, 0xa1, 0xa3]); // 提升提升行政。 in GB18030
    const gbAnswer = await post(server.url, '/api/check', { name: 'gb.txt', file: b64(gbBytes) });
    expect(gbAnswer.status).toBe(200);
    expect(gbAnswer.json.text).toBe('提升提升行政。');
  });

  it('fixes every fixable finding at once', async () => {
    const answer = await post(server.url, '/api/fix', { name: 'report.txt', text: seedText() });
    expect(answer.status).toBe(200);
    expect(answer.json.changed).toBe(true);
    expect(answer.json.text).not.toContain('提升提升');
    expect(answer.json.text).toContain('二是提升行政争议化解质效');
    expect(answer.json.messages.some((m: { ruleId: string }) => m.ruleId === 'repeated-word')).toBe(false);
  });

  it("uses last year's report when the page gives one (previous-shortcomings)", async () => {
    const without = await post(server.url, '/api/check', { name: '2024.txt', text: THIS_YEAR });
    expect(without.json.messages.some((m: { ruleId: string }) => m.ruleId === 'previous-shortcomings')).toBe(false);
    const withPrevious = await post(server.url, '/api/check', { name: '2024.txt', text: THIS_YEAR, previous: { name: '2023.txt', text: PREVIOUS } });
    expect(withPrevious.json.messages.filter((m: { ruleId: string }) => m.ruleId === 'previous-shortcomings')).toHaveLength(2);
    // the wrong way round is a clear refusal
    const swapped = await post(server.url, '/api/check', { name: '2023.txt', text: PREVIOUS, previous: { name: '2024.txt', text: THIS_YEAR } });
    expect(swapped.status).toBe(400);
    expect(swapped.json.error.zh).toContain('不早于本报告');
  });

  it('makes the reviewed .docx copy: findings as comments and fixes as changes by reportlint; accepting them gives the --fix text', async () => {
    const docx = await buildDocx(['一、总体情况', '我们提升提升了依法行政水平,推进了工作。']);
    const response = await fetch(new URL('/api/reviewed-docx', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: '草稿.docx', file: b64(docx) }) });
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain("UTF-8''草稿.reportlint.docx");
    const copy = Buffer.from(await response.arrayBuffer());
    const zip = await JSZip.loadAsync(copy);
    const comments = await zip.file('word/comments.xml')!.async('string');
    expect(comments).toContain('w:author="reportlint"');
    expect(comments).toContain('repeated-word');
    const documentXml = await zip.file('word/document.xml')!.async('string');
    expect(wellFormedProblem(documentXml)).toBeNull();
    expect(documentXml).toMatch(/<w:del [^>]*w:author="reportlint"/);
    // accepting every change gives what --fix gives the same text
    const accepted = await readDocxBytes(await withPart(copy, 'word/document.xml', acceptAll(documentXml)), 'a.docx');
    const fixed = await post(server.url, '/api/fix', { name: '草稿.txt', text: '一、总体情况\n我们提升提升了依法行政水平,推进了工作。' });
    expect(accepted.text).toBe(fixed.json.text);
    expect(accepted.text).toContain('我们提升了依法行政水平，推进了工作。');
  });
});

/** A zip whose word/document.xml holds `content` and, when `claimed` is given, claims that size unpacked. */
async function zipWithClaim(content: Buffer, claimed: number | null): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  zip.file('word/document.xml', content);
  const buf = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  if (claimed === null) return buf;
  // rewrite the central directory's uncompressed size of word/document.xml
  const name = Buffer.from('word/document.xml');
  for (let at = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); at > 0; at = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at - 1)) {
    if (buf.subarray(at + 46, at + 46 + name.length).equals(name)) buf.writeUInt32LE(claimed, at + 24);
  }
  return buf;
}

describe('reportlint serve: bad requests get one clear answer, and the service goes on', () => {
  const stillServing = async () => {
    const answer = await post(server.url, '/api/check', { name: 'ok.txt', text: '二是提升提升行政争议化解质效。' });
    expect(answer.status).toBe(200);
    expect(answer.json.messages.some((m: { ruleId: string }) => m.ruleId === 'repeated-word')).toBe(true);
  };

  it('a draft over the size limit: 413 with a message to show', async () => {
    const answer = await post(server.url, '/api/check', { name: 'big.txt', text: '提'.repeat(1_000_000) });
    expect(answer.status).toBe(413);
    expect(answer.json.error.zh).toContain('草稿太大');
    expect(answer.json.error.en).toContain('at most 2 MB');
    await stillServing();
  });

  it('a 50 MB paste: 413, and the service keeps serving', async () => {
    const answer = await post(server.url, '/api/check', `{"name":"paste.txt","text":"${'x'.repeat(50 * 1024 * 1024)}"}`);
    expect(answer.status).toBe(413);
    await stillServing();
  }, 30_000);

  it('a zip bomb .docx: refused from its declared sizes before inflating', async () => {
    const bomb = await zipWithClaim(Buffer.alloc(80 * 1024 * 1024, 0x20), null);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const answer = await post(server.url, '/api/check', { name: 'bomb.docx', file: b64(bomb) });
    expect(answer.status).toBe(413);
    expect(answer.json.error.zh).toContain('解压后过大');
    await stillServing();
  }, 30_000);

  it('a .docx that misstates its sizes is refused as well', async () => {
    const liar = await zipWithClaim(Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 2654435761) >>> 24)), 100);
    const answer = await post(server.url, '/api/check', { name: 'liar.docx', file: b64(liar) });
    expect(answer.status).toBe(413);
    expect(answer.json.error.en).toContain('misstates its sizes');
    await stillServing();
  });

  it('a truncated .docx, a renamed binary, random bytes as .txt: 422 with the reader\'s message', async () => {
    const docx = await buildDocx(['一、总体情况', '提升提升']);
    const truncated = await post(server.url, '/api/check', { name: 'cut.docx', file: b64(docx.subarray(0, Math.floor(docx.length / 2))) });
    expect(truncated.status).toBe(422);
    expect(truncated.json.error.zh).toContain('损坏');
    expect(truncated.json.error.zh).not.toContain(process.cwd());
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
    const notDocx = await post(server.url, '/api/check', { name: 'photo.docx', file: b64(png) });
    expect(notDocx.status).toBe(422);
    expect(notDocx.json.error.en).toContain('not a Word document');
    const binary = await post(server.url, '/api/check', { name: 'photo.txt', file: b64(png) });
    expect(binary.status).toBe(422);
    const random = await post(server.url, '/api/check', { name: 'noise.txt', file: b64(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256))) });
    expect(random.status).toBe(422);
    await stillServing();
  });

  it('an empty draft, malformed JSON, a wrong type, a form post, an unknown route, a preflight', async () => {
    expect((await post(server.url, '/api/check', { name: 'empty.txt', text: '  \n' })).json.error.zh).toContain('空');
    expect((await post(server.url, '/api/check', '{"name": "a.txt", "text": ')).status).toBe(400);
    expect((await post(server.url, '/api/check', { text: 'no name' })).status).toBe(400);
    expect((await post(server.url, '/api/check', { name: 'a.docx', file: '!!not base64!!' })).status).toBe(400);
    expect((await post(server.url, '/api/check', 'name=a.txt&text=x', { contentType: 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await post(server.url, '/api/nothing', {})).status).toBe(404);
    const preflight = await fetch(new URL('/api/check', server.url), { method: 'OPTIONS', headers: { Origin: 'http://elsewhere.example', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(405);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    await stillServing();
  });

  it('a request cannot choose a config, a pack or a rule: such fields change nothing', async () => {
    const text = '二是提升提升行政争议化解质效。';
    const plain = await post(server.url, '/api/check', { name: 'a.txt', text });
    const asking = await post(server.url, '/api/check', { name: 'a.txt', text, config: 'evil.mjs', rules: { 'repeated-word': 'off' }, extends: ['./x.json'], packs: ['/etc/passwd'] });
    expect(asking.status).toBe(200);
    expect(asking.json).toEqual(plain.json);
    expect(asking.json.messages.some((m: { ruleId: string }) => m.ruleId === 'repeated-word')).toBe(true);
  });

  it('a name that is a path is only a name: nothing of the server is read', async () => {
    const answer = await post(server.url, '/api/check', { name: '../../../../etc/passwd', text: '提升提升' });
    expect(answer.status).toBe(200);
    expect(answer.json.text).toBe('提升提升');
    const docxName = await post(server.url, '/api/check', { name: '/etc/hostname.docx', file: b64(await buildDocx(['提升提升'])) });
    expect(docxName.json.text).toBe('提升提升');
  });

  it('another host name for the loopback address (DNS rebinding) is refused', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(new URL('/api/rules', server.url), { headers: { Host: 'evil.example:8080' } }, (res) => {
        res.resume();
        resolve(res.statusCode!);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('the log has a line per request and never a draft\'s text', async () => {
    await post(server.url, '/api/check', { name: '2024.txt', text: THIS_YEAR });
    await new Promise((r) => setTimeout(r, 100));
    const log = server.log();
    expect(log).toMatch(/POST \/api\/check 200 \d+ms \d+B/);
    expect(log).toMatch(/POST \/api\/check 413 /);
    expect(log).not.toContain(MARKER);
    expect(log).not.toContain('提升提升');
    expect(log).not.toContain('法治政府建设');
  });
});

describe('reportlint serve is loaded only for `reportlint serve`', () => {
  const SEED = path.join(ROOT, 'seeds', '000_123d78033956bda4.txt');
  /** the files a run of the CLI loaded, as Node's module debug log names them */
  const loaded = (args: string[]): string[] => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' }, timeout: 30_000 });
    return [...run.stderr.matchAll(/load "([^"]+)" for module/g)].map((m) => path.basename(m[1]!));
  };

  it('a plain lint loads no module of the server: it is a file of its own (dist/serve.cjs), required on demand', () => {
    expect(loaded([SEED, '--format', 'json'])).not.toContain('serve.cjs');
    expect(readFileSync(path.join(ROOT, 'dist', 'cli-bundle.cjs'), 'utf8')).not.toMatch(/startServer/);
    // the test is not blind: the command loads it, and it holds the server
    expect(loaded(['serve', '--port', 'not-a-port'])).toContain('serve.cjs');
    expect(readFileSync(path.join(ROOT, 'dist', 'serve.cjs'), 'utf8')).toMatch(/startServer/);
  });
});

/// <reference lib="dom" />
/**
 * `reportlint serve` as a writer uses it, in real Chromium (Debian's /usr/bin/chromium driven by
 * playwright-core, as test/html-chromium.test.ts): open the page, open a seed .txt and the same
 * seed as a .docx, see the doubled words marked, fix, download and read what was downloaded; the
 * summary of several drafts; English. Every request but the server's is blocked (no network), and
 * the test fails if the page tried one. In CI (CI set) a missing Chromium fails the run.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './cli-helpers.js';
import { buildDocx } from './docx-build.js';
import { SEED_TXT, seedText, startServe, type TestServer } from './serve-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const IN_CI = Boolean(process.env['CI']) && !/^(?:false|0)$/i.test(process.env['CI']!);
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`serve-e2e.test.ts: skipped, ${CHROMIUM} is missing (apt-get install chromium); in CI this fails`);
}
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('reportlint serve in headless Chromium, with no network', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  const dir = tempDir();
  /** requests the page tried to make anywhere but the server (blocked) */
  const outside: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing: CI must install Chromium before npm test (.ci/run: apt-get install -y chromium)`);
    server = await startServe(['--max-size', '2', '--workers', '1']);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    context = await browser.newContext({ acceptDownloads: true });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(server.url)) return route.continue();
      outside.push(url);
      return route.abort('internetdisconnected');
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function open(query = ''): Promise<Page> {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(new URL(query, server.url).href);
    await page.waitForSelector('body[data-ready=true]');
    return page;
  }

  /** the findings listed beside the editor, as "rule place" */
  const listed = (page: Page) => page.$$eval('#findings li.finding', (lis) => lis.map((li) => `${(li as HTMLElement).dataset['rule']} ${li.querySelector('.place')!.textContent}`));

  /** the text marked in the editor as an error, after scrolling the finding into view */
  async function markedAt(page: Page, rule: string, index = 0): Promise<string[]> {
    await page.locator(`#findings li.finding[data-rule="${rule}"] .place`).nth(index).click();
    return page.$$eval('.cm-lintRange-error', (els) => els.map((e) => e.textContent ?? ''));
  }

  async function downloadText(page: Page, button: string): Promise<string> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return readFileSync((await download.path())!, 'utf8');
  }

  it('a seed .txt: the doubled words marked, one fixed, undone, fixed, downloaded', async () => {
    const page = await open();
    await page.setInputFiles('#open', SEED_TXT);
    await page.waitForSelector('#findings li.finding[data-rule="repeated-word"]');
    const doubled = (await listed(page)).filter((f) => f.startsWith('repeated-word'));
    expect(doubled).toEqual(['repeated-word 44:23', 'repeated-word 47:3']);
    expect(await markedAt(page, 'repeated-word', 1)).toContain('提升提升');
    // the rule's explanation from docs/rules/repeated-word.md
    await page.locator('#findings li.finding[data-rule="repeated-word"] button', { hasText: '说明' }).first().click();
    expect(await page.locator('#findings li.finding[data-rule="repeated-word"] .doc').first().textContent()).toContain('同一词语连写两次');

    await page.locator('#findings li.finding[data-rule="repeated-word"] button.fix').nth(1).click();
    await page.waitForFunction(() => document.querySelectorAll('#findings li.finding[data-rule="repeated-word"]').length === 1);
    await page.click('#undo');
    await page.waitForFunction(() => document.querySelectorAll('#findings li.finding[data-rule="repeated-word"]').length === 2);
    await page.locator('#findings li.finding[data-rule="repeated-word"] button.fix').nth(1).click();
    await page.waitForFunction(() => document.querySelectorAll('#findings li.finding[data-rule="repeated-word"]').length === 1);

    const downloaded = await downloadText(page, '#download-text');
    const seedLines = seedText().split('\n');
    expect(downloaded.split('\n')[46]).toBe(seedLines[46]!.replace('提升提升', '提升'));
    // only that fix: the other doubled word is still there
    expect(downloaded.split('\n')[43]).toBe(seedLines[43]);
    await page.close();
  }, 60_000);

  it('the same seed as a .docx: marked by paragraph, all fixed at once, the fixed text downloaded', async () => {
    const file = path.join(dir, '南山区卫生健康局报告.docx');
    writeFileSync(file, await buildDocx(seedText().replace(/\n$/, '').split('\n')));
    const page = await open();
    await page.setInputFiles('#open', file);
    await page.waitForSelector('#findings li.finding[data-rule="repeated-word"]');
    expect((await listed(page)).filter((f) => f.startsWith('repeated-word'))).toEqual(['repeated-word 段 44:23', 'repeated-word 段 47:3']);
    expect(await markedAt(page, 'repeated-word', 1)).toContain('提升提升');
    expect(await page.isVisible('#download-docx')).toBe(true);
    // one fix on the Word draft's text, then all the others
    await page.locator('#findings li.finding[data-rule="repeated-word"] button.fix').first().click();
    await page.waitForFunction(() => document.querySelectorAll('#findings li.finding[data-rule="repeated-word"]').length === 1);

    await page.click('#fix-all');
    await page.waitForFunction(() => document.querySelectorAll('#findings li.finding[data-rule="repeated-word"]').length === 0);
    const downloaded = await downloadText(page, '#download-text');
    expect(downloaded).not.toContain('提升提升');
    expect(downloaded).not.toContain('分类分类');
    expect(downloaded).toContain('二是提升行政争议化解质效');

    // the reviewed copy of the uploaded draft: the doubled words as comments and changes by reportlint
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-docx')]);
    expect(download.suggestedFilename()).toBe('南山区卫生健康局报告.reportlint.docx');
    const zip = await JSZip.loadAsync(readFileSync((await download.path())!));
    expect(await zip.file('word/comments.xml')!.async('string')).toContain('重复词语「提升提升」');
    expect(await zip.file('word/document.xml')!.async('string')).toMatch(/<w:del [^>]*w:author="reportlint"[\s\S]*?提升<\/w:delText>/);
    await page.close();
  }, 60_000);

  it('a file dropped on the editor is opened', async () => {
    const page = await open();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], '拖入的草稿.txt', { type: 'text/plain' }));
      document.querySelector('#editor')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, '一、总体情况\n二是提升提升行政争议化解质效。\n');
    await page.waitForSelector('#findings li.finding[data-rule="repeated-word"]');
    expect(await page.textContent('#draft-name')).toBe('拖入的草稿.txt');
    expect(await page.textContent('.cm-content')).toContain('二是提升提升行政争议化解质效。');
    await page.close();
  }, 60_000);

  it('a draft over the size limit: the 413 message in the page, and the page goes on working', async () => {
    const big = path.join(dir, 'big.txt');
    writeFileSync(big, '二是提升提升行政争议化解质效。\n'.repeat(60_000));
    const page = await open();
    await page.setInputFiles('#open', big);
    await page.waitForSelector('#status:not([hidden])');
    await page.waitForFunction(() => document.querySelector('#status')!.textContent!.includes('草稿太大'));
    await page.setInputFiles('#open', SEED_TXT);
    await page.waitForSelector('#findings li.finding[data-rule="repeated-word"]');
    expect(await page.isHidden('#status')).toBe(true);
    await page.close();
  }, 60_000);

  it('typing re-checks (debounced); English on request', async () => {
    const page = await open('?lang=en');
    expect(await page.textContent('#fix-all')).toBe('Fix all');
    await page.click('.cm-content');
    await page.keyboard.insertText('二是提升提升行政争议化解质效。');
    await page.waitForSelector('#findings li.finding[data-rule="repeated-word"]');
    expect(await page.textContent('#findings li.finding[data-rule="repeated-word"] .message')).toMatch(/^[\x20-\x7e「」\u4e00-\u9fff]+$/);
    await page.keyboard.press('End');
    await page.keyboard.insertText('我局我局');
    await page.waitForFunction(() => document.querySelectorAll('#findings li.finding[data-rule="repeated-word"]').length === 2);
    await page.close();
  }, 60_000);

  it('the summary: several drafts × rules, a row opens that draft', async () => {
    const docx = path.join(dir, 'seed.docx');
    writeFileSync(docx, await buildDocx(seedText().replace(/\n$/, '').split('\n')));
    const page = await open();
    await page.click('#tab-summary');
    await page.setInputFiles('#open-many', [SEED_TXT, path.join(ROOT, 'seeds', '003_fdb2e5dd79f7ab48.md'), docx]);
    await page.waitForSelector('#summary tbody tr:nth-child(3)');
    const header = await page.$$eval('#summary thead th', (ths) => ths.map((t) => t.textContent));
    const column = header.indexOf('repeated-word');
    expect(column).toBeGreaterThan(0);
    const rows = await page.$$eval('#summary tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const row = (name: string) => rows.find((r) => r[0] === name)!;
    expect(row('000_123d78033956bda4.txt')[column]).toBe('2');
    expect(row('seed.docx')[column]).toBe('2');
    // a folder: its drafts, and nothing else of it
    const folder = path.join(dir, '各部门');
    mkdirSync(folder);
    copyFileSync(SEED_TXT, path.join(folder, '卫健局.txt'));
    copyFileSync(docx, path.join(folder, '司法局.docx'));
    writeFileSync(path.join(folder, '说明.pdf'), '%PDF-1.4');
    await page.setInputFiles('#open-folder', folder);
    await page.waitForFunction(() => document.querySelectorAll('#summary tbody tr').length === 2);
    const folderRows = await page.$$eval('#summary tbody tr td:first-child', (tds) => tds.map((td) => td.textContent));
    expect(folderRows).toEqual(['各部门/卫健局.txt', '各部门/司法局.docx']);
    await page.click('#summary tbody tr:has-text("司法局.docx")');
    await page.waitForSelector('#draft-view:not([hidden]) #findings li.finding[data-rule="repeated-word"]');
    expect(await page.textContent('#draft-name')).toBe('司法局.docx');
    await page.click('#tab-summary');
    await page.setInputFiles('#open-many', [SEED_TXT, docx]);
    await page.waitForFunction(() => document.querySelectorAll('#summary tbody tr').length === 2 && document.querySelector('#summary tbody')!.textContent!.includes('seed.docx'));
    await page.click('#summary tbody tr:has-text("seed.docx")');
    await page.waitForSelector('#draft-view:not([hidden]) #findings li.finding[data-rule="repeated-word"]');
    expect(await page.textContent('#draft-name')).toBe('seed.docx');
    await page.close();
  }, 60_000);

  /** a 2024 report and last year's, whose shortcomings it does not answer (previous-shortcomings: 2 findings) */
  function reportsOfTwoYears(): { previous: string; draft: string } {
    const previous = path.join(dir, '2023年报告.txt');
    writeFileSync(previous, ['某区卫生健康局2023年法治政府建设年度报告', '一、2023年推进法治政府建设的主要举措和成效', '全年办理行政处罚案件215件。', '二、存在的不足和原因',
      '一是卫生监督执法力量不足。执法人员需负责全区1074家社会医疗机构的监督执法。', '二是医疗卫生法律法规滞后。相关法律法规的处罚力度不够。', '三、2024年推进法治政府建设的主要安排'].join('\n'));
    const draft = path.join(dir, '2024年报告.txt');
    writeFileSync(draft, ['某区卫生健康局2024年法治政府建设年度报告', '一、2024年推进法治政府建设的主要举措和成效', '全年办理行政处罚案件190件。', '二、2023年法治建设不足整改情况及2024年存在的不足',
      '2023年法治政府建设不足整改情况：为提高公立医院法治建设规范化水平，调研医院开展法治建设情况。', '三、2025年推进法治政府建设的主要安排'].join('\n'));
    return { previous, draft };
  }

  it("last year's report: previous-shortcomings compares with it; cleared, it does not", async () => {
    const { previous, draft } = reportsOfTwoYears();
    const page = await open();
    await page.setInputFiles('#open', draft);
    await page.waitForSelector('#findings li');
    const count = () => page.$$eval('#findings li.finding[data-rule="previous-shortcomings"]', (lis) => lis.length);
    expect(await count()).toBe(0);
    await page.setInputFiles('#previous', previous);
    await page.waitForFunction(() => document.querySelectorAll('#findings li.finding[data-rule="previous-shortcomings"]').length === 2);
    expect(await page.textContent('#previous-name')).toContain('2023年报告.txt');
    await page.click('#previous-name button');
    await page.waitForFunction(() => document.querySelectorAll('#findings li.finding[data-rule="previous-shortcomings"]').length === 0);
    await page.close();
  }, 60_000);

  it("last year's report given while the draft is still being checked: the draft is checked again with it", async () => {
    const { previous, draft } = reportsOfTwoYears();
    const page = await open();
    // a slow service: every check answers a second late
    await page.route('**/api/check', (route) => new Promise((r) => setTimeout(r, 1000)).then(() => route.continue()));
    await page.setInputFiles('#open', draft);
    await page.setInputFiles('#previous', previous);
    await page.waitForFunction(() => document.querySelectorAll('#findings li.finding[data-rule="previous-shortcomings"]').length === 2);
    expect(await page.textContent('#draft-name')).toBe('2024年报告.txt');
    await page.close();
  }, 60_000);

  it('asked for nothing outside the server, and broke no CSP', () => {
    expect(outside).toEqual([]);
    expect(problems.filter((p) => !/status of 413/.test(p))).toEqual([]);
  });
});

/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The html report as a reviewer sees it: rendered by headless Chromium (Debian's /usr/bin/chromium,
 * driven by playwright-core), and printed to PDF by Chromium and read back with pdftotext
 * (poppler-utils) with a Chinese font installed (fonts-wqy-microhei: without one the PDF holds
 * blank glyphs and its text loses characters). In CI (CI set) a missing program or font fails the
 * run — .ci/run installs them; elsewhere the tests are skipped with a message.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { html } from '../src/formatters/html.js';
import { junit } from '../src/formatters/junit.js';
import type { FormatContext } from '../src/formatters/types.js';
import type { LintMessage, LintResult } from '../src/engine/lint.js';
import { summarize } from '../src/engine/lint.js';
import { LineIndex } from '../src/document/position.js';
import type { RuleMeta } from '../src/rule.js';
import { ROOT, spawnCli, tempDir } from './cli-helpers.js';

const CHROMIUM = '/usr/bin/chromium';
const IN_CI = Boolean(process.env['CI']) && !/^(?:false|0)$/i.test(process.env['CI']!);
const HAVE_CHROMIUM = existsSync(CHROMIUM);
if (!HAVE_CHROMIUM && !IN_CI) {
  console.warn(`html-chromium.test.ts: skipped, ${CHROMIUM} is missing (apt-get install chromium); in CI this fails`);
}

function finding(text: string, start: number, end: number, ruleId: string, severity: 1 | 2, message: string): LintMessage {
  const index = new LineIndex(text);
  const a = index.pointAt(start);
  const b = index.pointAt(end);
  return { ruleId, messageId: 'm', severity, message, line: a.line, column: a.column, endLine: b.line, endColumn: b.column, offset: start, endOffset: end };
}

function meta(id: string): RuleMeta {
  return { id, description: { zh: `${id} 的说明`, en: id }, type: 'problem', defaultSeverity: 'error', fixable: false, schema: {}, defaultOptions: {}, messages: {}, tags: [] };
}

/** Nested, crossing and empty ranges, a range over a line break, CRLF, 𠮷, markup in the text. */
const TEXT = '一、总体情况\r\n我局𠮷持续提升提升依法<行政>&"水平"。\r\n二、存在的不足\r\n<script>alert(1)</script>\r\n';
const at = (s: string, from = 0) => TEXT.indexOf(s, from);
const FILE = path.join(tempDir(), '报告.txt');
const MESSAGES = [
  finding(TEXT, at('提升提升'), at('提升提升') + 4, 'repeated-word', 2, '重复词语「提升提升」'),
  finding(TEXT, at('提升提升') + 2, at('依法') + 2, 'stray-space', 1, 'crosses the end of the doubled word'),
  finding(TEXT, at('<行政>'), at('<行政>') + 4, 'stray-space', 1, 'a <b> & "c"'),
  finding(TEXT, at('<行政>') + 1, at('<行政>') + 3, 'punctuation-width', 1, 'nested'),
  finding(TEXT, at('。'), at('。'), 'stray-space', 2, 'empty range'),
  finding(TEXT, at('。'), at('不足') + 2, 'heading-sequence', 2, 'over a line break'),
  finding(TEXT, at('<script>'), at('</script>') + 9, 'repeated-word', 1, '<script>'),
];
const RESULTS: LintResult[] = [summarize(FILE, MESSAGES), summarize(path.join(path.dirname(FILE), 'clean.txt'), [])];
const RULES_META = Object.fromEntries(['repeated-word', 'stray-space', 'punctuation-width', 'heading-sequence'].map((id) => [id, meta(id)]));
const CONTEXT: FormatContext = { color: false, locale: 'zh', cwd: path.dirname(FILE), rulesMeta: RULES_META, sources: { [FILE]: TEXT } };

const HAVE_PDFTOTEXT = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error === undefined;
const HAVE_CJK_FONT = /\S/.test(spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).stdout ?? '');
const CAN_PRINT = HAVE_CHROMIUM && HAVE_PDFTOTEXT && HAVE_CJK_FONT;
if (!CAN_PRINT && !IN_CI) {
  console.warn('html-chromium.test.ts: the print-to-PDF test is skipped: it needs chromium, pdftotext (poppler-utils) and a Chinese font (fonts-wqy-microhei); in CI this fails');
}

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

describe.skipIf(!HAVE_CHROMIUM && !IN_CI)('html report in headless Chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    if (!HAVE_CHROMIUM) {
      throw new Error(`${CHROMIUM} is missing: CI must install Chromium before npm test (.ci/run: apt-get install -y chromium)`);
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  /** Open a page from a file: URL and record every request it makes. */
  async function open(file: string): Promise<{ page: Page; requests: string[] }> {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    return { page, requests };
  }

  /** For each mark.finding: id, classes, rule, title, and its text with its continuation parts. */
  function marks(page: Page) {
    return page.$$eval('mark.finding', (elements) =>
      elements.map((m) => ({
        id: m.id,
        className: m.className,
        rule: m.getAttribute('data-rule'),
        title: m.getAttribute('title'),
        text: m.textContent! + [...document.querySelectorAll(`mark.finding-part[data-for="${m.id}"]`)].map((p) => p.textContent).join(''),
      })),
    );
  }

  /** What the page should show for source[start, end): line breaks display as \n. */
  const shown = (source: string, start: number, end: number) => source.slice(start, end).replace(/\r\n?/g, '\n');

  it('formatter output: one highlight per finding, each over exactly its text', async () => {
    const file = path.join(path.dirname(FILE), 'report.html');
    writeFileSync(file, html(RESULTS, CONTEXT));
    const { page, requests } = await open(file);
    const found = await marks(page);
    expect(found).toHaveLength(MESSAGES.length);
    const byId = new Map(found.map((m) => [m.id, m]));
    MESSAGES.forEach((m, i) => {
      const mark = byId.get(`f-1-${i + 1}`)!;
      expect(mark, `mark for finding ${i + 1}`).toBeDefined();
      expect(mark.text).toBe(shown(TEXT, m.offset, m.endOffset));
      expect(mark.rule).toBe(m.ruleId);
      expect(mark.title).toBe(m.message);
      expect(mark.className).toContain(m.severity === 2 ? 'error' : 'warning');
    });
    // the markup in the draft is text, not markup
    expect(await page.$$('main script')).toHaveLength(0);
    expect(await page.locator('pre.source').textContent()).toBe(`${TEXT.replace(/\r\n?/g, '\n')}`);
    // self-contained: the page loads nothing but itself
    expect(requests).toEqual([pathToFileURL(file).href]);
    await page.close();
  });

  it('the highlights are visible and coloured; the list links to them; counts by rule are shown', async () => {
    const file = path.join(path.dirname(FILE), 'report.html');
    writeFileSync(file, html(RESULTS, CONTEXT));
    const { page } = await open(file);
    const first = page.locator('#f-1-1');
    expect(await first.isVisible()).toBe(true);
    const background = await first.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toMatch(/^rgba\(0, 0, 0, 0\)$|^transparent$/);
    const box = await first.boundingBox();
    expect(box!.width).toBeGreaterThan(10);

    const items = page.locator('ol.findings li');
    expect(await items.count()).toBe(MESSAGES.length);
    expect(await items.first().isVisible()).toBe(true);
    expect(await items.first().textContent()).toBe('2:6错误重复词语「提升提升」repeated-word');
    await page.locator('a[href="#f-1-6"]').click();
    expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe('f-1-6');

    const table = page.locator('#by-rule table');
    expect(await table.isVisible()).toBe(true);
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    expect(rows).toEqual([
      ['stray-space', 'stray-space 的说明', '1', '2', '3'],
      ['repeated-word', 'repeated-word 的说明', '1', '1', '2'],
      ['heading-sequence', 'heading-sequence 的说明', '1', '0', '1'],
      ['punctuation-width', 'punctuation-width 的说明', '0', '1', '1'],
    ]);
    expect(await page.locator('.summary').textContent()).toBe('共检查 2 个文件，发现 7 个问题（3 个错误，4 个警告）。');
    expect(await page.locator('#file-2').textContent()).toContain('未发现问题');
    await page.screenshot({ path: path.join(path.dirname(FILE), 'report.png'), fullPage: true });
    await page.close();
  });

  it('the built CLI\'s page (the CLI passes each file\'s text as context.sources)', async () => {
    const dir = tempDir();
    const drafts: Record<string, string> = {
      'doubled.txt': '一、总体情况\n我局持续提升提升依法行政水平。\n',
      'gap.md': '一、甲\n三、乙\n',
    };
    for (const [name, text] of Object.entries(drafts)) writeFileSync(path.join(dir, name), text);
    const expected = JSON.parse(spawnCli(['--format', 'json', ...Object.keys(drafts)], { cwd: dir }).stdout) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string; message: string; line: number; column: number; endLine: number; endColumn: number }>;
    }>;
    const run = spawnCli(['--format', 'html', '-o', 'report.html', ...Object.keys(drafts)], { cwd: dir });
    expect(run.status).toBe(1);
    const { page } = await open(path.join(dir, 'report.html'));
    const found = await marks(page);
    const total = expected.reduce((n, r) => n + r.messages.length, 0);
    expect(await page.locator('ol.findings li').count()).toBe(total);
    expect(found.length, 'no highlights: the CLI did not pass context.sources to the formatter').toBe(total);
    expected.forEach((result, f) => {
      const chars = [...drafts[path.basename(result.filePath)]!];
      // code point index of (line, column)
      const index = (line: number, column: number) => {
        let i = 0;
        for (let l = 1; l < line; i++) if (chars[i] === '\n') l++;
        return i + column - 1;
      };
      result.messages.forEach((m, i) => {
        const mark = found.find((x) => x.id === `f-${f + 1}-${i + 1}`)!;
        expect(mark.text).toBe(chars.slice(index(m.line, m.column), index(m.endLine, m.endColumn)).join(''));
        expect([mark.rule, mark.title]).toEqual([m.ruleId, m.message]);
      });
    });
    expect(found.map((m) => m.text)).toContain('提升提升');
    expect(await page.locator('#by-rule table').isVisible()).toBe(true);
    await page.close();
  });

  it('the junit report is well-formed XML, even with characters XML forbids in a message', async () => {
    const xml = junit([summarize(FILE, [finding(TEXT, 0, 1, 'repeated-word', 2, 'bad \u0000\u001b\uFFFF <&> "q"')])], CONTEXT);
    const page = await browser.newPage();
    const parsed = await page.evaluate((source) => {
      const doc = new DOMParser().parseFromString(source, 'application/xml');
      const error = doc.querySelector('parsererror');
      return error ? `error: ${error.textContent}` : doc.querySelector('failure')!.getAttribute('message');
    }, xml);
    expect(parsed).toBe('bad  <&> "q"');
    await page.close();
  });

  it('a clean run is a page too', async () => {
    const file = path.join(path.dirname(FILE), 'clean.html');
    writeFileSync(file, html([summarize(path.join(path.dirname(FILE), 'clean.txt'), [])], { ...CONTEXT, locale: 'en' }));
    const { page } = await open(file);
    expect(await page.locator('.summary').textContent()).toBe('1 file checked: no problems.');
    expect(await page.locator('mark').count()).toBe(0);
    expect(readFileSync(file, 'utf8')).not.toContain('id="by-rule"');
    await page.close();
  });
});

/** The seeds, long enough that the draft spans several printed pages. */
const SEEDS = ['000_123d78033956bda4.txt', '003_fdb2e5dd79f7ab48.txt'];

describe.skipIf(!CAN_PRINT && !IN_CI)('html report printed: the whole draft and every finding on paper', () => {
  let dir: string;
  let expected: Array<{ filePath: string; messages: Array<{ message: string; related?: unknown[] }> }>;

  beforeAll(() => {
    if (!HAVE_CHROMIUM) throw new Error(`${CHROMIUM} is missing: CI must install Chromium (.ci/run: apt-get install -y chromium)`);
    if (!HAVE_PDFTOTEXT) throw new Error('pdftotext is missing: CI must install it (.ci/run: apt-get install -y poppler-utils)');
    if (!HAVE_CJK_FONT) throw new Error('no Chinese font (fc-list :lang=zh is empty): CI must install one (.ci/run: apt-get install -y fonts-wqy-microhei)');
    dir = tempDir();
    for (const seed of SEEDS) copyFileSync(path.join(ROOT, 'seeds', seed), path.join(dir, seed));
    expected = JSON.parse(spawnCli(['--format', 'json', ...SEEDS], { cwd: dir }).stdout);
    expect(spawnCli(['--format', 'html', '-o', 'report.html', ...SEEDS], { cwd: dir }).status).toBe(1);
  });

  it('Chromium\'s --print-to-pdf of the page holds every line of each draft, the last included, and every finding\'s message', () => {
    const pdf = path.join(dir, 'report.pdf');
    const print = spawnSync(CHROMIUM, [...ARGS, `--print-to-pdf=${pdf}`, '--no-pdf-header-footer', pathToFileURL(path.join(dir, 'report.html')).href], { encoding: 'utf8', timeout: 60_000 });
    expect(existsSync(pdf), print.stderr).toBe(true);
    const pages = /Pages:\s+(\d+)/.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1];
    expect(Number(pages)).toBeGreaterThan(4);
    // -layout keeps each line's text together; white space (line wraps, the line numbers' column) is dropped
    const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    for (const seed of SEEDS) {
      const lines = readFileSync(path.join(dir, seed), 'utf8').split(/\r?\n/).map((l) => l.replace(/\s+/g, '')).filter(Boolean);
      expect(lines.length).toBeGreaterThan(20);
      expect(text, `${seed}: its last line`).toContain(lines.at(-1));
      expect(lines.filter((l) => !text.includes(l)), `${seed}: lines missing from the PDF`).toEqual([]);
    }
    const messages = expected.flatMap((r) => r.messages.map((m) => m.message.replace(/\s+/g, '')));
    expect(messages.length).toBeGreaterThan(10);
    expect(messages.filter((m) => !text.includes(m)), 'messages missing from the PDF').toEqual([]);
  });

  describe('in print media', () => {
    let browser: Browser;
    let page: Page;

    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      page = await browser.newPage();
      await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
    }, 60_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('on screen the draft scrolls in its pane; in print no pane scrolls or is cut', async () => {
      const clipped = () => page.$$eval('pre.source, ol.findings', (els) => els.map((el) => el.scrollHeight - el.clientHeight));
      expect(Math.max(...(await clipped()))).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'print' });
      expect(await clipped()).toEqual([0, 0, 0, 0]);
      expect(await page.$$eval('pre.source', (els) => els.map((el) => getComputedStyle(el).maxHeight))).toEqual(['none', 'none']);
      await page.emulateMedia({ media: 'screen' });
    });

    it('lines are numbered; the title and headings look like headings', async () => {
      const lines = await page.$$eval('#file-1 pre.source .line', (els) => els.map((el) => ({
        n: getComputedStyle(el, '::before').content,
        cls: el.className,
        weight: getComputedStyle(el).fontWeight,
        text: el.textContent,
      })));
      const source = readFileSync(path.join(dir, SEEDS[0]!), 'utf8');
      expect(lines.map((l) => l.n)).toEqual(source.replace(/\n$/, '').split('\n').map((_, i) => `"${i + 1}"`));
      const headings = lines.filter((l) => /\bh\d\b/.test(l.cls));
      expect(headings.map((l) => l.text!.trim().slice(0, 2))).toContain('一、');
      expect(headings.every((l) => Number(l.weight) >= 600)).toBe(true);
      expect(lines.filter((l) => l.cls === 'line').every((l) => Number(l.weight) < 600)).toBe(true);
    });

    it('every place a summary finding stands for is highlighted, and visible', async () => {
      const related = expected.reduce((n, r) => n + r.messages.reduce((k, m) => k + (m.related?.length ?? 0), 0), 0);
      expect(related).toBeGreaterThan(200);
      const marks = await page.$$eval('mark.finding-related', (els) => els.map((el) => [el.textContent, getComputedStyle(el).backgroundColor]));
      expect(marks).toHaveLength(related);
      expect(marks.every(([text, background]) => /^[,;:?!()]$/.test(text!) && background !== 'rgba(0, 0, 0, 0)')).toBe(true);
    });

    it('shows date, version and config, and explains each reported rule in the page', async () => {
      expect(await page.locator('header .meta').textContent()).toMatch(/^生成时间: \d{4}-\d\d-\d\d \d\d:\d\d \(UTC[+-]\d\d:\d\d\) · reportlint 版本 \d+\.\d+\.\d+ · 配置: 内置默认配置（未找到配置文件）$/);
      const rules = [...new Set(expected.flatMap((r) => r.messages.map((m) => (m as unknown as { ruleId: string }).ruleId)))].sort();
      expect(await page.$$eval('#rules .rule-doc', (els) => els.map((el) => el.id))).toEqual(rules.map((id) => `rule-${id}`));
      for (const id of rules) expect(await page.locator(`#rule-${id} pre.example.failing`).count(), id).toBe(1);
      await page.locator('ol.findings a.rule').first().click();
      expect(await page.evaluate(() => document.querySelector(':target')?.className)).toBe('rule-doc');
    });
  });
});

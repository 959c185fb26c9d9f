// Writes dist/rule-docs.json: for each page docs/rules/<id>.md, what the html report carries of it
// (src/formatters/html.ts: a mailed page has no docs/ folder beside it): the one-line summary in
// Chinese and English, the first paragraph of its "Why" section, and one failing and one passing
// example (the page's examples run as tests, test/rule-docs.test.ts, so these are true). Only the
// html formatter reads the file. Run by `npm run build` after tsc.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const DIR = path.join(ROOT, 'docs', 'rules');
const OUT = path.join(ROOT, 'dist', 'rule-docs.json');

/** Markdown inline syntax to plain text: `code`, **bold**, [text](link). */
function plain(markdown) {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
}

/** The page's ```text blocks: kind (failing, passing, previous, or '' for the shown CLI lines), words after it, text. */
function blocksOf(lines) {
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].startsWith('```')) continue;
    let end = i + 1;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    const open = /^```text(?:\s+(.*))?$/.exec(lines[i]);
    if (open) {
      const [kind = '', ...words] = (open[1] ?? '').trim().split(/\s+/).filter(Boolean);
      blocks.push({ kind, words, text: lines.slice(i + 1, end).join('\n') });
    }
    i = end;
  }
  return blocks;
}

/**
 * The first example of a kind that stands alone (no options, no last year's report before it),
 * else none: an example that needs a setting would mislead on a page that cannot show it.
 */
function exampleOf(blocks, kind) {
  let previous = false;
  for (const [i, block] of blocks.entries()) {
    if (block.kind === 'previous') previous = true;
    if (block.kind !== kind || previous || block.words.some((w) => w.startsWith('options='))) continue;
    const shown = blocks[i + 1];
    // a failing block may be followed by the CLI's lines for it
    const output = kind === 'failing' && shown && shown.kind === '' ? shown.text.split('\n').filter((l) => l.trim()) : [];
    return { text: block.text, ...(kind === 'failing' ? { at: block.words.filter((w) => /^\d+:\d+$/.test(w)), output } : {}) };
  }
  return null;
}

/** The first paragraph of the section whose heading starts with "Why", or null (a page without one). */
function whyOf(lines) {
  const start = lines.findIndex((l) => /^## Why\b/.test(l));
  if (start < 0) return null;
  const paragraph = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#') || line.startsWith('```')) break;
    if (line.trim() === '') {
      if (paragraph.length) break;
      continue;
    }
    paragraph.push(line);
  }
  return paragraph.length ? plain(paragraph.join('\n')) : null;
}

const docs = {};
for (const name of readdirSync(DIR).filter((f) => f.endsWith('.md') && f !== 'README.md').sort()) {
  const id = name.slice(0, -3);
  const lines = readFileSync(path.join(DIR, name), 'utf8').split(/\r?\n/);
  if (lines[0] !== `# ${id}`) throw new Error(`docs/rules/${name}: the first line must be "# ${id}"`);
  // line 3 is the summary in Chinese, line 4 in English (every page is written so)
  const [zh, en] = [lines[2] ?? '', lines[3] ?? ''].map(plain);
  if (!zh || !en) throw new Error(`docs/rules/${name}: lines 3 and 4 must be the summary in Chinese and in English`);
  const blocks = blocksOf(lines);
  docs[id] = { summary: { zh, en }, why: whyOf(lines), failing: exampleOf(blocks, 'failing'), passing: exampleOf(blocks, 'passing') };
}
const json = JSON.stringify(docs);
writeFileSync(OUT, json);
console.log(`extracted docs/rules: ${Object.keys(docs).length} rule pages, ${json.length} characters`);

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSimpleMarkdown, simpleMarkdownBlocks } from '../src/document/parse/markdown-simple.js';
import { markdownBlocks } from '../src/document/parse/markdown.js';
import { LineIndex } from '../src/document/position.js';
import { ROOT } from './cli-helpers.js';

/** The fast reading must give exactly remark's blocks whenever it accepts a draft. */
function expectSameAsRemark(source: string): void {
  const lines = new LineIndex(source);
  expect(simpleMarkdownBlocks(source, lines)).toEqual(markdownBlocks(source, lines));
}

const piece = fc.constantFrom(
  '一、总体情况', '（一）加强组织领导', '1.完善制度', '我局坚持依法行政，', '全年办理复议案件12件。', '层层压实责任',
  '“放管服”改革', '《条例》', '2024年', 'ABC', ' ', '  ', '#', '##', '###### ', '####### ', '- ', '+ ', '* ', '1. ', '2) ', '10.',
  '> ', '`代码`', '**加粗**', '_x_', '[链接](http://a.b)', '<br>', '&amp;', '&#20013;', '\\*', '~~', '\t', '===', '---', '***',
  '    ', '\u3000\u3000', '\u00a0', '#标题', '## 标题 ##', '## 标题 #', '# ', '｜', '|', '!', '：', '\ufeff',
);
const lineEnd = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r', '\n\n');
const draft = fc.array(fc.tuple(fc.array(piece, { minLength: 0, maxLength: 5 }), lineEnd), { maxLength: 25 })
  .map((lines) => lines.map(([parts, end]) => parts.join('') + end).join(''));

describe('Markdown of headings and paragraphs only, read without remark', () => {
  it('gives remark\'s blocks on every generated draft it accepts', () => {
    let accepted = 0;
    fc.assert(fc.property(draft, (source) => {
      if (!isSimpleMarkdown(source)) return;
      accepted++;
      expectSameAsRemark(source);
    }), { numRuns: 3000 });
    // the property is not vacuous: a good share of the drafts are in the subset
    expect(accepted).toBeGreaterThan(300);
  });

  it('gives remark\'s blocks on the Markdown drafts of the corpus and the seeds rendered as Markdown', () => {
    const corpus = path.join(ROOT, 'test', 'corpus');
    const drafts = readdirSync(corpus).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(corpus, f), 'utf8'));
    for (const seed of readdirSync(path.join(ROOT, 'seeds')).filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(path.join(ROOT, 'seeds', seed), 'utf8');
      drafts.push(text.split('\n').map((line) => (/^[一二三四五六七八九十]+、/.test(line) ? `## ${line}` : line)).join('\n\n'));
    }
    let simple = 0;
    for (const source of drafts) {
      if (!isSimpleMarkdown(source)) continue;
      simple++;
      expectSameAsRemark(source);
    }
    expect(simple).toBeGreaterThanOrEqual(2);
  });

  it('leaves every other construct to remark', () => {
    const other = [
      '正文**加粗**', '见[链接](x)', '`代码`', '&amp;', '转义\\*', '<p>html</p>', '~~删除~~', '- 列表', '+ 列表', '* 列表', '1. 有序',
      '2) 有序', '> 引用', '    缩进代码', '  两空格缩进', '标题\n===', '标题\n---', '---\ntitle: x\n---', '***', '#标题', '####### 七级',
      '## 标题 ##', '## 标题 #', '正文\t制表符', '\ufeff正文', '_强调_', '正文\0',
    ];
    for (const source of other) expect(isSimpleMarkdown(source), JSON.stringify(source)).toBe(false);
    for (const source of ['## 一、总体情况\n\n我局坚持依法行政。\n', '1.完善制度\n', '（一）加强领导\r\n正文。  \r\n', '# \n正文 #3号文\n']) {
      expect(isSimpleMarkdown(source), JSON.stringify(source)).toBe(true);
      expectSameAsRemark(source);
    }
  });
});

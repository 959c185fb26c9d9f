import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/document/facts/index.js';
import { loadMarkdownSupport, parseDocument } from '../../src/document/parse/index.js';
import { lastAtOrBefore, sourceEndOffset, sourceOffset, textIndexOf } from '../../src/document/position.js';
import { ROOT } from '../cli-helpers.js';

const text = (source: string) => parseDocument(source, { filename: 'a.txt' });

describe('factsOf', () => {
  it('computes each fact once per document and keeps it', () => {
    const doc = text('2024年法治政府建设年度报告\n一、主要举措和成效\n受理案件16宗。\n二、下一年度工作安排\n继续推进。');
    const facts = factsOf(doc);
    expect(factsOf(doc)).toBe(facts);
    expect(facts.figures).toBe(facts.figures);
    expect(facts.reportYear).toMatchObject({ year: 2024, source: 'title' });
    expect(facts.planSection?.heading.title).toBe('下一年度工作安排');
    expect([...facts.planSectionIds]).toEqual([1]);
    expect(facts.parts.found('measures')?.section?.id).toBe(0);
    expect(facts.parts.isHeadingOf('measures', '主要举措和成效')).toBe(true);
    expect(facts.when).toMatchObject({ reportType: 'fazhi-annual-report', year: 2024, sectionCount: 2, hasTitle: true });
    // another document has its own facts
    expect(factsOf(text('一、工作\n开展工作。'))).not.toBe(facts);
  });

  it('is the only cache keyed by the document: no other module of src/ keeps a WeakMap of documents', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) files.push(p);
      }
    };
    walk(path.join(ROOT, 'src'));
    const withWeakMap = files.filter((f) => /WeakMap<\s*(?:DocumentModel|Paragraph|Section|TextBlock)\b/.test(readFileSync(f, 'utf8'))).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
    expect(withWeakMap).toEqual(['src/document/facts/index.ts']);
  });
});

describe('Section.parentId', () => {
  it('is the enclosing section, null at the top level', () => {
    const doc = text('一、工作\n开展工作。\n(一)组织\n加强领导。\n1.学习\n开展学习。\n(二)制度\n完善制度。\n二、计划\n继续推进。');
    expect(doc.allSections.map((s) => [s.heading.title, s.parentId])).toEqual([
      ['工作', null], ['组织', 0], ['学习', 1], ['制度', 0], ['计划', null],
    ]);
    for (const s of doc.allSections) for (const c of s.children) expect(c.parentId).toBe(s.id);
  });
});

describe('textIndexOf', () => {
  it('inverts sourceOffset and sourceEndOffset in plain text', () => {
    const doc = text('一、工作\n开展工作16次。');
    const p = doc.paragraphs[0]!;
    for (let i = 0; i < p.text.length; i++) {
      expect(textIndexOf(p, sourceOffset(p, i))).toBe(i);
      expect(textIndexOf(p, sourceEndOffset(p, i + 1), true)).toBe(i + 1);
    }
  });

  it('inverts them across Markdown syntax, and gives -1 inside it or outside the block', async () => {
    await loadMarkdownSupport();
    const doc = parseDocument('## 一、工作\n\n开展**专项**工作。\n', { filename: 'a.md' });
    const p = doc.paragraphs[0]!;
    expect(p.text).toBe('开展专项工作。');
    for (let i = 0; i < p.text.length; i++) {
      expect(textIndexOf(p, sourceOffset(p, i))).toBe(i);
      expect(textIndexOf(p, sourceEndOffset(p, i + 1), true)).toBe(i + 1);
    }
    const bold = doc.source.indexOf('**');
    expect(textIndexOf(p, bold + 1)).toBe(-1);
    expect(textIndexOf(p, 0)).toBe(-1);
    expect(textIndexOf(p, doc.source.length + 5)).toBe(-1);
  });
});

describe('lastAtOrBefore', () => {
  it('finds the last key at or before a value, -1 before them all', () => {
    const keys = [0, 3, 3, 7, 10];
    const at = (v: number) => lastAtOrBefore(keys, v, (k) => k);
    expect([-1, 0, 2, 3, 6, 7, 9, 10, 99].map(at)).toEqual([-1, 0, 0, 2, 2, 3, 3, 4, 4]);
    expect(lastAtOrBefore([], 5, () => 0)).toBe(-1);
  });
});

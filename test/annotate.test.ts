// --annotate (issue 16): the reviewed copy of a Word draft, checked part by part with checks of
// its own (test/annotate-check.ts) and read back with the reader (mammoth). LibreOffice's reading
// of it: test/annotate-libreoffice.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { charHunks, pairParagraphs } from '../src/annotate/char-diff.js';
import { annotateDocx, annotateDocxReport } from '../src/annotate/docx.js';
import { lintFiles } from '../src/engine/lint-files.js';
import { copyPaths } from '../src/annotate/copies.js';
import { readDocxBytes, type DocxSource } from '../src/input/docx.js';
import { acceptAll, anchoredText, part, rejectAllBy, wellFormedProblem, withPart, zipEntries } from './annotate-check.js';
import { EXISTING_COMMENT_TEXT, fixtureDocx, OTHER_AUTHOR } from './annotate-fixture.js';
import { buildDocx, GBT_LEVELS } from './docx-build.js';
import { CLI, ROOT, spawnCli, tempDir, type CliRun } from './cli-helpers.js';

interface JsonMessage { ruleId: string; message: string; severity: 1 | 2; line: number; column: number; endLine: number; endColumn: number }

/** Offset in the text of a paragraph/character place (columns are code points; the fixture is all BMP). */
function offsetOf(docx: DocxSource, line: number, column: number): number {
  return docx.paragraphs[line - 1]!.start + column - 1;
}

describe('--annotate on a Word draft', () => {
  let dir: string;
  let original: Buffer;
  let copy: Buffer;
  let run: CliRun;
  let plain: CliRun;
  let draft: DocxSource;
  let fixedByFix: string;
  let documentXml: string;

  beforeAll(async () => {
    dir = tempDir();
    original = await fixtureDocx();
    writeFileSync(path.join(dir, 'draft.docx'), original);
    plain = spawnCli(['--format', 'json', 'draft.docx'], { cwd: dir });
    run = spawnCli(['--annotate', '--format', 'json', 'draft.docx'], { cwd: dir, env: { REPORTLINT_LOCALE: undefined } });
    copy = readFileSync(path.join(dir, 'draft.reportlint.docx'));
    draft = await readDocxBytes(original, 'draft.docx');
    // the same draft as plain text, fixed by --fix
    writeFileSync(path.join(dir, 'draft.txt'), draft.text);
    spawnCli(['--fix', 'draft.txt'], { cwd: dir });
    fixedByFix = readFileSync(path.join(dir, 'draft.txt'), 'utf8');
    documentXml = await part(copy, 'word/document.xml');
  }, 60_000);

  it('prints the findings of a plain run with its exit code, says which copy it wrote, leaves the draft alone', () => {
    expect(run.status).toBe(plain.status);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(plain.stdout);
    expect(run.stderr).toMatch(/已写入审阅副本 draft\.reportlint\.docx（10 条批注，9 处修订）/);
    expect(readFileSync(path.join(dir, 'draft.docx')).equals(original)).toBe(true);
    expect(fixedByFix).not.toBe(draft.text);
  });

  it('writes well-formed parts with ids no other part uses', async () => {
    for (const name of ['word/document.xml', 'word/comments.xml', '[Content_Types].xml', 'word/_rels/document.xml.rels']) {
      expect(wellFormedProblem(await part(copy, name)), name).toBeNull();
    }
    const comments = await part(copy, 'word/comments.xml');
    const commentIds = [...comments.matchAll(/<w:comment w:id="(\d+)"/g)].map((m) => m[1]!);
    expect(new Set(commentIds).size).toBe(commentIds.length);
    for (const id of commentIds) {
      for (const marker of ['commentRangeStart', 'commentRangeEnd', 'commentReference']) {
        expect(documentXml.split(`<w:${marker} w:id="${id}"/>`).length - 1, `${marker} ${id}`).toBe(1);
      }
    }
    const changeIds = [...documentXml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]!);
    expect(changeIds.length).toBe(2 + 16);
    expect(new Set([...changeIds, ...commentIds]).size).toBe(changeIds.length + commentIds.length);
  });

  it('keeps every other part byte for byte, in order, with its compression', async () => {
    const before = zipEntries(original);
    const after = zipEntries(copy);
    expect(after).toEqual(before);
    expect(after.find((e) => e.name === 'word/styles.xml')!.method).toBe(0);
    const a = await JSZip.loadAsync(original);
    const b = await JSZip.loadAsync(copy);
    for (const { name } of before) {
      if (name.endsWith('/') || name === 'word/document.xml' || name === 'word/comments.xml') continue;
      expect(Buffer.from(await b.file(name)!.async('uint8array')).equals(Buffer.from(await a.file(name)!.async('uint8array'))), name).toBe(true);
    }
    // the existing comment stays as it was, the new ones follow it
    const oldComments = await a.file('word/comments.xml')!.async('string');
    const newComments = await b.file('word/comments.xml')!.async('string');
    const keep = oldComments.slice(0, oldComments.lastIndexOf('</w:comments>'));
    expect(newComments.startsWith(keep)).toBe(true);
    expect(newComments).toContain(EXISTING_COMMENT_TEXT);
  });

  it('passes through what it does not annotate: the existing comment and tracked change, the table, the footnote reference', async () => {
    const old = await part(original, 'word/document.xml');
    for (const kept of [
      '<w:commentRangeStart w:id="0"/><w:r><w:t>严格规范公正文明执法</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>',
      `<w:ins w:id="5" w:author="${OTHER_AUTHOR}" w:date="2025-01-09T08:00:00Z"><w:r><w:t>行政</w:t></w:r></w:ins><w:del w:id="6" w:author="${OTHER_AUTHOR}" w:date="2025-01-09T08:00:00Z"><w:r><w:delText>旧的</w:delText></w:r></w:del>`,
      '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="1"/></w:r>',
    ]) {
      expect(old).toContain(kept);
      expect(documentXml).toContain(kept);
    }
    // outside the paragraphs, nothing changed (tables, section properties); paragraphs without a finding are identical
    const paragraphs = (xml: string) => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p\b[^>]*\/>/g)!;
    const skeleton = (xml: string) => xml.replace(/<w:p>[\s\S]*?<\/w:p>|<w:p\b[^>]*\/>/g, '¶');
    expect(skeleton(documentXml)).toBe(skeleton(old));
    const oldP = paragraphs(old);
    const newP = paragraphs(documentXml);
    expect(newP.length).toBe(oldP.length);
    let untouched = 0;
    newP.forEach((p, k) => {
      if (!/reportlint|commentRange/.test(p.replace('<w:commentRangeStart w:id="0"/>', '').replace('<w:commentRangeEnd w:id="0"/>', ''))) {
        expect(p).toBe(oldP[k]);
        untouched++;
      }
    });
    expect(untouched).toBeGreaterThan(8);
  });

  it('anchors each finding\'s comment on exactly its text (a finding with no text of its own: its paragraph)', async () => {
    const found = (JSON.parse(run.stdout) as Array<{ messages: JsonMessage[] }>)[0]!.messages;
    const comments = await part(copy, 'word/comments.xml');
    const ours = [...comments.matchAll(/<w:comment w:id="(\d+)" w:author="reportlint"[^>]*>([\s\S]*?)<\/w:comment>/g)]
      .map((m) => ({ id: Number(m[1]), text: [...m[2]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('\n') }));
    for (const m of found) {
      const comment = ours.find((c) => c.text.startsWith(`${m.message}\n`) && c.text.includes(m.ruleId) && !('used' in c));
      expect(comment, m.message).toBeDefined();
      Object.assign(comment!, { used: true });
      const from = offsetOf(draft, m.line, m.column);
      const to = offsetOf(draft, m.endLine, m.endColumn);
      const p = draft.paragraphs[m.line - 1]!;
      const expected = to > from ? draft.text.slice(from, to) : draft.text.slice(p.start, p.end);
      expect(anchoredText(documentXml, comment!.id), m.message).toBe(expected);
      expect(comment!.text).toContain(m.severity === 2 ? '错误' : '警告');
    }
    expect(found.length).toBe(10);
    // the numbered heading's relative-time finding is on 下一年度 of its own text, not on Word's 四、
    expect(ours.some((c) => c.text.includes('下一年度') && anchoredText(documentXml, c.id) === '下一年度')).toBe(true);
    // the finding with a fix says it is a tracked change; the one about the whole draft says nothing of fixes
    expect(ours.filter((c) => c.text.includes('修复已写为修订')).length).toBe(9);
    expect(ours.length).toBe(10);
  });

  it('accepting every change gives exactly the text --fix gives; mammoth reads the copy as that text', async () => {
    const accepted = await readDocxBytes(await withPart(copy, 'word/document.xml', acceptAll(documentXml)), 'accepted.docx');
    expect(accepted.text).toBe(fixedByFix);
    // mammoth shows a document with its changes accepted
    const read = await readDocxBytes(copy, 'draft.reportlint.docx');
    expect(read.text).toBe(fixedByFix);
    expect(read.paragraphs.map((p) => [p.label ?? null, p.cell ?? null])).toEqual(draft.paragraphs.map((p) => [p.label ?? null, p.cell ?? null]));
  });

  it('rejecting reportlint\'s changes gives the draft back; split runs keep their formatting', async () => {
    const rejected = await readDocxBytes(await withPart(copy, 'word/document.xml', rejectAllBy(documentXml, 'reportlint')), 'rejected.docx');
    expect(rejected.text).toBe(draft.text);
    // the bold 提升 of 提升<b>提升</b> is deleted in bold
    expect(documentXml).toMatch(/<w:del w:id="\d+" w:author="reportlint" w:date="[0-9T:-]+Z"><w:r><w:rPr><w:b\/><\/w:rPr><w:delText>提升<\/w:delText><\/w:r><\/w:del>/);
    // the inserted full-width comma takes the formatting of the text it replaces
    expect(documentXml).toMatch(/<w:ins w:id="\d+" w:author="reportlint" w:date="[0-9T:-]+Z"><w:r><w:t xml:space="preserve">，<\/w:t><\/w:r><\/w:ins>/);
  });
});

describe('annotateDocx, the API', () => {
  it('gives the same copy for a draft read with or without its paragraphs mapped', async () => {
    const dir = tempDir();
    const bytes = await fixtureDocx();
    const file = path.join(dir, 'draft.docx');
    writeFileSync(file, bytes);
    const run = await lintFiles([{ path: file }], { cwd: dir, annotate: true });
    const outcome = run.files[0]!.outcome;
    if (outcome.kind !== 'linted' || !outcome.annotation) throw new Error('no annotation');
    const { fixes, fixedText, docx } = outcome.annotation;
    expect(docx.paragraphs.every((p) => p.xmlIndex !== undefined)).toBe(true);
    const date = new Date('2025-02-01T08:00:00Z');
    const common = { bytes, messages: fixes, fixedText, locale: 'en' as const, date };
    const fromMapped = await annotateDocx({ ...common, docx });
    const fromPlain = await annotateDocx({ ...common, docx: await readDocxBytes(bytes, file) });
    expect(fromPlain.equals(fromMapped)).toBe(true);
    const comments = await part(fromMapped, 'word/comments.xml');
    expect(comments).toContain('w:date="2025-02-01T08:00:00Z"');
    expect(comments).toContain('(reportlint · repeated-word · error)');
    expect(comments).toContain('The fix is written as a tracked change (author reportlint) to accept or reject.');
    await expect(annotateDocx({ ...common, docx: { ...(await readDocxBytes(bytes, file)), text: 'other' } })).rejects.toThrow(/not the text of these bytes/);
  });

  it('every Word fixture of the reader\'s tests: a well-formed copy that reads back (changes accepted) as the fixed text', async () => {
    const fixtures = path.join(ROOT, 'test', 'fixtures', 'docx');
    let changes = 0;
    for (const name of ['halfwidth.docx', 'ordinals.docx', 'styled.docx']) {
      const file = path.join(fixtures, name);
      const outcome = (await lintFiles([{ path: file }], { cwd: fixtures, annotate: true })).files[0]!.outcome;
      if (outcome.kind !== 'linted' || !outcome.annotation) throw new Error(name);
      const { fixes, ...annotation } = outcome.annotation;
      const report = await annotateDocxReport({ ...annotation, messages: fixes, locale: 'zh' });
      expect(wellFormedProblem(await part(report.bytes, 'word/document.xml')), name).toBeNull();
      expect(report.notWritten, name).toBe(0);
      expect((await readDocxBytes(report.bytes, name)).text, name).toBe(annotation.fixedText);
      changes += report.changes;
    }
    expect(changes).toBeGreaterThan(10);
  });

  it('a fixed text with another number of paragraphs: the paragraphs around the break still change, the rest is said to be left', async () => {
    const bytes = await buildDocx(['2024年工作总结', '第一段提升提升水平。', '第二段', '第三段', '第四段,结束。']);
    const docx = await readDocxBytes(bytes, 'a.docx', { mapParagraphs: true });
    // a fix that joined paragraphs 2 and 3 (none of reportlint's does today), and one in paragraph 5
    const fixedText = ['2024年工作总结', '第一段提升水平。第二段', '第三段', '第四段，结束。'].join('\n');
    const report = await annotateDocxReport({ bytes, docx, messages: [], fixedText, locale: 'zh', date: new Date('2025-02-01T08:00:00Z') });
    const xml = await part(report.bytes, 'word/document.xml');
    expect(wellFormedProblem(xml)).toBeNull();
    expect(report.changes).toBe(1);
    expect(report.notWritten).toBe(1);
    expect(await part(report.bytes, 'word/comments.xml')).toContain('修复增删了段落分隔（第2–3段），未写为修订，请手工修改。');
    const accepted = await readDocxBytes(await withPart(report.bytes, 'word/document.xml', acceptAll(xml)), 'b.docx');
    expect(accepted.text).toBe(['2024年工作总结', '第一段提升提升水平。', '第二段', '第三段', '第四段，结束。'].join('\n'));
  });
});

describe('findings with no text of their own', () => {
  it('on Word\'s automatic number: the comment covers the heading and says so; about the whole draft: on the title', async () => {
    const dir = tempDir();
    // 一、 then 三、: Word numbers the second list from 3
    writeFileSync(path.join(dir, 'a.docx'), await buildDocx(['2024年某局法治政府建设年度报告', { text: '主要举措', num: { numId: 1, ilvl: 0 } }, '正文。', { text: '存在不足', num: { numId: 2, ilvl: 0 } }, '正文二。'], {
      numbering: { abstractNums: [{ id: 0, levels: GBT_LEVELS }], nums: [{ numId: 1, abstractNumId: 0 }, { numId: 2, abstractNumId: 0, startOverride: { 0: 3 } }] },
    }));
    expect(spawnCli(['--annotate', 'a.docx'], { cwd: dir }).status).toBe(1);
    const copy = readFileSync(path.join(dir, 'a.reportlint.docx'));
    const xml = await part(copy, 'word/document.xml');
    const comments = [...(await part(copy, 'word/comments.xml')).matchAll(/<w:comment w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map((m) => ({ id: Number(m[1]), text: m[2]! }));
    const gap = comments.find((c) => c.text.includes('序号不连续'))!;
    expect(gap.text).toContain('此问题在 Word 自动编号「三、」上，批注放在该段。');
    expect(anchoredText(xml, gap.id)).toBe('存在不足');
    const missing = comments.filter((c) => c.text.includes('required-sections') && c.text.includes('缺少「'));
    expect(missing.length).toBeGreaterThan(0);
    for (const c of missing) {
      expect(c.text).toContain('此问题关乎全文，批注放在第一段（标题）上。');
      expect(anchoredText(xml, c.id)).toBe('2024年某局法治政府建设年度报告');
    }
  });
});

describe('paragraphs it cannot map or write into', () => {
  it('a symbol character: the comment covers the paragraph; a field result: the fix is left to the writer, and said so', async () => {
    const dir = tempDir();
    const docx = await buildDocx([
      '2024年某某局工作总结',
      { xml: '<w:p><w:r><w:t>完成率达到</w:t></w:r><w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:t>,全面提升提升服务水平。</w:t></w:r></w:p>' },
      { xml: '<w:p><w:r><w:t>见附件</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DOCPROPERTY 名称 </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>加强加强管理</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>。</w:t></w:r></w:p>' },
    ]);
    writeFileSync(path.join(dir, 'a.docx'), docx);
    const r = spawnCli(['--annotate', 'a.docx'], { cwd: dir });
    expect(r.status, r.stderr).toBe(1);
    const copy = readFileSync(path.join(dir, 'a.reportlint.docx'));
    const xml = await part(copy, 'word/document.xml');
    expect(wellFormedProblem(xml)).toBeNull();
    const comments = await part(copy, 'word/comments.xml');
    expect(wellFormedProblem(comments)).toBeNull();
    const ids = [...comments.matchAll(/<w:comment w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map((m) => ({ id: Number(m[1]), text: m[2]! }));
    const original = await readDocxBytes(docx, 'a.docx');
    const symParagraph = original.text.split('\n')[1]!;
    const onSym = ids.filter((c) => c.text.includes('无法逐字定位'));
    expect(onSym.length).toBeGreaterThan(0);
    for (const c of onSym) expect(anchoredText(xml, c.id)).toBe(symParagraph.replace(/[^\u4e00-\u9fff，。,]/g, ''));
    const inField = ids.filter((c) => c.text.includes('加强加强'));
    expect(inField.length).toBe(1);
    expect(inField[0]!.text).toContain('修复未写为修订');
    expect(anchoredText(xml, inField[0]!.id)).toBe('加强加强');
    // nothing written into either paragraph
    expect(xml).not.toMatch(/<w:(?:ins|del) [^>]*reportlint/);
    // a draft without comments gets the part, its content type and its relationship
    expect(await part(copy, '[Content_Types].xml')).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    expect(await part(copy, 'word/_rels/document.xml.rels')).toMatch(/<Relationship Id="rId\d+" Type="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/comments" Target="comments\.xml"\/>/);
    expect(r.stderr).toMatch(/0 处修订，\d+ 处修复需手工处理/);
  });
});

describe('hyperlinks', () => {
  it('a fix inside a hyperlink is written there, in the link\'s formatting; a doubled word over its edge loses the copy inside it', async () => {
    const dir = tempDir();
    const docx = await buildDocx([
      '2024年某局工作总结',
      { xml: '<w:p><w:r><w:t>详见</w:t></w:r><w:hyperlink w:anchor="x"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>本局网站,政务公开栏目</w:t></w:r></w:hyperlink><w:r><w:t>。</w:t></w:r></w:p>' },
      { xml: '<w:p><w:r><w:t>我们要加强</w:t></w:r><w:hyperlink w:anchor="y"><w:r><w:t>加强制度建设</w:t></w:r></w:hyperlink><w:r><w:t>。</w:t></w:r></w:p>' },
    ]);
    writeFileSync(path.join(dir, 'a.docx'), docx);
    const r = spawnCli(['--annotate', 'a.docx'], { cwd: dir });
    expect(r.status, r.stderr).toBe(1);
    const copy = readFileSync(path.join(dir, 'a.reportlint.docx'));
    const xml = await part(copy, 'word/document.xml');
    expect(wellFormedProblem(xml)).toBeNull();
    // the comma inside the link, replaced inside it, underlined as the link's text is
    expect(xml).toMatch(/<w:hyperlink w:anchor="x">.*<w:del [^>]*w:author="reportlint"[^>]*><w:r><w:rPr><w:u w:val="single"\/><\/w:rPr><w:delText xml:space="preserve">,<\/w:delText><\/w:r><\/w:del><w:ins [^>]*w:author="reportlint"[^>]*><w:r><w:rPr><w:u w:val="single"\/><\/w:rPr><w:t xml:space="preserve">，<\/w:t><\/w:r><\/w:ins>.*<\/w:hyperlink>/);
    expect(xml).toMatch(/<w:hyperlink w:anchor="y"><w:del [^>]*w:author="reportlint"[^>]*><w:r><w:delText xml:space="preserve">加强<\/w:delText><\/w:r><\/w:del>/);
    // the comment on 加强加强 starts before the link and ends in it
    const comments = [...(await part(copy, 'word/comments.xml')).matchAll(/<w:comment w:id="(\d+)"[^>]*>([\s\S]*?)<\/w:comment>/g)];
    expect(anchoredText(xml, Number(comments.find((c) => c[2]!.includes('加强加强'))![1]))).toBe('加强加强');
    const original = await readDocxBytes(docx, 'a.docx');
    const accepted = await readDocxBytes(await withPart(copy, 'word/document.xml', acceptAll(xml)), 'b.docx');
    expect(accepted.text).toBe(original.text.replace('网站,政务', '网站，政务').replace('加强加强', '加强'));
    expect(r.stderr).toMatch(/（2 条批注，2 处修订）/);
  });
});

describe('the command line', () => {
  it('--annotate-dir: one folder of copies, two drafts of one name both kept; a folder run does not review copies again', async () => {
    const dir = tempDir();
    const body = await fixtureDocx();
    mkdirSync(path.join(dir, 'drafts', 'a'), { recursive: true });
    mkdirSync(path.join(dir, 'drafts', 'b'), { recursive: true });
    writeFileSync(path.join(dir, 'drafts', 'a', '报告.docx'), body);
    writeFileSync(path.join(dir, 'drafts', 'b', '报告.docx'), body);
    const r = spawnCli(['--annotate-dir', 'out', 'drafts'], { cwd: dir });
    expect(r.status, r.stderr).toBe(1);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['报告-2.reportlint.docx', '报告.reportlint.docx']);
    // beside the drafts, twice: the second run leaves the copies of the first alone
    expect(spawnCli(['--annotate', 'drafts'], { cwd: dir }).status).toBe(1);
    const second = spawnCli(['--annotate', '--format', 'json', 'drafts'], { cwd: dir });
    expect((JSON.parse(second.stdout) as unknown[]).length).toBe(2);
    expect(readdirSync(path.join(dir, 'drafts', 'a')).sort()).toEqual(['报告.docx', '报告.reportlint.docx']);
  }, 60_000);

  it('never writes over an input; refuses what makes no sense with one line and exit 2', async () => {
    const dir = tempDir();
    const body = await fixtureDocx();
    writeFileSync(path.join(dir, 'a.docx'), body);
    writeFileSync(path.join(dir, 'a.reportlint.docx'), 'not touched');
    const r = spawnCli(['--annotate', 'a.docx', 'a.reportlint.docx'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(path.join(dir, 'a.reportlint.docx'), 'utf8')).toBe('not touched');
    for (const [flags, word] of [[['--fix'], '--fix'], [['--fix-dry-run'], '--fix-dry-run'], [['--baseline-write'], '--baseline-write']] as const) {
      const bad = spawnCli(['--annotate', ...flags, 'a.docx', '--locale', 'en'], { cwd: dir });
      expect(bad.status, word).toBe(2);
      expect(bad.stderr).toBe(`reportlint: --annotate cannot be combined with ${word} (the reviewed copy holds the fixes as tracked changes; drafts are never changed)\n`);
    }
    const stdin = spawnCli(['--annotate', '--stdin'], { cwd: dir, input: '草稿' });
    expect(stdin.status).toBe(2);
    writeFileSync(path.join(dir, 'file'), '');
    const notDir = spawnCli(['--annotate-dir', 'file', 'a.docx'], { cwd: dir });
    expect(notDir.status).toBe(2);
    expect(notDir.stderr).toMatch(/--annotate-dir file 已存在且不是文件夹/);
    expect(existsSync(path.join(dir, 'a.reportlint.reportlint.docx'))).toBe(false);
  }, 60_000);

  it('a text draft is linted as usual and said to get no copy', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), '# 2024年工作总结\n\n我们提升提升了服务。\n');
    const r = spawnCli(['--annotate', 'a.md'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/a\.md: 只有 \.docx 草稿会写出审阅副本/);
    expect(readdirSync(dir)).toEqual(['a.md']);
  });

  it('copy names: beside each draft, numbered when two would meet', () => {
    expect([...copyPaths(['/x/a.docx', '/y/a.DOCX', '/x/b.docx'], '/out').values()]).toEqual(['/out/a.reportlint.docx', '/out/a-2.reportlint.docx', '/out/b.reportlint.docx']);
    expect([...copyPaths(['/x/a.docx', '/y/a.docx'], null).values()]).toEqual(['/x/a.reportlint.docx', '/y/a.reportlint.docx']);
  });

  it('a run without --annotate does not load the writer of the copy: it is a file of its own (dist/annotate.cjs), required on demand', async () => {
    const SEED = path.join(ROOT, 'seeds', '000_123d78033956bda4.txt');
    /** the files a run of the CLI loaded, as Node's module debug log names them */
    const loaded = (args: string[], cwd: string): string[] => {
      const run = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'module' }, timeout: 30_000 });
      return [...run.stderr.matchAll(/load "([^"]+)" for module/g)].map((m) => path.basename(m[1]!));
    };
    const dist = path.join(ROOT, 'dist');
    expect(readFileSync(path.join(dist, 'cli-bundle.cjs'), 'utf8')).not.toContain('commentRangeStart');
    expect(readFileSync(path.join(dist, 'annotate.cjs'), 'utf8')).toContain('commentRangeStart');
    expect(loaded([SEED, '--format', 'json'], ROOT)).not.toContain('annotate.cjs');
    // the test is not blind: --annotate loads it
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.docx'), await buildDocx(['一、总体情况', '我们提升提升了水平。']));
    expect(loaded(['--annotate', 'a.docx'], dir)).toContain('annotate.cjs');
  });
});

describe('charHunks', () => {
  it('gives the fewest smallest changes, in UTF-16 offsets', () => {
    expect(charHunks('提升提升水平,推进', '提升水平，推进')).toEqual([{ from: 2, to: 4, text: '' }, { from: 6, to: 7, text: '，' }]);
    expect(charHunks('今年完成', '2024年完成')).toEqual([{ from: 0, to: 1, text: '2024' }]);
    expect(charHunks('a𠀀b,c', 'a𠀀b，c')).toEqual([{ from: 4, to: 5, text: '，' }]);
    expect(charHunks('', 'ab')).toEqual([{ from: 0, to: 0, text: 'ab' }]);
    expect(charHunks('强(基层),部分', '强（基层），部分')).toEqual([{ from: 1, to: 2, text: '（' }, { from: 4, to: 5, text: '）' }, { from: 5, to: 6, text: '，' }]);
    expect(charHunks('same', 'same')).toEqual([]);
    expect(pairParagraphs(['t', 'a', 'b', 'c', 'd,'], ['t', 'ab', 'c', 'd，'])).toEqual({ pairs: [[0, 't'], [3, 'c'], [4, 'd，']], unpaired: [{ first: 1, last: 2 }] });
  });
});

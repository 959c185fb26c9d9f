/**
 * The reviewed copy (--annotate) as LibreOffice reads it: Debian's /usr/bin/soffice, headless.
 * It converts the copy to .odt (its comments and tracked changes read out of content.xml), and a
 * Basic macro saves it back as .docx unchanged and again with every change accepted
 * (.uno:AcceptAllTrackedChanges), both read back with reportlint's reader. Two seed reports
 * saved as .docx by LibreOffice (its own XML, not the tests') are annotated too. In CI (CI set) a
 * missing soffice fails the run — .ci/run installs libreoffice-writer-nogui; elsewhere the tests
 * are skipped with a message. Three soffice starts in all (the first also makes the fresh profile
 * the macro is put in).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocxBytes, type DocxSource } from '../src/input/docx.js';
import { acceptAll, anchoredText, part, wellFormedProblem, withPart } from './annotate-check.js';
import { EXISTING_COMMENT_TEXT, fixtureDocx, OTHER_AUTHOR } from './annotate-fixture.js';
import { ROOT, spawnCli, tempDir } from './cli-helpers.js';

const SOFFICE = '/usr/bin/soffice';
const IN_CI = Boolean(process.env['CI']) && !/^(?:false|0)$/i.test(process.env['CI']!);
const HAVE_SOFFICE = existsSync(SOFFICE);
if (!HAVE_SOFFICE && !IN_CI) {
  console.warn(`annotate-libreoffice.test.ts: skipped, ${SOFFICE} is missing (apt-get install libreoffice-writer-nogui); in CI this fails`);
}

// saves the document as .docx with every tracked change accepted, then (opened again: in this
// LibreOffice the dispatch crashes after a store) as .docx as it is
const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Review(inUrl As String, roundTripUrl As String, acceptedUrl As String)
  Dim loadArgs(0) As New com.sun.star.beans.PropertyValue
  loadArgs(0).Name = &quot;Hidden&quot;
  loadArgs(0).Value = True
  Dim saveArgs(0) As New com.sun.star.beans.PropertyValue
  saveArgs(0).Name = &quot;FilterName&quot;
  saveArgs(0).Value = &quot;MS Word 2007 XML&quot;
  Dim noArgs()
  Dim doc As Object
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, loadArgs())
  createUnoService(&quot;com.sun.star.frame.DispatchHelper&quot;).executeDispatch(doc.getCurrentController().getFrame(), &quot;.uno:AcceptAllTrackedChanges&quot;, &quot;&quot;, 0, noArgs())
  doc.storeToURL(acceptedUrl, saveArgs())
  doc.close(True)
  doc = StarDesktop.loadComponentFromURL(inUrl, &quot;_blank&quot;, 0, loadArgs())
  doc.storeToURL(roundTripUrl, saveArgs())
  doc.close(True)
End Sub
</script:module>
`;

/** seed reports, converted to .docx by LibreOffice, annotated, accepted */
const SEEDS = ['000_123d78033956bda4', '003_fdb2e5dd79f7ab48'];

/** The text `reportlint --fix` makes of `text` as a .txt draft. */
async function fixAsText(dir: string, name: string, text: string): Promise<string> {
  const file = path.join(dir, `${name}.fixed.txt`);
  writeFileSync(file, text);
  spawnCli(['--fix', path.basename(file)], { cwd: dir });
  return readFileSync(file, 'utf8');
}

function soffice(profile: string, args: string[]): void {
  const r = spawnSync(SOFFICE, [`-env:UserInstallation=file://${profile}`, '--headless', ...args], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`soffice ${args.join(' ')}: ${r.status} ${r.stderr}`);
}

/** Text of an XML fragment with its markup removed (ODF spaces <text:s/> as one space). */
function plain(xml: string): string {
  return xml.replace(/<text:s\/>/g, ' ').replace(/<text:tab\/>/g, '\t').replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

describe.skipIf(!HAVE_SOFFICE && !IN_CI)('the reviewed copy in LibreOffice', () => {
  let dir: string;
  let copyXml: string;
  let ourComments: Array<{ id: number; text: string }>;
  let content: string;
  let roundTrip: Buffer;
  let accepted: Buffer;
  let fixedByFix: string;
  let draft: DocxSource;

  beforeAll(async () => {
    dir = tempDir();
    const profile = path.join(dir, 'profile');
    const out = path.join(dir, 'out');
    mkdirSync(out);
    // start 1: seed reports as LibreOffice writes them into .docx (it also makes the profile)
    for (const seed of SEEDS) writeFileSync(path.join(dir, `${seed}.txt`), readFileSync(path.join(ROOT, 'seeds', `${seed}.txt`)));
    soffice(profile, ['--infilter=Text (encoded):UTF8', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, ...SEEDS.map((seed) => path.join(dir, `${seed}.txt`))]);

    const original = await fixtureDocx();
    writeFileSync(path.join(dir, 'draft.docx'), original);
    const run = spawnCli(['--annotate', 'draft.docx', ...SEEDS.map((seed) => `${seed}.docx`)], { cwd: dir });
    if (run.status !== 1) throw new Error(run.stderr);
    const copy = readFileSync(path.join(dir, 'draft.reportlint.docx'));
    copyXml = await part(copy, 'word/document.xml');
    ourComments = [...(await part(copy, 'word/comments.xml')).matchAll(/<w:comment w:id="(\d+)" w:author="reportlint"[^>]*>([\s\S]*?)<\/w:comment>/g)]
      .map((m) => ({ id: Number(m[1]), text: plain(m[2]!.replace(/<\/w:p>/g, '\n')).trim() }));
    draft = await readDocxBytes(original, 'draft.docx');
    fixedByFix = await fixAsText(dir, 'draft', draft.text);

    // start 2: every copy to .odt
    soffice(profile, ['--convert-to', 'odt', '--outdir', out, ...['draft', ...SEEDS].map((name) => path.join(dir, `${name}.reportlint.docx`))]);
    // start 3: the draft's copy accepted, and saved back (the first start made the profile: its
    // Standard library's Module1 becomes the macro)
    const module = path.join(profile, 'user', 'basic', 'Standard', 'Module1.xba');
    if (!existsSync(module)) throw new Error(`no ${module} in the new LibreOffice profile`);
    writeFileSync(module, MACRO);
    const url = (file: string) => `"file://${file}"`;
    soffice(profile, [`macro:///Standard.Module1.Review(${[path.join(dir, 'draft.reportlint.docx'), path.join(out, 'draft.round-trip.docx'), path.join(out, 'draft.accepted.docx')].map(url).join(',')})`]);
    content = await (await JSZip.loadAsync(readFileSync(path.join(out, 'draft.reportlint.odt')))).file('content.xml')!.async('string');
    roundTrip = readFileSync(path.join(out, 'draft.round-trip.docx'));
    accepted = readFileSync(path.join(out, 'draft.accepted.docx'));
  }, 300_000);

  it('opens the copy (.odt): every comment with its text by reportlint, anchored around its text; the existing comment too', () => {
    const annotations = [...content.matchAll(/<office:annotation(?=[\s>])([^>]*)>([\s\S]*?)<\/office:annotation>/g)].map((m) => ({
      name: /office:name="([^"]*)"/.exec(m[1]!)?.[1] ?? null,
      author: /<dc:creator>([^<]*)<\/dc:creator>/.exec(m[2]!)?.[1] ?? null,
      text: plain(m[2]!.replace(/<dc:creator>[\s\S]*?<\/dc:creator>|<dc:date>[\s\S]*?<\/dc:date>|<meta:creator-initials>[\s\S]*?<\/meta:creator-initials>/g, '').replace(/<\/text:p>/g, '\n')).trim(),
      at: m.index!,
      end: m.index! + m[0].length,
    }));
    expect(annotations.length).toBe(ourComments.length + 1);
    expect(annotations.some((a) => a.author === '李四' && a.text === EXISTING_COMMENT_TEXT)).toBe(true);
    let nonEmpty = 0;
    for (const c of ourComments) {
      const a = annotations.find((x) => x.author === 'reportlint' && x.text === c.text);
      expect(a, c.text).toBeDefined();
      // the text between the comment and its end, as LibreOffice shows it: deleted text is kept
      // apart (text:tracked-changes), inserted text is in the body
      const end = content.indexOf(`<office:annotation-end office:name="${a!.name}"/>`, a!.end);
      // (a comment on text that is all deleted spans nothing once the deletion is hidden)
      expect(end, c.text).toBeGreaterThanOrEqual(a!.end);
      const between = plain(content.slice(a!.end, end).replace(/<text:note\b[\s\S]*?<\/text:note>/g, ''));
      expect(between, c.text).toBe(anchoredText(copyXml, c.id, 'accepted'));
      if (between !== '') nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThanOrEqual(ourComments.length - 2);
  });

  it('keeps every change: reportlint\'s, and the other author\'s insertion and deletion', () => {
    const regions = [...content.matchAll(/<text:changed-region\b[\s\S]*?<\/text:changed-region>/g)].map((m) => m[0]);
    const ours = regions.filter((r) => r.includes('<dc:creator>reportlint</dc:creator>'));
    const changesInCopy = [...copyXml.matchAll(/<w:(ins|del) w:id="\d+" w:author="reportlint"/g)].length;
    expect(ours.length).toBe(changesInCopy);
    expect(ours.filter((r) => r.includes('<text:deletion>')).length).toBe([...copyXml.matchAll(/<w:del w:id="\d+" w:author="reportlint"/g)].length);
    const theirs = regions.filter((r) => r.includes(`<dc:creator>${OTHER_AUTHOR}</dc:creator>`));
    expect(theirs.some((r) => r.includes('<text:insertion>'))).toBe(true);
    expect(theirs.some((r) => r.includes('<text:deletion>') && plain(r).includes('旧的'))).toBe(true);
  });

  it('saved back as .docx by LibreOffice, the comments and changes are still there and the reader reads it', async () => {
    const xml = await part(roundTrip, 'word/document.xml');
    const comments = await part(roundTrip, 'word/comments.xml');
    expect([...comments.matchAll(/<w:comment\b[^>]*w:author="reportlint"/g)].length).toBe(ourComments.length);
    expect(comments).toContain(EXISTING_COMMENT_TEXT);
    expect([...xml.matchAll(/<w:(?:ins|del)\b[^>]*w:author="reportlint"/g)].length).toBeGreaterThan(0);
    expect(xml).toMatch(new RegExp(`<w:del\\b[^>]*w:author="${OTHER_AUTHOR}"`));
    expect((await readDocxBytes(roundTrip, 'round-trip.docx')).text).toBe(fixedByFix);
  });

  it('accepting every change in LibreOffice gives exactly the text --fix gives', async () => {
    const read = await readDocxBytes(accepted, 'accepted.docx');
    expect(read.text).toBe(fixedByFix);
    expect(read.paragraphs.map((p) => p.label ?? null)).toEqual(draft.paragraphs.map((p) => p.label ?? null));
    expect(await part(accepted, 'word/document.xml')).not.toMatch(/<w:(?:ins|del)\b/);
  });

  it('seed reports written by LibreOffice as .docx: every finding a comment LibreOffice shows, and accepting all gives the --fix text', async () => {
    for (const seed of SEEDS) {
      const copy = readFileSync(path.join(dir, `${seed}.reportlint.docx`));
      const xml = await part(copy, 'word/document.xml');
      expect(wellFormedProblem(xml), seed).toBeNull();
      const source = await readDocxBytes(readFileSync(path.join(dir, `${seed}.docx`)), `${seed}.docx`);
      const fixed = await fixAsText(dir, seed, source.text);
      expect(fixed, seed).not.toBe(source.text);
      const ours = await readDocxBytes(await withPart(copy, 'word/document.xml', acceptAll(xml)), 'accepted.docx');
      expect(ours.text, seed).toBe(fixed);
      const odt = await (await JSZip.loadAsync(readFileSync(path.join(dir, 'out', `${seed}.reportlint.odt`)))).file('content.xml')!.async('string');
      const comments = [...(await part(copy, 'word/comments.xml')).matchAll(/<w:comment\b/g)].length;
      expect(comments, seed).toBeGreaterThan(3);
      expect([...odt.matchAll(/<office:annotation(?=[\s>])/g)].length, seed).toBe(comments);
      expect([...odt.matchAll(/<dc:creator>reportlint<\/dc:creator>/g)].length, seed).toBeGreaterThan(comments);
    }
  });
});

/**
 * The API and the CLI run one engine (src/engine/lint-files.ts): the same text with the same
 * config gives the same findings from `lintText` as from `reportlint` on a file holding it,
 * suppression comments, last year's report and a config's overrides included. The CLI is run
 * in-process through main(io), with the json format.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.js';
import { lintFiles, lintText } from '../src/index.js';
import type { LintMessage } from '../src/engine/lint.js';
import { tempDir, text } from './cli-helpers.js';

type Finding = Pick<LintMessage, 'ruleId' | 'severity' | 'message' | 'line' | 'column' | 'endLine' | 'endColumn'>;
const shape = (messages: readonly Finding[]): Finding[] =>
  messages.map(({ ruleId, severity, message, line, column, endLine, endColumn }) => ({ ruleId, severity, message, line, column, endLine, endColumn }));

async function runCli(args: string[], cwd: string): Promise<{ code: number; results: Array<{ filePath: string; messages: Finding[] }> }> {
  let stdout = '';
  const code = await main({
    argv: ['--format', 'json', '--concurrency', 'off', ...args],
    cwd,
    env: { NO_COLOR: '1' },
    stdout: { write: (s: string | Uint8Array) => (stdout += text(s)) },
    stderr: { write: () => true },
    readStdin: async () => '',
  });
  return { code, results: JSON.parse(stdout) as Array<{ filePath: string; messages: Finding[] }> };
}

/** Write `files` into a fresh folder; lint `name` with both and return both findings. */
async function both(files: Record<string, string>, name: string, cliArgs: string[] = [], apiOptions: Parameters<typeof lintText>[1] = {}) {
  const dir = tempDir();
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  const file = path.join(dir, name);
  const cli = await runCli([...cliArgs, name], dir);
  const api = await lintText(files[name]!, { filename: file, cwd: dir, ...apiOptions });
  return { cli: shape(cli.results[0]!.messages), api: shape(api.messages), code: cli.code, apiResult: api };
}

const DOUBLED = '我局持续提升提升依法行政水平。';

describe('lintText and the CLI give the same findings', () => {
  it('a reportlint-disable-line comment: neither reports the doubled word (the review’s example)', async () => {
    const text = `${DOUBLED}<!-- reportlint-disable-line repeated-word -->\n`;
    const { cli, api, code } = await both({ 'a.md': text }, 'a.md');
    expect(api).toEqual(cli);
    expect(api.filter((m) => m.ruleId === 'repeated-word')).toEqual([]);
    expect(code).toBe(0);
  });

  it('disable-next-line and a block: only the findings outside them are reported, by both', async () => {
    const text = [
      '一、总体情况',
      '<!-- reportlint-disable-next-line repeated-word -->',
      DOUBLED,
      DOUBLED,
      '<!-- reportlint-disable -->',
      '加强加强管理。',
      '<!-- reportlint-enable -->',
      '落实落实责任。',
      '',
    ].join('\n');
    const { cli, api } = await both({ 'a.txt': text }, 'a.txt');
    expect(api).toEqual(cli);
    expect(api.filter((m) => m.ruleId === 'repeated-word').map((m) => m.line)).toEqual([4, 8]);
  });

  it('--report-unused-disable-directives and its API option', async () => {
    const text = `${DOUBLED}\n<!-- reportlint-disable-line stray-space -->\n`;
    const { cli, api } = await both({ 'a.md': text }, 'a.md', ['--report-unused-disable-directives'], { reportUnusedDisableDirectives: true });
    expect(api).toEqual(cli);
    expect(api.map((m) => m.ruleId)).toContain('unused-disable-directive');
  });

  it('the nearest config, with overrides and a locale', async () => {
    const config = JSON.stringify({ locale: 'en', rules: { 'repeated-word': 'warn' }, overrides: [{ files: ['*.md'], rules: { 'repeated-word': 'off' } }] });
    const text = `一、总体情况\n${DOUBLED}今年我局加强加强管理。\n`;
    const txt = await both({ '.reportlintrc.json': config, 'a.txt': text }, 'a.txt');
    expect(txt.api).toEqual(txt.cli);
    expect(txt.api.find((m) => m.ruleId === 'repeated-word')).toMatchObject({ severity: 1 });
    expect(txt.api.some((m) => /[a-z]{4}/.test(m.message))).toBe(true);
    const md = await both({ '.reportlintrc.json': config, 'a.md': text }, 'a.md');
    expect(md.api).toEqual(md.cli);
    expect(md.api.some((m) => m.ruleId === 'repeated-word')).toBe(false);
  });

  it('last year’s report: --previous and the previous option', async () => {
    const last = [
      '某区卫生健康局2023年法治政府建设年度报告',
      '一、2023年推进法治政府建设的主要举措和成效',
      '全年办理行政处罚案件215件。',
      '二、存在的不足和原因',
      '一是卫生监督执法力量不足。执法人员需负责全区1074家社会医疗机构的监督执法。',
      '二是医疗卫生法律法规滞后。相关法律法规的处罚力度不够。',
      '三、2024年推进法治政府建设的主要安排',
      '',
    ].join('\n');
    const draft = [
      '某区卫生健康局2024年法治政府建设年度报告',
      '一、2024年推进法治政府建设的主要举措和成效',
      '全年办理行政处罚案件190件。',
      '二、2023年法治建设不足整改情况及2024年存在的不足',
      '2023年法治政府建设不足整改情况：为提高公立医院法治建设规范化水平，调研医院开展法治建设情况。',
      '三、2025年推进法治政府建设的主要安排',
      '',
    ].join('\n');
    const { cli, api } = await both({ 'last.txt': last, 'draft.txt': draft }, 'draft.txt', ['--previous', 'last.txt'], { previous: 'last.txt' });
    expect(api).toEqual(cli);
    expect(api.filter((m) => m.ruleId === 'previous-shortcomings').map((m) => `${m.line}:${m.column}`)).toEqual(['4:1', '4:1']);
  });

  it('lintFiles gives what the CLI gives, file by file', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), `${DOUBLED}<!-- reportlint-disable-line repeated-word -->\n落实落实责任。\n`);
    writeFileSync(path.join(dir, 'b.txt'), `一、总体情况\n${DOUBLED}\n`);
    const cli = await runCli(['.'], dir);
    const api = await lintFiles(['.'], { cwd: dir });
    expect(api.map((r) => path.basename(r.filePath))).toEqual(cli.results.map((r) => path.basename(r.filePath)));
    expect(api.map((r) => shape(r.messages))).toEqual(cli.results.map((r) => shape(r.messages)));
    expect(api.map((r) => r.inputKind)).toEqual(['markdown', 'text']);
  });
});

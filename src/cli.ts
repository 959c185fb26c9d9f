#!/usr/bin/env node
/**
 * reportlint command line: read → parse → run rules → format.
 * Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, config or input error.
 * Everything not needed by a plain run (Markdown parser, cosmiconfig, ajv, glob matching)
 * is imported only when a run needs it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config, RuleSetting } from './config/index.js';
import { defaultConfig, loadConfig, parseSeverity } from './config/index.js';
import { activeRulesFor } from './config/resolve.js';
import { ConfigError, UsageError } from './errors.js';
import type { LintResult } from './lint.js';
import { lintDocument, RuleCrashError, summarize } from './lint.js';
import { formatOf, loadMarkdownSupport, parseDocument } from './parse/index.js';
import { InputError, readSourceFile } from './read.js';
import type { Locale, Rule } from './rule.js';
import type { DocumentModel } from './model.js';
import { documentFacts } from './packs/facts.js';
import { collectFiles } from './files.js';
import { FORMAT_NAMES, formatResults, isFormatName } from './formatters/index.js';

const OPTIONS = {
  config: { type: 'string', short: 'c' },
  format: { type: 'string', short: 'f' },
  'output-file': { type: 'string', short: 'o' },
  quiet: { type: 'boolean' },
  'max-warnings': { type: 'string' },
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  rule: { type: 'string', multiple: true },
  previous: { type: 'string' },
  locale: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;


export interface CliIO {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown };
  readStdin(): Promise<string>;
}

export async function main(io: CliIO): Promise<number> {
  try {
    return await run(io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof InputError) {
      io.stderr.write(`reportlint: ${error.message}\n`);
      return 2;
    }
    if (error instanceof RuleCrashError) {
      io.stderr.write(`reportlint: ${error.message}\n  (this is a bug in reportlint; please report it with the file that caused it)\n`);
      return 2;
    }
    io.stderr.write(`reportlint: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    if (io.env['REPORTLINT_DEBUG'] && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    return 2;
  }
}

async function run(io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: io.argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} (see reportlint --help)`);
  }
  const { values, positionals } = parsed;
  const localeArg = values.locale ?? io.env['REPORTLINT_LOCALE'];
  if (localeArg !== undefined && localeArg !== 'zh' && localeArg !== 'en') {
    throw new UsageError(`--locale must be zh or en, not "${localeArg}"`);
  }
  if (values.help) {
    io.stdout.write(helpText((localeArg as Locale | undefined) ?? 'zh', (await defaultConfig(io.cwd)).ruleSet.rules));
    return 0;
  }
  if (values.version) {
    io.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  const format = values.format ?? 'stylish';
  if (!isFormatName(format)) throw new UsageError(`unknown --format "${values.format}"; choose one of: ${FORMAT_NAMES.join(', ')}`);
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError('--max-warnings takes a whole number ≥ 0');
  }
  const cliRules = parseRuleFlags(values.rule ?? []);
  if (values.stdin && positionals.length) throw new UsageError('give either --stdin or files, not both');
  if (!values.stdin && positionals.length === 0) throw new UsageError('no files given (reportlint draft.md, or see reportlint --help)');

  // inputs: files found on disk, or one text from stdin
  const inputs: Array<{ path: string; text?: string }> = [];
  const inputErrors: string[] = [];
  if (values.stdin) {
    inputs.push({ path: path.resolve(io.cwd, values['stdin-filename'] ?? '<stdin>'), text: await io.readStdin() });
  } else {
    const collected = await collectFiles(positionals, io.cwd);
    inputs.push(...collected.files.map((f) => ({ path: f })));
    inputErrors.push(...collected.errors);
  }

  const configs = new Map<string, Config>();
  const explicitConfig = values.config;
  const configFor = async (file: string): Promise<Config> => {
    const key = explicitConfig ? '<explicit>' : path.dirname(file);
    let config = configs.get(key);
    if (!config) {
      config = await loadConfig({ forFile: file, explicitPath: explicitConfig, cwd: io.cwd });
      // --rule may name any rule the config knows, pack rules included
      for (const id of Object.keys(cliRules)) {
        if (!config.ruleSet.rules.some((r) => r.meta.id === id)) throw new UsageError(`--rule: unknown rule "${id}" (reportlint --help lists the rules)`);
      }
      configs.set(key, config);
    }
    return config;
  };
  // a broken --config is reported once, before any file
  if (explicitConfig) await configFor(io.cwd);

  // last year's report: --previous names one file; `previous` in config may name one per year
  const previousDocs = new Map<string, DocumentModel | null>();
  const previousFor = async (document: DocumentModel, config: Config): Promise<DocumentModel | null> => {
    let file: string;
    if (values.previous) file = path.resolve(io.cwd, values.previous);
    else if (config.previous) {
      const year = documentFacts(document).year;
      if (config.previous.includes('{year}') && year === null) return null;
      file = path.resolve(config.dir, config.previous.replaceAll('{year}', String((year ?? 0) - 1)));
      // a pattern that names no existing file (the first year, a gap) means: no previous report
      if (!existsSync(file)) return null;
    } else return null;
    if (file === path.resolve(document.filename)) return null;
    if (!previousDocs.has(file)) {
      const source = readSourceFile(file);
      if (formatOf(file) === 'markdown') await loadMarkdownSupport();
      previousDocs.set(file, source.text.trim() ? parseDocument(source.text, { filename: file }) : null);
    }
    return previousDocs.get(file)!;
  };
  if (values.previous) readSourceFile(path.resolve(io.cwd, values.previous));

  let locale: Locale = (localeArg as Locale | undefined) ?? 'zh';
  const results: LintResult[] = [];
  // the decoded texts, for formats that show the draft (html) or need offsets (sarif fixes)
  const sources: Record<string, string> = {};
  for (const input of inputs) {
    let text: string;
    if (input.text !== undefined) text = input.text.replace(/^\uFEFF/, '');
    else {
      try {
        text = readSourceFile(input.path).text;
      } catch (error) {
        if (error instanceof InputError) {
          inputErrors.push(error.message);
          continue;
        }
        throw error;
      }
    }
    const shown = path.relative(io.cwd, input.path) || input.path;
    if (text.trim().length === 0) {
      inputErrors.push(`文件为空: ${shown} / empty file, nothing to check`);
      continue;
    }
    const config = await configFor(input.path);
    if (!localeArg && config.locale) locale = config.locale;
    const active = await activeRulesFor(input.path, config, cliRules);
    if (formatOf(input.path) === 'markdown') await loadMarkdownSupport();
    sources[input.path] = text;
    const document = parseDocument(text, { filename: input.path });
    const previous = await previousFor(document, config);
    let messages = lintDocument(document, active, locale, previous);
    if (values.quiet) messages = messages.filter((m) => m.severity === 2);
    results.push(summarize(input.path, messages));
  }

  for (const e of inputErrors) io.stderr.write(`reportlint: ${e}\n`);
  if (results.length === 0 && inputErrors.length) return 2;

  const color = !values['no-color'] && !('NO_COLOR' in io.env) && (values.color === true || io.env['FORCE_COLOR'] !== undefined || io.stdout.isTTY === true);
  const rulesMeta = Object.fromEntries([...configs.values()].flatMap((c) => c.ruleSet.rules).map((r) => [r.meta.id, r.meta]));
  const output = await formatResults(format, results, { color, locale, cwd: io.cwd, rulesMeta, sources });
  if (values['output-file']) {
    const { writeFileSync } = await import('node:fs');
    try {
      writeFileSync(path.resolve(io.cwd, values['output-file']), output);
    } catch (error) {
      throw new UsageError(`cannot write --output-file ${values['output-file']}: ${(error as Error).message}`);
    }
  } else io.stdout.write(output);

  if (inputErrors.length) return 2;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`reportlint: ${warnings} warnings exceed --max-warnings ${maxWarnings}\n`);
    return 1;
  }
  return 0;
}

/** --rule repeated-word:warn  (also id:off, id:error, id:0/1/2) */
function parseRuleFlags(flags: string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const m = /^\s*([a-z][a-z0-9-]*)\s*:\s*(\S+)\s*$/.exec(flag);
    const severity = m ? parseSeverity(m[2]!) : undefined;
    if (!m || severity === undefined) throw new UsageError(`--rule takes id:severity, e.g. --rule repeated-word:warn (got "${flag}")`);
    out[m[1]!] = { severity, options: {} };
  }
  return out;
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function helpText(locale: Locale, ruleList: readonly Rule[]): string {
  const rules = ruleList.map((r) => `  ${r.meta.id.padEnd(20)} ${r.meta.description[locale]}`).join('\n');
  if (locale === 'en') {
    return `Usage: reportlint [options] <files|dirs|globs...>

Checks drafts of Chinese government annual reports (.md, .txt) and prints located findings.

Options:
  -c, --config <path>        use this config file instead of searching for .reportlintrc.json
  -f, --format <name>        output format: ${FORMAT_NAMES.join(', ')} (default: stylish)
  -o, --output-file <path>   write the report to a file
      --quiet                report errors only
      --max-warnings <n>     exit 1 when there are more than n warnings
      --rule <id:severity>   set a rule's severity, e.g. --rule repeated-word:warn (repeatable)
      --previous <file>      last year's report, to check that its shortcomings were answered
      --stdin                read the text from standard input
      --stdin-filename <f>   file name for the stdin text (format, config lookup)
      --locale <zh|en>       language of the messages (default zh)
      --no-color             no colours (also NO_COLOR=1)
  -h, --help                 show this help
  -v, --version              print the version

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 usage, config or input error.

Rules:
${rules}
`;
  }
  return `用法: reportlint [选项] <文件|目录|通配符...>

检查法治政府建设年度报告等公文草稿（.md、.txt），逐条给出文件、行、列、规则和说明。

选项:
  -c, --config <路径>        使用指定配置文件（默认自文件所在目录向上查找 .reportlintrc.json）
  -f, --format <格式>        输出格式: ${FORMAT_NAMES.join(', ')}（默认 stylish）
  -o, --output-file <路径>   将结果写入文件
      --quiet                只报告错误
      --max-warnings <n>     警告多于 n 条时以 1 退出
      --rule <规则:级别>     设置规则级别，如 --rule repeated-word:warn（可重复）
      --previous <文件>      上一年度报告，用于核对其所列不足是否已整改
      --stdin                从标准输入读取文本
      --stdin-filename <f>   标准输入文本的文件名（决定格式和配置）
      --locale <zh|en>       提示语言（默认 zh）
      --no-color             不使用颜色（亦可设 NO_COLOR=1）
  -h, --help                 显示本帮助
  -v, --version              显示版本

退出码: 0 无错误；1 有错误（或警告超过 --max-warnings）；2 用法、配置或输入错误。

规则:
${rules}
`;
}

// Run when executed directly (not when imported by tests).
const invokedAs = process.argv[1] ? path.resolve(process.argv[1]) : '';
const self = new URL(import.meta.url).pathname;
if (invokedAs && (invokedAs === self || statSafe(invokedAs) === statSafe(self))) {
  main({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      const { decodeBuffer } = await import('./read.js');
      return decodeBuffer(Buffer.concat(chunks), '<stdin>').text;
    },
  }).then((code) => {
    process.exitCode = code;
  });
}

function statSafe(p: string): string {
  try {
    const s = statSync(p);
    return `${s.dev}:${s.ino}`;
  } catch {
    return p;
  }
}

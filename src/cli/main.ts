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
import type { Config, RuleSetting } from '../config/index.js';
import { defaultConfig, loadConfig, parseSeverity } from '../config/index.js';
import { activeRulesFor, type ActiveRule } from '../config/resolve.js';
import { ConfigError, textIn, UsageError } from '../errors.js';
import { MSG, usageLocale } from '../messages.js';
import type { LintMessage, LintResult } from '../engine/lint.js';
import { RuleCrashError, summarize } from '../engine/lint.js';
import { lintFileOnce, readInput, textLinter, type FileOutcome, type FileTask } from '../engine/lint-file.js';
import { lintInParallel, threadCount, workersAvailable, type WorkerSetup } from '../engine/parallel.js';
import { PreviousReports } from '../engine/previous.js';
import { InputError, type SourceFile } from '../input/read.js';
import type { Locale, Rule } from '../rule.js';
import { collectFiles } from '../input/files.js';
import { FORMAT_NAMES, formatResults, isFormatName } from '../formatters/index.js';
import { packageFile } from '../paths.js';

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
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  baseline: { type: 'string' },
  'baseline-write': { type: 'boolean' },
  'no-ignore': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
  cache: { type: 'boolean' },
  concurrency: { type: 'string' },
  'cache-location': { type: 'string' },
  'list-rules': { type: 'boolean' },
  'print-config': { type: 'string' },
  'explain-report': { type: 'string' },
  init: { type: 'boolean' },
  explain: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;


export interface CliIO {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: { write(s: string): unknown; isTTY?: boolean };
  stderr: { write(s: string): unknown; isTTY?: boolean; columns?: number };
  readStdin(): Promise<string>;
}

export async function main(io: CliIO): Promise<number> {
  try {
    return await run(io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof InputError) {
      io.stderr.write(`reportlint: ${textIn(error, usageLocale(io.argv, io.env))}\n`);
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
    throw new UsageError(MSG.seeHelp(argumentProblem(error as Error & { code?: string })));
  }
  const { values, positionals } = parsed;
  const localeArg = values.locale ?? io.env['REPORTLINT_LOCALE'];
  if (localeArg !== undefined && localeArg !== 'zh' && localeArg !== 'en') {
    throw new UsageError(MSG.badLocale(localeArg));
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
  if (!isFormatName(format)) throw new UsageError(MSG.unknownFormat(format, FORMAT_NAMES));
  let maxWarnings = -1;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(MSG.maxWarnings());
  }
  const cliRules = parseRuleFlags(values.rule ?? []);
  const concurrency = values.concurrency ?? 'auto';
  if (concurrency !== 'auto' && concurrency !== 'off' && !/^[1-9]\d{0,2}$/.test(concurrency)) {
    throw new UsageError(MSG.concurrency(concurrency));
  }
  const explicitConfig = values.config;

  // commands that describe rather than lint
  if (values.init) {
    const { writeStarterConfig, INIT_FILE } = await import('./init.js');
    if (positionals.length) {
      // a draft named beside --init is never what the starter config is written over
      const { InputFiles } = await import('./write-guard.js');
      new InputFiles(positionals.map((p) => path.resolve(io.cwd, p)), io.cwd).refuseWriting(path.join(io.cwd, INIT_FILE), '--init');
    }
    const config = await defaultConfig(io.cwd);
    const file = writeStarterConfig(io.cwd, config.ruleSet.rules, config.ruleSet.enabled);
    io.stdout.write(`${(localeArg ?? 'zh') === 'en' ? 'wrote' : '已写入'} ${path.relative(io.cwd, file)}\n`);
    return 0;
  }
  if (values['list-rules'] || values.explain !== undefined) {
    const config = await loadConfig({ explicitPath: explicitConfig, cwd: io.cwd });
    const locale = (localeArg as Locale | undefined) ?? config.locale ?? 'zh';
    const info = await import('./info.js');
    io.stdout.write(values.explain !== undefined
      ? info.explainRule(values.explain, config.ruleSet.rules, locale)
      : info.listRules(config, locale, format === 'json'));
    return 0;
  }
  if (values['print-config'] !== undefined) {
    const file = path.resolve(io.cwd, values['print-config']);
    const config = await loadConfig({ forFile: file, explicitPath: explicitConfig, cwd: io.cwd });
    checkRuleFlags(cliRules, config);
    const ignored = values['no-ignore'] ? false : await (await ignoreCheckerFor(io.cwd, async () => config))(file);
    const { printConfig } = await import('./info.js');
    io.stdout.write(await printConfig(file, config, cliRules, io.cwd, ignored));
    return 0;
  }
  if (values['explain-report'] !== undefined) {
    const file = path.resolve(io.cwd, values['explain-report']);
    const config = await loadConfig({ forFile: file, explicitPath: explicitConfig, cwd: io.cwd });
    const locale = (localeArg as Locale | undefined) ?? config.locale ?? 'zh';
    const { explainReportOf } = await import('./info.js');
    io.stdout.write(await explainReportOf(file, config, io.cwd, locale, format === 'json'));
    return 0;
  }

  const fixing = values.fix === true || values['fix-dry-run'] === true;
  const dryRun = values['fix-dry-run'] === true;
  if (values.fix && dryRun) throw new UsageError(MSG.fixAndDryRun());
  if (values.stdin && positionals.length) throw new UsageError(MSG.stdinAndFiles());
  if (!values.stdin && positionals.length === 0) throw new UsageError(MSG.noFiles());

  const configs = new Map<string, Config>();
  const configFor = async (file: string): Promise<Config> => {
    const key = explicitConfig ? '<explicit>' : path.dirname(file);
    let config = configs.get(key);
    if (!config) {
      config = await loadConfig({ forFile: file, explicitPath: explicitConfig, cwd: io.cwd });
      checkRuleFlags(cliRules, config);
      configs.set(key, config);
    }
    return config;
  };
  // a broken --config is reported once, before any file
  if (explicitConfig) await configFor(io.cwd);
  const isIgnored = values['no-ignore'] ? null : await ignoreCheckerFor(io.cwd, configFor);

  // inputs: files found on disk, or one text from stdin
  const inputs: Array<{ path: string; text?: string }> = [];
  const inputErrors: string[] = [];
  let stdinIgnored = false;
  if (values.stdin) {
    const file = path.resolve(io.cwd, values['stdin-filename'] ?? '<stdin>');
    inputs.push({ path: file, text: await io.readStdin() });
    stdinIgnored = values['stdin-filename'] !== undefined && isIgnored !== null && (await isIgnored(file));
  } else {
    const collected = await collectFiles(positionals, io.cwd, isIgnored ? { isIgnored } : {});
    inputs.push(...collected.files.map((f) => ({ path: f })));
    inputErrors.push(...collected.errors);
  }

  // nothing reportlint writes may be one of the files it reads (src/write-guard.ts)
  const baselineFile = path.resolve(io.cwd, values.baseline ?? 'reportlint-baseline.json');
  const cacheMod = values.cache ? await import('./cache.js') : null;
  const cacheFile = cacheMod ? cacheMod.cachePath(io.cwd, values['cache-location']) : null;
  if (values['output-file'] || cacheFile || values.baseline !== undefined || values['baseline-write'] || values.previous !== undefined) {
    const { InputFiles } = await import('./write-guard.js');
    const inputFiles = new InputFiles([
      ...inputs.filter((i) => i.text === undefined).map((i) => i.path),
      // an editor's --stdin-filename names the file the text came from
      ...(values['stdin-filename'] !== undefined ? [inputs[0]!.path] : []),
    ], io.cwd);
    if (values['output-file']) inputFiles.refuseWriting(path.resolve(io.cwd, values['output-file']), '-o/--output-file');
    if (cacheFile) inputFiles.refuseWriting(cacheFile, values['cache-location'] !== undefined ? '--cache-location' : '--cache');
    if (values.baseline !== undefined || values['baseline-write']) inputFiles.refuseWriting(baselineFile, '--baseline');
    if (values.previous !== undefined) inputFiles.refusePrevious(path.resolve(io.cwd, values.previous));
  }

  // last year's report: --previous names one file; `previous` in config may name one per year
  const previous = new PreviousReports(io.cwd, values.previous);
  await previous.checkFlag();

  // the optional workflows, each loaded only when asked for
  const fixer = fixing ? { ...(await import('../engine/fix.js')), ...(await import('./diff.js')) } : null;
  const reportUnused = values['report-unused-disable-directives'] === true;
  const baselineMod = values.baseline !== undefined || values['baseline-write'] || existsSync(baselineFile) ? await import('./baseline.js') : null;
  const baseline = baselineMod && !values['baseline-write'] ? baselineMod.readBaseline(baselineFile) : null;
  if (values.baseline !== undefined && !values['baseline-write'] && !baseline) {
    throw new UsageError(MSG.baselineMissing(values.baseline));
  }
  const cache = cacheMod && cacheFile ? new cacheMod.LintCache(cacheFile, packageVersion()) : null;
  let progress: import('./progress.js').Progress | null = null;
  if (io.env['REPORTLINT_PROGRESS'] === '1' || (inputs.length > 1 && io.stderr.isTTY && io.stdout.isTTY)) {
    const p = await import('./progress.js');
    if (p.wantsProgress(io.env, io.stdout, io.stderr, inputs.length)) progress = new p.Progress(io.stderr, inputs.length);
  }

  let locale: Locale = (localeArg as Locale | undefined) ?? 'zh';
  const results: LintResult[] = [];
  /** every finding of each file (after suppression comments, before --quiet and the baseline) */
  const fullResults: LintResult[] = [];
  // the decoded texts, for formats that show the draft (html) or need offsets (sarif fixes)
  const sources: Record<string, string> = {};
  const diffs: string[] = [];
  const fixedOutputs = new Map<string, string>();
  let stdinText: string | null = null;
  const shownPath = (file: string): string => path.relative(io.cwd, file) || file;
  /** a file's findings, as reported (after the baseline and --quiet) and in full */
  const record = (file: string, messages: LintMessage[]): void => {
    fullResults.push(summarize(file, messages));
    let result = summarize(file, messages);
    if (baseline && baselineMod) result = baselineMod.applyBaseline(result, baseline, baselineFile).result;
    if (values.quiet) result = summarize(file, result.messages.filter((m) => m.severity === 2));
    results.push(result);
  };
  const emptyFileError = (file: string): string => `文件为空: ${shownPath(file)} / empty file, nothing to check`;

  // a plain run over many files: worker threads share them (src/parallel.ts)
  let outcomes: FileOutcome[] | null = null;
  if (!fixer && !cache && !values.stdin && inputs.length > 1 && concurrency !== 'off' && workersAvailable()) {
    const totalBytes = concurrency === 'auto' ? inputs.reduce((n, input) => n + sizeOf(input.path), 0) : 0;
    const threads = threadCount(concurrency, inputs.length, totalBytes);
    if (threads > 1) {
      // configs are loaded (and checked) here, in file order, which also fixes each file's locale
      const tasks: FileTask[] = [];
      for (const input of inputs) {
        const config = await configFor(input.path);
        if (!localeArg && config.locale) locale = config.locale;
        tasks.push({ file: input.path, locale });
      }
      const keepText = format === 'html' || format === 'sarif';
      const setup: WorkerSetup = { cwd: io.cwd, explicitConfig, cliRules, previousFlag: values.previous, reportUnused, keepText };
      outcomes = await lintInParallel(tasks, threads, setup, (task) => lintFileOnce(task, {
        configFor,
        activeRulesFor: (file, config) => activeRulesFor(file, config, cliRules),
        previous,
        reportUnused,
        keepText,
      }), (count, file) => progress?.update(count, shownPath(file)));
    }
  }

  for (const [index, input] of inputs.entries()) {
    const outcome = outcomes?.[index];
    if (outcome) {
      if (outcome.kind === 'unreadable') inputErrors.push(outcome.message);
      else if (outcome.kind === 'empty') inputErrors.push(emptyFileError(input.path));
      else {
        if (outcome.text !== undefined) sources[input.path] = outcome.text;
        record(input.path, outcome.messages);
      }
      continue;
    }
    const shown = shownPath(input.path);
    progress?.update(index + 1, shown);
    let text: string;
    let source: SourceFile | null = null;
    let docx: import('../input/docx.js').DocxSource | null = null;
    if (input.text !== undefined) text = input.text.replace(/^\uFEFF/, '');
    else {
      try {
        ({ text, source, docx } = await readInput(input.path));
      } catch (error) {
        if (error instanceof InputError) {
          inputErrors.push(error.message);
          continue;
        }
        throw error;
      }
    }
    if (input.text !== undefined) stdinText = text;
    if (stdinIgnored) continue;
    if (text.trim().length === 0) {
      inputErrors.push(emptyFileError(input.path));
      continue;
    }
    const config = await configFor(input.path);
    if (!localeArg && config.locale) locale = config.locale;
    const active = await activeRulesFor(input.path, config, cliRules);
    sources[input.path] = text;

    let cacheKey: { content: string; settings: string } | null = null;
    if (cache && cacheMod && input.text === undefined) {
      // a .docx's heading styles are part of what is checked, not only its text
      cacheKey = { content: cacheMod.sha256(docx ? text + JSON.stringify(docx.paragraphs) : text), settings: settingsHash(cacheMod.sha256, active, config, reportUnused) };
      if (cache.isClean(input.path, cacheKey.content, cacheKey.settings)) {
        results.push(summarize(input.path, []));
        fullResults.push(summarize(input.path, []));
        continue;
      }
    }

    const linter = await textLinter({ file: input.path, docx, config, active, locale, previous, reportUnused });
    const lintText = (t: string): Promise<LintMessage[]> => linter.lint(t);

    let messages: LintMessage[];
    /** the text the findings are about, and the text the file holds after this run */
    let linted = text;
    let onDisk = text;
    if (fixer && /\.docx$/i.test(input.path)) {
      // a Word document is read, never written
      io.stderr.write(`reportlint: ${shown}: .docx 文件不会被改写，未修复 / Word documents are never rewritten; not fixed\n`);
      messages = await lintText(text);
    } else if (fixer) {
      const outcome = await fixer.fixText(text, lintText, {
        lineEnding: source?.lineEnding ?? 'none',
        // as ESLint: with --quiet only errors are fixed
        accept: values.quiet ? (m) => m.severity === 2 : undefined,
      });
      messages = outcome.messages;
      if (input.text !== undefined) stdinText = outcome.text;
      if (outcome.text !== text) {
        if (dryRun) {
          diffs.push(fixer.unifiedDiff(shown.split(path.sep).join('/'), text, outcome.text));
          fixedOutputs.set(input.path, outcome.text);
        } else if (source) {
          try {
            fixer.writeFileAtomic(input.path, outcome.text, source.encoding, shown);
            onDisk = outcome.text;
          } catch (error) {
            if (!(error instanceof InputError) && !(error as NodeJS.ErrnoException).code) throw error;
            inputErrors.push(error instanceof InputError ? error.message : `无法写回: ${shown} / cannot write the fixed file: ${(error as Error).message}`);
          }
        }
        if (onDisk === text && !dryRun && input.text === undefined) {
          // not written: report the file as it is
          messages = await lintText(text);
        } else {
          // the remaining findings' offsets are into the fixed text
          linted = outcome.text;
          sources[input.path] = outcome.text;
        }
      }
    } else {
      messages = await lintText(text);
    }

    if (cache && cacheKey && cacheMod) {
      // recorded as clean only for the text the file now holds
      if (messages.length === 0 && linted === onDisk) {
        if (onDisk !== text) cacheKey.content = cacheMod.sha256(onDisk);
        const prev = linter.previousFile;
        cache.markClean(input.path, cacheKey.content, cacheKey.settings, prev ? { file: prev, content: cacheMod.fileHash(prev) } : null);
      } else cache.forget(input.path);
    }
    record(input.path, messages);
  }
  progress?.clear();

  for (const e of inputErrors) io.stderr.write(`reportlint: ${e}\n`);
  const cacheError = cache?.save();
  if (cacheError) io.stderr.write(`reportlint: ${cacheError}\n`);

  if (values['baseline-write'] && baselineMod) {
    const previous = baselineMod.readBaseline(baselineFile);
    const updated = baselineMod.updatedBaseline(previous, baselineFile, fullResults);
    const { writeFileSync } = await import('node:fs');
    try {
      writeFileSync(baselineFile, baselineMod.baselineText(updated));
    } catch (error) {
      throw new UsageError(MSG.baselineUnwritable(baselineFile, (error as Error).message));
    }
    const findings = fullResults.reduce((n, r) => n + r.messages.length, 0);
    const withFindings = fullResults.filter((r) => r.messages.length).length;
    const shownBaseline = path.relative(io.cwd, baselineFile) || baselineFile;
    io.stdout.write(locale === 'zh'
      ? `已写入 ${shownBaseline}：${withFindings} 个文件中的 ${findings} 个问题记为基线\n`
      : `wrote ${shownBaseline}: ${findings} findings in ${withFindings} files recorded as the baseline\n`);
    return inputErrors.length ? 2 : 0;
  }

  // --fix with --stdin: the fixed text is the output; the report goes to -o or stderr
  const textToStdout = values.fix === true && values.stdin === true;
  if (textToStdout && stdinText !== null) io.stdout.write(stdinText);
  if (results.length === 0 && inputErrors.length) return 2;

  const color = !values['no-color'] && !('NO_COLOR' in io.env) && (values.color === true || io.env['FORCE_COLOR'] !== undefined || io.stdout.isTTY === true);
  const rulesMeta = Object.fromEntries([...configs.values()].flatMap((c) => c.ruleSet.rules).map((r) => [r.meta.id, r.meta]));
  let output = await formatResults(format, results, { color: color && !textToStdout, locale, cwd: io.cwd, rulesMeta, sources });
  if (dryRun && format === 'json') {
    // ESLint's shape: the fixed text as `output` on the results that a fix would change
    const parsedOutput = JSON.parse(output) as Array<Record<string, unknown>>;
    parsedOutput.forEach((entry, i) => {
      const fixed = fixedOutputs.get(results[i]!.filePath);
      if (fixed !== undefined) entry['output'] = fixed;
    });
    output = JSON.stringify(parsedOutput) + '\n';
  }
  // --fix-dry-run prints the diff on stdout; the report then goes to -o or stderr
  const reportToStderr = textToStdout || (dryRun && format !== 'json');
  if (dryRun && format !== 'json') io.stdout.write(diffs.join(''));
  if (values['output-file']) {
    const { writeFileSync } = await import('node:fs');
    try {
      writeFileSync(path.resolve(io.cwd, values['output-file']), output);
    } catch (error) {
      throw new UsageError(MSG.outputUnwritable(values['output-file'], (error as Error).message));
    }
  } else if (reportToStderr) io.stderr.write(output);
  else io.stdout.write(output);

  if (inputErrors.length) return 2;
  const errors = results.reduce((n, r) => n + r.errorCount, 0);
  const warnings = results.reduce((n, r) => n + r.warningCount, 0);
  if (errors > 0) return 1;
  if (maxWarnings >= 0 && warnings > maxWarnings) {
    io.stderr.write(`reportlint: ${MSG.tooManyWarnings(warnings, maxWarnings)[locale]}\n`);
    return 1;
  }
  return 0;
}

/** --rule may name any rule the config knows, pack rules included */
function checkRuleFlags(cliRules: Record<string, RuleSetting>, config: Config): void {
  for (const id of Object.keys(cliRules)) {
    if (!config.ruleSet.rules.some((r) => r.meta.id === id)) throw new UsageError(MSG.unknownRuleFlag(id));
  }
}

/**
 * Is a file ignored, by `.reportlintignore` in the working directory or by the `ignorePatterns`
 * of the config that applies to it? The matcher is loaded only when there are patterns.
 */
async function ignoreCheckerFor(cwd: string, configFor: (file: string) => Promise<Config>): Promise<(file: string) => Promise<boolean>> {
  const hasIgnoreFile = existsSync(path.join(cwd, '.reportlintignore'));
  let mod: typeof import('./ignore.js') | null = null;
  const load = async () => (mod ??= await import('./ignore.js'));
  const ignoreFile = hasIgnoreFile ? (await load()).readIgnoreFile(cwd) : null;
  return async (file: string) => {
    if (ignoreFile && mod && mod.isIgnoredBy(ignoreFile, file)) return true;
    const config = await configFor(file);
    if (config.ignorePatterns.length === 0) return false;
    return (await load()).isIgnoredBy({ dir: config.dir, patterns: config.ignorePatterns }, file);
  };
}

/** What decides a file's findings besides its text, for --cache. */
function settingsHash(sha256: (s: string | Uint8Array) => string, active: readonly ActiveRule[], config: Config, reportUnused: boolean): string {
  const packs = config.extends
    .filter((e) => !e.startsWith('reportlint:'))
    .map((e) => {
      try {
        return sha256(readFileSync(path.resolve(config.dir, e)));
      } catch {
        return null;
      }
    });
  return sha256(JSON.stringify({
    version: packageVersion(),
    rules: active.map((a) => [a.rule.meta.id, a.severity, a.options]),
    packs,
    // the config's reportType decides which content rules speak
    reportType: config.reportType ?? null,
    reportUnused,
  }));
}

/** What parseArgs found wrong, in both languages (its own message is English only). */
function argumentProblem(error: Error & { code?: string }): import('../messages.js').Localized {
  const firstLine = error.message.split('\n')[0]!;
  const option = /'([^']+)'/.exec(firstLine)?.[1];
  if (option && error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return MSG.unknownOption(option);
  if (option && error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (/argument missing/.test(firstLine)) return MSG.missingValue(option);
    if (/does not take an argument/.test(firstLine)) return MSG.takesNoValue(option);
  }
  return MSG.badArguments(firstLine);
}

/** --rule repeated-word:warn  (also id:off, id:error, id:0/1/2) */
function parseRuleFlags(flags: string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const flag of flags) {
    const m = /^\s*([a-z][a-z0-9-]*)\s*:\s*(\S+)\s*$/.exec(flag);
    const severity = m ? parseSeverity(m[2]!) : undefined;
    if (!m || severity === undefined) throw new UsageError(MSG.ruleFlagForm(flag));
    out[m[1]!] = { severity, options: {} };
  }
  return out;
}

let version: string | undefined;
function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string }).version;
  return version;
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
      --fix                  apply the rules' fixes to the files, then report what is left
      --fix-dry-run          print the fixes as a unified diff; change nothing
      --baseline-write       record today's findings in reportlint-baseline.json
      --baseline <path>      the baseline file (default reportlint-baseline.json, used when present)
      --no-ignore            also lint files that ignorePatterns or .reportlintignore name
      --report-unused-disable-directives
                             warn about reportlint-disable comments that suppress nothing
      --cache                skip files that were clean and have not changed (.reportlintcache)
      --cache-location <p>   where the cache is kept
      --concurrency <n>      threads for many files: auto (default), off, or a number
      --list-rules           list every rule: id, default severity, fixable, description
      --print-config <file>  print the settings that apply to a file
      --explain-report <file>
                             what kind of report the file is taken for (type, confidence,
                             report year N) and the evidence: why a content rule ran or not
      --explain <rule>       show a rule's documentation
      --init                 write a commented starter config (.reportlintrc.yaml)
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
      --fix                  自动修复可修复的问题并写回文件，再报告其余问题
      --fix-dry-run          以统一 diff 格式显示修复内容，不改动文件
      --baseline-write       将当前问题记为基线（reportlint-baseline.json）
      --baseline <路径>      基线文件（默认 reportlint-baseline.json，存在即使用）
      --no-ignore            也检查 ignorePatterns 或 .reportlintignore 排除的文件
      --report-unused-disable-directives
                             报告没有屏蔽任何问题的 reportlint-disable 注释
      --cache                跳过上次无问题且未改动的文件（.reportlintcache）
      --cache-location <路径> 缓存文件位置
      --concurrency <n>      多文件并行线程数：auto（默认）、off 或数字
      --list-rules           列出所有规则：编号、默认级别、可否修复、说明
      --print-config <文件>  显示对某个文件生效的配置
      --explain-report <文件>
                             显示该文件被认定的报告类型（及把握程度）、报告年度 N 和依据，
                             说明内容类规则为何运行或不运行
      --explain <规则>       显示规则说明
      --init                 生成带注释的配置文件（.reportlintrc.yaml）
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
      const { decodeBuffer } = await import('../input/read.js');
      return decodeBuffer(Buffer.concat(chunks), '<stdin>').text;
    },
  }).then((code) => {
    process.exitCode = code;
  });
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

function statSafe(p: string): string {
  try {
    const s = statSync(p);
    return `${s.dev}:${s.ino}`;
  } catch {
    return p;
  }
}

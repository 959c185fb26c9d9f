/**
 * reportlint command line: parse the options, answer --help/--version/--init/--list-rules/
 * --explain/--print-config, or collect the inputs, run the engine (src/engine/lint-files.ts),
 * write the baseline or the report, and return the exit code.
 * Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, config or input error.
 * Everything not needed by a plain run (Markdown parser, cosmiconfig, ajv, glob matching)
 * is imported only when a run needs it.
 */
import { closeSync, existsSync, mkdirSync, openSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Config } from '../config/index.js';
import { checkRuleFlags, ConfigsByFolder, defaultConfig, loadConfig } from '../engine/config.js';
import { withAnnotationFixes, type LintInput } from '../engine/lint-file.js';
import { lintFiles } from '../engine/lint-files.js';
import type { LintResult } from '../engine/lint.js';
import { PreviousReports } from '../engine/previous.js';
import { ConfigError, InputError, RuleCrashError, textIn, UsageError } from '../errors.js';
import { FORMAT_NAMES, formatResults, isFormatName } from '../formatters/index.js';
import { collectFiles } from '../input/files.js';
import { inputKindOf } from '../input/kind.js';
import { MSG, usageLocale, type Locale } from '../messages.js';
import { packageVersion } from '../paths.js';
import { argumentProblem, ignoreCheckerFor, OPTIONS, parseRuleFlags } from './options.js';

export interface CliIO {
  argv: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** the report comes as text, or (--format json) as UTF-8 bytes */
  stdout: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean };
  stderr: { write(chunk: string | Uint8Array): unknown; isTTY?: boolean; columns?: number };
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
  // the web app is a subcommand of its own, loaded only when asked for
  if (io.argv[0] === 'serve') return (await import('./serve.js')).serveCommand(io);
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
    const { helpText } = await import('./help.js');
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
  if (values['explain-report'] !== undefined) {
    const file = path.resolve(io.cwd, values['explain-report']);
    const config = await loadConfig({ forFile: file, explicitPath: explicitConfig, cwd: io.cwd });
    const locale = (localeArg as Locale | undefined) ?? config.locale ?? 'zh';
    const { explainReportOf } = await import('./info.js');
    io.stdout.write(await explainReportOf(file, config, io.cwd, locale, format === 'json'));
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

  const fixing = values.fix === true || values['fix-dry-run'] === true;
  const dryRun = values['fix-dry-run'] === true;
  if (values.fix && dryRun) throw new UsageError(MSG.fixAndDryRun());
  if (values.stdin && positionals.length) throw new UsageError(MSG.stdinAndFiles());
  if (!values.stdin && positionals.length === 0) throw new UsageError(MSG.noFiles());
  // --annotate: a reviewed copy of each .docx draft (src/annotate); --annotate-dir says where
  const annotating = values.annotate === true || values['annotate-dir'] !== undefined;
  if (annotating) {
    const clash = values.fix ? '--fix' : dryRun ? '--fix-dry-run' : values.stdin ? '--stdin' : values['baseline-write'] ? '--baseline-write' : null;
    if (clash) throw new UsageError(MSG.annotateWith(clash));
  }
  const annotateDir = values['annotate-dir'] !== undefined ? path.resolve(io.cwd, values['annotate-dir']) : null;
  if (annotateDir && existsSync(annotateDir) && !statSync(annotateDir).isDirectory()) throw new UsageError(MSG.annotateDirIsFile(values['annotate-dir']!));

  const configs = new ConfigsByFolder(io.cwd, explicitConfig, cliRules);
  const configFor = (file: string): Promise<Config> => configs.configFor(file);
  // a broken --config is reported once, before any file
  if (explicitConfig) await configFor(io.cwd);
  const isIgnored = values['no-ignore'] ? null : await ignoreCheckerFor(io.cwd, configFor);

  // inputs: files found on disk, or one text from stdin
  const inputs: LintInput[] = [];
  const inputErrors: string[] = [];
  if (values.stdin) {
    const file = path.resolve(io.cwd, values['stdin-filename'] ?? '<stdin>');
    const text = (await io.readStdin()).replace(/^\uFEFF/, '');
    inputs.push({ path: file, text, ignored: values['stdin-filename'] !== undefined && isIgnored !== null && (await isIgnored(file)) });
  } else {
    const collected = await collectFiles(positionals, io.cwd, isIgnored ? { isIgnored } : {});
    inputs.push(...collected.files.map((f) => ({ path: f })));
    inputErrors.push(...collected.errors);
  }
  let copies: Map<string, string> | null = null;
  if (annotating) {
    const annotate = await import('../annotate/copies.js');
    // a reviewed copy found in a folder is an output of an earlier run, not a draft; one named on the command line is read
    const named = new Set(positionals.map((p) => path.resolve(io.cwd, p)));
    for (let i = inputs.length - 1; i >= 0; i--) {
      if (annotate.isReviewedCopy(inputs[i]!.path) && !named.has(inputs[i]!.path)) inputs.splice(i, 1);
    }
    copies = annotate.copyPaths(inputs.map((i) => i.path).filter((f) => inputKindOf(f) === 'docx'), annotateDir);
  }

  // nothing reportlint writes may be one of the files it reads (src/cli/write-guard.ts)
  const baselineFile = path.resolve(io.cwd, values.baseline ?? 'reportlint-baseline.json');
  const cacheFile = values.cache ? (await import('../engine/cache.js')).cachePath(io.cwd, values['cache-location']) : null;
  if (values['output-file'] || cacheFile || values.baseline !== undefined || values['baseline-write'] || values.previous !== undefined || copies) {
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
    for (const target of copies?.values() ?? []) inputFiles.refuseWriting(target, values['annotate-dir'] !== undefined ? '--annotate-dir' : '--annotate');
  }

  // last year's report: --previous names one file; `previous` in config may name one per year
  const previous = new PreviousReports(io.cwd, values.previous);
  await previous.checkFlag();

  // the optional workflows, each loaded only when asked for
  const baselineMod = values.baseline !== undefined || values['baseline-write'] || existsSync(baselineFile) ? await import('../engine/baseline.js') : null;
  const baseline = baselineMod && !values['baseline-write'] ? baselineMod.readBaseline(baselineFile) : null;
  if (values.baseline !== undefined && !values['baseline-write'] && !baseline) {
    throw new UsageError(MSG.baselineMissing(values.baseline));
  }
  let progress: import('./progress.js').Progress | null = null;
  if (io.env['REPORTLINT_PROGRESS'] === '1' || (inputs.length > 1 && io.stderr.isTTY && io.stdout.isTTY)) {
    const p = await import('./progress.js');
    if (p.wantsProgress(io.env, io.stdout, io.stderr, inputs.length)) progress = new p.Progress(io.stderr, inputs.length);
  }
  const shownPath = (file: string): string => path.relative(io.cwd, file) || file;

  const run = await lintFiles(inputs, {
    cwd: io.cwd,
    explicitConfig,
    cliRules,
    configs,
    locale: localeArg as Locale | undefined,
    previous,
    post: { reportUnused: values['report-unused-disable-directives'] === true, baseline: baseline ? { data: baseline, file: baselineFile } : null, quiet: values.quiet === true },
    fix: fixing ? { dryRun } : null,
    annotate: annotating,
    cacheFile,
    concurrency,
    keepText: format === 'html' || format === 'sarif',
    onProgress: (count, file) => progress?.update(count, shownPath(file)),
    onNotice: (message) => io.stderr.write(`reportlint: ${message}\n`),
  });
  progress?.clear();
  const locale = run.locale;

  const results: LintResult[] = [];
  /** every finding of each file (after suppression comments, before the baseline and --quiet) */
  const fullResults: LintResult[] = [];
  // the decoded texts, for formats that show the draft (html) or need offsets (sarif fixes)
  const sources: Record<string, string> = {};
  const fixedOutputs = new Map<string, string>();
  const diffs: string[] = [];
  let stdinText: string | null = null;
  for (const { path: file, outcome, full, result } of run.files) {
    if (values.stdin && outcome.kind !== 'unreadable') stdinText = outcome.text ?? null;
    if (outcome.kind === 'unreadable') inputErrors.push(outcome.message);
    else if (outcome.kind === 'empty') inputErrors.push(`文件为空: ${shownPath(file)} / empty file, nothing to check`);
    else if (outcome.kind === 'linted' && full && result) {
      if (outcome.text !== undefined) sources[file] = outcome.text;
      if (outcome.writeError !== undefined) inputErrors.push(outcome.writeError);
      if (outcome.fixed) {
        const { unifiedDiff } = await import('./diff.js');
        diffs.push(unifiedDiff(shownPath(file).split(path.sep).join('/'), outcome.fixed.before, outcome.fixed.after));
        fixedOutputs.set(file, outcome.fixed.after);
      }
      fullResults.push(full);
      results.push(result);
    }
  }

  if (copies) {
    const written = await writeReviewedCopies(run.files, copies, annotateDir, locale, shownPath);
    inputErrors.push(...written.errors);
    for (const line of written.notes) io.stderr.write(`reportlint: ${line}\n`);
  }

  for (const e of inputErrors) io.stderr.write(`reportlint: ${e}\n`);
  if (run.cacheError) io.stderr.write(`reportlint: ${run.cacheError}\n`);

  if (values['baseline-write'] && baselineMod) {
    io.stdout.write(baselineMod.writeBaseline(baselineFile, fullResults, shownPath(baselineFile), locale));
    return inputErrors.length ? 2 : 0;
  }

  // --fix with --stdin: the fixed text is the output; the report goes to -o or stderr
  const textToStdout = values.fix === true && values.stdin === true;
  if (textToStdout && stdinText !== null) io.stdout.write(stdinText);
  if (results.length === 0 && inputErrors.length) return 2;

  const color = !values['no-color'] && !('NO_COLOR' in io.env) && (values.color === true || io.env['FORCE_COLOR'] !== undefined || io.stdout.isTTY === true);
  const rulesMeta = Object.fromEntries((await configs.loaded()).flatMap((c) => c.ruleSet.rules).map((r) => [r.meta.id, r.meta]));
  // the html report says which config each file was checked with
  const configFiles: Record<string, string | null> = {};
  if (format === 'html') for (const r of results) configFiles[r.filePath] = (await configs.configFor(r.filePath)).file;
  // json (not --fix-dry-run, which edits the parsed report) goes out in pieces: on a 10 MB draft
  // the report as one string and its Buffer copy were the run's peak memory
  let output: Iterable<string | Uint8Array>;
  if (format === 'json' && !dryRun) output = utf8Batches((await import('../formatters/json.js')).jsonChunks(results));
  else {
    let text = await formatResults(format, results, { color: color && !textToStdout, locale, cwd: io.cwd, rulesMeta, sources, configFiles, ...madeAt(io.env) });
    if (dryRun && format === 'json') {
      // ESLint's shape: the fixed text as `output` on the results that a fix would change
      const parsedOutput = JSON.parse(text) as Array<Record<string, unknown>>;
      parsedOutput.forEach((entry, i) => {
        const fixed = fixedOutputs.get(results[i]!.filePath);
        if (fixed !== undefined) entry['output'] = fixed;
      });
      text = JSON.stringify(parsedOutput) + '\n';
    }
    output = [text];
  }
  // --fix-dry-run prints the diff on stdout; the report then goes to -o or stderr
  const reportToStderr = textToStdout || (dryRun && format !== 'json');
  if (dryRun && format !== 'json') io.stdout.write(diffs.join(''));
  if (values['output-file']) {
    try {
      const fd = openSync(path.resolve(io.cwd, values['output-file']), 'w');
      try {
        for (const piece of output) {
          // writeSync may write part of a buffer; the rest follows
          const bytes = typeof piece === 'string' ? Buffer.from(piece) : piece;
          for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done);
        }
      } finally {
        closeSync(fd);
      }
    } catch (error) {
      throw new UsageError(MSG.outputUnwritable(values['output-file'], (error as Error).message));
    }
  } else {
    const stream = reportToStderr ? io.stderr : io.stdout;
    for (const piece of output) stream.write(piece);
  }

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

/** --annotate: write each .docx draft's reviewed copy; what was written (or not) as lines for the user. */
async function writeReviewedCopies(
  files: Awaited<ReturnType<typeof lintFiles>>['files'],
  copies: Map<string, string>,
  dir: string | null,
  locale: Locale,
  shownPath: (file: string) => string,
): Promise<{ notes: string[]; errors: string[] }> {
  const notes: string[] = [];
  const errors: string[] = [];
  const { annotateDocxReport } = await import('../annotate/docx.js');
  const { writeCopy } = await import('../annotate/copies.js');
  if (dir && [...copies.keys()].length) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      return { notes, errors: [`无法创建 --annotate-dir ${shownPath(dir)} / cannot create --annotate-dir ${shownPath(dir)}: ${(error as Error).message}`] };
    }
  }
  for (const { path: file, outcome, result } of files) {
    if (outcome.kind !== 'linted') continue;
    const target = copies.get(file);
    if (!target) {
      notes.push(locale === 'en' ? `${shownPath(file)}: only .docx drafts get a reviewed copy` : `${shownPath(file)}: 只有 .docx 草稿会写出审阅副本`);
      continue;
    }
    if (!outcome.annotation || !result) continue;
    try {
      const { fixes, ...annotation } = outcome.annotation;
      const copy = await annotateDocxReport({ ...annotation, messages: withAnnotationFixes(result.messages, fixes), locale });
      writeCopy(target, copy.bytes);
      const notWritten = copy.notWritten ? (locale === 'en' ? `, ${copy.notWritten} fixes left to do by hand` : `，${copy.notWritten} 处修复需手工处理`) : '';
      notes.push(locale === 'en'
        ? `wrote ${shownPath(target)} (${copy.comments} comments, ${copy.changes} tracked changes${notWritten})`
        : `已写入审阅副本 ${shownPath(target)}（${copy.comments} 条批注，${copy.changes} 处修订${notWritten}）`);
    } catch (error) {
      errors.push(`无法写出审阅副本 ${shownPath(target)} / cannot write the reviewed copy ${shownPath(target)}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return { notes, errors };
}


/** The size of the buffers utf8Batches fills. */
const BATCH_BYTES = 1 << 18;

/**
 * Small pieces encoded as UTF-8 into buffers of BATCH_BYTES, one write each: one write per piece
 * would be a system call per finding. Each buffer is new, so a stream that queues it keeps it
 * intact. Encoding each piece straight into the buffer is ~4× faster than joining the pieces into
 * a string and encoding that (the 21 MB report of bench/out/many-md: 267 → 68 ms, most of that
 * the pieces themselves).
 */
function* utf8Batches(pieces: Iterable<string>): Generator<Uint8Array> {
  let buffer = Buffer.allocUnsafe(BATCH_BYTES);
  let used = 0;
  for (const piece of pieces) {
    // a UTF-16 code unit is at most 3 bytes of UTF-8 (a surrogate pair is 4 for its two units)
    const most = piece.length * 3;
    if (used + most > BATCH_BYTES) {
      if (used > 0) {
        yield buffer.subarray(0, used);
        buffer = Buffer.allocUnsafe(BATCH_BYTES);
        used = 0;
      }
      if (most > BATCH_BYTES) {
        yield Buffer.from(piece);
        continue;
      }
    }
    used += buffer.write(piece, used);
  }
  if (used > 0) yield buffer.subarray(0, used);
}

/**
 * The time a report says it was made: SOURCE_DATE_EPOCH (seconds; the reproducible-builds
 * convention) when set, so two runs on the same drafts can give the same html; otherwise now.
 */
function madeAt(env: NodeJS.ProcessEnv): { now?: Date } {
  const epoch = env['SOURCE_DATE_EPOCH'];
  return epoch !== undefined && /^\d{1,12}$/.test(epoch) ? { now: new Date(Number(epoch) * 1000) } : {};
}

/**
 * Many drafts to results: the engine that the CLI and the API call. Every file goes through
 * lintFile (src/engine/lint-file.ts), here or in a worker thread; each linted file's findings
 * then go through the 'result' post-processing steps (src/engine/post-process.ts).
 */
import { statSync } from 'node:fs';
import type { Config, RuleSetting } from '../config/index.js';
import type { Locale } from '../messages.js';
import { packageVersion } from '../paths.js';
import { ConfigsByFolder, type ConfigLookup } from './config.js';
import { summarize, type LintResult } from './lint.js';
import { lintFile, type FileContext, type FileOutcome, type LintInput } from './lint-file.js';
import { lintInParallel, threadCount, workersAvailable, type FileTask } from './parallel.js';
import { processResult, type PostProcessOptions } from './post-process.js';
import { PreviousReports } from './previous.js';

export interface LintFilesOptions {
  cwd: string;
  /** --config: one config file for every draft; otherwise the nearest one from each draft's folder */
  explicitConfig?: string | undefined;
  /** --rule flags, over every config */
  cliRules?: Record<string, RuleSetting>;
  /** the run's configs, when the caller has already loaded some (for ignore patterns) */
  configs?: ConfigLookup;
  /** --locale; otherwise the locale of the configs met so far, otherwise zh */
  locale?: Locale | undefined;
  /** last year's report (--previous and the configs' `previous`) */
  previous?: PreviousReports;
  post?: Partial<PostProcessOptions>;
  fix?: { dryRun: boolean } | null;
  /** --annotate: .docx drafts are read for writing a reviewed copy (src/annotate), on this thread */
  annotate?: boolean;
  /** --cache: the cache file */
  cacheFile?: string | null;
  /** --concurrency: 'auto', 'off' or a number of threads */
  concurrency?: string;
  /** worker threads send each draft's text back (the html and sarif formats show it) */
  keepText?: boolean;
  /** `count` files started (one thread) or done (several), the last being `file` */
  onProgress?(count: number, file: string): void;
  /** a line for the user while the run goes on */
  onNotice?(message: string): void;
}

/** One input's outcome; for a linted file also its results. */
export interface FileReport {
  path: string;
  outcome: FileOutcome;
  /** the findings after the 'text' steps (what --baseline-write records) */
  full: LintResult | null;
  /** the findings as reported, after every post-processing step */
  result: LintResult | null;
}

export interface LintFilesResult {
  /** in input order */
  files: FileReport[];
  /** the language of the report: --locale, else the last config that named one, else zh */
  locale: Locale;
  /** the cache could not be written (not an error of the run) */
  cacheError: string | null;
}

export async function lintFiles(inputs: readonly LintInput[], options: LintFilesOptions): Promise<LintFilesResult> {
  const { cwd } = options;
  const cliRules = options.cliRules ?? {};
  const post: PostProcessOptions = { reportUnused: false, baseline: null, quiet: false, ...options.post };
  const cacheMod = options.cacheFile ? await import('./cache.js') : null;
  const cache = cacheMod && options.cacheFile ? new cacheMod.LintCache(options.cacheFile, packageVersion()) : null;
  const context: FileContext = {
    cwd,
    configs: options.configs ?? new ConfigsByFolder(cwd, options.explicitConfig, cliRules),
    cliRules,
    previous: options.previous ?? new PreviousReports(cwd, undefined),
    post,
    fix: options.fix ?? null,
    cache,
    annotate: options.annotate === true,
    notice: (message) => options.onNotice?.(message),
  };
  // a config's locale carries on to the files after it, as the CLI has always reported
  let locale: Locale = options.locale ?? 'zh';
  const localeFor = (config: Config): Locale => {
    if (!options.locale && config.locale) locale = config.locale;
    return locale;
  };

  let outcomes: FileOutcome[] | null = null;
  // a plain run over many files: worker threads share them (src/engine/parallel.ts)
  const concurrency = options.concurrency ?? 'auto';
  if (!context.fix && !context.annotate && !cache && inputs.length > 1 && inputs.every((i) => i.text === undefined) && concurrency !== 'off' && workersAvailable()) {
    const totalBytes = concurrency === 'auto' ? inputs.reduce((n, input) => n + sizeOf(input.path), 0) : 0;
    const threads = threadCount(concurrency, inputs.length, totalBytes);
    if (threads > 1) {
      // configs are loaded (and checked) here, in file order, which also fixes each file's locale
      const tasks: FileTask[] = [];
      for (const input of inputs) tasks.push({ file: input.path, locale: localeFor(await context.configs.configFor(input.path)) });
      const setup = { cwd, explicitConfig: options.explicitConfig, cliRules, previousFlag: context.previous.flag, reportUnused: post.reportUnused, keepText: options.keepText ?? false };
      outcomes = await lintInParallel(tasks, threads, setup, (task) => lintFile({ path: task.file }, context, () => task.locale), options.onProgress);
    }
  }
  if (!outcomes) {
    outcomes = [];
    for (const [index, input] of inputs.entries()) {
      options.onProgress?.(index + 1, input.path);
      outcomes.push(await lintFile(input, context, localeFor));
    }
  }

  const files: FileReport[] = [];
  for (const [index, input] of inputs.entries()) {
    const outcome = outcomes[index]!;
    if (outcome.kind !== 'linted') {
      files.push({ path: input.path, outcome, full: null, result: null });
      continue;
    }
    const full = summarize(input.path, outcome.messages, outcome.inputKind, outcome.outline);
    files.push({ path: input.path, outcome, full, result: await processResult(full, post) });
  }
  return { files, locale, cacheError: cache?.save() ?? null };
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

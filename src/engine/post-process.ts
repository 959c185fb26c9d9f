/**
 * What happens to a file's findings after the rules, in this order: one list, read top to
 * bottom, as textlint's MessageProcessManager.
 *
 *   1. suppressions  `<!-- reportlint-disable… -->` comments in the text (src/engine/suppress.ts);
 *                    with --report-unused-disable-directives, a warning for each that hid nothing.
 *                    Runs on every lint of a text, so that --fix never applies a suppressed fix.
 *   2. baseline      hide the findings recorded by --baseline-write (src/engine/baseline.ts).
 *   3. quiet         --quiet: errors only.
 *
 * A file's findings after the 'text' steps are its full findings (what --baseline-write
 * records); after every step, what is reported. The optional modules load only when used.
 */
import type { DocumentModel } from '../document/model.js';
import type { Locale } from '../messages.js';
import type { Baseline } from './baseline.js';
import { summarize, type LintMessage, type LintResult } from './lint.js';

export interface PostProcessOptions {
  /** --report-unused-disable-directives */
  reportUnused: boolean;
  /** --baseline: the recorded counts and the file they came from */
  baseline: { data: Baseline; file: string } | null;
  /** --quiet */
  quiet: boolean;
}

/** What a step may look at besides the findings: the file, and for a 'text' step the text linted. */
export interface ResultContext {
  file: string;
  options: PostProcessOptions;
}
export interface TextContext extends ResultContext {
  text: string;
  document: DocumentModel;
  locale: Locale;
}

/** 'text': on every lint of a text (inside --fix's loop too); 'result': once, on the file's final findings */
export type PostProcessStep =
  | { name: string; stage: 'text'; run(messages: LintMessage[], context: TextContext): Promise<LintMessage[]> }
  | { name: string; stage: 'result'; run(messages: LintMessage[], context: ResultContext): LintMessage[] | Promise<LintMessage[]> };

export const POST_PROCESSING: readonly PostProcessStep[] = [
  {
    name: 'suppressions',
    stage: 'text',
    async run(messages, { text, document, locale, options }) {
      // the module is loaded only for a text that has a comment
      if (!text.includes('reportlint-')) return messages;
      const suppress = await import('./suppress.js');
      const directives = suppress.parseDirectives(text);
      if (directives.length === 0) return messages;
      const kept = suppress.applyDirectives(messages, directives);
      if (!options.reportUnused || kept.unused.length === 0) return kept.messages;
      return [...kept.messages, ...suppress.unusedDirectiveMessages(kept.unused, (o) => document.pointAt(o), locale)]
        .sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
    },
  },
  {
    name: 'baseline',
    stage: 'result',
    async run(messages, { file, options }) {
      if (!options.baseline) return messages;
      const { applyBaseline } = await import('./baseline.js');
      return applyBaseline(summarize(file, messages), options.baseline.data, options.baseline.file).result.messages;
    },
  },
  {
    name: 'quiet',
    stage: 'result',
    run: (messages, { options }) => (options.quiet ? messages.filter((m) => m.severity === 2) : messages),
  },
];

/** The 'text' steps, on the findings of one lint of a text. */
export async function processText(messages: LintMessage[], context: TextContext): Promise<LintMessage[]> {
  for (const step of POST_PROCESSING) if (step.stage === 'text') messages = await step.run(messages, context);
  return messages;
}

/** The 'result' steps, on a file's full result: what is reported. */
export async function processResult(full: LintResult, options: PostProcessOptions): Promise<LintResult> {
  let messages = full.messages;
  const context: ResultContext = { file: full.filePath, options };
  for (const step of POST_PROCESSING) if (step.stage === 'result') messages = await step.run(messages, context);
  return messages === full.messages ? full : summarize(full.filePath, messages, full.inputKind, full.outline);
}

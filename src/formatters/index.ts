import type { LintResult } from '../engine/lint.js';
import type { FormatContext, Formatter } from './types.js';

/** Output formats by name; each is loaded only when asked for. */
const LOADERS: Record<string, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).stylish,
  json: async () => (await import('./json.js')).json,
  sarif: async () => (await import('./sarif.js')).sarif,
  github: async () => (await import('./github.js')).github,
  junit: async () => (await import('./junit.js')).junit,
  html: async () => (await import('./html.js')).html,
};

export const FORMAT_NAMES = Object.keys(LOADERS);

export function isFormatName(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(LOADERS, name);
}

export async function formatResults(name: string, results: LintResult[], context: FormatContext): Promise<string> {
  const load = LOADERS[name];
  if (!load) throw new Error(`unknown format ${name}`);
  return (await load())(results, context);
}

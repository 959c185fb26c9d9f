import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../errors.js';
import { MSG } from '../messages.js';

/** Read a config file into a plain value; JSON is read here, every other format through cosmiconfig. */
export async function loadConfigFile(file: string): Promise<unknown> {
  const base = path.basename(file);
  if (base === 'package.json') {
    return (parseJson(file, readText(file)) as Record<string, unknown>)['reportlint'];
  }
  if (base.endsWith('.json') || base === '.reportlintrc' || base === 'reportlintrc') {
    const text = readText(file);
    // .reportlintrc may be YAML too; it is JSON when it opens with a brace
    if (base.endsWith('.json') || /^\s*[{[]/.test(text)) return parseJson(file, text);
  }
  const { cosmiconfig } = await import('cosmiconfig');
  try {
    const result = await cosmiconfig('reportlint').load(file);
    return result?.config;
  } catch (error) {
    const yaml = yamlError(error);
    if (yaml) throw new ConfigError(`${file}:${yaml.line}:${yaml.column}`, '', MSG.configInvalidYaml(yaml.reason));
    throw new ConfigError(file, '', MSG.configUnreadable(firstLine(error)));
  }
}

/**
 * Where a YAML syntax error is, as cosmiconfig passes on js-yaml's YAMLException: its mark holds
 * the 0-based line and column, its reason the message without the snippet. (Its message's first
 * line is only "YAML Error in <file>:".)
 */
function yamlError(error: unknown): { line: number; column: number; reason: string } | null {
  if (typeof error !== 'object' || error === null) return null;
  const { mark, reason } = error as { mark?: { line?: unknown; column?: unknown }; reason?: unknown };
  if (!mark || typeof mark.line !== 'number' || typeof mark.column !== 'number') return null;
  const text = typeof reason === 'string' && reason !== '' ? reason : firstLine(error);
  return { line: mark.line + 1, column: mark.column + 1, reason: text };
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  } catch (error) {
    throw new ConfigError(file, '', MSG.configUnreadable(firstLine(error)));
  }
}

/** JSON.parse with the error placed at line:column. */
export function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = firstLine(error);
    const at = /position (\d+)/.exec(message);
    if (at) {
      const offset = Number(at[1]);
      const before = text.slice(0, offset).split(/\r\n|\r|\n/);
      const line = before.length;
      const column = before[before.length - 1]!.length + 1;
      throw new ConfigError(`${file}:${line}:${column}`, '', MSG.configInvalidJson(message.replace(/ in JSON at position \d+.*$/, '')));
    }
    throw new ConfigError(file, '', MSG.configInvalidJson(message));
  }
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!;
}

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
    throw new ConfigError(file, '', MSG.configUnreadable(firstLine(error)));
  }
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

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** File endings searched for in directories; a file named on the command line is read whatever its ending. */
export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist']);
const GLOB_CHARS = /[*?[\]{}]/;

export interface CollectedFiles {
  files: string[];
  /** one line per argument that named nothing usable */
  errors: string[];
  /** files left out because `ignorePatterns` or `.reportlintignore` name them */
  ignored: string[];
}

export interface CollectOptions {
  /**
   * Is this file ignored (a pattern naming one of its folders ignores it too)? Ignored files are
   * left out silently, also when named on the command line: a pre-commit hook passes every staged
   * file by name.
   */
  isIgnored?: (file: string) => boolean | Promise<boolean>;
}

/** Expand the command line's files, directories and globs into absolute file paths. */
export async function collectFiles(args: string[], cwd: string, options: CollectOptions = {}): Promise<CollectedFiles> {
  const files: string[] = [];
  const errors: string[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  const isIgnored = options.isIgnored ?? (() => false);
  const add = async (f: string) => {
    if (seen.has(f)) return;
    seen.add(f);
    if (await isIgnored(f)) ignored.push(f);
    else files.push(f);
  };
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    const stat = statOrNull(full);
    if (stat?.isDirectory()) {
      const found = walk(full);
      if (found.length === 0) errors.push(`目录中没有 .md/.txt/.docx 报告: ${arg} / no .md, .txt or .docx reports in this directory`);
      for (const f of found) await add(f);
    } else if (stat) {
      await add(full);
    } else if (GLOB_CHARS.test(arg)) {
      const { glob } = await import('tinyglobby');
      const matched = (await glob(arg, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] })).sort();
      if (matched.length === 0) errors.push(`没有文件匹配: ${arg} / no files match this pattern`);
      for (const m of matched) await add(path.resolve(m));
    } else {
      errors.push(`无法读取文件（不存在）: ${arg} / file not found`);
    }
  }
  return { files, errors, ignored };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith('.')) out.push(...walk(full));
    } else if (entry.isFile() && REPORT_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      // README files beside reports are documentation, not reports
      // ~$name.docx is the lock file Word keeps beside an open document
      if (!/^readme\./i.test(entry.name) && !entry.name.startsWith('~$')) out.push(full);
    }
  }
  return out;
}

function statOrNull(p: string) {
  try {
    return statSync(p);
  } catch {
    return null;
  }
}

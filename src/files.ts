import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** File endings searched for in directories; a file named on the command line is read whatever its ending. */
export const REPORT_EXTENSIONS = ['.md', '.markdown', '.txt'];
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist']);
const GLOB_CHARS = /[*?[\]{}]/;

export interface CollectedFiles {
  files: string[];
  /** one line per argument that named nothing usable */
  errors: string[];
}

/** Expand the command line's files, directories and globs into absolute file paths. */
export async function collectFiles(args: string[], cwd: string): Promise<CollectedFiles> {
  const files: string[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      files.push(f);
    }
  };
  for (const arg of args) {
    const full = path.resolve(cwd, arg);
    const stat = statOrNull(full);
    if (stat?.isDirectory()) {
      const found = walk(full);
      if (found.length === 0) errors.push(`目录中没有 .md/.txt 报告: ${arg} / no .md or .txt reports in this directory`);
      found.forEach(add);
    } else if (stat) {
      add(full);
    } else if (GLOB_CHARS.test(arg)) {
      const { glob } = await import('tinyglobby');
      const matched = (await glob(arg, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**', '**/.git/**'] })).sort();
      if (matched.length === 0) errors.push(`没有文件匹配: ${arg} / no files match this pattern`);
      matched.map((m) => path.resolve(m)).forEach(add);
    } else {
      errors.push(`无法读取文件（不存在）: ${arg} / file not found`);
    }
  }
  return { files, errors };
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
      if (!/^readme\./i.test(entry.name)) out.push(full);
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

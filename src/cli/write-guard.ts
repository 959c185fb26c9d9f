/**
 * Never write over a draft: the files reportlint writes (the report with -o, the cache, the
 * baseline, the --init config) must not be any of the files it reads. Two paths name the same
 * file when, links resolved, they have the same device and inode; a path that does not exist yet
 * cannot be an input. Checked once, after the inputs are known and before anything is linted or
 * written.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { MSG } from '../messages.js';

function identity(file: string): string | null {
  try {
    const s = statSync(file); // follows links
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

export class InputFiles {
  private ids: Set<string> | null = null;

  constructor(private readonly files: readonly string[], private readonly cwd: string) {}

  /** Is `file` (which may not exist) one of the inputs? */
  includes(file: string): boolean {
    const id = identity(file);
    if (id === null) return false;
    this.ids ??= new Set(this.files.map(identity).filter((i): i is string => i !== null));
    return this.ids.has(id);
  }

  /** Throw a UsageError (exit 2) when `target`, a file reportlint would write, is an input. */
  refuseWriting(target: string, what: string): void {
    if (this.includes(target)) throw new UsageError(MSG.writesInput(what, this.shown(target)));
  }

  /** --previous must be last year's report, not one of the drafts. */
  refusePrevious(file: string): void {
    if (this.includes(file)) throw new UsageError(MSG.previousIsInput(this.shown(file)));
  }

  private shown(file: string): string {
    return path.relative(this.cwd, file) || file;
  }
}

/**
 * --cache: remember which files were clean, so that a hook run skips parsing and linting them
 * while neither the file nor what applies to it has changed. Kept in `.reportlintcache` (or
 * --cache-location): per absolute path, the sha256 of the file's bytes and a hash of what decides
 * the findings (reportlint's version, the active rules with their severities and options, the
 * contents of user rule packs, last year's report when one is used). Only clean files are
 * recorded; a file with findings is always linted again (its findings are reported every time).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/index.js';
import type { ActiveRule } from '../config/resolve.js';
import { packageVersion } from '../paths.js';

export const CACHE_FILE = '.reportlintcache';

interface Entry {
  /** sha256 of the file's bytes */
  content: string;
  /** hash of the settings that applied to it */
  settings: string;
  /** last year's report it was checked against (null: none), with its content hash (null: absent) */
  previous?: { file: string; content: string | null } | null;
}

interface CacheData {
  version: string;
  entries: Record<string, Entry>;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function fileHash(file: string): string | null {
  try {
    return sha256(readFileSync(file));
  } catch {
    return null;
  }
}

/** Where the cache lives: --cache-location names a file, or a folder to put .reportlintcache in. */
export function cachePath(cwd: string, location: string | undefined): string {
  if (!location) return path.join(cwd, CACHE_FILE);
  const full = path.resolve(cwd, location);
  if (/[\\/]$/.test(location)) return path.join(full, CACHE_FILE);
  try {
    if (statSync(full).isDirectory()) return path.join(full, CACHE_FILE);
  } catch {
    // a file that does not exist yet
  }
  return full;
}

export class LintCache {
  private data: CacheData;
  private dirty = false;

  constructor(readonly file: string, version: string) {
    this.data = { version, entries: {} };
    if (!existsSync(file)) return;
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as CacheData;
      // another version of reportlint may find other things: start over
      if (data && data.version === version && data.entries && typeof data.entries === 'object') this.data = data;
      else this.dirty = true;
    } catch {
      this.dirty = true; // a broken cache is rebuilt, never an error
    }
  }

  /** Was this file clean with these settings and this content? */
  isClean(file: string, content: string, settings: string): boolean {
    const entry = this.data.entries[file];
    if (!entry || entry.content !== content || entry.settings !== settings) return false;
    if (entry.previous) return fileHash(entry.previous.file) === entry.previous.content;
    return true;
  }

  markClean(file: string, content: string, settings: string, previous: Entry['previous'] = null): void {
    this.data.entries[file] = { content, settings, ...(previous ? { previous } : {}) };
    this.dirty = true;
  }

  forget(file: string): void {
    if (file in this.data.entries) {
      delete this.data.entries[file];
      this.dirty = true;
    }
  }

  /** Write the cache if it changed (temp file + rename; a failure to write is not an error of the run). */
  save(): string | null {
    if (!this.dirty) return null;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      writeFileSync(temp, JSON.stringify(this.data));
      renameSync(temp, this.file);
      this.dirty = false;
      return null;
    } catch (error) {
      return `cannot write the cache ${this.file}: ${(error as Error).message}`;
    }
  }
}

/** What decides a file's findings besides its text. */
export function settingsHash(active: readonly ActiveRule[], config: Config, reportUnused: boolean): string {
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

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './cli-helpers.js';

/** A temporary folder with these files (paths relative to it). */
export function draftDir(files: Record<string, string | Buffer>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

/** Two doubled words (fixable), a half-width comma (fixable) and a 。。 (fixable). */
export const FIXABLE = '一、总体情况\n我局持续提升提升依法行政水平,推进工作。\n二、存在问题\n二是加强加强管理。。\n';
export const FIXED = '一、总体情况\n我局持续提升依法行政水平，推进工作。\n二、存在问题\n二是加强管理。\n';
export const CLEAN = '一、总体情况\n我局持续提升依法行政水平。\n';

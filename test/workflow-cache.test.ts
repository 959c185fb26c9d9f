import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';
import { CLEAN, draftDir, FIXABLE, FIXED } from './workflow-helpers.js';

const BAD = '一、总体情况\n我局持续提升提升依法行政水平。\n';
interface CacheFile { version: string; entries: Record<string, { content: string; settings: string }> }
const readCache = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('--cache', () => {
  it('records clean files (content hash, settings hash), never files with findings', async () => {
    const dir = draftDir({ 'clean.txt': CLEAN, 'bad.txt': BAD });
    const run = await cli(['--cache', 'clean.txt', 'bad.txt'], { cwd: dir });
    expect(run.status).toBe(1);
    const cache = readCache(path.join(dir, '.reportlintcache'));
    expect(Object.keys(cache.entries)).toEqual([path.join(dir, 'clean.txt')]);
    expect(cache.entries[path.join(dir, 'clean.txt')]!.content).toBe(sha(CLEAN));
    // a file with findings is linted every time, and reported every time
    expect((await cli(['--cache', 'clean.txt', 'bad.txt'], { cwd: dir })).stdout).toContain('bad.txt');
  });

  it('skips a file whose content and settings did not change, and lints it again when either does', async () => {
    const dir = draftDir({ 'clean.txt': CLEAN, 'bad.txt': BAD });
    const cacheFile = path.join(dir, '.reportlintcache');
    await cli(['--cache', 'clean.txt'], { cwd: dir });
    // Prove that a cached file is not linted: record bad.txt as clean under the same settings.
    const cache = readCache(cacheFile);
    const settings = cache.entries[path.join(dir, 'clean.txt')]!.settings;
    cache.entries[path.join(dir, 'bad.txt')] = { content: sha(BAD), settings };
    writeFileSync(cacheFile, JSON.stringify(cache));
    const skipped = await cli(['--cache', '--format', 'json', 'bad.txt'], { cwd: dir });
    expect(skipped.status).toBe(0);
    expect((JSON.parse(skipped.stdout) as Array<{ messages: unknown[] }>)[0]!.messages).toEqual([]);
    // without --cache it is linted
    expect((await cli(['bad.txt'], { cwd: dir })).status).toBe(1);
    // other settings (a rule's severity, options, a config file): linted again
    expect((await cli(['--cache', '--rule', 'repeated-word:warn', 'bad.txt'], { cwd: dir })).stdout).toContain('repeated-word');
    writeFileSync(cacheFile, JSON.stringify(cache));
    writeFileSync(path.join(dir, '.reportlintrc.json'), JSON.stringify({ rules: { 'repeated-word': ['error', { allow: ['冰冰'] }] } }));
    expect((await cli(['--cache', 'bad.txt'], { cwd: dir })).status).toBe(1);
    // changed content: linted again
    writeFileSync(cacheFile, JSON.stringify(cache));
    writeFileSync(path.join(dir, '.reportlintrc.json'), '{}');
    writeFileSync(path.join(dir, 'bad.txt'), BAD + '二是加强加强管理。\n');
    expect((await cli(['--cache', 'bad.txt'], { cwd: dir })).status).toBe(1);
  });

  it('--cache-location names a file or a folder; a broken cache is rebuilt silently', async () => {
    const dir = draftDir({ 'clean.txt': CLEAN, 'tmp/.keep': '' });
    expect((await cli(['--cache', '--cache-location', 'tmp/', 'clean.txt'], { cwd: dir })).status).toBe(0);
    expect(existsSync(path.join(dir, 'tmp/.reportlintcache'))).toBe(true);
    expect((await cli(['--cache', '--cache-location', 'my.cache', 'clean.txt'], { cwd: dir })).status).toBe(0);
    expect(existsSync(path.join(dir, 'my.cache'))).toBe(true);
    expect(existsSync(path.join(dir, '.reportlintcache'))).toBe(false);
    writeFileSync(path.join(dir, 'my.cache'), '{not json');
    const run = await cli(['--cache', '--cache-location', 'my.cache', 'clean.txt'], { cwd: dir });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(Object.keys(readCache(path.join(dir, 'my.cache')).entries)).toHaveLength(1);
  });

  it('with --fix records the fixed text; with --fix-dry-run records nothing for a file a fix would change', async () => {
    const dir = draftDir({ 'a.txt': FIXABLE });
    await cli(['--cache', '--fix-dry-run', 'a.txt'], { cwd: dir });
    expect(existsSync(path.join(dir, '.reportlintcache')) ? Object.keys(readCache(path.join(dir, '.reportlintcache')).entries) : []).toEqual([]);
    expect((await cli(['--cache', 'a.txt'], { cwd: dir })).status).toBe(1);
    expect((await cli(['--cache', '--fix', 'a.txt'], { cwd: dir })).status).toBe(0);
    expect(readCache(path.join(dir, '.reportlintcache')).entries[path.join(dir, 'a.txt')]!.content).toBe(sha(FIXED));
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './cli-helpers.js';
import { draftDir } from './workflow-helpers.js';

const BAD = '一、总体情况\n我局持续提升提升依法行政水平。\n';
const files = (stdout: string) => (JSON.parse(stdout) as Array<{ filePath: string }>).map((r) => r.filePath);

describe('ignoring files', () => {
  const layout = () =>
    draftDir({
      '.reportlintrc.json': JSON.stringify({ ignorePatterns: ['archive/', '*.draft.md', '!keep.draft.md'] }),
      '.reportlintignore': '# vendored material\nthird-party/\n',
      'reports/2024.md': BAD,
      'reports/2024.draft.md': BAD,
      'reports/keep.draft.md': BAD,
      'archive/2019.txt': BAD,
      'third-party/x.txt': BAD,
    });

  it('directory walks skip what ignorePatterns and .reportlintignore name (gitignore syntax)', async () => {
    const dir = layout();
    const run = await cli(['--format', 'json', '.'], { cwd: dir });
    expect(files(run.stdout).map((f) => path.relative(dir, f))).toEqual(['reports/2024.md', 'reports/keep.draft.md']);
  });

  it('files a hook passes by name that are ignored are skipped silently (exit 0 when nothing else)', async () => {
    const dir = layout();
    const run = await cli(['archive/2019.txt', 'reports/2024.draft.md', 'third-party/x.txt'], { cwd: dir });
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const mixed = await cli(['--format', 'json', 'archive/2019.txt', 'reports/2024.md'], { cwd: dir });
    expect(files(mixed.stdout).map((f) => path.relative(dir, f))).toEqual(['reports/2024.md']);
    expect(mixed.status).toBe(1);
  });

  it('globs skip ignored files too', async () => {
    const dir = layout();
    const run = await cli(['--format', 'json', '**/*.md'], { cwd: dir });
    expect(files(run.stdout).map((f) => path.relative(dir, f))).toEqual(['reports/2024.md', 'reports/keep.draft.md']);
  });

  it('--no-ignore lints them', async () => {
    const dir = layout();
    const run = await cli(['--no-ignore', 'archive/2019.txt'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('archive/2019.txt');
  });

  it('ignorePatterns are relative to the config file\'s folder; a bad value is a config error', async () => {
    const dir = draftDir({
      'sub/.reportlintrc.json': JSON.stringify({ ignorePatterns: ['/old.txt'] }),
      'sub/old.txt': BAD,
      'old.txt': BAD,
    });
    const run = await cli(['--format', 'json', 'sub/old.txt', 'old.txt'], { cwd: dir });
    expect(files(run.stdout).map((f) => path.relative(dir, f))).toEqual(['old.txt']);
    const broken = draftDir({ '.reportlintrc.json': JSON.stringify({ ignorePatterns: 'archive/' }), 'a.txt': BAD });
    const error = await cli(['a.txt'], { cwd: broken });
    expect(error.status).toBe(2);
    expect(error.stderr).toMatch(/\.reportlintrc\.json: ignorePatterns: 应为数组/);
    expect((await cli(['--locale', 'en', 'a.txt'], { cwd: broken })).stderr).toMatch(/\.reportlintrc\.json: ignorePatterns: must be array/);
  });
});

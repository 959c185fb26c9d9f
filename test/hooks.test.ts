/**
 * The pre-commit framework's hook (.pre-commit-hooks.yaml), end to end: `pre-commit run` with a
 * config whose `repos:` entry names a snapshot of this repository (what a user writes, and what
 * `pre-commit try-repo` generates) installs it as pre-commit does (a git clone, `npm install`,
 * which builds through `prepare`, `npm pack`, `npm install -g` of the tarball, all with the
 * system Node) and runs the hook on the files of a temporary git repository.
 *
 * The install takes most of a minute and needs the npm registry. try-repo installs afresh on
 * every call (it uses a temporary store whatever PRE_COMMIT_HOME says), so the two runs below
 * use `pre-commit run --config` with one temporary PRE_COMMIT_HOME instead: the first run
 * installs, the second finds the hook environment in the store, as a user's second commit does.
 * With `pre-commit` missing the tests are skipped, except under CI, where .ci/run installs it
 * and its absence is a failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, type CliRun, ROOT, tempDir } from './cli-helpers.js';

const HOOKS_FILE = path.join(ROOT, '.pre-commit-hooks.yaml');

const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;
const inCI = Boolean(process.env['CI']) && process.env['CI'] !== 'false';

/** git and pre-commit without whatever an enclosing hook or checkout set */
function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const key of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_OBJECT_DIRECTORY', 'GIT_ALTERNATE_OBJECT_DIRECTORIES', 'PRE_COMMIT', 'FORCE_COLOR']) delete env[key];
  return env;
}

function git(cwd: string, ...args: string[]): string {
  const run = spawnSync('git', ['-c', 'user.name=reportlint test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    encoding: 'utf8',
    env: cleanEnv(),
  });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')} failed in ${cwd}: ${run.stderr}`);
  return run.stdout;
}

/**
 * This repository as it is on disk (committed, changed and new files that git does not ignore),
 * as one commit of a temporary repository: pre-commit clones a repository at a commit, and the
 * commit must hold the working tree under test (in CI's clean clone the two are the same).
 */
function snapshotOfThisRepo(): string {
  const dir = tempDir();
  const files = git(ROOT, 'ls-files', '-z', '--cached', '--others', '--exclude-standard').split('\0').filter((f) => f && existsSync(path.join(ROOT, f)));
  for (const file of files) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    copyFileSync(path.join(ROOT, file), path.join(dir, file));
  }
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'snapshot');
  return dir;
}

function draftRepo(files: Record<string, string>): string {
  const dir = tempDir();
  git(dir, 'init', '-q');
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  git(dir, 'add', '-A');
  return dir;
}

/**
 * `pre-commit run` of the reportlint hook of `hookRepo` (at its HEAD), with the config a user's
 * `repos:` entry gives (the one try-repo writes), in the store `home`.
 */
function runHook(hookRepo: string, home: string, cwd: string, files: string[]): Promise<{ status: number | null; output: string }> {
  const rev = git(hookRepo, 'rev-parse', 'HEAD').trim();
  const config = path.join(home, 'pre-commit-config.yaml');
  writeFileSync(config, `repos:\n- repo: ${JSON.stringify(hookRepo)}\n  rev: ${rev}\n  hooks:\n  - id: reportlint\n`);
  return new Promise((resolve, reject) => {
    const child = spawn('pre-commit', ['run', '--config', config, 'reportlint', '--color', 'never', '--verbose', '--files', ...files], {
      cwd,
      // npm takes what its cache holds without asking the registry again, and skips the audit
      // and funding requests: the same install, fewer round trips (CI's empty cache fetches all)
      env: cleanEnv({ PRE_COMMIT_HOME: home, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (output += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

const DRAFTS = {
  'draft.md': '# 2024年法治政府建设年度报告\n\n## 一、总体情况\n\n我局持续提升提升依法行政水平。\n',
  'clean.txt': '一、总体情况\n我局层层压实责任，做到事事有回应、件件有着落。\n',
  // a text file that is not a draft: the hook must not be given it
  'notes.py': '# 提升提升\nx = 1\n',
};

describe('.pre-commit-hooks.yaml', () => {
  it('declares the reportlint hook: node, the package\'s bin, Markdown and plain-text files', () => {
    const yaml = readFileSync(HOOKS_FILE, 'utf8');
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(yaml).toMatch(/^- id: reportlint$/m);
    expect(yaml).toMatch(/^ {2}entry: reportlint$/m);
    expect(Object.keys(pkg.bin)).toContain('reportlint');
    expect(yaml).toMatch(/^ {2}language: node$/m);
    // types_or: any one tag; `text` would match every text file (package.json, .py, .yaml …)
    expect(yaml).toMatch(/^ {2}types_or: \[markdown, plain-text\]$/m);
    expect(yaml).not.toMatch(/^ {2}types:/m);
    expect(yaml).toMatch(/^ {2}require_serial: false$/m);
  });

  it.runIf(!hasPreCommit && inCI)('pre-commit is installed in CI', () => {
    expect.fail('pre-commit is not on the PATH: .ci/run installs it (apt-get install pre-commit); test/hooks.test.ts needs it');
  });

  it.skipIf(!hasPreCommit)(
    'pre-commit run of a repos: entry: fails on a draft with a doubled word, passes on a clean one, never sees other text files',
    async () => {
      const hookRepo = snapshotOfThisRepo();
      const drafts = draftRepo(DRAFTS);
      const home = tempDir();
      let bad, good;
      try {
        // one install: the first run makes the hook environment, the second reuses it
        bad = await runHook(hookRepo, home, drafts, ['draft.md', 'clean.txt', 'notes.py']);
        good = await runHook(hookRepo, home, drafts, ['clean.txt', 'notes.py']);
      } finally {
        rmSync(hookRepo, { recursive: true, force: true });
        rmSync(drafts, { recursive: true, force: true });
        rmSync(home, { recursive: true, force: true });
      }
      const hint = (run: { output: string }) =>
        /seems to be corrupted|prepare/.test(run.output)
          ? `\n(npm pack printed the prepare script's output, which pre-commit takes for the tarball's name: .npmrc needs foreground-scripts=false)\n${run.output}`
          : `\n${run.output}`;

      expect(bad.status, hint(bad)).toBe(1);
      expect(bad.output).toMatch(/reportlint.*\.{3,}Failed/);
      expect(bad.output).toMatch(/^draft\.md$/m);
      expect(bad.output).toMatch(/^ {2}5:5 +错误 +重复词语「提升提升」.*repeated-word$/m);
      expect(bad.output).not.toContain('clean.txt\n');
      expect(bad.output).not.toContain('notes.py\n');

      expect(good.status, hint(good)).toBe(0);
      expect(good.output).toMatch(/reportlint.*\.{3,}Passed/);
      // the second run used the first one's hook environment (else this test pays two installs)
      expect(bad.output).toMatch(/Installing environment for /);
      expect(good.output, good.output).not.toMatch(/Installing environment for /);
    },
    600_000,
  );
});

// --- the examples of docs/ci.md, run through the CLI's main() ---------------------------------
// (the pre-commit test above runs the installed package end to end)

/** Run one `npx reportlint …` command line of an example. */
function runExample(commandLine: string, cwd: string): Promise<CliRun> {
  return cli(commandLine.trim().split(/\s+/), { cwd });
}

/** The reportlint command lines of an example CI file (what follows `npx reportlint`). */
function exampleCommands(file: string): string[] {
  const text = readFileSync(path.join(ROOT, 'examples', file), 'utf8');
  return [...text.matchAll(/^[^#\n]*?npx reportlint ([^|#\n]*)/gm)].map((m) => m[1]!.trim());
}

function draftsDir(bad: boolean): string {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'drafts'));
  writeFileSync(path.join(dir, 'drafts', 'clean.txt'), DRAFTS['clean.txt']);
  if (bad) writeFileSync(path.join(dir, 'drafts', '2024.md'), DRAFTS['draft.md']);
  return dir;
}

describe('examples/: the CI and lint-staged examples work as written', () => {
  for (const file of ['github-actions.yml', 'gitlab-ci.yml']) {
    it(`${file}: every reportlint command runs; the SARIF run gates (1 on errors, 0 when clean); the reports are written`, async () => {
      const commands = exampleCommands(file);
      expect(commands.some((c) => c.startsWith('--format sarif --output-file reportlint.sarif'))).toBe(true);
      for (const bad of [true, false]) {
        const dir = draftsDir(bad);
        for (const command of commands) {
          const run = await runExample(command, dir);
          expect(run.stderr, command).toBe('');
          expect(run.status, command).toBe(bad ? 1 : 0);
        }
        const sarif = JSON.parse(readFileSync(path.join(dir, 'reportlint.sarif'), 'utf8')) as {
          version: string;
          runs: Array<{ results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }>;
        };
        expect(sarif.version).toBe('2.1.0');
        const found = sarif.runs[0]!.results.map((r) => [r.ruleId, r.locations[0]!.physicalLocation.artifactLocation.uri]);
        if (bad) expect(found).toContainEqual(['repeated-word', 'drafts/2024.md']);
        else expect(found).toEqual([]);
        expect(readFileSync(path.join(dir, 'reportlint.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
        if (file === 'gitlab-ci.yml') expect(readFileSync(path.join(dir, 'reportlint.xml'), 'utf8')).toMatch(/^<\?xml[^>]*>\s*<testsuites/);
      }
    });
  }

  it('lint-staged.config.mjs: the command it gives, with staged files appended, stops a bad commit', async () => {
    const config = (await import(path.join(ROOT, 'examples', 'lint-staged.config.mjs'))) as { default: Record<string, string> };
    const entries = Object.entries(config.default);
    expect(entries).toHaveLength(1);
    const [glob, command] = entries[0]!;
    expect(glob).toBe('*.{md,markdown,txt}');
    expect(command.split(' ')[0]).toBe('reportlint');
    const dir = draftsDir(true);
    // lint-staged passes absolute paths of the staged files that match the glob
    const staged = ['drafts/2024.md', 'drafts/clean.txt'].map((f) => path.join(dir, f));
    const bad = await runExample([...command.split(' ').slice(1), ...staged].join(' '), dir);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('repeated-word');
    expect((await runExample([...command.split(' ').slice(1), staged[1]!].join(' '), dir)).status).toBe(0);
  });

  it('pre-commit-config.yaml names the hook of .pre-commit-hooks.yaml', () => {
    const config = readFileSync(path.join(ROOT, 'examples', 'pre-commit-config.yaml'), 'utf8');
    expect(config).toMatch(/^ {6}- id: reportlint$/m);
    expect(config).toMatch(/^ {8}language_version: system$/m);
    expect(readFileSync(path.join(ROOT, 'examples', 'husky', 'pre-commit'), 'utf8')).toMatch(/^npx lint-staged$/m);
  });
});

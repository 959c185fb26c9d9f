import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, CLI } from './cli-helpers.js';
import { CLEAN, draftDir } from './workflow-helpers.js';

describe('progress line', () => {
  const many = () => draftDir(Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`r${String(i).padStart(2, '0')}.txt`, CLEAN])));

  it('on a terminal (forced here with REPORTLINT_PROGRESS=1): [n/N] file on stderr, rewritten in place, cleared at the end', async () => {
    const run = await cli(['.'], { cwd: many(), env: { REPORTLINT_PROGRESS: '1', CI: undefined } });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^\r\u001b\[K\[1\/25\] r00\.txt/);
    expect(run.stderr).toContain('\r\u001b[K[25/25] r24.txt');
    expect(run.stderr.endsWith('\r\u001b[K')).toBe(true);
  });

  it('never when stderr or stdout is not a terminal, nor under CI, nor with REPORTLINT_PROGRESS=0', async () => {
    const dir = many();
    expect((await cli(['.'], { cwd: dir, env: { REPORTLINT_PROGRESS: undefined } })).stderr).toBe('');
    expect((await cli(['.'], { cwd: dir, env: { REPORTLINT_PROGRESS: '0', CI: 'true' } })).stderr).toBe('');
  });

  it('shows when stdout and stderr are terminals, without the forcing variable; not under CI', async () => {
    const dir = many();
    const onTerminal = { stdoutTTY: true, stderrTTY: true, columns: 80 };
    const run = await cli(['.'], { cwd: dir, env: { REPORTLINT_PROGRESS: undefined, CI: undefined }, ...onTerminal });
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('\r\u001b[K[25/25] r24.txt');
    expect((await cli(['.'], { cwd: dir, env: { REPORTLINT_PROGRESS: undefined, CI: 'true' }, ...onTerminal })).stderr).toBe('');
    expect((await cli(['.'], { cwd: dir, env: { REPORTLINT_PROGRESS: undefined, CI: undefined }, stdoutTTY: false, stderrTTY: true })).stderr).toBe('');
  });

  // util-linux `script` runs the CLI on a real pseudo-terminal, without the forcing variable
  const hasScript = spawnSync('script', ['--version']).status === 0;
  it.skipIf(!hasScript)('shows on a real terminal, not under CI', () => {
    const dir = many();
    const onTerminal = (env: NodeJS.ProcessEnv) =>
      spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} .`, '/dev/null'], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, REPORTLINT_PROGRESS: undefined, CI: undefined, NO_COLOR: '1', ...env },
      });
    const run = onTerminal({});
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('[25/25] r24.txt');
    expect(onTerminal({ CI: 'true' }).stdout).not.toContain('[1/25]');
  });
});

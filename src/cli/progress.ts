/**
 * A progress line on stderr while many files are linted: `[n/N] file`, rewritten in place and
 * cleared at the end. Shown only on a terminal (stdout and stderr both TTYs), never under CI
 * (the CI variable set), and only for more than PROGRESS_MIN_FILES files.
 * REPORTLINT_PROGRESS=1 forces it on (tests), REPORTLINT_PROGRESS=0 off.
 */
export const PROGRESS_MIN_FILES = 20;

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function wantsProgress(
  env: NodeJS.ProcessEnv,
  stdout: { isTTY?: boolean },
  stderr: { isTTY?: boolean },
  files: number,
): boolean {
  const forced = env['REPORTLINT_PROGRESS'];
  if (forced === '0') return false;
  if (forced === '1') return files > 0;
  if (env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false') return false;
  return stderr.isTTY === true && stdout.isTTY === true && files > PROGRESS_MIN_FILES;
}

export class Progress {
  private shown = false;
  private last = 0;

  constructor(private readonly stream: ProgressStream, private readonly total: number) {}

  update(done: number, file: string): void {
    // at most ~20 updates a second: a terminal that redraws on every file slows the run
    const now = Date.now();
    if (this.shown && now - this.last < 50 && done < this.total) return;
    this.last = now;
    const head = `[${done}/${this.total}] `;
    const room = Math.max(10, (this.stream.columns ?? 80) - head.length - 1);
    // long names keep their end, where the file name is
    const name = file.length > room ? `…${file.slice(file.length - room + 1)}` : file;
    this.stream.write(`\r\u001b[K${head}${name}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\u001b[K');
    this.shown = false;
  }
}

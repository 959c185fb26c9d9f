import { availableParallelism } from 'node:os';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The files that take most of the run, longest first: started first, each in a worker of its
 * own while the other worker takes the many short files, the run lasts about as long as the
 * longest of them instead of their sum. (Vitest orders by the durations of the last run when
 * node_modules/.vite has them; a fresh clone, as in CI, has none and would start with the
 * largest files.)
 */
const SLOW_FIRST = [
  'test/hooks.test.ts',
  'test/hostile-input.test.ts',
  'test/property.test.ts',
  'test/workflow-parallel.test.ts',
  'test/html-chromium.test.ts',
];

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((slow) => file.moduleId.replace(/\\/g, '/').endsWith(`/${slow}`));
      return i === -1 ? SLOW_FIRST.length : i;
    };
    return sorted.map((file, i) => ({ file, i })).sort((a, b) => rank(a.file) - rank(b.file) || a.i - b.i).map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
    // test/cli-helpers.ts's cli() runs main() in the test's process and sets process.cwd() for
    // the run: that needs child processes (forks), not worker threads, where chdir is not allowed
    pool: 'forks',
    // one worker per core (vitest's default leaves one core to itself: a single worker on two
    // cores, where the pre-commit install of test/hooks.test.ts, mostly waiting on npm, would
    // hold up every other file)
    maxWorkers: Math.max(2, availableParallelism()),
    // a worker runs file after file in one module graph: src/ is loaded once per worker, not once
    // per file (about two thirds of the CPU of the many short files). Each file still gets its own
    // run of its own module; what a file needs fresh it sets up itself (test/cli-helpers.ts's
    // cli() loads src/ afresh when a config file it could have cached moved). So a test file
    // must not rely on vi.setConfig (give timeouts to its describe or its tests) nor leave module
    // mocks (vi.mock) or changed module state behind for the next file
    isolate: false,
    sequence: { sequencer: SlowFirstSequencer },
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20000,
    // test/cli-helpers.ts's cli() runs main() in the test's process and sets process.cwd() for
    // the run: that needs child processes (forks), not worker threads, where chdir is not allowed
    pool: 'forks',
  },
});

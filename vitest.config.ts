import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The browser end-to-end test runs on its own: npm run test:e2e (playground/vitest.e2e.config.ts).
    exclude: [...configDefaults.exclude, 'test/e2e/**'],
    setupFiles: ['test/setup.ts'],
    // The CLI tests start node processes: generous on a loaded 2-core machine.
    testTimeout: 15_000,
  },
});

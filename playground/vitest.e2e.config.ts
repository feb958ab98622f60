/**
 * The playground's end-to-end test, run apart from the unit suite (`npm run test:e2e`):
 * it builds the library and the page, serves the static build on 127.0.0.1 and drives
 * Debian's Chromium (/usr/bin/chromium) headless with playwright-core. It never downloads a browser.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    // The e2e file skips itself unless this is set, so a plain `vitest run` never starts a browser.
    env: { PLAYGROUND_E2E: '1' },
    fileParallelism: false,
    testTimeout: 60_000,
    // Building the library (tsup + d.ts) and the page on 2 cores.
    hookTimeout: 300_000,
  },
});

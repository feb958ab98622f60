import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: the eligibility entry and the display entry (date-fns-tz stays out of the main one).
    entry: { index: 'src/index.ts', display: 'src/display/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    treeshake: true,
    target: 'es2022',
    splitting: false,
    // Frozen tables are side-effect free: let bundlers drop the ones a caller doesn't import.
    pure: ['Object.freeze'],
  },
  {
    // The csp-rules command (ESM, Node only).
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);

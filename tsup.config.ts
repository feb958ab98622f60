import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: the decisions (main), and the entry points a page that only asks canCancel
    // never loads: lifecycle, explain, the Partner Center adapter, display (Intl).
    entry: {
      index: 'src/index.ts',
      lifecycle: 'src/lifecycle/index.ts',
      explain: 'src/explain/index.ts',
      'partner-center': 'src/partner-center/index.ts',
      display: 'src/display/index.ts',
      time: 'src/time/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    clean: false,
    treeshake: true,
    target: 'es2022',
    // Shared code goes to chunks, for CJS too: one CspRulesError class and one set of validated
    // snapshots and policies whichever entry point a caller imports them from.
    splitting: true,
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

// The library as a user gets it: the built dist/index.js. `explain` is benched from there when
// the main entry exports it; until then it is bundled from src/explain.ts with esbuild (the
// bundler tsup uses), together with the `toSubscription` whose snapshots it recognises.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `{ lib, explain, explainFrom }`: the main entry, and the `explain` to bench with its `toSubscription`. */
export async function loadLibrary() {
  const dist = join(root, 'dist/index.js');
  if (!existsSync(dist)) throw new Error('dist/index.js is missing: run `npm run build` first (`npm run bench` does)');
  const lib = await import(pathToFileURL(dist).href);
  if (typeof lib.explain === 'function') {
    return { lib, explain: { explain: lib.explain, toSubscription: lib.toSubscription }, explainFrom: 'dist/index.js' };
  }
  const source = join(root, 'src/explain.ts');
  if (!existsSync(source)) return { lib, explain: null, explainFrom: 'not available' };
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'csp-bench-'));
  const outfile = join(dir, 'explain.mjs');
  try {
    await build({
      stdin: {
        contents: `export { explain } from './src/explain.js';\nexport { toSubscription } from './src/subscription.js';\n`,
        resolveDir: root,
        loader: 'ts',
      },
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      outfile,
      logLevel: 'silent',
    });
    const mod = await import(pathToFileURL(outfile).href);
    return { lib, explain: mod, explainFrom: 'src/explain.ts bundled with esbuild (not exported from dist/index.js)' };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

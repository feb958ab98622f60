// The library as a user gets it: the built dist/index.js, and `explain` from dist/explain.js
// (the `./explain` entry point; it shares the main entry's chunks, so it recognises the
// snapshots the main entry's `toSubscription` makes).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** `{ lib, explain, explainFrom }`: the main entry, and the `explain` to bench with its `toSubscription`. */
export async function loadLibrary() {
  const load = async (file) => {
    const path = join(root, file);
    if (!existsSync(path)) throw new Error(`${file} is missing: run \`npm run build\` first (\`npm run bench\` does)`);
    return import(pathToFileURL(path).href);
  };
  const lib = await load('dist/index.js');
  const { explain } = await load('dist/explain.js');
  return { lib, explain: { explain, toSubscription: lib.toSubscription }, explainFrom: 'dist/explain.js' };
}

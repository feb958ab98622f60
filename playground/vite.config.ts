/**
 * The playground: a static page that runs the library's **built** ESM (dist/), never src/.
 * `npm run playground` serves it; `npm run build:playground` writes playground/dist/.
 * Everything is bundled: no CDN, no web font, so the page works offline.
 *
 * CSP_RULES_DIST=<dir> points the page at another build of the library (default: the repo's dist/).
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = resolve(here, '..');
const dist = resolve(repo, process.env['CSP_RULES_DIST'] ?? 'dist');

export default defineConfig({
  root: here,
  // Relative asset URLs: the built folder works from any path on any static server.
  base: './',
  resolve: {
    alias: [
      {
        find: /^csp-subscription-rules\/(display|lifecycle|explain|partner-center|time)$/,
        replacement: resolve(dist, '$1.js'),
      },
      { find: /^csp-subscription-rules$/, replacement: resolve(dist, 'index.js') },
    ],
  },
  server: {
    host: '127.0.0.1',
    // The page reads ../examples/*.json, ../docs/rules.md and ../dist/.
    fs: { allow: [repo] },
  },
  preview: { host: '127.0.0.1' },
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    target: 'es2022',
    // Minified, with a source map for anyone checking what runs.
    sourcemap: true,
  },
});

// Runs the built csp-rules CLI over the Partner Center examples at a fixed instant, so the
// output is the same on every run (T4) and in every TZ. Proposed as `npm run demo`
// ("demo": "npm run build --silent && node examples/demo-cli.mjs").
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const NOW = '2024-03-12T12:00:00Z';
const TZ = 'Europe/Berlin';
const ex = (name) => relative(root, join(root, 'examples', name));

const runs = [
  ['explain', ex('annual-two-batches.json'), '--now', NOW, '--tz', TZ],
  ['explain', ex('monthly-just-renewed.json'), '--now', NOW, '--tz', TZ],
  ['explain', ex('trial.json'), '--now', NOW, '--tz', TZ],
  ['explain', ex('suspended.json'), '--now', NOW, '--tz', TZ],
  ['explain', ex('marketplace-saas.json'), '--now', NOW, '--tz', TZ],
  ['explain', ex('traditional-saas-monthly.json'), '--now', NOW, '--tz', TZ],
  // A BSS storefront asset looks like any software subscription in the JSON: say which it is.
  ['explain', ex('bss-software-asset.json'), '--now', NOW, '--tz', TZ, '--program', 'bss-software'],
  ['explain', ex('bss-software-asset.json'), '--now', NOW],
  // Several files: one summary line per subscription with its alert class.
  [
    'explain',
    ...[
      'annual-two-batches',
      'monthly-just-renewed',
      'trial',
      'suspended',
      'marketplace-saas',
      'traditional-saas-monthly',
    ].map((n) => ex(`${n}.json`)),
    '--now',
    NOW,
  ],
];

let failed = 0;
for (const args of runs) {
  process.stdout.write(`$ csp-rules ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  process.stdout.write('\n');
  if (r.status !== 0) failed++;
}
process.exitCode = failed === 0 ? 0 : 1;

// Pack smoke test: installs the packed tarball into a temporary folder and uses it from ESM,
// CJS and a strict TypeScript consumer, as a user of the published package would.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'csp-rules-smoke-'));
const run = (cmd, args, cwd = dir) => execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  run('npm', ['pack', '--silent', '--pack-destination', dir], root);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack produced no tarball');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`]);

  const names = ['canCancel', 'reducibleSeats', 'planSeatReduction', 'canIncreaseSeats', 'proratedRefund', 'multiGeoMinimum'];
  const check = `const sub = { program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 15, purchasedAt: '2024-01-15T09:30:12Z' };
if (!m.canCancel(sub, { now: '2024-01-16T00:00:00Z' }).allowed) throw new Error('canCancel');
for (const n of ${JSON.stringify(names)}) if (typeof m[n] !== 'function') throw new Error('missing ' + n);`;
  writeFileSync(join(dir, 'esm.mjs'), `import * as m from 'csp-subscription-rules';\n${check}\nconsole.log('esm ok');\n`);
  writeFileSync(join(dir, 'cjs.cjs'), `const m = require('csp-subscription-rules');\n${check}\nconsole.log('cjs ok');\n`);
  process.stdout.write(run('node', ['esm.mjs']));
  process.stdout.write(run('node', ['cjs.cjs']));

  writeFileSync(
    join(dir, 'consumer.ts'),
    `import { ${names.join(', ')}, type CancelDecision, type SubscriptionInput } from 'csp-subscription-rules';
const sub: SubscriptionInput = { program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 15, purchasedAt: '2024-01-15T09:30:12Z' };
const d: CancelDecision = canCancel(sub, { now: '2024-01-16T00:00:00Z' });
const until: number | null = d.allowed ? d.until : d.opensAt;
const total: number = reducibleSeats(sub, { now: 0 }).total;
void [until, total, planSeatReduction, canIncreaseSeats, proratedRefund, multiGeoMinimum];
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true,
        module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, skipLibCheck: false, types: [],
      },
      files: ['consumer.ts'],
    }),
  );
  run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']);
  console.log('typescript consumer ok');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// T4: the suite must give the same results whatever host time zone the process runs under.
// `npm test` runs the whole suite under the default zone first; this script runs the
// time-sensitive suites again under four zones that break naive date code:
//   Pacific/Kiritimati  +14:00, the earliest zone (UTC midnight is mid-afternoon locally)
//   America/St_Johns    −03:30 / −02:30, a half-hour offset with DST
//   Asia/Kathmandu      +05:45, a quarter-hour offset
//   Pacific/Pago_Pago   −11:00, the latest inhabited zone (the local date lags UTC by a day)
// Time-sensitive = every suite except the ones listed in NOT_TIME_SENSITIVE (pure validation,
// string catalogs, static scans): a new test file is run under every zone unless listed there.
//
//   node scripts/test-tz.mjs              the four zones
//   node scripts/test-tz.mjs --list       print the suites it runs
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const zones = ['Pacific/Kiritimati', 'America/St_Johns', 'Asia/Kathmandu', 'Pacific/Pago_Pago'];
const NOT_TIME_SENSITIVE = new Set([
  'test/properties/fuzz.test.ts', // input validation; its time vectors are in properties/regressions.test.ts
  'test/properties/security.test.ts', // static scans, long strings, prototype keys
  'test/core/errors.test.ts',
  'test/decisions/multiGeo.test.ts', // seat arithmetic
  'test/policy/policy.test.ts',
  'test/decisions/upgradePaths.test.ts', // offer-name catalog
  'test/properties/repository.test.ts', // files of the repository
]);
const isE2e = (file) => file.startsWith('test/e2e/');

const suites = readdirSync(join(root, 'test'), { recursive: true })
  .map((f) => `test/${String(f).split('\\').join('/')}`)
  .filter((f) => f.endsWith('.test.ts') && !NOT_TIME_SENSITIVE.has(f) && !isE2e(f))
  .sort();

if (process.argv.includes('--list')) {
  console.log(suites.join('\n'));
  process.exit(0);
}

for (const tz of zones) {
  console.log(`\n# vitest under TZ=${tz} (${suites.length} time-sensitive suites)`);
  execFileSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', '--reporter=dot', ...suites], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TZ: tz },
  });
}

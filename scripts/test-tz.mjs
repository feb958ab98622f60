// T4: the suite must give the same results whatever host time zone the process runs under.
// `npm test` runs the whole suite under the default zone first; this script runs the
// time-sensitive suites again under eight zones that break naive date code:
//   Pacific/Kiritimati  +14:00, the earliest zone (UTC midnight is mid-afternoon locally)
//   America/St_Johns    −03:30 / −02:30, a half-hour offset with DST
//   Asia/Kathmandu      +05:45, a quarter-hour offset
//   Pacific/Pago_Pago   −11:00, the latest inhabited zone (the local date lags UTC by a day)
//   America/New_York    −05:00 / −04:00: its spring-forward gap (2024-03-10 02:00–03:00 local)
//                       shifted date-fns-tz's output by an hour (issue 16, item 7)
//   Europe/Berlin       +01:00 / +02:00, the EU rule (last Sundays of March and October, 01:00Z)
//   Australia/Sydney    +11:00 / +10:00, southern-hemisphere DST (the gap is in October)
//   America/Sao_Paulo   −03:00, DST abolished in 2019 (old rules must not come back)
// The display suites (test/display/, with the property over every 30 minutes of 2024 × 11 target
// zones) run under each of them; they run once more under a German host locale (LANG, LC_ALL),
// since Intl, left alone, falls back to the host's locale.
// Time-sensitive = every suite except the ones listed in NOT_TIME_SENSITIVE (pure validation,
// string catalogs, static scans): a new test file is run under every zone unless listed there.
//
//   node scripts/test-tz.mjs              the eight zones, then the display suites under de_DE
//   node scripts/test-tz.mjs --list       print the suites it runs
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const zones = [
  'Pacific/Kiritimati',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Pacific/Pago_Pago',
  'America/New_York',
  'Europe/Berlin',
  'Australia/Sydney',
  'America/Sao_Paulo',
];
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

const vitest = (files, env) =>
  execFileSync(join(root, 'node_modules', '.bin', 'vitest'), ['run', '--reporter=dot', ...files], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });

for (const tz of zones) {
  console.log(`\n# vitest under TZ=${tz} (${suites.length} time-sensitive suites)`);
  vitest(suites, { TZ: tz });
}

const display = suites.filter((f) => f.startsWith('test/display/'));
console.log(`\n# vitest under TZ=America/New_York, LANG=LC_ALL=de_DE.UTF-8 (${display.length} display suites)`);
vitest(display, { TZ: 'America/New_York', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' });

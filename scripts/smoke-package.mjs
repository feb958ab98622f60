// Pack smoke test: installs the packed tarball into a temporary folder and uses it from ESM,
// CJS and a strict TypeScript consumer, as a user of the published package would — for the main
// entry, ./lifecycle, ./explain, ./partner-center and ./display.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'csp-rules-smoke-'));
const run = (cmd, args, cwd = dir) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

try {
  // `npm pack` runs `prepack`, which builds: the tarball is what a publish from a clean checkout ships.
  run('npm', ['pack', '--silent', '--pack-destination', dir], root);
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (tarball === undefined) throw new Error('npm pack produced no tarball');
  const packed = new Set(
    run('tar', ['-tzf', tarball])
      .split('\n')
      .filter(Boolean)
      .map((f) => f.replace(/^package\//, '')),
  );
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const expected = [
    ...Object.values(pkg.exports).flatMap((e) =>
      typeof e === 'string' ? [e] : Object.values(e).flatMap((c) => Object.values(c)),
    ),
    ...Object.values(pkg.bin),
    pkg.main,
    pkg.module,
    pkg.types,
    'README.md',
    'LICENSE',
    'package.json',
  ].map((f) => f.replace(/^\.\//, ''));
  const absent = expected.filter((f) => !packed.has(f));
  if (absent.length > 0) throw new Error(`the tarball lacks ${absent.join(', ')}`);
  const outside = [...packed].filter(
    (f) => !f.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json', 'CHANGELOG.md'].includes(f),
  );
  if (outside.length > 0) throw new Error(`the tarball holds files it should not: ${outside.join(', ')}`);
  console.log(`tarball ok: ${packed.size} files, every entry point and the csp-rules command`);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'smoke', private: true, type: 'module' }));
  run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--silent', `./${tarball}`]);

  const names = [
    'canCancel',
    'reducibleSeats',
    'planSeatReduction',
    'canIncreaseSeats',
    'proratedRefund',
    'multiGeoMinimum',
  ];
  const check = `const sub = { program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 15, purchasedAt: '2024-01-15T09:30:12Z' };
if (!m.canCancel(sub, { now: '2024-01-16T00:00:00Z' }).allowed) throw new Error('canCancel');
// The build marks Object.freeze pure: check that snapshots are still frozen in the shipped code.
const snap = m.toSubscription({ ...sub, seatBatches: [{ quantity: 15, addedAt: sub.purchasedAt }] });
if (!Object.isFrozen(snap) || !Object.isFrozen(snap.seatBatches) || !Object.isFrozen(snap.seatBatches[0]) || !Object.isFrozen(m.toSubscription(sub).seatBatches)) throw new Error('snapshot not frozen');
for (const n of ${JSON.stringify(names)}) if (typeof m[n] !== 'function') throw new Error('missing ' + n);`;
  writeFileSync(
    join(dir, 'esm.mjs'),
    `import * as m from 'csp-subscription-rules';\n${check}\nconsole.log('esm ok');\n`,
  );
  writeFileSync(
    join(dir, 'cjs.cjs'),
    `const m = require('csp-subscription-rules');\n${check}\nconsole.log('cjs ok');\n`,
  );
  process.stdout.write(run('node', ['esm.mjs']));
  process.stdout.write(run('node', ['cjs.cjs']));

  // ./lifecycle, ./explain, ./partner-center: they share the main entry's code (one CspRulesError
  // class, one set of validated snapshots), so a snapshot or an error crosses entry points.
  const entriesCheck = `const snap = m.toSubscription({ program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 15, purchasedAt: '2024-01-15T09:30:12Z' });
const now = '2024-01-16T00:00:00Z';
const cancel = e.explain(snap, { now }).actions.find((a) => a.action === 'cancel');
if (cancel === undefined || cancel.outcome !== 'now') throw new Error('explain: ' + JSON.stringify(cancel));
if (l.renewalSchedule(snap, { now }).outcome !== 'renew') throw new Error('renewalSchedule');
const pc = p.fromPartnerCenter(${readFileSync(join(root, 'examples', 'annual-two-batches.json'), 'utf8')});
if (pc.subscription.quantity !== ${JSON.parse(readFileSync(join(root, 'examples', 'annual-two-batches.json'), 'utf8')).quantity}) throw new Error('fromPartnerCenter');
let shared = false;
try { l.transition(snap, { type: 'nope' }, { now }); } catch (x) { shared = x instanceof m.CspRulesError && x.code === 'INVALID_ENUM'; }
if (!shared) throw new Error('CspRulesError is not shared across entry points');`;
  writeFileSync(
    join(dir, 'entries-esm.mjs'),
    `import * as m from 'csp-subscription-rules';
import * as l from 'csp-subscription-rules/lifecycle';
import * as e from 'csp-subscription-rules/explain';
import * as p from 'csp-subscription-rules/partner-center';
${entriesCheck}
console.log('lifecycle, explain, partner-center esm ok');
`,
  );
  writeFileSync(
    join(dir, 'entries-cjs.cjs'),
    `const m = require('csp-subscription-rules');
const l = require('csp-subscription-rules/lifecycle');
const e = require('csp-subscription-rules/explain');
const p = require('csp-subscription-rules/partner-center');
${entriesCheck}
console.log('lifecycle, explain, partner-center cjs ok');
`,
  );
  process.stdout.write(run('node', ['entries-esm.mjs']));
  process.stdout.write(run('node', ['entries-cjs.cjs']));

  // The ./display entry (T5), from ESM and CJS. Expected strings worked out by hand:
  // 2024-03-17T14:02:45Z is 15:02:45 in Berlin (CET, +01:00).
  const displayCheck = `if (d.formatUtc('2024-03-17T14:02:45Z') !== '2024-03-17 14:02:45 UTC') throw new Error('formatUtc: ' + d.formatUtc('2024-03-17T14:02:45Z'));
if (d.formatInZone('2024-03-17T14:02:45Z', 'Europe/Berlin') !== '2024-03-17 15:02:45 +01:00') throw new Error('formatInZone');
if (d.isTimeZone('Europe/Berln') !== false) throw new Error('isTimeZone');
for (const n of ['formatDuration', 'formatRelative']) if (typeof d[n] !== 'function') throw new Error('missing display ' + n);`;
  writeFileSync(
    join(dir, 'display-esm.mjs'),
    `import * as d from 'csp-subscription-rules/display';\n${displayCheck}\nconsole.log('display esm ok');\n`,
  );
  writeFileSync(
    join(dir, 'display-cjs.cjs'),
    `const d = require('csp-subscription-rules/display');\n${displayCheck}\nconsole.log('display cjs ok');\n`,
  );
  process.stdout.write(run('node', ['display-esm.mjs']));
  process.stdout.write(run('node', ['display-cjs.cjs']));

  // The ./time entry (T1, T6): worked out by hand — P1Y from 2024-01-15 ends 2025-01-14.
  const timeCheck = `if (t.toIso(t.toInstant('2024-01-15T11:30:00+02:00', 'now')) !== '2024-01-15T09:30:00.000Z') throw new Error('toInstant');
if (t.formatDay(t.termEndDay(t.toUtcDay('2024-01-15', 'start'), 'P1Y')) !== '2025-01-14') throw new Error('termEndDay');`;
  writeFileSync(
    join(dir, 'time-esm.mjs'),
    `import * as t from 'csp-subscription-rules/time';\n${timeCheck}\nconsole.log('time esm ok');\n`,
  );
  writeFileSync(
    join(dir, 'time-cjs.cjs'),
    `const t = require('csp-subscription-rules/time');\n${timeCheck}\nconsole.log('time cjs ok');\n`,
  );
  process.stdout.write(run('node', ['time-esm.mjs']));
  process.stdout.write(run('node', ['time-cjs.cjs']));

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
    join(dir, 'display-consumer.ts'),
    `import { formatInZone, formatRelative, formatUtc, isTimeZone, type RelativeVerb } from 'csp-subscription-rules/display';
const verb: RelativeVerb = 'closes';
const zone: unknown = 'Europe/Berlin';
const shown: string = isTimeZone(zone) ? formatInZone(0, zone) : formatUtc(0);
const relative: string = formatRelative('2024-01-15T09:30:00Z', '2024-01-22T09:30:00Z', verb);
void [shown, relative];
`,
  );
  writeFileSync(
    join(dir, 'entries-consumer.ts'),
    `import { toSubscription, type Subscription } from 'csp-subscription-rules';
import { transition, type TransitionResult } from 'csp-subscription-rules/lifecycle';
import { explain, type Explanation } from 'csp-subscription-rules/explain';
import { fromPartnerCenter, type PartnerCenterNote } from 'csp-subscription-rules/partner-center';
const snap: Subscription = toSubscription({ program: 'nce-license', term: 'P1Y', billing: 'monthly', quantity: 1, purchasedAt: 0 });
const x: Explanation = explain(snap, { now: 1 });
const t: TransitionResult = transition(snap, { type: 'suspend' }, { now: 1 });
const notes: readonly PartnerCenterNote[] = fromPartnerCenter({}).notes;
void [x, t, notes];
`,
  );
  // A CommonJS TypeScript consumer: resolves the `require` conditions (the .d.cts declarations).
  writeFileSync(
    join(dir, 'consumer-cjs.cts'),
    `import rules = require('csp-subscription-rules');
import display = require('csp-subscription-rules/display');
const d: rules.CancelDecision = rules.canCancel({ program: 'nce-license', term: 'P1M', billing: 'monthly', quantity: 1, purchasedAt: 0 }, { now: 1 });
const text: string = display.formatUtc(d.allowed ? (d.until ?? 0) : 0);
void text;
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        noEmit: true,
        skipLibCheck: false,
        types: [],
      },
      files: ['consumer.ts', 'display-consumer.ts', 'entries-consumer.ts', 'consumer-cjs.cts'],
    }),
  );
  run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.json']);
  console.log('typescript consumer ok');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * The built `csp-rules` binary (dist/cli.js, from src/cli/main.ts) run as a process: its tables,
 * --json, exit codes and the built package. test/cli/run.test.ts runs the same CLI in process.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromPartnerCenter } from '../../src/partner-center/fromPartnerCenter.js';
import { explainPartnerCenter } from '../../src/partner-center/explainReported.js';

const CLI = join('dist', 'cli.js');
const NOW = '2024-03-12T12:00:00Z';
const EXAMPLES = [
  'annual-two-batches',
  'monthly-just-renewed',
  'trial',
  'suspended',
  'marketplace-saas',
  'bss-software-asset',
];
const ex = (name: string): string => join('examples', `${name}.json`);
const broken = (name: string): string => join('test', 'fixtures', 'broken', `${name}.json`);

function newest(dir: string): number {
  return readdirSync(dir).reduce((max, name) => {
    const path = join(dir, name);
    const s = statSync(path);
    return Math.max(max, s.isDirectory() ? newest(path) : s.mtimeMs);
  }, 0);
}

beforeAll(() => {
  // `npm test` builds first; when run alone, build once if the binary is missing or older than the sources.
  if (!existsSync(CLI) || statSync(CLI).mtimeMs < newest('src')) execFileSync('npx', ['tsup'], { stdio: 'ignore' });
}, 120_000);

function cli(
  args: readonly string[],
  env: Record<string, string> = {},
): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A table row: cells separated by two or more spaces. */
const row = (...cells: string[]): RegExp =>
  new RegExp(`^\\s*${cells.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s{2,}')}\\s*$`, 'm');

describe('Q4 csp-rules explain lists each open seat batch with its own deadline', () => {
  it('shows the batch closing in 20 h as well as the one closing in 5 d', () => {
    const r = cli(['explain', ex('annual-two-batches'), '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'seats: 5 added 2024-03-06 08:15:00 UTC reducible until 2024-03-13 08:15:00 UTC (closes in 20 h 15 min)',
    );
    expect(r.out).toContain(
      'seats: 3 added 2024-03-10 14:02:45 UTC reducible until 2024-03-17 14:02:45 UTC (closes in 5 d 2 h)',
    );
  });
});

describe('T5 C12 csp-rules explain: one table per subscription', () => {
  it('annual with two seat batches: reduction open, cancellation at renewal', () => {
    const r = cli(['explain', ex('annual-two-batches'), '--now', NOW, '--tz', 'Europe/Berlin']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toMatch(/alert: lock-in-soon/);
    expect(r.out).toMatch(
      row(
        'cancel',
        'at-renewal',
        '2025-01-15 00:00:00 UTC',
        '2025-01-15 01:00:00 +01:00',
        'opens in 308 d 12 h',
        // R3: the next window opens at the renewal's completion, its earliest bound assumed.
        'WINDOW_CLOSED (C1) [assumed RENEWAL_COMPLETION_ASSUMED_EARLIEST]',
      ),
    );
    expect(r.out).toMatch(
      row(
        'reduceSeats',
        'now',
        '2024-03-17 14:02:45 UTC',
        '2024-03-17 15:02:45 +01:00',
        'closes in 5 d 2 h',
        'WITHIN_WINDOW (Q2) [reported refundableQuantity.details]',
      ),
    );
    expect(r.out).toMatch(row('addSeats', 'now', '—', '—', 'no deadline', 'ALLOWED (Q1)'));
    // Q4: every batch's close on the timeline, the 5 seats' (2024-03-13T08:15Z) and the 3 seats' (2024-03-17T14:02Z).
    expect(r.out).toContain(
      'timeline (UTC): 2024-01-15 09:30 purchase ─ 2024-03-12 12:00 ▶ now ─ 2024-03-13 08:15 reduceSeats (5 seats) closes ─ 2024-03-17 14:02 reduceSeats (3 seats) closes ─ 2025-01-15 00:00 term ends / renewal starts ─ 2025-01-16 00:00 renewed by',
    );
    expect(r.out).toContain(
      'note: refundableQuantity.details[0].allowedUntilDateTime: added at 2024-03-06T08:15:00.000Z',
    );
  });

  it('C1 R3 monthly just renewed: the cancel deadline is the reported cancellationAllowedUntilDate, no completion assumed', () => {
    const r = cli(['explain', ex('monthly-just-renewed'), '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      row(
        'cancel',
        'now',
        '2024-03-15 03:12:44 UTC',
        'closes in 2 d 15 h',
        'WITHIN_WINDOW (C1) [reported cancellationAllowedUntilDate]',
      ),
    );
    expect(r.out).not.toContain('RENEWAL_COMPLETION_ASSUMED');
    // Q2: the one batch holds all 20 seats; 19 reducible, the one the policy keeps is assumed.
    expect(r.out).toMatch(
      row(
        'reduceSeats',
        'now',
        '2024-03-15 03:12:44 UTC',
        'closes in 2 d 15 h',
        'WITHIN_WINDOW (Q2) [reported refundableQuantity.details; assumed ONE_SEAT_KEPT]',
      ),
    );
    // R3: 2024-03-15T03:12:44Z − 168 h = 2024-03-08T03:12:44Z, inferred and noted.
    expect(r.out).toContain('2024-03-08 03:12 term start ─');
    expect(r.out).toContain(
      'note: cancellationAllowedUntilDate: renewal completed at 2024-03-08T03:12:44.000Z = cancellationAllowedUntilDate − 168 h (C1, R3) [inferred]',
    );
  });

  it('trial: locked status and quantity (C9, Q7), renewing soon', () => {
    const r = cli(['explain', ex('trial'), '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/trial · P1M billed monthly · 25 seats · active · auto-renew on · alert: renewing-soon/);
    expect(r.out).toMatch(row('cancel', 'never', '—', '—', 'TRIAL_STATUS_LOCKED (C9)'));
    expect(r.out).toMatch(row('reduceSeats', 'never', '—', '—', 'TRIAL_QUANTITY_LOCKED (Q7)'));
  });

  it('suspended: nothing possible (Q10), locked', () => {
    const r = cli(['explain', ex('suspended'), '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/alert: locked/);
    expect(r.out).toMatch(row('cancel', 'never', '—', '—', 'WINDOW_CLOSED (C1)'));
    expect(r.out).toMatch(row('addSeats', 'never', '—', '—', 'NOT_ACTIVE (Q10)'));
  });

  it('marketplace SaaS: 72 h window (C14)', () => {
    const r = cli(['explain', ex('marketplace-saas'), '--now', NOW]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      row(
        'cancel',
        'now',
        '2024-03-13 18:20:00 UTC',
        'closes in 1 d 6 h',
        'WITHIN_WINDOW (C14) [reported cancellationAllowedUntilDate]',
      ),
    );
  });

  it('BSS asset: 30 d with --program bss-software (C7), 7 d as a new-commerce software subscription (C16)', () => {
    const bss = cli(['explain', ex('bss-software-asset'), '--now', NOW, '--program', 'bss-software']);
    expect(bss.code).toBe(0);
    // C7 C16: the JSON has no isReturnable: taken as returnable, an assumption of the cancellation.
    expect(bss.out).toMatch(
      row(
        'cancel',
        'now',
        '2024-03-21 12:00:00 UTC',
        'closes in 9 d',
        'WITHIN_WINDOW (C7) [assumed RETURNABLE_ASSUMED]',
      ),
    );
    const nce = cli(['explain', ex('bss-software-asset'), '--now', NOW]);
    expect(nce.out).toMatch(row('cancel', 'never', '—', '—', 'WINDOW_CLOSED (C16) [assumed RETURNABLE_ASSUMED]'));
  });

  it('several files: one summary line per subscription with its alert class', () => {
    const r = cli(['explain', ...EXAMPLES.slice(0, 5).map(ex), '--now', NOW]);
    expect(r.code).toBe(0);
    const lines = r.out.trimEnd().split('\n');
    expect(lines).toHaveLength(6);
    // C12 Q4: the next deadline is the first window to close: the 5 seats' at 2024-03-13T08:15Z
    // (20 h 15 min after 2024-03-12T12:00Z), not the last batch's 5 d 2 h.
    expect(lines[1]).toMatch(
      /^examples\/annual-two-batches\.json\s.*\slock-in-soon\s+reduceSeats \(5 seats\) closes in 20 h 15 min \(2024-03-13 08:15:00 UTC\)$/,
    );
    expect(lines[3]).toMatch(
      /\sactive \(trial\)\s+renewing-soon\s+convertTrial closes in 5 d 12 h \(2024-03-18 00:00:00 UTC\)$/,
    );
    expect(lines[4]).toMatch(/\ssuspended\s+locked\s+reactivate closes in 80 d 12 h \(2024-06-01 00:00:00 UTC\)$/);
  });

  it('T4: the output does not depend on the process time zone', () => {
    const args = ['explain', ex('monthly-just-renewed'), '--now', NOW, '--tz', 'Europe/Berlin'];
    const a = cli(args, { TZ: 'Pacific/Kiritimati' });
    const b = cli(args, { TZ: 'America/Los_Angeles' });
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
  });
});

describe('--json is exactly what explainPartnerCenter returns for the same input and now', () => {
  it.each(EXAMPLES)('%s', (name) => {
    const options = name === 'bss-software-asset' ? { program: 'bss-software' as const } : {};
    const args = [
      'explain',
      ex(name),
      '--now',
      NOW,
      '--json',
      ...(name === 'bss-software-asset' ? ['--program', 'bss-software'] : []),
    ];
    const r = cli(args);
    expect(r.code).toBe(0);
    const read = fromPartnerCenter(JSON.parse(readFileSync(ex(name), 'utf8')), options);
    expect(r.out).toBe(`${JSON.stringify(explainPartnerCenter(read, { now: NOW }))}\n`);
  });
});

describe('T1 what Microsoft sends is read (notes), a record that cannot be is skipped (exit 3), unusable input is exit 2', () => {
  it.each([
    ['missing-field', 'note: creationDate: unknown: the purchase is taken as effectiveStartDate'],
    ['date-without-offset', 'note: creationDate: "2024-01-15T09:30:12" has no offset: read as UTC'],
    [
      'wrong-enum',
      'note: billingCycle: "fortnightly" is not one of monthly, annual, triennial, none, oneTime: unknown',
    ],
  ])('T1 B1 %s: read, exit 0, with the note', (name, note) => {
    const r = cli(['explain', broken(name), '--now', NOW]);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain(note);
  });
  it('a mixed collection: every in-scope record answered, each skipped one named with why, exit 3', () => {
    const file = 'test/fixtures/partner-center/pcps-session-customer-subscriptions-azure-suspended.json';
    const r = cli(['explain', file, ex('trial'), '--now', NOW]);
    expect(r.code).toBe(3);
    expect(r.err.split('\n')).toEqual([
      `csp-rules: skipped ${file}[0] (4F26A5CA-C468-4715-8FC5-A14F28BCC29B): not-covered: items[0].billingType: "usage" billing is not covered (license-based subscriptions only) (INVALID_ENUM)`,
      `csp-rules: skipped ${file}[1] (B34024C7-9258-4841-BD0B-1E2A5D5C9D8D): not-covered: items[1].productType.id: legacy Microsoft license-based subscriptions are not covered; expected OnlineServicesNCE, Software or SaaS (or pass options.program) (MISSING_FIELD)`,
      '',
    ]);
    expect(r.out).toContain(ex('trial'));
  });
  it('invalid JSON and unreadable files', () => {
    const bad = cli(['explain', broken('not-json'), '--now', NOW]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(new RegExp(`^csp-rules: ${broken('not-json').replaceAll('/', '\\/')}: not valid JSON \\(`));
    const missing = cli(['explain', 'nope/none.json', '--now', NOW]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^csp-rules: nope\/none\.json: cannot read the file \(ENOENT/);
  });
  it('bad options', () => {
    expect(cli(['explain', ex('trial'), '--now', '2024-03-12T12:00:00']).err).toMatch(
      /^csp-rules: --now: "2024-03-12T12:00:00" has no Z or offset/,
    );
    expect(cli(['explain', ex('trial'), '--tz', 'Europe/Berln']).err).toBe(
      'csp-rules: --tz: expected an IANA time zone such as Europe/Berlin, got "Europe/Berln"\n',
    );
    expect(cli(['explain', ex('trial'), '--program', 'csp']).err).toMatch(
      /^csp-rules: --program: expected one of nce-license/,
    );
    expect(cli(['explain', ex('trial'), '--alert-days', 'x']).code).toBe(2);
    const unknown = cli(['explain', ex('trial'), '--verbose']);
    expect([unknown.code, unknown.err.split('\n')[0]]).toEqual([2, 'csp-rules: unknown option --verbose']);
    expect(cli(['explain']).code).toBe(2);
    expect(cli(['summarize', ex('trial')]).code).toBe(2);
  });
  it('--help prints the usage, exit 0', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Usage: csp-rules explain FILE\.json/);
  });
  it('--version prints the package version, exit 0', () => {
    const r = cli(['--version']);
    expect([r.code, r.out]).toEqual([
      0,
      `${(JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version}\n`,
    ]);
  });
});

describe('the built package', () => {
  it('dist/cli.js is the bin, with a shebang', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['csp-rules']).toBe('dist/cli.js');
    expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });
  it('T5: no entry point, display included, imports date-fns or date-fns-tz, through its chunks either (display uses Intl)', () => {
    // Every file an entry loads: itself and the chunks it imports or requires, transitively.
    const reach = (file: string, seen = new Set<string>()): Set<string> => {
      if (seen.has(file)) return seen;
      seen.add(file);
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from |require\()['"]\.\/([^'"]+)['"]/g))
        reach(join('dist', m[1]!), seen);
      return seen;
    };
    for (const entry of ['index', 'lifecycle', 'explain', 'partner-center', 'display']) {
      for (const ext of ['js', 'cjs']) {
        const files = [...reach(join('dist', `${entry}.${ext}`))];
        expect(files.length).toBeGreaterThan(1); // the entry and at least one shared chunk
        for (const file of files)
          expect(readFileSync(file, 'utf8'), file).not.toMatch(
            /['"]date-fns(?:-tz)?(?:\/[^'"]*)?['"]|formatInTimeZone/,
          );
      }
    }
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../src/cli/args.js';
import { run } from '../../src/cli/run.js';
import { memoryIo } from '../support/memoryIo.js';

// The CLI in process (no build needed): the same tables the binary prints (test/cli.test.ts runs
// the built dist/cli.js), so mutation testing can reach src/cli/.
const NOW = '2024-03-12T12:00:00Z';
const ex = (name: string): string => join('examples', `${name}.json`);

describe('T5 C12 Q4 csp-rules explain rendered in process', () => {
  it('annual with two seat batches: rows, per-batch deadlines, timeline', () => {
    const io = memoryIo({ 'annual.json': readFileSync(ex('annual-two-batches'), 'utf8') });
    expect(run(['explain', 'annual.json', '--now', NOW, '--tz', 'Europe/Berlin'], io)).toBe(0);
    const out = io.out.join('');
    expect(out).toMatch(
      /^\s*cancel\s{2,}at-renewal\s{2,}2025-01-15 00:00:00 UTC\s{2,}2025-01-15 01:00:00 \+01:00\s{2,}opens in 308 d 12 h\s{2,}WINDOW_CLOSED \(C1\)\s*$/m,
    );
    expect(out).toMatch(
      /^\s*reduceSeats\s{2,}now\s{2,}2024-03-17 14:02:45 UTC\s{2,}2024-03-17 15:02:45 \+01:00\s{2,}closes in 5 d 2 h\s{2,}WITHIN_WINDOW \(Q2\)\s*$/m,
    );
    expect(out).toContain(
      'seats: 5 added 2024-03-06 08:15:00 UTC reducible until 2024-03-13 08:15:00 UTC (closes in 20 h 15 min)',
    );
    expect(out).toContain(
      'timeline (UTC): 2024-01-15 09:30 purchase ─ 2024-03-12 12:00 ▶ now ─ 2024-03-17 14:02 reduceSeats closes ─ 2025-01-15 00:00 term ends / renewal starts ─ 2025-01-16 00:00 renewed by',
    );
    expect(io.err).toEqual([]);
  });

  it('several files: one summary line each, with the alert class and the next deadline', () => {
    const io = memoryIo({
      'a.json': readFileSync(ex('annual-two-batches'), 'utf8'),
      't.json': readFileSync(ex('trial'), 'utf8'),
    });
    expect(run(['explain', 'a.json', 't.json', '--now', NOW], io)).toBe(0);
    const lines = io.out.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^a\.json\s.*\slock-in-soon\s+reduceSeats closes in 5 d 2 h \(2024-03-17 14:02:45 UTC\)$/);
    expect(lines[2]).toMatch(
      /^t\.json\s.*\sactive \(trial\)\s+renewing-soon\s+convertTrial closes in 5 d 12 h \(2024-03-18 00:00:00 UTC\)$/,
    );
  });

  it('T1 bad input exits 2 with the file and the field', () => {
    const io = memoryIo({
      'bad.json': readFileSync(join('test', 'fixtures', 'broken', 'date-without-offset.json'), 'utf8'),
    });
    expect(run(['explain', 'bad.json', '--now', NOW], io)).toBe(2);
    expect(io.err.join('')).toMatch(/^csp-rules: bad\.json: \S+: .*\(AMBIGUOUS_INSTANT\)/);
  });
});

describe('run() in process', () => {
  it('without --now the CLI, and only the CLI, reads the clock it is given', () => {
    const io = memoryIo({ 'a.json': readFileSync(ex('marketplace-saas'), 'utf8') });
    expect(run(['explain', 'a.json', '--json'], { ...io, clock: () => Date.parse('2024-03-13T18:19:59.999Z') })).toBe(
      0,
    );
    const out = JSON.parse(io.out.join(''));
    expect(out.now).toBe(Date.parse('2024-03-13T18:19:59.999Z'));
    expect(out.actions[0]).toMatchObject({ action: 'cancel', outcome: 'now' });
  });
  it('an unexpected failure exits 1', () => {
    const ok = memoryIo({ 'a.json': readFileSync(ex('trial'), 'utf8') });
    expect(
      run(['explain', 'a.json', '--now', NOW], {
        ...ok,
        stdout: () => {
          throw new Error('EPIPE');
        },
      }),
    ).toBe(1);
    expect(ok.err.join('')).toMatch(/^csp-rules: unexpected error: Error: EPIPE/);
  });
  it('parseArgs', () => {
    expect(
      parseArgs(['explain', 'a.json', '--now=2024-03-12T12:00:00Z', '--tz', 'Asia/Tokyo', '--json']),
    ).toMatchObject({
      command: 'explain',
      files: ['a.json'],
      now: '2024-03-12T12:00:00Z',
      tz: 'Asia/Tokyo',
      json: true,
    });
    expect(parseArgs(['explain', '--', '--odd-name.json']).files).toEqual(['--odd-name.json']);
    expect(() => parseArgs(['explain', 'a.json', '--now'])).toThrow(UsageError);
    expect(() => parseArgs(['explain', 'a.json', '--json=1'])).toThrow(UsageError);
    expect(parseArgs([]).command).toBe('help');
  });
});

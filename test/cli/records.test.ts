/**
 * The alert-job formats (src/cli/records.ts through run): --jsonl, --csv, --alert and its exit
 * code, standard input, streaming chunks, a closed pipe, and a subscription that never renews.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputClosed, run } from '../../src/cli/run.js';
import { memoryIo } from '../support/memoryIo.js';

const NOW = '2024-03-12T12:00:00Z';
const example = (name: string): string => readFileSync(join('examples', `${name}.json`), 'utf8');

describe('--jsonl: one line per record, instants as ISO text and epoch ms, with the notes and the file', () => {
  it('C1 R3 the renewed example: the reported cancel deadline, marked reported, in both forms', () => {
    const io = memoryIo({ 'm.json': example('monthly-just-renewed') });
    expect(run(['explain', 'm.json', '--now', NOW, '--jsonl'], io)).toBe(0);
    expect(io.out).toHaveLength(1);
    const line = JSON.parse(io.out[0] as string);
    expect(line).toMatchObject({
      file: 'm.json',
      index: null,
      ok: true,
      alert: 'lock-in-soon',
      nowMs: Date.parse(NOW),
    });
    expect(line.actions[0]).toEqual({
      action: 'cancel',
      outcome: 'now',
      until: '2024-03-15T03:12:44.000Z',
      untilMs: Date.parse('2024-03-15T03:12:44Z'),
      opensAt: null,
      opensAtMs: null,
      source: 'reported',
      reportedField: 'cancellationAllowedUntilDate',
      reason: 'WITHIN_WINDOW',
      rule: 'C1',
      assumptions: [],
      warnings: [],
    });
    expect(line.notes.map((n: { code: string }) => n.code)).toEqual([
      'RENEWAL_COMPLETION_INFERRED',
      'SEAT_BATCH_ADDED_AT_INFERRED',
    ]);
  });
  it('T2 commitmentEndDate 9999-12-31 never renews: no term end and no renewal instant (null), no crash', () => {
    const json = { ...JSON.parse(example('monthly-just-renewed')), commitmentEndDate: '9999-12-31T00:00:00Z' };
    const io = memoryIo({ 'n.json': JSON.stringify(json) });
    expect(run(['explain', 'n.json', '--now', NOW, '--jsonl'], io)).toBe(0);
    const line = JSON.parse(io.out[0] as string);
    expect([line.neverRenews, line.termEndsAt, line.termEndsAtMs]).toEqual([true, null, null]);
    const text = memoryIo({ 'n.json': JSON.stringify(json) });
    expect(run(['explain', 'n.json', '--now', NOW], text)).toBe(0);
    expect(text.out.join('')).toContain(
      'never renews: commitmentEndDate is in year 9999 (no term end, no renewal instant)',
    );
    const asJson = memoryIo({ 'n.json': JSON.stringify(json) });
    expect(run(['explain', 'n.json', '--now', NOW, '--json'], asJson)).toBe(0);
    expect(JSON.parse(asJson.out.join('')).timeline.termEndsAt).toBeNull();
  });
});

describe('--csv', () => {
  it('a header, then one row per record; skipped records with their reason', () => {
    const list = [JSON.parse(example('trial')), { id: 'x', quantity: 1, status: 'active', billingType: 'usage' }];
    const io = memoryIo({ 'l.json': JSON.stringify(list) });
    expect(run(['explain', 'l.json', '--now', NOW, '--csv'], io)).toBe(3);
    const rows = io.out.join('').split('\r\n');
    expect(rows[0]).toBe(
      'file,index,id,offerName,program,status,alert,cancel,cancelUntil,cancelSource,reduceSeats,reduceSeatsUntil,termEndsAt,neverRenews,skipped,notes',
    );
    expect(rows[1]).toMatch(/^l\.json,0,b7d1c2e3-/);
    // RFC 4180: the message has quotes, so the cell is quoted and its quotes doubled.
    expect(rows[2]).toMatch(
      /^l\.json,1,x,,,,,,,,,,,,not-covered,"\[1\]\.billingType: ""usage"" billing is not covered/,
    );
  });
});

describe('--alert: only the classes asked for; exit 4 when one matches, 0 when none', () => {
  it('lock-in-soon matches the renewed example (exit 4); est does not (exit 0, nothing printed)', () => {
    const files = { 'm.json': example('monthly-just-renewed') };
    const hit = memoryIo(files);
    expect(run(['explain', 'm.json', '--now', NOW, '--alert', 'lock-in-soon,renewing-soon', '--jsonl'], hit)).toBe(4);
    expect(hit.out).toHaveLength(1);
    const miss = memoryIo(files);
    expect(run(['explain', 'm.json', '--now', NOW, '--alert', 'est', '--jsonl'], miss)).toBe(0);
    expect(miss.out).toEqual([]);
  });
  it('an unknown class is unusable input (exit 2)', () => {
    const io = memoryIo({ 'm.json': example('trial') });
    expect(run(['explain', 'm.json', '--now', NOW, '--alert', 'soon'], io)).toBe(2);
    expect(io.err.join('')).toMatch(/^csp-rules: --alert: unknown class "soon"/);
  });
});

describe('input and output edges', () => {
  it('- reads standard input (the Io file "-"), in chunks when the Io streams', () => {
    const text = JSON.stringify([JSON.parse(example('trial')), JSON.parse(example('suspended'))]);
    const chunks = [text.slice(0, 7), text.slice(7, 1000), text.slice(1000)];
    const io = { ...memoryIo({}), readChunks: (path: string) => (path === '-' ? chunks : []) };
    expect(run(['explain', '-', '--now', NOW, '--jsonl'], io)).toBe(0);
    expect(io.out.map((l) => JSON.parse(l).file)).toEqual(['-', '-']);
  });
  it('a closed pipe (| head -1) stops the run quietly: no message, the exit code so far', () => {
    const list = JSON.stringify([JSON.parse(example('trial')), JSON.parse(example('suspended'))]);
    const io = memoryIo({ 'l.json': list });
    let written = 0;
    const code = run(['explain', 'l.json', '--now', NOW, '--jsonl'], {
      ...io,
      stdout: () => {
        written++;
        throw new OutputClosed('closed');
      },
    });
    expect([code, written, io.err]).toEqual([0, 1, []]);
  });
  it('--version prints the version the Io gives', () => {
    const io = { ...memoryIo({}), version: '1.2.3' };
    expect(run(['--version'], io)).toBe(0);
    expect(io.out).toEqual(['1.2.3\n']);
  });
});

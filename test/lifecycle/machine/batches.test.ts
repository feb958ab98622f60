import { describe, expect, it } from 'vitest';
import { currentBatches, releasePlanned, takeNewest } from '../../../src/lifecycle/machine/batches.js';
import { DEFAULT_POLICY, definePolicy } from '../../../src/policy/policy.js';
import { toSubscription } from '../../../src/snapshot/subscription.js';
import { nceAnnual as base } from '../../support/subscriptions.js';
import { at } from '../../support/time.js';

// base: bought 2024-01-15T09:30Z, 10 seats; term 2024-01-15 – 2025-01-14.
const T0 = at('2024-01-15T09:30:00Z');
const T1 = at('2024-02-01T00:00:00Z');
const T2 = at('2024-03-01T00:00:00Z');
/** A batch as the machine rewrites it: no reported deadline unless given (Q2). */
const b = (quantity: number, addedAt: number, until: number | null = null) => ({ quantity, addedAt, until });
/** An open batch of the reduction plan (its `until` plays no part in the rewrite). */
const open = (quantity: number, addedAt: number) => ({ quantity, addedAt, until: addedAt + 7 * 86_400_000 });

describe('Q2 currentBatches: the snapshot’s batches, or the one assumed batch', () => {
  it('Q2: known batches are copied, each one as given (a copy: rewriting it leaves the snapshot alone)', () => {
    const sub = toSubscription({
      ...base,
      quantity: 15,
      seatBatches: [
        { quantity: 10, addedAt: T0 },
        { quantity: 5, addedAt: T1 },
      ],
    });
    const batches = currentBatches(sub, DEFAULT_POLICY);
    expect(batches).toEqual([b(10, T0), b(5, T1)]);
    (batches[0] as { quantity: number }).quantity = 1;
    expect(sub.seatBatches[0]).toEqual(b(10, T0));
  });

  it('Q2: unknown batches: the whole quantity at the term’s window start (the purchase)', () => {
    // No batches given: one batch of 10 at the term start = the purchase instant.
    expect(currentBatches(toSubscription(base), DEFAULT_POLICY)).toEqual([b(10, T0)]);
  });

  it('Q2 R3: a renewed term of unknown completion: the batch at the policy’s bound (later than the purchase)', () => {
    // Renewed 2025-01-15, completion unknown: earliest = 00:00Z of 2025-01-15, latest = +24 h.
    const renewed = toSubscription({
      ...base,
      termStartedAt: null,
      termStartDate: '2025-01-15',
      termEndDate: '2026-01-14',
    });
    expect(currentBatches(renewed, DEFAULT_POLICY)).toEqual([b(10, at('2025-01-15T00:00:00Z'))]);
    expect(currentBatches(renewed, definePolicy({ unknownRenewalCompletion: 'latest' }))).toEqual([
      b(10, at('2025-01-16T00:00:00Z')),
    ]);
  });

  it('Q2 U9: an inherited window older than the purchase: the batch is never dated before the purchase', () => {
    // A partial upgrade's subscription bought 2024-01-16 with the parent's window from 2024-01-15T09:30Z.
    const created = toSubscription({
      ...base,
      quantity: 4,
      purchasedAt: '2024-01-16T00:00:00Z',
      termEndDate: '2025-01-14',
      cancellationWindowFrom: T0,
    });
    expect(currentBatches(created, DEFAULT_POLICY)).toEqual([b(4, at('2024-01-16T00:00:00Z'))]);
  });
});

describe('Q2 releasePlanned: the plan’s seats leave the batches it names', () => {
  it('Q2: seats come only from the batch with the named date, and an emptied batch is dropped', () => {
    // Release 3 of the T1 batch (5 → 2) and all 4 of the T2 batch; the T0 batch is untouched.
    const batches = [b(10, T0), b(5, T1), b(4, T2)];
    expect(releasePlanned(batches, [open(3, T1), open(4, T2)])).toEqual([b(10, T0), b(2, T1)]);
  });

  it('Q2: the first (oldest) batch can be released too', () => {
    // 2 of the 10 bought at T0 → 8 left; the T1 batch is not named.
    expect(releasePlanned([b(10, T0), b(5, T1)], [open(2, T0)])).toEqual([b(8, T0), b(5, T1)]);
  });

  it('Q2: two batches of the same instant: the later one in the list gives its seats first', () => {
    // 4 seats at T1 from [5, 3]: the last (3) empties, then 1 from the first → [4].
    expect(releasePlanned([b(5, T1), b(3, T1)], [open(4, T1)])).toEqual([b(4, T1)]);
  });

  it('Q2: a release names no batch: nothing changes; no release: nothing changes', () => {
    expect(releasePlanned([b(5, T1)], [open(2, T2)])).toEqual([b(5, T1)]);
    expect(releasePlanned([b(5, T1)], [])).toEqual([b(5, T1)]);
  });
});

// Q2 (catalogue): "A deadline Partner Center reports for a batch … bounds its window": the seats
// that stay keep it.
describe('Q2 a reported deadline stays with the seats that remain', () => {
  it('Q2: currentBatches copies until; releasePlanned and takeNewest keep it on what is left', () => {
    const until = at('2024-02-05T00:00:00Z');
    const sub = toSubscription({
      ...base,
      quantity: 15,
      seatBatches: [
        { quantity: 10, addedAt: T0 },
        { quantity: 5, addedAt: T1, until },
      ],
    });
    expect(currentBatches(sub, DEFAULT_POLICY)).toEqual([b(10, T0), b(5, T1, until)]);
    expect(releasePlanned(currentBatches(sub, DEFAULT_POLICY), [open(2, T1)])).toEqual([b(10, T0), b(3, T1, until)]);
    expect(takeNewest(currentBatches(sub, DEFAULT_POLICY), 4)).toEqual([b(10, T0), b(1, T1, until)]);
  });
});

describe('U4 takeNewest: the seats moved to a partial upgrade leave the newest batches first', () => {
  it('U4: newest first, whatever the order of the list; emptied batches are dropped', () => {
    // 7 seats from batches T0:10, T2:4, T1:5 (listed out of order): T2 gives 4, T1 gives 3 → T1:2.
    const batches = [b(10, T0), b(4, T2), b(5, T1)];
    expect(takeNewest(batches, 7)).toEqual([b(10, T0), b(2, T1)]);
  });

  it('U4: newest first when listed oldest first; reaching into the oldest batch', () => {
    // 12 seats from T0:10, T1:5: T1 gives 5, T0 gives 7 → T0:3.
    expect(takeNewest([b(10, T0), b(5, T1)], 12)).toEqual([b(3, T0)]);
    // 7 from T0:10, (T0 + 9 ms):5 → T0:8.
    expect(takeNewest([b(10, T0), b(5, T0 + 9)], 7)).toEqual([b(8, T0)]);
  });

  it('U4: taking nothing changes nothing', () => {
    expect(takeNewest([b(10, T0), b(5, T1)], 0)).toEqual([b(10, T0), b(5, T1)]);
  });
});

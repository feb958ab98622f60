/**
 * Q2: seat batches as a transition rewrites them — a new batch for seats added now, seats
 * released from the batches a plan names, seats moved out newest first (U4).
 */
import type { OpenBatch } from '../../decisions/seats.js';
import type { Subscription } from '../../snapshot/subscription.js';
import { termWindowStart } from '../../snapshot/termWindow.js';
import type { Policy } from '../../policy/policy.js';

/** A mutable batch while rewriting. */
interface Batch {
  quantity: number;
  readonly addedAt: number;
  /** A reported deadline, kept with the seats that stay. */
  readonly until: number | null;
}

/**
 * The snapshot's batches; when unknown, the assumed single batch at the term's window start
 * (Q2, as `reducibleSeats` assumes it), never before the purchase.
 */
export function currentBatches(sub: Subscription, policy: Policy): Batch[] {
  if (sub.seatBatchesKnown) {
    return sub.seatBatches.map((b) => ({ quantity: b.quantity, addedAt: b.addedAt, until: b.until }));
  }
  return [
    { quantity: sub.quantity, addedAt: Math.max(termWindowStart(sub, policy).start, sub.purchasedAt), until: null },
  ];
}

/**
 * Q2: removes the seats a reduction plan releases from the batches it names.
 */
export function releasePlanned(batches: Batch[], release: readonly OpenBatch[]): Batch[] {
  // Linear in batches + releases: the batches of each instant, newest index first, looked up once
  // (a scan of every batch per release was quadratic, issue 16).
  const byInstant = new Map<number, number[]>();
  for (let i = batches.length - 1; i >= 0; i--) {
    const at = (batches[i] as Batch).addedAt;
    const list = byInstant.get(at);
    if (list === undefined) byInstant.set(at, [i]);
    else list.push(i);
  }
  for (const r of release) {
    let left = r.quantity;
    for (const i of byInstant.get(r.addedAt) ?? []) {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: once left is 0 every further take is min(quantity, 0) = 0, so scanning on changes nothing
      if (left <= 0) break;
      const b = batches[i] as Batch;
      const take = Math.min(b.quantity, left);
      b.quantity -= take;
      left -= take;
    }
  }
  return batches.filter((b) => b.quantity > 0);
}

/**
 * U4: removes `count` seats, newest batches first (the seats moved to a partial upgrade).
 */
export function takeNewest(batches: Batch[], count: number): Batch[] {
  const order = batches.map((_, i) => i).sort((a, b) => (batches[b] as Batch).addedAt - (batches[a] as Batch).addedAt);
  let left = count;
  for (const i of order) {
    const b = batches[i] as Batch;
    const take = Math.min(b.quantity, left);
    b.quantity -= take;
    left -= take;
  }
  return batches.filter((b) => b.quantity > 0);
}

/**
 * Q2: batches holding no more than `quantity` seats in all: the excess leaves the newest first
 * (a reduction released from a batch the snapshot does not list yet, such as the renewal's).
 */
export function withinQuantity(batches: Batch[], quantity: number): Batch[] {
  let sum = 0;
  for (const b of batches) sum += b.quantity;
  return sum <= quantity ? batches : takeNewest(batches, sum - quantity);
}

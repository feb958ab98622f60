/**
 * Q2, Q4: Partner Center's `refundableQuantity.details` as the snapshot's seat batches. The
 * resource reports only the end of each batch's reduction window, so the instant a batch was
 * added is **inferred**: `addedAt` = `allowedUntilDateTime` − the program's seat window.
 */
import type { Policy } from '../policy/policy.js';
import type { Program } from '../policy/programs.js';
import type { SeatBatchInput } from '../snapshot/subscription.js';
import { HOUR_MS } from '../time/day.js';
import type { Instant } from '../time/instant.js';
import type { Note } from './notes.js';
import { readRefundable, type At } from './read.js';

/** Seat batches read, with the JSON path of each (for error messages). */
export interface Batches {
  readonly batches: readonly SeatBatchInput[];
  /** JSON path of each batch, for error messages. */
  readonly paths: readonly string[];
}

/**
 * Q2, Q4: `refundableQuantity.details` → seat batches; `undefined` when unknown (absent) or
 * irrelevant (a program without seat reduction, Q8/C2). Notes record each inference.
 */
export function readBatches(
  root: At,
  program: Program,
  policy: Policy,
  purchasedAt: Instant,
  notes: Note[],
): Batches | undefined {
  const refundable = readRefundable(root);
  const pp = policy.programs[program];
  if (pp.seatReduction === 'never' || pp.seatWindowHours === 0) {
    if (refundable !== null) {
      notes.push({
        code: 'SEAT_BATCHES_IGNORED',
        field: 'refundableQuantity',
        kind: 'defaulted',
        message: `${program} has no seat reduction (Q8, C2)`,
      });
    }
    return undefined;
  }
  if (refundable === null || refundable.details === null) {
    notes.push({
      code: 'SEAT_BATCHES_UNKNOWN',
      field: refundable === null ? 'refundableQuantity' : 'refundableQuantity.details',
      kind: 'unknown',
      message: 'absent: seat batches unknown; seat decisions assume SEAT_BATCHES_ASSUMED',
    });
    return undefined;
  }
  const window = pp.seatWindowHours * HOUR_MS;
  const batches: SeatBatchInput[] = [];
  // Stryker disable next-line ArrayDeclaration: equivalent, paths only name batches in partnerCenter.ts validate()'s remap, which no batch read here reaches
  const paths: string[] = [];
  refundable.details.forEach((detail, i) => {
    const path = `refundableQuantity.details[${i}].allowedUntilDateTime`;
    if (detail.quantity === 0) return; // nothing to reduce in it
    let addedAt = detail.allowedUntil - window;
    if (addedAt < purchasedAt) {
      notes.push({
        code: 'SEAT_BATCH_CLAMPED_TO_PURCHASE',
        field: path,
        kind: 'inferred',
        message:
          'inferred addition before creationDate: taken as creationDate; the reported allowedUntilDateTime still ends its window',
      });
      addedAt = purchasedAt;
    }
    notes.push({
      code: 'SEAT_BATCH_ADDED_AT_INFERRED',
      field: path,
      kind: 'inferred',
      message: `added at ${new Date(addedAt).toISOString()} = allowedUntilDateTime − ${pp.seatWindowHours} h (Q2)`,
    });
    // Q2, Q4: the reported deadline is a fact: the batch's window never ends later.
    batches.push({ quantity: detail.quantity, addedAt, until: detail.allowedUntil });
    paths.push(path);
  });
  return { batches, paths };
}

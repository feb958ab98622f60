/**
 * What the timeline picture shows, as data: the current term, the cancellation window, each
 * seat batch's reduction window, the renewal and the window after it, and the event markers.
 * Every window comes from the library's own decisions (probed at the window's start), so the
 * picture can't disagree with the answers beside it.
 */
import type { Subscription } from 'csp-subscription-rules';
import type { Explanation } from 'csp-subscription-rules/explain';
import { lib } from './lib.js';
import type { Span } from './scale.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What a band is. */
export type BandKind = 'cancel' | 'cancel-full' | 'cancel-scheduled' | 'seats' | 'renewal' | 'post-renewal';

/** A window [start, end) on one lane. */
export interface Band extends Span {
  readonly kind: BandKind;
  /** Short text drawn with the band. */
  readonly label: string;
  readonly rule: string | null;
}

/** One row of the picture. */
export interface Lane {
  readonly id: string;
  readonly label: string;
  readonly bands: readonly Band[];
  /** Shown when the lane has no band (why not). */
  readonly note: string | null;
}

/** A vertical line at an instant. */
export interface Marker {
  readonly kind: 'purchase' | 'term-start' | 'term-end' | 'renewal';
  readonly at: number;
  readonly label: string;
}

/** The picture's content. */
export interface TimelineModel {
  /** The time range drawn (and the range of the "now" slider). */
  readonly range: Span;
  /** Spans drawn to scale; the rest is compressed. */
  readonly focus: readonly Span[];
  /** The current term [window start, term end). */
  readonly term: Span;
  readonly lanes: readonly Lane[];
  readonly markers: readonly Marker[];
}

function cancelLane(sub: Subscription, from: number, termEndsAt: number): Lane {
  const program = lib.DEFAULT_POLICY.programs[sub.program];
  // The window runs from the purchase or from the term start, per program (C4/C5/C7/C13/C14 vs C1/C8/C16).
  const start = program.cancelFrom === 'purchase' ? sub.purchasedAt : from;
  const first = lib.canCancel(sub, { now: start });
  if (!first.allowed)
    return { id: 'cancel', label: 'Cancellation', bands: [], note: `not possible (${first.rule} ${first.reason})` };
  const bands: Band[] = [];
  if (first.effective === 'immediate' && first.until !== null) {
    bands.push({
      kind: 'cancel',
      start,
      end: first.until,
      label: `cancel, ${program.refund} refund`,
      rule: first.rule,
    });
    if (first.fullRefundUntil !== null) {
      // C15: the full-refund tier at the start of a prorated window (drawn over it).
      bands.push({ kind: 'cancel-full', start, end: first.fullRefundUntil, label: 'full refund', rule: 'C15' });
    }
    // C4/C5: after the window, a cancellation is accepted for the term end.
    const after = lib.canCancel(sub, { now: first.until });
    if (after.allowed && after.effective === 'at-renewal' && after.until !== null) {
      bands.push({
        kind: 'cancel-scheduled',
        start: first.until,
        end: after.until,
        label: 'cancel at term end',
        rule: after.rule,
      });
    }
  } else if (first.until !== null) {
    bands.push({
      kind: 'cancel-scheduled',
      start,
      end: Math.min(first.until, termEndsAt),
      label: 'cancel at term end',
      rule: first.rule,
    });
  }
  return { id: 'cancel', label: 'Cancellation', bands, note: null };
}

function seatLanes(sub: Subscription, from: number): Lane[] {
  const probe = lib.reducibleSeats(sub, { now: from });
  const hours = lib.DEFAULT_POLICY.programs[sub.program].seatWindowHours;
  if (!probe.allowed && probe.batches.length === 0 && probe.reason !== 'NO_OPEN_BATCH') {
    return [{ id: 'seats', label: 'Seat reduction', bands: [], note: `not possible (${probe.rule} ${probe.reason})` }];
  }
  // Q2: each batch has its own window, addedAt → addedAt + 168 h. Unknown batches: the library
  // assumes the whole quantity at the term start (SEAT_BATCHES_ASSUMED), as reducibleSeats does.
  const batches = sub.seatBatchesKnown ? sub.seatBatches : [{ quantity: sub.quantity, addedAt: from }];
  return batches.map((b, i) => ({
    id: `batch-${i}`,
    label: `Batch ${i + 1}: ${b.quantity} seat${b.quantity === 1 ? '' : 's'}${sub.seatBatchesKnown ? '' : ' (assumed)'}`,
    bands: [
      { kind: 'seats', start: b.addedAt, end: b.addedAt + hours * HOUR, label: `reduce ${b.quantity}`, rule: 'Q2' },
    ],
    note: null,
  }));
}

/**
 * The picture of the subscription's current term.
 *
 * @param now - the instant shown; the range grows to include it
 */
export function timelineModel(sub: Subscription, explanation: Explanation, now: number): TimelineModel {
  const t = explanation.timeline;
  const lanes: Lane[] = [cancelLane(sub, t.windowStart, t.termEndsAt), ...seatLanes(sub, t.windowStart)];

  const markers: Marker[] = [{ kind: 'purchase', at: t.purchasedAt, label: 'Purchase' }];
  if (t.windowStart !== t.purchasedAt) markers.push({ kind: 'term-start', at: t.windowStart, label: 'Term start' });
  markers.push({ kind: 'term-end', at: t.termEndsAt, label: 'Term end' });

  if (t.renewalStartsAt !== null && t.renewalCompletesBy !== null) {
    markers.push({ kind: 'renewal', at: t.renewalStartsAt, label: 'Renewal' });
    const program = lib.DEFAULT_POLICY.programs[sub.program];
    const bands: Band[] = [];
    if (program.cancelFrom === 'term-start') {
      // R3: the new term's windows run from the exact completion instant, somewhere in the first 24 h (R2):
      // drawn from the renewal start, 7 d (the program's window) long.
      const hours = program.cancelWindowHours[sub.billing];
      bands.push({
        kind: 'post-renewal',
        start: t.renewalStartsAt,
        end: t.renewalStartsAt + hours * HOUR,
        label: `${hours / 24} d from renewal completion`,
        rule: 'R3',
      });
    }
    bands.push({ kind: 'renewal', start: t.renewalStartsAt, end: t.renewalCompletesBy, label: 'renewing', rule: 'R2' });
    // Programs whose window runs from the purchase (C4, C5, C7, C13, C14) get no new window at renewal.
    const note = program.cancelFrom === 'term-start' ? null : 'no new window (runs from purchase)';
    lanes.push({ id: 'renewal', label: 'Renewal', bands, note });
  } else {
    // R5: no renewal window. A trial converts (or ends) at its end instead (TR rules).
    const why = sub.trial
      ? 'trial: converts or ends at term end, no renewal window'
      : sub.status !== 'active'
        ? `${sub.status}: no renewal (R5)`
        : 'auto-renew off: expires at term end (R5)';
    lanes.push({ id: 'renewal', label: 'Renewal', bands: [], note: why });
  }

  const bands = lanes.flatMap((l) => l.bands);
  const instants = [...markers.map((m) => m.at), ...bands.flatMap((b) => [b.start, b.end])];
  const start = Math.min(...instants) - 2 * DAY;
  const end = Math.max(...instants) + 2 * DAY;
  const focus = [
    ...bands.map((b) => ({ start: b.start - 12 * HOUR, end: b.end + 12 * HOUR })),
    ...markers.map((m) => ({ start: m.at - DAY, end: m.at + DAY })),
  ];
  return {
    range: { start: Math.min(start, now), end: Math.max(end, now) },
    focus,
    term: { start: t.windowStart, end: t.termEndsAt },
    lanes,
    markers,
  };
}

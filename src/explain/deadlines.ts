/**
 * "What is the next deadline?" — every instant after `now` at which an answer of `explain`
 * changes, sorted: each open window's close (every seat batch its own, Q4), the end of the
 * full-refund tier (C15), when a refused action opens, the term end, the renewal (R2) and the
 * after-term stages (P7). Alert jobs read the first ones; a timeline reads them all.
 */
import type { Instant } from '../core/instant.js';
import type { RuleId } from '../core/rules.js';
import type { AfterTermStage } from '../lifecycle/afterTerm.js';
import type { Action, ActionExplanation } from './actions.js';

/** Key instants of the current term, for a timeline. */
export interface TermTimeline {
  /** The purchase instant. */
  readonly purchasedAt: Instant;
  /** Start of the current term's windows (purchase, renewal completion, or an R3 bound). */
  readonly windowStart: Instant;
  /** Exclusive end of the term (00:00Z after the term end date, T2). */
  readonly termEndsAt: Instant;
  /** When the renewal starts (R2), or `null` when it will not renew (R5). */
  readonly renewalStartsAt: Instant | null;
  /** Latest renewal completion (R2: +24 h), or `null`. */
  readonly renewalCompletesBy: Instant | null;
}

/** What happens at a deadline. */
export type DeadlineKind =
  /** An action possible now stops being possible (its window closes). */
  | 'closes'
  /** A refused action becomes possible. */
  | 'opens'
  /** C15: a cancellation no longer refunds in full (it is still possible, prorated). */
  | 'full-refund-ends'
  /** T2: the current term ends (00:00Z after its end date); its rule says into what (R6, R7: an Extended Service Term; P8: the service stops). */
  | 'term-ends'
  /** R2: the renewal can have completed at the latest (+24 h). */
  | 'renewal-completes-by'
  /** P7, P8: the subscription moves to the next after-term stage. */
  | 'stage';

/** One instant at which an answer changes. */
export interface Deadline {
  /** The instant (epoch ms): the first at which the change holds. */
  readonly at: Instant;
  /** What happens then. */
  readonly kind: DeadlineKind;
  /** The action whose answer changes; `null` for the term's own events. */
  readonly action: Action | null;
  /** The rule behind the change. */
  readonly rule: RuleId;
  /** For a seat batch's close (Q4): its seats; otherwise `null`. */
  readonly quantity: number | null;
  /** For an after-term stage: the status it moves to; otherwise `null`. */
  readonly status: AfterTermStage['status'] | null;
}

/** The parts of an explanation the deadlines are read from. */
export interface DeadlineSources {
  readonly now: Instant;
  readonly actions: readonly ActionExplanation[];
  readonly timeline: TermTimeline;
  /** C15: the end of the cancellation's full-refund tier, when a cancellation now refunds in full. */
  readonly fullRefundUntil: Instant | null;
  /** P7, P8: the stages after the term, when it does not renew. */
  readonly stages: readonly AfterTermStage[];
  /** The rule of the term's end: T2, or what it leads to when not a renewal (R6, R7 into an Extended Service Term; P8). */
  readonly termEndRule: RuleId;
}

/** The order of kinds at one instant: what closes first, then what opens, then the term's events. */
const KIND_ORDER: readonly DeadlineKind[] = [
  'full-refund-ends',
  'closes',
  'opens',
  'term-ends',
  'renewal-completes-by',
  'stage',
];

/**
 * Every deadline after `now`, earliest first (at one instant: closes, then opens, then the
 * term's events; actions in `explain`'s order).
 *
 * @param sources - the explanation's actions and timeline, the full-refund tier and the stages
 */
export function deadlinesOf(sources: DeadlineSources): readonly Deadline[] {
  const { now, actions, timeline } = sources;
  const out: Deadline[] = [];
  const add = (
    at: Instant | null,
    kind: DeadlineKind,
    action: Action | null,
    rule: RuleId,
    quantity: number | null = null,
    status: Deadline['status'] = null,
  ): void => {
    if (at !== null && at > now) out.push({ at, kind, action, rule, quantity, status });
  };
  if (sources.fullRefundUntil !== null) add(sources.fullRefundUntil, 'full-refund-ends', 'cancel', 'C15');
  for (const a of actions) {
    if (a.action === 'reduceSeats' && a.batches.length > 0) {
      // Q4: every open batch closes on its own.
      for (const b of a.batches) add(b.until, 'closes', 'reduceSeats', 'Q2', b.quantity);
    } else if (a.outcome === 'now') {
      add(a.until, 'closes', a.action, a.rule);
    } else {
      add(a.opensAt, 'opens', a.action, a.rule);
    }
  }
  add(timeline.termEndsAt, 'term-ends', null, sources.termEndRule);
  add(timeline.renewalCompletesBy, 'renewal-completes-by', null, 'R2');
  for (const stage of sources.stages) add(stage.start, 'stage', null, stage.rule, null, stage.status);
  const order = (d: Deadline): number => KIND_ORDER.indexOf(d.kind);
  // Array.prototype.sort is stable: within one instant and kind, `explain`'s action order stays.
  return out.sort((x, y) => x.at - y.at || order(x) - order(y));
}

/**
 * Text output of `csp-rules explain`: a table per subscription, a one-line timeline of the term,
 * and one summary line per subscription for lists. Deadlines in UTC and, with `--tz`, in a zone (T5).
 */
import type { Note } from '../partner-center/notes.js';
import { formatInZone, formatRelative, formatUtc } from '../display/index.js';
import type { Deadline } from '../explain/deadlines.js';
import type { PartnerCenterExplanation, SourcedAction } from '../partner-center/explainReported.js';
import type { Explanation } from '../explain/explain.js';
import type { ActionExplanation } from '../explain/actions.js';

/** An action as rendered: `explain`'s, with its source when read from Partner Center. */
type RenderedAction = ActionExplanation & Partial<Pick<SourcedAction, 'source' | 'reportedField' | 'computed'>>;

/** An explanation as rendered: `explain`'s, or `explainPartnerCenter`'s (sources, refunds, never renews). */
type Rendered = Omit<Explanation, 'actions'> & {
  readonly actions: readonly RenderedAction[];
} & Partial<Pick<PartnerCenterExplanation, 'refunds' | 'neverRenews'>>;
import type { EndOfTermOutcome } from '../decisions/endOfTerm.js';
import type { Subscription } from '../snapshot/subscription.js';
import type { Instant } from '../time/instant.js';

/** One subscription read and explained, with where it came from. */
export interface Explained {
  /** `file` or `file[2]`. */
  readonly label: string;
  /** The file it was read from (`-`: standard input). */
  readonly file?: string;
  /** Its position in the file's list; `null` for a file holding one document. */
  readonly index?: number | null;
  readonly subscription: Subscription;
  readonly notes: readonly Note[];
  readonly explanation: Rendered;
}

/** The last instant that has a calendar form (9999-12-31T23:59:59.999Z): later ones are "never". */
const LAST = 253_402_300_799_999;

/** UTC text of an instant; after 9999 (a term that never ends) "never". */
function utc(t: Instant): string {
  return t > LAST ? 'never' : formatUtc(t);
}

function inZone(t: Instant, tz: string): string {
  return t > LAST ? 'never' : formatInZone(t, tz);
}

function relative(now: Instant, t: Instant, verb?: 'opens'): string {
  return t > LAST ? 'never' : verb === undefined ? formatRelative(now, t) : formatRelative(now, t, verb);
}

/** How to render. */
export interface RenderOptions {
  /** IANA zone for the second deadline column; `UTC` shows UTC only. */
  readonly tz: string;
}

/**
 * The readable table of one subscription: header, one row per action (outcome, deadline in UTC
 * and in the zone, "closes in …", reason and rule), the timeline, and the adapter's notes.
 */
export function renderDetail(item: Explained, options: RenderOptions): string {
  const { subscription: s, explanation: e } = item;
  const zoned = options.tz !== 'UTC';
  const lines: string[] = [];
  lines.push(`${item.label}: ${s.id ?? '(no id)'}${s.offerName === null ? '' : `  ${s.offerName}`}`);
  lines.push(
    `  ${s.program} · ${s.trial ? 'trial · ' : ''}${s.term} billed ${s.billing} · ${s.quantity} seat${s.quantity === 1 ? '' : 's'} · ${s.status}` +
      ` · auto-renew ${s.autoRenew ? 'on' : 'off'} · alert: ${e.alert}`,
  );
  lines.push(
    `  now ${utc(e.now)}${zoned ? ` (${inZone(e.now, options.tz)} ${options.tz})` : ''} · rules of ${e.policyVersion}`,
  );
  lines.push(
    e.neverRenews === true
      ? '  never renews: commitmentEndDate is in year 9999 (no term end, no renewal instant)'
      : `  at the term end (${utc(e.endOfTerm.at)}): ${END_OF_TERM[e.endOfTerm.outcome]}` +
          ` (${e.endOfTerm.rule}${e.endOfTerm.chosen ? ', chosen' : ''}; rules of ${e.endOfTerm.policyVersion})`,
  );
  lines.push('');
  const header = [
    'ACTION',
    'OUTCOME',
    'UNTIL / OPENS (UTC)',
    ...(zoned ? [`UNTIL / OPENS (${options.tz})`] : []),
    'WHEN',
    'REASON',
  ];
  const rows = e.actions.map((a) => {
    const at = deadline(a);
    return [
      a.action,
      a.outcome,
      at === null ? '—' : utc(at),
      ...(zoned ? [at === null ? '—' : inZone(at, options.tz)] : []),
      when(a, e.now),
      reason(a),
    ];
  });
  lines.push(...table([header, ...rows]).map((l) => `  ${l}`));
  // Q4: each open seat batch with its own deadline, when there is more than one.
  // Stryker disable next-line ArrayDeclaration: any fallback of fewer than two batches prints no batch line
  const batches = e.actions.find((a) => a.action === 'reduceSeats')?.batches ?? [];
  if (batches.length > 1) {
    lines.push('');
    for (const b of batches) {
      lines.push(
        `  seats: ${b.quantity} added ${utc(b.addedAt)} reducible until ${utc(b.until)} (${relative(e.now, b.until)})`,
      );
    }
  }
  // Refunds the JSON reports (refundOptions), with the library's own full-refund end beside them.
  for (const r of e.refunds ?? []) {
    lines.push(
      `  refund: ${r.type} until ${utc(r.until)} (${relative(e.now, r.until)}) — reported by refundOptions` +
        `; computed full refund ${r.computedFullUntil === null ? 'none' : `until ${utc(r.computedFullUntil)}`}`,
    );
  }
  lines.push('');
  lines.push(`  timeline (UTC): ${renderTimeline(e)}`);
  for (const n of item.notes) lines.push(`  note: ${n.field}: ${n.message} [${n.kind}]`);
  return `${lines.join('\n')}\n`;
}

/**
 * One line of the term in time order: purchase, window start, each open window's end, now,
 * term end, renewal. Instants in UTC to the minute; events at the same instant share a slot.
 */
function renderTimeline(e: Rendered): string {
  const events: { at: Instant; label: string }[] = [{ at: e.timeline.purchasedAt, label: 'purchase' }];
  if (e.timeline.windowStart !== e.timeline.purchasedAt) {
    const assumed = e.actions.some((a) => a.assumptions.some((x) => x.startsWith('RENEWAL_COMPLETION_ASSUMED')));
    events.push({ at: e.timeline.windowStart, label: assumed ? 'term start (assumed)' : 'term start' });
  }
  for (const d of e.deadlines) {
    // Every window's close, each seat batch its own (Q4); windows that simply end with the term
    // are shown by "term ends" itself.
    if (d.kind === 'closes' && d.at !== e.timeline.termEndsAt) events.push({ at: d.at, label: `${subject(d)} closes` });
  }
  events.push({ at: e.now, label: '▶ now' });
  events.push({ at: e.timeline.termEndsAt, label: 'term ends' });
  if (e.timeline.renewalStartsAt !== null) events.push({ at: e.timeline.renewalStartsAt, label: 'renewal starts' });
  if (e.timeline.renewalCompletesBy !== null) events.push({ at: e.timeline.renewalCompletesBy, label: 'renewed by' });
  events.sort((a, b) => a.at - b.at);
  const slots: { at: Instant; labels: string[] }[] = [];
  for (const ev of events) {
    const last = slots[slots.length - 1];
    if (last !== undefined && last.at === ev.at) last.labels.push(ev.label);
    else slots.push({ at: ev.at, labels: [ev.label] });
  }
  return slots
    .filter((s) => s.at <= LAST)
    .map((s) => `${utc(s.at).slice(0, 16)} ${s.labels.join(' / ')}`)
    .join(' ─ ');
}

/** The end-of-term outcomes in words. */
const END_OF_TERM: Readonly<Record<EndOfTermOutcome, string>> = {
  renew: 'renews',
  convert: 'the trial converts to paid',
  'extended-service-term': 'moves to an Extended Service Term (month to month, higher price)',
  'cancel-at-term-end': 'cancelled: the service stops',
  expire: 'expires',
  none: 'nothing (not active)',
};

/** The list view: one line per subscription with its alert class and the next deadline. */
export function renderSummary(items: readonly Explained[]): string {
  const header = ['SUBSCRIPTION', 'ID', 'OFFER', 'PROGRAM', 'STATUS', 'ALERT', 'NEXT DEADLINE'];
  const rows = items.map(({ label, subscription: s, explanation: e }) => {
    // The first window that closes (every seat batch its own): what an alert job must act on first.
    const next = e.deadlines.find((d) => d.kind === 'closes');
    return [
      label,
      s.id ?? '—',
      s.offerName ?? '—',
      s.program,
      s.trial ? `${s.status} (trial)` : s.status,
      e.alert,
      next === undefined ? '—' : `${subject(next)} ${relative(e.now, next.at)} (${utc(next.at)})`,
    ];
  });
  return `${table([header, ...rows]).join('\n')}\n`;
}

/** A deadline's subject: the action, with the seats of a batch (Q4). */
function subject(d: Deadline): string {
  return d.quantity === null ? `${d.action ?? 'term'}` : `${d.action ?? 'term'} (${d.quantity} seats)`;
}

/** The instant to show: the deadline when possible now, else when it opens. */
function deadline(a: RenderedAction): Instant | null {
  return a.outcome === 'now' ? a.until : a.opensAt;
}

function when(a: RenderedAction, now: Instant): string {
  if (a.outcome === 'now') return a.until === null ? 'no deadline' : relative(now, a.until);
  return a.opensAt === null ? '—' : relative(now, a.opensAt, 'opens');
}

function reason(a: RenderedAction): string {
  const extra = [
    ...(a.source === 'reported' ? [`reported ${a.reportedField ?? ''}`] : []),
    ...(a.computed === null || a.computed === undefined
      ? []
      : [`computed ${a.computed.outcome}${a.computed.until === null ? '' : ` ${utc(a.computed.until)}`}`]),
    ...a.assumptions.map((x) => `assumed ${x}`),
    ...a.warnings.map((x) => `warning ${x}`),
  ];
  return `${a.reason} (${a.rule})${extra.length === 0 ? '' : ` [${extra.join('; ')}]`}`;
}

/** Left-aligned columns, two spaces apart; the last column is not padded. */
function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, [...cell].length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - [...cell].length)))
      .join('  '),
  );
}

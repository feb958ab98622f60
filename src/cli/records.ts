/**
 * The line formats of `csp-rules explain` for alert jobs: `--jsonl` (one JSON object per line,
 * instants as ISO text and epoch ms) and `--csv` (one row per record), skipped records included.
 */
import type { PartnerCenterRecord } from '../partner-center/readList.js';
import type { Instant } from '../time/instant.js';
import type { PartnerCenterExplanation } from '../partner-center/explainReported.js';
import type { Explained } from './render.js';

/** An answered record as the line formats print it. */
type Line = Explained & { readonly explanation: PartnerCenterExplanation };

/** The last instant that has an ISO form (9999-12-31T23:59:59.999Z): later ones mean "never". */
export const LAST_INSTANT = 253_402_300_799_999;

/** A record that was not answered, with where it came from. */
export interface Skipped {
  readonly file: string;
  readonly label: string;
  /** Position in the file's list; `null` for a file holding one document. */
  readonly index: number | null;
  readonly record: Extract<PartnerCenterRecord, { ok: false }>;
}

/** ISO text of an instant; `null` for none or for "never" (after 9999). */
function iso(t: Instant | null): string | null {
  return t === null || t > LAST_INSTANT ? null : new Date(t).toISOString();
}

/** Epoch ms of an instant; `null` for none or "never". */
function ms(t: Instant | null): number | null {
  return t === null || t > LAST_INSTANT ? null : t;
}

/** One `--jsonl` line for an answered record. */
export function jsonLine(item: Line): string {
  const { explanation: e, subscription: s } = item;
  return `${JSON.stringify({
    file: item.file,
    index: item.index,
    ok: true,
    id: s.id,
    offerName: s.offerName,
    program: s.program,
    status: s.status,
    alert: e.alert,
    now: iso(e.now),
    nowMs: e.now,
    neverRenews: e.neverRenews,
    termEndsAt: iso(e.timeline.termEndsAt),
    termEndsAtMs: ms(e.timeline.termEndsAt),
    renewalStartsAt: iso(e.timeline.renewalStartsAt),
    renewalStartsAtMs: ms(e.timeline.renewalStartsAt),
    actions: e.actions.map((a) => ({
      action: a.action,
      outcome: a.outcome,
      until: iso(a.until),
      untilMs: ms(a.until),
      opensAt: iso(a.opensAt),
      opensAtMs: ms(a.opensAt),
      source: a.source,
      reportedField: a.reportedField,
      reason: a.reason,
      rule: a.rule,
      assumptions: a.assumptions,
      warnings: a.warnings,
    })),
    refunds: e.refunds.map((r) => ({ type: r.type, until: iso(r.until), untilMs: r.until, source: 'reported' })),
    notes: item.notes,
  })}\n`;
}

/** One `--jsonl` line for a skipped record. */
export function jsonSkipped(s: Skipped): string {
  const { error } = s.record;
  return `${JSON.stringify({
    file: s.file,
    index: s.index,
    ok: false,
    id: s.record.id,
    skipped: s.record.reason,
    error: { code: error.code, field: error.field, message: error.message },
  })}\n`;
}

const COLUMNS = [
  'file',
  'index',
  'id',
  'offerName',
  'program',
  'status',
  'alert',
  'cancel',
  'cancelUntil',
  'cancelSource',
  'reduceSeats',
  'reduceSeatsUntil',
  'termEndsAt',
  'neverRenews',
  'skipped',
  'notes',
] as const;

/** The `--csv` header line. */
export function csvHeader(): string {
  return `${COLUMNS.join(',')}\r\n`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function cell(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One `--csv` row for an answered record. */
export function csvRow(item: Line): string {
  const { explanation: e, subscription: s } = item;
  const cancel = e.actions.find((a) => a.action === 'cancel');
  const seats = e.actions.find((a) => a.action === 'reduceSeats');
  const row = [
    item.file,
    item.index,
    s.id,
    s.offerName,
    s.program,
    s.status,
    e.alert,
    cancel?.outcome ?? null,
    iso(cancel?.outcome === 'now' ? cancel.until : (cancel?.opensAt ?? null)),
    cancel?.source ?? null,
    seats?.outcome ?? null,
    iso(seats?.outcome === 'now' ? seats.until : (seats?.opensAt ?? null)),
    iso(e.timeline.termEndsAt),
    e.neverRenews,
    null,
    item.notes.map((n) => n.code).join(' '),
  ];
  return `${row.map(cell).join(',')}\r\n`;
}

/** One `--csv` row for a skipped record: its id, and why in `skipped` and `notes`. */
export function csvSkipped(s: Skipped): string {
  const row = COLUMNS.map((c) => {
    if (c === 'file') return s.file;
    if (c === 'index') return s.index;
    if (c === 'id') return s.record.id;
    if (c === 'skipped') return s.record.reason;
    if (c === 'notes') return s.record.error.message;
    return null;
  });
  return `${row.map(cell).join(',')}\r\n`;
}

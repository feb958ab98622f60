/**
 * Reads the Partner Center subscription resource ("Subscription resources") into the
 * library's snapshot. Facts that are not in the JSON stay unknown and are listed as notes;
 * nothing is guessed. Every error names the JSON path at fault.
 */
import type { Assumption } from '../core/decision.js';
import { CspRulesError, type PathKey } from '../core/errors.js';
import { readPolicy, type Policy } from '../policy/policy.js';
import type { Program } from '../policy/programs.js';
import { toSubscription, type Status, type Subscription, type SubscriptionInput } from '../snapshot/subscription.js';
import { civilFromDay, dayOf, DAY_MS, formatDay, HOUR_MS, startOfDay } from '../time/day.js';
import { own, toCount, toRecord } from '../core/validate.js';
import type { Note } from './notes.js';
import { notCovered, readKind } from './program.js';
import { readBatches } from './batches.js';
import { NO_SCHEDULED_ACTIONS, readNextChargeBilling, readScheduled, readScheduledActions } from './scheduled.js';
import { crossCheck, readReported, type Reported } from './reported.js';
import {
  get,
  optionalBoolean,
  optionalInstant,
  optionalString,
  readDateOnly,
  readEnum,
  readRefundable,
  auxiliary,
  required,
  type At,
  type RefundableDetail,
} from './read.js';
import type { BillingFrequency, Term } from '../time/term.js';
import type { Instant } from '../time/instant.js';
import type { UtcDay } from '../time/day.js';

export type { Note, NoteCode } from './notes.js';

/** Options of {@link fromPartnerCenter}. */
export interface FromPartnerCenterOptions {
  /**
   * Force the program: BSS storefront assets (`bss-software`) and SoftwareOne (`softwareone`)
   * look like any other subscription in the JSON.
   */
  readonly program?: Program;
  /** The policy whose seat window (Q2) infers each batch's `addedAt`; use the one you decide with. */
  readonly policy?: Policy | undefined;
  /** Microsoft's per-asset returnable flag (C7, C16); not part of the subscription resource. */
  readonly isReturnable?: boolean;
  /**
   * C17, R7: the subscription is in an Extended Service Term. The resource has no field for it
   * (EST is a separate offer: tell it from your price list's EST SKUs).
   */
  readonly extendedServiceTerm?: boolean;
}

/** The answer of {@link fromPartnerCenter}: the validated snapshot and what was not a fact. */
export interface PartnerCenterSubscription {
  /** The validated snapshot, ready for every decision. */
  readonly subscription: Subscription;
  /** Unknowns, inferences and placeholders, each naming its JSON field. Empty when none. */
  readonly notes: readonly Note[];
  /** The facts the JSON itself states (deadlines, refund options, actions), as reported. */
  readonly reported: Reported;
}

/** Partner Center statuses (there is no "cancelled": a cancellation sets `deleted`, P7). */
const STATUS: ReadonlyMap<string, Status> = new Map<string, Status>([
  ['active', 'active'],
  ['pending', 'pending'],
  ['suspended', 'suspended'],
  ['expired', 'expired'],
  ['disabled', 'disabled'],
  ['deleted', 'deleted'],
]);

/**
 * Reads one Partner Center subscription resource (as `JSON.parse` returns it).
 *
 * - Program from `productType.id`, `isMicrosoftProduct`, `billingType`;
 *   `options.program` forces it. Enums compare case-insensitively, ignoring `_`.
 * - `creationDate` is the purchase instant. `effectiveStartDate` is the current term's start: when
 *   it is more than 24 h after `creationDate` the term was renewed; a renewal start with a time
 *   part is the completion instant (R3), one at exactly 00:00Z says only the day, so the snapshot
 *   gets `termStartedAt: null` and decisions report `RENEWAL_COMPLETION_ASSUMED_*`. (Within 24 h
 *   it is the first term: Partner Center's two instants of one purchase differ by seconds.)
 * - `commitmentEndDate` is a whole UTC day as written (T2): inclusive in new commerce; exclusive in
 *   legacy (`traditional-saas`), so the day before is the last day of the term.
 * - `refundableQuantity.details[i]` become seat batches. The resource gives only the end of each
 *   batch's window, so `addedAt` = `allowedUntilDateTime` − the program's seat window (Q2, 168 h
 *   by default): an **inference**, noted as `SEAT_BATCH_ADDED_AT_INFERRED`. Batches closed when
 *   the JSON was fetched are not listed, so the batches are right for any `now` from then on.
 * - `scheduledNextTermInstructions` → `scheduledChange`, `nextChargeInstructions` → `nextChargeBilling`
 *   (only when it differs from the current billing), `promotionId`, `parentSubscriptionId`.
 * - `scheduledActions` (R6, from 2026-02-16): the `TermEnd` action → `endOfTermAction` (`Cancel`,
 *   `RenewToNewTerm`, `RenewToExtendedServiceTerm`); auto-renew follows it (a disagreeing
 *   `autoRenewEnabled` is noted); a `RenewToNewTerm` action's `instructions` take precedence over
 *   `scheduledNextTermInstructions`. `options.extendedServiceTerm` marks an EST subscription (C17).
 *
 * Only own properties are read: `__proto__` and `constructor` keys are data.
 *
 * @param json - one subscription resource
 * @param options - a forced program, the policy for the seat-window inference, the returnable flag
 * @returns the snapshot and the notes
 * @throws {@link CspRulesError} with `field` = the JSON path (`$` for the document itself)
 *
 * @example
 * ```ts
 * const { subscription, notes } = fromPartnerCenter(JSON.parse(text));
 * explain(subscription, { now: '2024-03-12T12:00:00Z' });
 * notes; // [{ code: 'SEAT_BATCH_ADDED_AT_INFERRED', field: 'refundableQuantity.details[0].allowedUntilDateTime', … }]
 * ```
 */
export function fromPartnerCenter(json: unknown, options: FromPartnerCenterOptions = {}): PartnerCenterSubscription {
  const opts = toRecord(options, 'options');
  // Options are read as own properties only: a polluted Object.prototype changes nothing.
  const isReturnable = own(opts, 'isReturnable') as boolean | undefined;
  const extendedServiceTerm = own(opts, 'extendedServiceTerm') as boolean | undefined;
  const notes: Note[] = [];
  const root: At = { record: toRecord(json, '$'), path: '', notes };
  const kind = readKind(root, own(opts, 'program'));
  const { program } = kind;
  notes.unshift(...kind.notes);
  if (Object.keys(root.record).some((k) => /^[A-Z]/.test(k))) {
    notes.push({
      code: 'PASCAL_CASE_KEYS',
      field: '$',
      kind: 'inferred',
      message: 'PascalCase keys (an older SDK): matched case-insensitively',
    });
  }
  const policy = readPolicy(own(opts, 'policy') as Policy | undefined);

  const rawStatus = get(root, 'status');
  if (typeof rawStatus === 'string' && rawStatus.trim().toLowerCase() === 'none') {
    notCovered('INVALID_ENUM', 'status', '"none": Partner Center reports no status; nothing can be decided', rawStatus);
  }
  const status = readEnum(root, 'status', STATUS, 'active, pending, suspended, expired, disabled, deleted');
  if (status === undefined) throw new CspRulesError('MISSING_FIELD', 'status', 'is required');
  const quantity = toCount(required(root, 'quantity'), 'quantity');
  const created = optionalInstant(root, 'creationDate');
  const reportedStart = optionalInstant(root, 'effectiveStartDate');
  const purchasedAt = created ?? reportedStart;
  if (purchasedAt === null)
    throw new CspRulesError('MISSING_FIELD', 'creationDate', 'is required (absent or a placeholder)');
  if (created === null) {
    notes.push({
      code: 'PLACEHOLDER_DATE',
      field: 'creationDate',
      kind: 'inferred',
      message: 'unknown: the purchase is taken as effectiveStartDate (windows from the purchase start there)',
    });
  }
  const effective = reportedStart ?? purchasedAt;

  // T2: the term end date (whole UTC day, as written).
  const rawEnd = get(root, 'commitmentEndDate');
  const written = rawEnd === undefined || rawEnd === null ? null : readDateOnly(rawEnd, 'commitmentEndDate', notes);
  const term = kind.term ?? inferTerm(dayOf(effective), written, program, notes);

  // R3: which term, and is its start instant known?
  let start: Pick<SubscriptionInput, 'termStartedAt' | 'termStartDate'> = {};
  let termStartDay = dayOf(purchasedAt);
  const saas = program === 'nce-saas' || program === 'traditional-saas';
  if (effective - purchasedAt > DAY_MS && saas && effective < purchasedAt + MIN_TERM_DAYS[term] * DAY_MS) {
    // Marketplace SaaS: the term runs from the activation, days after the order — a first term.
    termStartDay = dayOf(effective);
    start = { termStartedAt: effective };
    notes.push({
      code: 'SAAS_ACTIVATION',
      field: 'effectiveStartDate',
      kind: 'inferred',
      message: 'after creationDate within the first term: the SaaS activation starts the first term (not a renewal)',
    });
  } else if (effective - purchasedAt > DAY_MS) {
    termStartDay = dayOf(effective);
    if (effective === startOfDay(termStartDay)) {
      const completion = inferCompletion(root, program, kind.billing, policy, effective, notes);
      start =
        completion === null
          ? { termStartedAt: null, termStartDate: formatDay(termStartDay) }
          : { termStartedAt: completion };
      if (completion === null) {
        notes.push({
          code: 'RENEWAL_COMPLETION_UNKNOWN',
          field: 'effectiveStartDate',
          kind: 'unknown',
          message: 'renewed term starting at 00:00Z: the renewal-completion instant is not reported (R3)',
        });
      }
    } else {
      start = { termStartedAt: effective };
    }
  }

  let termEndDate: string | undefined;
  if (written === null) {
    notes.push({
      code: 'TERM_END_COMPUTED',
      field: 'commitmentEndDate',
      kind: 'defaulted',
      message: 'absent: the term end follows T6 from the term start',
    });
  } else {
    const endDay = program === 'traditional-saas' ? written - 1 : written; // legacy: exclusive
    if (civilFromDay(written).year >= 9999) {
      notes.push({
        code: 'NOT_RENEWABLE_DATE',
        field: 'commitmentEndDate',
        kind: 'unknown',
        message: 'year 9999: Partner Center\'s "never renews" marker — there is no renewal instant',
      });
    }
    if (endDay < termStartDay) {
      throw new CspRulesError(
        'INCONSISTENT',
        'commitmentEndDate',
        `ends before the current term starts (${formatDay(termStartDay)})`,
        rawEnd,
      );
    }
    termEndDate = formatDay(endDay);
  }

  // R6: the term-end action of `scheduledActions` decides the outcome; auto-renew follows it.
  const offerId = optionalString(root, 'offerId');
  const actions = auxiliary('scheduledActions', notes, NO_SCHEDULED_ACTIONS, () =>
    readScheduledActions(root, offerId, notes),
  );
  const reportedAutoRenew = optionalBoolean(root, 'autoRenewEnabled');
  const chosenAutoRenew = actions.endOfTermAction === null ? undefined : actions.endOfTermAction === 'renew';
  const autoRenew = chosenAutoRenew ?? reportedAutoRenew;
  if (reportedAutoRenew !== undefined && chosenAutoRenew !== undefined && reportedAutoRenew !== chosenAutoRenew) {
    notes.push({
      code: 'AUTO_RENEW_FROM_SCHEDULED_ACTION',
      field: 'autoRenewEnabled',
      kind: 'inferred',
      message: `${reportedAutoRenew} disagrees with ${actions.field ?? 'scheduledActions'}: taken as ${chosenAutoRenew}, as the action says (R6)`,
    });
  }
  const assumed: Assumption[] = [];
  if (termEndDate === undefined) assumed.push('TERM_END_ASSUMED');
  if (autoRenew === undefined) assumed.push('AUTO_RENEW_ASSUMED');
  if (autoRenew === undefined) {
    notes.push({
      code: 'AUTO_RENEW_DEFAULTED',
      field: 'autoRenewEnabled',
      kind: 'defaulted',
      message: 'absent: on, as R1 defaults',
    });
  }
  if (isReturnable === undefined && (program === 'bss-software' || program === 'nce-software')) {
    notes.push({
      code: 'RETURNABLE_UNKNOWN',
      field: 'isReturnable',
      kind: 'unknown',
      message: 'not in the resource: taken as returnable (C7, C16)',
    });
  }

  const batches = auxiliary('refundableQuantity', notes, undefined, () =>
    readBatches(root, program, policy, purchasedAt, notes),
  );
  const nextTerm = auxiliary('scheduledNextTermInstructions', notes, null, () => readScheduled(root, offerId, notes));
  if (actions.instructions !== null && nextTerm !== null) {
    notes.push({
      code: 'NEXT_TERM_INSTRUCTIONS_SUPERSEDED',
      field: 'scheduledNextTermInstructions',
      kind: 'unknown',
      message: `not used: ${actions.field ?? 'scheduledActions'}.instructions decide the next term (S1, R6)`,
    });
  }
  const scheduled = actions.instructions ?? nextTerm;
  const id = optionalString(root, 'id');
  const input: SubscriptionInput = {
    ...(id === null ? {} : { id }),
    offerName: optionalString(root, 'offerName'),
    program,
    status,
    term,
    billing: kind.billing,
    quantity,
    purchasedAt,
    ...start,
    ...(termEndDate === undefined ? {} : { termEndDate }),
    ...(autoRenew === undefined ? {} : { autoRenew }),
    trial: kind.trial,
    ...(batches === undefined ? {} : { seatBatches: batches.batches }),
    promotionId: auxiliary('promotionId', notes, null, () => optionalString(root, 'promotionId')),
    ...(isReturnable === undefined ? {} : { isReturnable }),
    parentSubscriptionId: optionalString(root, 'parentSubscriptionId'),
    scheduledChange: scheduled,
    nextChargeBilling: auxiliary('nextChargeInstructions', notes, null, () =>
      readNextChargeBilling(root, kind.billing),
    ),
    ...(actions.endOfTermAction === null ? {} : { endOfTermAction: actions.endOfTermAction }),
    ...(extendedServiceTerm === undefined ? {} : { extendedServiceTerm }),
    // Principle 6: what the JSON did not say and the adapter filled in is an assumption on every decision.
    ...(assumed.length === 0 ? {} : { assumptions: assumed }),
  };
  const reported = readReported(root, notes);
  // Stryker disable next-line ArrayDeclaration,LogicalOperator: equivalent, batch paths are read only by validate()'s remap, which no input built here reaches (every batch is validated and clamped above)
  const subscription = validate(input, batches?.paths ?? []);
  crossCheck(subscription, reported, policy, notes);
  return { subscription, notes: Object.freeze(notes), reported };
}

/** The shortest length of each term in days: a later `effectiveStartDate` within it cannot be a renewal. */
const MIN_TERM_DAYS: Readonly<Record<Term, number>> = { P1M: 28, P1Y: 365, P3Y: 1095 };

/**
 * B1: an empty or absent `termDuration`, inferred from the term's days (start to
 * `commitmentEndDate`, inclusive): about a month, a year or three years; anything else is an error.
 */
function inferTerm(startDay: UtcDay, endDay: UtcDay | null, program: string, notes: Note[]): Term {
  const days = endDay === null ? null : endDay - startDay + 1;
  const term: Term | null =
    days === null
      ? null
      : days >= 27 && days <= 32
        ? 'P1M'
        : days >= 364 && days <= 367
          ? 'P1Y'
          : days >= 1094 && days <= 1097
            ? 'P3Y'
            : null;
  if (term === null) {
    throw new CspRulesError(
      'MISSING_FIELD',
      'termDuration',
      `is required for ${program} (P1M, P1Y or P3Y): empty or absent, and the dates do not tell it`,
    );
  }
  notes.push({
    code: 'TERM_INFERRED',
    field: 'termDuration',
    kind: 'inferred',
    message: `empty or absent: ${term}, from effectiveStartDate to commitmentEndDate (${days} days)`,
  });
  return term;
}

/**
 * R3: the completion of a renewal that started at 00:00Z, inferred from a reported deadline that
 * runs from it: `cancellationAllowedUntilDate` − the cancellation window, else the batch of
 * `refundableQuantity.details` whose window (− the seat window) starts within the renewal day.
 * Kept only within R3's bound (the renewal day: 00:00Z to +24 h); `null` when nothing tells it.
 */
function inferCompletion(
  root: At,
  program: Program,
  billing: BillingFrequency,
  policy: Policy,
  renewalStart: Instant,
  notes: Note[],
): Instant | null {
  const pp = policy.programs[program];
  const within = (t: Instant): boolean => t >= renewalStart && t < renewalStart + DAY_MS;
  const quiet: Note[] = []; // lenient-reading notes are made again where the field is read
  if (pp.cancelFrom === 'term-start') {
    const reported = auxiliary('cancellationAllowedUntilDate', quiet, null, () =>
      optionalInstant({ ...root, notes: quiet }, 'cancellationAllowedUntilDate'),
    );
    const from = reported === null ? null : reported - pp.cancelWindowHours[billing] * HOUR_MS;
    if (from !== null && within(from)) {
      notes.push({
        code: 'RENEWAL_COMPLETION_INFERRED',
        field: 'cancellationAllowedUntilDate',
        kind: 'inferred',
        message: `renewal completed at ${new Date(from).toISOString()} = cancellationAllowedUntilDate − ${pp.cancelWindowHours[billing]} h (C1, R3)`,
      });
      return from;
    }
  }
  if (pp.seatReduction === 'never' || pp.seatWindowHours === 0) return null;
  const refundable = auxiliary('refundableQuantity', quiet, null, () => readRefundable({ ...root, notes: quiet }));
  const details = refundable?.details ?? [];
  for (let i = 0; i < details.length; i++) {
    const from = (details[i] as RefundableDetail).allowedUntil - pp.seatWindowHours * HOUR_MS;
    if (within(from)) {
      notes.push({
        code: 'RENEWAL_COMPLETION_INFERRED',
        field: `refundableQuantity.details[${i}].allowedUntilDateTime`,
        kind: 'inferred',
        message: `renewal completed at ${new Date(from).toISOString()} = the renewal batch's allowedUntilDateTime − ${pp.seatWindowHours} h (Q2, R3)`,
      });
      return from;
    }
  }
  return null;
}

/**
 * Reads a list of subscriptions: an array, or Partner Center's collection resource
 * `{ totalCount, items: [...] }`. Error paths carry the index (`[2].commitmentEndDate`,
 * `items[2].commitmentEndDate`).
 *
 * @example
 * ```ts
 * const all = fromPartnerCenterList(JSON.parse(text)); // one entry per subscription
 * ```
 */
export function fromPartnerCenterList(
  json: unknown,
  options: FromPartnerCenterOptions = {},
): readonly PartnerCenterSubscription[] {
  let items: unknown = json;
  let prefix: readonly string[] = [];
  if (!Array.isArray(json)) {
    const r = toRecord(json, '$');
    items = get({ record: r, path: '' }, 'items');
    prefix = ['items'];
    if (!Array.isArray(items))
      throw new CspRulesError('INVALID_TYPE', '$', 'expected an array of subscriptions or { items: [...] }', json);
  }
  return (items as readonly unknown[]).map((item, i) => {
    try {
      return fromPartnerCenter(item, options);
    } catch (error) {
      throw prefixError(error, [...prefix, i]);
    }
  });
}

/**
 * A {@link CspRulesError} with its field moved under `prefix` (`[2]` + `creationDate` →
 * `[2].creationDate`); anything else is returned unchanged.
 */
function prefixError(error: unknown, prefix: string | readonly PathKey[]): unknown {
  return error instanceof CspRulesError && error.path[0] !== 'options' ? error.under(prefix) : error;
}

/** Snapshot field → JSON path, for the rare error only `toSubscription` detects. */
const FIELD_PATHS: ReadonlyMap<string, string> = new Map([
  // B1: a billing longer than the term is found by toSubscription, under the snapshot's name.
  ['billing', 'billingCycle'],
  ['purchasedAt', 'creationDate'],
  ['termStartedAt', 'effectiveStartDate'],
  ['termStartDate', 'effectiveStartDate'],
  ['termEndDate', 'commitmentEndDate'],
  ['autoRenew', 'autoRenewEnabled'],
  ['trial', 'isTrial'],
  ['endOfTermAction', 'scheduledActions'],
  // Facts the caller passes beside the JSON.
  ['isReturnable', 'options.isReturnable'],
  ['extendedServiceTerm', 'options.extendedServiceTerm'],
]);

function validate(input: SubscriptionInput, batchPaths: readonly string[]): Subscription {
  try {
    return toSubscription(input);
  } catch (error) {
    // Stryker disable next-line BooleanLiteral,ConditionalExpression: equivalent, toSubscription throws only CspRulesError, and every error reaching here is rethrown unchanged (path undefined)
    if (!(error instanceof CspRulesError)) throw error;
    // Stryker disable next-line Regex: equivalent, no seatBatches[i] error is reachable from the adapter (quantities ≥ 1, addedAt clamped to creationDate, whole-hour windows)
    const batch = /^seatBatches\[(\d+)\]/.exec(error.field);
    const path = batch === null ? FIELD_PATHS.get(error.field) : batchPaths[Number(batch[1])];
    if (path === undefined) throw error;
    throw new CspRulesError(error.code, path, error.detail, error.received);
  }
}

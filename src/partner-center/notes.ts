/**
 * What the Partner Center adapter could not read as a fact: unknowns, inferences and
 * placeholders, each with the JSON field it concerns. Decisions carry their own assumptions
 * (`RENEWAL_COMPLETION_ASSUMED_EARLIEST`, `SEAT_BATCHES_ASSUMED`); these notes say why.
 */

/** Stable codes of {@link Note}. */
export type NoteCode =
  /** R3: `effectiveStartDate` of a renewed term is 00:00Z: the completion instant is unknown (`termStartedAt: null`). */
  | 'RENEWAL_COMPLETION_UNKNOWN'
  /** Q2: a batch's `addedAt` = `allowedUntilDateTime` − the program's seat window (an inference, not a reported fact). */
  | 'SEAT_BATCH_ADDED_AT_INFERRED'
  /** The inferred `addedAt` fell before `creationDate` (clock skew); it was moved to `creationDate`. */
  | 'SEAT_BATCH_CLAMPED_TO_PURCHASE'
  /** No `refundableQuantity.details`: seat batches unknown; seat decisions assume `SEAT_BATCHES_ASSUMED`. */
  | 'SEAT_BATCHES_UNKNOWN'
  /** The program has no seat reduction (Q8, C2): `refundableQuantity` is not turned into batches. */
  | 'SEAT_BATCHES_IGNORED'
  /** No `commitmentEndDate`: the term end is computed by T6 from the term start. */
  | 'TERM_END_COMPUTED'
  /** `commitmentEndDate` in year 9999: Partner Center's "never renews" marker: there is no renewal instant. */
  | 'NOT_RENEWABLE_DATE'
  /** No `autoRenewEnabled`: R1's default (on) is used. */
  | 'AUTO_RENEW_DEFAULTED'
  /** A trial is not billed: billing frequency `monthly` is a placeholder. */
  | 'TRIAL_BILLING_PLACEHOLDER'
  /** Perpetual software has no term or billing frequency: `P1Y` / `annual` are placeholders. */
  | 'PERPETUAL_TERM_PLACEHOLDER'
  /** The program came from `options.program`, not from the JSON. */
  | 'PROGRAM_FORCED'
  /** Microsoft's per-asset `isReturnable` flag is not in the resource (C7, C16); `true` unless `options.isReturnable`. */
  | 'RETURNABLE_UNKNOWN'
  /** The scheduled next-term product differs from the current one; the resource names it by ids only. */
  | 'SCHEDULED_PRODUCT_UNNAMED'
  /** R6: a scheduled action that is not an end-of-term choice (custom date, transition) was not used. */
  | 'SCHEDULED_ACTION_NOT_USED'
  /** R6: `autoRenewEnabled` disagrees with the term-end action of `scheduledActions`, which decides (auto-renew follows it). */
  | 'AUTO_RENEW_FROM_SCHEDULED_ACTION'
  /** S1: `scheduledNextTermInstructions` are not used: the `RenewToNewTerm` action's own instructions decide. */
  | 'NEXT_TERM_INSTRUCTIONS_SUPERSEDED'
  /** A date-time without offset, read as UTC (Microsoft documents Partner Center dates and times as UTC). */
  | 'OFFSETLESS_AS_UTC'
  /** A placeholder date (`0001-01-01…`, .NET's `DateTime.MinValue`): unknown, never a fact. */
  | 'PLACEHOLDER_DATE'
  /** An auxiliary field (scheduled instructions, actions, refundable seats …) could not be read: taken as absent, the rest of the record stands. */
  | 'FIELD_NOT_READ'
  /** A documented or unknown enum value the rules do not cover (`billingCycle` `unknown`/`biennial`): a placeholder is used and the note says which answers it affects. */
  | 'ENUM_NOT_COVERED'
  /** `termDuration` empty or absent: the term is inferred from `effectiveStartDate` and `commitmentEndDate`. */
  | 'TERM_INFERRED'
  /** Marketplace SaaS: `effectiveStartDate` after `creationDate` is the activation, the first term's start — not a renewal. */
  | 'SAAS_ACTIVATION'
  /** R3: the renewal-completion instant inferred from a reported deadline (`cancellationAllowedUntilDate` or a renewal batch's `allowedUntilDateTime`) minus the window. */
  | 'RENEWAL_COMPLETION_INFERRED'
  /** Keys in PascalCase (older SDKs): matched case-insensitively. */
  | 'PASCAL_CASE_KEYS'
  /** A reported fact (`cancellationAllowedUntilDate`, `refundOptions`, `commitmentEndDateTime`, `actions`) disagrees with the library's computation. */
  | 'REPORTED_DIFFERS';

/** One note of the adapter. */
export interface Note {
  /** What the note is about, as a stable code. */
  readonly code: NoteCode;
  /** JSON path of the field concerned, e.g. `refundableQuantity.details[0].allowedUntilDateTime`. */
  readonly field: string;
  /**
   * `unknown`: the fact is absent and stays unknown; `inferred`: derived, not reported;
   * `defaulted`: a default or placeholder; `warning`: a reported fact disagrees with the library.
   */
  readonly kind: 'unknown' | 'inferred' | 'defaulted' | 'warning';
  /** The note in words, for logs and people. */
  readonly message: string;
}

/**
 * The caller's `eligibility` decision of a machine event, read as a decision: an allowance or a
 * refusal in the shape every decision has, or a {@link CspRulesError} naming the field at fault.
 */
import { ASSUMPTIONS, type Decision } from '../../core/decision.js';
import { CspRulesError, describe } from '../../core/errors.js';
import { RULE_IDS } from '../../core/rules.js';
import { own, toEnum, toRecord } from '../../core/validate.js';

const FIELD = 'event.eligibility';

/**
 * Reads an event's `eligibility`: `undefined` when absent, else a decision — `allowed` a boolean,
 * `rule` a rule ID, `reason` and `policyVersion` non-empty strings, `assumptions` known codes,
 * `warnings` strings, and `until` (allowed) or `opensAt` (refused) an instant in epoch ms or
 * `null`. Only own properties are read; the result is a new frozen object (the caller's is
 * never written to).
 *
 * @param value - the event's `eligibility` field
 * @throws {@link CspRulesError} naming `event.eligibility…` for anything that is not a decision
 */
export function readEligibility(value: unknown): Decision<string> | undefined {
  if (value === undefined) return undefined;
  const r = toRecord(value, FIELD);
  const allowed = own(r, 'allowed');
  if (typeof allowed !== 'boolean')
    throw new CspRulesError(
      'INVALID_TYPE',
      `${FIELD}.allowed`,
      `expected true or false, got ${describe(allowed)}`,
      allowed,
    );
  const rule = toEnum(own(r, 'rule'), RULE_IDS, `${FIELD}.rule`);
  const reason = text(own(r, 'reason'), 'reason');
  const policyVersion = text(own(r, 'policyVersion'), 'policyVersion');
  const assumptions = list(own(r, 'assumptions'), 'assumptions').map((a, i) =>
    toEnum(a, ASSUMPTIONS, `${FIELD}.assumptions[${i}]`),
  );
  const warnings = list(own(r, 'warnings'), 'warnings').map((w, i) => text(w, `warnings[${i}]`));
  const base = {
    rule,
    policyVersion,
    reason,
    assumptions: Object.freeze(assumptions),
    warnings: Object.freeze(warnings),
  };
  return allowed
    ? Object.freeze({ allowed, ...base, until: instantOrNull(own(r, 'until'), 'until') })
    : Object.freeze({ allowed, ...base, opensAt: instantOrNull(own(r, 'opensAt'), 'opensAt') });
}

function text(value: unknown, key: string): string {
  if (typeof value === 'string' && value !== '') return value;
  throw new CspRulesError(
    'INVALID_TYPE',
    `${FIELD}.${key}`,
    `expected a non-empty string, got ${describe(value)}`,
    value,
  );
}

function list(value: unknown, key: string): readonly unknown[] {
  if (Array.isArray(value)) return value;
  throw new CspRulesError('INVALID_TYPE', `${FIELD}.${key}`, `expected an array, got ${describe(value)}`, value);
}

/** A decision's deadline: epoch milliseconds (an integer) or `null`. */
function instantOrNull(value: unknown, key: string): number | null {
  if (value === null || Number.isSafeInteger(value)) return value as number | null;
  throw new CspRulesError(
    'INVALID_INSTANT',
    `${FIELD}.${key}`,
    `expected epoch milliseconds or null, got ${describe(value)}`,
    value,
  );
}

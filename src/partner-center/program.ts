/**
 * What a Partner Center subscription is: its program (from `productType`, `billingType`,
 * `isMicrosoftProduct`), its term (`termDuration`) and billing frequency (`billingCycle`).
 */
import { CspRulesError, describe } from '../core/errors.js';
import { PROGRAMS, type Program } from '../policy/programs.js';
import type { BillingFrequency, Term } from '../time/term.js';
import { toEnum } from '../core/validate.js';
import { get, optionalBoolean, optionalObject, pathOf, readEnum, required, type At } from './read.js';
import type { Note } from './notes.js';

/** `productType.id` spellings the adapter knows (normalized: lower case, no `_`). */
type ProductType = 'nce-license' | 'software' | 'saas' | 'legacy' | 'azure';

const PRODUCT_TYPES: ReadonlyMap<string, ProductType> = new Map([
  ['onlineservicesnce', 'nce-license'],
  ['software', 'software'],
  ['saas', 'saas'],
  ['onlineservices', 'legacy'],
  ['azure', 'azure'],
]);

/** `billingType`: only license-based billing has the seat and window rules of rules.md. */
const BILLING_TYPES: ReadonlyMap<string, 'none' | 'usage' | 'license' | 'benefit'> = new Map([
  ['none', 'none'],
  ['usage', 'usage'],
  ['license', 'license'],
  ['benefit', 'benefit'],
]);

/** `billingCycle` as Partner Center and the .NET SDK spell it. */
type Cycle = BillingFrequency | 'none' | 'onetime' | 'biennial' | 'unknown';
const CYCLES: ReadonlyMap<string, Cycle> = new Map([
  ['monthly', 'monthly'],
  ['annual', 'annual'],
  ['triennial', 'triennial'],
  ['none', 'none'],
  ['onetime', 'onetime'],
  ['biennial', 'biennial'],
  ['unknown', 'unknown'],
]);

/** `termDuration`: B1 terms, plus `none` (perpetual software). */
const DURATIONS: ReadonlyMap<string, Term | 'none'> = new Map([
  ['p1m', 'P1M'],
  ['p1y', 'P1Y'],
  ['p3y', 'P3Y'],
  ['none', 'none'],
]);

/**
 * Errors that say the record is outside the rules (Azure, usage or benefit billing, legacy
 * Microsoft license-based), not that it is malformed: a list names them "not covered".
 */
const NOT_COVERED = new WeakSet<CspRulesError>();

/** Whether `error` says the record is not covered by the rules (rather than invalid). */
export function isNotCovered(error: unknown): boolean {
  return error instanceof CspRulesError && NOT_COVERED.has(error);
}

/** Throws the {@link CspRulesError} of a record the rules do not cover (see {@link isNotCovered}). */
export function notCovered(
  code: 'INVALID_ENUM' | 'MISSING_FIELD',
  path: string,
  detail: string,
  received?: unknown,
): never {
  const error = new CspRulesError(code, path, detail, received);
  NOT_COVERED.add(error);
  throw error;
}

/** The program, term and billing read from the resource, with the notes made on the way. */
export interface Kind {
  readonly program: Program;
  /** `null`: `termDuration` empty or absent; the caller infers it from the dates. */
  readonly term: Term | null;
  readonly billing: BillingFrequency;
  readonly trial: boolean;
  readonly notes: readonly Note[];
}

/**
 * Program choice, as a table (partner-center.md `productType`, `isMicrosoftProduct`):
 *
 * | `productType.id`           | `isMicrosoftProduct` | `termDuration` / `billingCycle` | program            |
 * |----------------------------|----------------------|---------------------------------|--------------------|
 * | OnlineServicesNCE          | true or absent       | P1M / P1Y / P3Y                 | `nce-license`      |
 * | OnlineServicesNCE          | false                | any                             | `nce-saas`         |
 * | Software                   | any                  | P1M / P1Y / P3Y                 | `nce-software`     |
 * | Software                   | any                  | `none` or absent, or `oneTime`  | `nce-perpetual`    |
 * | SaaS                       | any                  | any                             | `nce-saas`         |
 * | absent or OnlineServices   | false                | any                             | `traditional-saas` |
 * | absent or OnlineServices   | true or absent       | —                               | error (legacy Microsoft license-based is not covered) |
 * | Azure, anything else       | —                    | —                               | error `INVALID_ENUM` `productType.id` |
 *
 * `billingType` `usage` or `benefit` is refused (`INVALID_ENUM` `billingType`): the rules are
 * about license-based subscriptions. BSS assets (`bss-software`) and SoftwareOne (`softwareone`)
 * can't be told apart from the JSON: the caller forces them with `options.program`.
 */
export function readKind(root: At, forced: unknown): Kind {
  const notes: Note[] = [];
  const trial = optionalBoolean(root, 'isTrial') ?? false;
  const cycle = lenientEnum(root, 'billingCycle', CYCLES, 'monthly, annual, triennial, none, oneTime', notes);
  const rawDuration = get(root, 'termDuration');
  const readDuration =
    rawDuration === '' ? undefined : lenientEnum(root, 'termDuration', DURATIONS, 'P1M, P1Y, P3Y, none', notes);
  const duration = readDuration === 'unknown' ? undefined : readDuration;

  let program: Program;
  if (forced !== undefined) {
    program = toEnum(forced, PROGRAMS, 'options.program');
    notes.push({
      code: 'PROGRAM_FORCED',
      field: 'productType.id',
      kind: 'defaulted',
      message: `program ${program} given by the caller`,
    });
  } else {
    program = chooseProgram(root, duration, cycle);
  }

  // B1: the term. Perpetual software has none: the snapshot needs one, P1Y is a placeholder.
  let term: Term | null;
  if (duration === undefined || duration === 'none') {
    if (program !== 'nce-perpetual') {
      // Inferred by the caller from effectiveStartDate and commitmentEndDate (TERM_INFERRED).
      return { program, term: null, billing: billingOf(root, cycle, trial, program, notes), trial, notes };
    }
    term = 'P1Y';
    notes.push({
      code: 'PERPETUAL_TERM_PLACEHOLDER',
      field: 'termDuration',
      kind: 'defaulted',
      message: 'perpetual software has no term; P1Y is a placeholder',
    });
  } else {
    term = duration;
  }

  return { program, term, billing: billingOf(root, cycle, trial, program, notes), trial, notes };
}

/** An enum read leniently: a value outside the table is a note (`ENUM_NOT_COVERED`) and `'unknown'`. */
function lenientEnum<T>(
  root: At,
  key: string,
  table: ReadonlyMap<string, T>,
  expected: string,
  notes: Note[],
): T | 'unknown' | undefined {
  try {
    return readEnum(root, key, table, expected);
  } catch (error) {
    if (!(error instanceof CspRulesError)) throw error;
    notes.push({
      code: 'ENUM_NOT_COVERED',
      field: key,
      kind: 'unknown',
      message: `${describe(get(root, key))} is not one of ${expected}: unknown`,
    });
    return 'unknown';
  }
}

/** A placeholder billing frequency, with the note that says which answers rest on it. */
function placeholderBilling(why: string, notes: Note[]): BillingFrequency {
  notes.push({
    code: 'ENUM_NOT_COVERED',
    field: 'billingCycle',
    kind: 'defaulted',
    message: `${why}: monthly is a placeholder; billing-frequency answers (B1–B5) and monthly windows are not decided from the JSON`,
  });
  return 'monthly';
}

/** B1: the billing frequency. Trials are not billed (`none`); one-time purchases are perpetual. */
function billingOf(
  root: At,
  cycle: Cycle | 'unknown' | undefined,
  trial: boolean,
  program: Program,
  notes: Note[],
): BillingFrequency {
  let billing: BillingFrequency;
  const cyclePath = 'billingCycle';
  if (cycle === undefined) {
    billing = placeholderBilling('absent', notes);
  } else if (cycle === 'none') {
    if (!trial) return placeholderBilling('"none" on a subscription that is not a trial', notes);
    billing = 'monthly';
    notes.push({
      code: 'TRIAL_BILLING_PLACEHOLDER',
      field: cyclePath,
      kind: 'defaulted',
      message: 'a trial is not billed; monthly is a placeholder (TR2: converts to monthly billing by default)',
    });
  } else if (cycle === 'onetime') {
    if (program !== 'nce-perpetual') return placeholderBilling(`"oneTime" on ${program}`, notes);
    billing = 'annual';
    notes.push({
      code: 'PERPETUAL_TERM_PLACEHOLDER',
      field: cyclePath,
      kind: 'defaulted',
      message: 'a one-time purchase has no billing frequency; annual is a placeholder',
    });
  } else if (cycle === 'biennial' || cycle === 'unknown') {
    billing = placeholderBilling(`${describe(get(root, cyclePath))} is not a billing frequency the rules cover`, notes);
  } else {
    billing = cycle;
  }
  return billing;
}

function chooseProgram(root: At, duration: Term | 'none' | undefined, cycle: Cycle | undefined): Program {
  const billingType = readEnum(root, 'billingType', BILLING_TYPES, 'license, none, usage, benefit');
  if (billingType === 'usage' || billingType === 'benefit') {
    notCovered(
      'INVALID_ENUM',
      'billingType',
      `"${billingType}" billing is not covered (license-based subscriptions only)`,
      get(root, 'billingType'),
    );
  }
  const microsoft = optionalBoolean(root, 'isMicrosoftProduct');
  const pt = optionalObject(root, 'productType');
  const type =
    pt === null
      ? 'legacy'
      : (readEnum(pt, 'id', PRODUCT_TYPES, 'OnlineServicesNCE, Software, SaaS, OnlineServices, Azure') ??
        (required(pt, 'id') as never));
  const idPath = pt === null ? 'productType.id' : pathOf(pt, 'id');
  switch (type) {
    case 'nce-license':
      return microsoft === false ? 'nce-saas' : 'nce-license';
    case 'software':
      return duration === undefined || duration === 'none' || cycle === 'onetime' ? 'nce-perpetual' : 'nce-software';
    case 'saas':
      return 'nce-saas';
    case 'legacy':
      if (microsoft === false) return 'traditional-saas';
      return notCovered(
        pt === null ? 'MISSING_FIELD' : 'INVALID_ENUM',
        idPath,
        'legacy Microsoft license-based subscriptions are not covered; expected OnlineServicesNCE, Software or SaaS (or pass options.program)',
        pt === null ? undefined : get(pt, 'id'),
      );
    case 'azure':
      return notCovered(
        'INVALID_ENUM',
        idPath,
        '"Azure" (usage-based) is not covered; expected OnlineServicesNCE, Software or SaaS',
        get(pt as At, 'id'),
      );
  }
}

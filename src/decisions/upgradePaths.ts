/**
 * Which SKU may upgrade to which — U1, U2, U7: the caller's catalog of allowed conversions
 * (the offer matrix's ProductSkuConversion) minus the paths "Manage customer subscriptions" says
 * are not supported.
 */
import { allow, NONE, refuse, type Allowed, type Refused, type Warning } from '../core/decision.js';
import { CspRulesError, describe } from '../core/errors.js';
import { own, toRecord } from '../core/validate.js';
import { deepFreeze } from '../core/deepFreeze.js';

/** One conversion: from an offer name to an offer name (as Partner Center's `offerName`). */
export interface UpgradePath {
  /** The offer upgraded from. */
  readonly from: string;
  /** The offer upgraded to. */
  readonly to: string;
}

/** The caller's catalog: the conversions the offer matrix allows (U2). */
export type UpgradeCatalog = readonly UpgradePath[];

/** One row of the "Upgrades that aren't currently supported" table (U2). */
export interface UnsupportedUpgradeRow {
  /** The "Upgraded-from SKU" cell. */
  readonly from: string;
  /** The "Upgrade-to SKU" cell, as the source writes it. */
  readonly cell: string;
  /** The cell's SKUs, one each. */
  readonly to: readonly string[];
}

const M365_E5 = ['Microsoft 365 E5', 'Microsoft 365 E5 without Audio Conferencing'] as const;
const M365_E5_CELL = 'Microsoft 365 E5 or Microsoft 365 E5 without Audio Conferencing';

// U2: 002 "Upgrades that aren't currently supported", row for row; names exactly as written.
//  Upgraded-from SKU | Upgrade-to SKU
/**
 * U2: the deny list, as the source's "Upgrades that aren't currently supported" table.
 *
 * @example
 * ```ts
 * UNSUPPORTED_UPGRADES[8]; // { from: 'Microsoft Defender for Endpoint P1', cell: 'Microsoft Defender for Endpoint P2', to: ['Microsoft Defender for Endpoint P2'] }
 * ```
 */
export const UNSUPPORTED_UPGRADES: readonly UnsupportedUpgradeRow[] = /* @__PURE__ */ deepFreeze([
  {
    from: 'Enterprise Mobility + Security E3',
    cell: 'Enterprise Mobility + Security E5',
    to: ['Enterprise Mobility + Security E5'],
  },
  { from: 'Enterprise Mobility + Security E5', cell: M365_E5_CELL, to: M365_E5 },
  {
    from: 'Universal Print',
    cell: 'Microsoft 365 E3, Microsoft 365 E3 - Unattended License, Microsoft 365 E5, or Microsoft 365 E5 without Audio Conferencing',
    to: [
      'Microsoft 365 E3',
      'Microsoft 365 E3 - Unattended License',
      'Microsoft 365 E5',
      'Microsoft 365 E5 without Audio Conferencing',
    ],
  },
  { from: 'Windows 10/11 Enterprise E3', cell: M365_E5_CELL, to: M365_E5 },
  { from: 'Windows 10/11 Enterprise E3 VDA', cell: M365_E5_CELL, to: M365_E5 },
  { from: 'Windows 10/11 Enterprise E5', cell: M365_E5_CELL, to: M365_E5 },
  {
    from: 'Dynamics 365 Human Resources Self Service',
    cell: 'Dynamics 365 Team Members',
    to: ['Dynamics 365 Team Members'],
  },
  { from: 'Project Online Essentials', cell: 'Dynamics 365 Team Members', to: ['Dynamics 365 Team Members'] },
  {
    from: 'Microsoft Defender for Endpoint P1',
    cell: 'Microsoft Defender for Endpoint P2',
    to: ['Microsoft Defender for Endpoint P2'],
  },
] as const);

/** U7: what to do about duplicate licenses after an unsupported path (no dates are invented). */
export interface DuplicateLicenseNote {
  /** The rule the note comes from. */
  readonly rule: 'U7';
  /** Submit a support ticket asking to cancel the redundant licenses. */
  readonly action: 'SUPPORT_TICKET';
  /** How many billing cycles the ticket may wait. */
  readonly billingCycles: 2;
  /** Counted from this event (the library does not know its date). */
  readonly from: 'UPGRADED_LICENSE_INVOICED';
  /** The source's words. */
  readonly text: string;
}

/** U7: the note of "Remove duplicated licenses after an upgrade" (Manage customer subscriptions). */
export const DUPLICATE_LICENSE_NOTE: DuplicateLicenseNote = Object.freeze({
  rule: 'U7',
  action: 'SUPPORT_TICKET',
  billingCycles: 2,
  from: 'UPGRADED_LICENSE_INVOICED',
  text: 'within the first two billing cycles from when the upgraded license was invoiced',
});

/** Why a path is or isn't supported. */
export type UpgradePathReason =
  /** The catalog lists it and the deny list doesn't name it. */
  | 'IN_CATALOG'
  /** No catalog was given: only the deny list was checked (warning `CATALOG_NOT_GIVEN`). */
  | 'NOT_DENIED'
  /** U2: on the deny list, or absent from the given catalog. */
  | 'UNSUPPORTED_UPGRADE_PATH'
  /** U1: from and to name the same product — not an upgrade. */
  | 'SAME_PRODUCT';

/** Extra facts of {@link checkUpgradePath}. */
export interface UpgradePathFacts {
  /** Which list refused it: the deny list, the caller's catalog, or `null`. */
  readonly deniedBy: 'deny-list' | 'catalog' | null;
  /** U7: set when the path is unsupported. */
  readonly duplicateLicenses: DuplicateLicenseNote | null;
}

/** The answer of {@link checkUpgradePath}. */
export type UpgradePathDecision = (Allowed<UpgradePathReason> | Refused<UpgradePathReason>) & UpgradePathFacts;

/** The combined view of {@link upgradeMatrix}. */
export interface UpgradeMatrix {
  /** Catalog paths not on the deny list (deduplicated, in catalog order). */
  readonly allowed: readonly UpgradePath[];
  /** Every deny-list path (one per SKU pair), whether the catalog lists it or not. */
  readonly denied: readonly (UpgradePath & { readonly inCatalog: boolean })[];
  /** False when no catalog was given: `allowed` is then empty and only the deny list applies. */
  readonly catalogGiven: boolean;
}

/**
 * The key names are compared by: trimmed, inner whitespace collapsed, lower case.
 *
 * @example
 * ```ts
 * offerKey('  Microsoft 365  E5 '); // 'microsoft 365 e5'
 * ```
 *
 * @throws {@link CspRulesError} `MISSING_FIELD` / `INVALID_TYPE` `name` for anything but a non-empty offer name
 */
export function offerKey(name: string): string {
  return readName(name, 'name').trim().replace(/\s+/g, ' ').toLowerCase();
}

const DENIED: ReadonlySet<string> = new Set(UNSUPPORTED_UPGRADES.flatMap((r) => r.to.map((to) => pairKey(r.from, to))));

function pairKey(from: string, to: string): string {
  return `${offerKey(from)}\u0000${offerKey(to)}`;
}

/**
 * U2: the catalog's conversions minus the unsupported paths of the deny list.
 *
 * @throws {@link CspRulesError} `INVALID_TYPE` / `MISSING_FIELD` naming `catalog[i].from` / `.to`
 *
 * @example
 * ```ts
 * const m = upgradeMatrix([
 *   { from: 'Microsoft 365 E3', to: 'Microsoft 365 E5' },
 *   { from: 'Enterprise Mobility + Security E3', to: 'Enterprise Mobility + Security E5' },
 * ]);
 * m.allowed; // [{ from: 'Microsoft 365 E3', to: 'Microsoft 365 E5' }]
 * m.denied[0]; // { from: 'Enterprise Mobility + Security E3', to: 'Enterprise Mobility + Security E5', inCatalog: true }
 * ```
 */
export function upgradeMatrix(catalog?: UpgradeCatalog): UpgradeMatrix {
  const paths = catalog === undefined ? null : readCatalog(catalog, 'catalog');
  // Stryker disable next-line ArrayDeclaration: with no catalog the set is only asked for deny-list pair keys (which hold a NUL), never a junk string
  const inCatalog = new Set(paths === null ? [] : paths.map((p) => pairKey(p.from, p.to)));
  const seen = new Set<string>();
  const allowed: UpgradePath[] = [];
  for (const p of paths ?? []) {
    const key = pairKey(p.from, p.to);
    if (DENIED.has(key) || seen.has(key)) continue;
    seen.add(key);
    allowed.push(p);
  }
  const denied = UNSUPPORTED_UPGRADES.flatMap((r) =>
    r.to.map((to) => ({ from: r.from, to, inCatalog: inCatalog.has(pairKey(r.from, to)) })),
  );
  return { allowed, denied, catalogGiven: paths !== null };
}

/**
 * U1, U2, U7: whether `from` may upgrade to `to`. A path on the deny list is refused; with a
 * catalog, a path it doesn't list is refused too (the catalog also decides direction: a
 * downgrade is simply absent); without one, every path not denied is allowed with the warning
 * `CATALOG_NOT_GIVEN`. Refusals carry the U7 duplicate-license note.
 *
 * @example
 * ```ts
 * checkUpgradePath('Microsoft Defender for Endpoint P1', 'microsoft defender for endpoint p2');
 * // { allowed: false, rule: 'U2', reason: 'UNSUPPORTED_UPGRADE_PATH', deniedBy: 'deny-list', duplicateLicenses: { rule: 'U7', … } }
 * ```
 */
export function checkUpgradePath(from: string, to: string, catalog?: UpgradeCatalog): UpgradePathDecision {
  const src = readName(from, 'from');
  const dst = readName(to, 'to');
  const paths = catalog === undefined ? null : readCatalog(catalog, 'catalog');
  const key = pairKey(src, dst);
  const refused = (
    reason: UpgradePathReason,
    deniedBy: UpgradePathFacts['deniedBy'],
    note: DuplicateLicenseNote | null,
  ): UpgradePathDecision =>
    Object.assign(refuse(reason === 'SAME_PRODUCT' ? 'U1' : 'U2', reason, null), { deniedBy, duplicateLicenses: note });
  if (offerKey(src) === offerKey(dst)) return refused('SAME_PRODUCT', null, null);
  if (DENIED.has(key)) return refused('UNSUPPORTED_UPGRADE_PATH', 'deny-list', DUPLICATE_LICENSE_NOTE);
  if (paths === null) {
    const warnings: readonly Warning[] = ['CATALOG_NOT_GIVEN'];
    return Object.assign(allow('U2', 'NOT_DENIED', null, NONE, warnings), { deniedBy: null, duplicateLicenses: null });
  }
  if (!paths.some((p) => pairKey(p.from, p.to) === key))
    return refused('UNSUPPORTED_UPGRADE_PATH', 'catalog', DUPLICATE_LICENSE_NOTE);
  return Object.assign(allow('U2', 'IN_CATALOG', null), { deniedBy: null, duplicateLicenses: null });
}

function readCatalog(value: unknown, field: string): UpgradeCatalog {
  if (!Array.isArray(value)) {
    throw new CspRulesError('INVALID_TYPE', field, `expected an array of { from, to }, got ${describe(value)}`, value);
  }
  // A for loop, not map: map skips the holes of a sparse array, which must be errors.
  const paths: UpgradePath[] = [];
  for (let i = 0; i < value.length; i++) {
    const r = toRecord(value[i], `${field}[${i}]`);
    paths.push({
      from: readName(own(r, 'from'), `${field}[${i}].from`),
      to: readName(own(r, 'to'), `${field}[${i}].to`),
    });
  }
  return paths;
}

/**
 * An offer name: a non-empty string.
 */
export function readName(value: unknown, field: string): string {
  if (value === undefined || value === null)
    throw new CspRulesError('MISSING_FIELD', field, 'is required (an offer name)');
  if (typeof value !== 'string' || value.trim() === '') {
    throw new CspRulesError('INVALID_TYPE', field, `expected a non-empty offer name, got ${describe(value)}`, value);
  }
  return value;
}

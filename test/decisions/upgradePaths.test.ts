import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkUpgradePath,
  DUPLICATE_LICENSE_NOTE,
  offerKey,
  readName,
  UNSUPPORTED_UPGRADES,
  type UpgradeCatalog,
  upgradeMatrix,
  type UpgradePath,
} from '../../src/decisions/upgradePaths.js';
import { caught } from '../support/caught.js';

// 002 "Upgrades that aren't currently supported" — copied from the source, with each cell's SKUs split by hand.
const SOURCE_U2: readonly [string, string, string[]][] = [
  ['Enterprise Mobility + Security E3', 'Enterprise Mobility + Security E5', ['Enterprise Mobility + Security E5']],
  [
    'Enterprise Mobility + Security E5',
    'Microsoft 365 E5 or Microsoft 365 E5 without Audio Conferencing',
    ['Microsoft 365 E5', 'Microsoft 365 E5 without Audio Conferencing'],
  ],
  [
    'Universal Print',
    'Microsoft 365 E3, Microsoft 365 E3 - Unattended License, Microsoft 365 E5, or Microsoft 365 E5 without Audio Conferencing',
    [
      'Microsoft 365 E3',
      'Microsoft 365 E3 - Unattended License',
      'Microsoft 365 E5',
      'Microsoft 365 E5 without Audio Conferencing',
    ],
  ],
  [
    'Windows 10/11 Enterprise E3',
    'Microsoft 365 E5 or Microsoft 365 E5 without Audio Conferencing',
    ['Microsoft 365 E5', 'Microsoft 365 E5 without Audio Conferencing'],
  ],
  [
    'Windows 10/11 Enterprise E3 VDA',
    'Microsoft 365 E5 or Microsoft 365 E5 without Audio Conferencing',
    ['Microsoft 365 E5', 'Microsoft 365 E5 without Audio Conferencing'],
  ],
  [
    'Windows 10/11 Enterprise E5',
    'Microsoft 365 E5 or Microsoft 365 E5 without Audio Conferencing',
    ['Microsoft 365 E5', 'Microsoft 365 E5 without Audio Conferencing'],
  ],
  ['Dynamics 365 Human Resources Self Service', 'Dynamics 365 Team Members', ['Dynamics 365 Team Members']],
  ['Project Online Essentials', 'Dynamics 365 Team Members', ['Dynamics 365 Team Members']],
  ['Microsoft Defender for Endpoint P1', 'Microsoft Defender for Endpoint P2', ['Microsoft Defender for Endpoint P2']],
];
const DENIED_PAIRS = SOURCE_U2.flatMap(([from, , to]) => to.map((t) => ({ from, to: t })));

/** The whole error of a call: code, field, message and the value received. */
const err = (fn: () => unknown) => {
  const e = caught(fn);
  return [e.code, e.field, e.message, e.received];
};

describe('U2 deny list (002 "Upgrades that aren\'t currently supported")', () => {
  it('UNSUPPORTED_UPGRADES is the source table, names exactly as written', () => {
    expect(UNSUPPORTED_UPGRADES.map((r) => [r.from, r.cell, r.to])).toEqual(SOURCE_U2);
    expect(DENIED_PAIRS).toHaveLength(16);
  });

  it.each(DENIED_PAIRS)(
    '$from → $to is refused UNSUPPORTED_UPGRADE_PATH, with or without a catalog listing it',
    ({ from, to }) => {
      // checkUpgradePath asks no instant and no change of the timeline touches U1/U2: the baseline version.
      const expected = {
        allowed: false,
        rule: 'U2',
        policyVersion: '2023-10-19',
        reason: 'UNSUPPORTED_UPGRADE_PATH',
        opensAt: null,
        assumptions: [],
        warnings: [],
        deniedBy: 'deny-list',
        duplicateLicenses: DUPLICATE_LICENSE_NOTE,
      };
      expect(checkUpgradePath(from, to)).toEqual(expected);
      expect(checkUpgradePath(from, to, [{ from, to }])).toEqual(expected);
    },
  );

  it('names match case-insensitively and trimmed (inner whitespace collapsed)', () => {
    expect(
      checkUpgradePath('  microsoft DEFENDER for endpoint p1 ', 'Microsoft Defender  for Endpoint P2\t').reason,
    ).toBe('UNSUPPORTED_UPGRADE_PATH');
    expect(offerKey(' Universal   Print ')).toBe('universal print');
    // A different SKU is not matched by prefix: "Windows 10/11 Enterprise E3 VDA" ≠ "… E3".
    expect(checkUpgradePath('Windows 10/11 Enterprise E3 VDA2', 'Microsoft 365 E5').allowed).toBe(true);
  });

  it('the deny list is directional: the reverse path is not denied by it', () => {
    expect(checkUpgradePath('Microsoft Defender for Endpoint P2', 'Microsoft Defender for Endpoint P1').reason).toBe(
      'NOT_DENIED',
    );
  });
});

describe('U1/U2 catalog of allowed conversions', () => {
  const catalog: UpgradePath[] = [
    { from: 'Microsoft 365 E3', to: 'Microsoft 365 E5' },
    { from: 'Microsoft 365 Business Basic', to: 'Microsoft 365 Business Standard' },
  ];

  it('a catalog path is allowed IN_CATALOG; a path absent from the catalog is refused (a downgrade is absent)', () => {
    expect(checkUpgradePath('microsoft 365 e3', 'Microsoft 365 E5', catalog)).toEqual({
      allowed: true,
      rule: 'U2',
      policyVersion: '2023-10-19',
      reason: 'IN_CATALOG',
      until: null,
      assumptions: [],
      warnings: [],
      deniedBy: null,
      duplicateLicenses: null,
    });
    expect(checkUpgradePath('Microsoft 365 E5', 'Microsoft 365 E3', catalog)).toMatchObject({
      allowed: false,
      rule: 'U2',
      reason: 'UNSUPPORTED_UPGRADE_PATH',
      deniedBy: 'catalog',
      duplicateLicenses: { rule: 'U7' },
    });
  });

  it('without a catalog only the deny list applies, and the answer says so', () => {
    expect(checkUpgradePath('Microsoft 365 E3', 'Microsoft 365 E5')).toMatchObject({
      allowed: true,
      reason: 'NOT_DENIED',
      warnings: ['CATALOG_NOT_GIVEN'],
    });
  });

  it('U1: the same product is not an upgrade', () => {
    expect(checkUpgradePath('Microsoft 365 E3', ' microsoft 365 e3', catalog)).toMatchObject({
      allowed: false,
      rule: 'U1',
      reason: 'SAME_PRODUCT',
    });
  });

  it('upgradeMatrix: catalog paths minus denied ones, deduplicated; every denied path flagged inCatalog', () => {
    const m = upgradeMatrix([
      ...catalog,
      { from: 'MICROSOFT 365 E3', to: 'microsoft 365 e5' },
      { from: 'Universal Print', to: 'Microsoft 365 E3' },
    ]);
    expect(m.catalogGiven).toBe(true);
    expect(m.allowed).toEqual(catalog);
    expect(m.denied).toHaveLength(16);
    expect(m.denied.filter((d) => d.inCatalog)).toEqual([
      { from: 'Universal Print', to: 'Microsoft 365 E3', inCatalog: true },
    ]);
    expect(upgradeMatrix()).toMatchObject({ allowed: [], catalogGiven: false });
  });

  it('no denied path is ever in the matrix, and every allowed path comes from the catalog (property)', () => {
    const names = fc.constantFrom(
      ...new Set(DENIED_PAIRS.flatMap((p) => [p.from, p.to])),
      'Microsoft 365 E3',
      'Office 365 E1',
    );
    const variant = (n: string) => fc.constantFrom(n, n.toUpperCase(), ` ${n.toLowerCase()} `);
    const path = fc.record({ from: names.chain(variant), to: names.chain(variant) });
    fc.assert(
      fc.property(fc.array(path, { maxLength: 20 }), (paths) => {
        const m = upgradeMatrix(paths);
        const denied = new Set(DENIED_PAIRS.map((p) => `${p.from.toLowerCase()}|${p.to.toLowerCase()}`));
        for (const p of m.allowed) {
          expect(denied.has(`${p.from.trim().toLowerCase()}|${p.to.trim().toLowerCase()}`)).toBe(false);
          expect(paths).toContainEqual(p);
        }
      }),
    );
  });

  it('the catalog is validated, naming the entry', () => {
    expect(() => upgradeMatrix('x' as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_TYPE', field: 'catalog' }),
    );
    expect(() => upgradeMatrix([{ from: 'A' } as never])).toThrow(
      expect.objectContaining({ code: 'MISSING_FIELD', field: 'catalog[0].to' }),
    );
    expect(() => checkUpgradePath('A', 'B', [{ from: 'A', to: 7 } as never])).toThrow(
      expect.objectContaining({ code: 'INVALID_TYPE', field: 'catalog[0].to' }),
    );
    expect(() => checkUpgradePath('A', '  ')).toThrow(expect.objectContaining({ code: 'INVALID_TYPE', field: 'to' }));
  });

  it('U2: readName: absent or null → MISSING_FIELD; empty, blank or not a string → INVALID_TYPE with the value', () => {
    expect(err(() => readName(undefined, 'to'))).toEqual([
      'MISSING_FIELD',
      'to',
      'to: is required (an offer name)',
      undefined,
    ]);
    expect(err(() => readName(null, 'from'))).toEqual([
      'MISSING_FIELD',
      'from',
      'from: is required (an offer name)',
      undefined,
    ]);
    expect(err(() => readName('', 'to'))).toEqual([
      'INVALID_TYPE',
      'to',
      'to: expected a non-empty offer name, got ""',
      '',
    ]);
    expect(err(() => readName(' \t', 'to'))).toEqual([
      'INVALID_TYPE',
      'to',
      'to: expected a non-empty offer name, got " \\t"',
      ' \t',
    ]);
    expect(err(() => readName(7, 'to'))).toEqual([
      'INVALID_TYPE',
      'to',
      'to: expected a non-empty offer name, got 7',
      7,
    ]);
    expect(readName(' E5 ', 'to')).toBe(' E5 ');
  });

  it('U2: offerKey names its field `name`', () => {
    expect(err(() => offerKey('' as string))).toEqual([
      'INVALID_TYPE',
      'name',
      'name: expected a non-empty offer name, got ""',
      '',
    ]);
    expect(offerKey('\tMicrosoft\n365   E5  ')).toBe('microsoft 365 e5');
  });

  it('U2: a catalog that is not an array names `catalog`, with the message and the value', () => {
    expect(err(() => upgradeMatrix({} as never))).toEqual([
      'INVALID_TYPE',
      'catalog',
      'catalog: expected an array of { from, to }, got an object',
      {},
    ]);
    expect(err(() => checkUpgradePath('A', 'B', 'x' as never))).toEqual([
      'INVALID_TYPE',
      'catalog',
      'catalog: expected an array of { from, to }, got "x"',
      'x',
    ]);
  });

  it('U2: a hole in a sparse catalog is an error at its index, not skipped', () => {
    const sparse = [{ from: 'A', to: 'B' }, , { from: 'C', to: 'D' }] as unknown as UpgradeCatalog;
    expect(err(() => upgradeMatrix(sparse))).toEqual([
      'INVALID_TYPE',
      'catalog[1]',
      'catalog[1]: expected an object, got undefined',
      undefined,
    ]);
    expect(err(() => upgradeMatrix([{ from: 'A', to: 'B' }, { to: 'D' } as never]))).toEqual([
      'MISSING_FIELD',
      'catalog[1].from',
      'catalog[1].from: is required (an offer name)',
      undefined,
    ]);
  });

  it('U1/U2: checkUpgradePath names `from` and `to`', () => {
    expect(err(() => checkUpgradePath(undefined as never, 'B'))).toEqual([
      'MISSING_FIELD',
      'from',
      'from: is required (an offer name)',
      undefined,
    ]);
    expect(err(() => checkUpgradePath('A', null as never))).toEqual([
      'MISSING_FIELD',
      'to',
      'to: is required (an offer name)',
      undefined,
    ]);
  });

  it('U2: an empty catalog: nothing allowed, every deny-list pair listed, none in the catalog, catalogGiven', () => {
    const m = upgradeMatrix([]);
    expect(m.allowed).toEqual([]);
    expect(m.catalogGiven).toBe(true);
    expect(m.denied).toHaveLength(16);
    expect(m.denied[0]).toEqual({
      from: 'Enterprise Mobility + Security E3',
      to: 'Enterprise Mobility + Security E5',
      inCatalog: false,
    });
    expect(m.denied.every((d) => !d.inCatalog)).toBe(true);
  });

  it('U2: the first spelling of a duplicated path is kept; a denied path is left out however it is spelled', () => {
    const m = upgradeMatrix([
      { from: ' Microsoft 365 E3', to: 'Microsoft 365 E5' },
      { from: 'microsoft 365 e3', to: 'MICROSOFT 365 E5' },
      { from: 'enterprise mobility + security e3', to: 'Enterprise Mobility + Security E5 ' },
      { from: 'Office 365 E1', to: 'Office 365 E3' },
    ]);
    expect(m.allowed).toEqual([
      { from: ' Microsoft 365 E3', to: 'Microsoft 365 E5' },
      { from: 'Office 365 E1', to: 'Office 365 E3' },
    ]);
    expect(m.denied.filter((d) => d.inCatalog)).toEqual([
      { from: 'Enterprise Mobility + Security E3', to: 'Enterprise Mobility + Security E5', inCatalog: true },
    ]);
  });

  it('U2: a catalog path matched with other spacing and case: IN_CATALOG; a path of the catalog in the other direction: refused by the catalog', () => {
    const catalog = [{ from: 'Office 365 E1', to: 'Office 365 E3' }];
    expect(checkUpgradePath('OFFICE 365  E1', 'office 365 e3 ', catalog)).toEqual({
      allowed: true,
      rule: 'U2',
      policyVersion: '2023-10-19',
      reason: 'IN_CATALOG',
      until: null,
      assumptions: [],
      warnings: [],
      deniedBy: null,
      duplicateLicenses: null,
    });
    expect(checkUpgradePath('Office 365 E3', 'Office 365 E1', catalog)).toEqual({
      allowed: false,
      rule: 'U2',
      policyVersion: '2023-10-19',
      reason: 'UNSUPPORTED_UPGRADE_PATH',
      opensAt: null,
      assumptions: [],
      warnings: [],
      deniedBy: 'catalog',
      duplicateLicenses: {
        rule: 'U7',
        action: 'SUPPORT_TICKET',
        billingCycles: 2,
        from: 'UPGRADED_LICENSE_INVOICED',
        text: 'within the first two billing cycles from when the upgraded license was invoiced',
      },
    });
  });

  it('U1: the same product, with or without a catalog: whole refusal', () => {
    const same = {
      allowed: false,
      rule: 'U1',
      policyVersion: '2023-10-19',
      reason: 'SAME_PRODUCT',
      opensAt: null,
      assumptions: [],
      warnings: [],
      deniedBy: null,
      duplicateLicenses: null,
    };
    expect(checkUpgradePath('Office 365 E1', 'office 365 e1')).toEqual(same);
    expect(checkUpgradePath('Office 365 E1', 'Office 365  E1', [])).toEqual(same);
  });

  it('U2: without a catalog: NOT_DENIED with the CATALOG_NOT_GIVEN warning, whole answer', () => {
    expect(checkUpgradePath('Office 365 E1', 'Office 365 E3')).toEqual({
      allowed: true,
      rule: 'U2',
      policyVersion: '2023-10-19',
      reason: 'NOT_DENIED',
      until: null,
      assumptions: [],
      warnings: ['CATALOG_NOT_GIVEN'],
      deniedBy: null,
      duplicateLicenses: null,
    });
  });
});

describe('U7 duplicate licenses after an unsupported path', () => {
  it("returns the support-ticket deadline as data, in the source's words, with no invented date", () => {
    expect(DUPLICATE_LICENSE_NOTE).toEqual({
      rule: 'U7',
      action: 'SUPPORT_TICKET',
      billingCycles: 2,
      from: 'UPGRADED_LICENSE_INVOICED',
      text: 'within the first two billing cycles from when the upgraded license was invoiced',
    });
    expect(checkUpgradePath('Microsoft 365 E3', 'Microsoft 365 E5').duplicateLicenses).toBeNull();
  });
});

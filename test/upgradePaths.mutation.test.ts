import { describe, expect, it } from 'vitest';
import {
  checkUpgradePath,
  offerKey,
  readName,
  upgradeMatrix,
  type UpgradeCatalog,
} from '../src/decisions/upgradePaths.js';
import { caught } from './support/caught.js';

// Mutation tests of upgradePaths.ts: whole errors, whole matrices.
const err = (fn: () => unknown) => {
  const e = caught(fn);
  return [e.code, e.field, e.message, e.received];
};

describe('U2 offer names and catalogs: whole errors', () => {
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
});

describe('U2 upgradeMatrix and checkUpgradePath, whole answers', () => {
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
      reason: 'NOT_DENIED',
      until: null,
      assumptions: [],
      warnings: ['CATALOG_NOT_GIVEN'],
      deniedBy: null,
      duplicateLicenses: null,
    });
  });
});

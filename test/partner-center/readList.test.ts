/**
 * readPartnerCenterList (src/partner-center/readList.ts): one answer per record — read, or
 * skipped with its index, id and why — for an array or a collection; one record never stops the others.
 */
import { describe, expect, it } from 'vitest';
import { CspRulesError } from '../../src/core/errors.js';
import { readPartnerCenterList } from '../../src/partner-center/readList.js';
import { caught } from '../support/caught.js';
import { pc } from '../support/partnerCenter.js';

describe('readPartnerCenterList: per record', () => {
  it('C1 an in-scope record, an Azure one, an invalid one and an order: one answer each, in order', () => {
    const list = [
      pc(),
      pc({ id: 'azure-1', productType: { id: 'Azure' } }),
      pc({ id: 'bad-1', quantity: -1 }),
      { id: 'order-1', lineItems: [] },
    ];
    const answers = readPartnerCenterList({ totalCount: 4, items: list });
    expect(
      answers.map((a) => (a.ok ? [a.index, 'read', a.subscription.id] : [a.index, a.reason, a.id, a.error.field])),
    ).toEqual([
      [0, 'read', '4c0b3f6e-8d55-4c1e-9a57-2d2f5c0f9a11'],
      [1, 'not-covered', 'azure-1', 'items[1].productType.id'],
      [2, 'invalid', 'bad-1', 'items[2].quantity'],
      [3, 'not-a-subscription', 'order-1', 'items[3]'],
    ]);
    const [, azure] = answers;
    expect(azure?.ok === false && azure.error).toBeInstanceOf(CspRulesError);
  });
  it('an array gives paths without items; anything else is one error for the document', () => {
    const [answer] = readPartnerCenterList([pc({ billingType: 'usage' })]);
    expect(answer?.ok === false && [answer.reason, answer.error.field]).toEqual(['not-covered', '[0].billingType']);
    expect(caught(() => readPartnerCenterList({ items: 3 })).field).toBe('$');
    expect(readPartnerCenterList([])).toEqual([]);
  });
  it('invalid options concern every record: thrown', () => {
    expect(caught(() => readPartnerCenterList([pc()], { program: 'x' as never })).field).toBe('options.program');
  });
});

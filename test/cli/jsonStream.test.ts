/**
 * The streaming JSON reader of the CLI (src/cli/jsonStream.ts): the same elements whatever the
 * chunk boundaries (inside strings, escapes, keys), arrays and `{ items }` collections streamed,
 * other documents read whole, invalid text refused.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonStreamError, readJsonPieces } from '../../src/cli/jsonStream.js';

/** `text` cut at the given positions. */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const parts: string[] = [];
  let last = 0;
  for (const p of points) {
    parts.push(text.slice(last, p));
    last = p;
  }
  parts.push(text.slice(last));
  return parts;
}

const values = (chunks: Iterable<string>) => [...readJsonPieces(chunks)].map((p) => p.value);

describe('readJsonPieces', () => {
  it('an array: one piece per element, in order, wherever the chunks are cut', () => {
    const items = [{ a: 'x,]}"\\' }, [1, [2]], 'b\\"]', 3, null, { items: [9] }];
    const text = ` ${JSON.stringify(items, null, 1)} `;
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 12 }), (at) => {
        expect(values(cut(text, at))).toEqual(items);
      }),
      { numRuns: 200 },
    );
  });
  it('{ items }: the items streamed (key in any casing), the wrapper dropped; the list is `items`', () => {
    const text = '{"totalCount":2,"links":{"self":{"uri":"/x]"}},"Items":[{"id":1},{"id":2}],"attributes":{}}';
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 8 }), (at) => {
        const pieces = [...readJsonPieces(cut(text, at))];
        expect(pieces).toEqual([
          { kind: 'element', index: 0, value: { id: 1 }, list: 'items' },
          { kind: 'element', index: 1, value: { id: 2 }, list: 'items' },
        ]);
      }),
      { numRuns: 100 },
    );
  });
  it('an object without items, or a scalar: one single piece', () => {
    expect([...readJsonPieces(['{"id":"a",', '"items":3}'])]).toEqual([
      { kind: 'single', value: { id: 'a', items: 3 } },
    ]);
    expect([...readJsonPieces(['5'])]).toEqual([{ kind: 'single', value: 5 }]);
    expect(values(['[]'])).toEqual([]);
  });
  it.each(['', '  ', '[1,,2]', '[1,2', '{"a":', '[{"a":1}', '{'])('%j is not valid JSON', (text) => {
    expect(() => [...readJsonPieces([text])]).toThrow(JsonStreamError);
  });
});

/**
 * `csp-rules explain` over the corpus of JSON Microsoft published (test/fixtures/partner-center/),
 * in process: every file answers each record it can and names each skipped one (exit 0 or 3);
 * the raw texts that are not valid JSON (`.jsonc`) are unusable input (exit 2). The readings
 * themselves are checked by hand in test/partner-center/corpus.test.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from '../support/memoryIo.js';

const DIR = join('test', 'fixtures', 'partner-center');
const files = readdirSync(DIR);
const text = (f: string): string => readFileSync(join(DIR, f), 'utf8');

/** Files whose every record is read (README table: new commerce, software, marketplace SaaS). */
const ALL_READ = new Set([
  'autorenew-off-marketplace-response.json',
  'cancel-nce-marketplace-response-deleted.json',
  'scheduled-changes-response.json',
  'scheduled-changes-response-2021.json',
  'change-quantity-nce-response.json',
  'get-by-id-nce-expired.json',
  'update-request-nce-friendlyname.json',
  'customer-subscriptions-software-triennial.json',
  'software-billing-frequency-scheduled-response.json',
]);

describe('the corpus through the CLI', () => {
  it.each(files.filter((f) => f.endsWith('.json')))(
    '%s: answered (exit 0) or skipped records named (exit 3)',
    (file) => {
      const io = memoryIo({ [file]: text(file) });
      const code = run(['explain', file, '--now', '2024-03-12T12:00:00Z'], io);
      if (ALL_READ.has(file)) {
        expect([code, io.err]).toEqual([0, []]);
        expect(io.out.join('')).toContain(file);
      } else {
        expect(code).toBe(3);
        for (const line of io.err.join('').trimEnd().split('\n')) {
          expect(line).toMatch(/^csp-rules: skipped \S+( \([^)]*\))?: (not-covered|not-a-subscription): /);
        }
      }
    },
  );

  it.each(files.filter((f) => f.endsWith('.jsonc')))('%s: the raw published text is not JSON: exit 2', (file) => {
    const io = memoryIo({ [file]: text(file) });
    expect(run(['explain', file, '--now', '2024-03-12T12:00:00Z'], io)).toBe(2);
    expect(io.err.join('')).toMatch(new RegExp(`^csp-rules: ${file.replaceAll('.', '\\.')}: not valid JSON \\(`));
  });

  it('a mixed collection: each in-scope item answered, each skipped one named, in one --jsonl stream (exit 3)', () => {
    const items = [
      JSON.parse(text('change-quantity-nce-response.json')),
      ...(JSON.parse(text('pcps-session-customer-subscriptions-azure-suspended.json')) as { items: unknown[] }).items,
      ...(JSON.parse(text('customer-subscriptions-software-triennial.json')) as { items: unknown[] }).items,
    ];
    const io = memoryIo({ 'mixed.json': JSON.stringify({ totalCount: items.length, items }) });
    expect(run(['explain', 'mixed.json', '--now', '2021-10-25T00:00:00Z', '--jsonl'], io)).toBe(3);
    const lines = io.out.map((l) => JSON.parse(l) as { index: number; ok: boolean; id: string; skipped?: string });
    expect(lines.map((l) => [l.index, l.ok, l.id, l.skipped ?? null])).toEqual([
      [0, true, 'a4c1340d-6911-4758-bba3-0c4c6007d161', null],
      [1, false, '4F26A5CA-C468-4715-8FC5-A14F28BCC29B', 'not-covered'],
      [2, false, 'B34024C7-9258-4841-BD0B-1E2A5D5C9D8D', 'not-covered'],
      [3, true, '924671ba-eab9-45d7-95ed-dbd9477f182b', null],
    ]);
  });
});

/**
 * The catalogue's versions table (docs/catalogue.md, between `<!-- versions:start -->` and
 * `<!-- versions:end -->`) and MICROSOFT_TIMELINE say the same: the same versions, keys, rules
 * and source URLs, row for row. The catalogue is read from the repository root, as
 * repository.test.ts reads its files.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BASELINE_VERSION, MICROSOFT_TIMELINE } from '../../src/index.js';

const root = resolve(import.meta.dirname, '..', '..');
const catalogue = readFileSync(join(root, 'docs', 'catalogue.md'), 'utf8');

interface Row {
  readonly version: string;
  readonly key: string | null;
  readonly rules: readonly string[];
  readonly urls: readonly string[];
}

/** The table between the markers, one object a data row (header and separator left out). */
function versionsTable(text: string): readonly Row[] {
  const start = text.indexOf('<!-- versions:start -->');
  const end = text.indexOf('<!-- versions:end -->');
  if (start < 0 || end < start) throw new Error('docs/catalogue.md has no versions:start … versions:end block');
  const lines = text
    .slice(start, end)
    .split('\n')
    .filter((l) => l.startsWith('|'));
  // lines[0] is the header, lines[1] the separator.
  return lines.slice(2).map((line) => {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    const [version = '', change = '', rules = '', , , source = ''] = cells;
    const key = /^`([a-z-]+)`/.exec(change)?.[1] ?? null;
    return {
      version,
      key,
      rules: rules.startsWith('all but') ? [] : rules.split(',').map((r) => r.trim()),
      urls: [...source.matchAll(/\]\((https:\/\/[^)\s]+)\)/g)].map((m) => m[1] as string),
    };
  });
}

describe('docs/catalogue.md versions table = MICROSOFT_TIMELINE (R6, R7, C17, P8, B1, B2, C14, C9)', () => {
  const rows = versionsTable(catalogue);

  it('the table has the header the test reads, and seven rows: the baseline and six changes', () => {
    const block = catalogue.slice(catalogue.indexOf('<!-- versions:start -->'));
    expect(block).toContain('| Version | Change (`key`) | Rules | Governed by | Applies to | Source |');
    expect(rows.map((r) => r.version)).toEqual([
      '2023-10-19',
      '2024-07-01',
      '2024-07-01',
      '2025-04-01',
      '2025-04-01',
      '2026-02-16',
      '2026-05-04',
    ]);
  });

  it('its first row is the baseline version, without a key', () => {
    expect(rows[0]).toMatchObject({ version: BASELINE_VERSION, key: null });
  });

  it('its other rows are the timeline’s changes in order: version, key, rules and source URL', () => {
    const documented = rows.slice(1).map((r) => ({ version: r.version, key: r.key, rules: r.rules, urls: r.urls }));
    const encoded = MICROSOFT_TIMELINE.map((c) => ({
      version: c.version,
      key: c.key,
      rules: [...c.rules],
      urls: [c.source.url],
    }));
    expect(documented).toEqual(encoded);
  });

  it('as sets too: no version, key or URL only on one side', () => {
    const body = rows.slice(1);
    expect(new Set(body.map((r) => r.version))).toEqual(new Set(MICROSOFT_TIMELINE.map((c) => c.version)));
    expect(new Set(body.map((r) => r.key))).toEqual(new Set(MICROSOFT_TIMELINE.map((c) => c.key)));
    expect(new Set(body.flatMap((r) => r.urls))).toEqual(new Set(MICROSOFT_TIMELINE.map((c) => c.source.url)));
  });
});

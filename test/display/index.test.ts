/**
 * T5 the display entry point (`csp-subscription-rules/display`) keeps date-fns-tz to itself: no
 * other file imports it, and no other entry point imports the display helpers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('T5 date-fns-tz stays in the display entry point', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  it('no file outside src/display imports date-fns-tz', () => {
    const offenders = files('src').filter(
      (f) => !f.startsWith(join('src', 'display')) && /from ['"]date-fns-tz/.test(readFileSync(f, 'utf8')),
    );
    expect(offenders).toEqual([]);
  });
  it('no other entry point imports from src/display', () => {
    const entries = [
      'src/index.ts',
      'src/lifecycle/index.ts',
      'src/explain/index.ts',
      'src/explain/explain.ts',
      'src/partner-center/index.ts',
    ];
    expect(entries.filter((f) => /from '[^']*display/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });
});

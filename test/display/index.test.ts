/**
 * T5 the display entry point (`csp-subscription-rules/display`) stands on the runtime's Intl
 * alone: it imports no package (date-fns-tz went through the host's local time, issue 16 item 7),
 * no file imports date-fns-tz, and no other entry point imports the display helpers.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

describe('T5 the display entry point imports no package', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  it('T5 src/display imports only relative paths: no date-fns, no date-fns-tz', () => {
    const imports = files(join('src', 'display')).flatMap((f) =>
      [...readFileSync(f, 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] as string),
    );
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((spec) => !spec.startsWith('.'))).toEqual([]);
  });
  it('T5 no file in src imports date-fns-tz', () => {
    expect(files('src').filter((f) => /from ['"]date-fns-tz/.test(readFileSync(f, 'utf8')))).toEqual([]);
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/run.js';
import { memoryIo } from '../support/memoryIo.js';

// Exit 2 is for bad input only, i.e. a CspRulesError from the library. Anything else thrown while
// reading a file or an option is a bug and must exit 1 ("unexpected error"), never be reported
// as the user's fault. The library never throws anything else on any input (principle 5), so the
// failure is injected here.

const failure = vi.hoisted(() => ({ adapter: undefined as Error | undefined, count: undefined as Error | undefined }));

vi.mock('../../src/partner-center/fromPartnerCenter.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/partner-center/fromPartnerCenter.js')>();
  return {
    ...original,
    fromPartnerCenter: (...args: Parameters<typeof original.fromPartnerCenter>) => {
      if (failure.adapter !== undefined) throw failure.adapter;
      return original.fromPartnerCenter(...args);
    },
  };
});

vi.mock('../../src/core/validate.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/core/validate.js')>();
  return {
    ...original,
    toCount: (...args: Parameters<typeof original.toCount>) => {
      if (failure.count !== undefined) throw failure.count;
      return original.toCount(...args);
    },
  };
});

afterEach(() => {
  failure.adapter = undefined;
  failure.count = undefined;
});

const NOW = '2024-03-12T12:00:00Z';
const files = { 's.json': readFileSync(join('examples', 'suspended.json'), 'utf8') };

function bug(message: string): TypeError {
  const error = new TypeError(message);
  error.stack = `TypeError: ${message}\n    at somewhere (lib.js:1:1)`;
  return error;
}

describe('a failure that is not a CspRulesError is unexpected: exit 1, never 2', () => {
  it('while reading a subscription', () => {
    failure.adapter = bug('x is undefined');
    const io = memoryIo(files);
    expect(run(['explain', 's.json', '--now', NOW], io)).toBe(1);
    expect({ out: io.out, err: io.err }).toEqual({
      out: [],
      err: ['csp-rules: unexpected error: TypeError: x is undefined\n    at somewhere (lib.js:1:1)\n'],
    });
  });

  it('while reading --alert-days', () => {
    failure.count = bug('y is undefined');
    const io = memoryIo(files);
    expect(run(['explain', 's.json', '--now', NOW, '--alert-days', '3'], io)).toBe(1);
    expect({ out: io.out, err: io.err }).toEqual({
      out: [],
      err: ['csp-rules: unexpected error: TypeError: y is undefined\n    at somewhere (lib.js:1:1)\n'],
    });
  });

  it('without an injected failure the same run succeeds (the mocks pass through)', () => {
    const io = memoryIo(files);
    expect(run(['explain', 's.json', '--now', NOW, '--alert-days', '3', '--json'], io)).toBe(0);
    expect(io.err).toEqual([]);
  });
});

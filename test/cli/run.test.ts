/**
 * run() of `csp-rules` (src/cli/run.ts) in process, no build needed: the same tables the binary
 * prints (test/cli/main.test.ts runs the built dist/cli.js), so mutation testing can reach
 * src/cli/. Exit codes, whole stderr messages, which output format for which input (one object /
 * a list / several files, --json, --detail), and the options.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs, USAGE, UsageError } from '../../src/cli/args.js';
import { type Io, run } from '../../src/cli/run.js';
import { explainPartnerCenter } from '../../src/partner-center/explainReported.js';
import { fromPartnerCenterList } from '../../src/partner-center/fromPartnerCenter.js';
import { memoryIo } from '../support/memoryIo.js';

// Exit 2 is for bad input only, i.e. a CspRulesError from the library. Anything else thrown while
// reading a file or an option is a bug and must exit 1 ("unexpected error"), never be reported
// as the user's fault. The library never throws anything else on any input (principle 5), so the
// failure is injected: these two mocks pass every call through to the real function unless a test
// of "a failure that is not a CspRulesError" sets `failure` (reset after each test).

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
const ex = (name: string): string => join('examples', `${name}.json`);
const example = (name: string): string => readFileSync(join('examples', `${name}.json`), 'utf8');

function cli(
  files: Record<string, string>,
  argv: readonly string[],
  patch: Partial<Io> = {},
): { code: number; out: string[]; err: string[] } {
  const io = memoryIo(files);
  const code = run(argv, { ...io, ...patch });
  return { code, out: io.out, err: io.err };
}

/** Exit 2 with exactly this message on stderr and nothing on stdout. */
function badInput(message: string): { code: number; out: string[]; err: string[] } {
  return { code: 2, out: [], err: [`csp-rules: ${message}\n`] };
}

/** The suspended example, for the injected failures. */
const files = { 's.json': readFileSync(join('examples', 'suspended.json'), 'utf8') };

function bug(message: string): TypeError {
  const error = new TypeError(message);
  error.stack = `TypeError: ${message}\n    at somewhere (lib.js:1:1)`;
  return error;
}

describe('T5 C12 Q4 csp-rules explain rendered in process', () => {
  it('annual with two seat batches: rows, per-batch deadlines, timeline', () => {
    const io = memoryIo({ 'annual.json': readFileSync(ex('annual-two-batches'), 'utf8') });
    expect(run(['explain', 'annual.json', '--now', NOW, '--tz', 'Europe/Berlin'], io)).toBe(0);
    const out = io.out.join('');
    expect(out).toMatch(
      /^\s*cancel\s{2,}at-renewal\s{2,}2025-01-15 00:00:00 UTC\s{2,}2025-01-15 01:00:00 \+01:00\s{2,}opens in 308 d 12 h\s{2,}WINDOW_CLOSED \(C1\) \[assumed RENEWAL_COMPLETION_ASSUMED_EARLIEST\]\s*$/m,
    );
    expect(out).toMatch(
      /^\s*reduceSeats\s{2,}now\s{2,}2024-03-17 14:02:45 UTC\s{2,}2024-03-17 15:02:45 \+01:00\s{2,}closes in 5 d 2 h\s{2,}WITHIN_WINDOW \(Q2\) \[reported refundableQuantity\.details\]\s*$/m,
    );
    expect(out).toContain(
      'seats: 5 added 2024-03-06 08:15:00 UTC reducible until 2024-03-13 08:15:00 UTC (closes in 20 h 15 min)',
    );
    expect(out).toContain(
      'timeline (UTC): 2024-01-15 09:30 purchase ─ 2024-03-12 12:00 ▶ now ─ 2024-03-13 08:15 reduceSeats (5 seats) closes ─ 2024-03-17 14:02 reduceSeats (3 seats) closes ─ 2025-01-15 00:00 term ends / renewal starts ─ 2025-01-16 00:00 renewed by',
    );
    expect(io.err).toEqual([]);
  });

  it('several files: one summary line each, with the alert class and the next deadline', () => {
    const io = memoryIo({
      'a.json': readFileSync(ex('annual-two-batches'), 'utf8'),
      't.json': readFileSync(ex('trial'), 'utf8'),
    });
    expect(run(['explain', 'a.json', 't.json', '--now', NOW], io)).toBe(0);
    const lines = io.out.join('').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    // C12 Q4: the first window to close, each batch its own: the 5 seats in 20 h 15 min.
    expect(lines[1]).toMatch(
      /^a\.json\s.*\slock-in-soon\s+reduceSeats \(5 seats\) closes in 20 h 15 min \(2024-03-13 08:15:00 UTC\)$/,
    );
    expect(lines[2]).toMatch(
      /^t\.json\s.*\sactive \(trial\)\s+renewing-soon\s+convertTrial closes in 5 d 12 h \(2024-03-18 00:00:00 UTC\)$/,
    );
  });

  it('T1 an offset-less date-time is read as UTC (a note); a record that cannot be read is skipped with its path, exit 3', () => {
    const io = memoryIo({
      'ok.json': readFileSync(join('test', 'fixtures', 'broken', 'date-without-offset.json'), 'utf8'),
      'bad.json': JSON.stringify({ ...JSON.parse(readFileSync(ex('trial'), 'utf8')), quantity: -1 }),
    });
    expect(run(['explain', 'ok.json', '--now', NOW], io)).toBe(0);
    expect(io.out.join('')).toContain('note: creationDate: "2024-01-15T09:30:12" has no offset: read as UTC');
    expect(run(['explain', 'bad.json', '--now', NOW], io)).toBe(3);
    expect(io.err.join('')).toMatch(
      /^csp-rules: skipped bad\.json \(\S+\): invalid: quantity: .*\(INVALID_QUANTITY\)\n$/,
    );
  });

  it('an array file (or { items }): labels carry the index', () => {
    const items = [
      JSON.parse(readFileSync(ex('suspended'), 'utf8')),
      JSON.parse(readFileSync(ex('marketplace-saas'), 'utf8')),
    ];
    const io = memoryIo({ 'list.json': JSON.stringify({ totalCount: 2, items }) });
    expect(run(['explain', 'list.json', '--now', NOW], io)).toBe(0);
    const lines = io.out.join('').trimEnd().split('\n');
    expect(lines.map((l) => l.split(/\s{2,}/)[0])).toEqual(['SUBSCRIPTION', 'list.json[0]', 'list.json[1]']);
    expect(lines[2]).toMatch(/lock-in-soon\s+cancel closes in 1 d 6 h \(2024-03-13 18:20:00 UTC\)$/);
  });
});

describe('run() in process', () => {
  it('without --now the CLI, and only the CLI, reads the clock it is given', () => {
    const io = memoryIo({ 'a.json': readFileSync(ex('marketplace-saas'), 'utf8') });
    expect(run(['explain', 'a.json', '--json'], { ...io, clock: () => Date.parse('2024-03-13T18:19:59.999Z') })).toBe(
      0,
    );
    const out = JSON.parse(io.out.join(''));
    expect(out.now).toBe(Date.parse('2024-03-13T18:19:59.999Z'));
    expect(out.actions[0]).toMatchObject({ action: 'cancel', outcome: 'now' });
  });
  it('an unexpected failure exits 1', () => {
    const ok = memoryIo({ 'a.json': readFileSync(ex('trial'), 'utf8') });
    expect(
      run(['explain', 'a.json', '--now', NOW], {
        ...ok,
        stdout: () => {
          throw new Error('EPIPE');
        },
      }),
    ).toBe(1);
    expect(ok.err.join('')).toMatch(/^csp-rules: unexpected error: Error: EPIPE/);
  });
  it('parseArgs', () => {
    expect(
      parseArgs(['explain', 'a.json', '--now=2024-03-12T12:00:00Z', '--tz', 'Asia/Tokyo', '--json']),
    ).toMatchObject({
      command: 'explain',
      files: ['a.json'],
      now: '2024-03-12T12:00:00Z',
      tz: 'Asia/Tokyo',
      format: 'json',
    });
    expect(parseArgs(['explain', '--', '--odd-name.json']).files).toEqual(['--odd-name.json']);
    expect(() => parseArgs(['explain', 'a.json', '--now'])).toThrow(UsageError);
    expect(() => parseArgs(['explain', 'a.json', '--json=1'])).toThrow(UsageError);
    expect(parseArgs([]).command).toBe('help');
  });
});

describe('help and usage errors', () => {
  it.each([[[]], [['help']], [['-h']], [['explain', 'a.json', '--help']]])(
    '%j prints the usage on stdout, exit 0',
    (argv) => {
      expect(cli({}, argv)).toEqual({ code: 0, out: [USAGE], err: [] });
    },
  );

  it.each<[readonly string[], string]>([
    [['explain'], 'explain needs a FILE.json (or - for standard input)'],
    [['list', 'a.json'], 'unknown command "list" (expected explain)'],
    [['explain', 'a.json', '--jsn'], 'unknown option --jsn'],
    [['explain', 'a.json', '--now'], '--now needs a value'],
  ])('%j: the message, a blank line and the usage on stderr, exit 2', (argv, message) => {
    expect(cli({}, argv)).toEqual({ code: 2, out: [], err: [`csp-rules: ${message}\n\n${USAGE}`] });
  });
});

describe('T1 T4 --now, --tz, --alert-days, --program: bad values name the option, exit 2', () => {
  it.each<[string, string]>([
    ['2024-03-12T12:00:00', '--now: "2024-03-12T12:00:00" has no Z or offset; a local date-time is ambiguous (T1)'],
    ['yesterday', '--now: expected an ISO-8601 date-time with Z or an offset, got "yesterday"'],
  ])('T1 --now %j', (now, message) => {
    // the file is never read: the options are checked first
    expect(cli({}, ['explain', 'a.json', '--now', now])).toEqual(badInput(message));
  });

  it('T5 --tz must be an IANA zone', () => {
    expect(cli({}, ['explain', 'a.json', '--now', NOW, '--tz', 'Mars/Olympus'])).toEqual(
      badInput('--tz: expected an IANA time zone such as Europe/Berlin, got "Mars/Olympus"'),
    );
  });

  it.each<[string, string]>([
    ['abc', 'NaN'],
    ['-1', '-1'],
    ['1.5', '1.5'],
  ])('--alert-days %j must be a whole number ≥ 0', (days, shown) => {
    // A value that starts with - is given as --alert-days=VALUE (node:util parseArgs).
    expect(cli({}, ['explain', 'a.json', '--now', NOW, `--alert-days=${days}`])).toEqual(
      badInput(`--alert-days: expected a whole number ≥ 0, got ${shown}`),
    );
  });

  it('--program must be a known program (the message drops the options.program prefix)', () => {
    expect(
      cli({ 'a.json': example('annual-two-batches') }, ['explain', 'a.json', '--now', NOW, '--program', 'bogus']),
    ).toEqual(
      badInput(
        '--program: expected one of nce-license, nce-software, nce-perpetual, nce-saas, traditional-saas, bss-software, softwareone, got "bogus"',
      ),
    );
  });
});

describe('the options change the answer', () => {
  it('R2 --alert-days: the trial ends 2024-03-18 00:00Z, 5 d 12 h after now: renewing-soon within 6 d, not within 5 d', () => {
    const files = { 't.json': example('trial') };
    const alert = (days: string[]): unknown =>
      JSON.parse(cli(files, ['explain', 't.json', '--now', NOW, '--json', ...days]).out.join('')).alert;
    expect(alert([])).toBe('renewing-soon'); // default 7 d
    expect(alert(['--alert-days', '6'])).toBe('renewing-soon');
    // 5 d: no longer renewing soon; cancellation (C9) and reduction (Q7) are locked for a trial
    expect(alert(['--alert-days', '5'])).toBe('locked');
    expect(alert(['--alert-days', '0'])).toBe('locked');
  });

  it('Q9 --program softwareone: the caller’s program is used and noted; adding seats needs a new subscription', () => {
    const r = cli({ 'a.json': example('annual-two-batches') }, [
      'explain',
      'a.json',
      '--now',
      NOW,
      '--program',
      'softwareone',
    ]);
    expect(r.code).toBe(0);
    const out = r.out.join('');
    expect(out).toContain(
      '\n  softwareone · P1Y billed monthly · 18 seats · active · auto-renew on · alert: lock-in-soon\n',
    );
    expect(out).toContain(
      '\n  addSeats                   never       —                        —                     NEW_SUBSCRIPTION_REQUIRED (Q9)\n',
    );
    expect(out).toContain('\n  note: productType.id: program softwareone given by the caller [defaulted]\n');
  });

  it('T4 without --now the clock is read once; with --now never', () => {
    let reads = 0;
    const clock = (): number => {
      reads += 1;
      return Date.parse('2024-03-12T12:00:00Z');
    };
    const r = cli({ 's.json': example('suspended') }, ['explain', 's.json', '--json'], { clock });
    expect(reads).toBe(1);
    expect(JSON.parse(r.out.join('')).now).toBe(1_710_244_800_000); // 2024-03-12T12:00:00Z
    // memoryIo's own clock throws: reading it would exit 1
    expect(cli({ 's.json': example('suspended') }, ['explain', 's.json', '--json', '--now', NOW]).code).toBe(0);
  });
});

describe('--json: one object for one subscription, an array otherwise', () => {
  const suspended = example('suspended');
  it('one file with one subscription → an object, one line', () => {
    const r = cli({ 's.json': suspended }, ['explain', 's.json', '--now', NOW, '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    expect(r.out[0]?.endsWith('}\n')).toBe(true);
    const json = JSON.parse(r.out[0] as string);
    expect(Array.isArray(json)).toBe(false);
    expect(json.id).toBe('0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3');
    expect(json.now).toBe(1_710_244_800_000);
    expect(json.alert).toBe('locked');
  });

  it.each<[string, Record<string, string>, string[], number]>([
    ['a list of one', { 'l.json': `[${suspended}]` }, ['l.json'], 1],
    ['{ items: [one] }', { 'l.json': `{"totalCount":1,"items":[${suspended}]}` }, ['l.json'], 1],
    ['an empty list', { 'l.json': '[]' }, ['l.json'], 0],
    ['two files', { 'a.json': suspended, 'b.json': suspended }, ['a.json', 'b.json'], 2],
  ])('%s → an array', (_, files, names, length) => {
    const r = cli(files, ['explain', ...names, '--now', NOW, '--json']);
    expect(r.code).toBe(0);
    expect(r.out).toHaveLength(1);
    const json = JSON.parse(r.out[0] as string);
    expect(Array.isArray(json)).toBe(true);
    expect(json).toHaveLength(length);
    for (const e of json) expect(e.id).toBe('0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3');
  });

  it('an empty list as text: the summary header only, even with one file', () => {
    expect(cli({ 'l.json': '{"items":[]}' }, ['explain', 'l.json', '--now', NOW])).toEqual({
      code: 0,
      err: [],
      out: ['SUBSCRIPTION  ID  OFFER  PROGRAM  STATUS  ALERT  NEXT DEADLINE\n'],
    });
  });

  it('a list of one as text is a summary line labelled file[0]; --detail with one subscription prints the table only', () => {
    const list = cli({ 'l.json': `[${suspended}]` }, ['explain', 'l.json', '--now', NOW]);
    expect(list.out).toEqual([
      'SUBSCRIPTION  ID                                    OFFER                                     PROGRAM      STATUS     ALERT   NEXT DEADLINE\n' +
        'l.json[0]     0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3  Dynamics 365 Business Central Essentials  nce-license  suspended  locked  reactivate closes in 80 d 12 h (2024-06-01 00:00:00 UTC)\n',
    ]);
    const one = cli({ 's.json': suspended }, ['explain', 's.json', '--now', NOW, '--detail']);
    expect(one.out).toHaveLength(1);
    expect(
      one.out[0]?.startsWith(
        's.json: 0a1b2c3d-4e5f-4a6b-9c7d-8e9fa0b1c2d3  Dynamics 365 Business Central Essentials\n',
      ),
    ).toBe(true);
  });

  it('an array input gives an array', () => {
    const file = join('test', 'fixtures', 'two.json');
    const json = [JSON.parse(readFileSync(ex('trial'), 'utf8')), JSON.parse(readFileSync(ex('suspended'), 'utf8'))];
    const io = memoryIo({ [file]: JSON.stringify(json) });
    expect(run(['explain', file, '--now', NOW, '--json'], io)).toBe(0);
    const expected = fromPartnerCenterList(json).map((r) => explainPartnerCenter(r, { now: NOW }));
    expect(io.out.join('')).toBe(`${JSON.stringify(expected)}\n`);
  });
});

describe('T1 bad files: exit 2, the message names the file and the field', () => {
  it('a file that cannot be read', () => {
    expect(cli({}, ['explain', 'x.json', '--now', NOW])).toEqual(
      badInput('x.json: cannot read the file (ENOENT: x.json)'),
    );
  });

  it('a read failure that is not an Error is shown as it is', () => {
    const readFile = (): string => {
      throw 'EACCES'; // eslint-disable-line no-throw-literal
    };
    expect(cli({}, ['explain', 'x.json', '--now', NOW], { readFile })).toEqual(
      badInput('x.json: cannot read the file (EACCES)'),
    );
  });

  it('not JSON: the parser’s own message', () => {
    let parserMessage = '';
    try {
      JSON.parse('{');
    } catch (error) {
      parserMessage = (error as Error).message;
    }
    expect(parserMessage).not.toBe('');
    expect(cli({ 'x.json': '{' }, ['explain', 'x.json', '--now', NOW])).toEqual(
      badInput(`x.json: not valid JSON (${parserMessage})`),
    );
  });

  it.each<[string, string]>([
    ['null', 'x.json: $: expected an object, got null (INVALID_TYPE)'],
    ['5', 'x.json: $: expected an object, got 5 (INVALID_TYPE)'],
    ['"a"', 'x.json: $: expected an object, got "a" (INVALID_TYPE)'],
  ])('%s', (json, message) => {
    expect(cli({ 'x.json': json }, ['explain', 'x.json', '--now', NOW])).toEqual(badInput(message));
  });

  it.each<[string, string]>([
    [
      '{"items":3}',
      'csp-rules: skipped x.json: not-a-subscription: $: no quantity, status: not a subscription resource (INVALID_TYPE)\n',
    ],
    [
      '[null]',
      'csp-rules: skipped x.json[0]: not-a-subscription: [0]: not an object: not a subscription resource (INVALID_TYPE)\n',
    ],
  ])('a record that is not a subscription (%s) is skipped and named, exit 3', (json, message) => {
    const r = cli({ 'x.json': json }, ['explain', 'x.json', '--now', NOW]);
    expect([r.code, r.err]).toEqual([3, [message]]);
  });

  it('T1 a list element with an offset-less date: read as UTC, exit 0', () => {
    const file = readFileSync(join('test', 'fixtures', 'broken', 'array-bad-element.json'), 'utf8');
    expect(cli({ 'x.json': file }, ['explain', 'x.json', '--now', NOW]).code).toBe(0);
  });

  it('the first bad file stops the run: nothing printed for the good ones before it', () => {
    expect(cli({ 'a.json': example('suspended') }, ['explain', 'a.json', 'missing.json', '--now', NOW])).toEqual(
      badInput('missing.json: cannot read the file (ENOENT: missing.json)'),
    );
  });
});

describe('unexpected failures: exit 1 with the stack, or the message, or the value', () => {
  const argv = ['explain', 's.json', '--now', NOW];
  const failing = (thrown: unknown): Partial<Io> => ({
    stdout: () => {
      throw thrown;
    },
  });

  it('an Error with a stack: the stack', () => {
    const error = new Error('EPIPE');
    error.stack = 'Error: EPIPE\n    at write (stream.js:1:1)';
    expect(cli(files, argv, failing(error))).toEqual({
      code: 1,
      out: [],
      err: ['csp-rules: unexpected error: Error: EPIPE\n    at write (stream.js:1:1)\n'],
    });
  });

  it('an Error without a stack: the message', () => {
    const error = new Error('EPIPE');
    Object.defineProperty(error, 'stack', { value: undefined });
    expect(cli(files, argv, failing(error))).toEqual({
      code: 1,
      out: [],
      err: ['csp-rules: unexpected error: EPIPE\n'],
    });
  });

  it('not an Error: the value as text', () => {
    expect(cli(files, argv, failing(42))).toEqual({ code: 1, out: [], err: ['csp-rules: unexpected error: 42\n'] });
  });

  it('a clock that fails is unexpected too (exit 1, not 2)', () => {
    const r = cli(files, ['explain', 's.json'], {
      clock: () => {
        throw new TypeError('no clock');
      },
    });
    expect(r.code).toBe(1);
    expect(r.err.join('')).toMatch(/^csp-rules: unexpected error: TypeError: no clock\n {4}at /);
  });
});

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

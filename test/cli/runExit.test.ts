import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { USAGE } from '../../src/cli/args.js';
import { run, type Io } from '../../src/cli/run.js';
import { memoryIo } from '../support/memoryIo.js';

// run() of `csp-rules` (src/cli/run.ts): exit codes, whole stderr messages, which output format
// for which input (one object / a list / several files, --json, --detail), and the options.

const NOW = '2024-03-12T12:00:00Z';
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

describe('help and usage errors', () => {
  it.each([[[]], [['help']], [['-h']], [['explain', 'a.json', '--help']]])(
    '%j prints the usage on stdout, exit 0',
    (argv) => {
      expect(cli({}, argv)).toEqual({ code: 0, out: [USAGE], err: [] });
    },
  );

  it.each<[readonly string[], string]>([
    [['explain'], 'explain needs a FILE.json'],
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
    expect(cli({}, ['explain', 'a.json', '--now', NOW, '--alert-days', days])).toEqual(
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
      '\n  addSeats                never       —                        —                     NEW_SUBSCRIPTION_REQUIRED (Q9)\n',
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
    ['{"items":3}', 'x.json: $: expected an array of subscriptions or { items: [...] } (INVALID_TYPE)'],
    ['[null]', 'x.json: [0]: expected an object, got null (INVALID_TYPE)'],
  ])('%s', (json, message) => {
    expect(cli({ 'x.json': json }, ['explain', 'x.json', '--now', NOW])).toEqual(badInput(message));
  });

  it('a list element with an ambiguous date: its index and field', () => {
    const file = readFileSync(join('test', 'fixtures', 'broken', 'array-bad-element.json'), 'utf8');
    expect(cli({ 'x.json': file }, ['explain', 'x.json', '--now', NOW])).toEqual(
      badInput(
        'x.json: [2].commitmentEndDate: "2024-05-31T00:00:00" has no Z or offset; a local date-time is ambiguous (T1) (AMBIGUOUS_INSTANT)',
      ),
    );
  });

  it('the first bad file stops the run: nothing printed for the good ones before it', () => {
    expect(cli({ 'a.json': example('suspended') }, ['explain', 'a.json', 'missing.json', '--now', NOW])).toEqual(
      badInput('missing.json: cannot read the file (ENOENT: missing.json)'),
    );
  });
});

describe('unexpected failures: exit 1 with the stack, or the message, or the value', () => {
  const files = { 's.json': example('suspended') };
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

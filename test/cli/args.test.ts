import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE, UsageError, type Args } from '../../src/cli/args.js';

// parseArgs of `csp-rules` (src/cli/args.ts): whole Args objects and whole UsageError messages.

const HELP: Args = {
  command: 'help',
  files: [],
  now: undefined,
  tz: 'UTC',
  json: false,
  detail: false,
  program: undefined,
  alertDays: undefined,
};

/** The UsageError `parseArgs(argv)` throws (fails the test on anything else). */
function usageError(argv: readonly string[]): UsageError {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`expected a UsageError for ${JSON.stringify(argv)}`);
}

describe('parseArgs: explain with every option', () => {
  it('options given as `--name value`, in any order around the files', () => {
    expect(
      parseArgs([
        '--json',
        'explain',
        'a.json',
        '--now',
        '2024-03-12T12:00:00Z',
        'b.json',
        '--tz',
        'Asia/Tokyo',
        '--program',
        'nce-saas',
        '--alert-days',
        '3',
        '--detail',
      ]),
    ).toEqual({
      command: 'explain',
      files: ['a.json', 'b.json'],
      now: '2024-03-12T12:00:00Z',
      tz: 'Asia/Tokyo',
      json: true,
      detail: true,
      program: 'nce-saas',
      alertDays: '3',
    });
  });

  it('options given as `--name=value`; the value is everything after the first =', () => {
    expect(
      parseArgs([
        'explain',
        'a.json',
        '--now=2024-03-12T12:00:00+01:00',
        '--tz=Europe/Berlin',
        '--program=bss-software',
        '--alert-days=10',
      ]),
    ).toEqual({
      command: 'explain',
      files: ['a.json'],
      now: '2024-03-12T12:00:00+01:00',
      tz: 'Europe/Berlin',
      json: false,
      detail: false,
      program: 'bss-software',
      alertDays: '10',
    });
    expect(parseArgs(['explain', 'a.json', '--program=a=b']).program).toBe('a=b');
  });

  it('defaults: UTC only, no --now (the clock), text output, no forced program, default alert horizon', () => {
    expect(parseArgs(['explain', 'a.json'])).toEqual({
      command: 'explain',
      files: ['a.json'],
      now: undefined,
      tz: 'UTC',
      json: false,
      detail: false,
      program: undefined,
      alertDays: undefined,
    });
  });

  it('the value after a valued option is taken as it is, even when it looks like an option', () => {
    expect(parseArgs(['explain', 'a.json', '--program', '--json'])).toEqual({
      command: 'explain',
      files: ['a.json'],
      now: undefined,
      tz: 'UTC',
      json: false,
      detail: false,
      program: '--json',
      alertDays: undefined,
    });
  });

  it('a repeated valued option keeps the last value', () => {
    expect(parseArgs(['explain', 'a.json', '--tz', 'Asia/Tokyo', '--tz=Europe/Paris']).tz).toBe('Europe/Paris');
  });

  it('everything after `--` is a file, even `--json` or `-h`', () => {
    expect(parseArgs(['explain', 'a.json', '--', '--json', '-h', '--help'])).toEqual({
      command: 'explain',
      files: ['a.json', '--json', '-h', '--help'],
      now: undefined,
      tz: 'UTC',
      json: false,
      detail: false,
      program: undefined,
      alertDays: undefined,
    });
    expect(parseArgs(['--', 'explain', '--odd-name.json']).files).toEqual(['--odd-name.json']);
  });

  it('a single-dash word other than -h is a file name', () => {
    expect(parseArgs(['explain', '-', '-x.json']).files).toEqual(['-', '-x.json']);
  });
});

describe('parseArgs: files, as documented in the usage', () => {
  it('`explain FILE.json [FILE.json …]`: the files in the order given, whatever their names, after `--`', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (files) => {
        expect(parseArgs(['explain', '--', ...files]).files).toEqual(files);
      }),
      { numRuns: 100 },
    );
  });

  it('names that do not start with - need no `--`, and options may sit between them', () => {
    const name = fc.string({ minLength: 1 }).filter((s) => !s.startsWith('-'));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 5 }), fc.boolean(), (files, json) => {
        const argv = ['explain', ...files.flatMap((f, i) => (i === 0 && json ? ['--json', f] : [f]))];
        expect(parseArgs(argv)).toEqual({ ...HELP, command: 'explain', files, json });
      }),
      { numRuns: 100 },
    );
  });
});

describe('parseArgs: help', () => {
  it.each<[string, readonly string[]]>([
    ['no arguments', []],
    ['the help command', ['help']],
    ['the help command with more words', ['help', 'explain']],
    ['-h', ['-h']],
    ['--help', ['--help']],
    ['-h after a file', ['explain', 'a.json', '-h']],
    ['--help before an unknown command', ['--help', 'list']],
    ['--help after an unknown command', ['list', '--help']],
    ['only options', ['--json', '--tz', 'Asia/Tokyo']],
  ])('%s → help', (_, argv) => {
    expect(parseArgs(argv)).toEqual(HELP);
  });

  it('-h stops parsing: a later unknown option is not reported', () => {
    expect(parseArgs(['-h', '--bogus'])).toEqual(HELP);
  });
});

describe('parseArgs: a wrong command line is a UsageError with a message naming what is wrong', () => {
  it.each<[readonly string[], string]>([
    [['explain', 'a.json', '--now'], '--now needs a value'],
    [['explain', 'a.json', '--tz'], '--tz needs a value'],
    [['explain', 'a.json', '--program'], '--program needs a value'],
    [['explain', 'a.json', '--alert-days'], '--alert-days needs a value'],
    [['explain', 'a.json', '--now='], '--now needs a value'],
    [['explain', 'a.json', '--tz='], '--tz needs a value'],
    [['explain', 'a.json', '--program', ''], '--program needs a value'],
    [['explain', 'a.json', '--json=1'], 'unknown option --json'],
    [['explain', 'a.json', '--detail=yes'], 'unknown option --detail'],
    [['explain', 'a.json', '--bogus'], 'unknown option --bogus'],
    [['explain', 'a.json', '--bogus=3'], 'unknown option --bogus'],
    [['explain', 'a.json', '---'], 'unknown option ---'],
    [['list', 'a.json'], 'unknown command "list" (expected explain)'],
    [['Explain', 'a.json'], 'unknown command "Explain" (expected explain)'],
    [['--', '-h'], 'unknown command "-h" (expected explain)'],
    [['explain'], 'explain needs a FILE.json'],
    [['explain', '--json', '--tz', 'UTC'], 'explain needs a FILE.json'],
    [['explain', '--'], 'explain needs a FILE.json'],
  ])('%j → %s', (argv, message) => {
    const error = usageError(argv);
    expect({ name: error.name, message: error.message }).toEqual({ name: 'UsageError', message });
  });

  it('a UsageError is an Error', () => {
    expect(usageError(['explain'])).toBeInstanceOf(Error);
  });
});

describe('USAGE', () => {
  it('documents the command, every option with its default, and the exit codes', () => {
    expect(USAGE).toBe(
      [
        'Usage: csp-rules explain FILE.json [FILE.json ...] [options]',
        '',
        'Reads Partner Center subscription JSON (one subscription, an array, or { items: [...] }) and',
        'prints, for every action, whether it is possible now, at renewal or never, until when, and why.',
        '',
        'Options:',
        '  --now ISO          the instant to decide at, with Z or an offset (default: the current time)',
        '  --tz ZONE          also show deadlines in this IANA time zone, e.g. Europe/Berlin (default: UTC only)',
        '  --json             print what explain() returns, as JSON (an array for several subscriptions)',
        '  --program P        force the program (bss-software, softwareone, ...): not visible in the JSON',
        '  --alert-days N     horizon of the renewing-soon / lock-in-soon alerts in days (default 7)',
        '  --detail           with several subscriptions, print each table after the summary',
        '  -h, --help         this text',
        '',
        'Exit codes: 0 ok, 2 bad input (the message names the file and the field), 1 unexpected error.',
        '',
      ].join('\n'),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { parseArgs, USAGE, UsageError, type Args } from '../../src/cli/args.js';

// parseArgs of `csp-rules` (src/cli/args.ts, on node:util parseArgs): whole Args objects and whole
// UsageError messages.

const EXPLAIN: Args = {
  command: 'explain',
  files: ['a.json'],
  now: undefined,
  tz: 'UTC',
  format: 'text',
  detail: false,
  program: undefined,
  alertDays: undefined,
  alert: [],
};
const HELP: Args = { ...EXPLAIN, command: 'help', files: [] };

/** The UsageError `parseArgs(argv)` throws (fails the test on anything else). */
function usageError(argv: readonly string[]): string {
  try {
    parseArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as UsageError).message;
  }
  throw new Error(`expected a UsageError for ${JSON.stringify(argv)}`);
}

describe('parseArgs: explain with every option', () => {
  it('options as `--name value` or `--name=value`, in any order around the files', () => {
    expect(
      parseArgs([
        '--jsonl',
        'explain',
        'a.json',
        '--now',
        '2024-03-12T12:00:00Z',
        'b.json',
        '--tz=Asia/Tokyo',
        '--program',
        'bss-software',
        '--alert-days',
        '3',
        '--alert',
        'lock-in-soon, est',
        '--detail',
      ]),
    ).toEqual({
      ...EXPLAIN,
      files: ['a.json', 'b.json'],
      now: '2024-03-12T12:00:00Z',
      tz: 'Asia/Tokyo',
      format: 'jsonl',
      detail: true,
      program: 'bss-software',
      alertDays: '3',
      alert: ['lock-in-soon', 'est'],
    });
  });
  it('defaults: UTC only, no --now (the clock), text output, no filter', () => {
    expect(parseArgs(['explain', 'a.json'])).toEqual(EXPLAIN);
  });
  it.each([
    ['--json', 'json'],
    ['--jsonl', 'jsonl'],
    ['--csv', 'csv'],
  ] as const)('%s chooses the %s format', (flag, format) => {
    expect(parseArgs(['explain', 'a.json', flag]).format).toBe(format);
  });
  it('- is standard input; everything after -- is a file', () => {
    expect(parseArgs(['explain', '-']).files).toEqual(['-']);
    expect(parseArgs(['explain', '--', '--json', '-h']).files).toEqual(['--json', '-h']);
  });
  it('a value starting with - is given with =', () => {
    expect(parseArgs(['explain', 'a.json', '--alert-days=-1']).alertDays).toBe('-1');
  });
});

describe('parseArgs: help and version', () => {
  it.each([[[]], [['help']], [['help', 'x']], [['-h']], [['--help']], [['explain', 'a.json', '-h']], [['--json']]])(
    '%j → help',
    (argv) => {
      expect(parseArgs(argv)).toEqual(HELP);
    },
  );
  it('--version → version', () => {
    expect(parseArgs(['--version']).command).toBe('version');
  });
});

describe('parseArgs: a wrong command line is a UsageError naming what is wrong', () => {
  it.each([
    [['explain', 'a.json', '--now'], '--now needs a value'],
    [['explain', 'a.json', '--tz'], '--tz needs a value'],
    [['explain', 'a.json', '--alert'], '--alert needs a value'],
    [['explain', 'a.json', '--tz='], '--tz needs a value'],
    [['explain', 'a.json', '--json=1'], 'unknown option --json (it takes no value)'],
    [['explain', 'a.json', '--bogus'], 'unknown option --bogus'],
    [
      ['explain', 'a.json', '--alert-days', '-1'],
      '--alert-days: a value starting with - must be given as --alert-days=VALUE',
    ],
    [['explain'], 'explain needs a FILE.json (or - for standard input)'],
    [['explain', '--json', '--csv', 'a.json'], 'choose one of --json, --jsonl, --csv (got --json, --csv)'],
    [['summarize', 'a.json'], 'unknown command "summarize" (expected explain)'],
  ])('%j → %s', (argv, message) => {
    expect(usageError(argv)).toBe(message);
  });
});

describe('USAGE', () => {
  it('documents every option and every exit code', () => {
    for (const option of [
      '--now',
      '--tz',
      '--json',
      '--jsonl',
      '--csv',
      '--alert ',
      '--program',
      '--alert-days',
      '--detail',
      '--version',
      '--help',
    ]) {
      expect(USAGE).toContain(option);
    }
    expect(USAGE).toMatch(/^ {2}0 {2}every record was answered/m);
    expect(USAGE).toMatch(/^ {2}1 {2}unexpected error/m);
    expect(USAGE).toMatch(/^ {2}2 {2}unusable input/m);
    expect(USAGE).toMatch(/^ {2}3 {2}some records were skipped/m);
    expect(USAGE).toMatch(/^ {2}4 {2}--alert: at least one record/m);
  });
});

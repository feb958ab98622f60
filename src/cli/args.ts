/**
 * `csp-rules` arguments, parsed by hand (no dependency):
 * `csp-rules explain FILE.json [FILE.json …] [--now ISO] [--tz ZONE] [--json] [--program P] [--alert-days N] [--detail]`.
 */

/** What the command line asks for. */
export interface Args {
  readonly command: 'explain' | 'help';
  readonly files: readonly string[];
  /** `--now`; absent → the CLI reads the clock (the only place that does, T4). */
  readonly now: string | undefined;
  readonly tz: string;
  readonly json: boolean;
  readonly detail: boolean;
  readonly program: string | undefined;
  readonly alertDays: string | undefined;
}

/** A wrong command line: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The help text. */
export const USAGE = `Usage: csp-rules explain FILE.json [FILE.json ...] [options]

Reads Partner Center subscription JSON (one subscription, an array, or { items: [...] }) and
prints, for every action, whether it is possible now, at renewal or never, until when, and why.

Options:
  --now ISO          the instant to decide at, with Z or an offset (default: the current time)
  --tz ZONE          also show deadlines in this IANA time zone, e.g. Europe/Berlin (default: UTC only)
  --json             print what explain() returns, as JSON (an array for several subscriptions)
  --program P        force the program (bss-software, softwareone, ...): not visible in the JSON
  --alert-days N     horizon of the renewing-soon / lock-in-soon alerts in days (default 7)
  --detail           with several subscriptions, print each table after the summary
  -h, --help         this text

Exit codes: 0 ok, 2 bad input (the message names the file and the field), 1 unexpected error.
`;

const VALUED = new Set(['--now', '--tz', '--program', '--alert-days']);

/**
 * Parses `argv` (without `node` and the script).
 *
 * @throws {@link UsageError} for an unknown command or option, or a missing value or file
 */
export function parseArgs(argv: readonly string[]): Args {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') return helpArgs();
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      // Stryker disable next-line EqualityOperator: an option starts with '--', so '=' is never at index 0 and eq < 0 equals eq <= 0
      const name = eq < 0 ? arg : arg.slice(0, eq);
      if (VALUED.has(name)) {
        // Stryker disable next-line EqualityOperator: an option starts with '--', so '=' is never at index 0 and eq < 0 equals eq <= 0
        const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
        if (value === undefined || value === '') throw new UsageError(`${name} needs a value`);
        values.set(name, value);
      } else if ((name === '--json' || name === '--detail') && eq < 0) {
        flags.add(name);
      } else {
        throw new UsageError(`unknown option ${name}`);
      }
      continue;
    }
    positional.push(arg);
  }
  const [command, ...files] = positional;
  if (command === undefined || command === 'help') return helpArgs();
  if (command !== 'explain') throw new UsageError(`unknown command ${JSON.stringify(command)} (expected explain)`);
  if (files.length === 0) throw new UsageError('explain needs a FILE.json');
  return {
    command: 'explain',
    files,
    now: values.get('--now'),
    tz: values.get('--tz') ?? 'UTC',
    json: flags.has('--json'),
    detail: flags.has('--detail'),
    program: values.get('--program'),
    alertDays: values.get('--alert-days'),
  };
}

function helpArgs(): Args {
  return {
    command: 'help',
    files: [],
    now: undefined,
    tz: 'UTC',
    json: false,
    detail: false,
    program: undefined,
    alertDays: undefined,
  };
}

// Package checks on the built package (run `npm run build` first): publint in strict mode
// (warnings and suggestions fail too) and Are the Types Wrong? over every entry point of `exports`.
// Exits non-zero on any problem.
//
// attw profile: `strict` checks node10, node16 (CJS and ESM) and bundler resolution. TypeScript's
// node10 resolution ignores `exports`, so a subpath such as `./display` only resolves there when
// package.json maps it with `typesVersions`. Without that mapping this script uses the `node16`
// profile (every resolution a Node ≥ 20 / bundler consumer uses) and says so.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const missing = Object.values(pkg.exports ?? {})
  .flatMap((entry) =>
    typeof entry === 'string'
      ? [entry]
      : Object.values(entry).flatMap((c) => (typeof c === 'string' ? [c] : Object.values(c))),
  )
  .filter((file) => !existsSync(join(root, file)));
if (missing.length > 0) {
  console.error(`check-package: missing build output ${missing.join(', ')} — run \`npm run build\` first`);
  process.exit(1);
}

const subpaths = Object.keys(pkg.exports ?? {}).filter((k) => k !== '.' && k !== './package.json');
const mapped = subpaths.every((s) => pkg.typesVersions?.['*']?.[s.slice(2)] !== undefined);
const profile = mapped ? 'strict' : 'node16';

let failed = false;
const step = (title, cmd, args) => {
  console.log(`\n# ${title}`);
  try {
    execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });
  } catch {
    failed = true;
    console.error(`check-package: ${title} FAILED`);
  }
};

// publint, strict: warnings count as errors; suggestions fail too ("any problem").
console.log('\n# publint (strict)');
const lint = await publint({ pkgDir: root, strict: true, pack: 'npm' });
for (const message of lint.messages)
  console.error(`${message.type}: ${formatMessage(message, lint.pkg, { color: false })}`);
if (lint.messages.length > 0) {
  failed = true;
  console.error(`check-package: publint FAILED (${lint.messages.length} messages)`);
} else {
  console.log('publint: all good');
}
if (!mapped) console.log(`\n(no typesVersions for ${subpaths.join(', ')}: attw node10 resolution skipped)`);
step(`attw --pack . --profile ${profile}`, bin('attw'), [
  '--pack',
  '.',
  '--profile',
  profile,
  '--format',
  'table-flipped',
  '--no-color',
  '--no-emoji',
]);

if (failed) process.exit(1);
console.log('\ncheck-package: ok');

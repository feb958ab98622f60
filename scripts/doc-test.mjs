// Doc tests: every ```ts sample of README.md, CONTRIBUTING.md and docs/*.md (the generated API
// report and rules table excepted) must compile under `strict` and `exactOptionalPropertyTypes`
// against the built package, run as pasted, and produce the values its comments promise.
//
// A promise is a comment that starts with `→`, on the line of a statement or on the lines right
// after it (continued by `//` lines without an arrow):
//
//   canCancel(sub, { now }).allowed;         // → true
//   const d = canCancel(sub, { now });
//   // → { allowed: true, rule: 'C1', until: <2024-01-22T09:30:12Z>, … }
//   toInstant('2024-01-15T09:30:00', 'now'); // → throws AMBIGUOUS_INSTANT
//
// The value is a JavaScript literal where `<ISO-8601>` stands for that instant in epoch ms and `…`
// for "more keys (or elements) not shown"; without `…` the keys must be exactly those listed.
// After an expression statement the expression's value is checked, after `const x = …` the value
// of `x`. A sample's console output is swallowed (shown when it fails).
//
// A ```sh block whose only command is `npx csp-rules …`, followed by a ```text block, must print
// exactly that text (the CLI is run from dist/ with the same arguments).
//
//   node scripts/doc-test.mjs          run every sample
//   node scripts/doc-test.mjs --list   list the samples found
//   node scripts/doc-test.mjs --update-cli   rewrite the CLI transcripts with what the CLI prints now
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(import.meta.dirname, '..');
const work = join(root, '.tmp', 'doctest'); // inside the package: `csp-subscription-rules` resolves to itself (dist/)
const GENERATED = new Set(['docs/api-report.md', 'docs/rules.md']);

const documents = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
].filter((f) => existsSync(join(root, f)) && !GENERATED.has(f));

/** Fenced blocks of a Markdown file: language, first line number of the code, code. */
function blocksOf(file) {
  const lines = readFileSync(join(root, file), 'utf8').split('\n');
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)/.exec(lines[i]);
    if (open === null) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && !lines[end].startsWith('```')) end++;
    blocks.push({ file, lang: open[1], line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

const all = documents.flatMap(blocksOf);
const samples = all.filter((b) => b.lang === 'ts');
const cliPairs = all.flatMap((b, i) => {
  const next = all[i + 1];
  const commands = b.code.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  return b.lang === 'sh' &&
    next?.lang === 'text' &&
    next.file === b.file &&
    commands.length === 1 &&
    commands[0].startsWith('npx csp-rules ')
    ? [{ command: b, output: next }]
    : [];
});

if (process.argv.includes('--list')) {
  for (const s of samples) console.log(`${s.file}:${s.line} ts`);
  for (const p of cliPairs) console.log(`${p.command.file}:${p.command.line} cli`);
  process.exit(0);
}

if (!existsSync(join(root, 'dist', 'index.js'))) fail('dist/ is missing: run `npm run build` first');

// ---------------------------------------------------------------------------------------------
// 1. Write each sample as a module and type-check them all, as a user's strict project would.

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
const nameOf = (s) => `${s.file.replace(/[^A-Za-z0-9]+/g, '_')}_${s.line}`;
for (const s of samples) {
  // A sample without import or export would share a global scope with the others.
  const code = /^\s*(import|export)\s/m.test(s.code) ? s.code : `${s.code}\nexport {};`;
  writeFileSync(join(work, `${nameOf(s)}.ts`), code);
}
const options = {
  strict: true,
  exactOptionalPropertyTypes: true,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  noEmit: true,
  skipLibCheck: true,
};
const program = ts.createProgram(
  samples.map((s) => join(work, `${nameOf(s)}.ts`)),
  options,
);
const diagnostics = ts.getPreEmitDiagnostics(program);
const failures = [];
for (const d of diagnostics) {
  const sample =
    d.file === undefined ? undefined : samples.find((s) => join(work, `${nameOf(s)}.ts`) === resolve(d.file.fileName));
  const where =
    d.file !== undefined && d.start !== undefined && sample !== undefined
      ? `${sample.file}:${sample.line + d.file.getLineAndCharacterOfPosition(d.start).line}`
      : (d.file?.fileName ?? 'tsc');
  failures.push(`${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
}

// ---------------------------------------------------------------------------------------------
// 2. Run each sample with its promises turned into checks.

const PRELUDE = readFileSync(join(import.meta.dirname, 'doc-test-check.mjs'), 'utf8');

/** The sample's code with a check after (or around) every statement that carries a promise. */
function instrument(sample) {
  const source = ts.createSourceFile('x.ts', sample.code, ts.ScriptTarget.ES2022, true);
  const lines = sample.code.split('\n');
  const lineOf = (pos) => source.getLineAndCharacterOfPosition(pos).line;
  const promises = []; // { first: 0-based line of the arrow, text }
  for (let i = 0; i < lines.length; i++) {
    const m = /\/\/\s*→\s?(.*)$/.exec(lines[i]);
    if (m === null) continue;
    const first = i;
    let text = m[1];
    while (i + 1 < lines.length && /^\s*\/\/(?!\s*→)/.test(lines[i + 1]))
      text += ` ${lines[++i].replace(/^\s*\/\/\s?/, '')}`;
    promises.push({ first, text });
  }
  const edits = [];
  for (const p of promises) {
    // The statement on the arrow's line, else the one ending on the line before it.
    const statement =
      source.statements.find((st) => lineOf(st.getEnd()) === p.first) ??
      source.statements.find((st) => lineOf(st.getEnd()) === p.first - 1 && /^\s*\/\//.test(lines[p.first]));
    if (statement === undefined) {
      failures.push(`${sample.file}:${sample.line + p.first}: a promise (→) that follows no top-level statement`);
      continue;
    }
    const where = JSON.stringify(`${sample.file}:${sample.line + p.first}`);
    const expected = toExpected(p.text);
    if (ts.isExpressionStatement(statement)) {
      const expr = statement.expression.getText(source);
      const check =
        expected.throws === undefined
          ? `__check(() => (${expr}), ${expected.js}, ${where});`
          : `__checkThrows(() => (${expr}), ${JSON.stringify(expected.throws)}, ${where});`;
      edits.push({ start: statement.getStart(source), end: statement.getEnd(), text: check });
    } else if (
      ts.isVariableStatement(statement) &&
      statement.declarationList.declarations.length === 1 &&
      ts.isIdentifier(statement.declarationList.declarations[0].name)
    ) {
      const name = statement.declarationList.declarations[0].name.text;
      edits.push({
        start: statement.getEnd(),
        end: statement.getEnd(),
        text: ` __check(() => ${name}, ${expected.js}, ${where});`,
      });
    } else {
      failures.push(
        `${sample.file}:${sample.line + p.first}: a promise (→) after a statement that is neither an expression nor \`const x = …\``,
      );
    }
  }
  let code = sample.code;
  for (const e of edits.sort((a, b) => b.start - a.start)) code = code.slice(0, e.start) + e.text + code.slice(e.end);
  return { code, count: edits.length };
}

/** A promise's text as JavaScript: `<ISO>` → epoch ms, `…` → the "more not shown" marker. */
function toExpected(text) {
  const t = text.trim();
  const thrown = /^throws\s+([A-Z_]+)$/.exec(t);
  if (thrown !== null) return { throws: thrown[1] };
  const js = t
    .replace(/<(\d{4}-\d\d-\d\d(?:T[^>]*)?)>/g, (_, iso) => `__instant(${JSON.stringify(iso)})`)
    .replace(/…/g, '__REST__');
  return { js };
}

let checks = 0;
for (const s of samples) {
  const { code, count } = instrument(s);
  checks += count;
  const js = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false },
  }).outputText;
  const file = join(work, `${nameOf(s)}.mjs`);
  writeFileSync(file, `${PRELUDE}\n${js}`);
  const r = spawnSync(process.execPath, [file], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: process.env.TZ ?? 'UTC' },
  });
  if (r.status !== 0) failures.push(`${s.file}:${s.line}: the sample failed when run\n${indent(r.stderr || r.stdout)}`);
}

// ---------------------------------------------------------------------------------------------
// 3. CLI transcripts.

for (const { command, output } of cliPairs) {
  const line = command.code.split('\n').find((l) => l.startsWith('npx csp-rules '));
  const args = splitArgs(line.slice('npx csp-rules '.length));
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd: root, encoding: 'utf8' });
  const printed = r.stdout.replace(/\n$/, '');
  if (printed !== output.code && process.argv.includes('--update-cli') && r.status === 0) {
    const path = join(root, output.file);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace(`\`\`\`text\n${output.code}\n\`\`\``, `\`\`\`text\n${printed}\n\`\`\``));
    console.log(`doc-test: rewrote the transcript at ${output.file}:${output.line}`);
  } else if (printed !== output.code) {
    const a = output.code.split('\n');
    const b = printed.split('\n');
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    failures.push(
      `${output.file}:${output.line + i}: the documented output of \`${line}\` differs from what it prints (exit ${r.status})\n` +
        `  documented: ${a[i] ?? '<end>'}\n  printed:    ${b[i] ?? '<end>'}${r.stderr ? `\n${indent(r.stderr)}` : ''}`,
    );
  }
}

if (failures.length > 0) {
  console.error(`doc-test: ${failures.length} problem(s)\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exit(1);
}
rmSync(work, { recursive: true, force: true });
console.log(
  `doc-test: ${samples.length} samples in ${documents.length} documents compile and run, ${checks} promised values hold, ${cliPairs.length} CLI transcript(s) match`,
);

function splitArgs(text) {
  return [...text.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}
function indent(text) {
  return text
    .trim()
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
}
function fail(message) {
  console.error(`doc-test: ${message}`);
  process.exit(1);
}

/**
 * The repository stands on its own and can be released: no tracked file points outside it, the
 * GitHub workflows parse and have the keys a workflow needs, and every pending changeset names
 * this package with a bump.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..', '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');

/** Tracked files (git), or every file but dependencies and build output outside a git checkout. */
function trackedFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' }).split('\0').filter(Boolean);
  } catch {
    const skip = new Set(['node_modules', 'dist', '.git', '.tmp', 'reports', 'coverage']);
    const walk = (dir: string): string[] =>
      readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
        skip.has(e.name) ? [] : e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
      );
    return walk('.');
  }
}

// Built from pieces so that this file does not match itself.
const OUTSIDE = new RegExp(['\\.\\./sha', 'red', '|/wo', 'rk/'].join(''));

describe('nothing tracked points outside the repository', () => {
  it('no tracked text file points at a folder beside the repository or at a machine path', () => {
    const offenders = trackedFiles()
      .filter((f) => f !== 'package-lock.json' && existsSync(join(root, f)) && !/\.(png|ico|tgz)$/.test(f))
      .flatMap((f) =>
        read(f)
          .split('\n')
          .map((line, i) => ({ where: `${f}:${i + 1}`, line }))
          .filter(({ line }) => OUTSIDE.test(line)),
      )
      .map(({ where, line }) => `${where}: ${line.trim()}`);
    expect(offenders).toEqual([]);
  });

  it('the built declarations cite nothing outside the package', () => {
    const dist = join(root, 'dist');
    if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first');
    const offenders = readdirSync(dist)
      .filter((f) => /\.d\.c?ts$/.test(f))
      .filter((f) =>
        /\.\.\/(shared|docs)|docs\/catalogue\.md(?!\))/.test(
          readFileSync(join(dist, f), 'utf8').replace(/https:\/\/\S+/g, ''),
        ),
      );
    expect(offenders).toEqual([]);
  });
});

interface Step {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly 'runs-on': string;
  readonly steps: readonly Step[];
  readonly strategy?: { readonly matrix?: Record<string, unknown> };
}
interface Workflow {
  readonly name: string;
  readonly on: unknown;
  readonly permissions?: Record<string, string>;
  readonly jobs: Record<string, Job>;
}

/** A workflow file parsed, with the keys every workflow needs checked. */
function workflow(file: string): Workflow {
  const w = parse(read(`.github/workflows/${file}`)) as Workflow;
  expect(typeof w.name).toBe('string');
  expect(w.on).toBeDefined();
  expect(Object.keys(w.jobs).length).toBeGreaterThan(0);
  for (const [id, job] of Object.entries(w.jobs)) {
    expect(typeof job['runs-on'], `${file}: jobs.${id}.runs-on`).toBe('string');
    expect(job.steps.length, `${file}: jobs.${id}.steps`).toBeGreaterThan(0);
    for (const step of job.steps)
      expect(
        (step.uses === undefined) !== (step.run === undefined),
        `${file}: jobs.${id}: a step needs uses or run`,
      ).toBe(true);
  }
  return w;
}
const runs = (job: Job): string[] => job.steps.flatMap((s) => (s.run === undefined ? [] : [s.run]));

describe('GitHub workflows', () => {
  it('ci.yml: the README test command on Node 20.19, 22 and 24, the e2e job and the audit', () => {
    const ci = workflow('ci.yml');
    const test = ci.jobs['test'];
    expect(test?.strategy?.matrix?.['node']).toEqual(['20.19', '22', '24']);
    expect(runs(test!)).toEqual(['npm ci', 'npm test']);
    expect(read('README.md')).toContain('npm ci && npm test');
    expect(runs(ci.jobs['e2e']!)).toContain('npm run test:e2e');
    expect(runs(ci.jobs['e2e']!).some((r) => r.includes('playwright-core install'))).toBe(true);
    expect(runs(ci.jobs['audit']!)).toContain('npm audit --omit=dev --audit-level=low');
  });

  it('release.yml: the changesets action publishes with provenance', () => {
    const release = workflow('release.yml');
    expect(release.permissions?.['id-token']).toBe('write');
    const steps = Object.values(release.jobs).flatMap((j) => j.steps);
    const action = steps.find((s) => s.uses?.startsWith('changesets/action@'));
    expect(action?.with?.['publish']).toBe('npm run release');
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>; publishConfig: unknown };
    expect(pkg.scripts['release']).toBe('changeset publish');
    expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
  });
});

describe('changesets', () => {
  it('every pending changeset names this package with a bump, and says something', () => {
    const files = readdirSync(join(root, '.changeset')).filter((f) => f.endsWith('.md') && f !== 'README.md');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const m = /^---\n'csp-subscription-rules': (patch|minor|major)\n---\n\n(\S[\s\S]*)$/.exec(
        read(`.changeset/${f}`),
      );
      expect(m, `.changeset/${f}`).not.toBeNull();
    }
    expect(JSON.parse(read('.changeset/config.json'))).toMatchObject({ access: 'public', baseBranch: 'main' });
  });

  it('CHANGELOG.md is left to changesets: a title, then only released versions', () => {
    const lines = read('CHANGELOG.md').split('\n');
    expect(lines[0]).toBe('# csp-subscription-rules');
    expect(lines.filter((l) => l.startsWith('## ')).every((l) => /^## \d+\.\d+\.\d+$/.test(l))).toBe(true);
  });
});

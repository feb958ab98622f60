/**
 * The playground in a real browser: the built page (playground/dist, running the library's
 * built ESM) shows, for every example and several "now"s, exactly what `explain` answers; the
 * "now" marker moves past a deadline with a mouse drag and with the keyboard alone; the page
 * asks nothing of the network but 127.0.0.1; it fits 360 px. Screenshots go to reports/.
 *
 * Run with `npm run test:e2e` (playground/vitest.e2e.config.ts). Needs a Chromium at
 * `CHROMIUM_PATH`, by default Debian's /usr/bin/chromium (`apt-get install -y chromium`); the test
 * itself never downloads a browser.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesOf, type Example } from '../../playground/src/examples.js';
import { formatInZone, formatUtc } from '../../src/display/index.js';
import { explain, type Explanation } from '../../src/explain/explain.js';
import type { Subscription, SubscriptionInput } from '../../src/snapshot/subscription.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const SITE = resolve(REPO, 'playground/dist');
const REPORTS = resolve(REPO, 'reports');
// Debian's Chromium here; elsewhere (GitHub) Playwright's own build, named by CHROMIUM_PATH.
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A static server for playground/dist on 127.0.0.1, ephemeral port. */
function serve(root: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname));
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

/** The examples the page offers, read the page's way from the same files. */
function examples(): Example[] {
  const dir = resolve(REPO, 'examples');
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    files[`../../examples/${name}`] = JSON.parse(readFileSync(join(dir, name), 'utf8'));
  }
  return examplesOf(files);
}

/** The snapshot of an example, read as the page reads it (Partner Center JSON through the adapter). */
async function subjectOf(example: Example): Promise<SubscriptionInput | Subscription> {
  if (example.kind === 'input') return example.json as SubscriptionInput;
  const { fromPartnerCenter } = await import('../../src/partner-center/fromPartnerCenter.js');
  return fromPartnerCenter(example.json).subscription;
}

interface Row {
  readonly action: string | null;
  readonly outcome: string | null;
  readonly until: number | null;
  readonly opensAt: number | null;
  readonly rule: string | null;
  readonly reason: string | null;
}

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** The decisions the page shows, from the rows' data-* attributes. */
async function shown(page: Page): Promise<Row[]> {
  const rows = page.locator('#actions > li');
  const out: Row[] = [];
  for (let i = 0; i < (await rows.count()); i++) {
    const row = rows.nth(i);
    out.push({
      action: await row.getAttribute('data-action'),
      outcome: await row.getAttribute('data-outcome'),
      until: num(await row.getAttribute('data-until')),
      opensAt: num(await row.getAttribute('data-opens-at')),
      rule: await row.getAttribute('data-rule'),
      reason: await row.getAttribute('data-reason'),
    });
  }
  return out;
}

const expected = (e: Explanation): Row[] =>
  e.actions.map((a) => ({
    action: a.action,
    outcome: a.outcome,
    until: a.until,
    opensAt: a.opensAt,
    rule: a.rule,
    reason: a.reason,
  }));

async function pageNow(page: Page): Promise<number> {
  return Number(await page.locator('main#app').getAttribute('data-now'));
}

/** Types `iso` into the "now" field and submits it with Enter (keyboard only). */
async function typeNow(page: Page, iso: string): Promise<void> {
  await page.locator('#now').fill(iso);
  await page.locator('#now').press('Enter');
}

const onlyInE2e = process.env['PLAYGROUND_E2E'] === '1';

describe.runIf(onlyInE2e)('playground in Debian Chromium (T5 local display, C12 deadlines)', () => {
  let server: Server;
  let base: string;
  let browser: Browser;
  const outside: string[] = [];

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium, or set CHROMIUM_PATH`);
    // Build the library (unless the page is pointed at another build) and the page from it.
    if (process.env['CSP_RULES_DIST'] === undefined)
      execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'inherit' });
    execFileSync(resolve(REPO, 'node_modules/.bin/vite'), ['build', 'playground', '--logLevel', 'warn'], {
      cwd: REPO,
      stdio: 'inherit',
    });
    server = await serve(SITE);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    mkdirSync(REPORTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => (server === undefined ? done(null) : server.close(done)));
  });

  /** A fresh page at `width`; any request that is not to our server is refused and recorded. */
  async function open(width: number, hash = ''): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 }, timezoneId: 'America/New_York' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      outside.push(url);
      return route.abort();
    });
    await page.goto(`${base}index.html${hash}`);
    await page.locator('main#app[data-ready]').waitFor();
    expect(errors).toEqual([]);
    return page;
  }

  it('offers every example of examples/ and shows what explain answers for it, at several nows', async () => {
    const all = examples();
    expect(all.length).toBeGreaterThan(0);
    const page = await open(1280);
    const options = page.locator('#example option');
    const keys: (string | null)[] = [];
    for (let i = 0; i < (await options.count()); i++) keys.push(await options.nth(i).getAttribute('value'));
    expect(keys).toEqual(all.map((x) => x.key));

    for (const example of all) {
      await page.locator('#example').selectOption(example.key);
      const subject = await subjectOf(example);
      // The example's own default now first, then instants around its windows and its renewal.
      const first = await pageNow(page);
      expect(await shown(page), `${example.key} at its default now`).toEqual(
        expected(explain(subject, { now: first })),
      );
      const t = explain(subject, { now: first }).timeline;
      const nows = [
        t.windowStart,
        t.windowStart + HOUR,
        t.windowStart + 3 * DAY,
        t.windowStart + 8 * DAY,
        t.termEndsAt - 1,
        t.termEndsAt + 12 * HOUR,
        t.termEndsAt + 3 * DAY,
      ];
      for (const now of nows) {
        await typeNow(page, new Date(now).toISOString());
        expect(await pageNow(page)).toBe(now);
        expect(await shown(page), `${example.key} at ${new Date(now).toISOString()}`).toEqual(
          expected(explain(subject, { now })),
        );
      }
    }
    await page.close();
    // Its own limit: every example × eight nows drives the page a few hundred times, which takes
    // minutes on a loaded 2-core machine. A guard against a hang, not a speed assertion.
  }, 300_000);

  it('shows each deadline in UTC and in the chosen zone (T5)', async () => {
    const example = examples()[0] as Example;
    const page = await open(1280);
    await page.locator('#example').selectOption(example.key);
    await page.locator('#zone').selectOption('Asia/Tokyo');
    const now = await pageNow(page);
    const e = explain(await subjectOf(example), { now });
    const open1 = e.actions.find((a) => a.until !== null);
    expect(open1, 'an example with a deadline at its default now').toBeDefined();
    if (open1 === undefined || open1.until === null) return;
    const row = page.locator(`#actions > li[data-action="${open1.action}"]`);
    await expect(row.locator('.utc').textContent()).resolves.toBe(formatUtc(open1.until));
    await expect(row.locator('.local').textContent()).resolves.toBe(
      `${formatInZone(open1.until, 'Asia/Tokyo')} (Asia/Tokyo)`,
    );
    await expect(row.locator('a.rule').getAttribute('href')).resolves.toBe(`#rule-${open1.rule}`);
    await expect(page.locator(`#rule-${open1.rule}`).count()).resolves.toBe(1);
    // The catalogue entry is the rule's text from docs/rules.md, with its versions, not the fallback.
    const entry = (await page.locator(`#rule-${open1.rule} + dd`).textContent()) ?? '';
    expect(entry).not.toContain('see docs/rules.md');
    expect(entry).toContain('versions: 2023-10-19');
    await expect(page.locator('#subject').textContent()).resolves.toContain('Rules version');
    await page.close();
  });

  /** The first example with an action open now with a deadline, at the example's default now. */
  async function withDeadline(
    page: Page,
  ): Promise<{ example: Example; subject: SubscriptionInput | Subscription; action: string; until: number }> {
    for (const example of examples()) {
      await page.locator('#example').selectOption(example.key);
      const subject = await subjectOf(example);
      const a = explain(subject, { now: await pageNow(page) }).actions.find(
        (x) => x.action === 'cancel' && x.outcome === 'now' && x.until !== null,
      );
      if (a !== undefined && a.until !== null) return { example, subject, action: a.action, until: a.until };
    }
    throw new Error('no example has an open cancellation window at its default now');
  }

  it('C12: dragging "now" with the mouse past the cancellation deadline changes the decision', async () => {
    const page = await open(1280);
    const { subject, until } = await withDeadline(page);
    await typeNow(page, new Date(until - 2 * DAY).toISOString());
    const row = page.locator('#actions > li[data-action="cancel"]');
    await expect(row.getAttribute('data-outcome')).resolves.toBe('now');

    const handle = await page.locator('.now-handle').boundingBox();
    const band = await page.locator(`.band[data-kind="cancel"][data-end="${until}"] rect`).boundingBox();
    if (handle === null || band === null) throw new Error('slider handle or cancellation band not drawn');
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(band.x + band.width + 20, handle.y + handle.height / 2, { steps: 8 });
    await page.mouse.up();

    const now = await pageNow(page);
    expect(now).toBeGreaterThanOrEqual(until);
    await expect(row.getAttribute('data-outcome')).resolves.not.toBe('now');
    expect(await shown(page)).toEqual(expected(explain(subject, { now })));
    await expect(page.locator('[role="slider"]').getAttribute('aria-valuenow')).resolves.toBe(String(now));
    await page.screenshot({ path: join(REPORTS, 'playground-drag-1280.png'), fullPage: true });
    await page.close();
  });

  it('C12: with the keyboard alone — Tab to the slider, → crosses the deadline at the millisecond, PageDown goes back a day', async () => {
    const page = await open(1280);
    const { subject, until } = await withDeadline(page);
    // Keyboard only from here: the "now" field, Enter, then Tab until the slider has focus.
    await page.locator('#now').focus();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(new Date(until - 2 * HOUR).toISOString());
    await page.keyboard.press('Enter');
    let onSlider = false;
    for (let i = 0; i < 25 && !onSlider; i++) {
      await page.keyboard.press('Tab');
      onSlider =
        (await page.evaluate<string | null>(
          'document.activeElement && document.activeElement.getAttribute("role")',
        )) === 'slider';
    }
    expect(onSlider, 'the now slider is in the tab order').toBe(true);
    const row = page.locator('#actions > li[data-action="cancel"]');

    await page.keyboard.press('ArrowRight'); // until − 1 h: the last hour of the window
    expect(await pageNow(page)).toBe(until - HOUR);
    await expect(row.getAttribute('data-outcome')).resolves.toBe('now');
    await page.keyboard.press('ArrowRight'); // until itself: the window is closed (exclusive end)
    expect(await pageNow(page)).toBe(until);
    await expect(row.getAttribute('data-outcome')).resolves.not.toBe('now');
    expect(await shown(page)).toEqual(expected(explain(subject, { now: until })));

    await page.keyboard.press('PageDown');
    expect(await pageNow(page)).toBe(until - DAY);
    await expect(row.getAttribute('data-outcome')).resolves.toBe('now');
    await page.keyboard.press('PageUp');
    await page.keyboard.press('ArrowLeft');
    expect(await pageNow(page)).toBe(until - HOUR);
    expect(await shown(page)).toEqual(expected(explain(subject, { now: until - HOUR })));
    await page.close();
  });

  it('reads pasted JSON, and names the field of bad input', async () => {
    const example = examples().find((x) => x.kind === 'input') as Example;
    const page = await open(1280);
    const input = { ...(example.json as SubscriptionInput), id: 'pasted-one', autoRenew: false };
    await page.locator('details.paste summary').press('Enter');
    await page.locator('#paste').fill(JSON.stringify(input));
    await page.locator('#paste-form button').click();
    await expect(page.locator('#example').inputValue()).resolves.toBe('pasted');
    const now = await pageNow(page);
    expect(await shown(page)).toEqual(expected(explain(input, { now })));

    await page.locator('#paste').fill(JSON.stringify({ ...input, quantity: -1 }));
    await page.locator('#paste-form button').click();
    const error = page.locator('#error[role="alert"]');
    await expect(error.isVisible()).resolves.toBe(true);
    await expect(error.textContent()).resolves.toContain('quantity');
    await page.close();
  });

  it('forces the program of Partner Center JSON (a BSS asset looks like new-commerce software)', async () => {
    const example = examples().find((x) => x.kind === 'partner-center');
    if (example === undefined) return;
    const { fromPartnerCenter } = await import('../../src/partner-center/fromPartnerCenter.js');
    const page = await open(1280);
    await page.locator('#example').selectOption(example.key);
    await page.locator('#program').selectOption('bss-software');
    const now = await pageNow(page);
    const subject = fromPartnerCenter(example.json, { program: 'bss-software' }).subscription;
    expect(await shown(page)).toEqual(expected(explain(subject, { now })));
    await page.close();
  });

  it('fits 360 px without sideways scrolling, every answer visible', async () => {
    const page = await open(360);
    for (const example of examples()) {
      await page.locator('#example').selectOption(example.key);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      expect(width, example.key).toBeLessThanOrEqual(360);
      const rows = page.locator('#actions > li');
      for (let i = 0; i < (await rows.count()); i++) {
        const box = await rows.nth(i).boundingBox();
        expect(box !== null && box.x >= 0 && box.x + box.width <= 360).toBe(true);
      }
    }
    await page.locator('#example').selectOption(examples()[0]?.key ?? '');
    await page.screenshot({ path: join(REPORTS, 'playground-360.png'), fullPage: true });
    await page.close();
  });

  it('takes a screenshot at 1280 px', async () => {
    const page = await open(1280);
    await page.screenshot({ path: join(REPORTS, 'playground-1280.png'), fullPage: true });
    await expect(page.locator('svg.timeline .band').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });

  it('works offline: no request left 127.0.0.1 (no CDN, no font, no favicon elsewhere)', () => {
    expect(outside).toEqual([]);
    const html = readFileSync(join(SITE, 'index.html'), 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });
});

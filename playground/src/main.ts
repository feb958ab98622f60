/**
 * The playground page: pick an example or paste JSON, set "now" and a time zone, and see what
 * `explain` answers and a picture of the term. State lives in the URL hash
 * (`#example=subscriptions.json%230&now=2024-01-17T09:30:12Z&tz=Europe%2FBerlin`) so a view can be shared.
 */
import './style.css';
import type { Program, Subscription } from 'csp-subscription-rules';
import type { Explanation } from 'csp-subscription-rules/explain';
import { actionLabel, renderActions } from './actions.js';
import { byId, h } from './dom.js';
import { examplesOf, type Example } from './examples.js';
import { browserZone, knownZone, utc, zoneList } from './format.js';
import { describeError, lib, load, type Loaded } from './lib.js';
import { RULES, ruleAnchor } from './rules.js';
import { TimelineView } from './svg.js';
import { timelineModel } from './timeline.js';

const DAY = 86_400_000;
/** The instant examples/README.md describes the examples at: some windows open, some closed. */
const DEMO_NOW = Date.UTC(2024, 2, 12, 12);

const EXAMPLES: readonly Example[] = examplesOf(
  import.meta.glob('../../examples/*.json', { eager: true, import: 'default' }),
);

const ui = {
  root: byId('app', HTMLElement),
  example: byId('example', HTMLSelectElement),
  now: byId('now', HTMLInputElement),
  nowForm: byId('now-form', HTMLFormElement),
  zone: byId('zone', HTMLSelectElement),
  program: byId('program', HTMLSelectElement),
  paste: byId('paste', HTMLTextAreaElement),
  pasteForm: byId('paste-form', HTMLFormElement),
  error: byId('error', HTMLElement),
  subject: byId('subject', HTMLElement),
  actions: byId('actions', HTMLOListElement),
  status: byId('status', HTMLElement),
  rules: byId('rules', HTMLElement),
  timeline: byId('timeline', HTMLElement),
};

interface State {
  source: string;
  json: unknown;
  /** Forced program for Partner Center JSON, or null: as the JSON says. */
  program: Program | null;
  loaded: Loaded | null;
  now: number;
  /** The "now" the picture's range was built around (a drag does not rebuild the range). */
  anchor: number;
  zone: string;
}

const state: State = { source: '', json: null, program: null, loaded: null, now: 0, anchor: 0, zone: 'UTC' };
const view = new TimelineView(ui.timeline, (now, commit) => setNow(now, commit, false));

function showError(message: string | null): void {
  ui.error.hidden = message === null;
  ui.error.textContent = message ?? '';
}

function writeHash(): void {
  const params = new URLSearchParams();
  if (state.source !== 'pasted') params.set('example', state.source);
  params.set('now', lib.toIso(state.now));
  params.set('tz', state.zone);
  if (state.program !== null) params.set('program', state.program);
  history.replaceState(null, '', `#${params.toString()}`);
}

function renderSubject(sub: Subscription, e: Explanation, loaded: Loaded): void {
  const facts: [string, string][] = [
    ['Program', sub.program],
    ['Term / billing', `${sub.term} / ${sub.billing}`],
    ['Seats', String(sub.quantity)],
    ['Status', `${sub.status}${sub.trial ? ' (trial)' : ''}, auto-renew ${sub.autoRenew ? 'on' : 'off'}`],
    ['Purchased', utc(sub.purchasedAt)],
    ['Term ends', `${utc(e.timeline.termEndsAt)} (exclusive)`],
    [
      'At the term end',
      `${e.endOfTerm.outcome} (${e.endOfTerm.rule}${e.endOfTerm.chosen ? ', chosen' : ''}; rules of ${e.endOfTerm.policyVersion})`,
    ],
    ['Rules version', `${e.policyVersion} (Microsoft's rules in force now; see docs/policy.md)`],
  ];
  ui.subject.replaceChildren(
    h(
      'h2',
      { id: 'subject-title' },
      sub.offerName ?? sub.id ?? 'Subscription',
      ' ',
      h('span', { class: `alert ${e.alert}`, 'data-alert': e.alert }, e.alert),
    ),
    h('dl', { class: 'facts' }, ...facts.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v)))),
    loaded.notes.length === 0
      ? ''
      : h(
          'div',
          { class: 'notes' },
          h('h3', {}, 'Not facts in the JSON (adapter notes)'),
          h(
            'ul',
            {},
            ...loaded.notes.map((n) =>
              h(
                'li',
                { 'data-note': n.code },
                h('code', {}, n.code),
                ` (${n.kind}) at `,
                h('code', {}, n.field),
                `: ${n.message}`,
              ),
            ),
          ),
        ),
  );
}

function renderRules(e: Explanation, rulesInPicture: readonly string[]): void {
  const ids = [...new Set([...e.actions.map((a) => a.rule), ...rulesInPicture])];
  ui.rules.replaceChildren(
    ...ids.flatMap((id) => {
      const rule = RULES.get(id);
      return [
        h('dt', { id: ruleAnchor(id), tabindex: -1 }, id),
        h(
          'dd',
          {},
          rule === undefined
            ? 'see docs/rules.md'
            : `${rule.text}${rule.source === '' || rule.source === '—' ? '' : ` (source: ${rule.source})`}${rule.versions === '' ? '' : ` (versions: ${rule.versions})`}`,
        ),
      ];
    }),
  );
}

/** Recomputes everything for the current state. `rebuild`: the picture's range or content changed. */
function update(commit: boolean, rebuild: boolean): void {
  const loaded = state.loaded;
  ui.root.dataset['now'] = String(state.now);
  ui.root.dataset['source'] = state.source;
  if (document.activeElement !== ui.now) ui.now.value = lib.toIso(state.now);
  if (loaded === null) return;
  const sub = loaded.subscription;
  let e: Explanation;
  try {
    e = lib.explain(sub, { now: state.now });
  } catch (error) {
    showError(describeError(error));
    return;
  }
  renderActions(ui.actions, sub, e, state.zone);
  if (rebuild) {
    const model = timelineModel(sub, e, state.anchor);
    view.render(model, state.zone, state.now);
    renderSubject(sub, e, loaded);
    renderRules(
      e,
      model.lanes.flatMap((l) => l.bands.flatMap((b) => (b.rule === null ? [] : [b.rule]))),
    );
  } else {
    view.setNow(state.now);
    ui.subject.querySelector('.alert')?.replaceChildren(e.alert);
  }
  if (commit) {
    ui.status.textContent = `At ${utc(state.now)}: ${e.actions.map((a) => `${actionLabel(a.action)} ${a.outcome}`).join(', ')}.`;
    writeHash();
  }
}

function setNow(now: number, commit: boolean, rebuild: boolean): void {
  state.now = now;
  if (rebuild) state.anchor = now;
  update(commit, rebuild);
}

/** Reads a document; on success it becomes the subject, at `now` (default: the demo instant for examples, else 2 d into the term's windows). */
function use(json: unknown, source: string, now: number | null): boolean {
  try {
    const loaded = load(json, state.program);
    showError(null);
    state.loaded = loaded;
    state.json = json;
    state.source = source;
    ui.program.disabled = loaded.kind !== 'partner-center';
    const start = lib.explain(loaded.subscription, { now: loaded.subscription.purchasedAt }).timeline.windowStart;
    setNow(now ?? (source === 'pasted' ? start + 2 * DAY : DEMO_NOW), true, true);
    return true;
  } catch (error) {
    showError(describeError(error));
    return false;
  }
}

function pickExample(key: string, now: number | null): void {
  const example = EXAMPLES.find((x) => x.key === key) ?? EXAMPLES[0];
  if (example === undefined) return;
  ui.example.value = example.key;
  use(example.json, example.key, now);
}

function readNow(text: string): number | null {
  try {
    return lib.toInstant(text.trim(), 'now');
  } catch (error) {
    showError(describeError(error));
    return null;
  }
}

// Controls.
ui.example.replaceChildren(...EXAMPLES.map((x) => h('option', { value: x.key, 'data-kind': x.kind }, x.label)));
ui.zone.replaceChildren(...zoneList().map((z) => h('option', { value: z }, z)));
ui.program.replaceChildren(
  h('option', { value: '' }, 'as the JSON says'),
  ...lib.PROGRAMS.map((p) => h('option', { value: p }, p)),
);

ui.example.addEventListener('change', () => {
  if (ui.example.value !== 'pasted') pickExample(ui.example.value, null);
});
ui.nowForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const now = readNow(ui.now.value);
  if (now === null) return;
  showError(null);
  setNow(now, true, true);
});
ui.program.addEventListener('change', () => {
  state.program = ui.program.value === '' ? null : (ui.program.value as Program);
  use(state.json, state.source, state.now);
});
ui.zone.addEventListener('change', () => {
  state.zone = ui.zone.value;
  update(true, true);
});
ui.pasteForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  let json: unknown;
  try {
    json = JSON.parse(ui.paste.value);
  } catch (error) {
    showError(`Not JSON: ${describeError(error)}`);
    return;
  }
  if (!use(json, 'pasted', null)) return;
  if (ui.example.querySelector('option[value="pasted"]') === null)
    ui.example.prepend(h('option', { value: 'pasted' }, 'Pasted JSON'));
  ui.example.value = 'pasted';
});

// Start from the URL hash, else the first example in the browser's zone.
const params = new URLSearchParams(location.hash.slice(1));
const tz = params.get('tz');
state.zone = tz !== null && knownZone(tz) ? tz : browserZone();
if (!zoneList().includes(state.zone)) ui.zone.append(h('option', { value: state.zone }, state.zone));
ui.zone.value = state.zone;
const forced = params.get('program');
if (forced !== null && (lib.PROGRAMS as readonly string[]).includes(forced)) {
  state.program = forced as Program;
  ui.program.value = forced;
}
const hashNow = params.get('now');
pickExample(params.get('example') ?? '', hashNow === null ? null : readNow(hashNow));
ui.root.dataset['ready'] = 'true';

/**
 * The answers: one row per action of `explain` — outcome (now / at renewal / never), the
 * deadline in UTC and in the chosen zone, reason, rule (linked), warnings and assumptions.
 * Rows carry stable data-* attributes (data-action, data-outcome, data-until, data-opens-at,
 * data-rule, data-reason) for tests and scrapers.
 */
import type { Subscription } from 'csp-subscription-rules';
import type { ActionExplanation, Explanation } from 'csp-subscription-rules/explain';
import { h } from './dom.js';
import { relative, utc, zoned } from './format.js';
import { lib } from './lib.js';
import { RULES, ruleAnchor } from './rules.js';

const OUTCOME_TEXT: Readonly<Record<ActionExplanation['outcome'], string>> = {
  now: 'Now',
  later: 'Later',
  'at-renewal': 'At renewal',
  never: 'Never',
};

/** `reduceSeats` → `Reduce seats`. */
export function actionLabel(action: string): string {
  const words = action.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function when(label: string, at: number, now: number, zone: string, verb: 'closes' | 'opens'): HTMLElement {
  return h(
    'div',
    { class: 'when' },
    h('span', { class: 'when-label' }, label),
    ' ',
    h('time', { datetime: new Date(at).toISOString(), class: 'utc' }, utc(at)),
    h('span', { class: 'local' }, `${zoned(at, zone)} (${zone})`),
    h('span', { class: 'rel' }, relative(now, at, verb)),
  );
}

/** Facts beside the decision that `explain` does not carry: refund of a cancellation, seats reducible. */
function detail(sub: Subscription, a: ActionExplanation, now: number): string | null {
  if (a.action === 'cancel') {
    const c = lib.canCancel(sub, { now });
    if (!c.allowed) return null;
    return c.effective === 'at-renewal' ? 'takes effect at the term end, no refund' : `immediate, ${c.refund} refund`;
  }
  if (a.action === 'reduceSeats') {
    const r = lib.reducibleSeats(sub, { now });
    return r.total > 0 ? `${r.total} of ${sub.quantity} seats reducible now` : null;
  }
  return null;
}

function codes(label: string, list: readonly string[]): HTMLElement | null {
  if (list.length === 0) return null;
  return h('div', { class: 'codes' }, `${label}: `, ...list.flatMap((c, i) => [i > 0 ? ', ' : '', h('code', {}, c)]));
}

function row(sub: Subscription, a: ActionExplanation, now: number, zone: string): HTMLElement {
  const rule = RULES.get(a.rule);
  const deadline =
    a.until !== null
      ? when('closes', a.until, now, zone, 'closes')
      : a.opensAt !== null
        ? when('opens', a.opensAt, now, zone, 'opens')
        : h(
            'div',
            { class: 'when none' },
            a.outcome === 'now' ? 'no deadline' : a.outcome === 'never' ? 'does not open again' : 'date not known',
          );
  const more = detail(sub, a, now);
  return h(
    'li',
    {
      class: `action outcome-${a.outcome}`,
      'data-action': a.action,
      'data-outcome': a.outcome,
      'data-until': a.until,
      'data-opens-at': a.opensAt,
      'data-rule': a.rule,
      'data-reason': a.reason,
    },
    h(
      'div',
      { class: 'head' },
      h('span', { class: 'name' }, actionLabel(a.action)),
      h('span', { class: `badge ${a.outcome}` }, OUTCOME_TEXT[a.outcome]),
    ),
    deadline,
    more === null ? null : h('div', { class: 'detail' }, more),
    h(
      'div',
      { class: 'why' },
      h('code', { class: 'reason' }, a.reason),
      ' · rule ',
      h(
        'a',
        { href: `#${ruleAnchor(a.rule)}`, class: 'rule', title: rule?.text ?? 'rule catalogue: docs/rules.md' },
        a.rule,
      ),
    ),
    codes('Warnings', a.warnings),
    codes('Assumed', a.assumptions),
  );
}

/** The list of answers, in the order `explain` gives them (every action it has). */
export function renderActions(list: HTMLElement, sub: Subscription, e: Explanation, zone: string): void {
  list.replaceChildren(...e.actions.map((a) => row(sub, a, e.now, zone)));
}

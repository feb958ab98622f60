// Library use from plain input (no Partner Center JSON): prints the cancellation and seat
// decisions of examples/subscriptions.json at a fixed `now`. Run after `npm run build`:
// node examples/library.mjs
import { readFileSync } from 'node:fs';
import { canCancel, planSeatReduction, reducibleSeats, toSubscription } from '../dist/index.js';
import { formatDay, toIso } from '../dist/time.js';

const now = '2024-03-12T12:00:00Z';
const subs = JSON.parse(readFileSync(new URL('./subscriptions.json', import.meta.url), 'utf8'));
const when = (ms) => (ms === null ? '—' : toIso(ms));

console.log(`Decisions at ${now} (deadlines are exclusive, UTC)\n`);
for (const input of subs) {
  const sub = toSubscription(input);
  console.log(
    `${sub.id}  ${sub.offerName}  [${sub.program}, ${sub.term}/${sub.billing}, ${sub.quantity} seats, term ends ${formatDay(sub.termEndDay)}]`,
  );
  const c = canCancel(sub, { now });
  console.log(
    c.allowed
      ? `  cancel:        yes until ${when(c.until)}  refund ${c.refund}, ${c.effective}  (${c.rule} ${c.reason})`
      : `  cancel:        no  (${c.rule} ${c.reason}), next ${when(c.opensAt)}`,
  );
  const r = reducibleSeats(sub, { now });
  console.log(
    r.allowed
      ? `  reduce seats:  ${r.total} until ${when(r.until)}  (${r.rule})` +
          r.batches
            .map((b) => `\n                 batch of ${b.quantity} added ${toIso(b.addedAt)} → until ${toIso(b.until)}`)
            .join('')
      : `  reduce seats:  no  (${r.rule} ${r.reason}), next ${when(r.opensAt)}`,
  );
  if (sub.quantity > 1) {
    const p = planSeatReduction(sub, { targetQuantity: sub.quantity - 2, now });
    console.log(
      p.allowed
        ? `  to ${sub.quantity - 2} seats:   release ${p.release.map((b) => b.quantity).join(' + ')} by ${when(p.until)}, refund ${p.refund}`
        : `  to ${sub.quantity - 2} seats:   not now (${p.rule} ${p.reason}), next ${when(p.opensAt)}`,
    );
  }
  console.log('');
}

/**
 * The SVG timeline: lanes of windows over the term, event markers, a compressed-time axis and
 * a "now" marker that is a real slider — focusable, arrow keys ±1 h, PageUp/PageDown ±1 d,
 * Home/End — and draggable with a mouse, pen or finger anywhere on the picture.
 */
import { s } from './dom.js';
import { shortDayTime, utc } from './format.js';
import { timeScale, type TimeScale } from './scale.js';
import { axis, CHAR, eventMarkers, fits, layout, type Layout } from './svgParts.js';
import type { Band, TimelineModel } from './timeline.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Called with the new "now"; `commit` is false while a drag or a key repeat is still going on. */
export type NowListener = (now: number, commit: boolean) => void;

/** The view. Create once; call {@link TimelineView.render} on new data and {@link TimelineView.setNow} on a new "now". */
export class TimelineView {
  readonly svg: SVGSVGElement;
  private readonly body: SVGGElement;
  private readonly marker: SVGGElement;
  private readonly markerLine: SVGLineElement;
  private readonly handle: SVGRectElement;
  private readonly handleText: SVGTextElement;
  private model: TimelineModel | null = null;
  private scale: TimeScale | null = null;
  private box: Layout | null = null;
  private zone = 'UTC';
  private now = 0;
  private dragging = false;

  constructor(
    private readonly host: HTMLElement,
    private readonly onNow: NowListener,
  ) {
    this.svg = s('svg', { class: 'timeline', 'aria-labelledby': 'timeline-title timeline-desc' });
    this.body = s('g', { class: 'body' });
    this.markerLine = s('line', { class: 'now-line', x1: 0, x2: 0, y1: 22 });
    this.handle = s('rect', { class: 'now-handle', y: 2, height: 20, rx: 4 });
    this.handleText = s('text', { class: 'now-text', y: 16 });
    this.marker = s(
      'g',
      {
        class: 'now',
        role: 'slider',
        tabindex: 0,
        'aria-label': 'Now',
        'aria-orientation': 'horizontal',
        'data-testid': 'now-slider',
      },
      this.markerLine,
      this.handle,
      this.handleText,
    );
    this.svg.append(this.body, this.marker);
    host.append(this.svg);

    this.marker.addEventListener('keydown', (e) => this.key(e));
    this.marker.addEventListener('keyup', () => this.onNow(this.now, true));
    this.svg.addEventListener('pointerdown', (e) => this.pointer(e, 'down'));
    this.svg.addEventListener('pointermove', (e) => this.pointer(e, 'move'));
    this.svg.addEventListener('pointerup', (e) => this.pointer(e, 'up'));
    this.svg.addEventListener('pointercancel', (e) => this.pointer(e, 'up'));
    new ResizeObserver(() => {
      if (this.model !== null && Math.round(this.host.clientWidth) !== this.box?.width) this.draw();
    }).observe(host);
  }

  /** Draws a new picture (new subscription, zone or range). */
  render(model: TimelineModel, zone: string, now: number): void {
    this.model = model;
    this.zone = zone;
    this.now = now;
    this.draw();
  }

  /** Moves the "now" marker (and marks the windows open at that instant). */
  setNow(now: number): void {
    this.now = now;
    this.placeNow();
  }

  private draw(): void {
    const model = this.model;
    if (model === null) return;
    const box = layout(Math.max(280, Math.round(this.host.clientWidth)), model.lanes.length);
    const scale = timeScale(model.range.start, model.range.end, model.focus, box.plotX0, box.plotX1);
    this.box = box;
    this.scale = scale;
    this.svg.setAttribute('viewBox', `0 0 ${box.width} ${box.height}`);
    this.svg.setAttribute('width', String(box.width));
    this.svg.setAttribute('height', String(box.height));
    this.marker.setAttribute('aria-valuemin', String(model.range.start));
    this.marker.setAttribute('aria-valuemax', String(model.range.end));
    this.markerLine.setAttribute('y2', String(box.height - 28));

    const x = (t: number): number => scale.x(t);
    const lanesBottom = box.laneTop + model.lanes.length * box.laneHeight;
    const parts: SVGElement[] = [];

    // The current term, behind everything.
    parts.push(
      s('rect', {
        class: 'term',
        x: x(model.term.start),
        y: box.laneTop - 4,
        width: Math.max(1, x(model.term.end) - x(model.term.start)),
        height: lanesBottom - box.laneTop + 8,
      }),
    );

    // Lanes.
    model.lanes.forEach((lane, i) => {
      const top = box.laneTop + i * box.laneHeight;
      const bandY = box.narrow ? top + 16 : top + 6;
      const bandH = box.narrow ? 18 : 22;
      const g = s('g', { class: 'lane', 'data-lane': lane.id });
      g.append(
        s('line', { class: 'lane-rule', x1: 0, x2: box.width, y1: top + box.laneHeight, y2: top + box.laneHeight }),
      );
      g.append(
        box.narrow
          ? s('text', { class: 'lane-label', x: box.plotX0, y: top + 12 }, lane.label)
          : s('text', { class: 'lane-label', x: 8, y: top + 21 }, lane.label),
      );
      for (const band of lane.bands) {
        // Room for a label right of the band: up to the next band of the lane, or the plot's end.
        const next = lane.bands.filter((o) => o.start >= band.end).map((o) => x(o.start));
        g.append(this.band(band, x, bandY, bandH, Math.min(box.plotX1, ...next)));
      }
      if (lane.note !== null) {
        // Narrow: on the band row under the label; wide: where the bands would be.
        // Where the bands would be; else right of the bands; else left of them, right-aligned.
        const y = box.narrow ? top + 30 : top + 21;
        const after = Math.max(...lane.bands.map((b) => x(b.end))) + 6;
        const before = Math.min(...lane.bands.map((b) => x(b.start))) - 6;
        if (lane.bands.length === 0) g.append(s('text', { class: 'lane-note', x: box.plotX0 + 4, y }, lane.note));
        else if (fits(lane.note, box.width - after))
          g.append(s('text', { class: 'lane-note', x: after, y }, lane.note));
        else if (fits(lane.note, before - box.plotX0))
          g.append(s('text', { class: 'lane-note', x: before, y, 'text-anchor': 'end' }, lane.note));
        else g.append(s('text', { class: 'lane-note', x: box.plotX0 + 4, y }, lane.note));
      }
      parts.push(g);
    });

    parts.push(...eventMarkers(model, scale, box, lanesBottom), ...axis(model, scale, box, lanesBottom, this.zone));
    this.body.replaceChildren(...parts);
    this.placeNow();
  }

  private band(band: Band, x: (t: number) => number, y: number, height: number, room: number): SVGGElement {
    const x0 = x(band.start);
    const w = Math.max(2, x(band.end) - x0);
    const inner = band.kind === 'cancel-full' || band.kind === 'renewal';
    const g = s(
      'g',
      {
        class: `band ${band.kind}`,
        'data-kind': band.kind,
        'data-start': band.start,
        'data-end': band.end,
        'data-rule': band.rule,
      },
      s('rect', { x: x0, y: inner ? y + height / 2 : y, width: w, height: inner ? height / 2 : height, rx: 3 }),
      s(
        'title',
        {},
        `${band.label}${band.rule === null ? '' : ` (${band.rule})`}: ${utc(band.start)} → ${utc(band.end)} (exclusive)`,
      ),
    );
    if (!inner) {
      // The label inside the band when it fits, else to its right when there is room.
      if (fits(band.label, w - 8))
        g.append(s('text', { class: 'band-label inside', x: x0 + 4, y: y + height / 2 + 4 }, band.label));
      else if (fits(band.label, room - (x0 + w) - 8))
        g.append(s('text', { class: 'band-label', x: x0 + w + 4, y: y + height / 2 + 4 }, band.label));
    }
    return g;
  }

  private placeNow(): void {
    const scale = this.scale;
    const box = this.box;
    if (scale === null || box === null) return;
    const nx = scale.x(this.now);
    const label = shortDayTime(this.now, this.zone);
    const w = label.length * CHAR + 12;
    const left = Math.min(Math.max(nx - w / 2, 0), box.width - w);
    this.markerLine.setAttribute('x1', String(nx));
    this.markerLine.setAttribute('x2', String(nx));
    this.handle.setAttribute('x', String(left));
    this.handle.setAttribute('width', String(w));
    this.handleText.setAttribute('x', String(left + 6));
    this.handleText.textContent = label;
    this.marker.setAttribute('aria-valuenow', String(this.now));
    this.marker.setAttribute('aria-valuetext', `${utc(this.now)} (${shortDayTime(this.now, this.zone)} ${this.zone})`);
    this.marker.setAttribute('data-now', String(this.now));
    for (const band of this.body.querySelectorAll<SVGGElement>('.band')) {
      const open = Number(band.dataset['start']) <= this.now && this.now < Number(band.dataset['end']);
      band.classList.toggle('open', open);
    }
  }

  private move(to: number, commit: boolean): void {
    const model = this.model;
    if (model === null) return;
    const now = Math.min(Math.max(to, model.range.start), model.range.end);
    this.setNow(now);
    this.onNow(now, commit);
  }

  private key(e: KeyboardEvent): void {
    const model = this.model;
    if (model === null) return;
    const steps: Readonly<Record<string, number>> = {
      ArrowRight: HOUR,
      ArrowUp: HOUR,
      ArrowLeft: -HOUR,
      ArrowDown: -HOUR,
      PageUp: DAY,
      PageDown: -DAY,
    };
    const step = steps[e.key];
    if (step !== undefined) this.move(this.now + step, false);
    else if (e.key === 'Home') this.move(model.range.start, false);
    else if (e.key === 'End') this.move(model.range.end, false);
    else return;
    e.preventDefault();
  }

  private pointer(e: PointerEvent, phase: 'down' | 'move' | 'up'): void {
    const scale = this.scale;
    if (scale === null) return;
    if (phase === 'down') {
      if (e.button !== 0) return;
      this.dragging = true;
      this.svg.setPointerCapture(e.pointerId);
      this.marker.focus({ preventScroll: true });
      e.preventDefault();
    }
    if (!this.dragging) return;
    const rect = this.svg.getBoundingClientRect();
    const px = ((e.clientX - rect.left) / rect.width) * (this.box?.width ?? rect.width);
    // Whole minutes: a drag is coarse anyway, and round instants read better.
    const t = Math.round(scale.t(px) / 60_000) * 60_000;
    if (phase === 'up') {
      this.dragging = false;
      if (this.svg.hasPointerCapture(e.pointerId)) this.svg.releasePointerCapture(e.pointerId);
      this.move(t, true);
    } else this.move(t, false);
  }
}

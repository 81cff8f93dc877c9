// The decision map's grid of cells: the model's forward pass (network.js) over a grid spanning the map, computed
// at what the browser can afford while frames keep coming (never more than BUDGET_MS of an animation frame at a
// time), then at the finest grid the canvas needs (a cell every CELL_PX pixels, at most the frame's `cells` a
// side) once they stop. One frame is computed at a time: one that comes meanwhile waits (the newest only; older
// ones are skipped) until the one before is on screen. The map (decision_map.js) paints each grid and says when.

import { cost, gridProbabilities } from "./network.js";

const CELL_PX = 4;  // the finest grid: a cell every 4 CSS pixels (a 4K projector gets more cells, not blur)
const BUDGET_MS = 12;  // the forward pass's share of an animation frame
const DRAFT_CELLS = 144;  // a frame's grid is never coarser than this (12 x 12), even if it takes several frames
const REFINE_AFTER_MS = 150;  // no new frame for this long: draw the finest grid, in BUDGET_MS slices...
const REFINE_MAX_MS = 3000;  // ...but no finer than about this much computing allows (a 4 x 512 MLP)

/** The grids of one map: `size()` is its plot's [width, height] in CSS pixels and `extent()` its [x0, x1, y0, y1];
 * `show(grid)` paints a computed grid ({width, height, classes, probabilities, number}), `painted(net)` runs once a
 * frame's grid is on screen. frame(net) computes a new frame's, refine(net) draws `net` afresh at the finest grid
 * (the size or the extent changed), stop() drops all that is pending. */
export function mapGrid({ size, extent, show, painted }) {
  let job = null;  // the grid being computed: {net, fine, w, h, extent, cell (the next to compute), out}
  let waiting = null;  // a model that came while a frame was being computed (the newest only)
  let refineTimer = null;
  let msPerMac = 2e-6;  // what a multiply-add of the forward pass takes here, measured as the map is drawn

  /** The finest grid the canvas can show: a cell every CELL_PX pixels, at most the frame's `cells` a side. */
  function finest(net) {
    const most = net.cells;
    const [width, height] = size();
    return [Math.min(most, Math.max(2, Math.round(width / CELL_PX))), Math.min(most, Math.max(2, Math.round(height / CELL_PX)))];
  }

  /** A slice of the forward pass took `ms` for `macs` multiply-adds: a faster speed is believed at once (nothing
   * makes a pass run faster than it can), a slower one half-way, so that one pause (the process was not scheduled,
   * a collection ran) does not make every later grid coarser. Timers here read to 0.1 ms at best. */
  function measured(ms, macs) {
    if (macs <= 0) return;
    const speed = Math.max(ms, 0.1) / macs;
    if (speed < msPerMac) msPerMac = speed;
    else if (ms > 1) msPerMac = (msPerMac + speed) / 2;
  }

  /** `size`, made coarser (the same shape) until its forward pass takes at most `ms` here, but not below `least`
   * cells (when even that takes longer, it is computed in slices over several animation frames). */
  function affordable(net, [w, h], ms, least = 4) {
    const f = Math.sqrt((w * h * cost(net) * msPerMac) / ms);
    if (f <= 1) return [w, h];
    const g = Math.min(f, Math.sqrt((w * h) / least));
    return [Math.max(2, Math.floor(w / g)), Math.max(2, Math.floor(h / g))];
  }

  /** Compute `net`'s grid: a frame's (`fine` false) at what it can afford while frames keep coming, or the
   * finest once they stop; BUDGET_MS of cells at a time, the rest on the next animation frames. */
  function start(net, fine) {
    const [w, h] = fine ? affordable(net, finest(net), REFINE_MAX_MS) : affordable(net, finest(net), BUDGET_MS, DRAFT_CELLS);
    job = { net, fine, w, h, extent: extent().slice(), cell: 0, out: new Float64Array(w * h * net.classes) };
    if (fine) requestAnimationFrame(slice);
    else slice();
  }

  function slice() {
    const current = job;
    if (!current) return;
    const { net, w, h } = current;
    const begin = performance.now();
    const first = current.cell;
    do {  // at least one batch a slice, however late this slice began
      // A few cells at a time: as many as take about a quarter of the budget (one, for a 4 x 512 MLP).
      const count = Math.max(1, Math.floor(BUDGET_MS / 4 / (cost(net) * msPerMac)));
      const to = Math.min(w * h, current.cell + count);
      gridProbabilities(net, current.extent, w, h, current.out, current.cell, to);
      current.cell = to;
    } while (current.cell < w * h && performance.now() - begin < BUDGET_MS);
    measured(performance.now() - begin, (current.cell - first) * cost(net));
    if (current.cell < w * h) {
      requestAnimationFrame(() => { if (job === current) slice(); });
      return;
    }
    job = null;
    show({ width: w, height: h, classes: net.classes, probabilities: current.out, number: net.number });
    if (current.fine) {
      // Drawn coarser than the finest because the browser was busy then (another tab, a collection)? Finer again,
      // as long as it is faster now.
      const [fw, fh] = affordable(net, finest(net), REFINE_MAX_MS);
      if (fw * fh > w * h && !waiting) start(net, true);
      return;
    }
    requestAnimationFrame(() => {  // painted: say so, then draw the newest model that came meanwhile, if any
      painted(net);
      if (waiting && !job) {
        const next = waiting;
        waiting = null;
        start(next, false);
      }
    });
    const [fw, fh] = finest(net);
    // No frame came while this one was computed (it would be waiting): `net` is the newest, refined if none follows.
    if (!waiting && w * h < fw * fh) refineTimer = setTimeout(() => { if (!job && !waiting) start(net, true); }, REFINE_AFTER_MS);
  }

  return {
    /** A new model (a frame): drawn now, or right after the frame being drawn; refined once no other follows. */
    frame(net) {
      clearTimeout(refineTimer);
      if (job && !job.fine) {  // one frame at a time: the newest waits, any older one is skipped
        waiting = net;
        return;
      }
      waiting = null;
      start(net, false);
    },
    /** Draw `net` (if any) afresh at the finest grid, unless a frame's grid is being computed. */
    refine(net) {
      if (net && (!job || job.fine)) start(net, true);
    },
    stop() {
      job = waiting = null;
      clearTimeout(refineTimer);
    },
  };
}

import type { HistogramBucket, HistogramInterval } from '../core/store-types.js';
import { html, type SafeHtml } from './html.js';

// The drawing's coordinate system; the SVG scales to the page width.
const WIDTH = 960;
const HEIGHT = 220;
const MARGIN = { top: 16, right: 12, bottom: 28, left: 44 };
/** About this many date labels fit under the axis without overlapping. */
const MAX_LABELS = 10;
/** Fraction of each slot left empty between bars. */
const BAR_GAP = 0.15;
/** A lone bucket drawn across the whole width reads as a banner, not a bar. */
const MAX_BAR_WIDTH = 60;

const INTERVAL_NAMES: Record<HistogramInterval, string> = {
  day: 'per day',
  week: 'per week (from Monday)',
  month: 'per month',
};

function bar(bucket: HistogramBucket, x: number, width: number, max: number): SafeHtml {
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const height = (bucket.count / max) * plotHeight;
  const y = HEIGHT - MARGIN.bottom - height;
  return html`<rect
    class="bar"
    x="${x.toFixed(2)}"
    y="${y.toFixed(2)}"
    width="${width.toFixed(2)}"
    height="${height.toFixed(2)}"
    data-bucket="${bucket.bucket}"
    data-count="${bucket.count}"
    ><title>${bucket.bucket}: ${bucket.count}</title></rect
  >`;
}

function label(bucket: HistogramBucket, x: number): SafeHtml {
  return html`<text class="label" x="${x.toFixed(2)}" y="${HEIGHT - 8}" text-anchor="middle"
    >${bucket.bucket}</text
  >`;
}

function axes(max: number): SafeHtml {
  const bottom = HEIGHT - MARGIN.bottom;
  return html`<line
      class="axis"
      x1="${MARGIN.left}"
      y1="${bottom}"
      x2="${WIDTH - MARGIN.right}"
      y2="${bottom}"
    />
    <text class="label" x="${MARGIN.left - 6}" y="${MARGIN.top + 4}" text-anchor="end">${max}</text>
    <text class="label" x="${MARGIN.left - 6}" y="${bottom}" text-anchor="end">0</text>`;
}

/** A bar chart of matching articles per bucket, as server-rendered SVG (no script needed). */
export function renderChart(buckets: HistogramBucket[], interval: HistogramInterval): SafeHtml {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  const caption = html`<figcaption>
    ${total} dated articles ${INTERVAL_NAMES[interval]}
  </figcaption>`;
  if (buckets.length === 0) return html`<figure class="chart">${caption}</figure>`;
  const max = Math.max(1, ...buckets.map((b) => b.count));
  const slot = (WIDTH - MARGIN.left - MARGIN.right) / buckets.length;
  const every = Math.ceil(buckets.length / MAX_LABELS);
  const barWidth = Math.min(MAX_BAR_WIDTH, slot * (1 - BAR_GAP));
  const bars = buckets.map((b, i) => bar(b, MARGIN.left + i * slot, barWidth, max));
  const labels = buckets.flatMap((b, i) =>
    i % every === 0 ? [label(b, MARGIN.left + i * slot + barWidth / 2)] : [],
  );
  return html`<figure class="chart">
    <svg
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="img"
      aria-label="articles ${INTERVAL_NAMES[interval]}"
    >
      ${axes(max)}${bars}${labels}</svg
    >${caption}
  </figure>`;
}

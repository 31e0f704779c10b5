import type { RunSummary } from '../workers/summary.js';

/** Redraws at most this often: a terminal line is for people, not a log. */
const REDRAW_MS = 100;

export interface LiveLine<T> {
  update(state: T): void;
  done(state: T): void;
}

/**
 * A one-line progress display on a terminal (rewritten in place); on anything else nothing,
 * since the final counts and the structured log already say what happened.
 */
export function liveLine<T>(
  out: NodeJS.WritableStream & { isTTY?: boolean },
  render: (state: T) => string,
): LiveLine<T> {
  let last = 0;
  const draw = (state: T) => out.write(`\r\x1b[2K${render(state)}`);
  return {
    update(state) {
      if (!out.isTTY || Date.now() - last < REDRAW_MS) return;
      last = Date.now();
      draw(state);
    },
    done(state) {
      if (!out.isTTY) return;
      draw(state);
      out.write('\n');
    },
  };
}

/** `run --once` and the demo: feeds and articles as they go. */
export function progressLine(
  out: NodeJS.WritableStream & { isTTY?: boolean },
): LiveLine<RunSummary> {
  return liveLine(
    out,
    (s: RunSummary) =>
      `feeds ${s.feeds.polled} polled (${s.feeds.failed} failed) · articles ${s.articles.new} new, ` +
      `${s.articles.indexed} indexed, ${s.articles.failed} failed`,
  );
}

/** Counts of a long command (retag, import, export) as `label: 1200 scanned, 3 changed`. */
export function countsLine<T extends object>(
  out: NodeJS.WritableStream & { isTTY?: boolean },
  label: string,
) {
  return liveLine(
    out,
    (counts: T) =>
      `${label}: ${Object.entries(counts)
        .map(([key, n]) => `${String(n)} ${key}`)
        .join(', ')}`,
  );
}

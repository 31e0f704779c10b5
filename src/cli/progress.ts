import type { RunSummary } from '../workers/summary.js';

/** Redraws at most this often: a terminal line is for people, not a log. */
const REDRAW_MS = 100;

/**
 * A one-line progress display on a terminal (rewritten in place); on anything else nothing,
 * since the structured log already says what happened.
 */
export function progressLine(out: NodeJS.WritableStream & { isTTY?: boolean }) {
  let last = 0;
  const draw = (s: RunSummary) =>
    out.write(
      `\r\x1b[2Kfeeds ${s.feeds.polled} polled (${s.feeds.failed} failed) · articles ${s.articles.new} new, ` +
        `${s.articles.indexed} indexed, ${s.articles.failed} failed`,
    );
  return {
    update(summary: RunSummary): void {
      if (!out.isTTY || Date.now() - last < REDRAW_MS) return;
      last = Date.now();
      draw(summary);
    },
    done(summary: RunSummary): void {
      if (!out.isTTY) return;
      draw(summary);
      out.write('\n');
    },
  };
}

import type { RunSummary } from '../workers/summary.js';
import { writeLine } from './output.js';

export function printSummary(out: NodeJS.WritableStream, summary: RunSummary): void {
  const { feeds, articles } = summary;
  writeLine(out, `feeds:    ${feeds.polled} polled, ${feeds.failed} failed`);
  writeLine(
    out,
    `articles: ${articles.new} new, ${articles.indexed} indexed, ${articles.failed} failed`,
  );
  for (const failure of summary.failures) {
    const where = failure.url ? `${failure.feedId} ${failure.url}` : failure.feedId;
    writeLine(out, `  failed  ${where}: ${failure.code}: ${failure.message}`);
  }
}

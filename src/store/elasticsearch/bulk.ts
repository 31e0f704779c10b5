import { setTimeout as delay } from 'node:timers/promises';
import type { Client, estypes } from '@elastic/elasticsearch';
import type { ArticleDocument } from '../../core/document.js';
import type { PresswatchError } from '../../core/errors.js';
import { DocumentRejectedError, StoreUnavailableError } from '../../core/stage-errors.js';
import type { PutOutcome } from '../../core/store-types.js';
import { unavailable } from './client.js';
import { withDelays } from './delays.js';

// Items answered 429 (write queue full) or 5xx (a shard moving) are sent up to three times in
// all, pausing about 250 then 500 ms: enough to ride out a burst. A longer outage is for the job
// queue to wait out with its own backoff, not for one flush that holds up every waiting writer.
const MAX_ATTEMPTS = 3;
const BACKOFF_BASE_MS = 250;

export interface BulkTarget {
  client: Client;
  alias: string;
  node: string;
}

interface Pending {
  position: number;
  doc: ArticleDocument;
}

/** One `_bulk` request (plus retries of its retryable items); one outcome per document. */
export async function bulkIndex(
  target: BulkTarget,
  docs: ArticleDocument[],
  sleep: (ms: number) => Promise<unknown> = delay,
): Promise<PutOutcome[]> {
  const indexedAt = new Date().toISOString();
  const outcomes: PutOutcome[] = [];
  let pending: Pending[] = docs.map((doc, position) => ({
    position,
    doc: withDelays(doc, indexedAt),
  }));
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > 1) await sleep(backoffMs(attempt));
    const items = await sendBulk(target, pending);
    pending = settle(pending, items, outcomes, attempt === MAX_ATTEMPTS);
  }
  return outcomes;
}

function backoffMs(attempt: number): number {
  // Jitter keeps the workers that were all refused at once from all coming back at once.
  return BACKOFF_BASE_MS * 2 ** (attempt - 2) * (0.5 + Math.random());
}

async function sendBulk(
  target: BulkTarget,
  pending: Pending[],
): Promise<estypes.BulkResponseItem[]> {
  const operations = pending.flatMap(({ doc }) => [
    { index: { _index: target.alias, _id: doc.id } },
    doc,
  ]);
  try {
    // require_alias: without the alias (setup not run) Elasticsearch would otherwise create a
    // concrete index named like the alias, with guessed mappings.
    const response = await target.client.bulk({ operations, require_alias: true });
    return response.items.map((item) => item.index ?? { _index: target.alias, status: 500 });
  } catch (err) {
    throw unavailable('bulk', target.node, err);
  }
}

function isRetryable(status: number): boolean {
  return status === 429 || status >= 500;
}

/** Records final outcomes and returns the items worth another attempt. */
function settle(
  pending: Pending[],
  items: estypes.BulkResponseItem[],
  outcomes: PutOutcome[],
  lastAttempt: boolean,
): Pending[] {
  const retry: Pending[] = [];
  pending.forEach((entry, i) => {
    const item = items[i] ?? { _index: '', status: 500 };
    const id = entry.doc.id;
    if (item.status < 300) outcomes[entry.position] = { id, ok: true };
    else if (isRetryable(item.status) && !lastAttempt) retry.push(entry);
    else outcomes[entry.position] = { id, ok: false, error: itemError(entry.doc, item) };
  });
  return retry;
}

/**
 * 400 is the document's own fault (mapping, parsing, a field outside the contract): retrying
 * cannot help. Anything else (429/5xx after the retries, 403 for a write block, 404 for a missing
 * alias) is the store's state, which an operator or time can fix: the document waits.
 */
function itemError(doc: ArticleDocument, item: estypes.BulkResponseItem): PresswatchError {
  const type = item.error?.type ?? 'unknown';
  const message = `Elasticsearch refused document ${doc.id}: ${type}: ${item.error?.reason ?? ''}`;
  const context = { id: doc.id, url: doc.url, status: item.status };
  if (item.status === 400) return new DocumentRejectedError(message, { context });
  const hint = type === 'index_not_found_exception' ? ' (run `presswatch setup`)' : '';
  return new StoreUnavailableError(message + hint, { context });
}

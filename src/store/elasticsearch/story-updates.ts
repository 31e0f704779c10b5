import type { estypes } from '@elastic/elasticsearch';
import type { PresswatchError } from '../../core/errors.js';
import { DocumentRejectedError, StoreUnavailableError } from '../../core/stage-errors.js';
import type { StoryFieldUpdate } from '../../core/store-types.js';
import { unavailable } from './client.js';
import type { BulkTarget } from './bulk.js';

/** The update of a document not stored (yet): its own write, still to come, carries its fields. */
const NOT_STORED = 'document_missing_exception';

function itemFailure(item: estypes.BulkResponseItem | undefined): PresswatchError | undefined {
  if (item === undefined) return new StoreUnavailableError('Elasticsearch answered no update');
  if (item.status < 300 || item.error?.type === NOT_STORED) return undefined;
  const message = `Elasticsearch refused the story update of ${item._id}: ${item.error?.type}: ${item.error?.reason ?? ''}`;
  const context = { id: item._id ?? '', status: item.status };
  // As for writes (bulk.ts): a 400 is the request's own fault, anything else the store's state.
  if (item.status === 400) return new DocumentRejectedError(message, { context });
  return new StoreUnavailableError(message, { context });
}

/**
 * One `_bulk` request of partial `update` actions: only the story fields change, so the text,
 * tags and indexed_at (freshness reads it) stay as stored. No item retries here: a refused
 * update fails the job that caused it, which the job queue retries with its backoff.
 */
export async function updateStoryFields(
  target: BulkTarget,
  updates: StoryFieldUpdate[],
): Promise<void> {
  if (updates.length === 0) return;
  const operations = updates.flatMap(({ id, ...doc }) => [
    { update: { _index: target.alias, _id: id } },
    { doc },
  ]);
  let items: estypes.BulkResponseItem[];
  try {
    const response = await target.client.bulk({ operations, require_alias: true });
    items = response.items.map((item) => item.update!);
  } catch (err) {
    throw unavailable('bulk update', target.node, err);
  }
  const failure = updates.map((_, i) => itemFailure(items[i])).find((f) => f !== undefined);
  if (failure) throw failure;
}

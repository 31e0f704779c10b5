// The two reads of story grouping: candidates by LSH keys, and the members of one story.
import type { Client } from '@elastic/elasticsearch';
import { STORY_FIELDS, type StoryFields } from '../../core/store-types.js';

/** Everything but the text: a story's members are compared by fingerprint only. */
const STORY_SOURCE = [...STORY_FIELDS];

/**
 * One `term` clause per key: a document scores by the bands it shares (each weighted by how rare
 * the key is), so the nearest candidates come first when a large story has more than `limit`.
 */
export async function storyCandidates(
  client: Client,
  alias: string,
  request: { lshKeys: string[]; limit: number },
): Promise<StoryFields[]> {
  if (request.lshKeys.length === 0) return [];
  const response = await client.search<StoryFields>({
    index: alias,
    size: request.limit,
    _source: STORY_SOURCE,
    query: { bool: { should: request.lshKeys.map((key) => ({ term: { lsh_keys: key } })) } },
  });
  return response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
}

export async function storyMembers(
  client: Client,
  alias: string,
  request: { storyId: string; limit: number },
): Promise<StoryFields[]> {
  const response = await client.search<StoryFields>({
    index: alias,
    size: request.limit,
    _source: STORY_SOURCE,
    query: { term: { story_id: request.storyId } },
    sort: [{ published_at: { order: 'asc', missing: '_last' } }, { first_seen_at: 'asc' }],
  });
  return response.hits.hits.flatMap((hit) => (hit._source ? [hit._source] : []));
}

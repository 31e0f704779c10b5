import type { ArticleStore, StoryFields } from '../core/store-types.js';
import { assignStory } from './assign.js';
import { lshKeys } from './lsh.js';
import type { SourceDirectory } from './sources.js';
import { storyMemberOf } from './stored-member.js';

/**
 * Members read per story. A story of more copies than this shows its earliest (the store sorts
 * members by publication), which is where the origin is; the count is a screenful's worth.
 */
export const STORY_MEMBER_LIMIT = 500;
/** As the story stage's candidate read (CANDIDATE_LIMIT): the nearest come first. */
const RELINK_CANDIDATES = 100;

/**
 * The seed's story, joined with any story that a document overlapping the seed was put in: two
 * copies stored at the same moment by different processes cannot see each other, and each
 * starts a story of its own. Reading re-links them as the writer would have.
 */
export async function gatherStory(
  store: Pick<ArticleStore, 'storyMembers' | 'storyCandidates'>,
  seed: StoryFields,
  directory: SourceDirectory,
): Promise<StoryFields[]> {
  const member = storyMemberOf(seed, directory);
  if (member === undefined) return [seed];
  const stories = new Set([member.story_id]);
  const candidates = await store.storyCandidates(lshKeys(member.fingerprint), RELINK_CANDIDATES);
  for (const fields of candidates) {
    const candidate = storyMemberOf(fields, directory);
    if (candidate === undefined || stories.has(candidate.story_id)) continue;
    const joined = assignStory({ ...member, credited_sources: [] }, [candidate]);
    if (joined.story_id === candidate.story_id) stories.add(candidate.story_id);
  }
  const byId = new Map<string, StoryFields>();
  for (const storyId of stories) {
    for (const fields of await store.storyMembers(storyId, STORY_MEMBER_LIMIT)) {
      byId.set(fields.id, fields);
    }
  }
  return [...byId.values()];
}

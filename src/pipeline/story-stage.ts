import type { ArticleDocument } from '../core/document.js';
import type { ArticleStore, StoryFieldUpdate } from '../core/store-types.js';
import {
  assignStory,
  encodeFingerprint,
  joinsBeforeMembers,
  lshKeys,
  newStoryDocument,
  storyAmendments,
  storyMemberOf,
  type NewStoryDocument,
  type SourceDirectory,
  type StoryAssignment,
  type StoryMember,
} from '../stories/index.js';
import { RecentStories } from './recent-stories.js';

/**
 * Stored candidates read per article. A story larger than this still finds its nearest members
 * first (candidates come ranked by shared bands), and one member suffices to join the story.
 * Each candidate costs a decoded fingerprint per article: at 100, a worker with a 192 MB heap
 * grew past 300 MB RSS on the pipeline bench, whose generated pages form a few huge stories.
 */
export const CANDIDATE_LIMIT = 30;

/**
 * Stories larger than this are not re-decided when an earlier member arrives: the re-decision
 * compares every member with every earlier one (quadratic), and at 50 members it costs about a
 * millisecond. Larger stories (a wire piece on many outlets, or an outlet's boilerplate that
 * extraction kept) keep their stored fields; `presswatch story` still shows them right.
 */
export const AMEND_MEMBER_LIMIT = 50;

export interface StoryStageDeps {
  articles: Pick<ArticleStore, 'storyCandidates' | 'storyMembers'>;
  directory: SourceDirectory;
  /**
   * Stores the changed story fields of other members. The workers send it through the bulk
   * writer's sequence (BulkWriter.inSequence), after the batches that may hold those members.
   */
  amend: (updates: StoryFieldUpdate[]) => Promise<void>;
}

/** Origin overlap to three decimals: MinHash estimates carry no more precision than that. */
function rounded(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function withStory(
  doc: ArticleDocument,
  fresh: NewStoryDocument,
  assignment: StoryAssignment,
  keys: string[],
): ArticleDocument {
  return {
    ...doc,
    source: { id: fresh.source_id, ...doc.source },
    story_id: assignment.story_id,
    ...(assignment.copied_from && { copied_from: assignment.copied_from }),
    ...(assignment.copied_by && { copied_by: assignment.copied_by }),
    credited_sources: fresh.credited_sources,
    origin_overlap: rounded(assignment.origin_overlap),
    fingerprint: encodeFingerprint(fresh.fingerprint),
    lsh_keys: keys,
  };
}

/**
 * The members of the story `doc` just joined ahead of some of them, re-decided with it: stored
 * ones read from the store, overlaid by the ones this process holds (fresher, maybe unsent).
 * Amendments go to the remembered documents at once, then to the store.
 */
async function amendMembers(deps: StoryStageDeps, recent: RecentStories, doc: ArticleDocument) {
  const storyId = doc.story_id!;
  const stored = await deps.articles.storyMembers(storyId, AMEND_MEMBER_LIMIT + 1);
  if (stored.length > AMEND_MEMBER_LIMIT) return;
  const members = new Map(stored.map((fields) => [fields.id, fields]));
  for (const fields of recent.inStory(storyId)) members.set(fields.id, fields);
  if (members.size > AMEND_MEMBER_LIMIT) return;
  const updates = storyAmendments([...members.values()], doc.id, deps.directory);
  if (updates.length === 0) return;
  for (const update of updates) recent.amend(update);
  await deps.amend(updates);
}

/**
 * story(doc): between building a document and storing it, finds its story with one candidate
 * query and sets source.id, story_id, copied_from, copied_by, origin_overlap and the fingerprint.
 * A document that comes before members of its story (a copy was polled before its origin) also
 * rewrites their stored fields, so that `search --origin-only` and `--copies-of` stay right.
 */
export function createStoryStage(deps: StoryStageDeps) {
  const recent = new RecentStories();
  return async function story(doc: ArticleDocument): Promise<ArticleDocument> {
    const fresh = newStoryDocument(doc, deps.directory);
    const keys = lshKeys(fresh.fingerprint);
    const stored = await deps.articles.storyCandidates(keys, CANDIDATE_LIMIT);
    // No await from here to `remember`: looking into `recent`, deciding and remembering are one
    // step, so two jobs of this process can never both miss each other.
    const candidates = new Map<string, StoryMember>();
    for (const fields of stored) {
      const member = storyMemberOf(fields, deps.directory);
      if (member) candidates.set(member.id, member);
    }
    for (const member of recent.candidates(keys)) candidates.set(member.id, member);
    const assignment = assignStory(fresh, [...candidates.values()]);
    const { credited_sources: _credits, ...member } = fresh;
    const result = withStory(doc, fresh, assignment, keys);
    recent.remember({ ...member, story_id: assignment.story_id }, keys, result);
    if (joinsBeforeMembers(fresh, assignment.story_id, [...candidates.values()])) {
      await amendMembers(deps, recent, result);
    }
    return result;
  };
}

import type { StoryFieldUpdate, StoryFields } from '../core/store-types.js';
import { isEarlier, type NewStoryDocument, type StoryMember } from './assign.js';
import type { SourceDirectory } from './sources.js';
import { storyView, type StoryViewMember } from './story-view.js';

/**
 * Whether a document joining a story comes before any of its members: only then can the
 * members' stored origin, `copied_from` or overlap change, since each is decided among earlier
 * documents. In crawl order (the usual case) the newcomer is the latest and nothing changes.
 */
export function joinsBeforeMembers(
  doc: NewStoryDocument,
  storyId: string,
  candidates: StoryMember[],
): boolean {
  return candidates.some((m) => m.story_id === storyId && m.id !== doc.id && isEarlier(doc, m));
}

function changed(stored: StoryFields, now: StoryViewMember): StoryFieldUpdate | undefined {
  const copies = now.copied_from !== undefined;
  const sameCopy = now.copied_from === stored.copied_from && now.copied_by === stored.copied_by;
  if (now.overlap === stored.origin_overlap && (!copies || sameCopy)) return undefined;
  const { copied_from, copied_by } = now;
  return { id: now.id, ...(copies && { copied_from, copied_by }), origin_overlap: now.overlap };
}

/**
 * The stored members whose story fields differ from the story as it stands now that `addedId`
 * joined it: the story view's rule (story-view.ts), applied to the write path. The newcomer is
 * left out: its own write carries its fields. A `copied_from` is never cleared: a member keeps
 * every earlier document it had, so the view finds one again unless the member lies beyond the
 * members read.
 */
export function storyAmendments(
  members: StoryFields[],
  addedId: string,
  directory: SourceDirectory,
): StoryFieldUpdate[] {
  const view = storyView(members, directory);
  if (view === undefined) return [];
  const stored = new Map(members.map((m) => [m.id, m]));
  return [view.origin, ...view.copies].flatMap((now) => {
    const before = stored.get(now.id);
    const update = before === undefined || now.id === addedId ? undefined : changed(before, now);
    return update === undefined ? [] : [update];
  });
}

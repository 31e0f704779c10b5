import type { StoryFields } from '../core/store-types.js';
import type { StoryMember } from './assign.js';
import { decodeFingerprint } from './codec.js';
import type { SourceDirectory } from './sources.js';

/**
 * A stored document as assignStory sees it; undefined for one stored without a fingerprint or
 * story (before story grouping existed). Its source id is re-derived when it was stored without
 * one, so that mirrors configured later still count as one source.
 */
export function storyMemberOf(
  fields: StoryFields,
  directory: SourceDirectory,
): StoryMember | undefined {
  const fingerprint = fields.fingerprint ? decodeFingerprint(fields.fingerprint) : undefined;
  if (fingerprint === undefined || fields.story_id === undefined) return undefined;
  return {
    id: fields.id,
    story_id: fields.story_id,
    source_id: fields.source.id ?? directory.sourceOf(fields.source.domain),
    published_at: fields.published_at,
    first_seen_at: fields.first_seen_at,
    fingerprint,
  };
}

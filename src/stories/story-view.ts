import type { StoryFields } from '../core/store-types.js';
import { assignStory, type StoryMember } from './assign.js';
import { containment } from './similarity.js';
import type { SourceDirectory } from './sources.js';
import { storyMemberOf } from './stored-member.js';

export interface StoryViewMember {
  id: string;
  url: string;
  title: string;
  source_id: string;
  domain: string;
  published_at?: string;
  first_seen_at: string;
  /** How much of the origin's text this document carries, 0 to 1 (1 for the origin). */
  overlap: number;
  copied_from?: string;
  copied_by?: 'credit' | 'overlap';
}

export interface StoryView {
  story_id: string;
  origin: StoryViewMember;
  /** Every other member, earliest first. */
  copies: StoryViewMember[];
}

function byTime(a: StoryMember, b: StoryMember): number {
  const at = a.published_at ?? a.first_seen_at;
  const bt = b.published_at ?? b.first_seen_at;
  return at !== bt ? (at < bt ? -1 : 1) : a.first_seen_at < b.first_seen_at ? -1 : 1;
}

interface ViewContext {
  directory: SourceDirectory;
  byId: Map<string, StoryMember>;
}

/**
 * The sources a member credits: as stored by the story stage, or, for a document stored before
 * they were (or imported without them), its cited domains plus, when it was stored as copying
 * by credit, the source it credited then (from prose this view does not load).
 */
function creditedSourcesOf(fields: StoryFields, context: ViewContext): string[] {
  if (fields.credited_sources !== undefined) return fields.credited_sources;
  const credited = fields.cites.map((domain) => context.directory.sourceOf(domain));
  const creditedThen = fields.copied_by === 'credit' ? fields.copied_from : undefined;
  const target = creditedThen === undefined ? undefined : context.byId.get(creditedThen);
  if (target) credited.push(target.source_id);
  return [...new Set(credited)];
}

/**
 * What a member copies, decided again now that every member is known: a copy stored before its
 * origin could not name it.
 */
function copiedFrom(
  member: StoryMember,
  earlier: StoryMember[],
  fields: StoryFields,
  context: ViewContext,
) {
  const credited_sources = creditedSourcesOf(fields, context);
  const { copied_from, copied_by } = assignStory({ ...member, credited_sources }, earlier);
  return copied_from === undefined ? {} : { copied_from, copied_by };
}

function viewMember(fields: StoryFields, member: StoryMember, overlap: number): StoryViewMember {
  const { id, url, title, published_at, first_seen_at } = fields;
  const domain = fields.source.domain;
  const base = { id, url, title, source_id: member.source_id, domain, first_seen_at };
  return {
    ...base,
    ...(published_at && { published_at }),
    overlap: Math.round(overlap * 1000) / 1000,
  };
}

/**
 * The story as it stands: the earliest member is the origin, each other member's overlap is
 * measured against it from the stored fingerprints, whatever was known when each was stored.
 */
export function storyView(
  stored: StoryFields[],
  directory: SourceDirectory,
): StoryView | undefined {
  const fieldsById = new Map(stored.map((f) => [f.id, f]));
  const members = stored
    .map((f) => storyMemberOf(f, directory))
    .filter((m): m is StoryMember => m !== undefined)
    .sort(byTime);
  const origin = members[0];
  if (origin === undefined) return undefined;
  // One story id for all: members re-linked from a split story carry another.
  const unified = members.map((m) => ({ ...m, story_id: origin.story_id }));
  const context = { directory, byId: new Map(unified.map((m) => [m.id, m])) };
  const copies = unified.slice(1).map((member, i) => {
    const fields = fieldsById.get(member.id)!;
    const overlap = containment(origin.fingerprint, member.fingerprint);
    const copied = copiedFrom(member, unified.slice(0, i + 1), fields, context);
    return { ...viewMember(fields, member, overlap), ...copied };
  });
  const originView = viewMember(fieldsById.get(origin.id)!, origin, 1);
  return { story_id: origin.story_id, origin: originView, copies };
}

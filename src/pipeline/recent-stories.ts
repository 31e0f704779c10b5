import type { ArticleDocument } from '../core/document.js';
import { STORY_FIELDS, type StoryFieldUpdate, type StoryFields } from '../core/store-types.js';
import type { StoryMember } from '../stories/index.js';

/**
 * The documents this process assigned most recently, by LSH key. A document waits in the bulk
 * writer for up to a second and Elasticsearch shows it to search a second after that, so two
 * copies handled by one process within those seconds would not find each other in the store.
 * 500 covers those two seconds at 250 articles a second, over twice the fastest rate one
 * process reached (bench:embedded). Each entry costs about 12 KB of heap, mostly its 64 keys in
 * the key index (measured: 24 MB for 2,000 entries). The documents themselves are held only
 * weakly.
 */
export const RECENT_CAPACITY = 500;

interface Entry {
  member: StoryMember;
  keys: string[];
  fields: StoryFields;
  /**
   * The very object the story stage handed on: an amendment made before the writer sends it
   * travels with it into the store (the store's update would find nothing yet); after that, the
   * store's update applies and this object is garbage, or soon will be.
   */
  doc: WeakRef<ArticleDocument>;
}

function storyFieldsOf(doc: ArticleDocument): StoryFields {
  return Object.fromEntries(STORY_FIELDS.map((field) => [field, doc[field]])) as StoryFields;
}

export class RecentStories {
  private readonly entries = new Map<string, Entry>();
  private readonly byKey = new Map<string, Set<string>>();

  constructor(private readonly capacity = RECENT_CAPACITY) {}

  /** The remembered members sharing at least one key. */
  candidates(keys: string[]): StoryMember[] {
    const ids = new Set(keys.flatMap((key) => [...(this.byKey.get(key) ?? [])]));
    return [...ids].map((id) => this.entries.get(id)!.member);
  }

  /** The story fields of the remembered members of one story, as last amended. */
  inStory(storyId: string): StoryFields[] {
    const all = [...this.entries.values()];
    return all.filter((e) => e.member.story_id === storyId).map((e) => e.fields);
  }

  remember(member: StoryMember, keys: string[], doc: ArticleDocument): void {
    this.forget(member.id);
    this.entries.set(member.id, {
      member,
      keys,
      fields: storyFieldsOf(doc),
      doc: new WeakRef(doc),
    });
    for (const key of keys) this.byKey.set(key, (this.byKey.get(key) ?? new Set()).add(member.id));
    // A Map iterates in insertion order: the first entry is the oldest.
    if (this.entries.size > this.capacity) this.forget(this.entries.keys().next().value!);
  }

  /** Applies an amendment to a remembered member, and to its document if not yet sent. */
  amend(update: StoryFieldUpdate): void {
    const entry = this.entries.get(update.id);
    if (entry === undefined) return;
    const { id: _id, ...fields } = update;
    Object.assign(entry.fields, fields);
    const doc = entry.doc.deref();
    if (doc !== undefined) Object.assign(doc, fields);
  }

  private forget(id: string): void {
    const entry = this.entries.get(id);
    if (entry === undefined) return;
    this.entries.delete(id);
    for (const key of entry.keys) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
  }
}

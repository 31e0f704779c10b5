import type { StoryMember } from '../stories/index.js';

/**
 * The documents this process assigned most recently, by LSH key. A document waits in the bulk
 * writer for up to a second and Elasticsearch shows it to search a second after that, so two
 * copies handled by one process within those seconds would not find each other in the store.
 * 2,000 covers those seconds at any rate one process reaches (the stories bench measures 0.4 ms
 * per article) at about 1.5 KB each.
 */
export const RECENT_CAPACITY = 2_000;

export class RecentStories {
  private readonly members = new Map<string, { member: StoryMember; keys: string[] }>();
  private readonly byKey = new Map<string, Set<string>>();

  constructor(private readonly capacity = RECENT_CAPACITY) {}

  /** The remembered members sharing at least one key. */
  candidates(keys: string[]): StoryMember[] {
    const ids = new Set(keys.flatMap((key) => [...(this.byKey.get(key) ?? [])]));
    return [...ids].map((id) => this.members.get(id)!.member);
  }

  remember(member: StoryMember, keys: string[]): void {
    this.forget(member.id);
    this.members.set(member.id, { member, keys });
    for (const key of keys) this.byKey.set(key, (this.byKey.get(key) ?? new Set()).add(member.id));
    // A Map iterates in insertion order: the first entry is the oldest.
    if (this.members.size > this.capacity) this.forget(this.members.keys().next().value!);
  }

  private forget(id: string): void {
    const entry = this.members.get(id);
    if (entry === undefined) return;
    this.members.delete(id);
    for (const key of entry.keys) {
      const ids = this.byKey.get(key);
      ids?.delete(id);
      if (ids?.size === 0) this.byKey.delete(key);
    }
  }
}

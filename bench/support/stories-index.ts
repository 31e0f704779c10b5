import {
  assignStory,
  fingerprint,
  lshKeys,
  type StoryAssignment,
  type StoryMember,
} from '../../src/stories/index.js';
import type { BenchArticle } from './stories-corpus.js';

/** Stands in for the store's keyword field of LSH keys: one terms query = one lookup per key. */
export class MemoryLshIndex {
  private readonly postings = new Map<string, StoryMember[]>();

  candidates(keys: string[]): StoryMember[] {
    const found = new Set<StoryMember>();
    for (const key of keys) for (const member of this.postings.get(key) ?? []) found.add(member);
    return [...found];
  }

  add(keys: string[], member: StoryMember): void {
    for (const key of keys) {
      const list = this.postings.get(key);
      if (list === undefined) this.postings.set(key, [member]);
      else list.push(member);
    }
  }
}

/** What the pipeline would add per article: fingerprint, keys, candidate query, decision, index. */
export function groupArticle(index: MemoryLshIndex, article: BenchArticle): StoryAssignment {
  const fp = fingerprint(article.body);
  const keys = lshKeys(fp);
  const doc = { ...article, fingerprint: fp };
  const assignment = assignStory(doc, index.candidates(keys));
  index.add(keys, { ...doc, story_id: assignment.story_id });
  return assignment;
}

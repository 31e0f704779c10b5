import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadSources } from '../../src/config/sources.js';
import {
  assignStory,
  creditedSources,
  fingerprint,
  lshKeys,
  sourceDirectory,
  type StoryAssignment,
  type StoryMember,
} from '../../src/stories/index.js';
import { STORY_FIXTURES } from '../support/story-fixtures.js';

const DIR = new URL('../fixtures/stories/', import.meta.url);

const fixtures = STORY_FIXTURES;
const directory = sourceDirectory(loadSources('config/sources.yaml'));

/** Every fixture in crawl order through an in-memory LSH index, as the pipeline would. */
function assignAll(): Map<string, StoryAssignment> {
  const postings = new Map<string, StoryMember[]>();
  const results = new Map<string, StoryAssignment>();
  for (const article of fixtures) {
    const body = readFileSync(new URL(`${article.id}.txt`, DIR), 'utf8');
    const fp = fingerprint(body);
    const keys = lshKeys(fp);
    const candidates = [...new Set(keys.flatMap((k) => postings.get(k) ?? []))];
    const doc = {
      ...article,
      source_id: directory.sourceOf(article.host),
      fingerprint: fp,
      credited_sources: creditedSources(body, article.cites ?? [], directory),
    };
    const assignment = assignStory(doc, candidates);
    results.set(article.id, assignment);
    for (const key of keys)
      postings.set(key, [...(postings.get(key) ?? []), { ...doc, ...assignment }]);
  }
  return results;
}

const results = assignAll();

for (const article of fixtures) {
  test(`${article.id}: story, origin and copied_from`, () => {
    const got = results.get(article.id) as StoryAssignment;
    const { story, origin, copied_from, copied_by } = article.expect;
    assert.deepEqual(
      {
        story: got.story_id,
        origin: got.origin_id,
        copied_from: got.copied_from,
        copied_by: got.copied_by,
      },
      { story, origin, copied_from, copied_by },
    );
  });
}

test('each copy carries at least half of the original; the origin carries all of itself', () => {
  for (const article of fixtures.filter((a) => a.expect.story === 'original')) {
    const overlap = (results.get(article.id) as StoryAssignment).origin_overlap;
    assert.ok(overlap >= 0.5, `${article.id}: ${overlap}`);
  }
});

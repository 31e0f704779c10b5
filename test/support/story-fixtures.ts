import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ArticleDocument } from '../../src/core/document.js';
import { untagged } from './documents.js';

const DIR = new URL('../fixtures/stories/', import.meta.url);

/** One entry of test/fixtures/stories/articles.yaml, with what grouping must make of it. */
export interface StoryFixture {
  id: string;
  host: string;
  published_at: string;
  first_seen_at: string;
  cites?: string[];
  expect: { story: string; origin: string; copied_from?: string; copied_by?: string };
}

export const STORY_FIXTURES = (
  parse(readFileSync(new URL('articles.yaml', DIR), 'utf8')) as { articles: StoryFixture[] }
).articles;

/** A fixture as the pipeline builds it: its id stays the fixture's name, for readable asserts. */
export function fixtureDocument(fixture: StoryFixture): ArticleDocument {
  const body = readFileSync(new URL(`${fixture.id}.txt`, DIR), 'utf8');
  return {
    id: fixture.id,
    url: `https://${fixture.host}/news/${fixture.id}`,
    title: body.split('\n')[0]!.slice(0, 80),
    body,
    authors: [],
    published_at: fixture.published_at,
    first_seen_at: fixture.first_seen_at,
    fetched_at: fixture.first_seen_at,
    feed_id: 'stories',
    source: { domain: fixture.host },
    ...untagged(),
    cites: fixture.cites ?? [],
    content_hash: fixture.id,
    tagger_version: 'test',
  };
}

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ArticleDocument } from '../../src/core/document.js';
import type { StoryFields } from '../../src/core/store-types.js';
import { RecentStories } from '../../src/pipeline/recent-stories.js';
import {
  encodeFingerprint,
  fingerprint,
  sourceDirectory,
  storyView,
} from '../../src/stories/index.js';

const DIR = new URL('../fixtures/stories/', import.meta.url);
const directory = sourceDirectory([
  { id: 'rt-de', domains: ['de.rt.com', 'rtde.site'], credit_names: ['RT DE'] },
]);

function stored(id: string, host: string, published_at: string, story_id: string): StoryFields {
  const body = readFileSync(new URL(`${id}.txt`, DIR), 'utf8');
  return {
    id,
    url: `https://${host}/${id}`,
    title: id,
    published_at,
    first_seen_at: published_at,
    source: { domain: host },
    cites: [],
    story_id,
    fingerprint: encodeFingerprint(fingerprint(body)),
  };
}

test('a copy stored before its origin gets the origin and copied_from at read time', () => {
  // The copy was fetched first and named the story; the origin joined it later.
  const copy = stored('copy-reheadlined', 'blog-ost.example', '2026-03-03T10:00:00Z', 'x');
  const origin = stored('original', 'de.rt.com', '2026-03-03T08:00:00Z', 'x');
  const view = storyView([copy, origin], directory)!;
  assert.equal(view.origin.id, 'original');
  assert.equal(view.origin.source_id, 'rt-de');
  assert.deepEqual(
    view.copies.map((c) => [c.id, c.copied_from, c.copied_by]),
    [['copy-reheadlined', 'original', 'overlap']],
  );
  assert.ok((view.copies[0]?.overlap ?? 0) > 0.9);
});

test('a copy crediting its origin in prose, stored before it, copies by credit at read time', () => {
  const copy = stored('copy-shortened', 'kurznews.example', '2026-03-03T10:30:00Z', 'x');
  const origin = stored('original', 'de.rt.com', '2026-03-03T08:00:00Z', 'x');
  const copyOf = (fields: StoryFields) => storyView([fields, origin], directory)!.copies[0];
  assert.equal(copyOf({ ...copy, credited_sources: ['rt-de'] })?.copied_by, 'credit');
  // Stored before the credits were: only cites and a credit decided then count.
  assert.equal(copyOf(copy)?.copied_by, 'overlap');
  const creditedThen = { ...copy, copied_from: 'original', copied_by: 'credit' as const };
  assert.equal(copyOf(creditedThen)?.copied_by, 'credit');
});

test('members stored without a fingerprint have no story to show', () => {
  const { fingerprint: _fp, ...bare } = stored('original', 'de.rt.com', '2026-03-03', 'x');
  assert.equal(storyView([bare], directory), undefined);
});

test('recent stories find a member by any shared key and forget the oldest beyond capacity', () => {
  const recent = new RecentStories(2);
  const member = (id: string) => ({
    id,
    story_id: id,
    source_id: 's',
    first_seen_at: '2026-03-03',
    fingerprint: fingerprint(id),
  });
  const doc = (id: string) => ({ id }) as ArticleDocument;
  recent.remember(member('a'), ['k1', 'k2'], doc('a'));
  recent.remember(member('b'), ['k2'], doc('b'));
  assert.deepEqual(
    recent.candidates(['k2']).map((m) => m.id),
    ['a', 'b'],
  );
  recent.remember(member('c'), ['k3'], doc('c'));
  assert.deepEqual(
    recent.candidates(['k1', 'k2', 'k3']).map((m) => m.id),
    ['b', 'c'],
  );
});

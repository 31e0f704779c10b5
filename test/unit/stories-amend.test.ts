import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleDocument } from '../../src/core/document.js';
import type { StoryFieldUpdate, StoryFields } from '../../src/core/store-types.js';
import { RecentStories } from '../../src/pipeline/recent-stories.js';
import {
  encodeFingerprint,
  fingerprint,
  joinsBeforeMembers,
  newStoryDocument,
  sourceDirectory,
  storyAmendments,
  storyMemberOf,
} from '../../src/stories/index.js';
import { fixtureDocument, STORY_FIXTURES } from '../support/story-fixtures.js';

const directory = sourceDirectory([
  { id: 'rt-de', domains: ['de.rt.com', 'rtde.site'], credit_names: ['RT DE'] },
]);

/** A fixture as stored alone in story `x`: its own origin, copying nothing. */
function storedAlone(id: string): StoryFields {
  const doc = fixtureDocument(STORY_FIXTURES.find((f) => f.id === id)!);
  return {
    ...doc,
    story_id: 'x',
    origin_overlap: 1,
    fingerprint: encodeFingerprint(fingerprint(doc.body)),
  };
}

function applied(members: StoryFields[], updates: StoryFieldUpdate[]): StoryFields[] {
  const byId = new Map(updates.map(({ id, ...fields }) => [id, fields]));
  return members.map((m) => ({ ...m, ...byId.get(m.id) }));
}

test('an origin stored after its copies: each copy now copies it, the origin is left alone', () => {
  const copies = ['copy-reheadlined', 'copy-mirror'].map(storedAlone);
  const origin = storedAlone('original');
  const updates = storyAmendments([...copies, origin], 'original', directory);
  assert.deepEqual(updates.map((u) => [u.id, u.copied_from, u.copied_by]).sort(), [
    ['copy-mirror', 'original', 'overlap'],
    ['copy-reheadlined', 'original', 'overlap'],
  ]);
  for (const u of updates) assert.ok(u.origin_overlap > 0.9 && u.origin_overlap <= 1, u.id);
});

test('once applied, the same story has nothing more to amend', () => {
  const members = ['copy-reheadlined', 'copy-mirror', 'original'].map(storedAlone);
  const once = applied(members, storyAmendments(members, 'original', directory));
  assert.deepEqual(storyAmendments(once, 'original', directory), []);
});

test('only a newcomer earlier than a member of its story can change the members', () => {
  const original = newStoryDocument(fixtureDocument(STORY_FIXTURES[0]!), directory);
  const copy = storyMemberOf(storedAlone('copy-reheadlined'), directory)!;
  assert.equal(joinsBeforeMembers(original, 'x', [copy]), true);
  assert.equal(joinsBeforeMembers(original, 'another story', [copy]), false);
  const late = newStoryDocument(fixtureDocument(STORY_FIXTURES[3]!), directory);
  const earlier = storyMemberOf(storedAlone('original'), directory)!;
  assert.equal(joinsBeforeMembers(late, 'x', [earlier]), false);
});

test('recent stories amend a remembered member and the document handed on', () => {
  const recent = new RecentStories();
  const fields = storedAlone('copy-mirror');
  const doc = { ...fields } as ArticleDocument;
  recent.remember(storyMemberOf(fields, directory)!, ['k'], doc);
  recent.amend({
    id: 'copy-mirror',
    copied_from: 'original',
    copied_by: 'overlap',
    origin_overlap: 1,
  });
  assert.deepEqual([doc.copied_from, doc.copied_by], ['original', 'overlap']);
  assert.equal(recent.inStory('x')[0]?.copied_from, 'original');
  assert.deepEqual(recent.inStory('another story'), []);
});

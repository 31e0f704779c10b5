import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FeedConfig, ParsedFeed } from '../../src/core/feed-types.js';
import { canonicalizeUrl, dedupeRules, documentId, urlIdentity } from '../../src/feeds/index.js';

import { tasksFromFeed } from '../../src/pipeline/article-task.js';
import { buildDocument } from '../../src/pipeline/build-document.js';
import {
  initialState,
  recordPollFailure,
  recordPollSuccess,
} from '../../src/pipeline/feed-health.js';
import { HttpStatusError } from '../../src/core/http-errors.js';

const feed: FeedConfig = {
  id: 'rt-de',
  url: 'https://de.rt.com/feeds/news/',
  name: 'RT DE',
  country: 'RU',
  language: 'de',
  intervalMs: 600_000,
  enabled: true,
};
const now = new Date('2026-11-27T10:00:00Z');
const identity = urlIdentity(dedupeRules());

function item(link?: string) {
  return {
    link,
    canonical_url: link && canonicalizeUrl(link),
    authors: [],
    enclosures: [],
    title: 'Titel',
  };
}

test('one task per distinct article; tracking duplicates and linkless items drop out', () => {
  const parsed: ParsedFeed = {
    feed: {},
    items: [
      item('https://de.rt.com/international/1-buendnis/'),
      item('https://de.rt.com/international/1-buendnis/?utm_source=rss&utm_medium=feed#top'),
      item(undefined),
      item('https://de.rt.com/wirtschaft/2-gas/'),
    ],
  };
  const { tasks } = tasksFromFeed(feed, parsed, now, identity);
  assert.equal(tasks.length, 2);
  assert.equal(tasks[0]!.url, 'https://de.rt.com/international/1-buendnis/');
  assert.equal(tasks[0]!.id, documentId(tasks[0]!.url));
  assert.deepEqual(tasks[0]!.source, { name: 'RT DE', country: 'RU', language: 'de' });
  assert.equal(tasks[0]!.firstSeenAt, now.toISOString());
});

test('an item keeps its document id across polls when its link changes under the same GUID', () => {
  const listing = (link: string): ParsedFeed => ({
    feed: {},
    items: [
      { ...item(link), id: 'urn:rt:42' },
      { ...item(link), id: 'urn:rt:42' },
    ],
  });
  const first = tasksFromFeed(feed, listing('https://de.rt.com/a/42-gipfel/'), now, identity);
  assert.equal(first.tasks.length, 1, 'a GUID repeated within a listing is one article');
  const edited = 'https://de.rt.com/a/42-gipfel-abgesagt/';
  const second = tasksFromFeed(feed, listing(edited), now, identity, first.guids);
  assert.equal(second.tasks[0]!.id, first.tasks[0]!.id);
  assert.equal(second.tasks[0]!.url, edited, 'the page is fetched at its new address');
  const forgotten = tasksFromFeed(feed, listing(edited), now, identity);
  assert.notEqual(forgotten.tasks[0]!.id, first.tasks[0]!.id, 'without memory the id moves');
});

test('a document takes page metadata first and the feed item as fallback', () => {
  const {
    tasks: [task],
  } = tasksFromFeed(
    feed,
    {
      feed: {},
      items: [
        {
          ...item('https://www.de.rt.com/a/'),
          published_at: '2026-11-26T08:00:00.000Z',
          authors: ['Feed Autor'],
        },
      ],
    },
    now,
    identity,
  );
  const tags = {
    language: 'de',
    topics: ['nato'],
    countries: ['RU'],
    country_mentions: ['RU'],
    actors: [],
    pairs: [],
    evidence: { topics: {}, countries: {}, actors: {}, pairs: {} },
  };
  const doc = buildDocument({
    task: task!,
    extraction: { authors: [], text: 'Text', cites: ['tass.ru'] },
    tags,
    taggerVersion: 'v1',
    fetchedAt: now,
  });
  assert.equal(doc.title, 'Titel');
  assert.deepEqual(doc.authors, ['Feed Autor']);
  assert.equal(doc.published_at, '2026-11-26T08:00:00.000Z');
  assert.deepEqual(doc.source, { name: 'RT DE', domain: 'de.rt.com', country: 'RU' });
  assert.equal(doc.content_hash.length, 64);
  assert.equal(doc.tagger_version, 'v1');
});

test('feed health: a failure is counted, slows the feed, and a success clears it', () => {
  const start = initialState('rt-de', now);
  const failed = recordPollFailure(start, feed, new HttpStatusError(503, feed.url, 120_000), now);
  assert.equal(failed.consecutiveFailures, 1);
  assert.equal(failed.lastErrorCode, 'HTTP_503');
  assert.equal(failed.lastStatus, 503);
  assert.ok(Date.parse(failed.nextCheckAt) >= now.getTime() + 120_000, 'Retry-After honoured');
  const twice = recordPollFailure(failed, feed, new Error('boom'), now);
  assert.equal(twice.consecutiveFailures, 2);
  const validators = { etag: '"e1"', lastModified: 'Thu, 26 Nov 2026 05:00:00 GMT', bodyHash: 'h' };
  const ok = recordPollSuccess(
    twice,
    feed,
    { kind: 'parsed', status: 200, validators, cache: {}, feed: { feed: {}, items: [] } },
    { items: 3, fresh: 1 },
    now,
  );
  assert.equal(ok.consecutiveFailures, 0);
  assert.equal(ok.lastError, undefined);
  assert.equal(ok.etag, '"e1"');
  assert.deepEqual([ok.itemsLastPoll, ok.newItemsLastPoll, ok.lastOutcome], [3, 1, 'ok']);
  assert.equal(Date.parse(ok.nextCheckAt), now.getTime() + feed.intervalMs);
});

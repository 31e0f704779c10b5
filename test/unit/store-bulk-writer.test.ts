import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleDocument } from '../../src/core/document.js';
import { DocumentRejectedError, StoreUnavailableError } from '../../src/core/stage-errors.js';
import type { PutOutcome } from '../../src/core/store-types.js';
import { BulkWriter, type BulkWriterOptions } from '../../src/store/bulk-writer.js';
import { untagged } from '../support/documents.js';

function doc(id: string, body = 'text'): ArticleDocument {
  return {
    id,
    url: `https://example.org/${id}`,
    title: id,
    body,
    authors: [],
    first_seen_at: '2025-01-01T00:00:00Z',
    fetched_at: '2025-01-01T00:00:00Z',
    feed_id: 'f',
    source: { domain: 'example.org' },
    ...untagged(),
    cites: [],
    content_hash: 'h',
    tagger_version: '1',
  };
}

/** A putMany that records each batch and answers with `answer` (all stored by default). */
function recordingStore(answer: (docs: ArticleDocument[]) => PutOutcome[] | Promise<never> = ok) {
  const batches: string[][] = [];
  const putMany = async (docs: ArticleDocument[]) => {
    batches.push(docs.map((d) => d.id));
    return answer(docs);
  };
  return { batches, putMany };
}

function ok(docs: ArticleDocument[]): PutOutcome[] {
  return docs.map((d) => ({ id: d.id, ok: true }));
}

// Timers long enough that only the trigger under test can cause a flush.
const NEVER_BY_TIME = 60_000;
const LARGE = 1024 * 1024;

function options(overrides: Partial<BulkWriterOptions>): BulkWriterOptions {
  return { maxDocs: 1000, maxBytes: LARGE, flushIntervalMs: NEVER_BY_TIME, ...overrides };
}

describe('BulkWriter', () => {
  test('sends a batch when maxDocs documents wait', async () => {
    const store = recordingStore();
    const writer = new BulkWriter(store.putMany, options({ maxDocs: 2 }));
    const [a, b, c] = ['a', 'b', 'c'].map((id) => writer.write(doc(id)));
    await Promise.all([a, b]);
    assert.deepEqual(store.batches, [['a', 'b']]);
    await writer.close();
    await c;
    assert.deepEqual(store.batches, [['a', 'b'], ['c']]);
  });

  test('never lets a batch grow past maxBytes', async () => {
    const store = recordingStore();
    const big = 'x'.repeat(600);
    const writer = new BulkWriter(store.putMany, options({ maxBytes: 1500 }));
    const writes = ['a', 'b', 'c'].map((id) => writer.write(doc(id, big)));
    await writer.close();
    await Promise.all(writes);
    assert.deepEqual(store.batches, [['a'], ['b'], ['c']]);
  });

  test('sends what waits after flushIntervalMs', async () => {
    const store = recordingStore();
    const writer = new BulkWriter(store.putMany, options({ flushIntervalMs: 20 }));
    const started = Date.now();
    await writer.write(doc('a'));
    assert.ok(Date.now() - started >= 15, 'flushed before the interval');
    assert.deepEqual(store.batches, [['a']]);
    await writer.close();
  });

  test('rejects only the document whose outcome failed', async () => {
    const rejected = new DocumentRejectedError('mapping');
    const store = recordingStore((docs) =>
      docs.map((d) =>
        d.id === 'bad' ? { id: d.id, ok: false, error: rejected } : { id: d.id, ok: true },
      ),
    );
    const writer = new BulkWriter(store.putMany, options({}));
    const good = writer.write(doc('good'));
    const bad = writer.write(doc('bad'));
    await writer.flush();
    await good;
    await assert.rejects(bad, (err) => err === rejected);
  });

  test('rejects every document of a request that failed as a whole', async () => {
    const down = new StoreUnavailableError('connection refused');
    const store = recordingStore(() => Promise.reject(down));
    const writer = new BulkWriter(store.putMany, options({}));
    const writes = [writer.write(doc('a')), writer.write(doc('b'))];
    await writer.flush();
    for (const write of writes) await assert.rejects(write, (err) => err === down);
  });

  test('wraps an unexpected failure in StoreUnavailableError', async () => {
    const store = recordingStore(() => Promise.reject(new TypeError('boom')));
    const writer = new BulkWriter(store.putMany, options({}));
    const write = writer.write(doc('a'));
    await writer.flush();
    await assert.rejects(
      write,
      (err) => err instanceof StoreUnavailableError && /boom/.test(err.message),
    );
  });

  test('close flushes what waits and refuses new writes', async () => {
    const store = recordingStore();
    const writer = new BulkWriter(store.putMany, options({}));
    const pending = writer.write(doc('a'));
    await writer.close();
    await pending;
    assert.deepEqual(store.batches, [['a']]);
    await assert.rejects(writer.write(doc('b')), StoreUnavailableError);
    assert.deepEqual(store.batches, [['a']]);
  });

  test('sends batches one at a time, in order', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const order: string[] = [];
    const putMany = async (docs: ArticleDocument[]) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      order.push(...docs.map((d) => d.id));
      inFlight--;
      return ok(docs);
    };
    const writer = new BulkWriter(putMany, options({ maxDocs: 1 }));
    await Promise.all(['a', 'b', 'c'].map((id) => writer.write(doc(id))));
    assert.equal(maxInFlight, 1);
    assert.deepEqual(order, ['a', 'b', 'c']);
  });

  test('inSequence runs after the batch being sent, before a batch sent later', async () => {
    const store = recordingStore();
    const writer = new BulkWriter(store.putMany, options({}));
    const first = writer.write(doc('a'));
    void writer.flush();
    const later = writer.write(doc('b'));
    const seen = await writer.inSequence(async () => store.batches.map((batch) => batch.join()));
    assert.deepEqual(seen, ['a']);
    await writer.flush();
    await Promise.all([first, later]);
    assert.deepEqual(store.batches, [['a'], ['b']]);
  });

  test("a failed inSequence call is its caller's: later batches still go", async () => {
    const store = recordingStore();
    const writer = new BulkWriter(store.putMany, options({}));
    const down = new StoreUnavailableError('update refused');
    await assert.rejects(
      writer.inSequence(() => Promise.reject(down)),
      (err) => err === down,
    );
    const write = writer.write(doc('a'));
    await writer.flush();
    await write;
    assert.deepEqual(store.batches, [['a']]);
  });
});

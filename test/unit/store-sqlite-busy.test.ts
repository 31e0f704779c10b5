import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ArticleDocument } from '../../src/core/document.js';
import { silentLogger } from '../../src/core/logger.js';
import { StoreUnavailableError } from '../../src/core/stage-errors.js';
import { DATABASE_FILE_NAME, openSqliteStore } from '../../src/store/sqlite/index.js';

/*
 * This test waits out the store's busy timeout (5 s) against a lock held by a second
 * connection; it sits in its own file so the test runner overlaps it with the others.
 */

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'presswatch-busy-'));
}

const isUnavailableFor = (file: string) => (err: unknown) =>
  err instanceof StoreUnavailableError &&
  err.message.includes(file) &&
  err.disposition === 'retryable';

describe('sqlite store: busy database', () => {
  test('putMany while another writer holds the lock throws StoreUnavailableError', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const store = openSqliteStore({ dataDir, logger: silentLogger() });
    const holder = new Database(file);
    try {
      holder.exec('BEGIN IMMEDIATE');
      const doc = { id: 'x' } as ArticleDocument;
      await assert.rejects(store.articles.putMany([doc]), isUnavailableFor(file));
      holder.exec('ROLLBACK');
      assert.equal((await store.articles.search({ limit: 1 })).total, 0);
    } finally {
      holder.close();
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

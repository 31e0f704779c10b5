import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger } from '../../src/core/logger.js';
import { StoreUnavailableError } from '../../src/core/stage-errors.js';
import { DATABASE_FILE_NAME, openSqliteStore } from '../../src/store/sqlite/index.js';

/*
 * This test waits out the store's busy timeout (5 s) against a lock held by a second
 * connection; it sits in its own file so the test runner overlaps it with the others.
 */

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'presswatch-lock-'));
}

const isUnavailableFor = (file: string) => (err: unknown) =>
  err instanceof StoreUnavailableError &&
  err.message.includes(file) &&
  err.disposition === 'retryable';

describe('sqlite store: locked database', () => {
  test('opening a new file another connection holds exclusively fails clearly', () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, DATABASE_FILE_NAME);
    const holder = new Database(file);
    try {
      holder.exec('BEGIN EXCLUSIVE');
      assert.throws(
        () => openSqliteStore({ dataDir, logger: silentLogger() }),
        isUnavailableFor(file),
      );
    } finally {
      holder.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

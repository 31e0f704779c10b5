import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger } from '../../src/core/logger.js';
import { TIMELINES } from '../../src/store/sqlite/freshness.js';
import { DATABASE_FILE_NAME, openSqliteStore } from '../../src/store/sqlite/index.js';

test('the freshness read is one search of the covering first-seen index, no row read', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pw-freshness-plan-'));
  await openSqliteStore({ dataDir, logger: silentLogger() }).close();
  const db = new Database(path.join(dataDir, DATABASE_FILE_NAME), { readonly: true });
  try {
    const plan = db.prepare(`EXPLAIN QUERY PLAN ${TIMELINES}`).all(0, 1) as { detail: string }[];
    assert.deepEqual(
      plan.map((step) => step.detail),
      ['SEARCH articles USING COVERING INDEX articles_by_first_seen (<expr>>? AND <expr><?)'],
    );
  } finally {
    db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

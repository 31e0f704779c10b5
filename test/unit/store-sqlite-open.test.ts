import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { silentLogger } from '../../src/core/logger.js';
import { StoreUnavailableError } from '../../src/core/stage-errors.js';
import {
  DATABASE_FILE_NAME,
  DatabaseFileError,
  openSqliteStore,
} from '../../src/store/sqlite/index.js';
import { translateDatabaseError } from '../../src/store/sqlite/errors.js';
import {
  LATEST_VERSION,
  MIGRATIONS,
  applyMigrations,
  schemaVersion,
} from '../../src/store/sqlite/migrations.js';

function withDataDir(run: (dataDir: string, file: string) => void | Promise<void>) {
  return async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'presswatch-open-'));
    try {
      await run(dataDir, path.join(dataDir, DATABASE_FILE_NAME));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

const open = (dataDir: string) => openSqliteStore({ dataDir, logger: silentLogger() });

describe('sqlite store: opening and migrations', () => {
  test(
    'creates the data directory and the file, in WAL mode, at the latest version',
    withDataDir(async (dataDir, file) => {
      const nested = path.join(dataDir, 'a', 'b');
      await open(nested).close();
      const db = new Database(path.join(nested, DATABASE_FILE_NAME));
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(schemaVersion(db), LATEST_VERSION);
      db.close();
      assert.ok(file.endsWith(DATABASE_FILE_NAME));
    }),
  );

  test(
    'reopening applies nothing again and keeps the data',
    withDataDir(async (dataDir, file) => {
      const first = open(dataDir);
      await first.feeds.reconcile(['f'], new Date());
      await first.close();
      await open(dataDir).close();
      const db = new Database(file);
      assert.deepEqual(applyMigrations(db), []);
      const versions = db.prepare('SELECT version FROM schema_version').pluck().all();
      assert.deepEqual(
        versions,
        MIGRATIONS.map((m) => m.version),
      );
      assert.equal(db.prepare('SELECT count(*) FROM feed_state').pluck().get(), 1);
      db.close();
    }),
  );

  test(
    'a new migration in the list is applied once, in order, after the existing ones',
    withDataDir(async (dataDir, file) => {
      await open(dataDir).close();
      const db = new Database(file);
      const next = { version: LATEST_VERSION + 1, name: 'probe', sql: 'CREATE TABLE probe (x)' };
      assert.deepEqual(applyMigrations(db, [...MIGRATIONS, next]), [next]);
      assert.deepEqual(applyMigrations(db, [...MIGRATIONS, next]), []);
      assert.equal(schemaVersion(db), LATEST_VERSION + 1);
      db.close();
    }),
  );

  test(
    'a failing migration leaves the file at its previous version',
    withDataDir(async (dataDir, file) => {
      await open(dataDir).close();
      const db = new Database(file);
      const good = { version: LATEST_VERSION + 1, name: 'good', sql: 'CREATE TABLE good (x)' };
      const bad = { version: LATEST_VERSION + 2, name: 'bad', sql: 'CREATE TABLE (' };
      assert.throws(() => applyMigrations(db, [...MIGRATIONS, good, bad]));
      assert.equal(schemaVersion(db), LATEST_VERSION);
      const goodTable = db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'good'").get();
      assert.equal(goodTable, undefined);
      db.close();
    }),
  );
});

describe('sqlite store: unusable files', () => {
  test(
    'a file that is not a database gives DatabaseFileError naming the file',
    withDataDir((dataDir, file) => {
      writeFileSync(file, 'this is a text file, not SQLite\n'.repeat(64));
      assert.throws(
        () => open(dataDir),
        (err: unknown) =>
          err instanceof DatabaseFileError &&
          err.code === 'DATABASE_FILE' &&
          err.disposition === 'permanent' &&
          err.message.includes(file) &&
          err.message.includes('not a database'),
      );
    }),
  );

  test(
    'a file written by a newer presswatch is refused, not downgraded',
    withDataDir(async (dataDir, file) => {
      await open(dataDir).close();
      const db = new Database(file);
      db.prepare('INSERT INTO schema_version VALUES (?, ?, ?)').run(LATEST_VERSION + 5, 'x', 'now');
      db.close();
      assert.throws(
        () => open(dataDir),
        (err: unknown) => err instanceof DatabaseFileError && /newer/.test(err.message),
      );
    }),
  );

  test(
    'a data directory that is a file gives DatabaseFileError naming the path',
    withDataDir((dataDir) => {
      const notADir = path.join(dataDir, 'plain-file');
      writeFileSync(notADir, '');
      assert.throws(
        () => open(path.join(notADir, 'data')),
        (err: unknown) => err instanceof DatabaseFileError && err.message.includes(notADir),
      );
    }),
  );

  test('busy and locked SQLite codes become StoreUnavailableError naming the file', () => {
    for (const code of ['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']) {
      const mapped = translateDatabaseError(
        new Database.SqliteError('database is locked', code),
        '/d/x',
      );
      assert.ok(mapped instanceof StoreUnavailableError, code);
      assert.match(mapped.message, /^\/d\/x: database is locked/);
    }
    const other = new Error('not sqlite');
    assert.equal(translateDatabaseError(other, '/d/x'), other);
  });
});

import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from '../../core/logger.js';
import { errorMessage } from '../../core/disposition.js';
import { DatabaseFileError, guarded, translateDatabaseError } from './errors.js';
import { LATEST_VERSION, applyMigrations, schemaVersion } from './migrations.js';

export const DATABASE_FILE_NAME = 'presswatch.sqlite';

/**
 * How long a statement waits for another connection's lock before failing with SQLITE_BUSY.
 * In WAL mode readers never wait; only a second writer does (a `presswatch run` beside a
 * one-off `presswatch run --once`), and a writer holds the lock for one batch of at most a few
 * hundred documents, well under a second. 5 s rides that out and a checkpoint besides, yet
 * fails soon enough for a job to be retried rather than stall a worker.
 */
const BUSY_TIMEOUT_MS = 5_000;
/**
 * Page cache per connection, in KiB (SQLite reads a negative cache_size as KiB). With the
 * default 2 MiB a filtered search at 100,000 articles re-reads the same pages; 64 MiB holds the
 * indexes, and with the memory map below it cut a topic+pair search to about a third.
 */
const CACHE_KIB = 65_536;
/**
 * Read the file through a memory map of up to 256 MiB (address space, not memory): pages come
 * from the OS cache without a read call and a copy each.
 */
const MMAP_BYTES = 268_435_456;

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
}

function ensureDirectory(dataDir: string, file: string): void {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new DatabaseFileError(`${file}: cannot create data directory: ${errorMessage(err)}`, {
      cause: err,
      context: { file },
    });
  }
}

function configure(db: Database.Database, logger: Logger, file: string): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // Some file systems (network mounts) cannot do WAL; SQLite keeps working in rollback mode.
  if (mode !== 'wal') logger.warn({ file, mode }, 'sqlite store: WAL unavailable');
  db.pragma('foreign_keys = ON');
  // NORMAL is safe from corruption in WAL mode; a power loss may drop the last commits, and
  // their items are fetched again at the next poll because they are not stored.
  db.pragma('synchronous = NORMAL');
  db.pragma(`cache_size = -${CACHE_KIB}`);
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
}

function migrate(db: Database.Database, logger: Logger, file: string): void {
  const version = schemaVersion(db);
  if (version > LATEST_VERSION) {
    const message = `${file}: schema version ${version} is newer than this presswatch knows (${LATEST_VERSION}); upgrade presswatch`;
    throw new DatabaseFileError(message, { context: { file } });
  }
  for (const migration of applyMigrations(db)) {
    logger.info({ file, version: migration.version, name: migration.name }, 'sqlite migration');
  }
}

/**
 * Rows the statistics sample per index: bounds the ANALYZE that `optimize` may run to a few
 * milliseconds even at 100,000 articles (SQLite's own advice for `PRAGMA optimize`).
 */
const ANALYSIS_LIMIT = 400;

/**
 * Closes the file, first refreshing the planner's statistics where they are missing or stale:
 * without them SQLite picks worse plans for tag-plus-text searches (p50 about twice as slow at
 * 100,000 articles). A busy file is left as it is rather than held up for the busy timeout;
 * the next close tries again.
 */
export function closeDatabase(db: Database.Database): void {
  if (!db.open) return;
  try {
    db.pragma('busy_timeout = 0');
    db.pragma(`analysis_limit = ${ANALYSIS_LIMIT}`);
    db.pragma('optimize');
  } catch (err) {
    // Busy, read-only or worse: the file's own queries report that; statistics never should.
    if (!(err instanceof Database.SqliteError)) throw err;
  } finally {
    db.close();
  }
}

/** Opens `<dataDir>/presswatch.sqlite`, creating and migrating it as needed. */
export function openDatabase(dataDir: string, logger: Logger): OpenedDatabase {
  const file = path.join(dataDir, DATABASE_FILE_NAME);
  ensureDirectory(dataDir, file);
  const db = guarded(file, () => new Database(file));
  try {
    configure(db, logger, file);
    migrate(db, logger, file);
  } catch (err) {
    db.close();
    throw translateDatabaseError(err, file);
  }
  return { db, file };
}

import BetterSqlite3 from 'better-sqlite3';
import { PresswatchError } from '../../core/errors.js';
import { DocumentRejectedError, StoreUnavailableError } from '../../core/stage-errors.js';

/**
 * The database file cannot be used at all: not a database, corrupt, unreadable, or written by
 * a newer presswatch. Retrying cannot help; the operator must move or repair the file.
 */
export class DatabaseFileError extends PresswatchError {
  readonly code = 'DATABASE_FILE';
  readonly disposition = 'permanent';
}

const FILE_FAULTS = ['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_PERM'];
/** Another connection holds the lock, or the disk is full or failing: the write may work later. */
const TRANSIENT_FAULTS = ['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_FULL', 'SQLITE_IOERR'];

function hasCode(code: string, families: string[]): boolean {
  return families.some((family) => code === family || code.startsWith(`${family}_`));
}

/** Maps a failure of the database as a whole to our errors, naming the file; others pass through. */
export function translateDatabaseError(err: unknown, file: string): unknown {
  if (!(err instanceof BetterSqlite3.SqliteError)) return err;
  const options = { cause: err, context: { file, sqliteCode: err.code } };
  if (hasCode(err.code, FILE_FAULTS)) {
    return new DatabaseFileError(
      `${file}: ${err.message}; move it aside or restore a backup`,
      options,
    );
  }
  if (hasCode(err.code, TRANSIENT_FAULTS)) {
    const hint = 'another presswatch process may be writing to it';
    return new StoreUnavailableError(`${file}: ${err.message} (${hint})`, options);
  }
  return err;
}

/** A constraint (NOT NULL, CHECK, too big) refused this one document; the batch goes on. */
export function isDocumentFault(
  err: unknown,
): err is InstanceType<typeof BetterSqlite3.SqliteError> {
  return (
    err instanceof BetterSqlite3.SqliteError &&
    hasCode(err.code, ['SQLITE_CONSTRAINT', 'SQLITE_TOOBIG', 'SQLITE_MISMATCH'])
  );
}

export function rejectDocument(id: string, reason: string, cause?: unknown): DocumentRejectedError {
  return new DocumentRejectedError(`document ${id} rejected: ${reason}`, {
    cause,
    context: { documentId: id },
  });
}

/** Runs one database call, turning whole-database failures into StoreUnavailable/DatabaseFile. */
export function guarded<T>(file: string, call: () => T): T {
  try {
    return call();
  } catch (err) {
    throw translateDatabaseError(err, file);
  }
}

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME } from '../../src/store/sqlite/index.js';
import { runCli } from '../support/cli.js';

/** The CLI on an embedded store whose file cannot be used: a clear message and exit code 1. */
function withDataDir(run: (dataDir: string, file: string) => Promise<void>): () => Promise<void> {
  return async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'pw-db-errors-'));
    try {
      await run(dataDir, path.join(dataDir, DATABASE_FILE_NAME));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

describe('the embedded database file unusable, through the CLI', () => {
  test(
    'a file that is not a database names the file and says what to do',
    withDataDir(async (dataDir, file) => {
      writeFileSync(file, 'these bytes were never a SQLite database '.repeat(200));
      const result = await runCli(['search', 'nato'], {
        PRESSWATCH_DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
      });
      assert.equal(result.code, 1);
      assert.match(
        result.stderr,
        new RegExp(`presswatch: ${file}: .*not a database.*move it aside or restore a backup`),
      );
    }),
  );

  test(
    'a file another process holds locked says so, with --json as one error object',
    withDataDir(async (dataDir, file) => {
      const holder = new Database(file);
      try {
        holder.exec('BEGIN EXCLUSIVE');
        const result = await runCli(['run', '--once', '--json'], {
          PRESSWATCH_DATA_DIR: dataDir,
          LOG_LEVEL: 'silent',
        });
        assert.equal(result.code, 1);
        const error = JSON.parse(result.stderr) as { code: string; error: string };
        assert.equal(error.code, 'STORE_UNAVAILABLE');
        assert.match(
          error.error,
          /database is locked \(another presswatch process may be writing to it\)/,
        );
      } finally {
        holder.close();
      }
    }),
  );
});

import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/**
 * STRICT tables refuse a value that cannot be stored as the column's type (text in an INTEGER
 * column, bytes in a TEXT column) rather than keep it, as an Elasticsearch mapping would.
 *
 * Columns filtered and sorted on come first and the body last: SQLite reads a row's columns
 * in order, through the body's overflow pages to reach any column stored after it.
 *
 * Topic, country, pair and actor filters go through `article_tags`, one row per (kind, value,
 * article), keyed in that order: `--topic X --pair CN-RU` is two primary-key range scans
 * intersected, whereas JSON1 (`json_each(topics)`) would parse the arrays of every one of
 * 100,000 rows per query. The arrays are also kept as JSON on the article to return them.
 *
 * Full text: an external-content FTS5 table over title and body, kept in step by triggers, so
 * the text is stored once. `unicode61 remove_diacritics 2` folds case (also Cyrillic: СОЮЗ =
 * союз) and removes diacritics from Latin letters (Bündnis = bundnis); it does not stem
 * (Bündnisses ≠ Bündnis) nor fold ß to ss, so fts-query.ts makes user words prefix queries.
 */
const ARTICLES = `
CREATE TABLE articles (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE CHECK (id <> ''),
  feed_id TEXT NOT NULL CHECK (feed_id <> ''), language TEXT,
  published_ms INTEGER, published_at TEXT, updated_at TEXT,
  first_seen_at TEXT NOT NULL, fetched_at TEXT NOT NULL, indexed_at TEXT NOT NULL,
  url TEXT NOT NULL, source_name TEXT, source_domain TEXT NOT NULL, source_country TEXT,
  content_hash TEXT NOT NULL, tagger_version TEXT NOT NULL,
  title TEXT NOT NULL, summary TEXT, authors TEXT NOT NULL,
  topics TEXT NOT NULL, countries TEXT NOT NULL, country_mentions TEXT NOT NULL,
  actors TEXT NOT NULL, pairs TEXT NOT NULL, cites TEXT NOT NULL,
  topic_evidence TEXT NOT NULL, body TEXT NOT NULL
) STRICT;
CREATE INDEX articles_by_published ON articles (published_ms);
CREATE INDEX articles_by_feed ON articles (feed_id, published_ms);
CREATE INDEX articles_by_language ON articles (language, published_ms);

CREATE TABLE article_tags (
  kind TEXT NOT NULL CHECK (kind IN ('topic', 'country', 'pair', 'actor')),
  value TEXT NOT NULL,
  article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  PRIMARY KEY (kind, value, article_seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_tags_by_article ON article_tags (article_seq);

CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, body, content = 'articles', content_rowid = 'seq',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body)
  VALUES ('delete', old.seq, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles
WHEN old.title IS NOT new.title OR old.body IS NOT new.body BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, body)
  VALUES ('delete', old.seq, old.title, old.body);
  INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;
`;

/**
 * Counters live apart from feed_state so that `put(state)` from a poll, written from a state
 * read earlier, can never overwrite increments made by article jobs in between.
 */
const FEED_STATE = `
CREATE TABLE feed_state (
  feed_id TEXT PRIMARY KEY,
  etag TEXT, last_modified TEXT, body_hash TEXT,
  last_attempt_at TEXT, last_success_at TEXT, last_status INTEGER,
  last_outcome TEXT CHECK (last_outcome IN ('ok', 'not-modified', 'unchanged', 'failed')),
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  last_error_code TEXT, last_error TEXT, items_last_poll INTEGER, new_items_last_poll INTEGER,
  next_check_at TEXT NOT NULL, next_check_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX feed_state_by_next_check ON feed_state (next_check_ms);

CREATE TABLE feed_counters (
  feed_id TEXT PRIMARY KEY,
  articles_indexed INTEGER NOT NULL DEFAULT 0,
  articles_failed INTEGER NOT NULL DEFAULT 0
) STRICT;
`;

/** The adaptive schedule's interval and the feed's bounded history (JSON arrays). */
const FEED_HISTORY = `
ALTER TABLE feed_state ADD COLUMN interval_ms INTEGER;
ALTER TABLE feed_state ADD COLUMN published_history TEXT;
ALTER TABLE feed_state ADD COLUMN new_item_log TEXT;
ALTER TABLE feed_state ADD COLUMN not_modified_streak INTEGER;
`;

/**
 * The inline runner's durable queue: an article found by a poll stays here until it is stored
 * or has failed for good, so a crash (after the poll recorded the feed's ETag, which makes the
 * next poll a 304) loses nothing: the next run takes these first.
 */
const PENDING_ARTICLES = `
CREATE TABLE pending_articles (
  id TEXT PRIMARY KEY, feed_id TEXT NOT NULL, task TEXT NOT NULL, added_at TEXT NOT NULL
) STRICT;
`;

/**
 * The columns filters, sort and histograms read, keyed by seq: a tag or text filter yields seqs,
 * and looking each up here instead of in the articles table (whose rows run over into the body's
 * pages) cut query plus topic plus monthly histogram at 100,000 articles to about half.
 */
const FILTER_COLUMNS = `
CREATE INDEX articles_filter_columns ON articles (seq, published_ms, feed_id, language);
`;

/**
 * Story grouping (issue 8). The new columns land after the body, so filters on them go through
 * their own indexes (`seq IN (SELECT seq ... WHERE copied_from ...)`), never through the row.
 * LSH keys get a table like article_tags, keyed (key, article), so a new article's 64 keys find
 * its candidates with one indexed look-up each; the keys are not kept on the article, they are
 * recomputed from the stored fingerprint when read.
 */
const STORIES = `
ALTER TABLE articles ADD COLUMN source_id TEXT;
ALTER TABLE articles ADD COLUMN story_id TEXT;
ALTER TABLE articles ADD COLUMN copied_from TEXT;
ALTER TABLE articles ADD COLUMN copied_by TEXT CHECK (copied_by IN ('credit', 'overlap'));
ALTER TABLE articles ADD COLUMN origin_overlap REAL;
ALTER TABLE articles ADD COLUMN fingerprint TEXT;
CREATE INDEX articles_by_story ON articles (story_id);
CREATE INDEX articles_by_copied_from ON articles (copied_from);

CREATE TABLE article_lsh (
  key TEXT NOT NULL,
  article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
  PRIMARY KEY (key, article_seq)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_lsh_by_article ON article_lsh (article_seq);
`;

/**
 * `feeds status` reads the timelines of the documents first seen in a window (freshness.ts):
 * keyed on the sighting as epoch seconds, so a zone other than Z compares right, and covering
 * the columns it reads, so the query never touches a row.
 */
const FIRST_SEEN = `
CREATE INDEX articles_by_first_seen
ON articles (unixepoch(first_seen_at, 'subsec'), feed_id, published_ms, indexed_at);
`;

/** The GUIDs of a feed's last listing, so an item keeps its id when its link changes. */
const LISTED_GUIDS = 'ALTER TABLE feed_state ADD COLUMN listed_guids TEXT;';

/**
 * The source ids a document credits (a JSON array, NULL on documents stored before it): read
 * back when a late origin re-decides its story's copies, never filtered on, so no index.
 */
const CREDITED_SOURCES = 'ALTER TABLE articles ADD COLUMN credited_sources TEXT;';

/** Append only: a released migration is never edited, a change is a new entry. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'articles, tags, full text', sql: ARTICLES },
  { version: 2, name: 'feed state and counters', sql: FEED_STATE },
  { version: 3, name: 'feed schedule history', sql: FEED_HISTORY },
  {
    version: 4,
    name: 'pending articles of the inline runner, covering index for filters',
    sql: PENDING_ARTICLES + FILTER_COLUMNS,
  },
  { version: 5, name: 'story grouping: story columns, LSH keys', sql: STORIES },
  { version: 6, name: 'first-seen index for freshness', sql: FIRST_SEEN },
  { version: 7, name: 'GUID memory of the last listing', sql: LISTED_GUIDS },
  { version: 8, name: 'sources a document credits', sql: CREDITED_SOURCES },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;

const VERSION_TABLE = `CREATE TABLE IF NOT EXISTS schema_version (
  version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`;

/** The version this file is at, 0 for a new file. Reads only, so it needs no write lock. */
export function schemaVersion(db: Database): number {
  const table = db
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (table === undefined) return 0;
  const row = db.prepare('SELECT max(version) AS version FROM schema_version').get() as {
    version: number | null;
  };
  return row.version ?? 0;
}

/**
 * Applies the pending migrations in one transaction and returns them. An up-to-date file takes
 * no write lock, so opening it works while another process writes.
 */
export function applyMigrations(db: Database, migrations = MIGRATIONS): Migration[] {
  const newest = migrations.at(-1)?.version ?? 0;
  if (schemaVersion(db) >= newest) return [];
  const apply = db.transaction(() => {
    db.exec(VERSION_TABLE);
    const current = schemaVersion(db);
    const pending = migrations.filter((m) => m.version > current);
    const record = db.prepare('INSERT INTO schema_version VALUES (?, ?, ?)');
    for (const migration of pending) {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }
    return pending;
  });
  return apply.immediate();
}

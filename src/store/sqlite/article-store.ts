import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { ArticleDocument } from '../../core/document.js';
import type {
  ArticleStore,
  HistogramBucket,
  HistogramInterval,
  HistogramOptions,
  PutOutcome,
  ScanOptions,
  SearchQuery,
  SearchResult,
  StoryFieldUpdate,
  StoryFields,
} from '../../core/store-types.js';
import { ARTICLE_COLUMNS, fromRow, tagsOf, toRow, type ArticleRow } from './article-rows.js';
import { histogramOf, scanDocuments, searchPage } from './article-reads.js';
import { isoToMs } from '../dates.js';
import { guarded, isDocumentFault, rejectDocument } from './errors.js';
import { freshnessOf } from './freshness.js';
import type { FeedFreshness } from '../../core/store-types.js';
import { lshKeysOf } from './story-rows.js';
import { storyCandidatesOf, storyMembersOf } from './story-reads.js';
import { updateStoryFieldsOf } from './story-updates.js';

const UPSERT = `INSERT INTO articles (${ARTICLE_COLUMNS.join(', ')})
  VALUES (${ARTICLE_COLUMNS.map((c) => `@${c}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${ARTICLE_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', ')}
  RETURNING seq`;

function publishedMs(doc: ArticleDocument): number | null {
  return doc.published_at === undefined ? null : isoToMs(doc.published_at);
}

/** ArticleStore on SQLite, with the semantics of the Elasticsearch store (see DESIGN.md). */
export class SqliteArticleStore implements ArticleStore {
  private readonly upsert: Statement;
  private readonly clearTags: Statement;
  private readonly addTag: Statement;
  private readonly clearKeys: Statement;
  private readonly addKey: Statement;
  private readonly writeOne: (doc: ArticleDocument, indexedAt: string) => void;
  private readonly writeBatch: Transaction<(docs: ArticleDocument[]) => PutOutcome[]>;

  constructor(
    private readonly db: Database,
    private readonly file: string,
    private readonly release: () => void,
  ) {
    this.upsert = db.prepare(UPSERT);
    this.clearTags = db.prepare('DELETE FROM article_tags WHERE article_seq = ?');
    this.addTag = db.prepare(
      'INSERT INTO article_tags (kind, value, article_seq) VALUES (?, ?, ?)',
    );
    this.clearKeys = db.prepare('DELETE FROM article_lsh WHERE article_seq = ?');
    this.addKey = db.prepare('INSERT OR IGNORE INTO article_lsh (key, article_seq) VALUES (?, ?)');
    // A nested better-sqlite3 transaction is a savepoint: one refused document rolls back alone.
    this.writeOne = db.transaction((doc, indexedAt) => this.write(doc, indexedAt));
    this.writeBatch = db.transaction((docs: ArticleDocument[]) => {
      const indexedAt = new Date().toISOString();
      return docs.map((doc) => this.putOne(doc, indexedAt));
    });
  }

  /** The tables are created by the migrations when the store opens. */
  async setup(): Promise<void> {}

  private write(doc: ArticleDocument, indexedAt: string): void {
    const { seq } = this.upsert.get(toRow(doc, indexedAt, publishedMs(doc))) as { seq: number };
    this.clearTags.run(seq);
    for (const [kind, value] of tagsOf(doc)) this.addTag.run(kind, value, seq);
    this.clearKeys.run(seq);
    for (const key of lshKeysOf(doc.fingerprint)) this.addKey.run(key, seq);
  }

  private putOne(doc: ArticleDocument, indexedAt: string): PutOutcome {
    if (Number.isNaN(publishedMs(doc))) {
      return { id: doc.id, ok: false, error: rejectDocument(doc.id, 'published_at is not a date') };
    }
    try {
      this.writeOne(doc, indexedAt);
      return { id: doc.id, ok: true };
    } catch (err) {
      if (!isDocumentFault(err)) throw err;
      return { id: doc.id, ok: false, error: rejectDocument(doc.id, err.message, err) };
    }
  }

  async putMany(docs: ArticleDocument[]): Promise<PutOutcome[]> {
    // IMMEDIATE takes the write lock up front, so a busy database waits busy_timeout and fails
    // cleanly instead of failing a read-to-write upgrade halfway through the batch.
    return guarded(this.file, () => this.writeBatch.immediate(docs));
  }

  async existing(ids: string[]): Promise<Set<string>> {
    const sql = 'SELECT id FROM articles WHERE id IN (SELECT value FROM json_each(?))';
    return guarded(this.file, () => {
      const rows = this.db.prepare(sql).pluck().all(JSON.stringify(ids)) as string[];
      return new Set(rows);
    });
  }

  async get(id: string): Promise<ArticleDocument | undefined> {
    return guarded(this.file, () => {
      const row = this.db.prepare('SELECT * FROM articles WHERE id = ?').get(id);
      return row === undefined ? undefined : fromRow(row as ArticleRow);
    });
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    return guarded(this.file, () => searchPage(this.db, query));
  }

  async histogram(
    query: SearchQuery,
    interval: HistogramInterval,
    options?: HistogramOptions,
  ): Promise<HistogramBucket[]> {
    return histogramOf(this.db, this.file, { query, interval, options });
  }

  scan(options: ScanOptions): AsyncIterable<ArticleDocument[]> {
    return scanDocuments(this.db, this.file, options);
  }

  async storyCandidates(lshKeys: string[], limit: number): Promise<StoryFields[]> {
    return storyCandidatesOf(this.db, this.file, { lshKeys, limit });
  }

  async storyMembers(storyId: string, limit: number): Promise<StoryFields[]> {
    return storyMembersOf(this.db, this.file, { storyId, limit });
  }

  async updateStoryFields(updates: StoryFieldUpdate[]): Promise<void> {
    updateStoryFieldsOf(this.db, this.file, updates);
  }

  async freshness(since: string, until?: string): Promise<FeedFreshness[]> {
    return freshnessOf(this.db, this.file, { since, until });
  }

  /** SQLite makes a write visible to every reader at commit. */
  async refresh(): Promise<void> {}

  async close(): Promise<void> {
    this.release();
  }
}

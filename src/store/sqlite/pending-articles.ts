import type { ArticleTask } from '../../pipeline/article-task.js';
import { openDatabase } from './connection.js';
import { guarded } from './errors.js';
import type { SqliteStoreOptions } from './index.js';

/** Articles found by a poll and not yet stored or failed for good (migration 4). */
export interface PendingArticles {
  /** Records tasks before their feed's poll is recorded; a task already pending stays as is. */
  add(tasks: ArticleTask[]): Promise<void>;
  /** The task is settled: stored, or failed for good. */
  settle(id: string): Promise<void>;
  /** Tasks left by a run that stopped before settling them, oldest first. */
  list(): Promise<ArticleTask[]>;
  close(): Promise<void>;
}

/**
 * A connection of its own to the embedded database file: the queue is needed also when articles
 * go to Elasticsearch without Redis, where the runtime opens the file for feed state only.
 */
export function openPendingArticles(options: SqliteStoreOptions): PendingArticles {
  const { db, file } = openDatabase(options.dataDir, options.logger);
  const insert = db.prepare(
    'INSERT INTO pending_articles (id, feed_id, task, added_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
  );
  const addAll = db.transaction((tasks: ArticleTask[], at: string) => {
    for (const task of tasks) insert.run(task.id, task.feedId, JSON.stringify(task), at);
  });
  const remove = db.prepare('DELETE FROM pending_articles WHERE id = ?');
  const select = db.prepare('SELECT task FROM pending_articles ORDER BY added_at, id').pluck();
  return {
    add: async (tasks) => guarded(file, () => addAll.immediate(tasks, new Date().toISOString())),
    settle: async (id) => void guarded(file, () => remove.run(id)),
    list: async () =>
      guarded(file, () => (select.all() as string[]).map((t) => JSON.parse(t) as ArticleTask)),
    close: async () => void db.close(),
  };
}

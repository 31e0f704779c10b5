import type { Logger } from '../../core/logger.js';
import type { ArticleStore, FeedStateStore } from '../../core/store-types.js';
import { SqliteArticleStore } from './article-store.js';
import { closeDatabase, openDatabase } from './connection.js';
import { SqliteFeedStateStore } from './feed-state-store.js';

export { DatabaseFileError } from './errors.js';
export { DATABASE_FILE_NAME } from './connection.js';

export interface SqliteStore {
  articles: ArticleStore;
  feeds: FeedStateStore;
  /** Closes the database file; closing both `articles` and `feeds` does the same. */
  close(): Promise<void>;
}

export interface SqliteStoreOptions {
  dataDir: string;
  logger: Logger;
}

/**
 * The embedded store: articles and feed state in one file, `<dataDir>/presswatch.sqlite`.
 * Throws DatabaseFileError when the file is not a usable database, StoreUnavailableError when
 * another process holds it locked; both name the file.
 */
export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  const { db, file } = openDatabase(options.dataDir, options.logger);
  const holders = new Set<string>(['articles', 'feeds']);
  const release = (holder: string) => () => {
    holders.delete(holder);
    if (holders.size === 0) closeDatabase(db);
  };
  const close = async (): Promise<void> => closeDatabase(db);
  const articles = new SqliteArticleStore(db, file, release('articles'));
  const feeds = new SqliteFeedStateStore(db, file, release('feeds'));
  options.logger.debug({ file }, 'sqlite store open');
  return { articles, feeds, close };
}

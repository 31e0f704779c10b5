import type { Database, Statement } from 'better-sqlite3';
import type { FeedState } from '../../core/feed-types.js';
import type { FeedStateStore } from '../../core/store-types.js';
import { isoToMs } from '../dates.js';
import { guarded } from './errors.js';

type Cell = string | number | null;
type StoredField = Exclude<keyof FeedState, 'articlesIndexed' | 'articlesFailed'>;

/** FeedState fields and their feed_state columns; the counters live in feed_counters. */
const COLUMNS: [StoredField, string][] = [
  ['feedId', 'feed_id'],
  ['etag', 'etag'],
  ['lastModified', 'last_modified'],
  ['bodyHash', 'body_hash'],
  ['lastAttemptAt', 'last_attempt_at'],
  ['lastSuccessAt', 'last_success_at'],
  ['lastStatus', 'last_status'],
  ['lastOutcome', 'last_outcome'],
  ['consecutiveFailures', 'consecutive_failures'],
  ['lastErrorCode', 'last_error_code'],
  ['lastError', 'last_error'],
  ['itemsLastPoll', 'items_last_poll'],
  ['newItemsLastPoll', 'new_items_last_poll'],
  ['nextCheckAt', 'next_check_at'],
  ['intervalMs', 'interval_ms'],
  ['publishedHistory', 'published_history'],
  ['newItemLog', 'new_item_log'],
  ['notModifiedStreak', 'not_modified_streak'],
  ['listedGuids', 'listed_guids'],
];
/** Array and map fields, stored as JSON text. */
const JSON_FIELDS = new Set<StoredField>(['publishedHistory', 'newItemLog', 'listedGuids']);
const NAMES = [...COLUMNS.map(([, column]) => column), 'next_check_ms'];

const UPSERT = `INSERT INTO feed_state (${NAMES.join(', ')})
  VALUES (${NAMES.map((c) => `@${c}`).join(', ')})
  ON CONFLICT (feed_id) DO UPDATE SET ${NAMES.map((c) => `${c} = excluded.${c}`).join(', ')}`;
/** Counters are seeded by a feed's first put only; after that countArticle alone moves them. */
const SEED_COUNTERS = `INSERT INTO feed_counters (feed_id, articles_indexed, articles_failed)
  VALUES (?, ?, ?) ON CONFLICT (feed_id) DO NOTHING`;
const COUNT = `INSERT INTO feed_counters (feed_id, articles_indexed, articles_failed)
  VALUES (?, ?, ?) ON CONFLICT (feed_id) DO UPDATE SET
  articles_indexed = articles_indexed + excluded.articles_indexed,
  articles_failed = articles_failed + excluded.articles_failed`;
const SELECT = `SELECT s.*, coalesce(c.articles_indexed, 0) AS articles_indexed,
  coalesce(c.articles_failed, 0) AS articles_failed
  FROM feed_state s LEFT JOIN feed_counters c USING (feed_id)`;
// `WHERE true` tells the parser the ON CONFLICT belongs to the INSERT, not to a join.
const ADD_NEW = `INSERT INTO feed_state (feed_id, consecutive_failures, next_check_at, next_check_ms)
  SELECT value, 0, ?, ? FROM json_each(?) WHERE true ON CONFLICT (feed_id) DO NOTHING`;
const DROP_STATE = 'DELETE FROM feed_state WHERE feed_id NOT IN (SELECT value FROM json_each(?))';
const DROP_COUNTERS = DROP_STATE.replace('feed_state', 'feed_counters');

function nextCheckMs(state: FeedState): number {
  const ms = isoToMs(state.nextCheckAt);
  if (Number.isNaN(ms))
    throw new RangeError(`feed ${state.feedId}: nextCheckAt is not an ISO date`);
  return ms;
}

function toRow(state: FeedState): Record<string, Cell> {
  const cells = COLUMNS.map(([field, column]) => {
    const value = state[field] ?? null;
    return [column, JSON_FIELDS.has(field) && value !== null ? JSON.stringify(value) : value];
  });
  return { ...Object.fromEntries(cells), next_check_ms: nextCheckMs(state) };
}

function fromRow(row: Record<string, Cell>): FeedState {
  const state: Record<string, Cell> = {
    articlesIndexed: row.articles_indexed ?? 0,
    articlesFailed: row.articles_failed ?? 0,
  };
  for (const [field, column] of COLUMNS) {
    const cell = row[column] ?? null;
    if (cell !== null) state[field] = JSON_FIELDS.has(field) ? JSON.parse(String(cell)) : cell;
  }
  return state as unknown as FeedState;
}

export class SqliteFeedStateStore implements FeedStateStore {
  private readonly statements: Record<'upsert' | 'seed' | 'count' | 'one' | 'all', Statement>;
  private readonly reconcileAll: (feedIds: string, nowIso: string, nowMs: number) => void;
  private readonly putOne: (state: FeedState) => void;

  constructor(
    private readonly db: Database,
    private readonly file: string,
    private readonly release: () => void,
  ) {
    this.statements = {
      upsert: db.prepare(UPSERT),
      seed: db.prepare(SEED_COUNTERS),
      count: db.prepare(COUNT),
      one: db.prepare(`${SELECT} WHERE s.feed_id = ?`),
      all: db.prepare(`${SELECT} ORDER BY s.feed_id`),
    };
    this.putOne = db.transaction((state: FeedState) => this.write(state));
    this.reconcileAll = db.transaction((feedIds: string, nowIso: string, nowMs: number) => {
      db.prepare(ADD_NEW).run(nowIso, nowMs, feedIds);
      db.prepare(DROP_STATE).run(feedIds);
      db.prepare(DROP_COUNTERS).run(feedIds);
    });
  }

  private write(state: FeedState): void {
    this.statements.upsert.run(toRow(state));
    this.statements.seed.run(state.feedId, state.articlesIndexed, state.articlesFailed);
  }

  async get(feedId: string): Promise<FeedState | undefined> {
    const row = guarded(this.file, () => this.statements.one.get(feedId));
    return row === undefined ? undefined : fromRow(row as Record<string, Cell>);
  }

  async put(state: FeedState): Promise<void> {
    guarded(this.file, () => this.putOne(state));
  }

  async list(): Promise<FeedState[]> {
    const rows = guarded(this.file, () => this.statements.all.all());
    return (rows as Record<string, Cell>[]).map(fromRow);
  }

  async due(now: Date): Promise<string[]> {
    const sql = 'SELECT feed_id FROM feed_state WHERE next_check_ms <= ? ORDER BY next_check_ms';
    return guarded(this.file, () => this.db.prepare(sql).pluck().all(now.getTime()) as string[]);
  }

  async reconcile(feedIds: string[], now: Date): Promise<void> {
    const ids = JSON.stringify(feedIds);
    guarded(this.file, () => this.reconcileAll(ids, now.toISOString(), now.getTime()));
  }

  async countArticle(feedId: string, outcome: 'indexed' | 'failed'): Promise<void> {
    const [indexed, failed] = outcome === 'indexed' ? [1, 0] : [0, 1];
    guarded(this.file, () => this.statements.count.run(feedId, indexed, failed));
  }

  async close(): Promise<void> {
    this.release();
  }
}

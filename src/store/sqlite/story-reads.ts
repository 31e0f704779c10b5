// The two reads of story grouping: candidates by LSH keys, and the members of one story.
import type { Database } from 'better-sqlite3';
import type { StoryFields } from '../../core/store-types.js';
import type { ArticleRow } from './article-rows.js';
import { guarded } from './errors.js';

/** Everything but the text and the tag arrays, as few pages of each row as the story needs. */
const STORY_SELECT = `SELECT a.id, a.url, a.title, a.published_at, a.first_seen_at, a.source_id,
  a.source_name, a.source_domain, a.source_country, a.cites, a.story_id, a.copied_from,
  a.copied_by, a.credited_sources, a.origin_overlap, a.fingerprint FROM articles a`;

type StoryRow = Pick<ArticleRow, 'id' | 'url' | 'title' | 'published_at' | 'first_seen_at'> &
  Pick<ArticleRow, 'source_id' | 'source_name' | 'source_domain' | 'source_country' | 'cites'> &
  Pick<ArticleRow, 'story_id' | 'copied_from' | 'copied_by' | 'origin_overlap' | 'fingerprint'> &
  Pick<ArticleRow, 'credited_sources'>;

/** Only the fields that are set, as Elasticsearch returns only what it was given. */
function definedOnly<T extends object>(value: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}

function storyFields(row: StoryRow): StoryFields {
  const { source_id, source_name, source_domain, source_country, cites, ...rest } = row;
  const source = { id: source_id, name: source_name, domain: source_domain };
  const credited = rest.credited_sources;
  return definedOnly<StoryFields>({
    ...rest,
    source: definedOnly({ ...source, country: source_country }),
    cites: JSON.parse(cites) as string[],
    credited_sources: credited === null ? null : (JSON.parse(credited) as string[]),
  });
}

/** Candidates ranked by how many bands they share, as the Elasticsearch store's scoring does. */
export function storyCandidatesOf(
  db: Database,
  file: string,
  request: { lshKeys: string[]; limit: number },
): StoryFields[] {
  const sql = `${STORY_SELECT} JOIN (SELECT article_seq, count(*) AS shared FROM article_lsh
    WHERE key IN (SELECT value FROM json_each(?)) GROUP BY article_seq
    ORDER BY shared DESC, article_seq LIMIT ?) c ON c.article_seq = a.seq
    ORDER BY c.shared DESC, a.seq`;
  return guarded(file, () => {
    const rows = db.prepare(sql).all(JSON.stringify(request.lshKeys), request.limit);
    return (rows as StoryRow[]).map(storyFields);
  });
}

/** Earliest published first, undated last, as in Elasticsearch's ascending sort. */
export function storyMembersOf(
  db: Database,
  file: string,
  request: { storyId: string; limit: number },
): StoryFields[] {
  const sql = `${STORY_SELECT} WHERE a.story_id = ?
    ORDER BY a.published_ms IS NULL, a.published_ms, a.first_seen_at LIMIT ?`;
  return guarded(file, () => {
    const rows = db.prepare(sql).all(request.storyId, request.limit);
    return (rows as StoryRow[]).map(storyFields);
  });
}

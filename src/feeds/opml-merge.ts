import { isMap, isSeq, parseDocument, type YAMLMap, type YAMLSeq } from 'yaml';
import { slugId, type OpmlFeed } from './opml.js';

export interface MergeResult {
  text: string;
  /** Ids of the feeds added. */
  added: string[];
  /** Ids of feeds already listed (same URL) that gained tags. */
  tagged: string[];
  /** Feeds already listed with all their tags. */
  unchanged: number;
}

/**
 * Merges imported feeds into feeds.yaml text, keeping its comments and order: a URL already
 * listed gains the missing tags, a new URL is appended with an id made from its title.
 */
export function mergeFeeds(source: string, imported: OpmlFeed[]): MergeResult {
  const doc = parseDocument(source.trim() === '' ? 'feeds: []\n' : source);
  if (!isSeq(doc.get('feeds'))) doc.set('feeds', doc.createNode([]));
  const feeds = doc.get('feeds') as YAMLSeq<YAMLMap>;
  const byUrl = new Map<string, YAMLMap>();
  const ids = new Set<string>();
  for (const entry of feeds.items) {
    if (!isMap(entry)) continue;
    byUrl.set(String(entry.get('url')), entry);
    ids.add(String(entry.get('id')));
  }
  const result: MergeResult = { text: '', added: [], tagged: [], unchanged: 0 };
  for (const feed of imported) {
    const listed = byUrl.get(feed.url);
    if (listed !== undefined) mergeTags(doc, listed, feed, result);
    else byUrl.set(feed.url, append(doc, feeds, feed, uniqueId(slugId(feed), ids), result));
  }
  result.text = doc.toString();
  return result;
}

function mergeTags(
  doc: ReturnType<typeof parseDocument>,
  entry: YAMLMap,
  feed: OpmlFeed,
  result: MergeResult,
) {
  const current = (entry.toJSON() as { tags?: string[]; id: string }).tags ?? [];
  const missing = feed.tags.filter((tag) => !current.includes(tag));
  if (missing.length === 0) {
    result.unchanged++;
    return;
  }
  entry.set('tags', doc.createNode([...current, ...missing], { flow: true }));
  result.tagged.push(String(entry.get('id')));
}

function append(
  doc: ReturnType<typeof parseDocument>,
  feeds: YAMLSeq<YAMLMap>,
  feed: OpmlFeed,
  id: string,
  result: MergeResult,
): YAMLMap {
  const entry: Record<string, unknown> = { id, url: feed.url };
  if (feed.title !== undefined) entry.name = feed.title;
  const node = doc.createNode(entry) as YAMLMap;
  if (feed.tags.length > 0) node.set('tags', doc.createNode(feed.tags, { flow: true }));
  feeds.add(node);
  result.added.push(id);
  return node;
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

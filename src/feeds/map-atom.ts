import type { AtomFeed } from 'feedsmith';
import type { FeedItem, ParsedFeed } from '../core/feed-types.js';
import { assignDefined, buildItem, type RawItem } from './item-builder.js';
import { decodeBase64Text } from './base64-text.js';
import { mediaEnclosures } from './media.js';
import { collapseWhitespace, htmlToText, resolveUrl } from './text.js';

type Entry = AtomFeed.Entry<string>;
type Link = AtomFeed.Link<string>;

/** Atom 0.3 and 1.0; xml:base on the feed and on each entry nests (RFC 4287 §2). */
export function mapAtom(
  feed: AtomFeed.Feed<string>,
  feedUrl: string,
  usesBase64 = false,
): ParsedFeed {
  const base = resolveUrl(feed.xml?.base, feedUrl) ?? feedUrl;
  const feedAuthors = (feed.authors ?? []).map((person) => person.name);
  const items = (feed.entries ?? []).map((entry) => atomItem(entry, base, feedAuthors, usesBase64));
  const meta: ParsedFeed['feed'] = {};
  assignDefined(meta, {
    title: textConstruct(decodeBase64Text(feed.title, usesBase64)),
    link: resolveUrl(alternate(feed.links), base),
    description: decodeBase64Text(feed.subtitle, usesBase64)?.value,
    language: feed.xml?.lang,
  });
  return { feed: meta, items };
}

function atomItem(
  entry: Entry,
  feedBase: string,
  feedAuthors: (string | undefined)[],
  usesBase64: boolean,
): FeedItem {
  const base = resolveUrl(entry.xml?.base, feedBase) ?? feedBase;
  const own = [
    ...(entry.authors ?? []).map((person) => person.name),
    ...(entry.dc?.creators ?? []),
  ];
  const raw: RawItem = {
    id: entry.id,
    title: textConstruct(decodeBase64Text(entry.title, usesBase64)),
    link: alternate(entry.links),
    dates: [entry.published, entry.updated, ...(entry.dc?.dates ?? [])],
    // An entry without authors inherits the feed's (RFC 4287 §4.2.1).
    authors: own.length > 0 ? own : feedAuthors,
    summary: decodeBase64Text(entry.summary, usesBase64)?.value,
    content: decodeBase64Text(entry.content, usesBase64)?.value,
    enclosures: [...linkEnclosures(entry.links), ...mediaEnclosures(entry.media)],
  };
  return buildItem(raw, base);
}

function linkEnclosures(links: Link[] | undefined): RawItem['enclosures'] {
  return (links ?? [])
    .filter((link) => link.rel === 'enclosure')
    .map((link) => ({ url: link.href, type: link.type, length: link.length }));
}

/** rel="alternate" (the default rel), preferring an HTML one when several are given. */
function alternate(links: Link[] | undefined): string | undefined {
  const candidates = (links ?? []).filter(
    (link) => link.rel === undefined || link.rel === 'alternate',
  );
  const html = candidates.find((link) => link.type === undefined || /html/i.test(link.type));
  return (html ?? candidates[0])?.href;
}

/** type="html"/"xhtml" (and Atom 0.3's MIME types) hold markup; type="text" is already text. */
function textConstruct(text: AtomFeed.Text | undefined): string | undefined {
  if (text === undefined) return undefined;
  const isMarkup = text.type !== undefined && /html/i.test(text.type);
  return isMarkup ? htmlToText(text.value) : collapseWhitespace(text.value);
}

import { parseOpml } from 'feedsmith';
import { UsageError } from '../core/errors.js';

/** A feed listed in an OPML file, with the folders it sits in as tags (outermost first). */
export interface OpmlFeed {
  url: string;
  title?: string;
  tags: string[];
}

interface Outline {
  text?: string;
  title?: string;
  xmlUrl?: string;
  outlines?: Outline[];
}

/** The feeds of an OPML document; folders (outlines without xmlUrl) become their tags. */
export function feedsFromOpml(text: string, label: string): OpmlFeed[] {
  let outlines: Outline[];
  try {
    outlines = (parseOpml(text).body?.outlines ?? []) as Outline[];
  } catch (err) {
    throw new UsageError(`${label}: not an OPML file (${(err as Error).message})`);
  }
  return outlines.flatMap((outline) => walk(outline, []));
}

function walk(outline: Outline, folders: string[]): OpmlFeed[] {
  const name = (outline.title ?? outline.text)?.trim();
  if (outline.xmlUrl !== undefined && /^https?:\/\//i.test(outline.xmlUrl.trim())) {
    return [{ url: outline.xmlUrl.trim(), title: name || undefined, tags: folders }];
  }
  const inner = name ? [...folders, name] : folders;
  return (outline.outlines ?? []).flatMap((child) => walk(child, inner));
}

/** A feeds.yaml id from a title or URL: lowercase ASCII letters, digits and dashes. */
export function slugId(feed: OpmlFeed): string {
  const fromTitle = slugify(feed.title ?? '');
  if (fromTitle !== '') return fromTitle;
  const url = new URL(feed.url);
  return slugify(`${url.hostname.replace(/^www\./, '')} ${url.pathname}`) || 'feed';
}

/** 40 characters keep ids readable in `feeds status`; titles rarely need more. */
const MAX_ID_LENGTH = 40;

function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_ID_LENGTH)
    .replace(/^-+|-+$/g, '');
}

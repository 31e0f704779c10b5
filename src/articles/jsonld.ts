import type { CheerioAPI } from 'cheerio/slim';

/** The fields of a schema.org Article that extraction reads. */
export interface JsonLdArticle {
  headline?: string;
  authors: string[];
  datePublished?: string;
  dateModified?: string;
  inLanguage?: string;
  publisher?: string;
  /** The story text some CMSs publish here too; the fallback when the markup hides it. */
  articleBody?: string;
}

type JsonObject = Record<string, unknown>;

const ARTICLE_TYPE = /Article|BlogPosting|NewsArticle|Report|LiveBlogPosting|WebPage/;

/** The first article-like JSON-LD object of the page; broken JSON-LD is ignored, not fatal. */
export function readJsonLd($: CheerioAPI): JsonLdArticle | undefined {
  const objects = $('script[type="application/ld+json"]')
    .toArray()
    .flatMap((el) => flatten(parseLenient($(el).text())));
  const article =
    objects.find((o) => typeNames(o).some((t) => ARTICLE_TYPE.test(t) && t !== 'WebPage')) ??
    objects.find((o) => typeNames(o).includes('WebPage') && o.headline !== undefined);
  return article === undefined ? undefined : toArticle(article);
}

function parseLenient(text: string): unknown {
  // CMSs wrap JSON-LD in HTML comments or CDATA markers and leave control characters in it.
  const cleaned = text.replace(/<!--|-->|<!\[CDATA\[|\]\]>/g, '').replace(/\p{Cc}+/gu, ' ');
  try {
    return JSON.parse(cleaned);
  } catch {
    return undefined;
  }
}

function flatten(value: unknown): JsonObject[] {
  if (Array.isArray(value)) return value.flatMap(flatten);
  if (!isObject(value)) return [];
  const graph = value['@graph'];
  return graph === undefined ? [value] : [value, ...flatten(graph)];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeNames(o: JsonObject): string[] {
  const type = o['@type'];
  if (typeof type === 'string') return [type];
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === 'string') : [];
}

function toArticle(o: JsonObject): JsonLdArticle {
  return {
    headline: stringOf(o.headline) ?? stringOf(o.name),
    authors: namesOf(o.author),
    datePublished: stringOf(o.datePublished) ?? stringOf(o.dateCreated),
    dateModified: stringOf(o.dateModified),
    inLanguage: stringOf(o.inLanguage),
    publisher: namesOf(o.publisher)[0],
    articleBody: stringOf(o.articleBody),
  };
}

function stringOf(value: unknown): string | undefined {
  if (Array.isArray(value)) return stringOf(value[0]);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** author may be a string, a Person, an Organization, or an array of any of these. */
function namesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(namesOf);
  if (typeof value === 'string') return [value];
  if (isObject(value)) return [stringOf(value.name)].filter((n): n is string => n !== undefined);
  return [];
}

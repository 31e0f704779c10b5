import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Document, Element } from 'domhandler';
import { isElement, textContent, textNodes } from './dom.js';
import type { JsonLdArticle } from './jsonld.js';
import { metaContent } from './meta.js';
import type { Sourced } from './provenance.js';

/** Words that introduce a byline, in the languages we monitor. */
const BYLINE_PREFIX = /^(?:von|by|autor(?:in)?|author|text|автор|авторы|текст)\s*:?\s+/i;
const BYLINE_LINE = /^(?:von|by|автор|авторы)\s*:?\s+(.{3,80})$/i;
const NAME_SEPARATORS = /\s*(?:,|;|&|\/|\bund\b|\band\b|\bи\b|\|)\s*/iu;
/** Placeholders that name a desk, not a person: kept only when the page names no one. */
const GENERIC_NAMES =
  /^(?:redaktion|staff|editorial(?: team)?|newsroom|admin|administrator|редакция|rt de|rt|dpa|afp|reuters|ap|tass|тасс|agenturen|red\.?)$/i;
/** "Anna Schmidt", "Jean-Luc de la Fontaine", "Ирина Петрова": capitalised words, few of them. */
const PERSON_NAME =
  /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|von|van|de|der|den|da|di|la|le|du|zu|bin|al|ibn))+$/u;
/** Longer than any name: a sentence that happened to start with "Von". */
const MAX_NAME_LENGTH = 60;
const BYLINE_SELECTOR =
  '[class*="byline"], [class*="author"], [class*="autor"], [rel="author"], [itemprop="author"]';
/** Bylines are short; a longer block with "author" in its class is an author bio. */
const MAX_BYLINE_CHARS = 120;

const AUTHOR_META = ['author', 'article:author', 'parsely-author', 'sailthru.author', 'dc.creator'];

/** Authors from the most explicit source that names any: JSON-LD, meta, markup, then text. */
export function readAuthors($: CheerioAPI, jsonLd: JsonLdArticle | undefined): Sourced<string[]> {
  const sources: [string, () => (string | undefined)[]][] = [
    ['jsonld', () => jsonLd?.authors ?? []],
    ['meta', () => [metaContent($, AUTHOR_META)]],
    ['byline-markup', () => bylineElements($)],
    ['byline-text', () => bylineLines($)],
  ];
  let fallback: Sourced<string[]> = {};
  for (const [source, read] of sources) {
    const names = cleanNames(read().filter((n): n is string => n !== undefined));
    const people = names.filter((n) => !GENERIC_NAMES.test(n));
    if (people.length > 0) return { value: people, source };
    if (fallback.value === undefined && names.length > 0) fallback = { value: names, source };
  }
  return fallback;
}

/** Reader comments carry "comment-author" bylines of their own: those are not the article's. */
const COMMENT_AREA = '[class*="comment"], [id*="comment"], [class*="kommentar"], [id*="kommentar"]';

/** The names in the first byline element that names a person. */
function bylineElements($: CheerioAPI): string[] {
  for (const el of $(BYLINE_SELECTOR).toArray()) {
    const text = $(el).text().replace(/\s+/g, ' ').trim();
    if (text === '' || text.length > MAX_BYLINE_CHARS) continue;
    if ($(el).closest(COMMENT_AREA).length > 0) continue;
    const names = splitNames(text).filter((n) => PERSON_NAME.test(n));
    if (names.length > 0) return names;
  }
  return [];
}

const BYLINE_START = /^\s*(?:von|by|автор|авторы)(?!\p{L})/iu;
const BYLINE_TAGS = new Set(['p', 'span', 'div', 'address', 'strong', 'em']);

/**
 * "Von Anna Schmidt" or "By John Doe" as its own short line. Found from the text nodes that
 * start with a byline word, so the text of every block on the page is never assembled.
 */
function bylineLines($: CheerioAPI): string[] {
  for (const node of textNodes($.root()[0] as Document)) {
    if (!BYLINE_START.test(node.data)) continue;
    const block = closestElement(node, (el) => BYLINE_TAGS.has(el.name));
    const match = block === undefined ? null : BYLINE_LINE.exec(textContent(block));
    if (match?.[1] === undefined) continue;
    const names = splitNames(match[1]).filter((n) => PERSON_NAME.test(n));
    if (names.length > 0) return names;
  }
  return [];
}

function closestElement(node: AnyNode, test: (el: Element) => boolean): Element | undefined {
  for (let p = node.parent; p !== null; p = p.parent) if (isElement(p) && test(p)) return p;
  return undefined;
}

/**
 * A paragraph that is only a byline ("Von Anna Schmidt", "Автор: Ирина Петрова"). The body
 * drops it: the names are in `authors`, and in the text they would read as content to the tagger.
 */
export function isBylineLine(text: string): boolean {
  const match = BYLINE_LINE.exec(text.trim());
  return match?.[1] !== undefined && splitNames(match[1]).every((n) => PERSON_NAME.test(n));
}

function splitNames(text: string): string[] {
  return text.replace(BYLINE_PREFIX, '').split(NAME_SEPARATORS);
}

function cleanNames(raw: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const notLinks = raw.filter((text) => !/https?:|www\.|@/.test(text));
  for (const name of notLinks.flatMap(splitNames)) {
    const cleaned = name.replace(/\s+/g, ' ').replace(/^[\s,.:;-]+|[\s,.:;-]+$/g, '');
    const key = cleaned.toLowerCase();
    if (!isPlausibleName(cleaned) || seen.has(key)) continue;
    seen.add(key);
    out.push(cleaned);
  }
  return out;
}

function isPlausibleName(name: string): boolean {
  if (name.length < 2 || name.length > MAX_NAME_LENGTH) return false;
  if (/^(?:von|by|autor|author|автор)$/i.test(name)) return false;
  return !/\d/.test(name);
}

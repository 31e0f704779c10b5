import { escapeHtml, SafeHtml } from './html.js';

// Shorter words (articles, "EU" aside) would mark half the text; the search ignores nothing,
// but the marks are a reading aid.
const MIN_TERM_LENGTH = 2;
/** Characters of body shown around the first match. */
const SNIPPET_CHARS = 320;
/** How much of the snippet comes before the first match, for context. */
const SNIPPET_LEAD = 80;

/** The words of a query, as the stores split it: letters and digits. */
export function queryTerms(text: string | undefined): string[] {
  const words = text?.match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words.filter((w) => w.length >= MIN_TERM_LENGTH))];
}

/** Matches a word starting with any term, to its end: the stores match words as prefixes. */
function termPattern(terms: string[]): RegExp | undefined {
  if (terms.length === 0) return undefined;
  const alternatives = terms.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})[\\p{L}\\p{N}]*`, 'giu');
}

/** The text escaped, with every word matching a term wrapped in <mark>. */
export function highlight(text: string, terms: string[]): SafeHtml {
  const pattern = termPattern(terms);
  if (!pattern) return new SafeHtml(escapeHtml(text));
  let out = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    out += escapeHtml(text.slice(last, match.index)) + `<mark>${escapeHtml(match[0])}</mark>`;
    last = match.index + match[0].length;
  }
  return new SafeHtml(out + escapeHtml(text.slice(last)));
}

/** A window of the body around the first match (or its start), cut at word boundaries. */
export function snippet(body: string, terms: string[]): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  const first = termPattern(terms)?.exec(flat)?.index ?? 0;
  let start = Math.max(0, first - SNIPPET_LEAD);
  if (start > 0) start = flat.indexOf(' ', start) + 1 || start;
  let end = Math.min(flat.length, start + SNIPPET_CHARS);
  if (end < flat.length)
    end = flat.lastIndexOf(' ', end) > start ? flat.lastIndexOf(' ', end) : end;
  return `${start > 0 ? '… ' : ''}${flat.slice(start, end)}${end < flat.length ? ' …' : ''}`;
}

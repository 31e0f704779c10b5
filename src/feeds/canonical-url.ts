import { createHash } from 'node:crypto';
import normalizeUrl from 'normalize-url';
import { dedupeRules } from './dedupe-rules.js';

/**
 * The URL an article is known by: lower-case scheme and host, default port and fragment
 * dropped, tracking parameters (config/dedupe.yaml) removed, remaining parameters sorted. The scheme, `www.` and a
 * trailing slash stay, because the result must still be fetchable as it is.
 */
export function canonicalizeUrl(url: string): string {
  return normalizeUrl(url, {
    stripWWW: false,
    stripHash: true,
    removeTrailingSlash: false,
    removeQueryParameters: dedupeRules().tracking,
    sortQueryParameters: true,
  });
}

/**
 * 32 hex characters (128 bits) of SHA-256: the chance of any collision among 10^12 articles is
 * about 10^-15 (birthday bound n²/2^129), and the id stays short enough for keys and logs.
 */
const DOCUMENT_ID_HEX_CHARS = 32;

/**
 * Stable id of an article: the same for http and https, with or without a leading `www.`, with
 * or without a trailing slash, and for its mobile and AMP editions (config/dedupe.yaml), since
 * outlets list one article under all of those.
 */
export function documentId(canonicalUrl: string): string {
  const digest = createHash('sha256').update(dedupeKey(canonicalUrl)).digest('hex');
  return digest.slice(0, DOCUMENT_ID_HEX_CHARS);
}

export function dedupeKey(canonicalUrl: string): string {
  const rules = dedupeRules();
  const url = new URL(canonicalizeUrl(canonicalUrl));
  // Touch searchParams only on a match: any change re-encodes the whole query, and with it ids.
  for (const { name, value } of rules.ampParameters) {
    const found = url.searchParams.get(name);
    if (found !== null && (value === undefined || found === value)) url.searchParams.delete(name);
  }
  const host = url.host.replace(rules.variantHost, '');
  const path = rules.ampPath.reduce((p, form) => p.replace(form, ''), url.pathname);
  return `${host}${path.replace(/\/+$/, '')}${url.search}`;
}

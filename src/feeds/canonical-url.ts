import { createHash } from 'node:crypto';
import normalizeUrl from 'normalize-url';
import { dedupeRules, type DedupeRules } from './dedupe-rules.js';

/**
 * The URL an article is known by: lower-case scheme and host, default port and fragment
 * dropped, tracking parameters (config/dedupe.yaml) removed, remaining parameters sorted. The scheme, `www.` and a
 * trailing slash stay, because the result must still be fetchable as it is.
 */
export function canonicalizeUrl(url: string, rules: DedupeRules = dedupeRules()): string {
  return normalizeUrl(url, {
    stripWWW: false,
    stripHash: true,
    removeTrailingSlash: false,
    removeQueryParameters: rules.tracking,
    sortQueryParameters: true,
  });
}

/** A link normalize-url cannot handle (mailto:, odd schemes) simply has no canonical form. */
export function safeCanonicalUrl(link: string, rules?: DedupeRules): string | undefined {
  try {
    return canonicalizeUrl(link, rules);
  } catch {
    return undefined;
  }
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
export function documentId(canonicalUrl: string, rules: DedupeRules = dedupeRules()): string {
  const digest = createHash('sha256').update(dedupeKey(canonicalUrl, rules)).digest('hex');
  return digest.slice(0, DOCUMENT_ID_HEX_CHARS);
}

function dedupeKey(canonicalUrl: string, rules: DedupeRules): string {
  const url = new URL(canonicalizeUrl(canonicalUrl, rules));
  // Touch searchParams only on a match: any change re-encodes the whole query, and with it ids.
  for (const { name, value } of rules.ampParameters) {
    const found = url.searchParams.get(name);
    if (found !== null && (value === undefined || found === value)) url.searchParams.delete(name);
  }
  const host = url.host.replace(rules.variantHost, '');
  const path = rules.ampPath.reduce((p, form) => p.replace(form, ''), url.pathname);
  return `${host}${path.replace(/\/+$/, '')}${url.search}`;
}

/** How the pipeline names articles under one set of rules: the operator's, read at startup. */
export interface UrlIdentity {
  /** The URL to fetch and store, or undefined for a link with no canonical form (mailto:). */
  canonicalize(link: string): string | undefined;
  documentId(canonicalUrl: string): string;
}

/** A document named by its URL (any edition of it) or by its id, as the CLI takes it. */
export function documentRef(ref: string, identity: UrlIdentity): string {
  if (!/^https?:\/\//i.test(ref)) return ref;
  return identity.documentId(identity.canonicalize(ref) ?? ref);
}

export function urlIdentity(rules: DedupeRules): UrlIdentity {
  return {
    canonicalize: (link) => safeCanonicalUrl(link, rules),
    documentId: (canonicalUrl) => documentId(canonicalUrl, rules),
  };
}

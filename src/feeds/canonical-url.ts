import { createHash } from 'node:crypto';
import normalizeUrl from 'normalize-url';

/**
 * Query parameters that only say how a reader arrived, never which article it is:
 * - utm_*: Google Analytics campaign tags (utm_source, utm_medium, utm_campaign, ...)
 * - fbclid, gclid, gclsrc, dclid, msclkid, yclid, twclid, igshid: ad/social click ids
 *   (Facebook, Google Ads, DoubleClick, Microsoft Ads, Yandex, Twitter/X, Instagram)
 * - _ga, _gl: Google Analytics cross-domain linker
 * - mc_cid, mc_eid: Mailchimp campaign and subscriber
 * - ocid: Microsoft/MSN syndication; cmpid: campaign id (Guardian, Spiegel, many others)
 * - at_medium, at_campaign, at_*: AT Internet/Piano tags (BBC, Le Monde, Zeit)
 * - xtor: AT Internet's older campaign tag; wt_mc, wt.mc_id: Webtrends campaign tags
 * - ns_mchannel, ns_source, ns_campaign, ns_linkname, ns_fee: comScore tags (BBC)
 * - ref_src, ref_url: Twitter/X embed referrers
 * - __twitter_impression, s_cid: Twitter/X impression flag, Adobe Analytics campaign
 */
const TRACKING_PARAMETERS: RegExp[] = [
  /^utm_\w+$/i,
  /^(fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid)$/i,
  /^(_ga|_gl)$/i,
  /^(mc_cid|mc_eid)$/i,
  /^(ocid|cmpid)$/i,
  /^at_\w+$/i,
  /^(xtor|wt_mc|wt\.mc_id)$/i,
  /^ns_(mchannel|source|campaign|linkname|fee)$/i,
  /^(ref_src|ref_url)$/i,
  /^(__twitter_impression|s_cid)$/i,
];

/**
 * The URL an article is known by: lower-case scheme and host, default port and fragment
 * dropped, tracking parameters removed, remaining parameters sorted. The scheme, `www.` and a
 * trailing slash stay, because the result must still be fetchable as it is.
 */
export function canonicalizeUrl(url: string): string {
  return normalizeUrl(url, {
    stripWWW: false,
    stripHash: true,
    removeTrailingSlash: false,
    removeQueryParameters: TRACKING_PARAMETERS,
    sortQueryParameters: true,
  });
}

/**
 * 32 hex characters (128 bits) of SHA-256: the chance of any collision among 10^12 articles is
 * about 10^-15 (birthday bound n²/2^129), and the id stays short enough for keys and logs.
 */
const DOCUMENT_ID_HEX_CHARS = 32;

/**
 * Stable id of an article: the same for http and https, with or without a leading `www.`, and
 * with or without a trailing slash, since outlets list one article under all of those.
 */
export function documentId(canonicalUrl: string): string {
  const digest = createHash('sha256').update(dedupeKey(canonicalUrl)).digest('hex');
  return digest.slice(0, DOCUMENT_ID_HEX_CHARS);
}

export function dedupeKey(canonicalUrl: string): string {
  const url = new URL(canonicalizeUrl(canonicalUrl));
  const host = url.host.replace(/^www\./, '');
  const path = url.pathname.replace(/\/+$/, '');
  return `${host}${path}${url.search}`;
}

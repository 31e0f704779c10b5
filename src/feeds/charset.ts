import iconv from 'iconv-lite';

/**
 * Labels WHATWG's Encoding Standard decodes as windows-1252: servers and feeds that say
 * ISO-8859-1 or ASCII routinely send 0x80–0x9F as curly quotes, dashes and the euro sign.
 */
const WINDOWS_1252_ALIASES = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'latin-1',
  'l1',
  'cp819',
  'ibm819',
  'us-ascii',
  'ascii',
  'ansi_x3.4-1968',
]);

/** WHATWG decodes GB2312 and GBK with the GB18030 decoder, a superset of both. */
const GB18030_ALIASES = new Set(['gb2312', 'gbk', 'x-gbk', 'chinese', 'csgb2312', 'gb_2312-80']);

/** An iconv-lite encoding name for a charset label, or undefined when the label is unknown. */
export function normalizeCharset(label: string): string | undefined {
  const name = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (WINDOWS_1252_ALIASES.has(name)) return 'windows-1252';
  if (GB18030_ALIASES.has(name)) return 'gb18030';
  return iconv.encodingExists(name) ? name : undefined;
}

export function isWideEncoding(encoding: string): boolean {
  return /^(utf-?16|utf-?32|ucs-?2|ucs-?4)/.test(encoding);
}

/** The charset parameter of a Content-Type header value. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/;\s*charset\s*=\s*("[^"]*"|'[^']*'|[^;\s]+)/i);
  return match?.[1];
}

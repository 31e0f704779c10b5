import iconv from 'iconv-lite';

/**
 * Labels that WHATWG's Encoding Standard folds into another encoding. Browsers decode a page
 * labelled ISO-8859-1 or ASCII as windows-1252, and real pages rely on it (€ and curly quotes
 * in 0x80–0x9F), so we must too.
 */
const WHATWG_ALIASES: Record<string, string> = {
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  iso_8859_1: 'windows-1252',
  'iso_8859-1': 'windows-1252',
  latin1: 'windows-1252',
  l1: 'windows-1252',
  cp819: 'windows-1252',
  ibm819: 'windows-1252',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  'ansi_x3.4-1968': 'windows-1252',
  cp1252: 'windows-1252',
  'x-cp1252': 'windows-1252',
  'x-cp1251': 'windows-1251',
  cp1251: 'windows-1251',
  koi: 'koi8-r',
  koi8: 'koi8-r',
  cskoi8r: 'koi8-r',
  'koi8-ru': 'koi8-u',
  utf8: 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  // A meta tag claiming UTF-16 was readable as ASCII, so the bytes are not UTF-16 (WHATWG).
  'utf-16': 'utf-8',
  'utf-16le': 'utf-8',
  'utf-16be': 'utf-8',
};

/** Maps a charset label to the encoding a browser would use, or undefined when unknown. */
export function normalizeCharset(label: string): string | undefined {
  const cleaned = label.trim().toLowerCase();
  const mapped = WHATWG_ALIASES[cleaned] ?? cleaned;
  return iconv.encodingExists(mapped) ? mapped : undefined;
}

/** Encoding named by a byte-order mark, which outranks every declaration. */
export function charsetFromBom(body: Buffer): string | undefined {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) return 'utf-8';
  if (body[0] === 0xfe && body[1] === 0xff) return 'utf-16be';
  if (body[0] === 0xff && body[1] === 0xfe) return 'utf-16le';
  return undefined;
}

const CHARSET_PARAM = /charset\s*=\s*["']?\s*([\w.:-]+)/i;

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const label = contentType?.match(CHARSET_PARAM)?.[1];
  return label === undefined ? undefined : normalizeCharset(label);
}

/**
 * How far into the page we look for a `<meta>` declaration. WHATWG's prescan stops at 1,024
 * bytes, but real pages put long comments, inline styles and tracking snippets before the meta
 * tag; 4 KB still covers those while staying inside `<head>`, where a "charset=" in body text
 * or scripts cannot be mistaken for a declaration.
 */
const META_SCAN_BYTES = 4096;
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/gi;

/** Reads `<meta charset>` and `<meta http-equiv=content-type content="...; charset=">`. */
export function charsetFromMeta(body: Buffer): string | undefined {
  const head = body.subarray(0, META_SCAN_BYTES).toString('latin1');
  const withoutComments = head.replace(/<!--[\s\S]*?-->/g, '');
  for (const match of withoutComments.matchAll(META_CHARSET)) {
    const charset = match[1] === undefined ? undefined : normalizeCharset(match[1]);
    if (charset !== undefined) return charset;
  }
  return undefined;
}

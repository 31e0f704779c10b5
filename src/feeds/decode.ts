import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { charsetFromContentType, isWideEncoding, normalizeCharset } from './charset.js';

/** [encoding, byte prefix]: byte-order marks, UTF-32 first since its LE mark starts like UTF-16's. */
const BYTE_ORDER_MARKS: [string, number[]][] = [
  ['utf-32le', [0xff, 0xfe, 0x00, 0x00]],
  ['utf-32be', [0x00, 0x00, 0xfe, 0xff]],
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

/** `<` (and `<?` for UTF-16) in a wide encoding without a BOM, as XML 1.0 Appendix F lists. */
const WIDE_PATTERNS: [string, number[]][] = [
  ['utf-32le', [0x3c, 0x00, 0x00, 0x00]],
  ['utf-32be', [0x00, 0x00, 0x00, 0x3c]],
  ['utf-16le', [0x3c, 0x00, 0x3f, 0x00]],
  ['utf-16be', [0x00, 0x3c, 0x00, 0x3f]],
];

/** The XML declaration sits at the very start; 1 KiB leaves room for leading whitespace. */
const DECLARATION_SCAN_BYTES = 1024;
const XML_DECLARATION_ENCODING = /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([^"']+)["']/;

/**
 * Decodes feed bytes to text: BOM, then UTF-16/32 byte patterns, then the HTTP charset, then
 * the XML declaration, then UTF-8, falling back to windows-1252 when undeclared bytes are not
 * valid UTF-8 (the usual mistake of legacy feeds). Legacy charsets go through iconv-lite.
 */
export function decodeFeed(body: Buffer, contentType?: string): string {
  const encoding = detectEncoding(body, contentType);
  // iconv-lite strips a leading BOM itself.
  return repairCharacters(iconv.decode(body, encoding));
}

/** C0 controls other than tab, LF and CR: XML 1.0 forbids them, parsers choke or keep junk. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;
/** C1 controls: in practice windows-1252 bytes that were re-encoded as if they were Latin-1. */
const C1_CONTROLS = /[\u0080-\u009F]/g;

/** Drops forbidden controls and reads C1 controls as the windows-1252 characters meant. */
export function repairCharacters(text: string): string {
  return text
    .replace(FORBIDDEN_CONTROLS, '')
    .replace(C1_CONTROLS, (char) =>
      iconv.decode(Buffer.from([char.charCodeAt(0)]), 'windows-1252'),
    );
}

export function detectEncoding(body: Buffer, contentType?: string): string {
  const sniffed = matchPrefix(body, BYTE_ORDER_MARKS) ?? matchPrefix(body, WIDE_PATTERNS);
  if (sniffed !== undefined) return sniffed;
  // The document starts in an ASCII-compatible encoding here, so a wide label must be wrong.
  const declared = [charsetFromContentType(contentType), declarationEncoding(body)]
    .map((label) => (label === undefined ? undefined : normalizeCharset(label)))
    .find((name) => name !== undefined && !isWideEncoding(name));
  if (declared !== undefined) return declared;
  return isUtf8(body) ? 'utf-8' : 'windows-1252';
}

function matchPrefix(body: Buffer, table: [string, number[]][]): string | undefined {
  return table.find(([, prefix]) => prefix.every((byte, i) => body[i] === byte))?.[0];
}

function declarationEncoding(body: Buffer): string | undefined {
  const head = body.subarray(0, DECLARATION_SCAN_BYTES).toString('latin1');
  return XML_DECLARATION_ENCODING.exec(head)?.[1];
}

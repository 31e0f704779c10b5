import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { charsetFromBom, charsetFromContentType, charsetFromMeta } from './charset.js';

/**
 * Decodes page bytes the way a browser would: byte-order mark, then the HTTP charset, then a
 * `<meta>` declaration, then UTF-8 when the bytes are valid UTF-8 and windows-1252 otherwise
 * (the legacy default of Western European pages, and a lossless reading of any byte).
 */
export function decodeHtml(body: Buffer, contentType?: string): string {
  return iconv.decode(body, detectCharset(body, contentType));
}

export function detectCharset(body: Buffer, contentType?: string): string {
  return (
    charsetFromBom(body) ??
    charsetFromContentType(contentType) ??
    charsetFromMeta(body) ??
    (isUtf8(body) ? 'utf-8' : 'windows-1252')
  );
}

import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createUnzip } from 'node:zlib';
import { TooLargeError, UnsupportedContentError } from '../core/http-errors.js';

/**
 * Reads a response body, decoding gzip/deflate/br, and stops as soon as the DECODED size passes
 * `maxBytes`. Decompression is pulled chunk by chunk, so a gzip bomb never inflates past the cap
 * (plus one zlib output chunk, 16 KiB) and nothing over the cap is kept.
 */
export async function readCappedBody(
  body: Readable,
  contentEncoding: string | undefined,
  maxBytes: number,
  url: string,
): Promise<Buffer> {
  const decoded = decodeStream(body, contentEncoding, url);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of decoded as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Leaving the loop destroys `decoded`, and pipeline() then destroys the socket's body stream.
    if (size > maxBytes) throw tooLarge(url, maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

export function tooLarge(url: string, maxBytes: number): TooLargeError {
  return new TooLargeError(`${url}: body larger than ${maxBytes} bytes`, {
    context: { url, maxBytes },
  });
}

function decodeStream(body: Readable, contentEncoding: string | undefined, url: string): Readable {
  const encoding = (contentEncoding ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity' || encoding === '') return body;
  // Unzip accepts both gzip and zlib-wrapped deflate, which is what servers send as "deflate".
  if (encoding === 'gzip' || encoding === 'x-gzip' || encoding === 'deflate') {
    return pipeline(body, createUnzip(), ignoreError);
  }
  if (encoding === 'br') return pipeline(body, createBrotliDecompress(), ignoreError);
  throw new UnsupportedContentError(`${url}: unsupported Content-Encoding ${encoding}`, {
    context: { url, contentEncoding: encoding },
  });
}

/** The error also surfaces from the returned stream, where readCappedBody handles it. */
function ignoreError(): void {}

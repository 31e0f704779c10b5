import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ByteCounter } from './served-body.js';

/** 64 KiB, a typical write size of real servers; the client sees many chunks, never one blob. */
const CHUNK_BYTES = 64 * 1024;
const OPENING = '<!DOCTYPE html><html lang="de"><head><title>Archiv</title></head><body>\n';
const FILLER_LINE = '<p>Archivseite mit sehr vielen Meldungen, Teil einer endlosen Liste.</p>\n';

function fillerChunk(): Buffer {
  const lines = FILLER_LINE.repeat(Math.ceil(CHUNK_BYTES / FILLER_LINE.length));
  return Buffer.from((OPENING + lines).slice(0, CHUNK_BYTES), 'ascii');
}

const CHUNK = fillerChunk();

function drainOrClose(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * Streams `totalBytes` of filler HTML with chunked encoding (no Content-Length, so only a size
 * cap while reading protects the client). Honours backpressure and stops as soon as the client
 * goes away, so `countBytes` reflects what a capped client really made us send.
 */
export async function streamFiller(
  req: IncomingMessage,
  res: ServerResponse,
  totalBytes: number,
  countBytes: ByteCounter,
): Promise<void> {
  let closed = false;
  res.once('close', () => (closed = true));
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  if (req.method === 'HEAD') return void res.end();
  let remaining = totalBytes;
  while (remaining > 0 && !closed) {
    const piece = remaining >= CHUNK.length ? CHUNK : CHUNK.subarray(0, remaining);
    const flowing = res.write(piece);
    countBytes(piece.length);
    remaining -= piece.length;
    if (!flowing) await drainOrClose(res);
  }
  if (!closed) res.end();
}

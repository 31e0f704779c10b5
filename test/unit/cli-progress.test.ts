import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { countsLine } from '../../src/cli/progress.js';

function capture(isTTY: boolean) {
  const out = Object.assign(new PassThrough(), { isTTY });
  const chunks: string[] = [];
  out.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { out, text: () => chunks.join('') };
}

test('long commands redraw one line on a terminal and end it with a newline', () => {
  const tty = capture(true);
  const line = countsLine<{ scanned: number; changed: number }>(tty.out, 'retag');
  line.update({ scanned: 200, changed: 3 });
  line.done({ scanned: 400, changed: 5 });
  assert.equal(
    tty.text(),
    '\r\x1b[2Kretag: 200 scanned, 3 changed\r\x1b[2Kretag: 400 scanned, 5 changed\n',
  );
});

test('off a terminal the live line writes nothing: logs and final counts say it', () => {
  const pipe = capture(false);
  const line = countsLine<{ imported: number }>(pipe.out, 'import');
  line.update({ imported: 1 });
  line.done({ imported: 2 });
  assert.equal(pipe.text(), '');
});

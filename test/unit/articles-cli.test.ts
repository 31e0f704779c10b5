import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { extractCommand } from '../../src/cli/commands/extract.js';
import type { CliIO, Runner } from '../../src/cli/types.js';

const PAGES = new URL('../fixtures/pages/', import.meta.url);
const RT_PAGE = fileURLToPath(new URL('de-rt-buendnis.html', PAGES));

async function runExtract(args: string[], env: NodeJS.ProcessEnv = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const io: CliIO = { stdout, stderr, stdin: new PassThrough(), env };
  let exitCode = -1;
  const run: Runner = async (action) => {
    exitCode = await action();
  };
  await extractCommand.build(io, run).exitOverride().parseAsync(args, { from: 'user' });
  return {
    exitCode,
    lines: chunks
      .join('')
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l)),
  };
}

describe('presswatch extract', () => {
  test('--json prints one line per input, reads .html.gz, goes on after a failure, exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'presswatch-extract-'));
    const gz = join(dir, 'ru.html.gz');
    writeFileSync(gz, gzipSync(readFileSync(new URL('ru-alliance-utf8.html', PAGES))));
    const shell = fileURLToPath(new URL('script-shell.html', PAGES));
    const { exitCode, lines } = await runExtract([RT_PAGE, shell, gz, '--json']);
    assert.equal(exitCode, 1);
    assert.equal(lines.length, 3);
    assert.deepEqual(Object.keys(lines[0]), [
      'input',
      'url',
      'title',
      'authors',
      'published_at',
      'updated_at',
      'language',
      'site_name',
      'lead_image',
      'provenance',
      'warnings',
      'text',
      'html',
    ]);
    assert.equal(lines[0].provenance.title !== undefined, true);
    assert.equal(lines[0].title, 'Kreml bestätigt: Moskau bietet Peking ein Militärbündnis an');
    assert.deepEqual(lines[1], { input: shell, error: lines[1].error, code: 'NO_ARTICLE_TEXT' });
    assert.equal(lines[2].language, 'ru');
  });

  test('--url sets the base URL of a local file', async () => {
    const { exitCode, lines } = await runExtract([
      RT_PAGE,
      '--json',
      '--url',
      'https://mirror.example/a',
    ]);
    assert.equal(exitCode, 0);
    assert.equal(
      lines[0].url,
      'https://mirror.example/international/2026/03/14/kreml-militaerbuendnis-peking/',
    );
  });

  test('fetches http URLs and decodes by the Content-Type charset', async () => {
    const body = readFileSync(new URL('ru-alliance-cp1251.html', PAGES));
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' });
      res.end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/politika/`;
      const { exitCode, lines } = await runExtract([url, '--json'], {
        PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
      });
      assert.equal(exitCode, 0);
      assert.equal(lines[0].title, 'Кремль подтвердил предложение Пекину о военном союзе');
      assert.deepEqual(lines[0].authors, ['Ирина Петрова']);
    } finally {
      server.close();
    }
  });
});

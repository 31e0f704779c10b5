import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { feedInspectCommand } from '../../src/cli/commands/feed-inspect.js';
import type { CliIO, Runner } from '../../src/cli/types.js';

interface ItemLine {
  title: string | null;
  canonical_url: string | null;
  published_at: string | null;
}
interface InspectLine {
  input: string;
  feed?: { title: string | null };
  items?: ItemLine[];
  error?: string;
  code?: string;
}

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/feeds/${name}`, import.meta.url));

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function inspect(args: string[], env: NodeJS.ProcessEnv = {}) {
  const out = collect();
  const err = collect();
  const io: CliIO = { stdout: out.stream, stderr: err.stream, stdin: new PassThrough(), env };
  let exitCode = -1;
  const run: Runner = async (action) => {
    exitCode = await action();
  };
  const program = new Command('presswatch')
    .exitOverride()
    .addCommand(feedInspectCommand.build(io, run));
  await program.parseAsync(['feed', 'inspect', ...args], { from: 'user' });
  return { exitCode, stdout: out.text(), stderr: err.text() };
}

const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=windows-1251' });
  res.end(readFileSync(fixture('rss-windows-1251-ru.xml')));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/rss`;
after(() => {
  server.closeAllConnections();
  server.close();
});

describe('feed inspect', () => {
  test('--json prints one line per input, goes on after a failure, exits 1', async () => {
    const result = await inspect([
      '--json',
      fixture('rss20-latin1-de.xml'),
      fixture('no-such.xml'),
      fixture('malformed.xml'),
    ]);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as InspectLine);
    assert.equal(result.exitCode, 1);
    assert.equal(lines.length, 3);
    const [ok, missing, malformed] = lines as [InspectLine, InspectLine, InspectLine];
    assert.equal(ok.feed?.title, 'Rheinischer Bote - Nachrichten');
    // A saved feed's relative links resolve against the feed's own site link.
    assert.equal(
      ok.items?.[0]?.canonical_url,
      'https://www.rheinischer-bote.example.de/politik/foerderprogramm-strassenbahnen-100.html',
    );
    assert.deepEqual(Object.keys(ok.items?.[0] ?? {}), [
      'id',
      'title',
      'link',
      'canonical_url',
      'published_at',
      'author',
      'authors',
      'summary',
      'content',
      'enclosures',
    ]);
    assert.equal(ok.items?.[1]?.published_at, null);
    assert.equal(missing.input, fixture('no-such.xml'));
    assert.equal(typeof missing.error, 'string');
    assert.equal(malformed.code, 'FEED_PARSE');
  });

  test('fetches URLs over HTTP when private networks are allowed, exit 0', async () => {
    const result = await inspect(['--json', feedUrl], {
      PRESSWATCH_ALLOW_PRIVATE_NETWORKS: 'true',
    });
    const line = JSON.parse(result.stdout) as InspectLine;
    assert.equal(result.exitCode, 0);
    assert.equal(line.input, feedUrl);
    assert.equal(line.items?.[1]?.title, 'В Москве открылась выставка современного искусства');
    assert.equal(line.items?.[1]?.canonical_url, 'https://vestnik.example.ru/culture/vystavka/');
  });

  test('refuses a loopback URL by default and says why', async () => {
    const result = await inspect(['--json', feedUrl]);
    assert.equal(result.exitCode, 1);
    assert.equal((JSON.parse(result.stdout) as { code: string }).code, 'BLOCKED_ADDRESS');
  });

  test('without --json prints a readable listing, errors on stderr', async () => {
    const result = await inspect([fixture('atom-xml-base.xml'), fixture('malformed.xml')]);
    assert.equal(result.exitCode, 1);
    assert.match(result.stdout, /North Wire \(2 items\)/);
    assert.match(
      result.stdout,
      /2024-08-01T07:30:00.000Z {2}Talks on grain corridor resume in Istanbul/,
    );
    assert.match(result.stderr, /malformed\.xml: FEED_PARSE/);
  });
});

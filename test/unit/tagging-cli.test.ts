import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { tagCommand } from '../../src/cli/commands/tag.js';

async function runTag(lines: string[]): Promise<{ code: number; out: unknown[] }> {
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const io = { stdout, stderr: new PassThrough(), stdin: Readable.from(lines.join('\n')), env: {} };
  let code = -1;
  const command = tagCommand.build(io, async (action) => {
    code = await action();
  });
  await new Command('presswatch')
    .addCommand(command)
    .parseAsync(['tag', '--config', 'config'], { from: 'user' });
  return {
    code,
    out: chunks
      .join('')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown),
  };
}

test('tag: NDJSON in, NDJSON out; bad lines are reported in place and fail the run', async () => {
  const { code, out } = await runTag([
    JSON.stringify({
      id: 'a',
      title: 'Sanktionen gegen Russland',
      text: 'Die EU beschließt neue Sanktionen.',
      language: 'de',
    }),
    'not json',
    JSON.stringify({ id: 'b', text: 'no title' }),
    JSON.stringify({ id: 'c', title: 'Kyiv', text: 'Ukraine', language: 'en' }),
  ]);
  assert.equal(code, 1);
  assert.equal(out.length, 4);
  const [first, bad, missing, last] = out as Record<string, unknown>[];
  assert.deepEqual(Object.keys(first ?? {}), [
    'id',
    'language',
    'topics',
    'countries',
    'country_mentions',
    'actors',
    'pairs',
    'evidence',
  ]);
  assert.deepEqual(first?.countries, ['RU']);
  assert.equal(bad?.line, 2);
  assert.equal(typeof bad?.error, 'string');
  assert.equal(missing?.line, 3);
  assert.deepEqual(last?.countries, ['UA']);
});

test('tag: exit 0 when every line is good', async () => {
  const { code, out } = await runTag([
    JSON.stringify({ id: 1, title: 'x', text: 'y', language: 'en' }),
  ]);
  assert.equal(code, 0);
  assert.equal(out.length, 1);
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, it } from 'node:test';
import { NoArticleTextError } from '../../src/core/stage-errors.js';
import { createExtractionPool } from '../../src/articles/pool/pool.js';
import { ExtractionTimeoutError } from '../../src/articles/pool/errors.js';

const PAGES = new URL('../fixtures/pages/', import.meta.url);
const wire = readFileSync(new URL('en-wire-alliance.html', PAGES), 'utf8');
const shell = readFileSync(new URL('script-shell.html', PAGES), 'utf8');

/** About 10 MB of prose paragraphs in nested sections: slow to parse, score and render. */
function hugePage(): string {
  const paragraph = '<p>The committee met again, and the members, tired, argued at length.</p>';
  const section = `<section><div>${paragraph.repeat(50)}</div></section>`;
  return `<html><body><article>${section.repeat(2800)}</article></body></html>`;
}

describe('extraction pool', () => {
  const pool = createExtractionPool({ threads: 1, timeoutMs: 300 });
  after(() => pool.close());

  it('extracts a page on its thread', async () => {
    const extraction = await pool.extract(wire, 'https://wire.example/alliance');
    assert.ok(extraction.text.length > 200);
  });

  it('keeps the error class of a page without article text', async () => {
    await assert.rejects(pool.extract(shell, 'https://x.example/'), NoArticleTextError);
  });

  it('stops a page over the time limit with a permanent error, then serves the next', async () => {
    await assert.rejects(pool.extract(hugePage(), 'https://x.example/huge'), (err) => {
      assert.ok(err instanceof ExtractionTimeoutError);
      assert.equal(err.disposition, 'permanent');
      assert.match(err.message, /longer than 300 ms/);
      return true;
    });
    const extraction = await pool.extract(wire, 'https://wire.example/alliance');
    assert.ok(extraction.text.length > 200);
  });
});

describe('extraction pool with the default limits', () => {
  const pool = createExtractionPool();
  after(() => pool.close());

  it('extracts a 10 MB page without losing the thread', async () => {
    const html = hugePage();
    assert.ok(html.length > 10_000_000);
    const extraction = await pool.extract(html, 'https://x.example/huge');
    assert.ok(extraction.text.length > 5_000_000);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSources } from '../../src/config/sources.js';
import { ConfigError } from '../../src/core/errors.js';
import type { ArticleDocument } from '../../src/core/document.js';
import { creditedSources, newStoryDocument, sourceDirectory } from '../../src/stories/index.js';

function writeYaml(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'pw-sources-')), 'sources.yaml');
  writeFileSync(path, text);
  return path;
}

const directory = sourceDirectory([
  { id: 'rt-de', domains: ['de.rt.com', 'rtde.site'], credit_names: ['RT DE', 'RT Deutsch'] },
  { id: 'tass', domains: ['tass.ru', 'tass.com'], credit_names: ['TASS', 'ТАСС'] },
]);

describe('sources', () => {
  test('mirrors and their subdomains are one source; other hosts are their own', () => {
    assert.equal(directory.sourceOf('www.rtde.site'), 'rt-de');
    assert.equal(directory.sourceOf('de.rt.com'), 'rt-de');
    assert.equal(directory.sourceOf('amp.tass.com'), 'tass');
    assert.equal(directory.sourceOf('rt.com'), 'rt.com');
  });

  test('credits in cites and in prose, in German, English and Russian', () => {
    assert.deepEqual(creditedSources('Text.', ['rtde.site'], directory), ['rt-de']);
    assert.deepEqual(creditedSources('RT DE zufolge ist das so.', [], directory), ['rt-de']);
    assert.deepEqual(creditedSources('That is so, according to TASS.', [], directory), ['tass']);
    assert.deepEqual(creditedSources('Как сообщает ТАСС, переговоры идут.', [], directory), [
      'tass',
    ]);
  });

  test('a name outside a credit sentence is no credit', () => {
    assert.deepEqual(creditedSources('TASS hat ein neues Büro eröffnet.', [], directory), []);
  });

  test('the bundled sources.yaml is valid; a missing file groups nothing', () => {
    assert.ok(loadSources('config/sources.yaml').some((s) => s.id === 'rt-de'));
    assert.deepEqual(loadSources('/nonexistent/sources.yaml'), []);
  });

  test('every mistake is reported at once, with its place', () => {
    const path = writeYaml(
      [
        'sources:',
        '  - id: Bad_Id',
        '    domains: [a.example]',
        '  - id: b',
        '    domains: [A.Example, a.example]',
        '  - id: b',
        '    domains: []',
      ].join('\n'),
    );
    assert.throws(
      () => loadSources(path, 'config/sources.yaml'),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.deepEqual(err.issues, [
          'config/sources.yaml: sources[0].id: lowercase letters, digits and - only',
          'config/sources.yaml: sources[1].domains[0]: a lowercase host name such as de.rt.com',
          'config/sources.yaml: sources[2].domains: Too small: expected array to have >=1 items',
          'config/sources.yaml: sources[1].domains[1]: a.example already belongs to Bad_Id',
          'config/sources.yaml: sources[2].id: duplicate id b',
        ]);
        return true;
      },
    );
  });

  test('a built article becomes a story document: mirror source, credits, fingerprint', () => {
    const doc = {
      ...{ id: 'x', body: 'Laut RT Deutsch ist das so.', cites: ['tass.ru'] },
      ...{ first_seen_at: '2026-03-03T10:00:00Z', source: { domain: 'rtde.site' } },
    } as ArticleDocument;
    const story = newStoryDocument(doc, directory);
    assert.deepEqual(
      [story.source_id, story.credited_sources, story.fingerprint.shingles],
      ['rt-de', ['rt-de', 'tass'], 3],
    );
  });
});

import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { Client } from '@elastic/elasticsearch';
import { pino } from 'pino';
import {
  indexNames,
  indexTemplate,
  LANGUAGE_ANALYZERS,
  searchFields,
  type AnalyzerProfile,
} from '../../src/store/elasticsearch/mapping.js';
import { probeAnalyzerProfile, setUpIndices } from '../../src/store/elasticsearch/setup.js';
import { requireServices } from '../support/services.js';

/**
 * Elasticsearch's built-in language analyzers, as listed in the reference ("Language analyzers",
 * 8.x). Any analyzer name the language profile uses must be one of these, or `setup` fails on
 * a full Elasticsearch, which this test server (the integ-test distribution) cannot show.
 */
const BUILT_IN_LANGUAGE_ANALYZERS = new Set([
  'arabic', 'armenian', 'basque', 'bengali', 'brazilian', 'bulgarian', 'catalan', 'cjk',
  'czech', 'danish', 'dutch', 'english', 'estonian', 'finnish', 'french', 'galician', 'german',
  'greek', 'hindi', 'hungarian', 'indonesian', 'irish', 'italian', 'latvian', 'lithuanian',
  'norwegian', 'persian', 'portuguese', 'romanian', 'russian', 'serbian', 'sorani', 'spanish',
  'swedish', 'turkish', 'thai',
]); // prettier-ignore

/** Every `analyzer` named anywhere in a mapping, with the path of the field that names it. */
function analyzersOf(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (typeof value !== 'object' || value === null) return found;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'analyzer' && typeof child === 'string') found.set(path, child);
    const childPath =
      key === 'properties' || key === 'fields' ? path : `${path}${path ? '.' : ''}${key}`;
    for (const [p, a] of analyzersOf(child, childPath)) found.set(p, a);
  }
  return found;
}

function templateAnalyzers(profile: AnalyzerProfile): Map<string, string> {
  return analyzersOf(indexTemplate(indexNames('x'), profile).template?.mappings);
}

describe('index template', () => {
  test('the language profile uses only built-in language analyzers, one sub-field each', () => {
    const analyzers = templateAnalyzers('language');
    for (const [field, analyzer] of analyzers) {
      if (analyzer === 'standard') continue;
      assert.ok(BUILT_IN_LANGUAGE_ANALYZERS.has(analyzer), `${field}: ${analyzer} is not built in`);
    }
    for (const field of ['title', 'body', 'summary']) {
      for (const [language, analyzer] of Object.entries(LANGUAGE_ANALYZERS)) {
        assert.equal(analyzers.get(`${field}.${language}`), analyzer);
      }
    }
    assert.deepEqual(Object.entries(LANGUAGE_ANALYZERS).sort(), [
      ['de', 'german'],
      ['en', 'english'],
      ['ru', 'russian'],
    ]);
  });

  test('the fallback profile uses the standard analyzer only', () => {
    const analyzers = templateAnalyzers('standard');
    assert.deepEqual(new Set(analyzers.values()), new Set(['standard']));
    assert.deepEqual([...analyzers.keys()].sort(), ['authors', 'body', 'summary', 'title']);
  });

  test('search covers every text field and language sub-field, title boosted', () => {
    const fields = searchFields();
    assert.ok(fields.includes('title^3') && fields.includes('title.de^3'));
    assert.ok(
      fields.includes('body') && fields.includes('body.ru') && fields.includes('summary.en'),
    );
  });
});

describe('setup on the test server (no analysis-common)', () => {
  const { elasticsearchUrl } = requireServices();
  const client = new Client({ node: elasticsearchUrl });
  const names = indexNames(`pwtest-mapping-${Date.now().toString(36)}-${process.pid}`);
  after(async () => {
    await client.indices.delete({ index: names.firstIndex, ignore_unavailable: true });
    await client.indices.deleteIndexTemplate({ name: names.template });
    await client.close();
  });

  test('probes the missing German analyzer, falls back with a warning', async () => {
    assert.equal(await probeAnalyzerProfile(client), 'standard');
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    assert.equal(await setUpIndices(client, names, pino({ level: 'warn' }, sink)), 'standard');
    assert.ok(
      lines.some((line) => /standard analyzer/.test(line)),
      'no warning logged',
    );
  });

  test('the live index has the fallback mapping', async () => {
    const mapping = await client.indices.getMapping({ index: names.alias });
    const live = mapping[names.firstIndex]?.mappings;
    assert.equal(live?.dynamic, 'strict');
    assert.deepEqual(new Set(analyzersOf(live).values()), new Set(['standard']));
    const tokens = await client.indices.analyze({
      index: names.firstIndex,
      field: 'body',
      text: 'Militärbündnis союз',
    });
    assert.deepEqual(
      tokens.tokens?.map((t) => t.token),
      ['militärbündnis', 'союз'],
    );
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../src/core/errors.js';
import { parseTaxonomy, type TaxonomySources } from '../../src/tagging/index.js';

function sources(topics: string, countries?: string, actors?: string): TaxonomySources {
  return {
    topics: { source: 'config/topics.yaml', text: topics },
    countries: {
      source: 'config/gazetteer/countries.yaml',
      text: countries ?? readFileSync('config/gazetteer/countries.yaml', 'utf8'),
    },
    actors: {
      source: 'config/gazetteer/actors.yaml',
      text: actors ?? readFileSync('config/gazetteer/actors.yaml', 'utf8'),
    },
  };
}

const BROKEN_TOPICS = `
defaults: { title_weight: 2, threshold: 3, length_unit: 300 }
topics:
  - id: Sanctions
    labels: { de: Sanktionen, en: Sanctions, ru: Санкции }
    terms:
      de:
        - { term: Sanktion, weight: zero }
  - id: alliance
    labels: { de: Bündnis, en: Alliance, ru: Союз, fr: Alliance }
    broader: nowhere
    requires: [{ groups: [military] }]
    terms:
      en:
        - { term: alliance, weight: 3, compound: true }
relations:
  - id: alliance
    cues: { de: [{ term: Pakt, compound: true }] }
`;

describe('loadTaxonomy validation', () => {
  test('the shipped taxonomy is valid', () => {
    const taxonomy = parseTaxonomy(sources(readFileSync('config/topics.yaml', 'utf8')));
    assert.ok(taxonomy.topics.topics.length >= 9);
  });

  test('a broken topics.yaml yields one ConfigError listing every issue with its place', () => {
    const err = (() => {
      try {
        parseTaxonomy(
          sources(BROKEN_TOPICS, 'ignore: {}\ncountries: { XX: { de: [Xland], en: [ab*] } }'),
        );
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    assert.ok(err instanceof ConfigError);
    const issues = err.issues.join('\n');
    assert.match(issues, /config\/topics\.yaml: topics\[0\]\.id: must be kebab-case/);
    assert.match(issues, /config\/topics\.yaml: topics\[0\]\.labels\.fr: /);
    assert.match(issues, /config\/topics\.yaml: topics\[0\]\.terms\.de\[0\]\.weight: /);
    assert.match(issues, /config\/gazetteer\/countries\.yaml: countries\.XX: unknown country code/);
    assert.match(
      issues,
      /config\/gazetteer\/countries\.yaml: countries\.XX\.en\[0\]: root of "ab\*"/,
    );
  });

  test('reference and compound rules are checked once the shape is right', () => {
    const fixed = BROKEN_TOPICS.replace('id: Sanctions', 'id: sanctions')
      .replace('ru: Санкции }', 'ru: Санкции, fr: Sanctions }')
      .replace('weight: zero', 'weight: 3');
    assert.throws(
      () => parseTaxonomy(sources(fixed)),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.deepEqual(err.issues, [
          'config/topics.yaml: topics[1].terms.en[0].compound: compound matching is for German terms only',
          'config/topics.yaml: topics[1].broader: unknown topic "nowhere"',
          'config/topics.yaml: topics[1].requires[0].groups[0]: no term has group "military"',
          'config/topics.yaml: relations[0].cues.de[0].term: stem "pakt" is too short for compound matching (< 5)',
        ]);
        return true;
      },
    );
  });

  test('invalid YAML is reported with the file name', () => {
    assert.throws(
      () => parseTaxonomy(sources('topics: [')),
      /config\/topics\.yaml: \(root\): not valid YAML/,
    );
  });

  test('the version changes with the rules', () => {
    const text = readFileSync('config/topics.yaml', 'utf8');
    const a = parseTaxonomy(sources(text)).version;
    const b = parseTaxonomy(sources(`${text}\n# edited\n`)).version;
    assert.notEqual(a, b);
    assert.equal(a.split('+')[0], b.split('+')[0]);
  });
});

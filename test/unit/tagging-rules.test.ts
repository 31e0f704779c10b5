import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../src/core/errors.js';
import { createTagger, parseTaxonomy } from '../../src/tagging/index.js';
import { lengthFactor } from '../../src/tagging/topics.js';

/** A small taxonomy of our own, so each rule feature is tested apart from the shipped weights. */
const TOPICS = `
defaults: { title_weight: 2, threshold: 3, length_unit: 100 }
topics:
  - id: international-relations
    labels: { de: IB, en: IR, ru: МО, fr: RI }
    threshold: 10
    terms: { en: [{ term: diplomacy, weight: 3 }] }
  - id: armed-conflict
    labels: { de: Krieg, en: War, ru: Война, fr: Guerre }
    broader: international-relations
    broader_min_countries: 2
    terms:
      en:
        - { term: strikes, weight: 3, near: [missile, drone], within: 2 }
        - { term: shelling, weight: 3 }
      ru: [{ term: СВО, weight: 3 }]
  - id: protests
    labels: { de: Proteste, en: Protests, ru: Протесты, fr: Manifestations }
    excludes: [sport]
    terms:
      en:
        - { term: protest, weight: 3 }
        - { term: referee, weight: 1, group: sport }
relations:
  - id: conflict
    cues: { en: [{ term: war }] }
`;

function taxonomy(topics: string) {
  const read = (path: string) => ({ source: path, text: readFileSync(path, 'utf8') });
  return parseTaxonomy({
    topics: { source: 'topics.yaml', text: topics },
    countries: read('config/gazetteer/countries.yaml'),
    actors: read('config/gazetteer/actors.yaml'),
  });
}

const tagger = createTagger(taxonomy(TOPICS));
const tagEn = (text: string, title = '') => tagger.tag({ title, text, language: 'en' });

describe('rules: short acronyms', () => {
  test('a term written in capitals up to three letters matches only in capitals', () => {
    const tagRu = (text: string) => tagger.tag({ title: '', text, language: 'ru' }).topics;
    assert.deepEqual(tagRu('Участники СВО вернулись домой.'), ['armed-conflict']);
    assert.deepEqual(tagRu('Клуб продлил договор со своим капитаном.'), []);
  });
});

describe('rules: proximity (near … within)', () => {
  test('a term counts with an anchor word within reach', () => {
    assert.deepEqual(tagEn('Missile strikes hit the port.').topics, ['armed-conflict']);
    assert.deepEqual(tagEn('The strikes by drone crews went on.').topics, ['armed-conflict']);
  });

  test('the same term without an anchor nearby does not count', () => {
    assert.deepEqual(tagEn('Rail strikes closed the stations for a day.').topics, []);
    const far = 'A missile museum opened; its staff later voted for strikes.';
    assert.deepEqual(tagEn(far).topics, []);
  });
});

describe('rules: NOT groups (excludes)', () => {
  test('a topic is dropped when a term of an excluded group matched', () => {
    assert.deepEqual(tagEn('A protest filled the square.').topics, ['protests']);
    assert.deepEqual(tagEn('Fans staged a protest against the referee.').topics, []);
  });
});

describe('rules: umbrella only with enough main countries', () => {
  test('a war inside one country does not tag the umbrella', () => {
    const civil = tagEn('Shelling in Sudan went on. Sudan said the shelling hit Khartoum.');
    assert.deepEqual(civil.topics, ['armed-conflict']);
  });

  test('a war between two countries does', () => {
    const text =
      'Russia kept up the shelling. Ukraine said Russia was shelling Kharkiv. Ukraine answered.';
    assert.deepEqual(tagEn(text, 'Russia and Ukraine').topics, [
      'armed-conflict',
      'international-relations',
    ]);
  });
});

describe('rules: length normalisation', () => {
  test('the factor is 1 up to one length unit and falls with the square root beyond', () => {
    assert.equal(lengthFactor(50, 100), 1);
    assert.equal(lengthFactor(100, 100), 1);
    assert.equal(lengthFactor(400, 100), 0.5);
  });

  test('a term that decides a short article does not decide a long one', () => {
    assert.deepEqual(tagEn('Shelling was reported.').topics, ['armed-conflict']);
    const long = `Shelling was reported. ${'The town held its market as usual. '.repeat(60)}`;
    assert.deepEqual(tagEn(long).topics, []);
    const evidence = tagEn('Shelling was reported.').evidence.topics['armed-conflict'];
    assert.equal(evidence?.score, 3);
  });
});

describe('rules: validation', () => {
  test('near without within, and an unknown excluded group, are reported with their place', () => {
    const broken = TOPICS.replace(', within: 2', '').replace(
      'excludes: [sport]',
      'excludes: [music]',
    );
    assert.throws(
      () => taxonomy(broken),
      (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.deepEqual(err.issues, [
          'topics.yaml: topics[1].terms.en[0]: "near" and "within" go together',
          'topics.yaml: topics[2].excludes[0]: no term has group "music"',
        ]);
        return true;
      },
    );
  });
});

describe('countries: names that are people or other places', () => {
  test('Jordan the person is not Jordan the country', () => {
    assert.deepEqual(tagEn('Jordan Henderson signed for Ajax.').country_mentions, []);
    assert.deepEqual(tagEn('A film about Michael Jordan opened.').country_mentions, []);
    assert.deepEqual(tagEn("King Abdullah of Jordan met Jordan's neighbours.").country_mentions, [
      'JO',
    ]);
  });

  test('Georgia the US state is not Georgia the country', () => {
    const state = tagEn('Voters in Georgia chose a senator. Atlanta counted late.');
    assert.deepEqual(state.country_mentions, []);
    const country = tagEn('Protests in Georgia grew as Tbilisi police used water cannon.');
    assert.deepEqual(country.country_mentions, ['GE']);
  });
});

describe('countries: German compounds and Russian declension', () => {
  const shipped = createTagger(taxonomy(readFileSync('config/topics.yaml', 'utf8')));
  const mentions = (text: string, language: string) =>
    shipped.tag({ title: '', text, language }).country_mentions;

  test('a country name opening a German compound counts', () => {
    assert.deepEqual(mentions('Die Russlandreise und die Chinapolitik.', 'de'), ['CN', 'RU']);
    assert.deepEqual(mentions('Der Frankreichbesuch fiel aus.', 'de'), ['FR']);
  });

  test('short names and endings do not: Mann, Polenta, Perücke, Russlands', () => {
    assert.deepEqual(mentions('Thomas Mann und seine Männer aßen Polenta.', 'de'), []);
    assert.deepEqual(mentions('Eine Perücke aus Omaha.', 'de'), []);
    assert.deepEqual(mentions('Die Politik Russlands.', 'de'), ['RU']);
  });

  test('multi-word Russian names decline in every word', () => {
    assert.deepEqual(mentions('Делегация Соединённых Штатов прибыла.', 'ru'), ['US']);
    assert.deepEqual(mentions('Договор с Новой Зеландией подписан.', 'ru'), ['NZ']);
    assert.deepEqual(mentions('Визит в Соединённые Штаты.', 'ru'), ['US']);
  });

  test('a bare noun root is no case form: the name Dani is not Denmark', () => {
    assert.deepEqual(mentions('Венгерка Дьенджи Дани финишировала девятой.', 'ru'), ['HU']);
    assert.deepEqual(mentions('Премьер Дании прибыл.', 'ru'), ['DK']);
  });

  test('feminine inhabitants: Österreicherin, австрийка', () => {
    assert.deepEqual(mentions('Die Österreicherin gewann.', 'de'), ['AT']);
    assert.deepEqual(mentions('Победила австрийка.', 'ru'), ['AT']);
  });
});

describe('pairs: relation from the article topic', () => {
  const shipped = createTagger(taxonomy(readFileSync('config/topics.yaml', 'utf8')));

  test('two main countries in one sentence without a cue word get the topic relation', () => {
    const result = shipped.tag({
      title: 'Russia and Ukraine exchange drone strikes',
      text:
        'Russia fired missiles at Kyiv and drones hit Odesa, Ukraine said. ' +
        'Fighting went on along the front line, with shelling near Donetsk.',
      language: 'en',
    });
    assert.deepEqual(result.pairs, ['RU-UA']);
    assert.equal(result.evidence.pairs['RU-UA']?.relation, 'conflict');
  });
});

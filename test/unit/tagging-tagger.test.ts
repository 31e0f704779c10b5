import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTagger, loadTaxonomy } from '../../src/tagging/index.js';

const tagger = createTagger(loadTaxonomy('config'));

describe('tagger: military alliance between Russia and China', () => {
  test('German article with metonyms and compounds', () => {
    const result = tagger.tag({
      title: 'Moskau bietet Peking ein Militärbündnis an',
      text:
        'Der Kreml hat der chinesischen Führung ein Bündnisangebot unterbreitet. ' +
        'Moskau und Peking sollen sich im Fall eines Angriffs gegenseitig beistehen, heißt es.',
      language: 'de',
    });
    assert.ok(result.topics.includes('military-alliance'));
    assert.ok(result.topics.includes('international-relations'), 'umbrella follows');
    assert.deepEqual(result.countries, ['CN', 'RU']);
    assert.deepEqual(result.pairs, ['CN-RU']);
    assert.equal(result.evidence.pairs['CN-RU']?.relation, 'alliance');
    const terms = result.evidence.topics['military-alliance']?.matches.map(
      (m) => `${m.field}:${m.term}`,
    );
    assert.ok(terms?.includes('title:Bündnis'), 'Militärbündnis matches Bündnis');
    assert.ok(terms?.includes('title:Militär'), 'and Militär');
    assert.ok(terms?.includes('body:Bündnis'), 'Bündnisangebot matches Bündnis');
    const ru = result.evidence.countries.RU?.matches.map((m) => m.term);
    assert.deepEqual(ru, ['Moskau', 'Kreml', 'Moskau']);
  });

  test('English equivalent', () => {
    const result = tagger.tag({
      title: 'Moscow offers Beijing a military alliance',
      text: 'The Kremlin proposed a mutual defence pact to China. Russian and Chinese troops would hold joint exercises.',
      language: 'en',
    });
    assert.ok(result.topics.includes('military-alliance'));
    assert.deepEqual(result.countries, ['CN', 'RU']);
    assert.equal(result.evidence.pairs['CN-RU']?.relation, 'alliance');
  });

  test('Russian equivalent, inflected', () => {
    const result = tagger.tag({
      title: 'Москва предложила Пекину военный союз',
      text: 'В Кремле заявили, что предложение о союзе с Китаем обсуждается. Российские и китайские войска проведут учения.',
      language: 'ru',
    });
    assert.ok(result.topics.includes('military-alliance'));
    assert.deepEqual(result.countries, ['CN', 'RU']);
    assert.equal(result.evidence.pairs['CN-RU']?.relation, 'alliance');
  });
});

describe('tagger: false hits', () => {
  test('a football report is no geopolitics', () => {
    const result = tagger.tag({
      title: 'Late goal lifts Beijing Guoan',
      text: 'The Russian striker scored twice as Beijing Guoan beat their rivals 3-1 in the league on Saturday.',
      language: 'en',
    });
    assert.deepEqual(result.topics, []);
    assert.deepEqual(result.pairs, []);
  });

  test('a holiday in Spain does not make Spain a main country', () => {
    const result = tagger.tag({
      title: 'Koalition streitet über den Haushalt',
      text:
        'Im Bundestag warf die Opposition der Regierung vor, die Schuldenbremse zu umgehen. ' +
        'Der Finanzminister, gerade aus dem Urlaub in Spanien zurück, verteidigte den Entwurf. ' +
        'Die Fraktionen wollen am Donnerstag weiter beraten.',
      language: 'de',
    });
    assert.ok(result.country_mentions.includes('ES'));
    assert.ok(!result.countries.includes('ES'));
  });

  test('Mann and Männer are not the Isle of Man', () => {
    const result = tagger.tag({
      title: 'Ein Mann und seine Männer',
      text: 'Der Mann sprach mit zwei Männern und einem Manne aus dem Dorf.',
      language: 'de',
    });
    assert.ok(!result.country_mentions.includes('IM'));
  });

  test('German party Bündnis 90 is no military alliance', () => {
    const result = tagger.tag({
      title: 'Bündnis 90/Die Grünen stellen Programm vor',
      text: 'Das Bündnis 90 will mehr Geld für die Bundeswehr und ihre Soldaten.',
      language: 'de',
    });
    assert.ok(!result.topics.includes('military-alliance'));
  });
});

describe('tagger: countries and actors', () => {
  test('hyphen compounds name countries', () => {
    const result = tagger.tag({
      title: 'US-Präsident lädt zum China-Gipfel über Sanktionen',
      text: 'Die Russland-Sanktionen und die russisch-chinesische Annäherung stehen auf der Agenda.',
      language: 'de',
    });
    assert.deepEqual(result.country_mentions, ['CN', 'RU', 'US']);
    assert.ok(result.topics.includes('sanctions'));
  });

  test('actors across spellings and cases', () => {
    const ru = tagger.tag({
      title: '',
      text: 'Визит Путина и Лаврова в Брюссель.',
      language: 'ru',
    });
    assert.deepEqual(ru.actors, ['eu', 'lavrov', 'putin']);
    const de = tagger.tag({
      title: '',
      text: 'Lawrow traf Xi Jinping. Putins Sprecher schwieg.',
      language: 'de',
    });
    assert.deepEqual(de.actors, ['lavrov', 'putin', 'xi-jinping']);
  });

  test('a lower-case word is not a capitalised name', () => {
    const result = tagger.tag({
      title: '',
      text: 'we had turkey and china plates with us',
      language: 'en',
    });
    assert.deepEqual(result.country_mentions, []);
  });
});

describe('tagger: language', () => {
  test('detects the language when none is given, and normalises a given one', () => {
    const detected = tagger.tag({
      title: 'Die Regierung beschließt neue Sanktionen',
      text: 'Die Bundesregierung hat am Mittwoch weitere Maßnahmen gegen mehrere Unternehmen beschlossen.',
    });
    assert.equal(detected.language, 'de');
    assert.equal(tagger.tag({ title: 'x', text: 'y', language: 'en-GB' }).language, 'en');
  });

  test('records the version of the rules', () => {
    assert.match(tagger.version, /^\d{4}\.\d+\.\d+\+[0-9a-f]{8}$/);
  });
});

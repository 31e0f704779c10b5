import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetCountryNames, namePattern } from '../../src/tagging/gazetteer.js';
import { PhraseIndex } from '../../src/tagging/phrase-index.js';
import { ALL_CAPS, CAPITALISED, tokenize } from '../../src/tagging/text.js';

describe('tokenize', () => {
  test('Unicode words, lower-cased, ё folded, hyphens and apostrophes split', () => {
    const { words } = tokenize("Der US-Präsident grüßt Ёлкин in l'Iran.");
    assert.deepEqual(words, ['der', 'us', 'präsident', 'grüßt', 'елкин', 'in', 'l', 'iran']);
  });

  test('case flags and sentences; an initial does not end a sentence', () => {
    const stream = tokenize('Die USA und J. Smith. Neu hier!\nZeile');
    assert.equal(stream.flags[1], CAPITALISED | ALL_CAPS);
    assert.equal(stream.flags[2], 0);
    assert.deepEqual([...stream.sentences], [0, 0, 0, 0, 0, 1, 1, 3]);
  });
});

describe('name patterns', () => {
  function matches(name: string, lang: 'de' | 'ru' | 'en', text: string, inflect = false): number {
    const index = new PhraseIndex<string>();
    index.add(namePattern(name, lang, inflect), name);
    const { words, flags } = tokenize(text);
    return index.scan(words, flags).length;
  }

  test('a wildcard takes the language endings', () => {
    assert.equal(matches('Кремл*', 'ru', 'Кремль, Кремля, Кремле'), 3);
    assert.equal(matches('russisch*', 'de', 'russische russischen Russisches'), 3);
  });

  test('dataset names inflect in Russian and take the German genitive -s only', () => {
    assert.equal(matches('Россия', 'ru', 'России Россию Россией', true), 3);
    assert.equal(matches('Russland', 'de', 'Russlands', true), 1);
    assert.equal(matches('Man', 'de', 'Mann Manne', true), 0);
  });

  test('acronyms need capitals, names need a capital', () => {
    assert.equal(matches('US', 'en', 'tell us about the US'), 1);
    assert.equal(matches('Turkey', 'en', 'turkey in Turkey'), 1);
  });

  test('dataset names naming two countries are dropped', () => {
    const names = datasetCountryNames('en', []);
    assert.equal(names.get('Congo'), undefined);
    assert.equal(names.get('Russia'), 'RU');
    assert.equal(datasetCountryNames('ru', ['Того']).has('Того'), false);
  });
});

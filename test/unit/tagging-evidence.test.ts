import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTagger, loadTaxonomy } from '../../src/tagging/index.js';

const tagger = createTagger(loadTaxonomy('config'));

function formsOf(
  evidence: Record<string, { matches: { term: string; forms?: string[] }[] }>,
  tag: string,
  term: string,
): string[] {
  return (evidence[tag]?.matches ?? [])
    .filter((m) => m.term === term)
    .flatMap((m) => m.forms ?? []);
}

describe('evidence: the forms a term was written in', () => {
  test('German compounds and inflections show as written', () => {
    const result = tagger.tag({
      title: 'Neues Militärbündnis im Pazifik',
      text: 'Beide Staaten besiegeln das Bündnis. Die Partner des Bündnisses üben gemeinsam.',
      language: 'de',
    });
    const topics = result.evidence.topics;
    assert.deepEqual(formsOf(topics, 'military-alliance', 'Bündnis').sort(), [
      'Bündnis',
      'Bündnisses',
      'Militärbündnis',
    ]);
  });

  test('Russian country adjectives and multi-word terms keep their case endings', () => {
    const result = tagger.tag({
      title: 'Новые санкции против российского банка',
      text: 'Власти ввели санкции против российского банка и заморозили активы. Ограничительные меры вступят в силу завтра.',
      language: 'ru',
    });
    // One match in the title, one in the body.
    assert.deepEqual(formsOf(result.evidence.countries, 'RU', 'российск'), [
      'российского',
      'российского',
    ]);
    assert.deepEqual(formsOf(result.evidence.topics, 'sanctions', 'ограничительные меры'), [
      'Ограничительные меры',
    ]);
  });

  test('a term found often keeps at most five spellings', () => {
    const endings = ['', 'es', 'ses', 'se', 'sen', 'ses'];
    const text = endings.map((e, i) => `Satz ${i} nennt das Bündnis${e} und die Verteidigung.`);
    const result = tagger.tag({ title: '', text: text.join(' '), language: 'de' });
    const match = result.evidence.topics['military-alliance']?.matches.find(
      (m) => m.term === 'Bündnis',
    );
    assert.equal(match?.count, 6);
    assert.equal(match?.forms?.length, 5);
  });
});

describe('countries: a capital after a place word is the city', () => {
  test('a concert in Berlin is no mention of Germany; Berlin protesting is', () => {
    const place = tagger.tag({
      title: '',
      text: 'Das Konzert findet in Berlin statt.',
      language: 'de',
    });
    assert.deepEqual(place.country_mentions, []);
    const state = tagger.tag({ title: '', text: 'Berlin protestierte scharf.', language: 'de' });
    assert.deepEqual(state.country_mentions, ['DE']);
  });

  test('the same in Russian with case endings, and in French', () => {
    const ru = tagger.tag({ title: '', text: 'Выставка открылась в Москве.', language: 'ru' });
    assert.deepEqual(ru.country_mentions, []);
    const fr = tagger.tag({ title: '', text: 'Un festival a eu lieu à Pékin.', language: 'fr' });
    assert.deepEqual(fr.country_mentions, []);
  });

  test('in a title the place is what the article is about', () => {
    const result = tagger.tag({ title: 'Massenproteste in Belgrad', text: '', language: 'de' });
    assert.deepEqual(result.countries, ['RS']);
  });

  test('seats of power count wherever they stand', () => {
    const result = tagger.tag({
      title: '',
      text: 'Die Nachricht kam aus dem Kreml.',
      language: 'de',
    });
    assert.deepEqual(result.country_mentions, ['RU']);
  });
});

describe('topics: a trade war is between states', () => {
  test('a "trade war" of two online shops is none', () => {
    const result = tagger.tag({
      title: 'Торговая война маркетплейсов',
      text: 'Две площадки снизили комиссии для продавцов.',
      language: 'ru',
    });
    assert.ok(!result.topics.includes('trade-war'));
  });

  test('with tariffs it is one', () => {
    const result = tagger.tag({
      title: 'Торговая война: новые пошлины',
      text: 'Правительство ввело пошлины на сталь.',
      language: 'ru',
    });
    assert.ok(result.topics.includes('trade-war'));
  });
});

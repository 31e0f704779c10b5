import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isBoilerplateLine, trimEnds } from '../../src/articles/tail.js';

const body = (text: string) => ({ text, level: 0 });
const STORY = 'Der Stadtrat hat am Dienstag den Haushalt beschlossen, nach langer Debatte.';

describe('the ends of the story', () => {
  test('labels before the story and calls after it go; the story stays whole', () => {
    const paragraphs = ['Politik', STORY, 'Ein zweiter Absatz.', 'Jetzt Newsletter abonnieren!'];
    const kept = trimEnds(paragraphs.map(body)).map((p) => p.text);
    assert.deepEqual(kept, [STORY, 'Ein zweiter Absatz.']);
  });

  test('a heading may open the story', () => {
    const kept = trimEnds([{ text: 'Die Lage', level: 2 }, body(STORY)]);
    assert.equal(kept.length, 2);
  });

  test('a source credit at the end is kept: the cites are read from it', () => {
    const kept = trimEnds([body(STORY), body('Quelle: TASS')]).map((p) => p.text);
    assert.deepEqual(kept, [STORY, 'Quelle: TASS']);
    assert.equal(isBoilerplateLine('Источник: ТАСС'), false);
  });

  test('a long paragraph that mentions a newsletter is prose', () => {
    const prose = `${STORY} ${STORY} Der Kämmerer will die Zahlen im Newsletter der Stadt erklären.`;
    assert.equal(isBoilerplateLine(prose), false);
  });
});

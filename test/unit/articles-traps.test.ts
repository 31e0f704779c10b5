import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Element, type Document } from 'domhandler';
import { load } from 'cheerio/slim';
import { extractArticle } from '../../src/articles/index.js';
import { hintOf } from '../../src/articles/hints.js';
import { computeStats } from '../../src/articles/stats.js';

/**
 * Small pages built around one trap each, found on the development set and common on news
 * sites: the story must come out whole and the trap's furniture must stay out.
 */
const PAGE_URL = 'https://zeitung.example/lokales/2026/03/14/bruecke/';
const STORY = [
  'Die Stadt hat am Dienstag beschlossen, die alte Brücke über den Kanal bis zum Herbst zu sanieren.',
  'Nach Angaben des Bauamts kostet die Arbeit rund vier Millionen Euro, mehr als zuerst geplant.',
  'Anwohner hatten sich seit Jahren über Risse, Lärm und gesperrte Fahrspuren beschwert.',
  'Der Verkehr soll während der Bauzeit über die Nordbrücke umgeleitet werden, sagte die Sprecherin.',
];
/** Over 500 characters: the hint-free retry for short texts does not run. */
const LONG_STORY = [...STORY, ...STORY];
const paragraphs = (lines: string[]) => lines.map((line) => `<p>${line}</p>`).join('\n');
const page = (body: string, head = '') =>
  `<html><head><title>Brücke wird saniert</title>${head}</head><body>${body}</body></html>`;
const extract = (html: string) => extractArticle(html, PAGE_URL).text;

describe('class names that do not say what a block is', () => {
  test('taxonomy, status and script-hook names and layout switches carry no hint', () => {
    const hint = (names: string) => hintOf(new Element('div', { class: names })).negative;
    assert.equal(hint('post-41 post type-post status-publish tag-ads tag-sidebar-news'), undefined);
    assert.equal(hint('node node--promoted node--sticky'), undefined);
    assert.equal(hint('block-body js-replyNewMessageContainer'), undefined);
    assert.equal(hint('site__main site__main--no-sidebar has-comments'), undefined);
    assert.equal(hint('post-author'), 'strong');
    assert.equal(hint('sidebar-news'), 'strong');
    assert.equal(hint('ez-toc-container'), 'strong');
  });

  test('a promoted Drupal node, a "no-sidebar" layout and a js- hook keep their text', () => {
    const body =
      `<div class="site__main site__main--no-sidebar"><article class="node node--promoted">` +
      `<div class="thread-body js-replyContainer">${paragraphs(STORY)}</div></article></div>`;
    assert.match(extract(page(body)), /rund vier Millionen Euro/);
  });
});

describe('lists never hold the story', () => {
  test('a long list of prose items (a thread, references) does not outscore the article', () => {
    const item = (n: number) =>
      `<li>Leser ${n} schreibt, dass die Brücke schon lange marode sei, und fragt, warum ` +
      `die Stadt so lange gewartet habe, bevor sie etwas unternahm.</li>`;
    const thread = `<ul>${[1, 2, 3, 4, 5, 6, 7, 8].map(item).join('')}</ul>`;
    const text = extract(page(`<div class="text">${paragraphs(STORY)}</div>${thread}`));
    assert.match(text, /^Die Stadt hat am Dienstag/);
    assert.ok(!text.includes('Leser 3 schreibt'));
  });
});

describe('numbers are not prose', () => {
  test('separators inside numbers are not counted as sentence marks', () => {
    const punctuation = (html: string) => {
      const root = load(html).root()[0] as Document;
      return computeStats(root).get(root.children[0] as Element)?.punctuation;
    };
    assert.equal(punctuation('<div>ATX 3078.02 -0.24% 14.03.2026 09:30</div>'), 0);
    assert.equal(punctuation('<p>Er kam, sah und siegte. Um 9.30 Uhr.</p>'), 3);
  });
});

describe('related lists inside the story', () => {
  test('a list marked "related" goes even when its excerpts are long prose', () => {
    const item = (n: number) =>
      `<li><a href="/a${n}">Haushalt ${n}</a> Der Rat streitet, wie schon im Vorjahr, über ` +
      `Kosten, Fristen und Zuschüsse, und vertagt die Entscheidung erneut auf den Herbst.</li>`;
    const related = `<ul class="related_post">${[1, 2, 3, 4, 5].map(item).join('')}</ul>`;
    const text = extract(page(`<article>${paragraphs(LONG_STORY)}${related}</article>`));
    assert.match(text, /sagte die Sprecherin\.$/);
  });
});

describe('the lead outside the body container', () => {
  const withHeader = (header: string) =>
    extract(page(`<article>${header}<div class="body">${paragraphs(STORY)}</div></article>`));

  test("the standfirst in the article's header joins the story; kicker and date do not", () => {
    const header =
      '<header class="article-head"><span class="kicker">Verkehr</span><h1>Brücke wird saniert</h1>' +
      '<p class="article-intro">Vier Millionen Euro für ein Bauwerk, das seit Jahren bröckelt.</p>' +
      '<span class="date">14.03.2026</span></header>';
    const text = withHeader(header);
    assert.match(
      text,
      /^Vier Millionen Euro für ein Bauwerk, das seit Jahren bröckelt\.\n\nDie Stadt/,
    );
    assert.ok(!text.includes('14.03.2026') && !text.includes('Verkehr\n'));
  });

  test('a sub-headline under the headline, wrapped by the theme, is the deck', () => {
    const header =
      '<header class="c-article-head"><div class="c-article-head__title-wrapper"><h1>Brücke wird saniert</h1>' +
      '<h2 class="c-article-head__subtitle">Die Sanierung dauert bis zum Herbst und kostet mehr als geplant</h2>' +
      '</div></header>';
    assert.match(withHeader(header), /^Die Sanierung dauert bis zum Herbst/);
  });
});

describe('tables and script data', () => {
  test('a table wrapped in <figure>, as WordPress does, stays; a photo caption does not', () => {
    const table =
      '<figure class="wp-block-table"><table><tr><td>Kosten</td><td>4 Mio. Euro</td></tr></table></figure>';
    const photo = '<figure><img src="b.jpg"><figcaption>Foto: Archiv</figcaption></figure>';
    const body = `${paragraphs(STORY.slice(0, 2))}${table}${photo}${paragraphs(STORY.slice(2))}`;
    const text = extract(page(`<article>${body}</article>`));
    assert.match(text, /Kosten 4 Mio\. Euro/);
    assert.ok(!text.includes('Foto: Archiv'));
  });

  test('a photo credit outside any <figure> is left out', () => {
    const credit = '<p class="image-credit">Archivbild Stadtwerke</p>';
    const body = `${paragraphs(STORY)}${credit}${paragraphs(STORY)}`;
    assert.ok(!extract(page(`<article>${body}</article>`)).includes('Archivbild'));
  });

  test('when the markup holds only a teaser, the JSON-LD articleBody is the text', () => {
    const jsonLd = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Brücke wird saniert',
      articleBody: STORY.join('\n'),
    });
    const head = `<script type="application/ld+json">${jsonLd}</script>`;
    const text = extract(page('<div id="app"><p>Die Stadt saniert die Brücke.</p></div>', head));
    assert.equal(text, STORY.join('\n\n'));
  });
});

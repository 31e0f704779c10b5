import {
  escapeHtml,
  renderFooter,
  renderHead,
  renderTopChrome,
  type PageArticle,
} from './page-chrome.js';

export type { PageArticle };

function renderNewsletter(a: PageArticle): string {
  return `<div class="newsletter-box"><p>${escapeHtml(a.pool.newsletterText)}</p>
<form action="/newsletter"><input type="email" name="email"><button>${escapeHtml(a.pool.newsletterButton)}</button></form></div>`;
}

/** Body paragraphs with an ad slot and the newsletter box in the middle, as real pages have. */
function renderBody(a: PageArticle): string {
  const paragraphs = a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  const middle = Math.floor(paragraphs.length / 2);
  paragraphs.splice(middle, 0, '<div class="ad-slot" data-slot="mid-article"></div>');
  paragraphs.splice(middle + 2, 0, renderNewsletter(a));
  return paragraphs.join('\n');
}

function renderArticle(a: PageArticle): string {
  const published = a.publishedAt.toISOString();
  return `<article class="article">
<header><span class="kicker">${escapeHtml(a.section)}</span><h1>${escapeHtml(a.title)}</h1>
<p class="lead">${escapeHtml(a.teaser)}</p>
<div class="byline">${escapeHtml(a.pool.bylinePrefix)} <a rel="author" href="${a.baseUrl}/autor">${escapeHtml(a.author)}</a> · <time datetime="${published}">${published.slice(0, 10)}</time></div></header>
<div class="article-body">
${renderBody(a)}
</div></article>`;
}

function renderRelated(a: PageArticle): string {
  const items = a.related.map((r) => `<li><a href="${r.url}">${escapeHtml(r.title)}</a></li>`);
  return `<aside class="related"><h2>${escapeHtml(a.pool.relatedHeading)}</h2><ul>${items.join('')}</ul></aside>`;
}

function renderComments(a: PageArticle): string {
  const items = a.comments.map(
    (c) =>
      `<div class="comment"><span class="comment-author">${escapeHtml(c.name)}</span><p>${escapeHtml(c.text)}</p></div>`,
  );
  return `<section class="comments" id="comments"><h2>${escapeHtml(a.pool.commentsHeading)}</h2>${items.join('\n')}</section>`;
}

/**
 * An application-state blob of teasers, the kind single-page front ends embed: it brings the
 * page to its target size, and its headlines are text an extractor must not take for the body.
 */
function renderStateBlob(a: PageArticle, bytes: number): string {
  const teasers = a.related.map((r, i) =>
    JSON.stringify({ id: i, title: r.title, url: r.url, tracking: `teaser-${i}` }),
  );
  const cycle = teasers.join(',') + ',';
  const cycleBytes = Buffer.byteLength(cycle);
  const repeats = Math.max(0, Math.ceil(bytes / cycleBytes));
  const items = cycle.repeat(repeats) + '{}';
  return `<script type="application/json" id="__APP_STATE__">{"teasers":[${items}]}</script>`;
}

/** The whole page, padded with the state blob until it is about `targetBytes` long. */
export function renderPage(a: PageArticle, targetBytes: number): string {
  const head = `<!DOCTYPE html>\n<html lang="${a.pool.language}">\n${renderHead(a)}\n<body class="article-page">\n`;
  const main = `${renderTopChrome(a)}\n<main>\n${renderArticle(a)}\n${renderRelated(a)}\n${renderComments(a)}\n</main>\n${renderFooter(a)}\n`;
  const tail = '<script src="/static/app.js" defer></script>\n</body>\n</html>\n';
  const without = Buffer.byteLength(head) + Buffer.byteLength(main) + Buffer.byteLength(tail);
  return head + main + renderStateBlob(a, targetBytes - without) + '\n' + tail;
}

import type { LanguagePool } from './language-pool.js';

/** The article a generated page carries; the chrome around it comes from the pool. */
export interface PageArticle {
  baseUrl: string;
  url: string;
  title: string;
  teaser: string;
  author: string;
  publishedAt: Date;
  section: string;
  paragraphs: string[];
  related: { title: string; url: string }[];
  comments: { name: string; text: string }[];
  pool: LanguagePool;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (ch) => HTML_ESCAPES[ch] ?? ch);
}

/** Real sites ship a sizeable inline style block; extractors must drop it. */
const STYLE = `body{margin:0;font-family:Georgia,serif;color:#1a1a1a}
.site-header{display:flex;align-items:center;border-bottom:1px solid #ddd}
.main-nav ul,.drawer ul{list-style:none;display:flex;flex-wrap:wrap;gap:.75rem;margin:0;padding:.5rem}
.consent-banner{position:fixed;bottom:0;left:0;right:0;background:#fff;box-shadow:0 -2px 8px #0003;padding:1rem}
.article{max-width:42rem;margin:0 auto}.article h1{font-size:2.2rem;line-height:1.15}
.lead{font-weight:bold}.byline{color:#666;font-size:.9rem}.ad-slot{min-height:250px;background:#f4f4f4}
.related{border-top:3px solid #b00}.comments .comment{border-bottom:1px solid #eee;padding:.5rem 0}
.newsletter-box{background:#fff6e0;padding:1rem;margin:1.5rem 0}footer{background:#222;color:#ccc}`;

function analyticsScript(article: PageArticle): string {
  const config = {
    tracking: { property: 'PW-4471-2', anonymizeIp: true, pageType: 'article' },
    section: article.section,
    language: article.pool.language,
  };
  return `<script>window.dataLayer=window.dataLayer||[];window.dataLayer.push(${JSON.stringify(config)});
(function(){var s=document.createElement('script');s.async=true;s.src='/static/tracking-pixel.js';document.head.appendChild(s);})();</script>`;
}

function jsonLd(article: PageArticle): string {
  const data = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.publishedAt.toISOString(),
    author: [{ '@type': 'Person', name: article.author }],
    publisher: { '@type': 'Organization', name: article.pool.outlet },
    mainEntityOfPage: article.url,
    inLanguage: article.pool.language,
  };
  return `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
}

/** OpenGraph and Twitter cards: the title again, where extractors may look for it. */
function socialMeta(a: PageArticle, title: string, teaser: string): string {
  return `<meta property="og:type" content="article">
<meta property="og:title" content="${title}">
<meta property="og:description" content="${teaser}">
<meta property="og:url" content="${a.url}">
<meta property="og:image" content="${a.baseUrl}/static/img/teaser-1200x675.jpg">
<meta property="og:site_name" content="${escapeHtml(a.pool.outlet)}">
<meta property="og:locale" content="${a.pool.locale}">
<meta property="article:published_time" content="${a.publishedAt.toISOString()}">
<meta property="article:section" content="${escapeHtml(a.section)}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:title" content="${title}">`;
}

export function renderHead(a: PageArticle): string {
  const title = escapeHtml(a.title);
  const teaser = escapeHtml(a.teaser);
  return `<head>
<meta charset="utf-8">
<title>${title} | ${escapeHtml(a.pool.outlet)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="${teaser}">
<meta name="robots" content="index, follow, max-image-preview:large">
<meta name="author" content="${escapeHtml(a.author)}">
${socialMeta(a, title, teaser)}
<link rel="canonical" href="${a.url}">
<link rel="preload" as="font" href="/static/fonts/serif.woff2" crossorigin>
<link rel="stylesheet" href="/static/main.css">
${jsonLd(a)}
<script src="/static/vendor.js" defer></script>
${analyticsScript(a)}
<style>${STYLE}</style>
</head>`;
}

function navList(a: PageArticle, prefix: string): string {
  const links = a.pool.nav.map(
    (label, i) => `<li><a href="${a.baseUrl}/${prefix}/${i}">${escapeHtml(label)}</a></li>`,
  );
  return `<ul>${links.join('')}</ul>`;
}

/** Cookie banner first, then the header: a navigation bar and the same labels in a drawer. */
export function renderTopChrome(a: PageArticle): string {
  const p = a.pool;
  return `<div id="cookie-consent" class="consent-banner" role="dialog" aria-modal="true">
<p>${escapeHtml(p.cookieText)}</p><button class="accept">${escapeHtml(p.cookieAccept)}</button><button class="reject">${escapeHtml(p.cookieReject)}</button></div>
<header class="site-header"><a class="logo" href="${a.baseUrl}/">${escapeHtml(p.outlet)}</a>
<nav class="main-nav" aria-label="Main">${navList(a, 'ressort')}</nav>
<nav class="drawer" aria-label="Menu">${navList(a, 'thema')}</nav></header>`;
}

export function renderFooter(a: PageArticle): string {
  const links = a.pool.footerLinks.map((l) => `<a href="${a.baseUrl}/info">${escapeHtml(l)}</a>`);
  return `<footer class="site-footer"><nav>${links.join(' · ')}</nav>
<p>© 2026 ${escapeHtml(a.pool.outlet)}</p></footer>`;
}

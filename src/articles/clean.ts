import type { Element, ParentNode } from 'domhandler';
import { childElements, descendants, hasAncestor, isHeading, removeNode } from './dom.js';
import { hintOf, isOverlay, roleNames, type NegativeHint } from './hints.js';
import { isNamedLead } from './lead.js';
import { computeStats, linkDensity, type BlockStats, type StatsMap } from './stats.js';

/**
 * Elements that never hold article prose. Figures go too: a caption describes a picture
 * ("Foto: dpa / Kay Nietfeld") rather than telling the story, and its credits would pollute
 * the tagger and the cites.
 */
// prettier-ignore
const CHROME_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'iframe', 'canvas', 'object', 'embed',
  'video', 'audio', 'picture', 'img', 'button', 'select', 'input', 'textarea', 'figure',
  'figcaption', 'dialog', 'menu', 'link', 'meta', 'map', 'title', 'base',
]);
/**
 * Page furniture by tag or role: navigation, masthead, footer, sidebar, forms. Their byline
 * reaches the output as `authors`. Judged like class hints, since themes misuse them as wrappers.
 */
const FURNITURE_TAGS = new Set(['nav', 'footer', 'aside', 'form']);
// prettier-ignore
const FURNITURE_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog',
  'menu', 'menubar',
]);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/**
 * Words that mark boilerplate whatever its size: a comment thread can outweigh the article it
 * follows, and a consent wall can be all a page shows. Checked even on the hint-free retry.
 * Matched at the start of a class name or of a dash-separated part of one; not "commentary"
 * (an opinion column) nor the singular "kommentar", which German sites use the same way.
 */
const ALWAYS_BOILERPLATE =
  /(?:^|[-_])(?:comment(?!ary)|kommentare|disqus|respond|repl(?:y|ies)|cookie|consent|gdpr)/i;
function isAlwaysBoilerplate(el: Element): boolean {
  return roleNames(el).some((name) => ALWAYS_BOILERPLATE.test(name));
}

/** Editors wrap tables in `<figure>` too (WordPress does so for every table): those stay. */
export function isChrome(el: Element): boolean {
  if (el.name === 'figure') return !descendants(el).some((d) => d.name === 'table');
  return CHROME_TAGS.has(el.name);
}

/** Paywalls and lazy loaders hide the whole article until a script reveals it: judged by size. */
function isHidden(el: Element): boolean {
  if (el.attribs.hidden !== undefined || el.attribs['aria-hidden'] === 'true') return true;
  return HIDDEN_STYLE.test(el.attribs.style ?? '');
}

/** Removes scripts, styles and media. */
export function removeChrome(root: ParentNode, keepNoscript: boolean): void {
  for (const el of descendants(root)) {
    if (isChrome(el) && !(keepNoscript && el.name === 'noscript')) removeNode(el);
  }
}

/**
 * Removes page furniture and blocks whose class or id says boilerplate (sidebar, related,
 * comments, cookie...), except a block that holds much of the page's prose and reads like
 * prose: a wrapper such as `<div id="main" class="has-sidebar">` or an ASP.NET page-wide form.
 */
export function removeBoilerplate(root: ParentNode, useHints: boolean): void {
  const stats = computeStats(root);
  const total = childElements(root).reduce((sum, el) => sum + proseOf(stats.get(el)), 0);
  pruneMarked(root, { stats, total, useHints });
}

interface PruneContext {
  stats: StatsMap;
  total: number;
  useHints: boolean;
}

/** Share of the page's prose that makes a marked block a wrapper rather than a side box. */
const WRAPPER_SHARE = 0.5;
/** Prose in a marked block above this share is kept when it is nearly link-free. */
const PROSE_SHARE = 0.15;
/** Link density under which a block reads as text rather than as a list of links. */
const PROSE_LINK_DENSITY = 0.25;

function pruneMarked(node: ParentNode, ctx: PruneContext): void {
  for (const el of childElements(node)) {
    if (isMarkedBoilerplate(el, ctx)) removeNode(el);
    else if (el.name === 'header') keepLeadOnly(el, ctx.stats);
    else pruneMarked(el, ctx);
  }
}

/**
 * Of an article's own header, the lead and sub-headline stay, however deep the theme wraps
 * them; kicker, date and byline go.
 */
function keepLeadOnly(header: Element, stats: StatsMap): void {
  for (const child of childElements(header)) {
    if (isHeading(child) || isNamedLead(child) || readsAsProse(stats.get(child))) continue;
    if (descendants(child).some(isHeading)) keepLeadOnly(child, stats);
    else removeNode(child);
  }
}

/** A list is never a page wrapper: a "related" or "sidebar" list goes whatever its size. */
const LIST_TAGS = new Set(['ul', 'ol', 'dl']);

function isMarkedBoilerplate(el: Element, ctx: PruneContext): boolean {
  if (el.name === 'body' || el.name === 'html' || el.attribs.itemprop === 'articleBody') {
    return false;
  }
  if (isAlwaysBoilerplate(el) || (ctx.useHints && isOverlay(el))) return true;
  const mark = markOf(el, ctx.useHints);
  if (mark === undefined) return false;
  if (mark === 'strong' && LIST_TAGS.has(el.name)) return true;
  const s = ctx.stats.get(el);
  const share = proseOf(s) / Math.max(ctx.total, 1);
  if (share >= WRAPPER_SHARE) return false;
  if (mark === 'weak') return !readsAsProse(s);
  return share < PROSE_SHARE || linkDensity(s) > PROSE_LINK_DENSITY;
}

/**
 * The page header is furniture, but an article's own `<header>` holds its headline, deck and
 * lead: unless its class says boilerplate outright, it is trimmed (keepLeadOnly), not dropped,
 * since a weak "head" or "header" class is what themes call every article header.
 */
function markOf(el: Element, useHints: boolean): NegativeHint {
  if (FURNITURE_TAGS.has(el.name) || FURNITURE_ROLES.has(el.attribs.role ?? '')) return 'strong';
  if (isHidden(el)) return 'strong';
  const hint = useHints ? hintOf(el).negative : undefined;
  if (el.name !== 'header') return hint;
  const inArticle = hasAncestor(el, (a) => a.name === 'article' || a.name === 'main');
  if (!inArticle) return 'strong';
  return hint === 'strong' ? hint : undefined;
}

/** Text outside links: what a wrapper's share of the page is measured in. */
function proseOf(s: BlockStats | undefined): number {
  return s === undefined ? 0 : s.text - s.linkText;
}

/** Two sentence marks and few links: a lead or a paragraph, not a label or a link list. */
const PROSE_MIN_PUNCTUATION = 2;
/** Shorter than a sentence of a lead: a date line ("14.03.2026, 09:30 Uhr") or a label. */
const PROSE_MIN_CHARS = 80;

function readsAsProse(s: BlockStats | undefined): boolean {
  if (s === undefined || s.text < PROSE_MIN_CHARS) return false;
  return s.punctuation >= PROSE_MIN_PUNCTUATION && linkDensity(s) <= PROSE_LINK_DENSITY;
}

import type { Element } from 'domhandler';

/**
 * Class and id words that say what a block is. Tokens are matched by prefix ("comments",
 * "navbar", "sidebar-left"), except the short ones in the exact lists, which would otherwise
 * hit "header", "address" or "shadow".
 */
// prettier-ignore
const POSITIVE_PREFIXES = [
  'article', 'content', 'story', 'entry', 'post', 'body', 'text', 'main', 'artikel', 'blog',
  'hentry', 'beitrag', 'news', 'single', 'page',
];
/** Blocks that are boilerplate whatever they contain. */
// prettier-ignore
const STRONG_PREFIXES = [
  'nav', 'menu', 'sidebar', 'aside', 'related', 'recommend', 'comment', 'kommentar', 'promo',
  'share', 'sharing', 'social', 'cookie', 'consent', 'banner', 'newsletter', 'footer',
  'breadcrumb', 'advert', 'sponsor', 'widget', 'subscribe', 'popup', 'modal', 'disqus', 'gdpr',
  'pagination', 'pager', 'byline', 'author', 'masthead', 'skip', 'login', 'signup', 'toolbar',
  'outbrain', 'taboola', 'respond', 'reply', 'trackback', 'pingback', 'copyright', 'impressum',
  'tagcloud', 'taglist', 'empfehl', 'vorlesen', 'paywall', 'overlay', 'follow', 'crumb',
  'postmeta', 'entrymeta', 'dateline', 'print', 'rating',
];
// prettier-ignore
const STRONG_EXACT = new Set([
  'ad', 'ads', 'adv', 'anzeige', 'werbung', 'tags', 'tag', 'rss', 'skyscraper',
]);
/**
 * Blocks that are usually furniture but sometimes hold the lead ("teaser", "header"): removed
 * only when they read as links or labels rather than prose.
 */
// prettier-ignore
const WEAK_PREFIXES = [
  'teaser', 'header', 'caption', 'meta', 'infobox', 'livestream', 'tooltip', 'dropdown',
  'carousel', 'slider', 'gallery', 'more', 'weitere', 'notice', 'alert', 'search', 'posted',
];
// prettier-ignore
const WEAK_EXACT = new Set([
  'extra', 'links', 'date', 'time', 'icon', 'btn', 'button', 'feed', 'aux', 'foot', 'head',
  'side', 'right', 'rechts',
]);

function tokensOf(el: Element): string[] {
  const raw = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  if (raw.trim() === '') return [];
  const spaced = raw.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.split(/[^a-z0-9]+/).filter((t) => t !== '');
}

function matches(tokens: string[], prefixes: string[], exact: Set<string>): boolean {
  return tokens.some((t) => exact.has(t) || prefixes.some((p) => t.startsWith(p)));
}

export type NegativeHint = 'strong' | 'weak' | undefined;

export interface Hint {
  positive: boolean;
  negative: NegativeHint;
}

/**
 * Overlays and sign-up boxes: never a page wrapper, however much text they hold (a login
 * dialog's field hints and error messages can outweigh a short story).
 */
const OVERLAY_PREFIXES = ['login', 'signup', 'modal', 'dialog', 'popup', 'overlay'];

export function isOverlay(el: Element): boolean {
  return matches(tokensOf(el), OVERLAY_PREFIXES, new Set());
}

export function hintOf(el: Element): Hint {
  const tokens = tokensOf(el);
  const strong = matches(tokens, STRONG_PREFIXES, STRONG_EXACT);
  const weak = !strong && matches(tokens, WEAK_PREFIXES, WEAK_EXACT);
  return {
    positive: matches(tokens, POSITIVE_PREFIXES, new Set()),
    negative: strong ? 'strong' : weak ? 'weak' : undefined,
  };
}

/** Readability's ±25 class weight: enough to outweigh a few paragraphs, not a whole article. */
const HINT_WEIGHT = 25;

export function hintWeight(el: Element): number {
  const hint = hintOf(el);
  return (hint.positive ? HINT_WEIGHT : 0) - (hint.negative !== undefined ? HINT_WEIGHT : 0);
}

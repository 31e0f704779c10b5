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
  'ad', 'ads', 'adv', 'anzeige', 'werbung', 'tags', 'tag', 'rss', 'skyscraper', 'toc',
]);
/**
 * Blocks that are usually furniture but sometimes hold the lead ("teaser", "header"): removed
 * only when they read as links or labels rather than prose.
 */
// prettier-ignore
const WEAK_PREFIXES = [
  'teaser', 'header', 'caption', 'meta', 'infobox', 'livestream', 'tooltip', 'dropdown',
  'carousel', 'slider', 'gallery', 'more', 'weitere', 'notice', 'alert', 'search', 'posted',
  'credit',
];
// prettier-ignore
const WEAK_EXACT = new Set([
  'extra', 'links', 'date', 'time', 'icon', 'btn', 'button', 'feed', 'aux', 'foot', 'head',
  'side', 'right', 'rechts',
]);

/**
 * Class names that say nothing about what the block is: WordPress and Drupal label a post with
 * its taxonomy and status ("tag-ads", "category-kommentar", "node--promoted"), and "js-" names
 * are hooks for scripts ("js-replyContainer" wraps a forum post, not a reply form).
 */
const NOT_A_ROLE =
  /^(?:js-|(?:category|tag|format|status|type)-)|^post-\d+$|--(?:promoted|sticky)$/i;
/** "no-sidebar", "has-comments", "without-ads": a layout switch, not the thing it names. */
const MODIFIER_WORDS = new Set(['no', 'has', 'with', 'without']);

/** The class and id names of an element that may say what it is. */
export function roleNames(el: Element): string[] {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`.split(/\s+/);
  return names.filter((name) => name !== '' && !NOT_A_ROLE.test(name));
}

function tokensOf(el: Element): string[] {
  return roleNames(el).flatMap(nameTokens);
}

function nameTokens(name: string): string[] {
  const spaced = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  const words = spaced.split(/[^a-z0-9]+/).filter((t) => t !== '');
  return words.filter((_, i) => i === 0 || !MODIFIER_WORDS.has(words[i - 1] as string));
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

import type { Element, ParentNode } from 'domhandler';
import { descendants, isElement } from './dom.js';
import { hintWeight } from './hints.js';
import { PARAGRAPH_MIN_CHARS, linkDensity, type StatsMap } from './stats.js';

/**
 * Readability's scoring, on our precomputed counts: every paragraph-like block earns points for
 * its punctuation and length and hands them to its ancestors, most to the parent, less further
 * up, so the element that directly holds most prose wins. Its score is then discounted by its
 * link density and shifted by what its class and id say. List items are not scored (nor are
 * they in Readability): a comment thread, a reference list or a teaser list is a long `<ul>` of
 * prose-like items and would outscore the story; a list inside the story joins with its parent.
 */
const SCORED_TAGS = new Set(['p', 'pre', 'td', 'blockquote', 'dd']);
// prettier-ignore
const BLOCK_CHILDREN = new Set([
  'p', 'div', 'section', 'article', 'table', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'main', 'form',
]);
/** Readability hands points up to five ancestor levels; further up everything ties. */
const ANCESTOR_LEVELS = 5;
/** One point per 100 characters, at most 3: length helps, but prose beats a long blob. */
const CHARS_PER_POINT = 100;
const MAX_LENGTH_POINTS = 3;

export type Scores = Map<Element, number>;

export function scoreCandidates(root: ParentNode, stats: StatsMap): Scores {
  const scores: Scores = new Map();
  for (const el of descendants(root)) {
    if (!isParagraphLike(el)) continue;
    const s = stats.get(el);
    if (s === undefined || s.text - s.linkText < PARAGRAPH_MIN_CHARS) continue;
    const points =
      1 + s.punctuation + Math.min(Math.floor(s.text / CHARS_PER_POINT), MAX_LENGTH_POINTS);
    handUp(el, points, scores);
  }
  for (const [el, raw] of scores) scores.set(el, raw * (1 - linkDensity(stats.get(el))));
  return scores;
}

function isParagraphLike(el: Element): boolean {
  if (SCORED_TAGS.has(el.name)) return true;
  if (el.name !== 'div' && el.name !== 'section' && el.name !== 'span') return false;
  return !el.children.some((c) => isElement(c) && BLOCK_CHILDREN.has(c.name));
}

function handUp(el: Element, points: number, scores: Scores): void {
  let ancestor = el.parent;
  for (let level = 0; level < ANCESTOR_LEVELS && ancestor !== null; level++) {
    if (!isElement(ancestor)) break;
    const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
    scores.set(ancestor, (scores.get(ancestor) ?? initialScore(ancestor)) + points / divider);
    ancestor = ancestor.parent;
  }
}

/** Readability's priors by tag, plus class hints and explicit article markup. */
const TAG_PRIOR: Record<string, number> = {
  div: 5,
  article: 10,
  main: 5,
  section: 3,
  pre: 3,
  td: 3,
  blockquote: 3,
  form: -3,
  ol: -3,
  ul: -3,
  dl: -3,
  dd: -3,
  dt: -3,
  li: -3,
  address: -3,
  h1: -5,
  h2: -5,
  h3: -5,
  th: -5,
};
/** Schema.org's own marker for the story text: worth more than any class hint. */
const ARTICLE_BODY_BONUS = 50;

function initialScore(el: Element): number {
  const prior = TAG_PRIOR[el.name] ?? 0;
  const bonus = el.attribs.itemprop === 'articleBody' ? ARTICLE_BODY_BONUS : 0;
  return prior + bonus + hintWeight(el);
}

import type { Element, ParentNode } from 'domhandler';
import { childElements, contains, isElement } from './dom.js';
import { hintOf } from './hints.js';
import { linkDensity, type StatsMap } from './stats.js';
import type { Scores } from './score.js';

/**
 * Picks the element holding the story and the siblings that continue it (Readability's
 * top candidate, promotion and sibling merge).
 */
export function selectContent(body: ParentNode, stats: StatsMap, scores: Scores): Element[] {
  const best = bestCandidate(scores);
  if (best === undefined) return childElements(body);
  const top = widenToSharedAncestor(promote(best, body, scores), body, scores);
  return withSiblings(top, stats, scores);
}

/**
 * Rows and lists are never the story's container: a row is one line of a table, and a list
 * that outscores everything else is a comment thread, a reference list or a ticker.
 */
const NOT_CONTAINERS = new Set(['ul', 'ol', 'dl', 'li', 'tr', 'thead', 'tbody', 'tfoot']);

function bestCandidate(scores: Scores): Element | undefined {
  let best: Element | undefined;
  let bestScore = -Infinity;
  for (const [el, score] of scores) {
    if (score > bestScore && !NOT_CONTAINERS.has(el.name)) [best, bestScore] = [el, score];
  }
  return best;
}

/** An ancestor scoring higher than the candidate holds more of the same story: take it. */
function promote(top: Element, body: ParentNode, scores: Scores): Element {
  let last = scores.get(top) ?? 0;
  // Readability: an ancestor scoring under a third of the candidate is a page wrapper.
  const threshold = last / 3;
  for (let p = top.parent; p !== null && p !== body && isElement(p); p = p.parent) {
    const score = scores.get(p);
    if (score === undefined) continue;
    if (score < threshold) break;
    if (score > last) return onlyChildUp(p, body);
    last = score;
  }
  return onlyChildUp(top, body);
}

/** A lone child says nothing its wrapper does not; the wrapper's siblings may be content. */
function onlyChildUp(el: Element, body: ParentNode): Element {
  let current = el;
  while (current.parent !== null && current.parent !== body && isElement(current.parent)) {
    if (childElements(current.parent).length !== 1) break;
    current = current.parent;
  }
  return current;
}

/** Readability: close runners-up (75% of the best) that are 3+ under one ancestor are one story. */
const RUNNER_UP_SHARE = 0.75;
const RUNNERS_UP_NEEDED = 3;
const RUNNERS_UP_CONSIDERED = 5;

function widenToSharedAncestor(top: Element, body: ParentNode, scores: Scores): Element {
  const topScore = scores.get(top) ?? 0;
  const runnersUp = [...scores]
    .filter(([el, score]) => el !== top && score >= topScore * RUNNER_UP_SHARE)
    .sort((a, b) => b[1] - a[1])
    .slice(0, RUNNERS_UP_CONSIDERED)
    .map(([el]) => el);
  if (runnersUp.length < RUNNERS_UP_NEEDED) return top;
  for (let p = top.parent; p !== null && p !== body && isElement(p); p = p.parent) {
    const inside = runnersUp.filter((el) => contains(p as Element, el)).length;
    if (inside >= RUNNERS_UP_NEEDED) return p;
  }
  return top;
}

/** A sibling must score a fifth of the winner (at least 10 points) to join it. */
const SIBLING_SHARE = 0.2;
const SIBLING_MIN_SCORE = 10;
/** A sibling paragraph joins when it reads like prose: long and nearly link-free, or a sentence. */
const LONG_PARAGRAPH = 80;
const PROSE_LINK_DENSITY = 0.25;

function withSiblings(top: Element, stats: StatsMap, scores: Scores): Element[] {
  const parent = top.parent;
  if (parent === null) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(SIBLING_MIN_SCORE, topScore * SIBLING_SHARE);
  return childElements(parent).filter((sibling) => {
    if (sibling === top) return true;
    const sameClass =
      sibling.attribs.class !== undefined && sibling.attribs.class === top.attribs.class;
    const bonus = sameClass ? topScore * SIBLING_SHARE : 0;
    if ((scores.get(sibling) ?? 0) + bonus >= threshold) return true;
    if (NOT_CONTAINERS.has(sibling.name)) return false;
    return (
      isProse(sibling, stats) && (sibling.name === 'p' || hintOf(sibling).negative !== 'strong')
    );
  });
}

function isProse(el: Element, stats: StatsMap): boolean {
  const s = stats.get(el);
  if (s === undefined) return false;
  const density = linkDensity(s);
  if (s.text > LONG_PARAGRAPH) return density < PROSE_LINK_DENSITY;
  return s.text > 0 && density === 0 && s.punctuation > 0;
}

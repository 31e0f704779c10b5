import type { Element } from 'domhandler';
import { descendants, isElement, removeNode } from './dom.js';
import { hintWeight } from './hints.js';
import { linkDensity, type BlockStats, type StatsMap } from './stats.js';
import type { Scores } from './score.js';

/**
 * Readability's "clean conditionally", inside the chosen content: a block with little prose
 * (few commas) and many links is a share bar, a tag list or a related box that sat inside the
 * article element. Walks bottom-up so a box is judged without the junk already removed inside it.
 */
const CONDITIONAL_TAGS = new Set(['div', 'section', 'ul', 'ol', 'table', 'dl', 'form', 'fieldset']);
/**
 * A paragraph is prose even with a few links in it ("laut Drucksache und Bericht"); it goes
 * only when it is mostly link, such as "Mehr zum Thema – <a>…</a>".
 */
const MAX_PARAGRAPH_LINK_DENSITY = 0.5;
/** Ten commas are a real paragraph or two: such a block is never dropped for its links. */
const PROSE_PUNCTUATION = 10;
/** Link share over which a block without a positive hint is navigation (Readability: 0.2). */
const MAX_LINK_DENSITY = 0.2;
/** A positively hinted block gets more leeway before its links condemn it. */
const MAX_LINK_DENSITY_HINTED = 0.5;
/** Blocks shorter than a short sentence that are partly links are "Mehr zum Thema"-style labels. */
const SHORT_BLOCK = 25;

export function pruneContent(containers: Element[], stats: StatsMap, scores: Scores): void {
  for (const container of containers) {
    const inner = descendants(container).reverse();
    for (const el of inner) {
      if (
        isJunkParagraph(el, stats) ||
        (CONDITIONAL_TAGS.has(el.name) && isJunk(el, stats, scores))
      ) {
        removeWithStats(el, stats);
      }
    }
  }
}

function isJunk(el: Element, stats: StatsMap, scores: Scores): boolean {
  const s = stats.get(el);
  if (s === undefined || s.text === 0) return true;
  const weight = hintWeight(el);
  if (s.punctuation >= PROSE_PUNCTUATION && linkDensity(s) < MAX_LINK_DENSITY_HINTED) return false;
  if (weight + (scores.get(el) ?? 0) < 0) return true;
  return isLinkHeavy(s, weight) || (s.text < SHORT_BLOCK && s.linkText > 0);
}

function isJunkParagraph(el: Element, stats: StatsMap): boolean {
  if (el.name !== 'p') return false;
  const s = stats.get(el);
  return (
    s !== undefined &&
    s.punctuation < PROSE_PUNCTUATION &&
    linkDensity(s) > MAX_PARAGRAPH_LINK_DENSITY
  );
}

function isLinkHeavy(s: BlockStats, weight: number): boolean {
  const density = linkDensity(s);
  return weight > 0 ? density > MAX_LINK_DENSITY_HINTED : density > MAX_LINK_DENSITY;
}

/** Removes a block and takes its counts off its ancestors, so their judgement stays true. */
function removeWithStats(el: Element, stats: StatsMap): void {
  const removed = stats.get(el);
  for (let p = el.parent; p !== null && removed !== undefined; p = p.parent) {
    const s = isElement(p) ? stats.get(p) : undefined;
    if (s === undefined) continue;
    s.text -= removed.text;
    s.linkText -= removed.linkText;
    s.punctuation -= removed.punctuation;
    s.paragraphs -= removed.paragraphs;
    s.paragraphText -= removed.paragraphText;
  }
  removeNode(el);
}

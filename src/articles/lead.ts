import type { Element } from 'domhandler';
import { contains, descendants, hasAncestor, isElement } from './dom.js';
import { roleNames } from './hints.js';
import { linkDensity, type StatsMap } from './stats.js';

/**
 * The lead (standfirst, intro, excerpt) of a news article usually sits in the article's
 * header, above the body container that wins the scoring: it is found by the names news CMSs
 * give it and joined to the story, since it is the story's first paragraph.
 */
const LEAD_NAME =
  /(?:^|[-_])(?:lead|intro|excerpt|standfirst|teaser|subtitle|subheadline|summary|abstract|dek|deck|sapo|chapo|bajada|entradilla|vorspann|anriss)(?:$|[-_])/i;
const DECK_TAGS = new Set(['p', 'h2', 'h3']);
/** How far up from the chosen content the lead is looked for: the article, not the page. */
const LEAD_SEARCH_LEVELS = 4;
/** A lead is at least a sentence (shorter is a kicker or a label) and at most a few. */
const LEAD_MIN_CHARS = 40;
const LEAD_MAX_CHARS = 1000;
/** A lead is prose; a block of links under such a name is a teaser list. */
const LEAD_MAX_LINK_DENSITY = 0.25;

/** The lead before the first container, if the page has one outside the chosen content. */
export function findLead(containers: Element[], stats: StatsMap): Element | undefined {
  const first = containers[0];
  if (first === undefined) return undefined;
  let ancestor = first.parent;
  for (let level = 0; level < LEAD_SEARCH_LEVELS && ancestor !== null; level++) {
    if (!isElement(ancestor)) return undefined;
    const lead = leadBefore(ancestor, first, stats);
    if (lead !== undefined) return lead;
    ancestor = ancestor.parent;
  }
  return undefined;
}

/**
 * The last lead-like element of `root` that comes before `first` in document order, neither
 * holding it (a wrapper named "entry-summary") nor inside a lead already found.
 */
function leadBefore(root: Element, first: Element, stats: StatsMap): Element | undefined {
  let found: Element | undefined;
  for (const el of descendants(root)) {
    if (el === first) break;
    if (contains(el, first) || (found !== undefined && contains(found, el))) continue;
    if (isLead(el, stats)) found = el;
  }
  return found;
}

function isLead(el: Element, stats: StatsMap): boolean {
  if (!isNamedLead(el) && !isHeaderDeck(el)) return false;
  const s = stats.get(el);
  if (s === undefined || s.text < LEAD_MIN_CHARS || s.text > LEAD_MAX_CHARS) return false;
  return linkDensity(s) < LEAD_MAX_LINK_DENSITY;
}

export function isNamedLead(el: Element): boolean {
  return el.attribs.itemprop === 'description' || roleNames(el).some((n) => LEAD_NAME.test(n));
}

/** The sub-headline under the headline in the article's own header: the deck. */
function isHeaderDeck(el: Element): boolean {
  return (
    DECK_TAGS.has(el.name) && hasAncestor(el, (a) => a.name === 'header' || a.name === 'hgroup')
  );
}

import type { AnyNode, Element, ParentNode } from 'domhandler';
import { isElement } from './dom.js';

/** Counts over one subtree that the scoring and pruning read. */
export interface BlockStats {
  /** Characters of text, whitespace collapsed. */
  text: number;
  /** Characters of text inside links. */
  linkText: number;
  /** Commas and sentence marks: prose has many, menus and tag lists have none. */
  punctuation: number;
  /** `<p>` elements with at least PARAGRAPH_MIN_CHARS of text. */
  paragraphs: number;
  /** Characters of text inside `<p>`, `<pre>` and `<blockquote>`. */
  paragraphText: number;
}

/** Readability's lower bound for a paragraph worth counting: shorter lines are labels. */
export const PARAGRAPH_MIN_CHARS = 25;
/**
 * Sentence marks, but not the separators inside numbers ("3078.02", "14.03.2026", "09:30"):
 * a stock ticker or a results table is all numbers and would read as prose.
 */
const PUNCTUATION = /[,.;:](?!\d)|[!?،、，。…]/g;
const PROSE_TAGS = new Set(['p', 'pre', 'blockquote']);

export type StatsMap = Map<Element, BlockStats>;

export function computeStats(root: ParentNode): StatsMap {
  const map: StatsMap = new Map();
  for (const child of root.children) statsOf(child, map, false);
  return map;
}

function emptyStats(): BlockStats {
  return { text: 0, linkText: 0, punctuation: 0, paragraphs: 0, paragraphText: 0 };
}

function statsOf(node: AnyNode, map: StatsMap, inLink: boolean): BlockStats {
  const stats = emptyStats();
  if (node.type === 'text') return textStats(node.data, inLink);
  if (!isElement(node)) return stats;
  const childInLink = inLink || node.name === 'a';
  for (const child of node.children) addInto(stats, statsOf(child, map, childInLink));
  if (PROSE_TAGS.has(node.name)) {
    stats.paragraphText = stats.text;
    if (node.name === 'p' && stats.text >= PARAGRAPH_MIN_CHARS) stats.paragraphs += 1;
  }
  map.set(node, stats);
  return stats;
}

function textStats(data: string, inLink: boolean): BlockStats {
  const stats = emptyStats();
  const collapsed = data.replace(/\s+/g, ' ');
  stats.text = collapsed === ' ' ? 0 : collapsed.length;
  if (inLink) stats.linkText = stats.text;
  else stats.punctuation = collapsed.match(PUNCTUATION)?.length ?? 0;
  return stats;
}

function addInto(into: BlockStats, from: BlockStats): void {
  into.text += from.text;
  into.linkText += from.linkText;
  into.punctuation += from.punctuation;
  into.paragraphs += from.paragraphs;
  into.paragraphText += from.paragraphText;
}

export function linkDensity(stats: BlockStats | undefined): number {
  if (stats === undefined || stats.text === 0) return 0;
  return stats.linkText / stats.text;
}

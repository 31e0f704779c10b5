import type { Document, Element, ParentNode } from 'domhandler';
import { descendants, textContent } from './dom.js';
import { removeBoilerplate, removeChrome } from './clean.js';
import { scoreCandidates } from './score.js';
import { selectContent } from './select.js';
import { pruneContent } from './prune.js';
import { renderText } from './render.js';
import { computeStats } from './stats.js';

export interface MainContent {
  text: string;
  /** The elements the text came from, for the links they hold. */
  containers: Element[];
}

export interface BodyOptions {
  /** Off for the second try, when class hints removed too much (Readability's flag retry). */
  useHints: boolean;
  title?: string;
}

/** Finds the story in a parsed page. Mutates the DOM: parse a fresh copy per call. */
export function extractMainContent(doc: Document, options: BodyOptions): MainContent {
  const body = findBody(doc);
  removeChrome(body);
  removeBoilerplate(body, options.useHints);
  const stats = computeStats(body);
  const scores = scoreCandidates(body, stats);
  const containers = selectContent(body, stats, scores);
  pruneContent(containers, stats, scores);
  dropTitleHeading(containers, options.title);
  return { text: renderText(containers), containers };
}

/** htmlparser2 adds no `<body>` of its own; pages without one are read whole. */
function findBody(doc: Document): ParentNode {
  // htmlparser2 does not close an unclosed <head> at the first <div>: <body> may sit inside it.
  return descendants(doc).find((el) => el.name === 'body') ?? doc;
}

/** The headline is the title field; repeating it would start every body with it. */
function dropTitleHeading(containers: Element[], title: string | undefined): void {
  if (title === undefined) return;
  for (const container of containers) {
    for (const heading of [container, ...descendants(container)]) {
      if (heading.name === 'h1' && textContent(heading) === title) heading.children = [];
    }
  }
}

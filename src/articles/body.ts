import type { Document, Element } from 'domhandler';
import { descendants, textContent } from './dom.js';
import { removeBoilerplate, removeChrome } from './clean.js';
import { scoreCandidates } from './score.js';
import { selectContent } from './select.js';
import { findLead } from './lead.js';
import { pruneContent } from './prune.js';
import { renderText } from './render.js';
import { renderHtml } from './html.js';
import { computeStats } from './stats.js';

export interface MainContent {
  text: string;
  /** The same content as an HTML subset: structure kept, classes and wrappers gone. */
  html: string;
  /** The elements the text came from, for the links they hold. */
  containers: Element[];
}

export interface BodyOptions {
  /** Off for the second try, when class hints removed too much (Readability's flag retry). */
  useHints: boolean;
  /** On for the second try too: some blogs serve the whole post inside `<noscript>`. */
  keepNoscript: boolean;
  title?: string;
}

/** Finds the story in a parsed page. Mutates the DOM: parse a fresh copy per call. */
export function extractMainContent(doc: Document, options: BodyOptions): MainContent {
  // The whole document, not <body>: htmlparser2 does not close an unclosed <head> at the first
  // <div>, so story text can sit in <head>, and <body> may be missing or nested anywhere.
  const body = doc;
  removeChrome(body, options.keepNoscript);
  removeBoilerplate(body, options.useHints);
  const stats = computeStats(body);
  const scores = scoreCandidates(body, stats);
  const chosen = selectContent(body, stats, scores);
  const lead = findLead(chosen, stats);
  const containers = lead === undefined ? chosen : [lead, ...chosen];
  pruneContent(containers, stats, scores);
  dropTitleHeading(containers, options.title);
  return { text: renderText(containers), html: renderHtml(containers), containers };
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

import { FeedParseError } from '../core/stage-errors.js';

/**
 * 100 levels: inline XHTML content nests a dozen deep at most; deeper is built to exhaust a
 * recursive parser's stack.
 */
export const MAX_NESTING_DEPTH = 100;

/** An entity whose value names another entity: the "billion laughs" expansion pattern. */
const NESTED_ENTITY = /<!ENTITY\s+%?\s*[\w.-]+\s+(?:"[^"]*&[\w.-]+;[^"]*"|'[^']*&[\w.-]+;[^']*')/;
/** An external entity: the parser must never read files or URLs named by a feed. */
const EXTERNAL_ENTITY = /<!ENTITY\s+%?\s*[\w.-]+\s+(?:SYSTEM|PUBLIC)\b/;
/** CDATA, comments, declarations and processing instructions open no element. */
const MARKUP = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<[!?][^>]*>|<(\/?)[^>]*?(\/?)>/g;

/**
 * Refuses XML built to hurt a parser before it reaches one: entity expansion bombs, external
 * entities, and nesting deeper than MAX_NESTING_DEPTH. Plain entities (`&id;`) stay allowed.
 */
export function guardFeedText(text: string, feedUrl: string): void {
  const refuse = (reason: string): never => {
    throw new FeedParseError(`${feedUrl}: refused: ${reason}`, { context: { url: feedUrl } });
  };
  const prolog = text.slice(0, text.search(/<(?![!?])/) + 1 || text.length);
  if (NESTED_ENTITY.test(prolog)) refuse('entity declarations that expand other entities');
  if (EXTERNAL_ENTITY.test(prolog)) refuse('external entity declarations');
  if (nestingDepth(text) > MAX_NESTING_DEPTH)
    refuse(`elements nested deeper than ${MAX_NESTING_DEPTH} levels`);
}

function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [tag, closing, selfClosing] of text.matchAll(MARKUP)) {
    if (tag.startsWith('<!') || tag.startsWith('<?')) continue;
    if (closing) depth--;
    else if (!selfClosing) depth++;
    if (depth > deepest) deepest = depth;
    if (deepest > MAX_NESTING_DEPTH) break;
  }
  return deepest;
}

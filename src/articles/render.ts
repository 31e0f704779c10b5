import type { AnyNode, Element } from 'domhandler';
import { isBylineLine } from './authors.js';
import { isElement } from './dom.js';
import { isBoilerplateLine, trimEnds } from './tail.js';

/** Elements after which a reader sees a new paragraph. */
// prettier-ignore
const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption', 'blockquote', 'pre', 'dl', 'dt', 'dd',
  'address', 'hr', 'center', 'details', 'summary', 'body', 'html', 'form', 'fieldset', 'legend',
  'header', 'footer', 'nav', 'aside',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Table cells sit side by side: a space keeps their words apart. */
const CELL_TAGS = new Set(['td', 'th']);

interface Paragraph {
  text: string;
  /** 1–6 for `<h1>`–`<h6>`, 0 for body text. */
  level: number;
}

interface RenderState {
  buffer: string[];
  paragraphs: Paragraph[];
}

/**
 * Plain text of the chosen content: one paragraph per block element, separated by a blank
 * line; `<br>` breaks a line; whitespace collapsed inside each line.
 */
export function renderText(roots: Element[]): string {
  const state: RenderState = { buffer: [], paragraphs: [] };
  for (const root of roots) walk(root, state, 0);
  flush(state, 0);
  const kept = dropOrphanHeadings(state.paragraphs).filter(
    (p) => !isBylineLine(p.text) && !isBoilerplateLine(p.text),
  );
  return trimEnds(kept)
    .map((p) => p.text)
    .join('\n\n');
}

function walk(node: AnyNode, state: RenderState, level: number): void {
  if (node.type === 'text') {
    state.buffer.push(node.data.replace(/\s+/g, ' '));
    return;
  }
  if (!isElement(node)) return;
  if (node.name === 'br') {
    state.buffer.push('\n');
    return;
  }
  const block = BLOCK_TAGS.has(node.name);
  const inner = level || (HEADING_TAGS.has(node.name) ? Number(node.name[1]) : 0);
  if (block) flush(state, level);
  for (const child of node.children) walk(child, state, inner);
  if (block) flush(state, inner);
  else if (CELL_TAGS.has(node.name)) state.buffer.push(' ');
}

function flush(state: RenderState, level: number): void {
  if (state.buffer.length === 0) return;
  const raw = state.buffer.join('');
  state.buffer.length = 0;
  for (const chunk of raw.split(/\n[^\S\n]*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.replace(/\s+/g, ' ').trim())
      .filter((line) => line !== '');
    if (lines.length > 0) state.paragraphs.push({ text: lines.join('\n'), level });
  }
}

/** "Weitere Informationen:", "Read more:": a label that introduces what follows it. */
const MAX_LABEL_CHARS = 60;
/** Labels rank below every heading: any heading after a label ends the label's section. */
const LABEL_LEVEL = 7;

function labelLevel(p: Paragraph): number {
  if (p.level > 0) return p.level;
  return p.text.length <= MAX_LABEL_CHARS && p.text.endsWith(':') ? LABEL_LEVEL : 0;
}

/**
 * A heading whose section holds no text (the next thing is the end or a heading of the same
 * or higher rank) headed a box we removed, such as "Mehr zum Thema" over a pruned link list.
 */
function dropOrphanHeadings(paragraphs: Paragraph[]): Paragraph[] {
  const kept: Paragraph[] = [];
  // What follows the paragraph at hand: 0 for the end of the text, Infinity for body text.
  let nextLevel = 0;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const p = paragraphs[i] as Paragraph;
    const level = labelLevel(p);
    if (level > 0 && nextLevel <= level) continue;
    kept.push(p);
    nextLevel = level === 0 ? Infinity : level;
  }
  return kept.reverse();
}

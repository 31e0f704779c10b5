import type { AnyNode, Element } from 'domhandler';
import { isElement } from './dom.js';

/** The tags an article's structure needs; every other element is unwrapped to its content. */
// prettier-ignore
const KEPT_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'table',
  'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'dl', 'dt', 'dd', 'em', 'strong', 'b', 'i', 'a',
  'br', 'sub', 'sup',
]);
const VOID_TAGS = new Set(['br']);
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] as string);
}

/**
 * The article's HTML subset: its structure (paragraphs, headings, lists, tables, quotes, links)
 * without classes, styles, scripts or wrappers, for later rendering or re-extraction.
 */
export function renderHtml(roots: Element[]): string {
  const out: string[] = [];
  for (const root of roots) write(root, out);
  return out.join('').trim();
}

function write(node: AnyNode, out: string[]): void {
  if (node.type === 'text') {
    out.push(escape(node.data.replace(/\s+/g, ' ')));
    return;
  }
  if (!isElement(node)) return;
  const kept = KEPT_TAGS.has(node.name);
  if (kept) out.push(openTag(node));
  if (VOID_TAGS.has(node.name)) return;
  for (const child of node.children) write(child, out);
  if (kept) out.push(`</${node.name}>`);
}

/** Only a link keeps an attribute: where it points, when that is a web address. */
function openTag(el: Element): string {
  const href = el.attribs.href;
  if (el.name === 'a' && href !== undefined && /^https?:/i.test(href)) {
    return `<a href="${escape(href)}">`;
  }
  return `<${el.name}>`;
}

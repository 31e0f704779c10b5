import type { AnyNode, Element, ParentNode, Text } from 'domhandler';

/** Small helpers over htmlparser2's DOM: walking it directly is far cheaper than via Cheerio. */

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

export function childElements(node: ParentNode): Element[] {
  return node.children.filter(isElement);
}

export function removeNode(node: AnyNode): void {
  const parent = node.parent;
  if (parent === null) return;
  const index = parent.children.indexOf(node as never);
  if (index >= 0) parent.children.splice(index, 1);
  node.parent = null;
}

/** Text of a subtree with runs of whitespace collapsed to one space. */
export function textContent(node: AnyNode): string {
  const parts: string[] = [];
  collectText(node, parts);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function collectText(node: AnyNode, parts: string[]): void {
  if (node.type === 'text') parts.push(node.data);
  else if ('children' in node) for (const child of node.children) collectText(child, parts);
}

/** Every element below `root`, depth first, in document order. */
export function descendants(root: ParentNode): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (!isElement(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return out;
}

/** Every text node below `root`, in document order. */
export function textNodes(root: ParentNode): Text[] {
  const out: Text[] = [];
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (node.type === 'text') out.push(node);
    else if ('children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
    }
  }
  return out;
}

export function isHeading(el: Element): boolean {
  return /^h[1-6]$/.test(el.name);
}

/** Whether `el` lies somewhere inside `ancestor`. */
export function contains(ancestor: Element, el: AnyNode): boolean {
  for (let p = el.parent; p !== null; p = p.parent) if (p === ancestor) return true;
  return false;
}

export function hasAncestor(node: AnyNode, test: (el: Element) => boolean): boolean {
  for (let p = node.parent; p !== null; p = p.parent) {
    if (isElement(p) && test(p)) return true;
  }
  return false;
}

import { type Document, DomHandler, isTag, type AnyNode, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';

/**
 * A page's HTML as a tree, in Node and in the service worker alike (no DOMParser there). htmlparser2's Parser
 * feeds domhandler directly: the background bundle aliases `htmlparser2` to its Parser alone, so its
 * `parseDocument` helper is not available there.
 */
export function parseHtml(html: string): Document {
  let failure: Error | null = null;
  const handler = new DomHandler((error) => {
    failure = error;
  });
  // Lower-cased names and decoded entities: what selectors and the text expect, as in a browser.
  const parser = new Parser(handler, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.end(html);
  // The parser works synchronously: the tree is whole once `end` returns.
  if (failure) throw failure;
  return handler.root;
}

/** Elements in document order, depth first; `skip` prunes a subtree (its root included). */
export function* elementsOf(root: AnyNode, skip?: (element: Element) => boolean): Generator<Element> {
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as AnyNode;
    if (isTag(node)) {
      if (skip?.(node)) continue;
      yield node;
    }
    if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
}

/** Takes the node out of the tree (its parent's children and its siblings' links). */
export function detach(node: AnyNode): void {
  const parent = node.parent;
  if (parent) {
    const index = parent.children.indexOf(node as (typeof parent.children)[number]);
    if (index >= 0) parent.children.splice(index, 1);
  }
  if (node.prev) node.prev.next = node.next;
  if (node.next) node.next.prev = node.prev;
  node.parent = node.prev = node.next = null;
}

import type { ForgeDoc } from '../../preview/client/forge-doc';

export type { ForgeDoc };

export function walk(doc: ForgeDoc | undefined, visit: (node: ForgeDoc) => void): void {
  if (!doc) return;
  visit(doc);
  for (const child of doc.children ?? []) walk(child, visit);
}

/** All visible text: String nodes' text (siblings joined as rendered) plus text-bearing props (titles, table cells, code). */
export function textOf(doc: ForgeDoc | undefined): string {
  if (!doc) return '';
  if (doc.type === 'String') return typeof doc.props.text === 'string' ? doc.props.text : '';
  const parts: string[] = [];
  for (const prop of ['title', 'header', 'description', 'text', 'caption']) {
    if (typeof doc.props[prop] === 'string') parts.push(doc.props[prop] as string);
  }
  const inline = (doc.children ?? []).map((child) => (child.type === 'String' ? textOf(child) : ` ${textOf(child)} `)).join('');
  return [...parts, inline].join(' ').replace(/\s+/g, ' ').trim();
}

export function findAll(doc: ForgeDoc | undefined, type: string): ForgeDoc[] {
  const found: ForgeDoc[] = [];
  walk(doc, (node) => node.type === type && found.push(node));
  return found;
}

export function findButton(doc: ForgeDoc | undefined, label: string): ForgeDoc | undefined {
  return findAll(doc, 'Button').find((b) => textOf(b).includes(label));
}

/** A render that has finished loading: no spinner left, and something to read. */
export function settled(root: ForgeDoc | undefined): boolean {
  return !!root && findAll(root, 'Spinner').length === 0 && textOf(root).length > 0;
}
